package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
	_ "github.com/griot-project/griot/store/sqlite"
	"github.com/griot-project/griot/store/storetest"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func defaultPipeline(t testing.TB) *pipeline.Pipeline {
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.Default() })
	if pipeErr != nil {
		t.Fatalf("pipeline: %v", pipeErr)
	}
	return pipe
}

// newStore is a temporary sqlite store holding the Mali article in French and English
// (examples/ in the repository), read by the full pipeline.
func newStore(t testing.TB) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "griot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	putArticles(t, st, filepath.Join("..", "examples"), "mali-goita-poutine", "mali-goita-putin")
	return st
}

// putArticles reads DIR/NAME.txt with its NAME.meta.json through the full pipeline and
// stores it.
func putArticles(t testing.TB, st store.Store, dir string, names ...string) {
	t.Helper()
	storetest.PutArticles(t, st, defaultPipeline(t), dir, names...)
}

type fixture struct {
	st  store.Store
	srv *httptest.Server
}

func newServer(t *testing.T, opts api.Options) *fixture {
	t.Helper()
	st := newStore(t)
	if opts.Pipeline == nil {
		opts.Pipeline = defaultPipeline(t)
	}
	srv := httptest.NewServer(api.New(st, opts))
	t.Cleanup(srv.Close)
	return &fixture{st, srv}
}

func (f *fixture) get(t *testing.T, path string) (int, []byte, http.Header) {
	t.Helper()
	resp, err := http.Get(f.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}

func (f *fixture) getJSON(t *testing.T, path string, v any) {
	t.Helper()
	code, b, _ := f.get(t, path)
	if code != 200 {
		t.Fatalf("GET %s: %d %s", path, code, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, b)
	}
}

func (f *fixture) events(t *testing.T, query string) []store.EventRow {
	t.Helper()
	var p api.EventPage
	f.getJSON(t, "/api/events?"+query, &p)
	return p.Events
}

func TestEventFilters(t *testing.T) {
	f := newServer(t, api.Options{})
	all := f.events(t, "limit=10000")
	if len(all) < 10 {
		t.Fatalf("only %d events in the two Mali articles", len(all))
	}
	has := func(xs []string, x string) bool {
		for _, y := range xs {
			if y == x {
				return true
			}
		}
		return false
	}
	tests := []struct {
		query string
		min   int // at least this many rows
		ok    func(r store.EventRow) bool
	}{
		{"actor=assimi-goita", 2, func(r store.EventRow) bool { return has(r.Actor, "assimi-goita") || has(r.Recipient, "assimi-goita") }},
		{"country=RUS", 2, func(r store.EventRow) bool { return true }},
		{"dyad=MLI,RUS", 3, func(r store.EventRow) bool { return true }},
		{"dyad=RUS,MLI", 3, func(r store.EventRow) bool { return true }},
		{"type=CONSULT", 2, func(r store.EventRow) bool { return r.Type == "CONSULT" }},
		{"type=consult", 2, func(r store.EventRow) bool { return r.Type == "CONSULT" }},
		{"quad=4", 1, func(r store.EventRow) bool { return r.Quad == 4 }},
		{"factuality=hedged", 1, func(r store.EventRow) bool { return r.Factuality == "hedged" }},
		{"factuality=asserted,hedged", 3, func(r store.EventRow) bool { return r.Factuality == "asserted" || r.Factuality == "hedged" }},
		{"from=2022-08-10&to=2022-08-10", 2, func(r store.EventRow) bool { return r.DateLo == "2022-08-10" }},
		{"from=2022-08", 2, func(r store.EventRow) bool { return r.DateLo >= "2022-08-01" }},
		{"to=2022", 2, func(r store.EventRow) bool { return r.DateLo != "" && r.DateLo <= "2022-12-31" }},
		{"lang=en", 2, func(r store.EventRow) bool { return r.Lang == "en" }},
		{"lang=fr", 2, func(r store.EventRow) bool { return r.Lang == "fr" }},
		{"q=Poutine", 1, func(r store.EventRow) bool { return r.Lang == "fr" }},
		{"source=" + url.QueryEscape(all[0].Source), 1, func(r store.EventRow) bool { return r.Source == all[0].Source }},
		{"doc=" + all[0].DocSHA256, 1, func(r store.EventRow) bool { return r.DocSHA256 == all[0].DocSHA256 }},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rows := f.events(t, tt.query)
			if len(rows) < tt.min {
				t.Fatalf("%d rows, want at least %d", len(rows), tt.min)
			}
			if len(rows) >= len(all) && !strings.HasPrefix(tt.query, "source") && !strings.HasPrefix(tt.query, "from") && !strings.HasPrefix(tt.query, "to") {
				t.Errorf("the filter kept all %d events", len(rows))
			}
			for _, r := range rows {
				if !tt.ok(r) {
					t.Errorf("row %s (%s %v→%v %s %s) does not match", r.ID, r.Type, r.Actor, r.Recipient, r.Factuality, r.DateLo)
				}
			}
		})
	}
	// The dyad filter finds the call in both languages.
	n := 0
	for _, r := range f.events(t, "dyad=MLI,RUS&type=CONSULT") {
		if has(r.Actor, "assimi-goita") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("dyad=MLI,RUS&type=CONSULT: %d calls by Goïta, want 2 (fr and en)", n)
	}
}

func TestEventPagingAndSort(t *testing.T) {
	f := newServer(t, api.Options{})
	all := f.events(t, "limit=10000")
	var p api.EventPage
	f.getJSON(t, "/api/events?limit=3", &p)
	if len(p.Events) != 3 || p.Next == "" {
		t.Fatalf("limit=3: %d events, next %q", len(p.Events), p.Next)
	}
	var p2 api.EventPage
	f.getJSON(t, p.Next, &p2)
	if len(p2.Events) == 0 || p2.Events[0].ID != all[3].ID {
		t.Errorf("next page starts with %v, want %s", p2.Events, all[3].ID)
	}
	desc := f.events(t, "sort=-date&limit=10000")
	if len(desc) != len(all) {
		t.Fatalf("sort=-date: %d events, want %d", len(desc), len(all))
	}
	for i := 1; i < len(desc); i++ {
		if desc[i-1].DateLo != "" && desc[i].DateLo != "" && desc[i-1].DateLo < desc[i].DateLo {
			t.Errorf("sort=-date: %s before %s", desc[i-1].DateLo, desc[i].DateLo)
		}
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].DateLo != "" && all[i].DateLo != "" && all[i-1].DateLo > all[i].DateLo {
			t.Errorf("sort=date: %s before %s", all[i-1].DateLo, all[i].DateLo)
		}
	}
}

func TestBadParameters(t *testing.T) {
	f := newServer(t, api.Options{})
	tests := []struct {
		path, want string
		code       int
	}{
		{"/api/events?quad=9", "quad", 400},
		{"/api/events?quad=x", "quad", 400},
		{"/api/events?factuality=sure", "factuality", 400},
		{"/api/events?from=yesterday", "from", 400},
		{"/api/events?from=2022-09-01&to=2022-08-01", "after", 400},
		{"/api/events?limit=0", "limit", 400},
		{"/api/events?limit=100000", "limit", 400},
		{"/api/events?offset=-1", "offset", 400},
		{"/api/events?dyad=MLI", "dyad", 400},
		{"/api/events?dyad=MLI,RUS,FRA", "dyad", 400},
		{"/api/events?lang=de", "lang", 400},
		{"/api/events?sort=actor", "sort", 400},
		{"/api/events?actr=MLI", "unknown parameter", 400},
		{"/api/events?q=" + strings.Repeat("x", 600), "at most", 400},
		{"/api/relations?a=MLI", "required", 400},
		{"/api/relations?a=MLI&b=MLI", "same", 400},
		{"/api/relations?a=MLI&b=RUS&interval=decade", "interval", 400},
		{"/api/relations?a=MLI&b=RUS&include_hedged=maybe", "include_hedged", 400},
		{"/api/relations?a=MLI&b=RUS&x=1", "unknown parameter", 400},
		{"/api/actors?limit=5000", "limit", 400},
		{"/api/actors?name=x", "unknown parameter", 400},
		{"/api/documents?limit=x", "limit", 400},
		{"/api/export?format=xml", "format", 400},
		{"/api/export?format=csv&since=2022", "unknown parameter", 400},
		{"/api/export?format=csv&limit=10", "unknown parameter", 400},
		{"/api/export?format=csv&place_country=Mali", "place_country", 400},
		{"/api/events?place_country=ML", "place_country", 400},
		{"/api/events?place_country=M1I", "place_country", 400},
		{"/api/events?admin1=" + strings.Repeat("x", 300), "admin1", 400},
		{"/api/relations?a=MLI&b=RUS&place_country=Russia", "place_country", 400},
		{"/api/events/nope", "no event", 404},
		{"/api/actors/nobody-at-all", "no actor", 404},
		{"/api/documents/nope", "no document", 404},
		{"/api/nothing", "no such endpoint", 404},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, b, h := f.get(t, tt.path)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, b)
			}
			if ct := h.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			var e struct{ Error string }
			if err := json.Unmarshal(b, &e); err != nil || e.Error == "" {
				t.Fatalf("body %s is not {\"error\": …}", b)
			}
			if !strings.Contains(e.Error, tt.want) {
				t.Errorf("error %q does not say %q", e.Error, tt.want)
			}
		})
	}
}

func TestEventDetail(t *testing.T) {
	f := newServer(t, api.Options{})
	rows := f.events(t, "dyad=MLI,RUS&type=CONSULT&lang=en")
	if len(rows) == 0 {
		t.Fatal("no call in the English article")
	}
	var v api.EventView
	f.getJSON(t, "/api/events/"+url.PathEscape(rows[0].ID), &v)
	if v.Event.ID != rows[0].ID || v.Cluster.ID == "" || len(v.Reports) == 0 {
		t.Fatalf("event %s: %+v", rows[0].ID, v)
	}
	r := v.Reports[0]
	if r.EventID != rows[0].ID {
		t.Errorf("first report is %s, want the event asked for", r.EventID)
	}
	var d api.DocumentView
	f.getJSON(t, "/api/documents/"+r.DocSHA256, &d)
	ev := r.Event.Evidence
	if d.Text[ev.Start:ev.End] != ev.Text {
		t.Errorf("evidence %q is not the text at its offsets (%q)", ev.Text, d.Text[ev.Start:ev.End])
	}
	if r.Context.Start > ev.Start || r.Context.End < ev.End {
		t.Errorf("context %v does not hold the evidence %d-%d", r.Context, ev.Start, ev.End)
	}
	if r.Actors["assimi-goita"].Name == "" {
		t.Errorf("actor names: %v", r.Actors)
	}
}

func TestActors(t *testing.T) {
	f := newServer(t, api.Options{})
	var list struct{ Actors []store.ActorInfo }
	f.getJSON(t, "/api/actors?limit=5", &list)
	if len(list.Actors) == 0 || len(list.Actors) > 5 {
		t.Fatalf("%d actors", len(list.Actors))
	}
	f.getJSON(t, "/api/actors?q=assimi", &list)
	if len(list.Actors) == 0 || list.Actors[0].ID != "assimi-goita" {
		t.Fatalf("q=assimi: %+v", list.Actors)
	}
	var v api.ActorView
	f.getJSON(t, "/api/actors/assimi-goita", &v)
	if v.Actor.ID != "assimi-goita" || v.Actor.Country != "MLI" {
		t.Errorf("actor: %+v", v.Actor)
	}
	found := false
	for _, c := range v.Counterparts {
		if c.ID == "vladimir-putin" {
			found = c.Outgoing >= 2 && c.Name != ""
		}
	}
	if !found {
		t.Errorf("Goïta's counterparts lack Putin (2 calls out, named): %+v", v.Counterparts)
	}
	if len(v.Timeline) == 0 || v.Timeline[len(v.Timeline)-1].Month != "2022-08" {
		t.Errorf("timeline %+v", v.Timeline)
	}
}

func TestRelations(t *testing.T) {
	f := newServer(t, api.Options{})
	var rel api.Relation
	f.getJSON(t, "/api/relations?a=MLI&b=RUS&interval=month", &rel)
	var aug *api.Point
	for i := range rel.Points {
		if rel.Points[i].Period == "2022-08" {
			aug = &rel.Points[i]
		}
	}
	if aug == nil {
		t.Fatalf("no point for 2022-08: %+v", rel.Points)
	}
	if aug.Quad.VerbalCooperation < 2 || aug.GoldsteinMean <= 0 || aug.PLOVERScore <= 0 {
		t.Errorf("2022-08: %+v (want the two calls as verbal cooperation, positive scores)", aug)
	}
	// Its events link returns the events it counts.
	var p api.EventPage
	f.getJSON(t, aug.EventsURL, &p)
	if len(p.Events) != aug.Events {
		t.Errorf("events_url gives %d events, the point counts %d", len(p.Events), aug.Events)
	}
	for _, e := range p.Events {
		if e.Factuality != "asserted" {
			t.Errorf("asserted only by default, got %s", e.Factuality)
		}
	}
	var withHedged api.Relation
	f.getJSON(t, "/api/relations?a=MLI&b=RUS&include_hedged=1", &withHedged)
	if withHedged.Total.Events <= rel.Total.Events {
		t.Errorf("include_hedged=1: %d events, without %d (Putin's hedged aid offer is missing)", withHedged.Total.Events, rel.Total.Events)
	}
	var year api.Relation
	f.getJSON(t, "/api/relations?a=RUS&b=MLI&interval=year", &year)
	if len(year.Points) != 1 || year.Points[0].Period != "2022" || year.Total.Events != rel.Total.Events {
		t.Errorf("interval=year, reversed: %+v", year)
	}
	var none api.Relation
	f.getJSON(t, "/api/relations?a=MLI&b=RUS&from=2023-01-01", &none)
	if len(none.Points) != 0 || none.Total.Events != 0 {
		t.Errorf("from=2023: %+v", none)
	}
}

func TestDocument(t *testing.T) {
	f := newServer(t, api.Options{})
	var d api.DocumentView
	f.getJSON(t, "/api/documents/mali-goita-poutine", &d)
	if d.Lang != "fr" || d.Published != "2022-08-11" || len(d.Text) == 0 {
		t.Fatalf("document: %s %s %d bytes", d.Lang, d.Published, len(d.Text))
	}
	if len(d.Mentions) == 0 || len(d.Timexes) == 0 || len(d.Events) == 0 || len(d.Quotes) == 0 || len(d.Sentences) == 0 {
		t.Fatalf("missing layers: %d mentions, %d timexes, %d events, %d quotes", len(d.Mentions), len(d.Timexes), len(d.Events), len(d.Quotes))
	}
	for _, m := range d.Mentions {
		if d.Text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q at %d-%d is %q", m.Text, m.Start, m.End, d.Text[m.Start:m.End])
		}
	}
	for _, x := range d.Timexes {
		if d.Text[x.Start:x.End] != x.Text {
			t.Errorf("timex %q at %d-%d", x.Text, x.Start, x.End)
		}
	}
	// Event ids are the store-wide ids that /api/events/{id} answers.
	code, b, _ := f.get(t, "/api/events/"+url.PathEscape(d.Events[0].ID))
	if code != 200 {
		t.Errorf("event %s of the document: %d %s", d.Events[0].ID, code, b)
	}
	var list struct {
		Documents []store.DocInfo
		Next      string
	}
	f.getJSON(t, "/api/documents?limit=1", &list)
	if len(list.Documents) != 1 || list.Next == "" {
		t.Fatalf("documents?limit=1: %+v", list)
	}
	f.getJSON(t, list.Next, &list)
	if len(list.Documents) != 1 {
		t.Errorf("second page: %+v", list)
	}
	// q searches the documents' title and text, accents and case ignored.
	type docList struct {
		Documents []store.DocInfo
		Next      string
	}
	var food, page1, page2 docList
	f.getJSON(t, "/api/documents?q=VIVRES", &food)
	if len(food.Documents) != 1 || food.Documents[0].ID != "mali-goita-poutine" {
		t.Errorf("documents?q=VIVRES: %+v", food)
	}
	f.getJSON(t, "/api/documents?q=goita&limit=1", &page1)
	if len(page1.Documents) != 1 || !strings.Contains(page1.Next, "q=goita") {
		t.Fatalf("documents?q=goita&limit=1: %+v (next keeps q)", page1)
	}
	f.getJSON(t, page1.Next, &page2)
	if len(page2.Documents) != 1 || page2.Documents[0].SHA256 == page1.Documents[0].SHA256 {
		t.Errorf("second page of q=goita: %+v after %+v", page2.Documents, page1.Documents)
	}
}

func post(t *testing.T, url, token, contentType string, body []byte) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestPostDocument(t *testing.T) {
	f := newServer(t, api.Options{Token: "s3cret", MaxBody: 2000})
	u := f.srv.URL + "/api/documents"
	good, _ := json.Marshal(api.PostedDocument{ID: "post-1", Lang: "en", Published: "2023-03-02", Title: "Talks",
		Text: "Mali's President Assimi Goïta spoke with French President Emmanuel Macron on Wednesday, the presidency said."})
	tests := []struct {
		name, token, ct string
		body            []byte
		code            int
		want            string
	}{
		{"no token", "", "application/json", good, 401, "missing bearer token"},
		{"wrong token", "guess", "application/json", good, 401, "wrong bearer token"},
		{"bad content type", "s3cret", "text/plain", good, 415, "application/json"},
		{"too large", "s3cret", "application/json", []byte(`{"text": "` + strings.Repeat("a ", 2000) + `"}`), 413, "larger than"},
		{"bad JSON", "s3cret", "application/json", []byte(`{"text": `), 400, "bad JSON"},
		{"unknown field", "s3cret", "application/json", []byte(`{"text": "x y z", "body": "?"}`), 400, "unknown field"},
		{"two objects", "s3cret", "application/json", []byte(`{"text": "x y z"} {}`), 400, "one object"},
		{"empty text", "s3cret", "application/json", []byte(`{"text": "   "}`), 400, "empty"},
		{"bad lang", "s3cret", "application/json", []byte(`{"text": "x y z", "lang": "de"}`), 400, "lang"},
		{"bad date", "s3cret", "application/json", []byte(`{"text": "x y z", "published": "March 2"}`), 400, "published"},
		{"stored", "s3cret", "application/json", good, 201, `"added":true`},
		{"again", "s3cret", "", good, 200, `"added":false`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := post(t, u, tt.token, tt.ct, tt.body)
			if code != tt.code || !strings.Contains(body, tt.want) {
				t.Fatalf("%d %s, want %d with %q", code, body, tt.code, tt.want)
			}
			if code >= 400 && !strings.HasPrefix(body, `{"error":`) {
				t.Errorf("error body %s", body)
			}
		})
	}
	var d api.DocumentView
	f.getJSON(t, "/api/documents/post-1", &d)
	if d.Published != "2023-03-02" || d.Title != "Talks" || len(d.Events) == 0 {
		t.Errorf("posted document: %s %q %d events", d.Published, d.Title, len(d.Events))
	}
	// Without a configured token, ingest is off for everyone.
	g := newServer(t, api.Options{})
	if code, body := post(t, g.srv.URL+"/api/documents", "anything", "application/json", good); code != 403 {
		t.Errorf("no token configured: %d %s, want 403", code, body)
	}
}

func TestExport(t *testing.T) {
	f := newServer(t, api.Options{})
	stats, err := f.st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := int(stats.Events)
	code, b, h := f.get(t, "/api/export?format=csv")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", code, h.Get("Content-Type"))
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != n+1 || recs[0][0] != "event_id" {
		t.Errorf("csv: %d rows, want header + %d", len(recs), n)
	}
	code, b, _ = f.get(t, "/api/export?format=gdelt")
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = '\t'
	recs, err = r.ReadAll()
	if code != 200 || err != nil || len(recs) != n {
		t.Fatalf("gdelt: %d, %v, %d rows want %d", code, err, len(recs), n)
	}
	for _, rec := range recs {
		if len(rec) != 61 || rec[29] == "" || rec[30] == "" {
			t.Fatalf("gdelt row %v", rec)
		}
	}
	code, b, _ = f.get(t, "/api/export?format=plover")
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if code != 200 || len(lines) != n {
		t.Fatalf("plover: %d, %d lines want %d", code, len(lines), n)
	}
	for _, l := range lines {
		var rec struct {
			ID       string
			Event    []string
			QuadCode int `json:"quad_code"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil || len(rec.Event) == 0 {
			t.Fatalf("plover line %s: %v", l, err)
		}
	}
	code, b, _ = f.get(t, "/api/export?format=acled")
	recs, err = csv.NewReader(bytes.NewReader(b)).ReadAll()
	if code != 200 || err != nil || len(recs) < 2 || len(recs) > n+1 {
		t.Fatalf("acled: %d %v %d rows", code, err, len(recs))
	}
	for _, rec := range recs[1:] {
		if rec[5] == "" || rec[1] == "" && rec[2] != "" {
			t.Errorf("acled row %v", rec)
		}
	}
}

func TestOpenAPIAndHealth(t *testing.T) {
	f := newServer(t, api.Options{})
	var spec struct {
		OpenAPI string
		Paths   map[string]map[string]any
	}
	f.getJSON(t, "/api/openapi.json", &spec)
	if !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Errorf("openapi %q", spec.OpenAPI)
	}
	for _, p := range []string{"/api/events", "/api/events/{id}", "/api/actors", "/api/actors/{id}", "/api/relations", "/api/places", "/api/documents", "/api/documents/{id}", "/api/export", "/healthz", "/metrics"} {
		if spec.Paths[p] == nil {
			t.Errorf("openapi.json lacks %s", p)
		}
	}
	if spec.Paths["/api/documents"]["post"] == nil {
		t.Errorf("openapi.json lacks POST /api/documents")
	}
	var h map[string]string
	f.getJSON(t, "/healthz", &h)
	if h["status"] != "ok" {
		t.Errorf("healthz %v", h)
	}
	f.get(t, "/api/events?limit=1")
	f.get(t, "/api/events?quad=7")
	code, b, _ := f.get(t, "/metrics")
	m := string(b)
	for _, want := range []string{
		`griot_http_requests_total{route="/api/events",code="200"} 1`,
		`griot_http_requests_total{route="/api/events",code="400"} 1`,
		`griot_http_request_duration_seconds_bucket{route="/api/events",le="+Inf"} 2`,
		`griot_http_request_duration_seconds_count{route="/api/events"} 2`,
		"# TYPE griot_events gauge",
		"griot_documents 2",
	} {
		if code != 200 || !strings.Contains(m, want) {
			t.Errorf("metrics lack %q:\n%s", want, m)
		}
	}
}

func TestUIMount(t *testing.T) {
	st := newStore(t)
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ui "+r.URL.Path) })
	srv := httptest.NewServer(api.New(st, api.Options{UI: ui}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "ui /events" {
		t.Errorf("UI at /: %q", b)
	}
}

func FuzzParseEventQuery(f *testing.F) {
	for _, s := range []string{"dyad=MLI,RUS&from=2022-08&to=2022", "quad=3&factuality=asserted,hedged&limit=10&sort=-date", "from=2022-02-30", "q=%ff%fe", "dyad=,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := url.ParseQuery(s)
		if err != nil {
			return
		}
		q, err := api.ParseEventQuery(v)
		if err != nil {
			return
		}
		if q.Limit < 1 || q.Limit > store.MaxLimit || q.Offset < 0 || q.Quad < 0 || q.Quad > 4 {
			t.Fatalf("%q parsed to out-of-range %+v", s, q)
		}
		if q.From != "" && q.To != "" && q.From > q.To {
			t.Fatalf("%q: from after to", s)
		}
		// The parsed query survives a round trip through its query string.
		q2, err := api.ParseEventQuery(api.EventValues(q))
		if err != nil {
			t.Fatalf("%q: round trip: %v", s, err)
		}
		if api.EventValues(q2).Encode() != api.EventValues(q).Encode() {
			t.Fatalf("%q: round trip changed %v to %v", s, api.EventValues(q), api.EventValues(q2))
		}
	})
}

func FuzzParseRelationQuery(f *testing.F) {
	for _, s := range []string{"a=MLI&b=FRA&interval=month", "a=MLI&b=RUS&include_hedged=1&from=2022", "a=&b="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := url.ParseQuery(s)
		if err != nil {
			return
		}
		q, err := api.ParseRelationQuery(v)
		if err != nil {
			return
		}
		if q.A == "" || q.B == "" || q.A == q.B {
			t.Fatalf("%q parsed to %+v", s, q)
		}
	})
}

func TestRelationCacheSeesWrites(t *testing.T) {
	f := newServer(t, api.Options{Token: "t"})
	total := func() int {
		var rel api.Relation
		f.getJSON(t, "/api/relations?a=MLI&b=FRA&interval=year&include_hedged=1", &rel)
		return rel.Total.Events
	}
	n := total()
	body := []byte(`{"id":"call-1","lang":"en","published":"2023-03-02","text":"Mali's President Assimi Goïta spoke with French President Emmanuel Macron on Wednesday, the presidency said."}`)
	if code, b := post(t, f.srv.URL+"/api/documents", "t", "application/json", body); code != 201 {
		t.Fatalf("post: %d %s", code, b)
	}
	n1 := total()
	if n1 <= n {
		t.Fatalf("after a POST: %d events, before %d (a stale cached answer)", n1, n)
	}
	// A write by another process (straight into the store) shows within a second or so.
	d, err := defaultPipeline(t).Run(context.Background(), "Le président malien Assimi Goïta s'est entretenu mardi avec le président français Emmanuel Macron, a annoncé la présidence.",
		pipeline.Options{ID: "call-2", Lang: "fr", Published: time.Date(2023, 5, 3, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.PutDocument(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	if n2 := total(); n2 <= n1 {
		t.Errorf("after a write by another process: %d events, before %d", n2, n1)
	}
}

// brokenStore fails every read; its nil embedded Store panics on anything else.
type brokenStore struct{ store.Store }

func (brokenStore) Events(context.Context, store.EventQuery) ([]store.EventRow, error) {
	return nil, errors.New("disk on fire")
}

func (brokenStore) Documents(context.Context, store.DocQuery) ([]store.DocInfo, error) {
	return nil, errors.New("disk on fire")
}

func (brokenStore) Stats(context.Context) (store.Stats, error) {
	return store.Stats{}, errors.New("disk on fire")
}

func TestStoreFailures(t *testing.T) {
	srv := httptest.NewServer(api.New(brokenStore{}, api.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer srv.Close()
	tests := []struct {
		path string
		code int
		want string
	}{
		{"/api/events", 500, "disk on fire"},
		{"/healthz", 503, "store unavailable"},
		{"/api/actors", 500, "internal error"}, // the nil Store panics: recovered
		{"/api/relations?a=MLI&b=FRA", 500, "disk on fire"},
		{"/metrics", 500, "disk on fire"},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e struct{ Error string }
		if resp.StatusCode != tt.code || json.Unmarshal(b, &e) != nil || !strings.Contains(e.Error, tt.want) {
			t.Errorf("GET %s: %d %s, want %d with %q", tt.path, resp.StatusCode, b, tt.code, tt.want)
		}
	}
}
