package events

import (
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/segment"
)

// testActors are the actors the hand-made mentions below point to.
var testActors = map[string]doc.Actor{
	"Kaboré":             {ID: "p-kabore", Name: "Kaboré", Kind: "person", Country: "BFA", Sector: []string{"GOV"}},
	"Tshisekedi":         {ID: "p-tshisekedi", Name: "Tshisekedi", Kind: "person", Country: "COD", Sector: []string{"GOV"}},
	"Ruto":               {ID: "p-ruto", Name: "Ruto", Kind: "person", Country: "KEN", Sector: []string{"GOV"}},
	"Niger":              {ID: "NER", Name: "Niger", Kind: "country", Country: "NER"},
	"Tchad":              {ID: "TCD", Name: "Tchad", Kind: "country", Country: "TCD"},
	"Chad":               {ID: "TCD", Name: "Chad", Kind: "country", Country: "TCD"},
	"Bénin":              {ID: "BEN", Name: "Bénin", Kind: "country", Country: "BEN"},
	"Benin":              {ID: "BEN", Name: "Benin", Kind: "country", Country: "BEN"},
	"Togo":               {ID: "TGO", Name: "Togo", Kind: "country", Country: "TGO"},
	"Ghana":              {ID: "GHA", Name: "Ghana", Kind: "country", Country: "GHA"},
	"Sénégal":            {ID: "SEN", Name: "Sénégal", Kind: "country", Country: "SEN"},
	"Senegal":            {ID: "SEN", Name: "Senegal", Kind: "country", Country: "SEN"},
	"l'AFP":              {ID: "afp", Name: "AFP", Kind: "organization", Sector: []string{"JRN"}},
	"AFP":                {ID: "afp", Name: "AFP", Kind: "organization", Sector: []string{"JRN"}},
	"les rebelles":       {ID: "x-rebels", Name: "rebels", Kind: "collective", Sector: []string{"REB"}},
	"the rebels":         {ID: "x-rebels", Name: "rebels", Kind: "collective", Sector: []string{"REB"}},
	"l'armée tchadienne": {ID: "TCD-MIL", Name: "Chadian army", Kind: "organization", Country: "TCD", Sector: []string{"MIL"}},
	"the Chadian army":   {ID: "TCD-MIL", Name: "Chadian army", Kind: "organization", Country: "TCD", Sector: []string{"MIL"}},
	"Hezbollah":          {ID: "hezbollah", Name: "Hezbollah", Kind: "organization", Country: "LBN", Sector: []string{"REB"}},
	"Party of God":       {ID: "x-party-of-god", Name: "Party of God", Kind: "organization", Sector: []string{}},
	"Parti de Dieu":      {ID: "x-parti-de-dieu", Name: "Parti de Dieu", Kind: "organization", Sector: []string{}},
	"John Doe":           {ID: "x-john-doe", Name: "John Doe", Kind: "person", Sector: []string{}},
	"Chadian":            {ID: "TCD", Name: "Chad", Kind: "country", Country: "TCD"},
}

// read builds a document with hand-made mentions of testActors and time expressions
// (given as text → value), then codes it.
func read(t *testing.T, c *Coder, lang, text string, timexes map[string]string) *doc.Document {
	t.Helper()
	d := &doc.Document{ID: "t", Lang: lang, Text: text, Anchor: time.Date(2023, 5, 10, 0, 0, 0, 0, time.UTC)}
	d.Published = d.Anchor
	d.Fold = normalize.Fold(text)
	seg := segment.New()
	if err := seg.Process(d); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	// longest names first so that "l'armée tchadienne" wins over "Tchad"
	names := make([]string, 0, len(testActors))
	for n := range testActors {
		names = append(names, n)
	}
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if len(names[j]) > len(names[i]) {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	taken := make([]bool, len(text))
	for _, n := range names {
		for off := 0; ; {
			i := strings.Index(text[off:], n)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(n)
			off = e
			if taken[s] || (e < len(text) && isLetter(text[e])) || (s > 0 && isLetter(text[s-1])) {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			a := testActors[n]
			d.Mentions = append(d.Mentions, doc.Mention{Start: s, End: e, Text: n, Type: "GPE", Actor: a.ID, Tok0: d.TokenAt(s), Tok1: d.TokenAt(e-1) + 1})
			if !seen[a.ID] {
				d.Actors = append(d.Actors, a)
				seen[a.ID] = true
			}
		}
	}
	sortMentions(d.Mentions)
	for tx, v := range timexes {
		i := strings.Index(text, tx)
		if i < 0 {
			t.Fatalf("timex %q not in text", tx)
		}
		d.Timexes = append(d.Timexes, doc.Timex{Start: i, End: i + len(tx), Text: tx, Type: "DATE", Value: v})
	}
	if err := c.Process(d); err != nil {
		t.Fatal(err)
	}
	return d
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

func sortMentions(ms []doc.Mention) {
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if ms[j].Start < ms[i].Start {
				ms[i], ms[j] = ms[j], ms[i]
			}
		}
	}
}

func newCoder(t *testing.T) *Coder {
	t.Helper()
	c, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type want struct {
	typ, actor, recipient, factuality, date string
}

func TestEvents(t *testing.T) {
	c := newCoder(t)
	cases := []struct {
		lang, text string
		timexes    map[string]string
		want       []want
	}{
		// FIGHT is conventional military force (CAMEO 19): told by air power, artillery or a
		// firefight, or between two armed forces; other killings stay ASSAULT
		{"en", "Yesterday the Chadian army shelled the rebels.", nil,
			[]want{{"FIGHT", "TCD-MIL", "x-rebels", "asserted", ""}}},
		{"fr", "Hier, les rebelles ont attaqué l'armée tchadienne.", nil,
			[]want{{"FIGHT", "x-rebels", "TCD-MIL", "asserted", ""}}},
		{"fr", "Des hélicoptères de combat ont frappé les rebelles.", nil,
			[]want{{"FIGHT", "", "x-rebels", "asserted", ""}}},
		{"en", "A suicide bomber killed ten people in Chad.", nil,
			[]want{{"ASSAULT", "", "TCD", "asserted", ""}}},
		{"fr", "Hier, l'armée tchadienne a tué trois civils au Niger.", nil,
			[]want{{"ASSAULT", "TCD-MIL", "NER", "asserted", ""}}},
		// roles: active, passive, "avec", nominal with "de"/"par", gerund, relative clause
		{"fr", "Le Niger a accusé le Bénin de bloquer ses exportations.", nil,
			[]want{{"ACCUSE", "NER", "BEN", "asserted", "2023-05-10"}}},
		{"fr", "Le Togo a été attaqué par les rebelles.", nil,
			[]want{{"ASSAULT", "x-rebels", "TGO", "asserted", ""}}},
		{"fr", "Kaboré s'est entretenu avec Tshisekedi au téléphone.", nil,
			[]want{{"CONSULT", "p-kabore", "p-tshisekedi", "asserted", ""}}},
		{"en", "Ruto held talks with Tshisekedi.", nil,
			[]want{{"CONSULT", "p-ruto", "p-tshisekedi", "asserted", ""}}},
		{"en", "Togo was attacked by the rebels.", nil,
			[]want{{"ASSAULT", "x-rebels", "TGO", "asserted", ""}}},
		{"fr", "Le Ghana va envoyer des soldats au Togo.", nil,
			[]want{{"AID", "GHA", "TGO", "future", ""}}},
		{"en", "Ghana will send food to Togo.", nil,
			[]want{{"AID", "GHA", "TGO", "future", ""}}},
		// negation, hedged possibility, hypothetical, hedged report, question
		{"fr", "Le Niger n'a pas expulsé les rebelles.", nil,
			[]want{{"SANCTION", "NER", "x-rebels", "negated", ""}}},
		{"en", "Chad did not attack Niger.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "negated", ""}}},
		{"fr", "Le Ghana n'exclut pas d'envoyer des vivres au Togo.", nil,
			[]want{{"AID", "GHA", "TGO", "hedged", ""}}},
		{"en", "Ghana did not rule out sending food to Togo.", nil,
			[]want{{"AID", "GHA", "TGO", "hedged", ""}}},
		{"fr", "Le Tchad pourrait attaquer le Niger.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "hypothetical", ""}}},
		{"en", "Chad might attack Niger.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "hypothetical", ""}}},
		{"fr", "Le Tchad aurait attaqué le Niger, selon des sources locales.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "hedged", ""}}},
		{"en", "Chad reportedly attacked Niger.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "hedged", ""}}},
		{"fr", "Le Tchad a-t-il attaqué le Niger ?", nil,
			[]want{{"ASSAULT", "TCD", "NER", "question", ""}}},
		// background: a marker, an old date, a dated noun
		{"fr", "Pour rappel, le Tchad a attaqué le Niger.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "historical", ""}}},
		{"en", "In 2019, Chad attacked Niger.", map[string]string{"2019": "2019"},
			[]want{{"ASSAULT", "TCD", "NER", "historical", "2019"}}},
		{"fr", "Depuis l'invasion du Bénin par le Togo en mars 2020, rien n'a changé.", map[string]string{"mars 2020": "2020-03"},
			[]want{{"ASSAULT", "TGO", "BEN", "historical", "2020-03"}}},
		// an undated decision takes the recent date of its actor's meeting told elsewhere
		{"fr", "Le Ghana a levé ses sanctions contre le Togo. Le Ghana en avait décidé lors d'un sommet samedi.", map[string]string{"samedi": "2023-05-06"},
			[]want{{"RETREAT", "GHA", "TGO", "asserted", "2023-05-06"}}},
		{"en", "Ghana lifted its sanctions on Togo. Ghana had decided so at a summit on Saturday.", map[string]string{"Saturday": "2023-05-06"},
			[]want{{"RETREAT", "GHA", "TGO", "asserted", "2023-05-06"}}},
		{"en", "Ghana lifted its sanctions on Togo. Ghana had decided so at a summit that weekend.", map[string]string{"that weekend": "2023-W18-WE"},
			[]want{{"RETREAT", "GHA", "TGO", "asserted", "2023-W18-WE"}}},
		// …not that of an old meeting, nor of a meeting of someone else
		{"en", "Ghana lifted its sanctions on Togo. Ghana had decided so at a summit in March.", map[string]string{"March": "2023-03"},
			[]want{{"RETREAT", "GHA", "TGO", "asserted", "2023-05-10"}}},
		{"en", "Ghana lifted its sanctions on Togo. Benin held a summit on Saturday.", map[string]string{"Saturday": "2023-05-06"},
			[]want{{"RETREAT", "GHA", "TGO", "asserted", "2023-05-10"}}},
		// news agencies are sources, never parties
		{"fr", "Selon l'AFP, le Sénégal a arrêté des rebelles.", nil,
			[]want{{"COERCE", "SEN", "", "asserted", ""}}},
		// the same event told twice is one event
		{"en", "Chad attacked Niger. The Chadian army attacked Niger again.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "asserted", ""}}},
		// a protest told by its form names its target in a purpose phrase after it; a place
		// inside that phrase is no target (nor is the event kept without any party)
		{"en", "Hundreds of teachers went on hunger strike this week to protest against Chad.", nil,
			[]want{{"PROTEST", "", "TCD", "asserted", ""}, {"PROTEST", "", "TCD", "asserted", ""}}},
		{"fr", "Des enseignants ont entamé une grève de la faim pour protester contre le Tchad.", nil,
			[]want{{"PROTEST", "", "TCD", "asserted", ""}, {"PROTEST", "", "TCD", "asserted", ""}}},
		{"en", "Hundreds of teachers began a hunger strike in protest at the heat in Chad.", nil, nil},
		{"fr", "Des enseignants ont entamé une grève de la faim pour protester contre la chaleur au Tchad.", nil, nil},
		// a measure or a concession with no one named is aimed at the country of its place;
		// a country named outside the measure's phrase is not its target
		{"en", "Ghana lifted the curfew in Togo.", nil,
			[]want{{"CONCEDE", "GHA", "TGO", "asserted", ""}}},
		{"fr", "Le Ghana a levé le couvre-feu au Togo.", nil,
			[]want{{"CONCEDE", "GHA", "TGO", "asserted", ""}}},
		{"en", "Ghana lifted the curfew on Monday, after talks with Togo.", nil,
			[]want{{"CONCEDE", "GHA", "", "asserted", ""}}},
		{"fr", "Le Ghana a levé le couvre-feu lundi, après des discussions avec le Togo.", nil,
			[]want{{"CONCEDE", "GHA", "", "asserted", ""}}},
		// a country behind a preposition and an adjective of its part is no subject; without
		// the preposition it is
		{"en", "Yesterday the rebels of northern Chad attacked Niger.", nil,
			[]want{{"ASSAULT", "x-rebels", "NER", "asserted", ""}}},
		{"en", "Yesterday northern Chad attacked Niger.", nil,
			[]want{{"ASSAULT", "TCD", "NER", "asserted", ""}}},
		// a name in parentheses right after another glosses it: the subject is the name before
		{"en", "The Hezbollah (Party of God) group attacked Niger.", nil,
			[]want{{"ASSAULT", "hezbollah", "NER", "asserted", ""}}},
		{"fr", "Le Hezbollah (Parti de Dieu) a attaqué le Niger.", nil,
			[]want{{"ASSAULT", "hezbollah", "NER", "asserted", ""}}},
		{"en", "The group (Party of God) attacked Niger.", nil,
			[]want{{"ASSAULT", "x-party-of-god", "NER", "asserted", ""}}},
		// targets that name a country's institution and the country keep the institution; other
		// countries, and actors, are kept
		{"en", "Niger attacked the Chadian army and Chad.", nil,
			[]want{{"ASSAULT", "NER", "TCD-MIL", "asserted", ""}}},
		{"fr", "Le Niger a attaqué l'armée tchadienne et le Tchad.", nil,
			[]want{{"ASSAULT", "NER", "TCD-MIL", "asserted", ""}}},
		{"en", "Niger attacked the Chadian army and Benin.", nil,
			[]want{{"ASSAULT", "NER", "TCD-MIL+BEN", "asserted", ""}}},
		{"en", "Chad and the Chadian army attacked Niger.", nil,
			[]want{{"ASSAULT", "TCD-MIL+TCD", "NER", "asserted", ""}}},
		// members told as a count act as their group ("About 200 supporters of X marched")
		{"en", "About 200 supporters of the rebels attacked Niger.", nil,
			[]want{{"ASSAULT", "x-rebels", "NER", "asserted", ""}}},
		{"fr", "Des centaines de partisans du Togo ont attaqué le Niger.", nil,
			[]want{{"ASSAULT", "TGO", "NER", "asserted", ""}}},
		// a name after another noun with "of" is no subject
		{"en", "About 200 soldiers from the border of Togo attacked Niger.", nil,
			[]want{{"ASSAULT", "", "NER", "asserted", ""}}},
		// a number or a quantifier between a preposition and a name ("on three X officials")
		{"en", "Ghana imposed sanctions on three Togo officials.", nil,
			[]want{{"SANCTION", "GHA", "TGO", "asserted", ""}}},
		{"en", "Ghana imposed sanctions on 200 Togo officials.", nil,
			[]want{{"SANCTION", "GHA", "TGO", "asserted", ""}}},
		// a promise's infinitive after a short adverbial phrase; help "for X" is for X, other
		// acts "for X" are not done to X
		{"en", "Ghana agreed in principle on Monday to provide aid for Togo.", nil,
			[]want{{"AGREE", "GHA", "TGO", "asserted", ""}, {"AID", "GHA", "TGO", "asserted", ""}}},
		{"fr", "Le Ghana a promis en principe lundi de fournir une aide pour le Togo.", nil,
			[]want{{"AGREE", "GHA", "TGO", "asserted", ""}}},
		{"en", "Ghana agreed to campaign for Togo.", nil,
			[]want{{"AGREE", "GHA", "", "asserted", ""}}},
		{"fr", "Le Ghana a promis de voter pour le Togo.", nil,
			[]want{{"AGREE", "GHA", "", "asserted", ""}}},
		// a participle after an apposition set off by commas is the verb when a name follows
		// ("X, the minister, accused Y"); after a lone comma it may be a conjunction
		{"en", "Kaboré, the former president, accused Niger of spying.", nil,
			[]want{{"ACCUSE", "p-kabore", "NER", "asserted", ""}}},
		{"en", "Trade grew under Kaboré, provided Niger kept its border open.", nil, nil},
		// members of a group as the object are the group; other nouns with "of" are not
		{"en", "Niger arrested twelve supporters of the rebels.", nil,
			[]want{{"COERCE", "NER", "x-rebels", "asserted", ""}}},
		{"fr", "Le Niger a arrêté des partisans du Togo.", nil,
			[]want{{"COERCE", "NER", "TGO", "asserted", ""}}},
		{"en", "Niger arrested twelve residents of Togo.", nil,
			[]want{{"COERCE", "NER", "", "asserted", ""}}},
		// a promise to mediate between two parties is aimed at both
		{"en", "Ghana offered to mediate between Togo and Niger.", nil,
			[]want{{"AGREE", "GHA", "TGO+NER", "asserted", ""}}},
		// the troops a country sends are its own, not a recipient
		{"en", "Chad will send the Chadian army to Niger.", nil,
			[]want{{"AID", "TCD", "NER", "future", ""}}},
		{"fr", "Le Tchad va envoyer l'armée tchadienne au Niger.", nil,
			[]want{{"AID", "TCD", "NER", "future", ""}}},
		// a demand for a withdrawal or a departure is addressed to who is to go; one for an
		// expulsion is not addressed to those expelled
		{"en", "Ghana demanded the withdrawal of the Chadian army from Niger.", nil,
			[]want{{"REQUEST", "GHA", "TCD-MIL", "asserted", ""}}},
		{"fr", "Le Ghana a exigé le retrait de l'armée tchadienne du Niger.", nil,
			[]want{{"REQUEST", "GHA", "TCD-MIL", "asserted", ""}}},
		{"en", "Ghana demanded the expulsion of the rebels from Niger.", nil,
			[]want{{"REQUEST", "GHA", "NER", "asserted", ""}}},
		// a protest against acts done by X is aimed at X (the protesters are the subject);
		// a protest by X is X's
		{"en", "Niger organised protests against abuses by the Chadian army.", nil,
			[]want{{"PROTEST", "NER", "TCD-MIL", "asserted", ""}}},
		{"fr", "Le Niger a organisé des manifestations contre les exactions commises par l'armée tchadienne.", nil,
			[]want{{"PROTEST", "NER", "TCD-MIL", "asserted", ""}}},
		{"en", "Yesterday protests by the rebels spread to Niger.", nil,
			[]want{{"PROTEST", "x-rebels", "", "asserted", ""}}},
		// a name the registry does not know, set off after a member of a group, acts as the
		// group; after another noun it stays the name
		{"en", "A member of the rebels, John Doe, attacked Niger.", nil,
			[]want{{"ASSAULT", "x-rebels", "NER", "asserted", ""}}},
		{"fr", "Un membre de l'armée tchadienne, John Doe, a attaqué le Niger.", nil,
			[]want{{"ASSAULT", "TCD-MIL", "NER", "asserted", ""}}},
		{"en", "A friend of the rebels, John Doe, attacked Niger.", nil,
			[]want{{"ASSAULT", "x-john-doe", "NER", "asserted", ""}}},
		{"en", "A leader of the rebels attacked Niger.", nil,
			[]want{{"ASSAULT", "x-rebels", "NER", "asserted", ""}}},
		// a country after a preposition, an article and a hyphenated modifier is governed
		{"en", "Yesterday the rebels of the Benin-backed Togo attacked Niger.", nil,
			[]want{{"ASSAULT", "x-rebels", "NER", "asserted", ""}}},
		// a threat's target behind a preposition, an article and an adjective before a
		// nationality; behind another preposition it is no target
		{"en", "Niger threatened to cut off gas to the autonomous Chadian region.", nil,
			[]want{{"THREATEN", "NER", "TCD", "asserted", ""}}},
		{"en", "Niger threatened to cut off gas supplies of the autonomous Chadian region.", nil,
			[]want{{"THREATEN", "NER", "", "asserted", ""}}},
		// a spokesman or a delegation of X speaks or meets for X
		{"en", "The spokesman of the Chadian army accused Niger of spying.", nil,
			[]want{{"ACCUSE", "TCD-MIL", "NER", "asserted", ""}}},
		{"fr", "Le porte-parole de l'armée tchadienne a accusé le Niger d'espionnage.", nil,
			[]want{{"ACCUSE", "TCD-MIL", "NER", "asserted", ""}}},
		{"fr", "Une délégation du Togo a rencontré Tshisekedi.", nil,
			[]want{{"CONSULT", "TGO", "p-tshisekedi", "asserted", ""}}},
		{"en", "The commander of the Chadian army accused Niger of spying.", nil,
			[]want{{"ACCUSE", "TCD-MIL", "NER", "asserted", ""}}},
		{"fr", "Le commandant de l'armée tchadienne a accusé le Niger d'espionnage.", nil,
			[]want{{"ACCUSE", "TCD-MIL", "NER", "asserted", ""}}},
		// coordinated subjects with their articles ("le Ghana et le Togo"), and a country
		// before an article that is not coordinated
		{"fr", "Le Ghana et le Togo ont accusé le Niger d'espionnage.", nil,
			[]want{{"ACCUSE", "TGO+GHA", "NER", "asserted", ""}}},
		{"fr", "Pour le Ghana, le Togo a accusé le Niger d'espionnage.", nil,
			[]want{{"ACCUSE", "TGO", "NER", "asserted", ""}}},
		{"en", "Ghana and the rebels accused Niger of spying.", nil,
			[]want{{"ACCUSE", "x-rebels+GHA", "NER", "asserted", ""}}},
		// apposition as the implicit actor of a noun
		{"fr", "Il a parlé du Togo, pays isolé par le Ghana après l'invasion du Bénin.", nil,
			[]want{{"SANCTION", "GHA", "TGO", "asserted", ""}, {"ASSAULT", "TGO", "BEN", "asserted", ""}}},
	}
	for _, tc := range cases {
		d := read(t, c, tc.lang, tc.text, tc.timexes)
		if len(d.Events) != len(tc.want) {
			t.Errorf("%q: %d events, want %d: %+v", tc.text, len(d.Events), len(tc.want), d.Events)
			continue
		}
		for i, w := range tc.want {
			e := d.Events[i]
			got := want{e.Type, strings.Join(e.Actor, "+"), strings.Join(e.Recipient, "+"), e.Factuality, ""}
			if w.date != "" {
				got.date = e.Date.Value
			}
			if w.actor == "" {
				got.actor = ""
			}
			if got != w {
				t.Errorf("%q:\n got %+v\nwant %+v", tc.text, got, w)
			}
			if d.Text[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
				t.Errorf("%q: evidence offsets do not hold its text", tc.text)
			}
		}
	}
}

// TestAgentNotPlace: "by"/"par" then a noun and a place ("attacked by gunmen in X"): the
// place is where they were, not the agent; an agent named after its noun is kept.
func TestAgentNotPlace(t *testing.T) {
	c := newCoder(t)
	cases := []struct {
		lang, text, actor string // actor: the only actor wanted ("" none)
	}{
		{"en", "The convoy was attacked by gunmen in Chad.", ""},
		{"fr", "Le convoi a été attaqué par des hommes armés au Tchad.", ""},
		{"en", "Niger was attacked by fighters of the rebels.", "x-rebels"},
		{"fr", "Le Niger a été attaqué par des combattants de l'armée tchadienne.", "TCD-MIL"},
	}
	for _, tc := range cases {
		d := read(t, c, tc.lang, tc.text, nil)
		if len(d.Events) == 0 {
			if tc.actor != "" {
				t.Errorf("%q: no event", tc.text)
			}
			continue // with no party at all the event is not kept
		}
		if got := strings.Join(d.Events[0].Actor, "+"); got != tc.actor {
			t.Errorf("%q: actor %q, want %q", tc.text, got, tc.actor)
		}
	}
}

// TestSponsorNotActor: a country named as the sponsor of a group ("X-backed fighters",
// "pro-X militias") is not the group; a country named alone is.
func TestSponsorNotActor(t *testing.T) {
	c := newCoder(t)
	cases := []struct {
		lang, text, actor string // actor: the only actor wanted ("" none)
	}{
		{"en", "Benin-backed fighters attacked Niger.", ""},
		{"en", "Pro-Benin fighters attacked Niger.", ""},
		{"fr", "Des milices pro-Bénin ont attaqué le Niger.", ""},
		{"en", "Benin attacked Niger.", "BEN"},
		{"fr", "Le Bénin a attaqué le Niger.", "BEN"},
	}
	for _, tc := range cases {
		d := read(t, c, tc.lang, tc.text, nil)
		if len(d.Events) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		if got := strings.Join(d.Events[0].Actor, "+"); got != tc.actor {
			t.Errorf("%q: actor %q, want %q", tc.text, got, tc.actor)
		}
	}
}

func TestLexiconsLoad(t *testing.T) {
	c := newCoder(t)
	n := 0
	for _, ix := range c.trig {
		for _, ps := range ix.exact {
			n += len(ps)
		}
		for _, ps := range ix.prefix {
			n += len(ps)
		}
	}
	if n < 200 {
		t.Fatalf("only %d trigger index entries", n)
	}
}

func TestCompilePatternErrors(t *testing.T) {
	for _, bad := range []string{"", "~ a", "a ~", "ab*", "a||b"} {
		if _, _, err := compilePattern(bad); err == nil {
			t.Errorf("compilePattern(%q): no error", bad)
		}
	}
}

func TestCompilePatternElision(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"s'_est_engage a", "s' est engage"},
		{"s'est_engage a", "s' est engage"},
		{"coup_d'_etat", "coup d' etat"},
		{"n' exclut", "n'"},
	} {
		elems, _, err := compilePattern(tc.src)
		if err != nil {
			t.Fatalf("compilePattern(%q): %v", tc.src, err)
		}
		if got := strings.Join(elems[0].alts[0].toks, " "); got != tc.want {
			t.Errorf("compilePattern(%q): first word %q, want %q", tc.src, got, tc.want)
		}
	}
}
