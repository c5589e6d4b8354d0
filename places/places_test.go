package places_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/eval/placeeval"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/places"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// read runs the full pipeline on text, then replaces its events by one event whose trigger
// is the first occurrence of trigger: the test is about places, not about event coding.
func read(t *testing.T, text, lang, trigger string) *doc.Document {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.Default() })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	d, err := pipe.Run(context.Background(), text, pipeline.Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(text, trigger)
	if i < 0 {
		t.Fatalf("trigger %q not in %q", trigger, text)
	}
	d.Events = []doc.Event{{ID: "e1", Type: "ASSAULT", Trigger: doc.Span{Start: i, End: i + len(trigger)}}}
	return d
}

// readerFor returns the test pipeline (made once) and a fresh geocoder.
func readerFor(t *testing.T) (*pipeline.Pipeline, *places.Geocoder) {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.Default() })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	gc, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	return pipe, gc
}

// loadCases reads one file of place cases (placeeval's JSON lines).
func loadCases(t *testing.T, name string) []placeeval.Case {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := placeeval.ParseCases(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cases
}

// TestSahel reads hand-made sentences with the place, admin1 and precision their event
// should get: testdata/sahel.jsonl and sahel2.jsonl (Sahel towns and a few others, French
// and English) and rules.jsonl (one case per rule: canton cues, Saint/St, far homonyms,
// exonyms).
func TestSahel(t *testing.T) {
	_, gc := readerFor(t)
	for _, name := range []string{"testdata/sahel.jsonl", "testdata/sahel2.jsonl", "testdata/rules.jsonl", "testdata/villages.jsonl"} {
		cases := loadCases(t, name)
		if len(cases) < 4 {
			t.Fatalf("%s: only %d cases", name, len(cases))
		}
		for _, c := range cases {
			loc, err := placeeval.Read(context.Background(), pipe, gc, c)
			if err != nil {
				t.Fatalf("%q: %v", c.Text, err)
			}
			if msg := placeeval.Check(c, loc); msg != "" {
				t.Errorf("%s: %s\n\t%s", name, c.Text, msg)
			}
			if loc != nil && loc.Precision == places.PrecCountry && (loc.GeonameID != 0 || loc.Lat != 0 || loc.Lon != 0) {
				t.Errorf("%s: a country got a point or a town's id: %+v", c.Text, *loc)
			}
		}
	}
}

func TestDateline(t *testing.T) {
	gc, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, trigger, country string
	}{
		{"BAMAKO (Reuters) - Mali's junta has expelled the French ambassador.", "expelled", "MLI"},
		{"NIAMEY, 3 mai (AFP) - La junte a suspendu la coopération militaire.", "suspendu", "NER"},
		{"Mali's junta has expelled the French ambassador.", "expelled", ""},
		{"Mali : la junte expulse l'ambassadeur\nBamako (AFP) - La junte a expulsé l'ambassadeur de France.", "expulsé", "MLI"},
		{"Gao, une ville du nord, a été calme. La junte a expulsé l'ambassadeur.", "expulsé", ""},
	}
	for _, tt := range tests {
		d := read(t, tt.text, "", tt.trigger)
		if err := gc.Process(d); err != nil {
			t.Fatal(err)
		}
		loc := d.Events[0].Location
		if tt.country == "" {
			if loc != nil {
				t.Errorf("%q: got %+v, want none", tt.text, *loc)
			}
			continue
		}
		if loc == nil || loc.Country != tt.country || loc.Precision != places.PrecCountry || loc.Lat != 0 || !strings.Contains(loc.Text, "dateline") {
			t.Errorf("%q: got %+v, want %s at precision 4 without a point, noted as a dateline", tt.text, loc, tt.country)
		}
	}
}

func FuzzProcess(f *testing.F) {
	gc, err := places.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("BAMAKO (Reuters) - Attaque à 50 km de Gao, dans le nord du Mali.", 20)
	f.Add("Clashes in the Tillaberi region near Menaka.", 3)
	f.Add("À", 0)
	f.Add("Des armes (livrées par le Tchad) ont été saisies à Ménaka - selon l'armée.", 12)
	f.Add("Le Tchad s'est retiré de l'exercice, qui devait avoir lieu au Niger.", 14)
	f.Fuzz(func(t *testing.T, text string, at int) {
		pipeOnce.Do(func() { pipe, pipeErr = pipeline.Default() })
		if pipeErr != nil {
			t.Fatal(pipeErr)
		}
		d, err := pipe.Run(context.Background(), text, pipeline.Options{Lang: "fr"})
		if err != nil {
			return // invalid input is the pipeline's to reject
		}
		if len(text) > 0 {
			at = ((at % len(text)) + len(text)) % len(text)
			d.Events = []doc.Event{{ID: "f", Trigger: doc.Span{Start: at, End: at + 1}}}
		}
		if err := gc.Process(d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			if l := e.Location; l != nil && (l.Precision < 1 || l.Precision > 4 || l.Precision == 4 && (l.Lat != 0 || l.Lon != 0)) {
				t.Fatalf("bad location %+v", *l)
			}
		}
	})
}

// TestHeldout reads sentences written without looking at griot's answers first (their first
// run is in docs/PLACES.md); some failures are known, the share right must not fall.
func TestHeldout(t *testing.T) {
	_, gc := readerFor(t)
	for _, name := range []string{"testdata/heldout.jsonl", "testdata/heldout2.jsonl", "testdata/heldout3.jsonl"} {
		cases := loadCases(t, name)
		s, err := placeeval.ScoreCases(context.Background(), pipe, gc, cases)
		if err != nil {
			t.Fatal(err)
		}
		if s.Exact*100 < s.N*90 {
			t.Errorf("%s: %d/%d exact, want ≥ 90%%:\n%s", name, s.Exact, s.N, strings.Join(s.Errors, "\n"))
		}
	}
}

// TestOtherEventsAndTopics: a place phrase goes to the nearest event of the sentence, not
// past the trigger of an event of another type, and a place after a topic noun ("la guerre
// en Ukraine") tells what the noun is about, not where another event happened.
func TestOtherEventsAndTopics(t *testing.T) {
	gc, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	type ev struct{ trigger, typ, want string } // want: location name, "" for none
	tests := []struct {
		lang, text string
		events     []ev
	}{
		{"fr", "Les manifestants ont dénoncé la répression puis ont défilé à Bamako.",
			[]ev{{"dénoncé", "ACCUSE", ""}, {"défilé", "PROTEST", "Bamako"}}},
		{"fr", "Des hommes armés ont attaqué le village et tué douze civils à Djibo.",
			[]ev{{"attaqué", "ASSAULT", "Djibo"}, {"tué", "ASSAULT", "Djibo"}}},
		{"en", "The president discussed the war in Ukraine during a phone call.",
			[]ev{{"call", "CONSULT", ""}}},
		{"en", "The war in Ukraine has killed thousands.",
			[]ev{{"war", "FIGHT", "Ukraine"}}},
		{"fr", "Le ministre a condamné le terrorisme qui sévit dans le nord du Mali.",
			[]ev{{"condamné", "DISAPPROVE", ""}}},
		// where the accused power sits is not where the accusation was made
		{"en", "The opposition leader accused the government in Niamey of rigging the count.",
			[]ev{{"accused", "ACCUSE", ""}}},
		{"fr", "Le syndicat a critiqué les autorités à Ouagadougou pour la hausse des prix.",
			[]ev{{"critiqué", "DISAPPROVE", ""}}},
		// but forces of a government fight where the sentence says
		{"en", "Government forces in Gao repelled an attack on Tuesday.",
			[]ev{{"attack", "ASSAULT", "Gao"}}},
		// an event told in an adjunct opened after the place (after, despite, malgré, suite
		// à…) or in a clause on another noun (charges that…, une décision qui…) is not
		// placed by a place of the main clause
		{"en", "The blogger spent two years in jail in Chad over allegations that rights groups condemned as fabricated.",
			[]ev{{"condemned", "ACCUSE", ""}}},
		{"fr", "La militante a purgé sa peine au Niger pour des propos que ses soutiens ont dénoncés comme inventés.",
			[]ev{{"dénoncés", "DISAPPROVE", ""}}},
		{"fr", "L'opposant est reparti au Niger malgré une décision de justice réclamant son extradition.",
			[]ev{{"réclamant", "REQUEST", ""}}},
		{"en", "The businessman went back to live in Ghana despite a court order demanding his extradition.",
			[]ev{{"demanding", "REQUEST", ""}}},
		{"fr", "Le journaliste a été interpellé à Niamey après un mandat d'arrêt lancé par la justice.",
			[]ev{{"interpellé", "COERCE", "Niamey"}, {"mandat", "COERCE", ""}}},
		{"en", "The activist was detained in Abuja following an arrest warrant issued by prosecutors.",
			[]ev{{"detained", "COERCE", "Abuja"}, {"warrant", "COERCE", ""}}},
		// English "to" places where aid or forces are sent, and nothing else
		{"en", "The European Union will send medical supplies to Niger next month.",
			[]ev{{"send", "AID", "Niger"}}},
		{"en", "The army deployed two battalions to Ménaka on Friday.",
			[]ev{{"deployed", "MOBILIZE", "Ménaka"}}},
		{"en", "The president spoke to Niger's leader and promised to ship grain to Chad.",
			[]ev{{"spoke", "CONSULT", ""}, {"ship", "AID", "Chad"}}},
		{"en", "The junta sent a letter of protest to Paris.",
			[]ev{{"sent", "AID", ""}}},
		// but a fronted place says where the whole sentence happens, and a clause on the
		// place itself tells what happened there
		{"fr", "À Gao, après l'attaque du camp, les soldats ont riposté.",
			[]ev{{"attaque", "ASSAULT", "Gao"}}},
		{"en", "In Kidal, after the ambush on Sunday, the army sent reinforcements.",
			[]ev{{"ambush", "ASSAULT", "Kidal"}}},
		{"en", "Troops are deployed in Ménaka, which rebels attacked on Sunday.",
			[]ev{{"attacked", "ASSAULT", "Ménaka"}}},
		// an event told in an aside (dashes, brackets) is not placed by the clause around it
		{"en", "Rockets - delivered by Chad, the army says - killed five people in Gao.",
			[]ev{{"delivered", "AID", ""}}},
		{"fr", "Des armes (livrées par le Tchad, selon l'armée) ont été saisies à Ménaka.",
			[]ev{{"livrées", "AID", ""}}},
		{"en", "Chad supplied rockets - the army said on Monday - to Niger.",
			[]ev{{"supplied", "AID", "Niger"}}},
		// nor, unless it is violent, by a relative clause on another noun after it
		{"fr", "Le Tchad s'est retiré de l'exercice, qui devait avoir lieu au Niger ce mois-ci.",
			[]ev{{"retiré", "RETREAT", ""}}},
		{"en", "Chad pulled out of the drill, which was to be held in Niger this month.",
			[]ev{{"pulled", "RETREAT", ""}}},
		{"fr", "L'armée a attaqué les jihadistes qui se cachaient à Ménaka.",
			[]ev{{"attaqué", "ASSAULT", "Ménaka"}}},
		{"fr", "De violents combats ont opposé l'armée aux rebelles, qui ont vu des soldats passer au Niger.",
			[]ev{{"combats", "FIGHT", ""}}},
		{"fr", "Des combats qui ont poussé des milliers de civils à fuir au Niger ont repris hier.",
			[]ev{{"combats", "FIGHT", ""}}},
		{"fr", "Le Tchad a critiqué l'accord qui a été signé au Niger.",
			[]ev{{"critiqué", "DISAPPROVE", ""}}},
		{"en", "Heavy fighting broke out near Gao, which sent thousands of people fleeing into Niger.",
			[]ev{{"fighting", "FIGHT", "Gao"}}},
		{"fr", "Le Tchad s'est retiré de l'exercice au Niger.",
			[]ev{{"retiré", "RETREAT", "Niger"}}},
		{"fr", "Les renforts sont arrivés à Tombouctou, que les djihadistes avaient attaquée la veille.",
			[]ev{{"attaquée", "ASSAULT", "Timbuktu"}}},
	}
	for _, tt := range tests {
		d := read(t, tt.text, tt.lang, tt.events[0].trigger)
		d.Events = nil
		for i, e := range tt.events {
			j := strings.Index(tt.text, e.trigger)
			d.Events = append(d.Events, doc.Event{ID: fmt.Sprint("e", i), Type: e.typ, Trigger: doc.Span{Start: j, End: j + len(e.trigger)}})
		}
		if err := gc.Process(d); err != nil {
			t.Fatal(err)
		}
		for i, e := range tt.events {
			got := ""
			if l := d.Events[i].Location; l != nil {
				got = l.Name
			}
			if got != e.want {
				t.Errorf("%s\n\t%s (%s): %q, want %q", tt.text, e.trigger, e.typ, got, e.want)
			}
		}
	}
}
