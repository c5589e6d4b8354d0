package wordlist

import (
	"reflect"
	"testing"
)

func TestLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"# a comment\n\n", nil},
		{"junta\r\n  regime \n#x\nde facto\n", []string{"junta", "regime", "de facto"}},
		{"a\n # indented comment\nb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		if got := Lines(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Set("a\nb\na\n"); len(got) != 2 || !got["a"] || !got["b"] {
		t.Errorf("Set: %v", got)
	}
}

func TestFilter(t *testing.T) {
	set := map[string]bool{"selon": true, "according": true, "a": true, "": true, "d'apres": true, "internationalisation": true}
	f := NewFilter(set)
	for w := range set {
		if !f.May(w) {
			t.Errorf("May(%q) = false for a word of the set", w)
		}
	}
	// words outside the set: most must be turned away
	out := []string{"the", "le", "said", "president", "mali", "bamako", "selonx", "accordingly", "internationalisatiom", "b", "ab", "d'avant"}
	pass := 0
	for _, w := range out {
		if f.May(w) {
			pass++
		}
	}
	if pass > 2 {
		t.Errorf("%d of %d words outside the set passed the filter", pass, len(out))
	}
}
