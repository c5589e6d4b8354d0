package nereval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEntities(t *testing.T) {
	tok := func(tags ...string) []Token {
		var out []Token
		for _, g := range tags {
			out = append(out, Token{Text: "w", Tag: g})
		}
		return out
	}
	tests := []struct {
		name string
		toks []Token
		want []Entity
	}{
		{"iob2", tok("B-PER", "I-PER", "O", "B-LOC", "B-LOC"), []Entity{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "LOC"}}},
		{"iob1 runs", tok("I-PER", "I-PER", "I-LOC", "O", "I-ORG"), []Entity{{0, 2, "PER"}, {2, 3, "LOC"}, {4, 5, "ORG"}}},
		{"hipe types", tok("B-pers", "I-pers", "B-loc.adm.town", "B-time"), []Entity{{0, 2, "PER"}, {2, 3, "LOC"}, {3, 4, "TIME"}}},
		{"I after O", tok("O", "I-MISC"), []Entity{{1, 2, "MISC"}}},
		{"junk tags", tok("X", "B", "B-", "_"), nil},
	}
	for _, tc := range tests {
		got := Entities(tc.toks, false)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}

func TestScore(t *testing.T) {
	s := NewScore()
	s.Add([]Entity{{0, 2, "PER"}, {3, 4, "LOC"}}, []Entity{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "LOC"}})
	p, r, f := s.Overall()
	if p != 1.0/3 || r != 0.5 || f < 0.399 || f > 0.401 {
		t.Errorf("p=%v r=%v f=%v, want 1/3, 1/2, 0.4", p, r, f)
	}
}

func TestParsers(t *testing.T) {
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	docs, err := ParseCoNLL(open("mini.conll"))
	if err != nil || len(docs) != 1 || len(docs[0].Tokens) != 16 || !docs[0].Tokens[9].EOS {
		t.Fatalf("conll: %v %+v", err, docs)
	}
	if es := Entities(docs[0].Tokens, false); len(es) != 6 {
		t.Errorf("conll entities %v", es)
	}
	docs, err = ParseIOB(open("mini.bio"))
	if err != nil || len(docs) != 1 || len(docs[0].Tokens) != 18 {
		t.Fatalf("iob: %v %+v", err, docs)
	}
	if es := Entities(docs[0].Tokens, true); len(es) != 4 {
		t.Errorf("iob entities %v", es)
	}
	docs, err = ParseHIPE(open("mini.tsv"))
	if err != nil || len(docs) != 2 || docs[0].ID != "own-1" || !docs[0].Tokens[4].NoSpace || !docs[0].Tokens[5].EOS {
		t.Fatalf("hipe: %v %+v", err, docs)
	}
	if got := docs[0].Date.Format("2006-01-02"); got != "2001-02-03" || !docs[1].Date.IsZero() {
		t.Errorf("hipe dates: %s, %v", got, docs[1].Date)
	}
	for _, bad := range []string{"onlyonefield\n", "a\tb\n"} {
		if _, err := ParseHIPE(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseHIPE(%q): no error", bad)
		}
	}
	if _, err := ParseCoNLL(strings.NewReader("lonely\n")); err == nil {
		t.Error("ParseCoNLL(one field): no error")
	}
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		format, file string
		minF1        float64
	}{
		{"conll", "mini.conll", 0.6},
		{"iob", "mini.bio", 0.6},
		{"hipe", "mini.tsv", 0.6},
	} {
		var out, errb bytes.Buffer
		err := Run(context.Background(), []string{"--format", tc.format, "--gold", filepath.Join("testdata", tc.file)}, &out, &errb)
		if err != nil {
			t.Fatalf("%s: %v (%s)", tc.format, err, errb.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		last := lines[len(lines)-1]
		var f1, p, r float64
		if _, err := fmtSscanf(last, &f1, &p, &r); err != nil {
			t.Fatalf("%s: last line %q: %v", tc.format, last, err)
		}
		if f1 < tc.minF1 {
			t.Errorf("%s: f1 %.3f < %.2f\n%s", tc.format, f1, tc.minF1, out.String())
		}
	}
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"--format", "xml", "--gold", "testdata/mini.tsv"}, &out, &errb); err == nil {
		t.Error("unknown format: no error")
	}
	if err := Run(context.Background(), []string{"--gold", "testdata/absent.conll"}, &out, &errb); err == nil {
		t.Error("missing file: no error")
	}
}

// TestSharedGold scores the shared dev sets when they are there (../shared/data).
func TestSharedGold(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	f := filepath.Join("..", "..", "..", "shared", "data", "conll2003-en", "val.conllu")
	if _, err := os.Stat(f); err != nil {
		t.Skip("shared data absent")
	}
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"--format", "conll", "--gold", f}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var f1, p, r float64
	if _, err := fmtSscanf(lines[len(lines)-1], &f1, &p, &r); err != nil {
		t.Fatal(err)
	}
	t.Logf("conll2003 validation: %s", lines[len(lines)-1])
	if f1 < 0.55 {
		t.Errorf("CoNLL F1 fell to %.3f", f1)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a\tB-PER\n\nb O\n", "TOKEN\tNE-COARSE-LIT\n# x document_id = 1\nx\tB-loc\n", "w I-LOC\n. O\n", "-DOCSTART- O\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, parse := range []func(*strings.Reader) ([]Doc, error){
			func(r *strings.Reader) ([]Doc, error) { return ParseCoNLL(r) },
			func(r *strings.Reader) ([]Doc, error) { return ParseIOB(r) },
			func(r *strings.Reader) ([]Doc, error) { return ParseHIPE(r) },
		} {
			docs, err := parse(strings.NewReader(s))
			if err != nil {
				continue
			}
			for _, d := range docs {
				for _, e := range Entities(d.Tokens, true) {
					if e.Start < 0 || e.End > len(d.Tokens) || e.Start >= e.End {
						t.Fatalf("bad entity %v", e)
					}
				}
			}
		}
	})
}
