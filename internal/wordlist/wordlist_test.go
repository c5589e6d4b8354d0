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
