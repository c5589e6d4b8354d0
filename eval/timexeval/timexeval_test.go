package timexeval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseTML(t *testing.T) {
	data, err := os.ReadFile("testdata/gold/a.tml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseTML("a.tml", data)
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT != "2022-08-11" {
		t.Errorf("DCT %q", d.DCT)
	}
	want := []GoldTimex{
		{Text: "Tuesday", Type: "DATE", Value: "2022-08-09"},
		{Text: "two weeks", Type: "DURATION", Value: "P2W"},
		{Text: "next month", Type: "DATE", Value: "2022-09"},
	}
	if len(d.Timexes) != len(want) {
		t.Fatalf("got %+v", d.Timexes)
	}
	for i, w := range want {
		g := d.Timexes[i]
		if g.Text != w.Text || g.Type != w.Type || g.Value != w.Value || d.Text[g.Start:g.End] != g.Text {
			t.Errorf("timex %d: got %+v, want %+v", i, g, w)
		}
	}
	if !strings.Contains(d.Text, "Tuesday & agreed") || strings.Contains(d.Text, "<") {
		t.Errorf("text not cleaned: %q", d.Text)
	}
}

func TestParseTMLErrors(t *testing.T) {
	for _, bad := range []string{
		"<TimeML></TimeML>",
		"<TEXT>no end",
		"<TEXT>a <TIMEX3 type=\"DATE\">b</TEXT>",
		"<TEXT>a </TIMEX3></TEXT>",
		"<TEXT>a <TIMEX3 type=\"DATE\" b</TEXT>",
		"<TEXT>\xff</TEXT>",
	} {
		if _, err := ParseTML("bad", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestScore(t *testing.T) {
	gold := []GoldTimex{
		{Start: 0, End: 7, Type: "DATE", Value: "2022-08-09"},
		{Start: 20, End: 29, Type: "DURATION", Value: "P2W"},
		{Start: 40, End: 50, Type: "DATE", Value: "2022-09"},
	}
	sys := []Span{
		{Start: 0, End: 7, Type: "DATE", Value: "2022-08-09"},    // strict, right value
		{Start: 16, End: 29, Type: "DURATION", Value: "P3W"},     // relaxed, wrong value
		{Start: 60, End: 64, Type: "DATE", Value: "PRESENT_REF"}, // spurious
	}
	c := NewCounts()
	c.Add("x", gold, sys)
	r := c.Result()
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if !near(r.StrictP, 1.0/3) || !near(r.StrictR, 1.0/3) {
		t.Errorf("strict %v %v", r.StrictP, r.StrictR)
	}
	if !near(r.RelaxedP, 2.0/3) || !near(r.RelaxedR, 2.0/3) {
		t.Errorf("relaxed %v %v", r.RelaxedP, r.RelaxedR)
	}
	if !near(r.ValueAcc, 0.5) || !near(r.TypeAcc, 1) || !near(r.ValueF, 1.0/3) {
		t.Errorf("value acc %v type acc %v value F1 %v", r.ValueAcc, r.TypeAcc, r.ValueF)
	}
	var buf bytes.Buffer
	c.Report(&buf)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if last := lines[len(lines)-1]; last != "timex: strict_f1=0.333 relaxed_f1=0.667 value_f1=0.333 type_acc=1.000" {
		t.Errorf("last line %q", last)
	}
}

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"--gold", "testdata/gold"}, &out, &errb); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	s := out.String()
	if !strings.Contains(s, "2 documents") {
		t.Errorf("output: %s", s)
	}
	// griot finds all five expressions with their values in these two short texts
	if !strings.Contains(s, "timex: strict_f1=1.000 relaxed_f1=1.000 value_f1=1.000 type_acc=1.000") {
		t.Errorf("output: %s", s)
	}
	// --dump then --predictions of the gold itself scores perfectly
	dump := filepath.Join(t.TempDir(), "docs.jsonl")
	if err := Run(context.Background(), []string{"--gold", "testdata/gold", "--dump", dump}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(dump)
	if err != nil || !bytes.Contains(data, []byte(`"dct":"1999-05-17"`)) {
		t.Fatalf("dump: %v %s", err, data)
	}
	out.Reset()
	if err := Run(context.Background(), []string{"--gold", "testdata/gold", "--predictions", dump}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "value_f1=1.000") {
		t.Errorf("gold as predictions: %s", out.String())
	}
	if err := Run(context.Background(), []string{"--gold", "testdata/none"}, &out, &errb); err == nil {
		t.Error("missing gold dir: no error")
	}
	if err := Run(context.Background(), nil, &out, &errb); err == nil {
		t.Error("no --gold: no error")
	}
}

// TestGoldCorpora runs the acceptance corpora when they are present (../shared/data).
func TestGoldCorpora(t *testing.T) {
	for _, dir := range []string{"../../../shared/data/fr-timebank/dev", "../../../shared/data/tempeval3-en/Training"} {
		if _, err := os.Stat(dir); err != nil {
			t.Skip("gold corpora not present")
		}
		docs, err := LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if _, err := ParseDCT(d.DCT); err != nil {
				t.Errorf("%s: %v", d.Name, err)
			}
			for _, x := range d.Timexes {
				if d.Text[x.Start:x.End] != x.Text {
					t.Fatalf("%s: bad offsets", d.Name)
				}
			}
		}
	}
}

func FuzzParseTML(f *testing.F) {
	for _, p := range []string{"testdata/gold/a.tml", "testdata/gold/sub/b.tml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<TEXT><TIMEX3 value='&#x41;'>&#99999999;&amp</TIMEX3></TEXT>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseTML("f", data)
		if err != nil {
			return
		}
		for _, x := range d.Timexes {
			if x.Start < 0 || x.End > len(d.Text) || x.Start >= x.End || d.Text[x.Start:x.End] != x.Text {
				t.Fatalf("bad span %+v in %q", x, d.Text)
			}
		}
	})
}

func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"2031-W5", "2031-W05", true},
		{"2031-W5-WE", "2031-W05-WE", true},
		{"2031-W15", "2031-W05", false},
		{"2031-03-04T09", "2031-03-04T09:00", true},
		{"2031-03-04T09", "2031-03-04T09:30", false},
		{"203X", "203", true},
		{"20XX", "20", true},
		{"P1E", "P10Y", true},
		{"P1DE", "P10Y", true},
		{"P3Q", "P9M", true},
		{"P2L", "P2000Y", true},
		{"P1W", "P7D", true},
		{"PXC", "PXCE", true},
		{"PXE", "PXDE", true},
		{"PXDE", "PXY", false},
		{"PXE", "PXCE", false},
		{"P1D", "PT24H", false},
		{"2031", "2031-XX", false},
		{"2031-W05", "2031-02", false},
		{"PAST_REF", "PRESENT_REF", false},
		{"P", "P", true},
		{"", "P1Y", false},
	} {
		if got := sameValue(c.a, c.b); got != c.same {
			t.Errorf("sameValue(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
		if got := sameValue(c.b, c.a); got != c.same {
			t.Errorf("sameValue(%q, %q) = %v, want %v", c.b, c.a, got, c.same)
		}
	}
}
