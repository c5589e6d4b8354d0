package placeeval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/places"
)

func TestParseHIPE(t *testing.T) {
	f, err := os.Open("testdata/mini-hipe.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ParseHIPE(f)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]GoldLoc{
		{{"Gao", "loc.adm.town", "Q0000001"}, {"Mali", "loc.adm.nat", "Q0000002"}},
		{{"Bobo-Dioulasso", "loc.adm.town", "Q0000003"}, {"la Narnia", "loc.adm.reg", ""}, {"Gao", "loc.adm.town", "Q0000001"}},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		if len(d.Locs) != len(want[i]) {
			t.Fatalf("doc %d: %+v, want %+v", i, d.Locs, want[i])
		}
		for j, l := range d.Locs {
			if l != want[i][j] {
				t.Errorf("doc %d loc %d: %+v, want %+v", i, j, l, want[i][j])
			}
		}
	}
	gc, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreHIPE(gc, docs)
	if s.Gold != 5 || s.Resolved != 4 || s.KindFit != 4 || s.QIDMentions != 2 || s.QIDSame != 2 || s.Unresolved["la Narnia"] != 1 {
		t.Errorf("score %+v", s)
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"Gao\tB-loc\n", // no header
		"TOKEN\tNE-FINE-LIT\tNEL-LIT\nGao\tB-loc\n", // short line
	} {
		if _, err := ParseHIPE(strings.NewReader(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
	for _, in := range []string{
		`{"text":"à Gao","trigger":"Kidal"}`,
		`{"text":"à Gao"`,
		`{"text":"","trigger":""}`,
	} {
		if _, err := ParseCases(strings.NewReader(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func TestCheck(t *testing.T) {
	c := Case{Name: "Gao", Country: "MLI", Admin1: "Gao", Precision: 1, Point: true, LocText: "à Gao"}
	good := &doc.Location{Text: "à Gao", Name: "Gao", Country: "MLI", Admin1: "Gao", Precision: 1, Lat: 16.27, Lon: -0.04}
	if msg := Check(c, good); msg != "" {
		t.Errorf("good location: %s", msg)
	}
	bad := *good
	bad.Precision, bad.Lat, bad.Lon = 4, 0, 0
	if msg := Check(c, &bad); !strings.Contains(msg, "precision 4, want 1") || !strings.Contains(msg, "point false") {
		t.Errorf("bad location: %q", msg)
	}
	if msg := Check(Case{}, good); msg == "" {
		t.Error("a location where none is expected passed")
	}
	if msg := Check(c, nil); msg == "" {
		t.Error("no location passed")
	}
}

func TestKm(t *testing.T) {
	// Bamako – Gao, about 960 km; a point to itself, 0
	if d := places.KmBetween(12.65, -8.0, 16.27, -0.04); d < 900 || d > 1000 {
		t.Errorf("Bamako–Gao %.0f km", d)
	}
	if d := places.KmBetween(16.27, -0.04, 16.27, -0.04); d != 0 {
		t.Errorf("same point %.3f km", d)
	}
}

func TestRunSentences(t *testing.T) {
	var out, errb bytes.Buffer
	gold := filepath.Join("..", "..", "places", "testdata", "sahel.jsonl")
	if err := Run(context.Background(), []string{"--gold", gold}, &out, &errb); err != nil {
		t.Fatal(err, errb.String())
	}
	if !strings.Contains(out.String(), "exact") || strings.Contains(out.String(), "error:") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestRunHIPE(t *testing.T) {
	gold := filepath.Join("..", "..", "..", "shared", "data", "hipe2022-fr", "HIPE-2022-v2.1-hipe2020-dev-fr.tsv")
	if _, err := os.Stat(gold); err != nil {
		t.Skip("shared corpora absent")
	}
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"--gold", gold}, &out, &errb); err != nil {
		t.Fatal(err, errb.String())
	}
	if !strings.Contains(out.String(), "resolved by the gazetteer") {
		t.Errorf("output:\n%s", out.String())
	}
}

func FuzzParseHIPE(f *testing.F) {
	b, err := os.ReadFile("testdata/mini-hipe.tsv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("TOKEN\tNE-FINE-LIT\tNEL-LIT\tMISC\nx\tI-loc\tQ1\tNoSpaceAfter\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ParseHIPE(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, l := range d.Locs {
				if strings.Contains(l.Text, "\x00") && !strings.Contains(in, "\x00") {
					t.Fatalf("glue mark left in %q", l.Text)
				}
			}
		}
	})
}
