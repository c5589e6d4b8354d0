// Package ingest reads news articles from what users have: plain text files (with an
// optional NAME.meta.json beside them), JSON lines, TSV/CSV tables recognised by their
// header, HTML pages (main text by go-trafilatura), RSS/Atom/JSON feeds (gofeed), WARC
// archives (gowarc), gzip-compressed files of any of these, directories, globs and
// standard input.
//
// Walk yields one Item per document. A bad document (or a file that cannot be read) is an
// Item with Err set, saying where it is and what is wrong; the walk goes on. Only a
// cancelled context or an error returned by the callback stops it.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Doc is one article to read.
type Doc struct {
	ID        string    `json:"id,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"` // UTC midnight of the publication day; zero when unknown
	Lang      string    `json:"lang,omitempty"`     // "fr", "en" or "" (detect)
	Title     string    `json:"title,omitempty"`
	Text      string    `json:"text"`
	Source    string    `json:"source,omitempty"` // outlet or site name
}

// Item is what Walk yields: a document, or the error that stopped one from being read.
type Item struct {
	Doc    *Doc
	Origin string // file, file:line, file#record: where the document came from
	Err    error
}

// Options tune the readers.
type Options struct {
	// Columns maps document fields (id url published lang title text source) to column
	// names of TSV/CSV files, over the built-in synonyms.
	Columns map[string]string
	// MaxBytes bounds one document (and one line of JSON lines); default 16 MiB.
	MaxBytes int64
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MinWords: a document with fewer words is an Item with ErrTooShort (0: no minimum).
	MinWords int
	// Fetcher gets http(s) URLs given as paths (nil: a Fetcher with its defaults, which
	// refuses private addresses).
	Fetcher *Fetcher
	// Done, if set, is called after each file has been read, with its size in bytes (0
	// for standard input), from Walk's goroutine.
	Done func(path string, size int64)
}

func (o *Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return 16 << 20
	}
	return o.MaxBytes
}

// ErrTooLarge is wrapped by the error for a document over Options.MaxBytes.
var ErrTooLarge = errors.New("document too large")

// ErrTooShort is wrapped by the error for a document under Options.MinWords words.
var ErrTooShort = errors.New("too short to be an article")

// checked wraps fn so that every document is checked before it is yielded.
func checked(o Options, fn func(Item) error) func(Item) error {
	return func(it Item) error {
		if it.Err == nil && it.Doc != nil {
			if strings.TrimSpace(it.Doc.Text) == "" {
				it.Err = errors.New("no text")
			} else if i := strings.IndexByte(it.Doc.Text, 0); i >= 0 {
				it.Err = fmt.Errorf("binary data, not text (NUL byte at %d)", i)
			} else if !utf8.ValidString(it.Doc.Text) {
				it.Err = fmt.Errorf("invalid UTF-8 at byte %d (not text, or not UTF-8)", invalidAt(it.Doc.Text))
			} else if o.MinWords > 0 {
				if n := Words(it.Doc.Text, o.MinWords); n < o.MinWords {
					it.Err = fmt.Errorf("%w: %d words", ErrTooShort, n)
				}
			}
			if it.Err != nil {
				it.Doc = nil
			}
		}
		return fn(it)
	}
}

// Words counts the words of s (runs of bytes between Unicode spaces, as strings.Fields
// splits them) up to limit: it stops at limit, so checking an article against a minimum
// reads only its first words and allocates nothing.
func Words(s string, limit int) int {
	n := 0
	inWord := false
	for i := 0; i < len(s) && n < limit; {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func invalidAt(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return i
			}
		}
	}
	return len(s)
}

// Format is an input format.
type Format string

const (
	Text  Format = "text"
	JSONL Format = "jsonl"
	TSV   Format = "tsv"
	CSV   Format = "csv"
	HTML  Format = "html"
	Feed  Format = "feed"
	WARC  Format = "warc"
)

// byExt is the format a file name's extension says (after .gz is removed).
var byExt = map[string]Format{
	".txt": Text, ".text": Text,
	".jsonl": JSONL, ".ndjson": JSONL, ".json": JSONL,
	".tsv": TSV, ".tab": TSV, ".csv": CSV,
	".html": HTML, ".htm": HTML, ".xhtml": HTML,
	".rss": Feed, ".atom": Feed, ".xml": Feed,
	".warc": WARC,
}

// sidecar file names are metadata of a text file, not articles.
func sidecar(name string) bool {
	return strings.HasSuffix(name, ".meta.json") || strings.HasSuffix(name, ".reading.json")
}

// Walk reads every document under paths, in a stable order (directories walked in lexical
// order, globs expanded and sorted; http(s) URLs fetched), calling fn for each.
func Walk(ctx context.Context, paths []string, o Options, fn func(Item) error) error {
	bad := func(origin string, err error) error { return fn(Item{Origin: origin, Err: err}) }
	fetcher := o.Fetcher
	return files(ctx, paths, bad, func(path string, size int64) error {
		var err error
		if IsURL(path) {
			if fetcher == nil {
				fetcher = &Fetcher{}
			}
			err = fetcher.Fetch(ctx, path, o, fn)
		} else if path == "-" {
			if o.Stdin == nil {
				return errors.New("standard input requested but none given")
			}
			err = readStream(ctx, o.Stdin, "standard input", "", nil, o, fn)
		} else {
			err = readFile(ctx, path, o, fn)
		}
		if err == nil && o.Done != nil {
			o.Done(path, size)
		}
		return err
	})
}

// Size is the total size in bytes of the files Walk would read (standard input not
// counted), for progress and ETA.
func Size(ctx context.Context, paths []string) int64 {
	var total int64
	files(ctx, paths, func(string, error) error { return nil }, func(_ string, size int64) error {
		total += size
		return nil
	})
	return total
}

// files calls file for every file paths name ("-" as it is): globs expanded and sorted,
// folders walked in lexical order, skipping dot and underscore folders, sidecar files and
// files whose extension names no format. bad gets what cannot be listed.
func files(ctx context.Context, paths []string, bad func(origin string, err error) error, file func(path string, size int64) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" || IsURL(p) {
			if err := file(p, 0); err != nil {
				return err
			}
			continue
		}
		matches := []string{p}
		if _, err := os.Stat(p); err != nil && strings.ContainsAny(p, "*?[") {
			m, gerr := filepath.Glob(p)
			if gerr != nil {
				if err := bad(p, fmt.Errorf("bad glob: %w", gerr)); err != nil {
					return err
				}
				continue
			}
			if len(m) == 0 {
				if err := bad(p, errors.New("no file matches")); err != nil {
					return err
				}
				continue
			}
			sort.Strings(m)
			matches = m
		}
		for _, m := range matches {
			if err := walkPath(ctx, m, bad, file); err != nil {
				return err
			}
		}
	}
	return nil
}

func walkPath(ctx context.Context, path string, bad func(string, error) error, file func(string, int64) error) error {
	st, err := os.Stat(path)
	if err != nil {
		return bad(path, err)
	}
	if !st.IsDir() {
		return file(path, st.Size()) // named on the command line: read whatever it is
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return bad(p, err)
		}
		name := d.Name()
		if d.IsDir() {
			if p != path && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || sidecar(name) || strings.HasPrefix(name, ".") {
			return nil
		}
		// In a walked directory only files whose extension names a format are read; a
		// .txt that is no article (a list of labels) is caught by Options.MinWords.
		if _, ok := byExt[strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))]; !ok {
			return nil
		}
		var size int64
		if info, err := d.Info(); err == nil {
			size = info.Size()
		}
		return file(p, size)
	})
}

func readFile(ctx context.Context, path string, o Options, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Origin: path, Err: err})
	}
	defer f.Close()
	name := path
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		name = name[:len(name)-3]
	}
	format := byExt[strings.ToLower(filepath.Ext(name))]
	var meta *Doc
	if format == Text {
		meta, err = readMeta(strings.TrimSuffix(name, filepath.Ext(name)) + ".meta.json")
		if err != nil {
			return fn(Item{Origin: path, Err: err})
		}
	}
	if meta == nil && format == Text {
		base := filepath.Base(name)
		meta = &Doc{ID: strings.TrimSuffix(base, filepath.Ext(base))}
	}
	return readStream(ctx, r, path, format, meta, o, fn)
}

// readStream decompresses gzip (found by its magic bytes), sniffs the format when the
// name did not say it, and hands the stream to its reader.
func readStream(ctx context.Context, r io.Reader, origin string, format Format, meta *Doc, o Options, fn func(Item) error) error {
	fn = checked(o, fn)
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		// Whole-file gzip and WARC's gzip-per-record are both gzip members: one reader
		// reads them in turn.
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fn(Item{Origin: origin, Err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	head, _ := br.Peek(4096)
	if format == "" {
		format = Sniff(head)
	}
	if format == JSONL && isJSONFeed(head) {
		format = Feed
	}
	switch format {
	case Text:
		d, err := ReadText(br, o.maxBytes())
		if err != nil {
			return fn(Item{Origin: origin, Err: err})
		}
		if meta != nil {
			d.ID, d.URL, d.Published, d.Lang, d.Title, d.Source = meta.ID, meta.URL, meta.Published, meta.Lang, meta.Title, meta.Source
		}
		return fn(Item{Doc: d, Origin: origin})
	case JSONL:
		return ReadJSONL(ctx, br, origin, o.maxBytes(), fn)
	case TSV, CSV:
		sep := '\t'
		if format == CSV {
			sep = ','
		}
		return ReadTable(ctx, br, origin, sep, o.Columns, fn)
	case HTML:
		d, err := ReadHTML(io.LimitReader(br, o.maxBytes()*4), "")
		if err != nil {
			return fn(Item{Origin: origin, Err: err})
		}
		return fn(Item{Doc: d, Origin: origin})
	case Feed:
		return ReadFeed(ctx, br, origin, fn)
	case WARC:
		return ReadWARC(ctx, br, origin, o.maxBytes(), fn)
	}
	return fn(Item{Origin: origin, Err: fmt.Errorf("unknown format %q", format)})
}

// Sniff guesses a format from the first bytes of a stream.
func Sniff(head []byte) Format {
	h := bytes.TrimLeft(head, " \t\r\n\ufeff")
	h = bytes.TrimPrefix(h, []byte("\xef\xbb\xbf"))
	lower := bytes.ToLower(h[:min(len(h), 512)])
	switch {
	case bytes.HasPrefix(h, []byte("WARC/")):
		return WARC
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return HTML
	case bytes.HasPrefix(lower, []byte("<?xml")), bytes.HasPrefix(lower, []byte("<rss")), bytes.HasPrefix(lower, []byte("<feed")), bytes.HasPrefix(lower, []byte("<rdf")):
		if bytes.Contains(lower, []byte("<html")) {
			return HTML
		}
		return Feed
	case bytes.HasPrefix(h, []byte("{")):
		return JSONL
	}
	line, _, _ := bytes.Cut(h, []byte("\n"))
	if _, ok := headerMap(splitHeader(string(line), '\t'), nil); ok && bytes.Contains(line, []byte("\t")) {
		return TSV
	}
	if _, ok := headerMap(splitHeader(string(line), ','), nil); ok && bytes.Contains(line, []byte(",")) {
		return CSV
	}
	return Text
}

func splitHeader(line string, sep rune) []string {
	return strings.Split(strings.TrimRight(line, "\r"), string(sep))
}

func isJSONFeed(head []byte) bool {
	return bytes.Contains(head[:min(len(head), 1024)], []byte("jsonfeed.org/version"))
}

// ReadText reads a whole stream as one plain-text document.
func ReadText(r io.Reader, maxBytes int64) (*Doc, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	if int64(len(b)) > maxBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, maxBytes)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	return &Doc{Text: string(b)}, nil
}
