package actors

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestDescriptions reads testdata/descriptions.tsv: descriptions of persons with a determiner
// ("sa cliente", "the peer", "her nephew") and unnamed groups with a quantifier ("quatre autres
// personnes", "dozens of protesters").
func TestDescriptions(t *testing.T) {
	r := resolver(t)
	f, err := os.Open("testdata/descriptions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if s := sc.Text(); s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 5 {
			t.Fatalf("descriptions.tsv:%d: %d fields, want 5", line, len(fs))
		}
		d, err := read(r, fs[2], fs[0], day(fs[1]))
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		byText := map[string]string{}
		for _, m := range d.Mentions {
			byText[m.Text] = m.Actor
		}
		for _, w := range strings.Split(fs[3], "|") {
			if w == "" {
				continue
			}
			text, want, _ := strings.Cut(w, "=")
			got, ok := byText[text]
			if !ok || got == "" {
				t.Errorf("line %d: %q: no mention with an actor; mentions %v", line, text, mentionList(d))
				continue
			}
			if strings.HasPrefix(want, "@") {
				a := d.ActorByID(got)
				country, sector, _ := strings.Cut(want[1:], "/")
				if a == nil || a.Country != country || sector != "" && !hasSector(a.Sector, sector) {
					t.Errorf("line %d: %q: actor %+v, want country %q sector %q", line, text, a, country, sector)
				}
			} else if got != want {
				t.Errorf("line %d: %q: actor %q, want %q; mentions %v", line, text, got, want, mentionList(d))
			}
		}
		for _, n := range strings.Split(fs[4], "|") {
			if n != "" && byText[n] != "" {
				t.Errorf("line %d: %q should not resolve, got %q", line, n, byText[n])
			}
		}
	}
}
