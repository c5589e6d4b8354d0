package quoteeval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/griot-project/griot/doc"
)

func TestParseAnn(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Span
		err      bool
	}{
		{"kinds scored, others skipped", "T1\tCue 33 47\tAllegations of\nT2\tContent 48 53\tFraud\nT3\tAttribution-no-source 33 47\tAllegations of\nE1\tAttribution-no-source:T3 Content:T2 Cue:T1\n",
			[]Span{{"Cue", [][2]int{{33, 47}}}, {"Content", [][2]int{{48, 53}}}}, false},
		{"pieces", "T31\tContent 1948 1958;1974 2071\tMr. Quiros using\n",
			[]Span{{"Content", [][2]int{{1948, 1958}, {1974, 2071}}}}, false},
		{"continuation line of a span text starting with T", "T38\tSource 1 3\tab\n\nThe number of people\n",
			[]Span{{"Source", [][2]int{{1, 3}}}}, false},
		{"bad offsets", "T1\tCue 5 x\tsaid\n", nil, true},
		{"end before start", "T1\tCue 9 5\tsaid\n", nil, true},
		{"no offsets", "T1\tCue\n", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAnn(strings.NewReader(tc.in))
			if (err != nil) != tc.err {
				t.Fatalf("err = %v, want error %v", err, tc.err)
			}
			if !tc.err && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	text := []rune(`Officials said "the border will reopen."`)
	gold := []Span{
		{"Source", [][2]int{{0, 9}}},
		{"Cue", [][2]int{{10, 14}}},
		{"Content", [][2]int{{15, 40}}}, // with the marks
	}
	tests := []struct {
		name string
		pred []Span
		kind string
		want Counts
	}{
		{"exact once marks are trimmed", []Span{{"Content", [][2]int{{16, 38}}}}, "Content",
			Counts{Gold: 1, Pred: 1, ExactTP: 1, ExactTPPrd: 1, OverlapTPGold: 1, OverlapTPPred: 1, LenientGold: 1, LenientPred: 1}},
		{"overlap only", []Span{{"Content", [][2]int{{20, 26}}}}, "Content",
			Counts{Gold: 1, Pred: 1, OverlapTPGold: 1, OverlapTPPred: 1, LenientGold: 1, LenientPred: 1}},
		{"one-to-one: the second prediction is spurious (not when lenient)", []Span{{"Cue", [][2]int{{10, 14}}}, {"Cue", [][2]int{{11, 13}}}}, "Cue",
			Counts{Gold: 1, Pred: 2, ExactTP: 1, ExactTPPrd: 1, OverlapTPGold: 1, OverlapTPPred: 1, LenientGold: 1, LenientPred: 2}},
		{"kinds do not mix", []Span{{"Cue", [][2]int{{0, 9}}}}, "Source",
			Counts{Gold: 1, Pred: 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Score(text, gold, tc.pred)[tc.kind]
			if got != tc.want {
				t.Errorf("counts %+v, want %+v", got, tc.want)
			}
		})
	}
	// P/R/F1 arithmetic
	c := Counts{Gold: 4, Pred: 2, OverlapTPGold: 2, OverlapTPPred: 2}
	if p, r, f := c.Overlap(); p != 1 || r != 0.5 || f < 0.666 || f > 0.667 {
		t.Errorf("Overlap() = %v %v %v", p, r, f)
	}
}

func TestPredictRuneOffsets(t *testing.T) {
	text := "« Très bien », a dit Élise. Après, rien."
	s := strings.Index(text, "Très")
	e := strings.Index(text, " »")
	cs := doc.Span{Start: strings.Index(text, "a dit"), End: strings.Index(text, "a dit") + len("a dit")}
	d := &doc.Document{Text: text, Quotes: []doc.Quote{{Text: "Très bien", Kind: "direct", Occurrences: []doc.Span{{Start: s, End: e}}, CueSpan: &cs}}}
	got := Predict(d)
	runes := []rune(text)
	var content, cue string
	for _, sp := range got {
		str := string(runes[sp.first():sp.last()])
		switch sp.Kind {
		case "Content":
			content = str
		case "Cue":
			cue = str
		}
	}
	if content != "Très bien" || cue != "a dit" {
		t.Errorf("content %q cue %q, want rune offsets of «Très bien» and «a dit»", content, cue)
	}
}

func TestPredFileScoring(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "Officials said the border will reopen."
	os.WriteFile(filepath.Join(dir, "text", "a.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "a_x1.ann"), []byte("T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 37\tthe border will reopen\n"), 0o644)
	pred := filepath.Join(dir, "p.jsonl")
	os.WriteFile(pred, []byte(`{"name":"a","spans":[{"kind":"Cue","start":10,"end":14},{"kind":"Content","start":15,"end":37}]}`+"\n"), 0o644)
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"--gold", dir, "--pred", pred}, &out, &errb); err != nil {
		t.Fatalf("Run: %v (%s)", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "quotes: content_f1=1.000 source_f1=0.000 cue_f1=1.000" {
		t.Errorf("last line %q", last)
	}
	if err := Run(context.Background(), []string{"--gold", filepath.Join(dir, "nope")}, &out, &errb); err == nil {
		t.Error("a missing folder should be an error")
	}
}

// TestPolNeARDev runs the real evaluation on a few dev articles when the shared data is there.
func TestPolNeARDev(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "data", "polnear-quotes-en")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/data/polnear-quotes-en not present")
	}
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"--gold", root, "--limit", "10"}, &out, &errb); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(out.String(), "quotes: content_f1=") {
		t.Errorf("no summary line in %q", out.String())
	}
}

func FuzzParseAnn(f *testing.F) {
	for _, s := range []string{"T1\tCue 33 47\tsaid\n", "T1\tContent 1 2;3 4\tx", "T\t", "T1\tCue -1 2\t", "E1\tAttribution:T1", "T1\tCue 1 2;\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans, err := ParseAnn(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, sp := range spans {
			if len(sp.Pieces) == 0 {
				t.Fatalf("span without pieces from %q", s)
			}
			for _, p := range sp.Pieces {
				if p[0] < 0 || p[1] < p[0] {
					t.Fatalf("bad piece %v from %q", p, s)
				}
			}
			Score([]rune("some text"), spans, spans) // must not panic on any offsets
		}
	})
}
