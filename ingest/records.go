package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// record is a document as JSON lines and sidecar .meta.json files write it. Published is a
// string so that a bad date gets a clear error.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Lang      string `json:"lang"`
	Title     string `json:"title"`
	Headline  string `json:"headline"`
	Text      string `json:"text"`
	Content   string `json:"content"`
	Source    string `json:"source"`
	Site      string `json:"site"`
}

func (r *record) doc() (*Doc, error) {
	d := &Doc{ID: r.ID, URL: r.URL, Lang: r.Lang, Title: first(r.Title, r.Headline), Text: first(r.Text, r.Content), Source: first(r.Source, r.Site)}
	pub := first(r.Published, r.Date)
	if pub != "" {
		t, err := ParseDate(pub)
		if err != nil {
			return nil, err
		}
		d.Published = t
	}
	lang, err := normLang(d.Lang)
	if err != nil {
		return nil, err
	}
	d.Lang = lang
	return d, nil
}

func first(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// normLang maps language names and tags to "fr", "en" or "" (detect).
func normLang(s string) (string, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	switch l {
	case "", "auto", "und":
		return "", nil
	case "fr", "fra", "fre", "french", "français", "francais":
		return "fr", nil
	case "en", "eng", "english", "anglais":
		return "en", nil
	}
	return "", fmt.Errorf("unsupported language %q (griot reads French and English)", s)
}

var dateLayouts = []string{
	time.RFC3339Nano, time.DateOnly, time.DateTime, "2006-01-02T15:04:05", "2006-01-02T15:04",
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006", "January 2, 2006", "20060102150405", "20060102", "2006/01/02", "02/01/2006",
}

// ParseDate reads a publication date in the usual layouts and returns UTC midnight of its
// day (the day as written, before any time-zone shift).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1800 || t.Year() > 2200 {
				break
			}
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("bad publication date %q (want YYYY-MM-DD or RFC 3339)", s)
}

// readMeta reads a sidecar NAME.meta.json if there is one (nil, nil when there is none).
func readMeta(path string) (*Doc, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d, err := r.doc()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// ReadJSONL reads one JSON object per line: {id, url, published, lang, title, text,
// source} (also headline, content, date, site). Blank lines are skipped; a line over
// maxBytes is skipped with an error.
func ReadJSONL(ctx context.Context, r io.Reader, origin string, maxBytes int64, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, tooLong, err := readLine(br, maxBytes)
		where := fmt.Sprintf("%s:%d", origin, line)
		if tooLong {
			if ferr := fn(Item{Origin: where, Err: fmt.Errorf("%w: line over %d bytes", ErrTooLarge, maxBytes)}); ferr != nil {
				return ferr
			}
		} else if len(bytes.TrimSpace(b)) > 0 {
			var rec record
			var d *Doc
			uerr := json.Unmarshal(b, &rec)
			if uerr == nil {
				d, uerr = rec.doc()
			} else {
				uerr = fmt.Errorf("not a JSON object: %w", uerr)
			}
			it := Item{Doc: d, Origin: where, Err: uerr}
			if uerr != nil {
				it.Doc = nil
			}
			if ferr := fn(it); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fn(Item{Origin: where, Err: fmt.Errorf("reading: %w", err)})
		}
	}
}

// readLine reads up to the next newline. A line over max bytes is consumed and reported
// with tooLong, without keeping it in memory.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return buf, tooLong, err
	}
}

// fieldSynonyms are the column names recognised for each document field.
var fieldSynonyms = map[string][]string{
	"text":      {"text", "content", "body", "article", "maintext", "full_text", "story"},
	"title":     {"title", "headline", "heading"},
	"url":       {"url", "link", "source_url", "sourceurl"},
	"id":        {"id", "guid", "doc_id", "docid", "article_id"},
	"published": {"published", "date", "publish_date", "pubdate", "published_at", "publication_date", "seendate", "datetime"},
	"lang":      {"lang", "language"},
	"source":    {"source", "site", "sitename", "outlet", "domain", "publisher"},
}

// headerMap maps document fields to column indexes; ok is false when no text column is found.
func headerMap(header []string, columns map[string]string) (map[string]int, bool) {
	idx := map[string]int{}
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	for field, names := range fieldSynonyms {
		if c, ok := columns[field]; ok {
			names = []string{strings.ToLower(c)}
		}
	outer:
		for _, n := range names {
			for i, h := range norm {
				if h == n {
					idx[field] = i
					break outer
				}
			}
		}
	}
	_, ok := idx["text"]
	return idx, ok
}

// ReadTable reads a TSV (sep '\t') or CSV (sep ',') table whose header names its columns
// (MasakhaNEWS: category, headline, text, url). Quoted fields may hold newlines and
// separators. columns overrides the column of a field ("text" → "body").
func ReadTable(ctx context.Context, r io.Reader, origin string, sep rune, columns map[string]string, fn func(Item) error) error {
	cr := csv.NewReader(r)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fn(Item{Origin: origin, Err: fmt.Errorf("reading the header: %w", err)})
	}
	header = append([]string(nil), header...)
	idx, ok := headerMap(header, columns)
	if !ok {
		return fn(Item{Origin: origin, Err: fmt.Errorf("no text column in header %q: name one with --columns text=NAME", header)})
	}
	get := func(rec []string, field string) string {
		if i, ok := idx[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for row := 2; ; row++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		where := fmt.Sprintf("%s:row %d", origin, row)
		if len(rec) > 0 {
			line, _ := cr.FieldPos(0)
			where = fmt.Sprintf("%s:%d", origin, line)
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return fn(Item{Origin: where, Err: fmt.Errorf("reading: %w", err)})
			}
			if !errors.Is(err, csv.ErrFieldCount) {
				if ferr := fn(Item{Origin: where, Err: err}); ferr != nil {
					return ferr
				}
				continue
			}
		}
		rc := record{ID: get(rec, "id"), URL: get(rec, "url"), Published: get(rec, "published"), Lang: get(rec, "lang"), Title: get(rec, "title"), Text: get(rec, "text"), Source: get(rec, "source")}
		d, derr := rc.doc()
		it := Item{Doc: d, Origin: where, Err: derr}
		if derr != nil {
			it.Doc = nil
		}
		if ferr := fn(it); ferr != nil {
			return ferr
		}
	}
}
