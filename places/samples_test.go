package places_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/places"
)

// TestSamples reads the shared sample articles (skipped when ../shared is absent) and checks
// that every location keeps the promises of the format: a precision from 1 to 4, no point and
// no geonameid for a country, a known country, and words that are in the text.
func TestSamples(t *testing.T) {
	files, _ := filepath.Glob("../../shared/samples/*/*.txt")
	if len(files) == 0 {
		t.Skip("shared samples absent")
	}
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.Default() })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	gc, err := places.New()
	if err != nil {
		t.Fatal(err)
	}
	located := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := pipe.Run(context.Background(), string(b), pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := gc.Process(d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, e := range d.Events {
			l := e.Location
			if l == nil {
				continue
			}
			located++
			t.Logf("%s %s %q → %q %s %s p%d", filepath.Base(f), e.Type, d.Text[e.Trigger.Start:e.Trigger.End], l.Text, l.Name, l.Country, l.Precision)
			if l.Precision < 1 || l.Precision > 4 {
				t.Errorf("%s: precision %d", f, l.Precision)
			}
			if l.Precision == places.PrecCountry && (l.Lat != 0 || l.Lon != 0 || l.GeonameID != 0) {
				t.Errorf("%s: a country with a point or an id: %+v", f, *l)
			}
			if gc.Gazetteer().CountryName(l.Country) == "" {
				t.Errorf("%s: unknown country %q", f, l.Country)
			}
			words := l.Text
			if i := strings.Index(words, " (dateline"); i >= 0 {
				words = words[:i]
			}
			if words == "" || !strings.Contains(d.Text, words) {
				t.Errorf("%s: location text %q not in the article", f, l.Text)
			}
		}
	}
	if located == 0 {
		t.Error("no event of the samples got a place")
	}
}
