package web

import (
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/store"
)

type eventsData struct {
	Q        url.Values
	Rows     []eventLine
	Types    []string
	Prev     string
	Next     string
	From, To int
	Err      string
	MapURL   string // the same events on the map
}

type eventLine struct {
	store.EventRow
	Sources int
}

func (u *UI) eventsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	// Empty form fields arrive as k=: they do not filter.
	for k, xs := range v {
		if len(xs) == 0 || xs[0] == "" {
			delete(v, k)
		}
	}
	data := eventsData{Q: v, Types: u.types}
	mv := url.Values{}
	for k, x := range v {
		if k != "offset" && k != "sort" && k != "limit" {
			mv[k] = x
		}
	}
	data.MapURL = "/map?" + mv.Encode()
	q, err := api.ParseEventQuery(v)
	if err != nil {
		data.Err = err.Error()
		w.WriteHeader(http.StatusBadRequest)
		u.render(w, r, "events", "Events", data)
		return
	}
	if v.Get("sort") == "" {
		q.Order = store.DateDesc
	}
	p, err := api.Events(r.Context(), u.st, q)
	if err != nil {
		u.fail(w, r, 0, err)
		return
	}
	for _, e := range p.Events {
		l := eventLine{EventRow: e, Sources: 1}
		if c, err := u.st.ClusterOf(r.Context(), e.ID); err == nil {
			l.Sources = max(c.NumSources, 1)
		}
		data.Rows = append(data.Rows, l)
	}
	data.From, data.To = q.Offset+1, q.Offset+len(p.Events)
	page := func(off int) string {
		n := q
		n.Offset = off
		vv := api.EventValues(n)
		if v.Get("sort") == "" {
			vv.Del("sort")
		}
		return "/events?" + vv.Encode()
	}
	if p.Next != "" {
		data.Next = page(q.Offset + len(p.Events))
	}
	if q.Offset > 0 {
		data.Prev = page(max(0, q.Offset-q.PageLimit()))
	}
	u.render(w, r, "events", "Events", data)
}

type reportView struct {
	api.Report
	HTML template.HTML
}

func (u *UI) eventPage(w http.ResponseWriter, r *http.Request) {
	v, err := api.EventDetail(r.Context(), u.st, r.PathValue("id"))
	if err != nil {
		u.fail(w, r, 0, err)
		return
	}
	var reports []reportView
	for _, rep := range v.Reports {
		reports = append(reports, reportView{Report: rep, HTML: Highlight(rep.Doc.Text, rep.Context.Start, rep.Context.End, EventMarks(rep.Doc, rep.Event))})
	}
	u.render(w, r, "event", "Event "+v.Event.Type, struct {
		*api.EventView
		Reports []reportView
	}{v, reports})
}

type bar struct {
	X, Y, W, H float64
	Class      string
	Label      string
}

type chartPoint struct {
	api.Point
	Bars      []bar
	X, W      float64
	LabelX    float64
	Link      string
	ShowLabel bool
}

type relationsData struct {
	A, B, Interval string
	Hedged         bool
	Rel            *api.Relation
	Points         []chartPoint
	Width, Height  float64
	LegendX        float64
	Zero           float64
	Max            int
	Err            string
	APIURL         string
}

const (
	chartH    = 260.0
	chartPadL = 36.0
	chartPadT = 16.0
)

func (u *UI) relationsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	for k, xs := range v {
		if len(xs) == 0 || xs[0] == "" {
			delete(v, k)
		}
	}
	data := relationsData{A: v.Get("a"), B: v.Get("b"), Interval: v.Get("interval"), Hedged: v.Get("include_hedged") == "1"}
	if data.Interval == "" {
		data.Interval = "month"
	}
	if data.A == "" && data.B == "" {
		u.render(w, r, "relations", "Relations", data)
		return
	}
	q, err := api.ParseRelationQuery(v)
	if err != nil {
		data.Err = err.Error()
		w.WriteHeader(http.StatusBadRequest)
		u.render(w, r, "relations", "Relations", data)
		return
	}
	rel, err := api.Relations(r.Context(), u.st, q)
	if err != nil {
		u.fail(w, r, 0, err)
		return
	}
	data.Rel = rel
	data.APIURL = "/api/relations?" + v.Encode()
	// Cooperation (quads 1, 2) stacks up from the zero line, conflict (3, 4) down.
	maxUp, maxDown := 1, 1
	for _, p := range rel.Points {
		maxUp = max(maxUp, p.Quad.VerbalCooperation+p.Quad.MaterialCooperation)
		maxDown = max(maxDown, p.Quad.VerbalConflict+p.Quad.MaterialConflict)
	}
	data.Max = max(maxUp, maxDown)
	half := (chartH - 2*chartPadT) / 2
	data.Zero = chartPadT + half
	unit := half / float64(data.Max)
	points := fillGaps(rel.Points, q.Interval)
	n := len(points)
	slot := math.Max(14, math.Min(48, 900/float64(max(n, 1))))
	data.Width = math.Max(360, chartPadL+slot*float64(n)+110)
	data.LegendX = data.Width - 100
	data.Height = chartH + 40
	every := max(1, (n+11)/12)
	for i, p := range points {
		x := chartPadL + slot*float64(i)
		cp := chartPoint{Point: p, X: x, W: slot, LabelX: x + slot/2, ShowLabel: i%every == 0 || i == n-1 && n <= 12}
		bw := slot * 0.6
		bx := x + (slot-bw)/2
		y := data.Zero
		for _, s := range []struct {
			n     int
			class string
			label string
		}{{p.Quad.VerbalCooperation, "q1", "verbal cooperation"}, {p.Quad.MaterialCooperation, "q2", "material cooperation"}} {
			h := float64(s.n) * unit
			y -= h
			if s.n > 0 {
				cp.Bars = append(cp.Bars, bar{bx, y, bw, h, s.class, fmt.Sprintf("%d %s", s.n, s.label)})
			}
		}
		y = data.Zero
		for _, s := range []struct {
			n     int
			class string
			label string
		}{{p.Quad.VerbalConflict, "q3", "verbal conflict"}, {p.Quad.MaterialConflict, "q4", "material conflict"}} {
			h := float64(s.n) * unit
			if s.n > 0 {
				cp.Bars = append(cp.Bars, bar{bx, y, bw, h, s.class, fmt.Sprintf("%d %s", s.n, s.label)})
			}
			y += h
		}
		ev := url.Values{"dyad": {q.A + "," + q.B}, "factuality": {joinComma(q.Factualities())}, "from": {p.Start}, "to": {p.End}}
		cp.Link = "/events?" + ev.Encode()
		data.Points = append(data.Points, cp)
	}
	u.render(w, r, "relations", "Relations "+q.A+" – "+q.B, data)
}

// fillGaps adds the empty periods between the first and the last point, so that the
// chart's time axis is even (at most 400 periods: beyond, only the periods with events).
func fillGaps(ps []api.Point, interval string) []api.Point {
	if len(ps) < 2 {
		return ps
	}
	have := map[string]api.Point{}
	for _, p := range ps {
		have[p.Period] = p
	}
	var out []api.Point
	cur, last := ps[0].Start, ps[len(ps)-1].Start
	for cur <= last {
		period, start, end, ok := api.PeriodOf(cur, cur, interval)
		if !ok || len(out) > 400 {
			return ps
		}
		if p, ok := have[period]; ok {
			out = append(out, p)
		} else {
			out = append(out, api.Point{Period: period, Start: start, End: end})
		}
		t, err := time.Parse(time.DateOnly, end)
		if err != nil {
			return ps
		}
		cur = t.AddDate(0, 0, 1).Format(time.DateOnly)
	}
	return out
}

func joinComma(xs []string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x
	}
	return s
}

type node struct {
	api.Counterpart
	X, Y, R float64
	Stroke  float64
	Class   string
}

type actorData struct {
	*api.ActorView
	Nodes    []node
	CX, CY   float64
	Months   []bar
	MonthsW  float64
	MaxMonth int
}

func (u *UI) actorPage(w http.ResponseWriter, r *http.Request) {
	v, err := api.ActorDetail(r.Context(), u.st, r.PathValue("id"))
	if err != nil {
		u.fail(w, r, 0, err)
		return
	}
	data := actorData{ActorView: v, CX: 260, CY: 200}
	cps := v.Counterparts[:min(len(v.Counterparts), 16)]
	maxEv := 1
	for _, c := range cps {
		maxEv = max(maxEv, c.Events)
	}
	for i, c := range cps {
		a := 2*math.Pi*float64(i)/float64(len(cps)) - math.Pi/2
		class := "neutral"
		switch {
		case c.Goldstein > 0.5:
			class = "coop"
		case c.Goldstein < -0.5:
			class = "conf"
		}
		data.Nodes = append(data.Nodes, node{Counterpart: c, X: data.CX + 150*math.Cos(a), Y: data.CY + 150*math.Sin(a),
			R: 8 + 10*float64(c.Events)/float64(maxEv), Stroke: 1 + 5*float64(c.Events)/float64(maxEv), Class: class})
	}
	for _, m := range v.Timeline {
		data.MaxMonth = max(data.MaxMonth, m.Events)
	}
	for i, m := range v.Timeline {
		h := 100 * float64(m.Events) / float64(max(1, data.MaxMonth))
		data.Months = append(data.Months, bar{X: 10 + 22*float64(i), Y: 110 - h, W: 16, H: h, Label: m.Month + ": " + strconv.Itoa(m.Events) + " events"})
	}
	data.MonthsW = math.Max(200, 20+22*float64(len(v.Timeline)))
	u.render(w, r, "actor", v.Actor.Name, data)
}

func (u *UI) actorsPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	off = max(0, min(off, 1_000_000))
	as, err := u.st.Actors(r.Context(), q, 100, off)
	if err != nil {
		u.fail(w, r, 0, err)
		return
	}
	next := ""
	if len(as) == 100 {
		next = "/actors?" + url.Values{"q": {q}, "offset": {strconv.Itoa(off + 100)}}.Encode()
	}
	u.render(w, r, "actors", "Actors", struct {
		Q      string
		Actors []store.ActorInfo
		Next   string
	}{q, as, next})
}

func (u *UI) documentsPage(w http.ResponseWriter, r *http.Request) {
	after, q := r.URL.Query().Get("after"), r.URL.Query().Get("q")
	ds, err := u.st.Documents(r.Context(), store.DocQuery{After: after, Limit: 100, Text: q})
	if err != nil {
		u.fail(w, r, 0, err)
		return
	}
	next := ""
	if len(ds) == 100 {
		next = "/documents?" + url.Values{"q": {q}, "after": {ds[len(ds)-1].SHA256}}.Encode()
	}
	u.render(w, r, "documents", "Documents", struct {
		Q    string
		Docs []store.DocInfo
		Next string
	}{q, ds, next})
}

type docEvent struct {
	doc.Event
	Anchor string
}

func (u *UI) documentPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := u.st.Document(r.Context(), id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			u.fail(w, r, http.StatusNotFound, fmt.Errorf("no document %q", id))
			return
		}
		u.fail(w, r, 0, err)
		return
	}
	v := api.ViewDocument(d)
	ids := make([]string, len(v.Events))
	evs := make([]docEvent, len(v.Events))
	for i, e := range v.Events {
		ids[i] = e.ID
		evs[i] = docEvent{e, "ev-" + e.ID}
	}
	title := d.Title
	if title == "" {
		title = d.ID
	}
	u.render(w, r, "document", title, struct {
		*api.DocumentView
		HTML   template.HTML
		Events []docEvent
	}{v, Highlight(d.Text, 0, len(d.Text), DocumentMarks(d, ids)), evs})
}
