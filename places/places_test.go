package places_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/griot-project/griot/doc"
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

func TestSahel(t *testing.T) {
	gc, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, text, trigger string
		// want: "" = no location
		name, country, admin1 string
		prec                  int
		point                 bool
		text2                 string // expected Location.Text
	}{
		{"fr", "Des hommes armés ont attaqué lundi un poste militaire à Gao, dans le nord du Mali.", "attaqué", "Gao", "MLI", "Gao", 1, true, "à Gao"},
		{"en", "Gunmen attacked an army post in Gao, northern Mali, on Monday.", "attacked", "Gao", "MLI", "Gao", 1, true, "in Gao"},
		{"fr", "Une embuscade a fait douze morts près de Ménaka, au Mali.", "embuscade", "Ménaka", "MLI", "Ménaka", 2, true, "près de Ménaka"},
		{"en", "Twelve soldiers were killed in an ambush near Menaka, Mali.", "killed", "Ménaka", "MLI", "Ménaka", 2, true, "near Menaka"},
		{"fr", "Les jihadistes ont tué 20 civils à 50 km de Gao mardi.", "tué", "Gao", "MLI", "Gao", 2, true, "à 50 km de Gao"},
		{"fr", "L'armée nigérienne a bombardé des positions dans la région de Tillabéri.", "bombardé", "Tillabéri Region", "NER", "Tillabéri Region", 3, true, "région de Tillabéri"},
		{"en", "Niger's army shelled militant positions in the Tillaberi region.", "shelled", "Tillabéri Region", "NER", "Tillabéri Region", 3, true, "Tillaberi"},
		{"fr", "Des militaires burkinabè ont été tués à Djibo, au Burkina Faso.", "tués", "Djibo", "BFA", "Sahel", 1, true, "à Djibo"},
		{"en", "Fighting broke out in Kidal on Sunday, residents said.", "Fighting", "Kidal", "MLI", "Kidal", 1, true, "in Kidal"},
		{"fr", "Le Mali a dénoncé une attaque à Tombouctou samedi.", "attaque", "Timbuktu", "MLI", "Tombouctou", 1, true, "à Tombouctou"},
		{"en", "The Malian army said it repelled an attack in Timbuktu.", "attack", "Timbuktu", "MLI", "Tombouctou", 1, true, "in Timbuktu"},
		{"fr", "Des affrontements ont eu lieu dans le nord du Mali.", "affrontements", "Mali", "MLI", "", 3, false, "nord du Mali"},
		{"en", "Clashes erupted in northern Mali on Tuesday.", "Clashes", "Mali", "MLI", "", 3, false, "northern Mali"},
		{"fr", "Des soldats ont été déployés au Niger la semaine dernière.", "déployés", "Niger", "NER", "", 4, false, "au Niger"},
		{"en", "The French army withdrew its last troops from Mali.", "withdrew", "Mali", "MLI", "", 4, false, "from Mali"},
		// Paris the government is not the place of the event
		{"fr", "Paris a condamné l'attaque contre les casques bleus.", "condamné", "", "", "", 0, false, ""},
		{"en", "Paris condemned the attack, officials said.", "condemned", "", "", "", 0, false, ""},
		// "à Paris" is
		{"fr", "Les deux présidents se sont rencontrés à Paris jeudi.", "rencontrés", "Paris", "FRA", "Île-de-France", 1, true, "à Paris"},
		// a region word that is a common word is no place
		{"fr", "Les attaques se multiplient au Nord et au Centre.", "attaques", "", "", "", 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := read(t, tt.text, tt.lang, tt.trigger)
			if err := gc.Process(d); err != nil {
				t.Fatal(err)
			}
			loc := d.Events[0].Location
			if tt.name == "" {
				if loc != nil {
					t.Fatalf("got %+v, want no location", *loc)
				}
				return
			}
			if loc == nil {
				t.Fatalf("no location, want %s (%s) precision %d", tt.name, tt.country, tt.prec)
			}
			if loc.Name != tt.name || loc.Country != tt.country || loc.Admin1 != tt.admin1 || loc.Precision != tt.prec {
				t.Errorf("got %q %s admin1 %q precision %d, want %q %s admin1 %q precision %d", loc.Name, loc.Country, loc.Admin1, loc.Precision, tt.name, tt.country, tt.admin1, tt.prec)
			}
			if hasPoint := loc.Lat != 0 || loc.Lon != 0; hasPoint != tt.point {
				t.Errorf("point %v (%v,%v), want %v", hasPoint, loc.Lat, loc.Lon, tt.point)
			}
			if !strings.Contains(loc.Text, tt.text2) {
				t.Errorf("text %q, want it to hold %q", loc.Text, tt.text2)
			}
			if loc.Precision == places.PrecCountry && loc.GeonameID != 0 {
				t.Errorf("a country got a town's geonameid %d", loc.GeonameID)
			}
		})
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
