package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// collect walks paths and returns the documents and errors by origin.
func collect(t *testing.T, paths []string, o Options) (docs map[string]*Doc, errs map[string]error, order []string) {
	t.Helper()
	docs, errs = map[string]*Doc{}, map[string]error{}
	err := Walk(context.Background(), paths, o, func(it Item) error {
		order = append(order, it.Origin)
		if (it.Doc == nil) == (it.Err == nil) {
			t.Errorf("%s: item must hold a document or an error, not both or neither: %+v", it.Origin, it)
		}
		if it.Err != nil {
			errs[it.Origin] = it.Err
		} else {
			docs[it.Origin] = it.Doc
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return docs, errs, order
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func TestWalkTree(t *testing.T) {
	docs, errs, order := collect(t, []string{"testdata/tree"}, Options{MinWords: 5})
	tests := []struct {
		origin string
		want   Doc
	}{
		{"testdata/tree/article.txt", Doc{ID: "article-1", Lang: "fr", Published: day("2022-08-11"), Source: "Test fixture"}},
		{"testdata/tree/sub/docs.jsonl:1", Doc{ID: "j1", URL: "https://example.org/a", Published: day("2022-08-10"), Lang: "en", Title: "Talks", Source: "Example News"}},
		{"testdata/tree/sub/docs.jsonl:6", Doc{ID: "j4", Title: "Headline only", Published: day("2022-08-08")}},
		{"testdata/tree/sub/news.tsv:2", Doc{URL: "https://example.org/t1", Title: "Talks in Dakar"}},
		{"testdata/tree/sub/news.tsv:4", Doc{URL: "https://example.org/t2", Title: "Match"}},
	}
	for _, tc := range tests {
		d := docs[tc.origin]
		if d == nil {
			t.Errorf("%s: no document (errors: %v)", tc.origin, errs)
			continue
		}
		got := *d
		got.Text = ""
		if got != tc.want {
			t.Errorf("%s = %+v, want %+v", tc.origin, got, tc.want)
		}
	}
	if d := docs["testdata/tree/sub/news.tsv:2"]; d != nil && d.Text != "The minister said:\n\"We will talk.\"\tAnd he left." {
		t.Errorf("TSV quoted text with newline, quotes and tab = %q", d.Text)
	}
	if d := docs["testdata/tree/article.txt"]; d != nil && !strings.HasPrefix(d.Text, "Le président") {
		t.Errorf("plain text = %q", d.Text)
	}
	wantErrs := map[string]string{
		"testdata/tree/sub/docs.jsonl:3": "bad publication date",
		"testdata/tree/sub/docs.jsonl:4": "not a JSON object",
		"testdata/tree/sub/docs.jsonl:5": "unsupported language",
	}
	for origin, want := range wantErrs {
		if err := errs[origin]; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", origin, err, want)
		}
	}
	if len(docs) != len(tests) || len(errs) != len(wantErrs) {
		t.Errorf("%d documents and %d errors (%v), want %d and %d", len(docs), len(errs), order, len(tests), len(wantErrs))
	}
	// Sidecars, README.md and _folders are not read; order is stable (lexical).
	want := "testdata/tree/article.txt testdata/tree/sub/docs.jsonl:1 testdata/tree/sub/docs.jsonl:3 testdata/tree/sub/docs.jsonl:4 testdata/tree/sub/docs.jsonl:5 testdata/tree/sub/docs.jsonl:6 testdata/tree/sub/news.tsv:2 testdata/tree/sub/news.tsv:4"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("order:\n got %s\nwant %s", got, want)
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		path     string
		o        Options
		origin   string
		want     Doc
		contains string
	}{
		{"testdata/table.csv", Options{Columns: map[string]string{"published": "when"}}, "testdata/table.csv:2", Doc{ID: "c1", Published: day("2022-06-20")}, "Niamey"},
		{"testdata/page.html", Options{}, "testdata/page.html", Doc{Title: "Minister visits Dakar", Lang: "en", Published: day("2022-08-10"), Source: "Example News"}, "agreed to share more intelligence"},
		{"testdata/feed.rss", Options{}, "testdata/feed.rss#item1", Doc{ID: "r1", URL: "https://example.org/r1", Title: "Rencontre à Niamey", Lang: "fr", Published: day("2022-06-20"), Source: "Example Wire"}, "Niamey.\nIls ont"},
		{"testdata/feed.rss", Options{}, "testdata/feed.rss#item2", Doc{ID: "r2", URL: "https://example.org/r2", Title: "Date cassée", Lang: "fr", Source: "Example Wire"}, "illisible"},
		{"testdata/feed.json", Options{}, "testdata/feed.json#item1", Doc{ID: "jf1", URL: "https://example.org/jf1", Title: "Talks", Lang: "en", Published: day("2022-08-10"), Source: "Example JSON Feed"}, "met on Tuesday"},
	}
	for _, tc := range tests {
		t.Run(tc.origin, func(t *testing.T) {
			docs, errs, _ := collect(t, []string{tc.path}, tc.o)
			d := docs[tc.origin]
			if d == nil {
				t.Fatalf("no document %s; have %v, errors %v", tc.origin, docs, errs)
			}
			got := *d
			got.Text = ""
			if got != tc.want {
				t.Errorf("= %+v, want %+v", got, tc.want)
			}
			if !strings.Contains(d.Text, tc.contains) {
				t.Errorf("text %q does not hold %q", d.Text, tc.contains)
			}
		})
	}
	if d := mustOne(t, "testdata/page.html"); strings.Contains(d.Text, "tracking") || strings.Contains(d.Text, "Home") {
		t.Errorf("HTML text kept boilerplate or script: %q", d.Text)
	}
}

func mustOne(t *testing.T, path string) *Doc {
	t.Helper()
	docs, errs, _ := collect(t, []string{path}, Options{})
	if len(docs) != 1 {
		t.Fatalf("%s: %d documents, errors %v", path, len(docs), errs)
	}
	for _, d := range docs {
		return d
	}
	return nil
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func warcRecord(typ, uri, date, contentType, block string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nWARC-Date: %s\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, len(uri)+len(block), date, uri, contentType, len(block), block)
}

func testWARC(t *testing.T) []byte {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + fmt.Sprint(len(page)) + "\r\n\r\n" + string(page)
	notFound := "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found"
	return []byte(warcRecord("warcinfo", "", "2022-08-12T10:00:00Z", "application/warc-fields", "software: test\r\n") +
		warcRecord("request", "https://example.org/page", "2022-08-12T10:00:00Z", "application/http;msgtype=request", "GET /page HTTP/1.1\r\nHost: example.org\r\n\r\n") +
		warcRecord("response", "https://example.org/page", "2022-08-12T10:00:01Z", "application/http;msgtype=response", resp) +
		warcRecord("response", "https://example.org/gone", "2022-08-12T10:00:02Z", "application/http;msgtype=response", notFound) +
		warcRecord("resource", "file:///notes.txt", "2022-08-13T10:00:00Z", "text/plain", "The ministers met on Tuesday in Dakar to talk about the border."))
}

func TestWARCAndGzipAndStdin(t *testing.T) {
	dir := t.TempDir()
	w := testWARC(t)
	page, _ := os.ReadFile("testdata/page.html")
	files := map[string][]byte{
		"crawl.warc":     w,
		"crawl2.warc.gz": gz(w),
		"page.html.gz":   gz(page),
		"noext":          gz([]byte(`{"id": "x", "text": "Sniffed through gzip and JSON lines."}` + "\n")),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"crawl.warc", "crawl2.warc.gz"} {
		docs, errs, order := collect(t, []string{filepath.Join(dir, name)}, Options{})
		if len(docs) != 2 || len(errs) != 0 {
			t.Fatalf("%s: %d documents, errors %v, items %v; want the page and the text resource", name, len(docs), errs, order)
		}
		d := docs[filepath.Join(dir, name)+"#record3"]
		if d == nil || d.URL != "https://example.org/page" || d.Published != day("2022-08-10") || !strings.Contains(d.Text, "Macky Sall") {
			t.Errorf("%s: page record = %+v", name, d)
		}
		if d := docs[filepath.Join(dir, name)+"#record5"]; d == nil || d.Published != day("2022-08-13") {
			t.Errorf("%s: text resource = %+v", name, d)
		}
	}
	if d := mustOne(t, filepath.Join(dir, "page.html.gz")); d.Title != "Minister visits Dakar" {
		t.Errorf("gzip HTML title %q", d.Title)
	}
	if d := mustOne(t, filepath.Join(dir, "noext")); d.ID != "x" {
		t.Errorf("sniffed JSON lines id %q", d.ID)
	}
	// A glob, and standard input.
	docs, _, _ := collect(t, []string{filepath.Join(dir, "crawl*.warc*")}, Options{})
	if len(docs) != 4 {
		t.Errorf("glob: %d documents, want 4", len(docs))
	}
	docs, _, _ = collect(t, []string{"-"}, Options{Stdin: strings.NewReader("Plain text on standard input about a meeting in Dakar.")})
	if d := docs["standard input"]; d == nil || !strings.HasPrefix(d.Text, "Plain text") {
		t.Errorf("stdin: %v", docs)
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	long := bytes.Repeat([]byte("a"), 5000)
	okLine := `{"text": "A good line after a bad one must still be read."}`
	full := gz([]byte(strings.Repeat("Some article text. ", 40)))
	files := map[string][]byte{
		"truncated.txt.gz": full[:len(full)/2],
		"junk.bin":         {0x00, 0x01, 0xff, 0xfe, 'W', 0x00, 0x9c},
		"longline.jsonl":   append(append([]byte(`{"text": "`), long...), []byte("\"}\n"+okLine+"\n")...),
		"brokendates.rss":  []byte(`<rss><channel><item><title>x</title><pubDate>32 Foo 99999</pubDate><description>Text stays readable.</description></item></channel></rss>`),
		"notext.tsv":       []byte("a\tb\n1\t2\n"),
		"empty.txt":        []byte("   \n"),
		"broken.warc":      []byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"),
		"badfeed.xml":      []byte("<?xml version=\"1.0\"?><rss><channel><item>"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, errs, order := collect(t, []string{
		filepath.Join(dir, "truncated.txt.gz"), filepath.Join(dir, "junk.bin"), filepath.Join(dir, "longline.jsonl"),
		filepath.Join(dir, "brokendates.rss"), filepath.Join(dir, "notext.tsv"), filepath.Join(dir, "empty.txt"),
		filepath.Join(dir, "broken.warc"), filepath.Join(dir, "badfeed.xml"), "testdata/nobody.html", filepath.Join(dir, "missing.txt"),
	}, Options{MaxBytes: 1000})
	wantErr := map[string]string{
		filepath.Join(dir, "truncated.txt.gz"):    "unexpected EOF",
		filepath.Join(dir, "longline.jsonl:1"):    "too large",
		filepath.Join(dir, "notext.tsv"):          "no text column",
		filepath.Join(dir, "empty.txt"):           "no text",
		filepath.Join(dir, "broken.warc#record1"): "warc",
		filepath.Join(dir, "badfeed.xml"):         "feed",
		"testdata/nobody.html":                    "no main text",
		filepath.Join(dir, "missing.txt"):         "no such file",
	}
	for origin, want := range wantErr {
		if err := errs[origin]; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", origin, err, want)
		}
	}
	if err := errs[filepath.Join(dir, "junk.bin")]; err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("junk: error %v, want one saying binary", err)
	}
	// The line after the long one and the item with a broken date are read.
	for _, origin := range []string{filepath.Join(dir, "longline.jsonl:2"), filepath.Join(dir, "brokendates.rss#item1")} {
		if docs[origin] == nil {
			t.Errorf("%s: no document; items %v errors %v", origin, order, errs)
		}
	}
	if d := docs[filepath.Join(dir, "brokendates.rss#item1")]; d != nil && !d.Published.IsZero() {
		t.Errorf("broken date read as %v", d.Published)
	}
}

func TestTooShort(t *testing.T) {
	_, errs, _ := collect(t, []string{"-"}, Options{MinWords: 10, Stdin: strings.NewReader("business\nsports\npolitics\n")})
	if !errors.Is(errs["standard input"], ErrTooShort) {
		t.Errorf("a list of labels: error %v, want ErrTooShort", errs["standard input"])
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Walk(ctx, []string{"testdata/tree", "testdata"}, Options{}, func(Item) error {
		n++
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("after cancel: err %v after %d items, want context.Canceled after 1", err, n)
	}
}

func TestSniff(t *testing.T) {
	tests := map[string]Format{
		"WARC/1.0\r\n":                    WARC,
		"  <!DOCTYPE html><html>":         HTML,
		"<?xml version='1.0'?><rss>":      Feed,
		"<feed xmlns=":                    Feed,
		`{"text": "x"}`:                   JSONL,
		"category\theadline\ttext\turl\n": TSV,
		"id,title,body\n":                 CSV,
		"Le président a parlé, hier.":     Text,
		"":                                Text,
	}
	for in, want := range tests {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := map[string]string{
		"2022-08-10":                      "2022-08-10",
		"2022-08-10T23:30:00-05:00":       "2022-08-10",
		"Wed, 10 Aug 2022 10:00:00 +0000": "2022-08-10",
		"2022-08-10 14:00:00":             "2022-08-10",
		"20220810":                        "2022-08-10",
		"10 août 2022":                    "",
		"0001-01-01":                      "",
	}
	for in, want := range tests {
		got, err := ParseDate(in)
		if want == "" {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want an error", in, got)
			}
			continue
		}
		if err != nil || got.Format(time.DateOnly) != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
}

func TestSizeAndDone(t *testing.T) {
	var want int64
	for _, f := range []string{"testdata/tree/article.txt", "testdata/tree/sub/docs.jsonl", "testdata/tree/sub/news.tsv"} {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		want += st.Size()
	}
	if got := Size(context.Background(), []string{"testdata/tree", "-", "testdata/nosuch*"}); got != want {
		t.Errorf("Size = %d, want %d (the three readable files)", got, want)
	}
	var done int64
	var n int
	o := Options{Done: func(_ string, size int64) { done += size; n++ }}
	if err := Walk(context.Background(), []string{"testdata/tree"}, o, func(Item) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if done != want || n != 3 {
		t.Errorf("Done saw %d files, %d bytes; want 3, %d", n, done, want)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  int
	}{
		{"", 10, 0},
		{"   \t\n", 10, 0},
		{"The minister said no.", 10, 4},
		{"Le ministre a dit non.", 3, 3},
		{"  leading and trailing  ", 10, 3},
		{"espace\u00a0insécable et\u2003cadratin", 10, 4},
		{"next\u0085line", 10, 2},
		{"bad\xffbyte word", 10, 2},
		{"a b c", 0, 0},
	}
	for _, tt := range tests {
		if got := Words(tt.in, tt.limit); got != tt.want {
			t.Errorf("Words(%q, %d) = %d, want %d", tt.in, tt.limit, got, tt.want)
		}
		if n := len(strings.Fields(tt.in)); min(n, tt.limit) != tt.want {
			t.Errorf("test %q: strings.Fields gives %d words, table says %d (limit %d)", tt.in, n, tt.want, tt.limit)
		}
	}
}
