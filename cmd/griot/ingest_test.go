package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
)

func ingestRun(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), append([]string{"ingest"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

var summaryRE = regexp.MustCompile(`ingest: (\d+) documents read, (\d+) added, (\d+) already stored, (\d+) too short, (\d+) errors; (\d+) events`)

// summary returns read, added, stored, short, errors, events from ingest's output.
func summary(t *testing.T, out string) []string {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in %q", out)
	}
	return m[1:]
}

func TestIngestTwiceAddsNothing(t *testing.T) {
	db := "sqlite://" + filepath.Join(t.TempDir(), "g.db")
	inputs := []string{"--store", db, "--workers", "2", "../../ingest/testdata/tree", "../../ingest/testdata/feed.rss", "-"}
	stdin := "Le ministre des Affaires étrangères a rencontré mardi son homologue à Dakar pour parler de la frontière."
	out, errOut, err := ingestRun(t, stdin, inputs...)
	if err != nil {
		t.Fatalf("first run: %v\n%s", err, errOut)
	}
	first := summary(t, out)
	// tree: article.txt, 2 JSON lines, 1 TSV row (the other is too short); feed: 2 items;
	// stdin: 1. Errors: 3 bad JSON lines and the feed item without text.
	if got := strings.Join(first[:5], " "); got != "7 7 0 1 4" {
		t.Errorf("first run: read, added, stored, short, errors = %s, want 7 7 0 1 4\n%s\n%s", got, out, errOut)
	}
	for _, w := range []string{"bad publication date", "unsupported language", "docs.jsonl:4", "#item3"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr does not say %q:\n%s", w, errOut)
		}
	}
	out2, _, err := ingestRun(t, stdin, inputs...)
	if err != nil {
		t.Fatal(err)
	}
	second := summary(t, out2)
	if second[1] != "0" || second[2] != first[0] || second[5] != "0" {
		t.Errorf("second run added %s documents (%s already stored, %s events), want 0, %s, 0", second[1], second[2], second[5], first[0])
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 7 {
		t.Errorf("store holds %d documents, want 7", st.Documents)
	}
}

func TestIngestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--workers", "0", "x"},
		{"--lang", "de", "x"},
		{"--columns", "text", "x"},
		{"--columns", "body=text", "x"},
		{"--store", "mysql://x", "x"},
	} {
		if _, _, err := ingestRun(t, "", args...); err == nil {
			t.Errorf("ingest %v: want an error", args)
		}
	}
}

func TestIngestInterrupted(t *testing.T) {
	s, err := store.Open(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errb bytes.Buffer
	sum, err := runIngest(ctx, s, p, []string{"../../ingest/testdata/tree"}, ingest.Options{}, 2, "auto", slog.New(slog.NewTextHandler(&errb, nil)), false, &errb)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: err %v, want context.Canceled", err)
	}
	if sum.Errors != 0 || sum.Added != 0 {
		t.Errorf("cancelled before it started: %+v", sum)
	}
}

// TestIngestShared is the acceptance run on the shared samples and MasakhaNEWS dev files
// (skipped when ../shared is absent): counts, and a second run adds nothing.
func TestIngestShared(t *testing.T) {
	samples, masakha := "../../../shared/samples", "../../../shared/data/masakhanews-fr-en"
	if _, err := os.Stat(masakha); err != nil {
		t.Skip("../shared not present")
	}
	if testing.Short() {
		t.Skip("reads ~700 articles")
	}
	db := "sqlite://" + filepath.Join(t.TempDir(), "g.db")
	out, errOut, err := ingestRun(t, "", "--store", db, samples, masakha)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	first := summary(t, out)
	if first[1] == "0" || first[4] != "0" || first[5] == "0" {
		t.Errorf("first run: %s\n%s", out, errOut)
	}
	out2, _, err := ingestRun(t, "", "--store", db, samples, masakha)
	if err != nil {
		t.Fatal(err)
	}
	if second := summary(t, out2); second[1] != "0" || second[2] != first[0] {
		t.Errorf("second run: %s", out2)
	}
}

func export(t *testing.T, db, format string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"export", "--store", db, "--format", format}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatalf("export: %v\n%s", err, errb.String())
	}
	return out.String()
}

// TestExportStable: the export does not depend on the order documents were ingested in,
// and ingesting the same input again leaves it byte-identical.
func TestExportStable(t *testing.T) {
	dir := t.TempDir()
	a, b := "sqlite://"+filepath.Join(dir, "a.db"), "sqlite://"+filepath.Join(dir, "b.db")
	paths := []string{"../../ingest/testdata/tree", "../../ingest/testdata/mali", "../../ingest/testdata/page.html"}
	if _, errOut, err := ingestRun(t, "", append([]string{"--store", a, "--workers", "2"}, paths...)...); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	rev := []string{paths[2], paths[1], paths[0]}
	if _, errOut, err := ingestRun(t, "", append([]string{"--store", b, "--workers", "1"}, rev...)...); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	for _, format := range []string{"plover", "events"} {
		ea, eb := export(t, a, format), export(t, b, format)
		if n := strings.Count(ea, "\n"); n < 4 {
			t.Errorf("%s export: %d events, want the Mali articles' events", format, n)
		}
		if ea != eb {
			t.Errorf("%s export depends on ingest order:\n%s\nvs\n%s", format, ea, eb)
		}
		if _, _, err := ingestRun(t, "", append([]string{"--store", a}, paths...)...); err != nil {
			t.Fatal(err)
		}
		if again := export(t, a, format); again != ea {
			t.Errorf("%s export changed after ingesting the same input again", format)
		}
	}
	if _, _, err := run2(t, "export", "--format", "csv"); err == nil {
		t.Error("export --format csv: want an error")
	}
}

func run2(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

// TestIngestBadInputs: every bad input gives a clear error naming it, counted in the
// summary, and the run goes on to the good ones.
func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := "Le ministre des Affaires étrangères a rencontré mardi son homologue à Dakar pour parler de la frontière commune."
	long := strings.Repeat("x", 3000)
	files := map[string][]byte{
		"truncated.txt.gz": gz(t, []byte(strings.Repeat(good+"\n", 50)))[:60],
		"junk.bin":         {0x00, 0x01, 0xff, 0xfe, 'W', 0x00, 0x9c, 0xc3, 0x28},
		"badutf8.txt":      []byte(good + " \xff\xfe fin."),
		"brokendates.rss":  []byte(`<rss><channel><item><title>x</title><pubDate>32 Foo 99999</pubDate><description>` + good + `</description></item></channel></rss>`),
		"nobody.html":      []byte("<!DOCTYPE html><html><head><title>Empty</title></head></html>"),
		"oneline.jsonl":    []byte(`{"text": "` + long + `"}` + "\n" + `{"text": "` + good + `"}` + "\n"),
		"good.txt":         []byte(good),
	}
	var paths []string
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	db := "sqlite://" + filepath.Join(t.TempDir(), "g.db")
	out, errOut, err := ingestRun(t, "", append([]string{"--store", db, "--max-bytes", "2000"}, paths...)...)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	s := summary(t, out)
	// Read: the feed item with the broken date (its text is fine), the line after the long
	// one and good.txt: one text three times, so one added and two already stored.
	if got := strings.Join(s[:5], " "); got != "3 1 2 0 5" {
		t.Errorf("read, added, stored, short, errors = %s, want 3 1 2 0 5\n%s\n%s", got, out, errOut)
	}
	for _, w := range []string{"truncated.txt.gz", "unexpected EOF", "junk.bin", "binary", "invalid UTF-8", "badutf8.txt", "nobody.html", "no main text", "oneline.jsonl:1", "too large"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr does not mention %q:\n%s", w, errOut)
		}
	}
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestETA(t *testing.T) {
	tests := []struct {
		done, total int64
		elapsed     time.Duration
		want        string
	}{
		{50, 100, 10 * time.Second, " · 50% · ETA 10s"},
		{100, 100, 10 * time.Second, " · 100% · ETA 0s"},
		{0, 100, time.Second, ""},
		{10, 0, time.Second, ""},
	}
	for _, tc := range tests {
		if got := eta(tc.done, tc.total, tc.elapsed); got != tc.want {
			t.Errorf("eta(%d, %d, %v) = %q, want %q", tc.done, tc.total, tc.elapsed, got, tc.want)
		}
	}
}

func TestIngestURL(t *testing.T) {
	page, err := os.ReadFile("../../ingest/testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()
	db := "sqlite://" + filepath.Join(t.TempDir(), "g.db")
	out, errOut, err := ingestRun(t, "", "--store", db, srv.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	if s := summary(t, out); s[4] != "1" || !strings.Contains(errOut, "private") {
		t.Errorf("a loopback URL without --allow-private: %s\n%s", out, errOut)
	}
	out, errOut, err = ingestRun(t, "", "--store", db, "--allow-private", srv.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	if s := summary(t, out); s[1] != "1" {
		t.Errorf("with --allow-private: %s\n%s", out, errOut)
	}
}
