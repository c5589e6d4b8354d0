package api

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/store"
)

// EventPage is a page of events with the query that made it.
type EventPage struct {
	Events []store.EventRow `json:"events"`
	Limit  int              `json:"limit"`
	Offset int              `json:"offset"`
	// Next is the query string of the next page, "" on the last one.
	Next string `json:"next,omitempty"`
}

// Events runs an event query and says how to get the next page.
func Events(ctx context.Context, st store.Store, q store.EventQuery) (*EventPage, error) {
	rows, err := st.Events(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	if rows == nil {
		rows = []store.EventRow{}
	}
	p := &EventPage{Events: rows, Limit: q.PageLimit(), Offset: q.Offset}
	if len(rows) == q.PageLimit() {
		n := q
		n.Offset += len(rows)
		p.Next = "/api/events?" + EventValues(n).Encode()
	}
	return p, nil
}

// Report is one article's telling of an event: the event as that article codes it, the
// article's sentence around the evidence, and the names of the actors involved.
type Report struct {
	EventID   string          `json:"event_id"`
	DocID     string          `json:"doc_id"`
	DocSHA256 string          `json:"doc_sha256"`
	Title     string          `json:"title,omitempty"`
	Source    string          `json:"source,omitempty"`
	URL       string          `json:"url,omitempty"`
	Lang      string          `json:"lang"`
	Published string          `json:"published,omitempty"`
	Event     doc.Event       `json:"event"`
	Context   doc.Span        `json:"context"` // the sentences holding the evidence, in the document
	Actors    map[string]Name `json:"actors"`  // actor id → name, for every id the event names
	Doc       *doc.Document   `json:"-"`
}

// Name is an actor's display name and kind.
type Name struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Country string `json:"country,omitempty"`
}

// EventView is an event with its cluster (the same real event told by other reports).
type EventView struct {
	Event   store.EventRow `json:"event"`
	Cluster store.Cluster  `json:"cluster"`
	Reports []Report       `json:"reports"`
	// MoreReports counts the cluster's reports left out (at most 50 are given).
	MoreReports int `json:"more_reports,omitempty"`
}

// maxReports bounds the reports read for one event.
const maxReports = 50

// EventDetail returns an event (by its store-wide id) with every report of it.
func EventDetail(ctx context.Context, st store.Store, id string) (*EventView, error) {
	c, err := st.ClusterOf(ctx, id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, errorf(404, "no event %q", id)
		}
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	v := &EventView{Cluster: c}
	found := false
	members := append([]store.ClusterMember(nil), c.Members...)
	// The event asked for comes first, then the others in cluster order.
	sort.SliceStable(members, func(i, j int) bool { return members[i].EventID == id && members[j].EventID != id })
	if len(members) > maxReports {
		v.MoreReports = len(members) - maxReports
		members = members[:maxReports]
	}
	docs := map[string]*doc.Document{}
	for _, m := range members {
		d := docs[m.DocSHA256]
		if d == nil {
			if d, err = st.Document(ctx, m.DocSHA256); err != nil {
				return nil, fmt.Errorf("event %s: document %s: %w", id, m.DocID, err)
			}
			docs[m.DocSHA256] = d
		}
		for i := range d.Events {
			e := d.Events[i]
			if store.EventID(d.SHA256, &e, i) != m.EventID {
				continue
			}
			e.ID = m.EventID
			r := report(d, e)
			v.Reports = append(v.Reports, r)
			if m.EventID == id {
				found = true
				v.Event = eventRow(d, e)
			}
		}
	}
	if !found {
		return nil, errorf(404, "no event %q", id)
	}
	return v, nil
}

func eventRow(d *doc.Document, e doc.Event) store.EventRow {
	r := store.EventRow{Event: e, DocID: d.ID, DocSHA256: d.SHA256, Source: d.Source, URL: d.URL, Lang: d.Lang, Published: d.Published}
	if lo, hi, _, ok := store.DateRange(e.Date.Value); ok {
		r.DateLo, r.DateHi = lo, hi
	}
	return r
}

func report(d *doc.Document, e doc.Event) Report {
	r := Report{EventID: e.ID, DocID: d.ID, DocSHA256: d.SHA256, Title: d.Title, Source: d.Source, URL: d.URL, Lang: d.Lang, Event: e, Doc: d, Actors: map[string]Name{}}
	if !d.Published.IsZero() {
		r.Published = d.Published.Format("2006-01-02")
	}
	r.Context = ContextSpan(d, doc.Span{Start: e.Evidence.Start, End: e.Evidence.End})
	ids := append(append([]string(nil), e.Actor...), e.Recipient...)
	for _, a := range e.Attribution {
		ids = append(ids, a.Source, a.Via)
	}
	for _, id := range ids {
		if id == "" {
			continue
		}
		if a := d.ActorByID(id); a != nil {
			r.Actors[id] = Name{a.Name, a.Kind, a.Country}
		} else {
			r.Actors[id] = Name{Name: id}
		}
	}
	return r
}

// ContextSpan is the run of whole sentences that holds s (s itself when the document has
// no sentences or s is outside the text).
func ContextSpan(d *doc.Document, s doc.Span) doc.Span {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return doc.Span{}
	}
	i, j := d.SentenceAt(s.Start), d.SentenceAt(max(s.End-1, s.Start))
	if i < 0 || j < 0 {
		return s
	}
	return doc.Span{Start: min(d.Sentences[i].Start, s.Start), End: max(d.Sentences[j].End, s.End)}
}

// ActorView is an actor with its counterparts and timeline.
type ActorView struct {
	Actor store.ActorInfo `json:"actor"`
	// Counterparts are the actors it acts on or is acted on by in asserted or hedged
	// events, most events first.
	Counterparts []Counterpart `json:"counterparts"`
	// Timeline counts its asserted or hedged events per month (YYYY-MM), dated events only.
	Timeline []MonthCount      `json:"timeline"`
	Recent   []store.EventRow  `json:"recent_events"`
	Names    map[string]string `json:"names"` // counterpart id → name, when known
	Scanned  int               `json:"events_scanned"`
}

// Counterpart is an actor that shares events with another.
type Counterpart struct {
	ID        string  `json:"id"`
	Name      string  `json:"name,omitempty"`
	Events    int     `json:"events"`
	Outgoing  int     `json:"outgoing"` // the actor acts on the counterpart
	Incoming  int     `json:"incoming"`
	Goldstein float64 `json:"goldstein_mean"`
	Link      string  `json:"events_url"`
}

// MonthCount is a number of events in one month.
type MonthCount struct {
	Month  string `json:"month"`
	Events int    `json:"events"`
}

// actorScan bounds the events read to draw an actor's network.
const actorScan = 5000

// FindActor returns the actor with exactly this id.
func FindActor(ctx context.Context, st store.Store, id string) (store.ActorInfo, error) {
	for _, q := range []string{id, strings.ToLower(id)} {
		as, err := st.Actors(ctx, q, 200, 0)
		if err != nil {
			return store.ActorInfo{}, fmt.Errorf("actor %s: %w", id, err)
		}
		for _, a := range as {
			if a.ID == id {
				return a, nil
			}
		}
	}
	return store.ActorInfo{}, errorf(404, "no actor %q", id)
}

// ActorDetail returns an actor with its counterparts and its monthly timeline (from the
// asserted and hedged ones among its 5,000 newest events) and its 20 newest events.
func ActorDetail(ctx context.Context, st store.Store, id string) (*ActorView, error) {
	a, err := FindActor(ctx, st, id)
	if err != nil {
		return nil, err
	}
	rows, err := st.Events(ctx, store.EventQuery{Actor: id, Order: store.DateDesc, Limit: actorScan})
	if err != nil {
		return nil, fmt.Errorf("actor %s: events: %w", id, err)
	}
	v := &ActorView{Actor: a, Names: map[string]string{}, Scanned: len(rows), Counterparts: []Counterpart{}, Timeline: []MonthCount{}}
	cps := map[string]*Counterpart{}
	months := map[string]int{}
	for _, r := range rows {
		// What did not happen (negated, future, hypothetical, question) or happened long
		// before (historical) is no part of the actor's present relations.
		if r.Factuality != "asserted" && r.Factuality != "hedged" {
			continue
		}
		if r.DateLo != "" && r.DateLo == r.DateHi || r.Date.Precision == "month" && len(r.DateLo) >= 7 {
			months[r.DateLo[:7]]++
		}
		add := func(other string, out bool) {
			if other == "" || other == id {
				return
			}
			c := cps[other]
			if c == nil {
				c = &Counterpart{ID: other}
				cps[other] = c
			}
			c.Events++
			c.Goldstein += r.Goldstein
			if out {
				c.Outgoing++
			} else {
				c.Incoming++
			}
		}
		if contains(r.Actor, id) {
			for _, o := range r.Recipient {
				add(o, true)
			}
		}
		if contains(r.Recipient, id) {
			for _, o := range r.Actor {
				add(o, false)
			}
		}
	}
	for _, c := range cps {
		c.Goldstein /= float64(c.Events)
		c.Link = "/api/events?" + url.Values{"dyad": {id + "," + c.ID}}.Encode()
		v.Counterparts = append(v.Counterparts, *c)
	}
	sort.Slice(v.Counterparts, func(i, j int) bool {
		a, b := v.Counterparts[i], v.Counterparts[j]
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		return a.ID < b.ID
	})
	for m, n := range months {
		v.Timeline = append(v.Timeline, MonthCount{m, n})
	}
	sort.Slice(v.Timeline, func(i, j int) bool { return v.Timeline[i].Month < v.Timeline[j].Month })
	v.Recent = rows[:min(len(rows), 20)]
	// Names of the main counterparts, from the documents of the recent events.
	names := map[string]bool{}
	for _, c := range v.Counterparts[:min(len(v.Counterparts), 30)] {
		names[c.ID] = true
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if len(names) == 0 || len(seen) >= 20 {
			break
		}
		if seen[r.DocSHA256] {
			continue
		}
		seen[r.DocSHA256] = true
		d, err := st.Document(ctx, r.DocSHA256)
		if err != nil {
			continue
		}
		for _, x := range d.Actors {
			if names[x.ID] {
				v.Names[x.ID] = x.Name
				delete(names, x.ID)
			}
		}
	}
	for i := range v.Counterparts {
		v.Counterparts[i].Name = v.Names[v.Counterparts[i].ID]
	}
	return v, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// DocumentView is a stored document with its text and every annotation, all with byte
// offsets into Text. Events carry their store-wide ids.
type DocumentView struct {
	ID        string         `json:"id"`
	SHA256    string         `json:"sha256"`
	Lang      string         `json:"lang"`
	Published string         `json:"published,omitempty"`
	Source    string         `json:"source,omitempty"`
	URL       string         `json:"url,omitempty"`
	Title     string         `json:"title,omitempty"`
	Text      string         `json:"text"`
	Sentences []doc.Sentence `json:"sentences"`
	Actors    []doc.Actor    `json:"actors"`
	Mentions  []doc.Mention  `json:"mentions"`
	Timexes   []doc.Timex    `json:"timexes"`
	Quotes    []doc.Quote    `json:"quotes"`
	Posts     []doc.Post     `json:"posts"`
	Events    []doc.Event    `json:"events"`
}

// ViewDocument returns the document view of a stored document.
func ViewDocument(d *doc.Document) *DocumentView {
	v := &DocumentView{
		ID: d.ID, SHA256: d.SHA256, Lang: d.Lang, Source: d.Source, URL: d.URL, Title: d.Title, Text: d.Text,
		Sentences: nonNil(d.Sentences), Actors: nonNil(d.Actors), Mentions: nonNil(d.Mentions), Timexes: nonNil(d.Timexes),
		Quotes: nonNil(d.Quotes), Posts: nonNil(d.Posts), Events: make([]doc.Event, len(d.Events)),
	}
	if !d.Published.IsZero() {
		v.Published = d.Published.Format("2006-01-02")
	}
	for i, e := range d.Events {
		e.ID = store.EventID(d.SHA256, &d.Events[i], i)
		v.Events[i] = e
	}
	return v
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
