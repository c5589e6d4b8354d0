package quotes

import (
	"sort"
	"strings"
	"testing"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/langid"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/segment"
)

// The base stages, run by hand: pipeline imports this package, so tests cannot import it.
var base = []interface{ Process(*doc.Document) error }{normalize.Stage{}, langid.Stage{}, segment.New()}

// actor is a hand-made actor with the surface forms that name it, standing in for the
// actors stage in unit tests.
type actor struct {
	id, kind string
	forms    []string
}

var finder = func() *Finder {
	f, err := New()
	if err != nil {
		panic(err)
	}
	return f
}()

// read runs the base stages, adds mentions for every form of the given actors (whole
// tokens only), and runs the quotes stage.
func read(t testing.TB, lang, text string, actors ...actor) *doc.Document {
	t.Helper()
	d := &doc.Document{Text: text, Lang: lang}
	for _, s := range base {
		if err := s.Process(d); err != nil {
			t.Fatalf("base stages: %v", err)
		}
	}
	starts := map[int]int{}
	ends := map[int]int{}
	for i, tk := range d.Tokens {
		starts[tk.Start] = i
		ends[tk.End] = i + 1
	}
	taken := make([]bool, len(text))
	for _, a := range actors {
		d.Actors = append(d.Actors, doc.Actor{ID: a.id, Name: a.forms[0], Kind: a.kind})
		typ := map[string]string{"person": "PER", "organization": "ORG", "country": "GPE"}[a.kind]
		// longest forms first so that "Mr Smith" wins over "Smith"
		forms := append([]string(nil), a.forms...)
		sort.Slice(forms, func(i, j int) bool { return len(forms[i]) > len(forms[j]) })
		for _, f := range forms {
			for off := 0; ; {
				k := strings.Index(text[off:], f)
				if k < 0 {
					break
				}
				s, e := off+k, off+k+len(f)
				off = e
				t0, ok0 := starts[s]
				t1, ok1 := ends[e]
				if !ok0 || !ok1 || taken[s] || taken[e-1] {
					continue
				}
				for i := s; i < e; i++ {
					taken[i] = true
				}
				d.Mentions = append(d.Mentions, doc.Mention{Start: s, End: e, Text: f, Type: typ, Actor: a.id, Tok0: t0, Tok1: t1})
			}
		}
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	if err := finder.Process(d); err != nil {
		t.Fatalf("quotes: %v", err)
	}
	return d
}

// quoteWith returns the one quote whose text starts with prefix.
func quoteWith(t *testing.T, d *doc.Document, prefix string) *doc.Quote {
	t.Helper()
	var hits []*doc.Quote
	for i := range d.Quotes {
		if strings.HasPrefix(d.Quotes[i].Text, prefix) {
			hits = append(hits, &d.Quotes[i])
		}
	}
	if len(hits) != 1 {
		t.Errorf("quotes starting %q: %d found, want 1; all quotes:\n%s", prefix, len(hits), dump(d))
		return nil
	}
	return hits[0]
}

func dump(d *doc.Document) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		b.WriteString("  [" + q.Kind + "] cue=" + q.Cue + " speaker=" + q.Speaker + " via=" + q.Via + " text=" + q.Text + "\n")
	}
	return b.String()
}

// checkOffsets: every span holds what it says.
func checkOffsets(t *testing.T, d *doc.Document) {
	t.Helper()
	for _, q := range d.Quotes {
		for _, o := range q.Occurrences {
			if o.Start < 0 || o.End > len(d.Text) || o.Start >= o.End {
				t.Errorf("quote %q: bad occurrence %v", q.Text, o)
			}
		}
		if q.CueSpan != nil && d.Text[q.CueSpan.Start:q.CueSpan.End] != q.Cue {
			t.Errorf("quote %q: cue span holds %q, cue is %q", q.Text, d.Text[q.CueSpan.Start:q.CueSpan.End], q.Cue)
		}
		// the occurrence begins and ends with the quote's words (an interrupted quote spans its
		// incise); a frame's text is its pieces joined
		if q.Kind == "indirect" || q.Kind == "according" {
			var parts []string
			for _, o := range q.Occurrences {
				parts = append(parts, d.Text[o.Start:o.End])
			}
			if strings.Join(parts, " ") != q.Text {
				t.Errorf("frame %q: pieces %q", q.Text, parts)
			}
		}
		if o := d.Text[q.Occurrences[0].Start:q.Occurrences[0].End]; (q.Kind == "direct" || q.Kind == "partial") && len(q.Text) > 4 && (!strings.HasPrefix(o, q.Text[:4]) || !strings.HasSuffix(o, q.Text[len(q.Text)-3:])) && q.Kind != "according" {
			t.Errorf("quote %q: occurrence holds %q", q.Text, o)
		}
	}
}
