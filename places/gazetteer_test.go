package places

import (
	"strings"
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	t0 := time.Now()
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d places, %d regions, load %v", g.NumPlaces(), len(g.Regions), time.Since(t0))
	tests := []struct {
		name, country, admin1 string
	}{
		{"Gao", "MLI", "Gao"},
		{"Tombouctou", "MLI", "Tombouctou"},
		{"Timbuktu", "MLI", "Tombouctou"},
		{"Ménaka", "MLI", "Ménaka"},
		{"Menaka", "MLI", "Ménaka"},
		{"Kidal", "MLI", "Kidal"},
		{"Djibo", "BFA", "Sahel"},
		{"Tillabéri", "NER", "Tillabéri Region"},
		{"Moscou", "RUS", "Moscow"},
		{"Le Caire", "EGY", "Cairo"},
		{"Pékin", "CHN", "Beijing"},
		{"Bobo Dioulasso", "BFA", "Hauts-Bassins"},
	}
	ctx := map[string]int{"MLI": 3, "BFA": 1, "NER": 1}
	for _, tt := range tests {
		i := g.Best(g.Towns(tt.name), ctx)
		if i < 0 {
			t.Errorf("%s: not found", tt.name)
			continue
		}
		p := g.Place(i)
		if p.Country != tt.country || g.Admin1Name(p.Country, p.Admin1) != tt.admin1 {
			t.Errorf("%s: got %s %s (%s), want %s %s", tt.name, p.Country, p.Admin1, g.Admin1Name(p.Country, p.Admin1), tt.country, tt.admin1)
		}
	}
	for _, c := range []struct{ name, iso string }{{"Mali", "MLI"}, {"Côte d'Ivoire", "CIV"}, {"Royaume-Uni", "GBR"}, {"Niger", "NER"}} {
		if got := g.Country(c.name); got != c.iso {
			t.Errorf("Country(%q) = %q, want %q", c.name, got, c.iso)
		}
	}
	if r := g.RegionsNamed("Tillabéri"); len(r) != 1 || g.Regions[r[0]].Country != "NER" || g.Regions[r[0]].Lat == 0 {
		t.Errorf("RegionsNamed(Tillabéri) = %v", r)
	}
}

func TestParseErrors(t *testing.T) {
	good := "1\tGao\tMLI\t09\t\tPPLA\t16.27\t-0.04\t87000\n"
	tests := []struct {
		name, places, admin1, countries, exonyms string
	}{
		{"short line", "1\tGao\tMLI\n", "", "", ""},
		{"bad number", "x\tGao\tMLI\t09\t\tPPLA\t16.27\t-0.04\t87000\n", "", "", ""},
		{"empty", "# nothing\n", "", "", ""},
		{"admin1 fields", good, "MLI\t09\n", "", ""},
		{"exonym without target", good, "", "", "Tombouctou\tTimbuktu\tMLI\n"},
	}
	for _, tt := range tests {
		if _, err := parseGazetteer(strings.NewReader(tt.places), strings.NewReader(tt.admin1), strings.NewReader(tt.countries), strings.NewReader(tt.exonyms)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	g, err := parseGazetteer(strings.NewReader(good), strings.NewReader("MLI\t09\tGao\n"), strings.NewReader("MLI\tMali\n"), strings.NewReader("Gao Ville\tGao\tMLI\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Towns("gao-ville")) != 1 || g.Regions[0].Seat != 0 {
		t.Errorf("exonym or seat missing: %v %+v", g.Towns("gao-ville"), g.Regions)
	}
}

func FuzzParseGazetteer(f *testing.F) {
	f.Add("1\tGao\tMLI\t09\t\tPPLA\t16.27\t-0.04\t87000\n", "MLI\t09\tGao\n", "Gao2\tGao\tMLI\n")
	f.Add("#\n\t\t\t\t\t\t\t\t\n", "\t\t\n", "a\tb\tc\n")
	f.Fuzz(func(t *testing.T, places, admin1, exonyms string) {
		g, err := parseGazetteer(strings.NewReader(places), strings.NewReader(admin1), strings.NewReader("MLI\tMali\n"), strings.NewReader(exonyms))
		if err == nil && g.NumPlaces() == 0 {
			t.Fatal("no error and no places")
		}
	})
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{"Bobo-Dioulasso": "bobo dioulasso", "Fada N’Gourma": "fada n gourma", "  Tillabéri Region ": "tillaberi region", "L'Aquila": "l aquila"} {
		if got := key(in); got != want {
			t.Errorf("key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBestFarHomonyms(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		ctx     map[string]int
		country string // "" = no town chosen
	}{
		{"Engadine", nil, "AUS"},                        // no context: the only Engadine there is
		{"Engadine", map[string]int{"CHE": 2}, ""},      // a Swiss article: no suburb of Sydney
		{"Engadine", map[string]int{"AUS": 1}, "AUS"},   // an Australian one: the suburb
		{"Canberra", map[string]int{"CHE": 1}, "AUS"},   // a capital stays, however far
		{"Gao", map[string]int{"FRA": 1}, "MLI"},        // within 3,000 km of France
		{"St-Etienne", map[string]int{"FRA": 1}, "FRA"}, // St/Saint spellings
		{"Saint Moritz", nil, "CHE"},
	}
	for _, tt := range tests {
		i := g.Best(g.Towns(tt.name), tt.ctx)
		got := ""
		if i >= 0 {
			got = g.Place(i).Country
		}
		if got != tt.country {
			t.Errorf("%s with %v: %q, want %q", tt.name, tt.ctx, got, tt.country)
		}
	}
}

func TestProminent(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		want bool
	}{{"Bamako", true}, {"Lausanne", true}, {"Bière", false}} {
		var got bool
		for _, i := range g.Towns(tt.name) {
			got = got || g.Prominent(g.Place(i).Name, g.Place(i).ID)
		}
		if got != tt.want {
			t.Errorf("%s: prominent %v, want %v", tt.name, got, tt.want)
		}
	}
	if g.Prominent("Bamako", 0) || g.Prominent("Nowhere", -5) {
		t.Error("an unknown id is prominent")
	}
}
