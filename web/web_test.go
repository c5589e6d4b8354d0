package web_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
	_ "github.com/griot-project/griot/store/sqlite"
	"github.com/griot-project/griot/store/storetest"
	"github.com/griot-project/griot/web"
)

// newServer serves the API and the UI over a temporary store holding the Mali article
// in French and English (examples/ in the repository).
func newServer(t *testing.T) (*httptest.Server, store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite://"+filepath.Join(t.TempDir(), "griot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	storetest.PutArticles(t, st, p, filepath.Join("..", "examples"), "mali-goita-poutine", "mali-goita-putin")
	srv := httptest.NewServer(api.New(st, api.Options{UI: web.New(st), Pipeline: p}))
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plain is the text a page shows, without tags.
func plain(s string) string { return html.UnescapeString(tags.ReplaceAllString(s, "")) }

func TestPages(t *testing.T) {
	srv, st := newServer(t)
	calls, err := st.Events(context.Background(), store.EventQuery{Dyad: [2]string{"MLI", "RUS"}, Type: "CONSULT"})
	if err != nil || len(calls) < 2 {
		t.Fatalf("calls: %v %v", calls, err)
	}
	call := calls[0]
	tests := []struct {
		path string
		code int
		want []string // substrings of the HTML
	}{
		{"/", 200, []string{"<table", "CONSULT", `href="/events/` + call.ID + `"`, "assimi-goita"}},
		{"/events?dyad=MLI%2CRUS&type=CONSULT&factuality=&lang=", 200, []string{"CONSULT", "Events 1–2", `value="MLI,RUS"`, `href="/map?dyad=MLI%2CRUS&amp;type=CONSULT"`}},
		{"/events?place_country=MLI&offset=0", 200, []string{"AID", `name="place_country" value="MLI"`, `href="/map?place_country=MLI"`}},
		{"/events?quad=9", 400, []string{`role="alert"`, "quad"}},
		{"/events/" + call.ID, 200, []string{`class="ev ev-q1"`, `class="trig`, "Reports", "assimi-goita", "vladimir-putin"}},
		{"/events/nope", 404, []string{"no event"}},
		{"/relations", 200, []string{`name="a"`, `name="b"`}},
		{"/relations?a=MLI&b=RUS", 200, []string{"<svg", "2022-08", `href="/events?dyad=MLI%2CRUS&amp;factuality=asserted&amp;from=2022-08-01&amp;to=2022-08-31"`}},
		{"/relations?a=MLI&b=RUS&interval=decade", 400, []string{"interval"}},
		{"/actors", 200, []string{`href="/actors/assimi-goita"`}},
		{"/actors?q=vlad", 200, []string{"vladimir-putin"}},
		{"/actors/assimi-goita", 200, []string{"<svg", "vladimir-putin", "2022-08", `href="/relations?a=assimi-goita&amp;b=vladimir-putin"`}},
		{"/actors/nobody-at-all", 404, []string{"no actor"}},
		{"/documents", 200, []string{"mali-goita-poutine", "mali-goita-putin-en"}},
		{"/documents/mali-goita-poutine", 200, []string{"Legend", `class="m m-per"`, `class="tx"`, `class="qt"`, `id="ev-` + call.ID}},
		{"/documents/nope", 404, []string{"no document"}},
		{"/documents?q=VIVRES", 200, []string{"mali-goita-poutine", `name="q" type="search" value="VIVRES"`}},
		{"/no/such/page", 404, []string{"no page"}},
	}
	if !strings.Contains(call.DocID, "poutine") {
		tests[14].want = tests[14].want[:4]
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body, h := get(t, srv.URL+tt.path)
			if code != tt.code {
				t.Fatalf("status %d, want %d\n%s", code, tt.code, plain(body))
			}
			if ct := h.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if !strings.Contains(body, `<main id="main">`) || !strings.Contains(body, `name="viewport"`) {
				t.Errorf("page lacks the layout")
			}
		})
	}
	code, css, h := get(t, srv.URL+"/static/style.css")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/css") || !strings.Contains(css, "focus-visible") {
		t.Errorf("style.css: %d %s", code, h.Get("Content-Type"))
	}
}

// The document page shows the whole text, unchanged, under its highlights.
func TestDocumentTextIntact(t *testing.T) {
	srv, st := newServer(t)
	for _, id := range []string{"mali-goita-poutine", "mali-goita-putin-en"} {
		d, err := st.Document(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := get(t, srv.URL+"/documents/"+id)
		start := strings.Index(body, `<article class="text"`)
		end := strings.Index(body, "</article>")
		if start < 0 || end < start {
			t.Fatalf("%s: no article element", id)
		}
		art := body[start:end]
		art = art[strings.Index(art, ">")+1:]
		if got := plain(art); got != d.Text {
			t.Errorf("%s: the page shows %d bytes of text, the document has %d", id, len(got), len(d.Text))
		}
		if n := strings.Count(art, `class="m `); n < len(d.Mentions)/2 {
			t.Errorf("%s: %d highlighted mention pieces for %d mentions", id, n, len(d.Mentions))
		}
	}
}

func TestHighlight(t *testing.T) {
	text := "Goïta a parlé <avec> Poutine."
	tests := []struct {
		name   string
		lo, hi int
		marks  []web.Mark
		want   string
	}{
		{"none", 0, len(text), nil, "Goïta a parlé &lt;avec&gt; Poutine."},
		{"one", 0, len(text), []web.Mark{{Start: 0, End: 6, Class: "m", Title: "person"}}, `<span class="m" title="person">Goïta</span> a parlé &lt;avec&gt; Poutine.`},
		{"nested", 0, 16, []web.Mark{{Start: 0, End: 16, Class: "ev", ID: "ev-1"}, {Start: 9, End: 15, Class: "trig"}},
			`<span id="ev-1" class="ev">Goïta a </span><span class="ev trig">parlé</span><span class="ev"> </span>`},
		{"window clips", 9, 15, []web.Mark{{Start: 0, End: 12, Class: "ev"}}, `<span class="ev">par</span>lé`},
		{"inside a rune is dropped", 0, 6, []web.Mark{{Start: 0, End: 3, Class: "m"}}, "Goïta"},
		{"outside the text is dropped", 0, 6, []web.Mark{{Start: -3, End: 400, Class: "m"}}, `<span class="m">Goïta</span>`},
		{"bad window", 10, 5, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(web.Highlight(text, tt.lo, tt.hi, tt.marks)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Goïta a parlé avec <Poutine>.", 0, 10, 3, 12, 0, 30)
	f.Add("« Je salue » dit-il", 2, 5, 1, 20, 1, 8)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, lo, hi int) {
		out := string(web.Highlight(text, lo, hi, []web.Mark{{Start: s1, End: e1, Class: "a", Title: "<x>"}, {Start: s2, End: e2, Class: "b", ID: "i"}}))
		if lo < 0 || hi > len(text) || lo > hi {
			if out != "" {
				t.Fatalf("bad window gave %q", out)
			}
			return
		}
		// HTML cannot hold NUL: the escaper writes U+FFFD for it, as for invalid UTF-8.
		want := strings.ToValidUTF8(strings.ReplaceAll(text[lo:hi], "\x00", "\uFFFD"), "\uFFFD")
		if got := strings.ToValidUTF8(plain(out), "\uFFFD"); got != want {
			t.Fatalf("text changed: %q → %q", text[lo:hi], got)
		}
	})
}
