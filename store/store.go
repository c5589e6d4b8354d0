// Package store keeps readings: documents keyed by content hash, with their actors,
// mentions, time expressions, quotes, posts and events (all with byte offsets), full-text
// search over document text and event evidence, and a roll-up of events per actor pair per
// day kept current at write time.
//
// A store is opened by URL with Open. Back ends register themselves from their package's
// init, as database/sql drivers do: import _ "github.com/griot-project/griot/store/sqlite"
// for sqlite://PATH and _ "github.com/griot-project/griot/store/postgres" for postgres://….
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/griot-project/griot/doc"
)

// Store is where readings are kept. Implementations are safe for concurrent use.
type Store interface {
	// Migrate brings the schema up to date. Open already does it; calling it again is a no-op.
	Migrate(ctx context.Context) error
	// PutDocument writes a document and every layer of its reading in one transaction.
	// It is idempotent by content hash: a document whose SHA256 is already stored is left
	// alone and added is false.
	PutDocument(ctx context.Context, d *doc.Document) (added bool, err error)
	// PutDocuments writes several documents in one transaction (much faster than one
	// transaction each), each as PutDocument would. A document that cannot be written is
	// left out with its error in its result; err is for the batch as a whole (nothing of
	// it is written then).
	PutDocuments(ctx context.Context, docs []*doc.Document) ([]PutResult, error)
	// HasDocument reports whether a document with that SHA-256 (hex) is stored.
	HasDocument(ctx context.Context, sha string) (bool, error)
	// Document returns a stored document with its reading, found by id or SHA-256.
	// It returns ErrNotFound when there is none.
	Document(ctx context.Context, idOrSHA string) (*doc.Document, error)
	// Documents lists stored documents without their text, in SHA-256 order, starting
	// after the SHA-256 q.After ("" for the first page), at most q.Limit (≤ MaxLimit) of
	// them; with q.Text, only those whose title or text hold every word of it.
	Documents(ctx context.Context, q DocQuery) ([]DocInfo, error)
	// Actors lists actors by how many documents name them (most first, then id), with
	// their names and counts. q filters by id or name prefix (folded, "" for all).
	Actors(ctx context.Context, q string, limit, offset int) ([]ActorInfo, error)
	// Events returns the events that match q, in q's order, one page at a time.
	Events(ctx context.Context, q EventQuery) ([]EventRow, error)
	// Places counts the events that match q per place (events without a place left out),
	// most events first, at most q.PageLimit() places; q's order and offset are not used.
	Places(ctx context.Context, q EventQuery) ([]PlaceCount, error)
	// Dyads returns the per-dyad-per-day roll-up rows that match q, by day.
	Dyads(ctx context.Context, q DyadQuery) ([]DyadDay, error)
	// Export calls fn for every event that matches q's filters (its order, limit and
	// offset are not used) in a stable order (date, then event id) that does not depend on
	// the order documents were written in. It stops at fn's first error.
	Export(ctx context.Context, q EventQuery, fn func(EventRow) error) error
	// Clusters calls fn for every event cluster (the reports of one real event) in a stable
	// order: date, then the cluster id. It stops at fn's first error.
	Clusters(ctx context.Context, fn func(Cluster) error) error
	// ClusterOf returns the cluster holding an event (store-wide event id).
	ClusterOf(ctx context.Context, eventID string) (Cluster, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// PutResult is what PutDocuments did with one document.
type PutResult struct {
	Added bool  // false: already stored (or Err)
	Err   error // this document could not be written
}

// ErrNotFound is returned when a looked-up item is not stored.
var ErrNotFound = errors.New("not found")

// EventRow is a stored event with the document it comes from. Event.ID is the store-wide
// event id (the document's SHA-256 prefix and the event's id in the document).
type EventRow struct {
	doc.Event
	DocID     string    `json:"doc_id"`
	DocSHA256 string    `json:"doc_sha256"`
	Source    string    `json:"source,omitempty"` // outlet / site of the document
	URL       string    `json:"url,omitempty"`
	Lang      string    `json:"lang"`
	Published time.Time `json:"-"`
	// DateLo and DateHi bound the event date ("2022-08" is 2022-08-01 … 2022-08-31);
	// both are "" when the date is unknown.
	DateLo string `json:"date_lo,omitempty"`
	DateHi string `json:"date_hi,omitempty"`
}

// DocQuery selects a page of stored documents.
type DocQuery struct {
	After string // SHA-256 to start after ("" for the first page)
	Limit int    // at most this many (1..MaxLimit; 0 or more than MaxLimit: MaxLimit)
	Text  string // full-text over the title and text (every word; accents and case ignored)
}

// DocInfo describes a stored document.
type DocInfo struct {
	ID        string `json:"id"`
	SHA256    string `json:"sha256"`
	Lang      string `json:"lang"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Events    int    `json:"events"`
}

// ActorInfo is an actor as the store knows it across documents.
type ActorInfo struct {
	doc.Actor
	Documents int `json:"documents"` // documents that name it
	Events    int `json:"events"`    // events where it acts or is acted on
}

// Order is the sort order of an event query.
type Order int

const (
	// DateAsc sorts by event date, then event id (the export order).
	DateAsc Order = iota
	// DateDesc sorts by event date, newest first, then event id.
	DateDesc
)

// EventQuery filters events. Empty fields do not filter. Several fields are combined with AND.
type EventQuery struct {
	Actor   string // actor id, as actor or recipient
	Country string // country code of an actor or a recipient (who), not of the place (where)
	// PlaceCountry is the ISO3 code of the country where the event happened (its
	// Location), whoever its actors are; Admin1 the name of its first-level region as the
	// gazetteer writes it ("Gao", "Tillabéri"), matched exactly.
	PlaceCountry string
	Admin1       string
	GeonameID    int       // the GeoNames id of the event's place (a town or site)
	Dyad         [2]string // two actor ids (or country codes), in either direction
	Type         string    // PLOVER type
	Quad         int       // 1..4, 0 for any
	Factuality   []string  // any of these
	From, To     string    // date range on the event date, YYYY-MM-DD inclusive
	Text         string    // full-text over the event evidence (accents and case ignored)
	Source       string    // document source / outlet
	Lang         string
	DocSHA256    string
	Order        Order
	Limit        int // default 100, at most 10,000
	Offset       int
}

// MaxLimit bounds one page of events.
const MaxLimit = 10000

// PageLimit returns the effective page size of q.
func (q EventQuery) PageLimit() int {
	switch {
	case q.Limit <= 0:
		return 100
	case q.Limit > MaxLimit:
		return MaxLimit
	}
	return q.Limit
}

// PlaceCount is how many events happened at one place (Location without its Text and
// Admin2: the place as the store groups it).
type PlaceCount struct {
	doc.Location
	Events   int `json:"events"`
	Mentions int `json:"mentions"` // times the events are told, over their reports
}

// DyadDay is the roll-up of the events of one ordered actor pair on one day with one
// factuality: counts per PLOVER quad class (1 verbal cooperation, 2 material cooperation,
// 3 verbal conflict, 4 material conflict) and the sum of Goldstein scores. Day is the first
// day of the event date's period; Precision says whether that period is a day, a month or a
// year.
type DyadDay struct {
	Actor      string  `json:"actor"`
	Recipient  string  `json:"recipient"`
	Day        string  `json:"day"`
	Precision  string  `json:"precision"`
	Factuality string  `json:"factuality"`
	Events     int     `json:"events"`
	Quad       [5]int  `json:"quad"` // Quad[1..4]; Quad[0] counts events without a quad class
	Goldstein  float64 `json:"goldstein"`
}

// DyadQuery filters the roll-up. A and B are actor ids; with Both set, rows in either
// direction are returned, otherwise only A→B. Empty fields do not filter.
type DyadQuery struct {
	A, B       string
	Both       bool
	From, To   string // days, YYYY-MM-DD inclusive
	Factuality []string
}

// Cluster is one real event told by one or more reports (events of stored documents with
// the same type, actors and recipients, compatible dates and places). ID is the smallest
// event id among its members, so it does not depend on the order reports arrived in.
type Cluster struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	DateLo  string `json:"date_lo"` // the range of its most precise report; "" when undated
	DateHi  string `json:"date_hi"`
	Country string `json:"country,omitempty"` // where, when a report says
	// Location is the place of the most precise report (precision 1 town … 4 country);
	// among equally precise ones, the place most reports name, then the one of the report
	// with the smallest event id. Its Text is empty (each report words it its own way).
	// nil when no report places the event.
	Location    *doc.Location   `json:"location,omitempty"`
	NumMentions int             `json:"num_mentions"` // times told, over all reports
	NumArticles int             `json:"num_articles"` // distinct articles, near duplicates counted once
	NumSources  int             `json:"num_sources"`  // distinct outlets
	Members     []ClusterMember `json:"members"`
}

// ClusterMember is one report of a cluster's event.
type ClusterMember struct {
	EventID   string `json:"event_id"`
	DocID     string `json:"doc_id"`
	DocSHA256 string `json:"doc_sha256"`
	Canonical string `json:"canonical"` // SHA-256 of the earliest near duplicate of the document (itself if none)
	Source    string `json:"source"`
	Lang      string `json:"lang"`
	Mentions  int    `json:"mentions"`
}

// Stats counts what a store holds.
type Stats struct {
	Documents int64 `json:"documents"`
	Events    int64 `json:"events"`
	Actors    int64 `json:"actors"` // distinct actor ids
	Mentions  int64 `json:"mentions"`
	Timexes   int64 `json:"timexes"`
	Quotes    int64 `json:"quotes"`
	Posts     int64 `json:"posts"`
	DyadDays  int64 `json:"dyad_days"`
	Clusters  int64 `json:"clusters"`
	// NearDuplicates counts documents that are near duplicates of an earlier one.
	NearDuplicates int64 `json:"near_duplicates"`
}

// Opener opens a store from a URL of its scheme.
type Opener func(ctx context.Context, url string) (Store, error)

var (
	mu      sync.RWMutex
	openers = map[string]Opener{}
)

// Register makes a back end available to Open under a URL scheme ("sqlite", "postgres").
// It is meant to be called from a back end's init and panics on a duplicate scheme.
func Register(scheme string, o Opener) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := openers[scheme]; dup {
		panic("store: Register called twice for scheme " + scheme)
	}
	openers[scheme] = o
}

// Schemes lists the registered URL schemes.
func Schemes() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(openers))
	for s := range openers {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Open opens (and migrates) the store a URL names: sqlite://PATH or postgres://….
func Open(ctx context.Context, url string) (Store, error) {
	scheme, _, ok := strings.Cut(url, "://")
	if !ok {
		return nil, fmt.Errorf("store URL %q: want SCHEME://… (sqlite://PATH or postgres://HOST/DB)", url)
	}
	if scheme == "postgresql" {
		scheme = "postgres"
	}
	mu.RLock()
	o := openers[scheme]
	mu.RUnlock()
	if o == nil {
		return nil, fmt.Errorf("store URL %q: unknown scheme %q (known: %s)", url, scheme, strings.Join(Schemes(), ", "))
	}
	s, err := o(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", redact(url), err)
	}
	return s, nil
}

// redact hides a password in a URL for error messages.
func redact(url string) string {
	scheme, rest, _ := strings.Cut(url, "://")
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return url
	}
	user, _, hasPass := strings.Cut(rest[:at], ":")
	if !hasPass {
		return url
	}
	return scheme + "://" + user + ":xxxxx" + rest[at:]
}

// DateRange turns an event date value (TIMEX3: 2022-08-10, 2022-08, 2022, 2022-W41,
// 2022-SU, 2022-08-10T16:15 …) into the first and last day it can mean and a precision
// (day, month, year). ok is false when the value holds no usable date.
func DateRange(value string) (lo, hi, precision string, ok bool) {
	v := value
	if i := strings.IndexByte(v, 'T'); i == 10 {
		v = v[:10]
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		s := t.Format(time.DateOnly)
		return s, s, "day", true
	}
	if len(v) == 7 {
		if t, err := time.Parse("2006-01", v); err == nil {
			return t.Format(time.DateOnly), t.AddDate(0, 1, -1).Format(time.DateOnly), "month", true
		}
	}
	if len(v) >= 4 {
		if t, err := time.Parse("2006", v[:4]); err == nil {
			rest := v[4:]
			if rest == "" {
				return t.Format(time.DateOnly), t.AddDate(1, 0, -1).Format(time.DateOnly), "year", true
			}
			if len(rest) >= 2 && rest[0] == '-' && rest[1] == 'W' {
				var w int
				if _, err := fmt.Sscanf(rest[2:min(len(rest), 4)], "%d", &w); err == nil && w >= 1 && w <= 53 {
					// ISO week: the week with the year's first Thursday is week 1.
					jan4 := time.Date(t.Year(), 1, 4, 0, 0, 0, 0, time.UTC)
					monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
					return monday.Format(time.DateOnly), monday.AddDate(0, 0, 6).Format(time.DateOnly), "week", true
				}
			}
			if len(rest) >= 3 && rest[0] == '-' {
				y := t.Year()
				d := func(m, dd int) string {
					return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
				}
				switch rest[1:3] {
				case "SP":
					return d(3, 1), d(5, 31), "season", true
				case "SU":
					return d(6, 1), d(8, 31), "season", true
				case "FA", "AU":
					return d(9, 1), d(11, 30), "season", true
				case "WI":
					return d(12, 1), time.Date(y+1, 3, 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), "season", true
				case "Q1", "Q2", "Q3", "Q4":
					q := int(rest[2] - '0')
					return d(3*q-2, 1), time.Date(y, time.Month(3*q+1), 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), "quarter", true
				case "H1":
					return d(1, 1), d(6, 30), "half", true
				case "H2":
					return d(7, 1), d(12, 31), "half", true
				}
			}
			return t.Format(time.DateOnly), t.AddDate(1, 0, -1).Format(time.DateOnly), "year", true
		}
	}
	return "", "", "", false
}

// EventID is the store-wide id of event e of the document with that SHA-256.
func EventID(sha string, e *doc.Event, i int) string {
	id := e.ID
	if id == "" {
		id = fmt.Sprintf("e%d", i+1)
	}
	if len(sha) > 16 {
		sha = sha[:16]
	}
	return sha + "-" + id
}
