// Package web is griot's browser UI: server-rendered HTML pages (html/template, assets
// embedded, no JavaScript needed) over a store: a filterable events table, an event with
// its evidence highlighted in every article that reports it, the relation of two actors
// over time as an SVG chart, a world map of where the events happened, an actor with its network and timeline, and a document with
// actors, dates, quotes and events highlighted.
package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/plover"
	"github.com/griot-project/griot/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// UI serves the pages.
type UI struct {
	st    store.Store
	pages map[string]*template.Template
	types []string
	mux   *http.ServeMux

	worldOnce sync.Once
	world     *world
	worldErr  error
}

var funcs = template.FuncMap{
	"join":     strings.Join,
	"split":    strings.Fields,
	"quadName": quadName,
	"query":    func(v url.Values) string { return v.Encode() },
	"pathEsc":  url.PathEscape,
	"add":      func(a, b int) int { return a + b },
	"short":    short,
	"pct":      func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"signed":   func(f float64) string { return fmt.Sprintf("%+.2f", f) },
	"webLink":  webLink,
}

// New returns the UI over a store. Its templates are embedded and checked by the tests,
// so a parse failure is a build defect and panics.
func New(st store.Store) *UI {
	u := &UI{st: st, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))
	for _, p := range []string{"events", "event", "relations", "map", "document", "documents", "actor", "actors", "error"} {
		t := template.Must(template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+p+".html"))
		u.pages[p] = t
	}
	if t, err := plover.Default(); err == nil {
		u.types = t.Types()
	}
	static, _ := fs.Sub(staticFS, "static")
	u.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheControl(http.FileServerFS(static))))
	u.mux.HandleFunc("GET /{$}", u.eventsPage)
	u.mux.HandleFunc("GET /events", u.eventsPage)
	u.mux.HandleFunc("GET /events/{id}", u.eventPage)
	u.mux.HandleFunc("GET /relations", u.relationsPage)
	u.mux.HandleFunc("GET /map", u.mapPage)
	u.mux.HandleFunc("GET /actors", u.actorsPage)
	u.mux.HandleFunc("GET /actors/{id}", u.actorPage)
	u.mux.HandleFunc("GET /documents", u.documentsPage)
	u.mux.HandleFunc("GET /documents/{id}", u.documentPage)
	u.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, http.StatusNotFound, fmt.Errorf("no page at %s", r.URL.Path))
	})
	return u
}

func cacheControl(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// ServeHTTP serves a page; a panic becomes an error page.
func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("panic rendering page", "path", r.URL.Path, "panic", p)
			u.fail(w, r, http.StatusInternalServerError, errors.New("internal error"))
		}
	}()
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'none'")
	u.mux.ServeHTTP(w, r)
}

// page is what every template gets.
type page struct {
	Title string
	Nav   string
	Data  any
}

func (u *UI) render(w http.ResponseWriter, r *http.Request, name, title string, data any) {
	var buf bytes.Buffer
	if err := u.pages[name].ExecuteTemplate(&buf, "layout.html", page{Title: title, Nav: name, Data: data}); err != nil {
		slog.Error("rendering page", "page", name, "err", err)
		http.Error(w, "error rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	buf.WriteTo(w)
}

func (u *UI) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	var buf bytes.Buffer
	if status == 0 {
		status = api.Status(err)
	}
	if status >= 500 {
		slog.Error("page failed", "path", r.URL.Path, "err", err)
	}
	data := struct {
		Status int
		Msg    string
	}{status, err.Error()}
	if e := u.pages["error"].ExecuteTemplate(&buf, "layout.html", page{Title: http.StatusText(status), Nav: "error", Data: data}); e != nil {
		http.Error(w, err.Error(), status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

func quadName(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return "—"
}

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
