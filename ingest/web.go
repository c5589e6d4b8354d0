package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"github.com/mmcdole/gofeed"
	"github.com/nlnwa/gowarc/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ReadHTML extracts the main text of a web page with go-trafilatura, with its title,
// publication date, language and site name. pageURL (may be "") is where the page was
// fetched from.
func ReadHTML(r io.Reader, pageURL string) (*Doc, error) {
	opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(r, opts)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	if res == nil || res.ContentNode == nil {
		return nil, errors.New("html: no main text found")
	}
	text := NodeText(res.ContentNode)
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("html: no main text found")
	}
	m := res.Metadata
	if text == strings.TrimSpace(m.Title) {
		return nil, errors.New("html: no main text found (only the title)")
	}
	d := &Doc{URL: first(m.URL, pageURL), Title: m.Title, Text: text, Source: first(m.Sitename, m.Hostname)}
	if !m.Date.IsZero() {
		d.Published = time.Date(m.Date.Year(), m.Date.Month(), m.Date.Day(), 0, 0, 0, 0, time.UTC)
	}
	if lang, err := normLang(m.Language); err == nil {
		d.Lang = lang
	}
	return d, nil
}

// blocks are the elements that end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Pre: true, atom.Dd: true,
	atom.Dt: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Table: true,
}

// NodeText is the text of an HTML tree with one paragraph per line: white space inside a
// paragraph collapsed, scripts and styles left out.
func NodeText(n *html.Node) string {
	var b strings.Builder
	var para strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(para.String()), " "); p != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(p)
		}
		para.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			para.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return b.String()
}

// htmlFragmentText is the text of a piece of HTML (a feed item's content), or the string
// itself when it holds no markup.
func htmlFragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return strings.TrimSpace(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return NodeText(root)
}

// ReadFeed reads an RSS, Atom or JSON feed: one document per item, its text from the
// item's content (else its description), its date from the item (else none).
func ReadFeed(ctx context.Context, r io.Reader, origin string, fn func(Item) error) error {
	f, err := gofeed.NewParser().Parse(r)
	if err != nil {
		return fn(Item{Origin: origin, Err: fmt.Errorf("feed: %w", err)})
	}
	lang, _ := normLang(f.Language)
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		where := fmt.Sprintf("%s#item%d", origin, i+1)
		if it == nil {
			continue
		}
		d := &Doc{ID: it.GUID, URL: it.Link, Title: strings.TrimSpace(it.Title), Lang: lang, Source: strings.TrimSpace(f.Title)}
		d.Text = htmlFragmentText(first(it.Content, it.Description))
		date := it.PublishedParsed
		if date == nil {
			date = it.UpdatedParsed
		}
		if date != nil {
			d.Published = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
		}
		var derr error
		if d.Text == "" {
			derr = errors.New("feed item without content or description (fetch its link to read it)")
			d = nil
		}
		if err := fn(Item{Doc: d, Origin: where, Err: derr}); err != nil {
			return err
		}
	}
	return nil
}

// ReadWARC reads a WARC file (gzip per record or not): every HTTP response with an HTML
// page becomes a document (main text by ReadHTML; the page's date, else the capture
// date), every resource record of plain text a text document. Other records are skipped.
func ReadWARC(ctx context.Context, r io.Reader, origin string, maxBytes int64, fn func(Item) error) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	// ErrWarn caches each block (so that plain blocks can still be read) and reports a
	// record cut short as a validation finding instead of failing.
	u := gowarc.NewUnmarshaler(gowarc.WithSpecViolationPolicy(gowarc.ErrWarn), gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn))
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, _, validation, err := u.Unmarshal(br)
		if err == io.EOF {
			return nil
		}
		where := fmt.Sprintf("%s#record%d", origin, n)
		if err != nil {
			// The stream position after a broken record is unknown: stop this file.
			return fn(Item{Origin: where, Err: fmt.Errorf("warc: %w", err)})
		}
		if err := truncated(validation); err != nil {
			rec.Close()
			return fn(Item{Origin: where, Err: fmt.Errorf("warc: record cut short: %w", err)})
		}
		d, derr := warcDoc(rec, maxBytes)
		rec.Close()
		if d == nil && derr == nil {
			continue
		}
		if err := fn(Item{Doc: d, Origin: where, Err: derr}); err != nil {
			return err
		}
	}
}

// truncated returns the validation finding that says a record lost its end, or nil.
func truncated(validation []error) error {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) || strings.Contains(v.Error(), "end of record marker") {
			return v
		}
	}
	return nil
}

func warcDoc(rec gowarc.WarcRecord, maxBytes int64) (*Doc, error) {
	h := rec.WarcHeader()
	target := h.Get(gowarc.WarcTargetURI)
	var captured time.Time
	if t, err := time.Parse(time.RFC3339, h.Get(gowarc.WarcDate)); err == nil {
		captured = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	read := func(r io.Reader) ([]byte, error) {
		b, err := io.ReadAll(io.LimitReader(r, maxBytes*4+1))
		if err != nil {
			return nil, fmt.Errorf("warc %s: %w", target, err)
		}
		if int64(len(b)) > maxBytes*4 {
			return nil, fmt.Errorf("%w: page %s over %d bytes", ErrTooLarge, target, maxBytes*4)
		}
		return b, nil
	}
	switch rec.Type() {
	case gowarc.Response:
		blk, ok := rec.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return nil, nil
		}
		if code := blk.HttpStatusCode(); code != 200 {
			return nil, nil
		}
		ct := ""
		if hh := blk.HttpHeader(); hh != nil {
			ct = strings.ToLower(hh.Get("Content-Type"))
		}
		if ct != "" && !strings.Contains(ct, "html") {
			return nil, nil
		}
		p, err := blk.PayloadBytes()
		if err != nil {
			return nil, fmt.Errorf("warc %s: %w", target, err)
		}
		b, err := read(p)
		if err != nil {
			return nil, err
		}
		d, err := ReadHTML(bytes.NewReader(b), target)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", target, err)
		}
		if d.Published.IsZero() {
			d.Published = captured
		}
		return d, nil
	case gowarc.Resource:
		ct := strings.ToLower(h.Get(gowarc.ContentType))
		if !strings.HasPrefix(ct, "text/plain") {
			return nil, nil
		}
		p, err := rec.Block().RawBytes()
		if err != nil {
			return nil, fmt.Errorf("warc %s: %w", target, err)
		}
		b, err := read(p)
		if err != nil {
			return nil, err
		}
		return &Doc{URL: target, Text: string(b), Published: captured}, nil
	}
	return nil, nil
}
