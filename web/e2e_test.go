package web_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
)

// chromium returns the headless browser to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end browser test skipped in -short mode")
	}
	for _, p := range []string{os.Getenv("GRIOT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("GRIOT_REQUIRE_SERVICES") != "" {
		t.Fatal("no Chromium, and GRIOT_REQUIRE_SERVICES is set: install it (apt-get install chromium) or set GRIOT_CHROMIUM")
	}
	t.Skip("no Chromium (apt-get install chromium, or set GRIOT_CHROMIUM): end-to-end browser test skipped")
	return ""
}

// browse runs headless Chromium on a URL: it returns the DOM after load and, when shot is
// not "", saves a screenshot there at the given window width.
func browse(t *testing.T, bin, url, shot string, width, height int) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	common := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--user-data-dir=" + t.TempDir(), "--hide-scrollbars", "--window-size=" + strconv.Itoa(width) + "," + strconv.Itoa(height)}
	out, err := exec.CommandContext(ctx, bin, append(common, "--dump-dom", url)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom %s: %v", url, err)
	}
	if shot != "" {
		if b, err := exec.CommandContext(ctx, bin, append(common, "--screenshot="+shot, url)...).CombinedOutput(); err != nil {
			t.Fatalf("chromium --screenshot %s: %v\n%s", url, err, b)
		}
		if fi, err := os.Stat(shot); err != nil || fi.Size() < 1000 {
			t.Fatalf("screenshot %s not written: %v", shot, err)
		}
	}
	return string(out)
}

// addShared ingests the samples and the MasakhaNEWS dev texts when ../shared is there, so
// that the pages are seen over a store of some hundreds of articles, not two.
func addShared(t *testing.T, st store.Store) {
	t.Helper()
	paths := []string{filepath.Join("..", "..", "shared", "samples"), filepath.Join("..", "..", "shared", "data", "masakhanews-fr-en")}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Logf("%s absent: the browser test runs over the Mali article only", p)
			return
		}
	}
	ctx := context.Background()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	var batch []*doc.Document
	flush := func() {
		if _, err := st.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
		batch = batch[:0]
	}
	n := 0
	err = ingest.Walk(ctx, paths, ingest.Options{MinWords: 10}, func(it ingest.Item) error {
		if it.Err != nil || it.Doc == nil {
			return nil // too short or unreadable: griot ingest skips them too
		}
		x := it.Doc
		d, err := p.Run(ctx, x.Text, pipeline.Options{ID: x.ID, Lang: x.Lang, Published: x.Published, Source: x.Source, URL: x.URL, Title: x.Title})
		if err != nil {
			return nil
		}
		batch = append(batch, d)
		n++
		if len(batch) == 100 {
			flush()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	flush()
	t.Logf("ingested %d shared documents", n)
}

// TestBrowser opens every page in headless Chromium over a store holding the Mali article
// in both languages and checks what it shows: the Mali–Russia call on the events page,
// the Mali–Russia chart with a point for August 2022, the article with the call
// highlighted, a town of the Sahel drawn on the map. With GRIOT_SCREENSHOTS=1 the screenshots are saved under docs/screenshots/.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	srv, st := newServer(t)
	addShared(t, st)
	putSahel(t, st)
	calls, err := st.Events(context.Background(), store.EventQuery{Dyad: [2]string{"MLI", "RUS"}, Type: "CONSULT", Lang: "fr"})
	if err != nil || len(calls) == 0 {
		t.Fatalf("no Mali–Russia call stored: %v", err)
	}
	call := calls[0]
	dir := t.TempDir()
	if os.Getenv("GRIOT_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	pages := []struct {
		name, path    string
		width, height int
		want          []string
	}{
		{"events", "/events?dyad=MLI%2CRUS", 1280, 900, []string{"CONSULT", "assimi-goita", "vladimir-putin", "/events/" + call.ID}},
		{"events-phone", "/events?country=MLI", 390, 1200, []string{"CONSULT"}},
		{"event", "/events/" + call.ID, 1280, 1000, []string{`class="trig`, "Reports", "According to"}},
		{"relations", "/relations?a=MLI&b=RUS&interval=month", 1280, 800, []string{"<svg", "2022-08", "from=2022-08-01"}},
		{"document", "/documents/" + call.DocSHA256, 1280, 1400, []string{`id="ev-` + call.ID + `"`, "Legend", `class="m m-per"`}},
		{"document-phone", "/documents/" + call.DocSHA256, 390, 1400, []string{`id="ev-` + call.ID + `"`}},
		{"actor", "/actors/assimi-goita", 1280, 1000, []string{"<svg", "Vladimir Putin", "Timeline"}},
		{"map", "/map", 1280, 900, []string{"<svg", `<circle class="pt p`, "Towns and sites"}},
		{"map-phone", "/map?place_country=MLI", 390, 1200, []string{`data-country="MLI"`}},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			dom := browse(t, bin, srv.URL+p.path, filepath.Join(dir, p.name+".png"), p.width, p.height)
			for _, w := range p.want {
				if !strings.Contains(dom, w) {
					t.Errorf("%s: the page lacks %q", p.path, w)
				}
			}
			if p.name == "map" && sahelPoint.FindStringSubmatch(dom) == nil {
				t.Errorf("%s: no point drawn in a Sahel country", p.path)
			}
		})
	}
}
