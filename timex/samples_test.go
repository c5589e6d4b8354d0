package timex

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/normalize"
)

// TestSamples checks every sample's reading: each time expression of the reading must be
// found (one output span inside the other, folded) with the reading's value. The samples
// live outside the repository (../shared/samples); the test skips without them.
func TestSamples(t *testing.T) {
	files, _ := filepath.Glob("../../shared/samples/*/*.reading.json")
	if len(files) == 0 {
		t.Skip("../shared/samples not present")
	}
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		base := strings.TrimSuffix(f, ".reading.json")
		var reading struct {
			Timexes []struct{ Text, Value string } `json:"timexes"`
		}
		var meta struct {
			Lang      string `json:"lang"`
			Language  string `json:"language"`
			Published string `json:"published"`
		}
		mustJSON(t, f, &reading)
		mustJSON(t, base+".meta.json", &meta)
		text, err := os.ReadFile(base + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		lang := meta.Lang
		if lang == "" {
			lang = meta.Language
		}
		pub, err := time.Parse(time.DateOnly, meta.Published[:min(10, len(meta.Published))])
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		got := tg.Tag(string(text), lang, pub)
		for _, w := range reading.Timexes {
			fw := normalize.String(w.Text)
			var vals []string
			ok := false
			for _, g := range got {
				fg := normalize.String(g.Text)
				if strings.Contains(fg, fw) || strings.Contains(fw, fg) {
					vals = append(vals, g.Value)
					if g.Value == w.Value {
						ok = true
					}
				}
			}
			if !ok {
				t.Errorf("%s: %q: values %v, want %s", filepath.Base(base), w.Text, vals, w.Value)
			}
		}
	}
}

func mustJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
