package pipeline_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
)

// TestCorpus reads every MasakhaNEWS dev article (French and English, ../shared) through
// the whole pipeline: no stage may fail, and every span must point at its text.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "data", "masakhanews-fr-en")); err != nil {
		t.Skip("../shared/data/masakhanews-fr-en is absent: this test runs where ../shared is")
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := corpusTexts(t)
	pub := time.Date(2022, 8, 11, 0, 0, 0, 0, time.UTC)
	for i, text := range texts {
		d, err := p.Run(context.Background(), text, pipeline.Options{Published: pub})
		if errors.Is(err, pipeline.ErrEmpty) {
			continue
		}
		if err != nil {
			t.Errorf("article %d: %v", i, err)
			continue
		}
		checkSpans(t, i, d)
	}
}

func checkSpans(t *testing.T, i int, d *doc.Document) {
	t.Helper()
	n := len(d.Text)
	ok := func(kind string, s, e int, want string) {
		if s < 0 || e > n || s > e || (want != "" && d.Text[s:e] != want) {
			t.Errorf("article %d: %s %d:%d does not hold %q", i, kind, s, e, want)
		}
	}
	prev := 0
	for _, tk := range d.Tokens {
		if tk.Start < prev {
			t.Errorf("article %d: overlapping tokens at %d", i, tk.Start)
		}
		prev = tk.End
		ok("token", tk.Start, tk.End, "")
	}
	for _, m := range d.Mentions {
		ok("mention", m.Start, m.End, m.Text)
	}
	for _, x := range d.Timexes {
		ok("timex", x.Start, x.End, x.Text)
	}
	for _, q := range d.Quotes {
		for _, o := range q.Occurrences {
			ok("quote", o.Start, o.End, "")
		}
	}
	for _, e := range d.Events {
		ok("evidence", e.Evidence.Start, e.Evidence.End, e.Evidence.Text)
		for _, id := range append(append([]string{}, e.Actor...), e.Recipient...) {
			if d.ActorByID(id) == nil {
				t.Errorf("article %d: event %s names actor %q that the document does not list", i, e.ID, id)
			}
		}
	}
}
