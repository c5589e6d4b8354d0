package places_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/places"
)

func TestSamplesDump(t *testing.T) {
	if os.Getenv("PLACES_DUMP") == "" {
		t.Skip()
	}
	p, _ := pipeline.Default()
	gc, _ := places.New()
	files, _ := filepath.Glob("../../shared/samples/*/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		d, err := p.Run(context.Background(), string(b), pipeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		gc.Process(d)
		for _, e := range d.Events {
			if e.Location != nil {
				j, _ := json.Marshal(e.Location)
				t.Logf("%s %s %q %s", filepath.Base(f), e.Type, d.Text[e.Trigger.Start:e.Trigger.End], j)
			}
		}
	}
}
