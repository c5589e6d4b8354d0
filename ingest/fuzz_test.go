package ingest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// itemCheck fails the test for an item that holds both or neither of a document and an error.
func itemCheck(t *testing.T) func(Item) error {
	return func(it Item) error {
		if (it.Doc == nil) == (it.Err == nil) {
			t.Fatalf("item with both or neither document and error: %+v", it)
		}
		return nil
	}
}

func seeds(f *testing.F, files ...string) {
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	seeds(f, "testdata/tree/sub/docs.jsonl")
	f.Add([]byte(`{"text": "x", "published": "2022-13-45"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := ReadJSONL(context.Background(), bytes.NewReader(b), "fuzz", 512, itemCheck(t)); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzReadTable(f *testing.F) {
	seeds(f, "testdata/tree/sub/news.tsv", "testdata/table.csv")
	f.Add([]byte("text\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, sep := range []rune{'\t', ','} {
			if err := ReadTable(context.Background(), bytes.NewReader(b), "fuzz", sep, nil, itemCheck(t)); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	seeds(f, "testdata/page.html", "testdata/nobody.html")
	f.Add([]byte("<p>unclosed <b>tags"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadHTML(bytes.NewReader(b), "")
		if (d == nil) == (err == nil) {
			t.Fatalf("ReadHTML: document %v and error %v", d, err)
		}
		if d != nil && strings.TrimSpace(d.Text) == "" {
			t.Fatal("ReadHTML: empty text without an error")
		}
	})
}

func FuzzReadFeed(f *testing.F) {
	seeds(f, "testdata/feed.rss", "testdata/feed.json")
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><updated>never</updated><content>x</content></entry></feed>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := ReadFeed(context.Background(), bytes.NewReader(b), "fuzz", itemCheck(t)); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzReadWARC(f *testing.F) {
	f.Add([]byte(warcRecord("resource", "file:///a.txt", "2022-08-13T10:00:00Z", "text/plain", "Some text.")))
	f.Add([]byte(warcRecord("response", "https://e.org/", "2022-08-13T10:00:00Z", "application/http;msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>")))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 5\r\n\r\nab"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := ReadWARC(context.Background(), bytes.NewReader(b), "fuzz", 1<<20, itemCheck(t)); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzReadStream fuzzes format sniffing and gzip detection together with every reader.
func FuzzReadStream(f *testing.F) {
	seeds(f, "testdata/tree/sub/docs.jsonl", "testdata/page.html", "testdata/feed.rss", "testdata/tree/sub/news.tsv")
	f.Add(gz([]byte("plain text")))
	f.Add([]byte{0x1f, 0x8b, 0x08})
	f.Fuzz(func(t *testing.T, b []byte) {
		err := readStream(context.Background(), bytes.NewReader(b), "fuzz", "", nil, Options{MaxBytes: 1 << 16, MinWords: 2}, itemCheck(t))
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzWords checks Words against strings.Fields on any bytes and limit.
func FuzzWords(f *testing.F) {
	f.Add("Le président a dit\u00a0: « non »\u2003ici\t.", 3)
	f.Add("one  two\u0085three\xffx", 10)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		want := min(len(strings.Fields(s)), max(limit, 0))
		if got := Words(s, limit); got != want {
			t.Fatalf("Words(%q, %d) = %d, want %d", s, limit, got, want)
		}
	})
}
