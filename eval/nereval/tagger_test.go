package nereval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// miniMEANTIME reads the hand-written MEANTIME fixture.
func miniMEANTIME(t *testing.T) Doc {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "mini-meantime.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ParseMEANTIME(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseMEANTIME(t *testing.T) {
	d := miniMEANTIME(t)
	var tags []string
	for _, tok := range d.Tokens {
		tags = append(tags, tok.Tag)
	}
	// "Norwegian shipmaker Fjord Yards" gives the name "Fjord Yards" (ORG) and "Norwegian"
	// (LOC); "The Bank of Tromso" drops its article; the financial "a US$ 5 bond" is no name
	// (its capitals do not end it)
	want := []string{"B-LOC", "O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O",
		"O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "B-LOC", "O"}
	if !reflect.DeepEqual(tags, want) {
		t.Errorf("tags\n got %v\nwant %v", tags, want)
	}
	if !d.Tokens[7].EOS || d.Tokens[8].EOS {
		t.Error("sentence ends wrong")
	}
	if _, err := ParseMEANTIME(strings.NewReader("<Document><token t_id='1'>a</token><Markables><ENTITY_MENTION m_id='1'><token_anchor t_id='9'/></ENTITY_MENTION><ENTITY m_id='2' ent_type='PER'/></Markables><Relations><REFERS_TO><source m_id='1'/><target m_id='2'/></REFERS_TO></Relations></Document>")); err == nil {
		t.Error("mention of an unknown token: no error")
	}
}

// TestTrainingDocPartial: with partial gold, a name the registry knows but the gold does not
// mark is unknown ("?"), and a nationality is MISC.
func TestTrainingDocPartial(t *testing.T) {
	fz, err := NewFeaturizer()
	if err != nil {
		t.Fatal(err)
	}
	d := miniMEANTIME(t)
	d.Tokens[18].Tag = "O" // the gold forgets Oslo
	td, err := fz.TrainingDoc(d, "en", false, true, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(td.Sents) != 2 || len(td.Tags[1]) != 12 {
		t.Fatalf("sentences %d, tags %v", len(td.Sents), td.Tags)
	}
	if got := td.Tags[1][10]; got != "?" {
		t.Errorf("Oslo (registry, not in the gold): %q, want ?", got)
	}
	if got := td.Tags[0][0]; got != "B-MISC" {
		t.Errorf("Norwegian: %q, want B-MISC", got)
	}
	if got := td.Tags[0][2]; got != "B-ORG" {
		t.Errorf("Fjord: %q, want B-ORG", got)
	}
}

// TestTrainEval: `griot train ner` on a small gold file, then `griot eval ner --model` on it:
// the tagger learns its training file back.
func TestTrainEval(t *testing.T) {
	model := filepath.Join(t.TempDir(), "m.gz")
	var out, errb bytes.Buffer
	args := []string{"-q", "--format", "conll", "--train", filepath.Join("testdata", "mini.conll") + ",iob:" + filepath.Join("testdata", "mini.bio"), "--lang", "en", "--epochs", "20", "--prune", "0", "--out", model}
	if err := RunTrain(context.Background(), args, &out, &errb); err != nil {
		t.Fatalf("train: %v (%s)", err, errb.String())
	}
	if !strings.Contains(out.String(), "ner model: ") {
		t.Errorf("train output %q", out.String())
	}
	out.Reset()
	if err := Run(context.Background(), []string{"--format", "conll", "--gold", filepath.Join("testdata", "mini.conll"), "--model", model}, &out, &errb); err != nil {
		t.Fatalf("eval: %v (%s)", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var f1, p, r float64
	if _, err := fmtSscanf(lines[len(lines)-1], &f1, &p, &r); err != nil {
		t.Fatal(err)
	}
	if f1 < 0.99 {
		t.Errorf("trained on it, f1 %.3f on it\n%s", f1, out.String())
	}
	for _, bad := range [][]string{
		{"--train", "testdata/mini.conll"},
		{"--train", "testdata/absent.conll", "--out", model},
		{"--format", "xml", "--train", "testdata/mini.conll", "--out", model},
	} {
		if err := RunTrain(context.Background(), append([]string{"-q"}, bad...), &out, &errb); err == nil {
			t.Errorf("train %v: no error", bad)
		}
	}
	if err := Run(context.Background(), []string{"--gold", "testdata/mini.conll", "--model", "testdata/mini.bio"}, &out, &errb); err == nil {
		t.Error("eval with a model that is no model: no error")
	}
}

func TestHeldOut(t *testing.T) {
	docs := []Doc{{ID: "0"}, {ID: "1"}, {ID: "2"}, {ID: "3"}, {ID: "4"}, {ID: "5"}}
	ids := func(ds []Doc) string {
		var s []string
		for _, d := range ds {
			s = append(s, d.ID)
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		n    int
		held bool
		want string
	}{
		{3, true, "2,5"},
		{3, false, "0,1,3,4"},
		{0, true, "0,1,2,3,4,5"},
	} {
		if got := ids(heldOut(docs, tc.n, tc.held)); got != tc.want {
			t.Errorf("heldOut(%d, %v) = %s, want %s", tc.n, tc.held, got, tc.want)
		}
	}
}

func FuzzParseMEANTIME(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "mini-meantime.xml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("<Document></Document>")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseMEANTIME(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, e := range Entities(d.Tokens, false) {
			if e.Start < 0 || e.End > len(d.Tokens) || e.Start >= e.End {
				t.Fatalf("bad entity %v", e)
			}
		}
	})
}
