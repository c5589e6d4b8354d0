package actors

import (
	"slices"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
)

// TestHints: the registry's matches, role words, first names and the rules' names are given
// to the tagger on the right words.
func TestHints(t *testing.T) {
	r := resolver(t)
	tests := []struct {
		lang, text string
		want       map[string][]string // word → labels it must carry (at its first byte)
	}{
		{"fr", "Le président malien Assimi Goïta a reçu Jean Dupontel à Bamako.", map[string][]string{
			"président": {"role:person"},
			"malien":    {"reg:GPE", "form:demonym"},
			"Assimi":    {"reg:PER", "rule:PER"},
			"Jean":      {"first", "cap", "rule:PER"},
			"Bamako":    {"reg:GPE", "form:capital"},
			"à":         {"locprep"},
		}},
		{"en", "The Northwind Trading Company said on Monday.", map[string][]string{
			"Company": {"orgw"},
			"The":     {"stop"},
		}},
	}
	for _, tc := range tests {
		d, err := read(r, tc.text, tc.lang, time.Date(2022, 8, 11, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		at := map[int][]string{}
		for _, h := range r.Hints(d) {
			if h.Start < 0 || h.End > len(d.Text) || h.Start >= h.End {
				t.Fatalf("hint %+v outside the text", h)
			}
			at[h.Start] = append(at[h.Start], h.Label)
		}
		for _, tok := range d.Tokens {
			w := d.Text[tok.Start:tok.End]
			for _, l := range tc.want[w] {
				if !slices.Contains(at[tok.Start], l) {
					t.Errorf("%q: %q has %v, want %q among them", tc.text, w, at[tok.Start], l)
				}
			}
		}
	}
	if hs := r.Hints(new(doc.Document)); hs != nil {
		t.Errorf("hints of an empty document: %v", hs)
	}
}
