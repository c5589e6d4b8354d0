package placeeval

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/griot-project/griot/places"
)

func readFixture(t *testing.T, name string) []HIPEDoc {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ParseHIPE(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return docs
}

func TestParseCoarseOnly(t *testing.T) {
	docs := readFixture(t, "testdata/mini-newseye.tsv")
	want := []GoldLoc{{"Bobo-Dioulasso", "loc", "Q0000003"}, {"Narnia", "loc", ""}, {"Burkina Faso", "loc", "Q0000004"}}
	if len(docs) != 1 || docs[0].Dataset != "newseye" || docs[0].ID != "ne-1" {
		t.Fatalf("docs %+v", docs)
	}
	if len(docs[0].Locs) != len(want) {
		t.Fatalf("locs %+v, want %+v", docs[0].Locs, want)
	}
	for i, l := range docs[0].Locs {
		if l != want[i] {
			t.Errorf("loc %d: %+v, want %+v", i, l, want[i])
		}
	}
}

func TestParseCoords(t *testing.T) {
	f, err := os.Open("testdata/mini-coords.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := ParseCoords(f)
	if err != nil {
		t.Fatal(err)
	}
	if g := c["Q0000001"]; !g.Point || g.Country != "MLI" || g.Admin1 != "Gao" || g.Lat != 16.27 {
		t.Errorf("Q0000001: %+v", g)
	}
	if g := c["Q0000002"]; g.Point || g.Country != "MLI" || g.Kind != "country" {
		t.Errorf("Q0000002: %+v", g)
	}
	for _, in := range []string{
		"Q1\ttown\t1\t2\tMLI\tGao\n",            // six fields
		"X1\ttown\t1\t2\tMLI\tGao\tGao\n",       // no Q-id
		"Q1\ttown\t1\t2\tML\tGao\tGao\n",        // no ISO3
		"Q1\ttown\tnorth\t2\tMLI\tGao\tGao\n",   // bad latitude
		"Q1\ttown\t91\t2\tMLI\tGao\tGao\n",      // out of range
		"Q1\ttown\t\t2\tMLI\tGao\tGao\n",        // half a point
		"Q1\ttown\t16.2\t-200\tMLI\tGao\tGao\n", // longitude out of range
	} {
		if _, err := ParseCoords(strings.NewReader(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func TestScoreCoords(t *testing.T) {
	gc, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/mini-coords.tsv")
	if err != nil {
		t.Fatal(err)
	}
	coords, err := ParseCoords(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	docs := append(readFixture(t, "testdata/mini-hipe.tsv"), readFixture(t, "testdata/mini-newseye.tsv")...)
	got := ScoreCoords(gc, docs, coords)
	want := []CoordScore{
		// mini-hipe: Gao twice (within), Mali (country), Bobo-Dioulasso (300 km from its gold point), la Narnia (NIL)
		{Dataset: "?", Mentions: 5, WithQID: 4, Covered: 4, Resolved: 4, PointGold: 3, PointResolved: 3, Within161: 2,
			Admin1Gold: 3, Admin1Right: 3, CountryGold: 1, CountryResolved: 1, CountryRight: 1, CountryExact: 1},
		// mini-newseye: Bobo-Dioulasso (miss), Narnia (NIL), Burkina Faso (country)
		{Dataset: "newseye", Mentions: 3, WithQID: 2, Covered: 2, Resolved: 2, PointGold: 1, PointResolved: 1, Within161: 0,
			Admin1Gold: 1, Admin1Right: 1, CountryGold: 1, CountryResolved: 1, CountryRight: 1, CountryExact: 1},
		{Dataset: "all", Mentions: 8, WithQID: 6, Covered: 6, Resolved: 6, PointGold: 4, PointResolved: 4, Within161: 2,
			Admin1Gold: 4, Admin1Right: 4, CountryGold: 2, CountryResolved: 2, CountryRight: 2, CountryExact: 2},
	}
	if len(got) != len(want) {
		t.Fatalf("%d scores, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g := got[i]
		errs := g.Errors
		g.Errors = nil
		if !reflect.DeepEqual(g, want[i]) {
			t.Errorf("score %d:\n got %+v\nwant %+v", i, g, want[i])
		}
		for _, e := range errs {
			if !strings.Contains(e, "Bobo-Dioulasso") || !strings.Contains(e, "km off") {
				t.Errorf("score %d: unexpected miss %q", i, e)
			}
		}
	}
	var out bytes.Buffer
	WriteCoordScores(&out, got, true)
	if !strings.Contains(out.String(), "accuracy@161km  50.0%") || !strings.Contains(out.String(), "miss: Bobo-Dioulasso") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestRunCoords(t *testing.T) {
	var out, errb bytes.Buffer
	args := []string{"--gold", "testdata/mini-hipe.tsv,testdata/mini-newseye.tsv", "--coords", "testdata/mini-coords.tsv"}
	if err := Run(context.Background(), args, &out, &errb); err != nil {
		t.Fatal(err, errb.String())
	}
	for _, w := range []string{"Wikidata lookup testdata/mini-coords.tsv: 4 ids", "newseye: 3 gold LOC mentions", "all: 8 gold LOC mentions"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out.String())
		}
	}
	if err := Run(context.Background(), []string{"--gold", "testdata/mini-hipe.tsv", "--coords", "testdata/missing.tsv"}, &out, &errb); err == nil {
		t.Error("a missing lookup file gave no error")
	}
}

func TestSameName(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Tillabéri Region", "Tillabéri", true},
		{"Vaud", "Canton of Vaud", true},
		{"Île-de-France", "Ile de France", true},
		{"Bern", "Basel-City", false},
	} {
		if got := sameName(tt.a, tt.b); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
