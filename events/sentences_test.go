package events_test

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
)

// TestSentences reads testdata/sentences.tsv through the whole pipeline: every PLOVER type
// and every factuality value, in French and English. A line whose type starts with "!" wants
// no event of that type (words that look like a trigger and are none).
func TestSentences(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	pub := time.Date(2023, 5, 10, 0, 0, 0, 0, time.UTC)
	n, failed := 0, 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 6 {
			t.Fatalf("bad line %q", line)
		}
		n++
		d, err := p.Run(context.Background(), c[5], pipeline.Options{Lang: c[0], Published: pub})
		if err != nil {
			t.Fatalf("%s: %v", c[5], err)
		}
		if typ, ok := strings.CutPrefix(c[1], "!"); ok {
			// a negative line: no event of that type, whatever its factuality and roles
			if hasEvent(d, typ, "", "-", "-") {
				failed++
				t.Errorf("%s\n  want no %s event\n  got  %s", c[5], typ, describe(d))
			}
			continue
		}
		if !hasEvent(d, c[1], c[2], c[3], c[4]) {
			failed++
			t.Errorf("%s\n  want %s %s %s → %s\n  got  %s", c[5], c[1], c[2], c[3], c[4], describe(d))
		}
	}
	if n < 40 {
		t.Fatalf("only %d sentences", n)
	}
}

// side: the actor ids of one role, matched on the actor's country (or id, for IGOs).
func side(d *doc.Document, ids []string, want string) bool {
	if want == "-" {
		return true
	}
	for _, id := range ids {
		if id == want || strings.EqualFold(id, want) {
			return true
		}
		if a := d.ActorByID(id); a != nil && (a.Country == want || strings.EqualFold(a.Name, want)) {
			return true
		}
	}
	return false
}

func hasEvent(d *doc.Document, typ, fact, actor, recipient string) bool {
	for _, e := range d.Events {
		if e.Type == typ && (fact == "" || e.Factuality == fact) && side(d, e.Actor, actor) && side(d, e.Recipient, recipient) {
			return true
		}
	}
	return false
}

func describe(d *doc.Document) string {
	var b strings.Builder
	for _, e := range d.Events {
		b.WriteString(e.Type + " " + e.Factuality + " " + strings.Join(e.Actor, "+") + " → " + strings.Join(e.Recipient, "+") + "; ")
	}
	if b.Len() == 0 {
		return "no event"
	}
	return b.String()
}

// TestLastingTold counts the events of texts that tell fighting going on since a date and
// fighting on a day of that period (one event), or on a day before it (two).
func TestLastingTold(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2023, 5, 10, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		lang, text string
		fights     int
	}{
		{"fr", "Les rebelles et l'armée tchadienne s'affrontent depuis avril dans le nord du pays. Lundi, de nouveaux affrontements entre les rebelles et l'armée tchadienne ont eu lieu près d'Abéché.", 1},
		{"en", "Since March, fighting between the Chadian army and rebels has killed hundreds. On Monday, heavy fighting between the Chadian army and rebels broke out near Abeche.", 1},
		{"en", "Since March, fighting between the Chadian army and rebels has killed hundreds. In January 2022, fighting between the Chadian army and rebels broke out near Abeche.", 2},
	}
	for _, tc := range cases {
		d, err := p.Run(context.Background(), tc.text, pipeline.Options{Lang: tc.lang, Published: pub})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range d.Events {
			if e.Type == "FIGHT" {
				n++
			}
		}
		if n != tc.fights {
			t.Errorf("%s\n  %d FIGHT events, want %d: %s", tc.text, n, tc.fights, describe(d))
		}
	}
}
