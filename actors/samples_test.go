package actors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/langid"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/segment"
)

// The sample readings (../shared/samples, not in the repository) list every actor with the
// surface forms that name it. This test resolves each form where it occurs and counts the
// forms that reach an actor of the right country and sector; it skips when the samples are
// absent.

type readingActor struct {
	Key     string   `json:"key"`
	Name    string   `json:"name"`
	Country string   `json:"country"`
	Sector  []string `json:"sector"`
	Forms   []string `json:"forms"`
}

type reading struct {
	Actors []readingActor `json:"actors"`
}

type meta struct {
	Lang      string `json:"lang"`
	Published string `json:"published"`
}

func samplesDir() string { return filepath.Join("..", "..", "shared", "samples") }

// formOK reports whether actor a, named by mention text mt, stands for the reading actor ra
// (the rule of shared/tools/check_reading.py: the same name or form, the same country for a
// country-level actor, the same country and a shared sector for an institution).
func formOK(ra readingActor, a *doc.Actor, mt string) bool {
	forms := map[string]bool{normalize.String(ra.Name): true}
	for _, f := range ra.Forms {
		forms[normalize.String(f)] = true
	}
	if forms[normalize.String(a.Name)] || forms[normalize.String(mt)] && a.Kind != kindCountry && ra.Country == "" {
		return true
	}
	same := ra.Country != "" && a.Country == ra.Country
	if same && len(ra.Sector) == 0 && a.Kind != kindPerson {
		return true
	}
	shared := false
	for _, s := range ra.Sector {
		if hasSector(a.Sector, s) {
			shared = true
		}
	}
	if same && a.Kind != kindPerson && (shared || a.Kind == kindCountry && hasSector(ra.Sector, "GOV")) {
		return true
	}
	if a.Kind == kindPerson {
		for _, w := range strings.Fields(normalize.String(a.Name)) {
			if len(w) >= 4 && strings.Contains(normalize.String(ra.Name), w) {
				return true
			}
		}
	}
	if forms[normalize.String(mt)] && (ra.Country == "" || a.Country == ra.Country) && a.Kind != kindCountry {
		return true
	}
	return false
}

func TestSampleForms(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(samplesDir(), "*", "*.reading.json"))
	if len(files) == 0 {
		t.Skip("samples not found (../shared/samples)")
	}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	total, good := 0, 0
	for _, f := range files {
		base := strings.TrimSuffix(f, ".reading.json")
		var rd reading
		var mt meta
		if err := readJSON(f, &rd); err != nil {
			t.Fatal(err)
		}
		if err := readJSON(base+".meta.json", &mt); err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(base + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02", mt.Published)
		d, err := read(r, string(text), mt.Lang, pub)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, d)
		for _, ra := range rd.Actors {
			for _, form := range ra.Forms {
				key := normalize.String(form)
				at := strings.Index(d.Fold.Text, key)
				if at < 0 {
					continue // the form is not in the text as written (a paraphrase)
				}
				total++
				ok := false
				var got []string
				for at >= 0 && !ok {
					s, e := d.Fold.Orig(at, at+len(key))
					for _, m := range d.Mentions {
						if m.Start < e && s < m.End && m.Actor != "" {
							a := d.ActorByID(m.Actor)
							got = append(got, m.Text+"→"+m.Actor)
							if a != nil && formOK(ra, a, m.Text) {
								ok = true
							}
						}
					}
					next := strings.Index(d.Fold.Text[at+1:], key)
					if next < 0 {
						break
					}
					at += 1 + next
				}
				if ok {
					good++
				} else if testing.Verbose() {
					t.Logf("%s: %s %q: got %v", filepath.Base(base), ra.Key, form, got)
				}
			}
		}
	}
	t.Logf("sample forms resolved: %d/%d", good, total)
	if total > 0 && float64(good) < 0.6*float64(total) {
		t.Errorf("only %d of %d sample forms resolve to the right actor", good, total)
	}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// read runs the stages before actors, then actors (not the pipeline package, which imports
// this one).
func read(r *Resolver, text, lang string, anchor time.Time) (*doc.Document, error) {
	d := &doc.Document{Text: text, Lang: lang, Published: anchor, Anchor: anchor}
	if anchor.IsZero() {
		d.Anchor = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	for _, s := range []interface {
		Process(*doc.Document) error
	}{normalize.Stage{}, langid.Stage{}, segment.New(), r} {
		if err := s.Process(d); err != nil {
			return nil, err
		}
	}
	return d, nil
}
