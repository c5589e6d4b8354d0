package plover

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/griot-project/griot/doc"
)

// Codebook names the coding scheme griot's records follow, for cite_info.codebook.
const Codebook = "plover-0.8+griot"

// Record is one event as a PLOVER JSON record (manual 0.8, chapter "Data Fields"), with
// griot's additions after the PLOVER fields. Field names are PLOVER's where PLOVER has one;
// "source" is the actor of the event (griot's Event.Actor).
type Record struct {
	ID        string    `json:"id"`
	Date      string    `json:"date"` // YYYY-MM-DD; the first day when only the month or year is known
	Source    []Actor   `json:"source"`
	Recipient []Actor   `json:"recipient"`
	Event     []string  `json:"event"`
	Mode      []string  `json:"mode"`
	Context   []string  `json:"context"`
	EventLoc  *Location `json:"event_loc,omitempty"`
	EventText []string  `json:"event_text"`
	QuadCode  int       `json:"quad_code"`
	// EventScale is PLOVER's conflict-cooperation score of the event type.
	EventScale float64  `json:"event_scale"`
	TextInfo   TextInfo `json:"text_info"`
	CiteInfo   CiteInfo `json:"cite_info"`
	Coder      string   `json:"coder"`

	// griot additions.
	DatePrecision string        `json:"date_precision"` // day month year unknown
	DateFrom      string        `json:"date_from"`      // as in the reading: timex, publication…
	CAMEO         string        `json:"cameo"`
	Goldstein     float64       `json:"goldstein"`
	Factuality    string        `json:"factuality"`
	Attribution   []Attribution `json:"attribution"`
	DocID         string        `json:"doc_id"`
	EventID       string        `json:"event_id"`
}

// Actor is PLOVER's actor object.
type Actor struct {
	Code           string   `json:"code"`   // ISO 3166-1 alpha-3 country, or IGO NGO ISM IMG MNC; "" when unknown
	Sector         string   `json:"sector"` // primary PLOVER sector (GOV MIL REB …), "" when none
	ActorText      string   `json:"actor_text"`
	IdentifierID   string   `json:"identifier_id,omitempty"` // Wikidata Q-id
	IdentifierText string   `json:"identifier_text,omitempty"`
	Office         string   `json:"office,omitempty"`
	GriotID        string   `json:"griot_id"`          // the actor's id in griot's reading
	Sectors        []string `json:"sectors,omitempty"` // every sector griot knows, when more than one
}

// Location is PLOVER's location object (the geonames fields griot fills).
type Location struct {
	Name       string  `json:"name"`
	Text       string  `json:"text,omitempty"`
	GeonameID  int     `json:"geonameid,omitempty"`
	Latitude   float64 `json:"latitude,omitempty"`
	Longitude  float64 `json:"longitude,omitempty"`
	CC3        string  `json:"cc3,omitempty"`
	Admin1Code string  `json:"admin1 code,omitempty"`
	Admin2Code string  `json:"admin2 code,omitempty"`
}

// TextInfo is PLOVER's text object: where the event is told. Offsets are byte offsets into
// the UTF-8 text griot read (text[start:end] is the evidence).
type TextInfo struct {
	Sequence int    `json:"sequence"` // index of the sentence holding the evidence
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Trigger  Span   `json:"trigger"`
	Mentions []Span `json:"mentions,omitempty"` // every place the event is told, evidence first
}

// Span is a byte range of the text, with its words.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// CiteInfo is PLOVER's citation object for the document.
type CiteInfo struct {
	Citation    string `json:"citation"` // the document id
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Language    string `json:"language"`
	Publication string `json:"publication,omitempty"`
	Published   string `json:"published,omitempty"`
	SHA256      string `json:"sha256"`
	Coder       string `json:"coder"`
	Codebook    string `json:"codebook"`
}

// Attribution says according to whom the event is told: the source of the claim (not the
// actor of the event) and whom that source cites.
type Attribution struct {
	Source Actor  `json:"source"`
	Cue    string `json:"cue"`
	Via    *Actor `json:"via,omitempty"`
}

var (
	defaultOnce   sync.Once
	defaultTables *Tables
	defaultErr    error
)

// Default returns the embedded tables, loaded once.
func Default() (*Tables, error) {
	defaultOnce.Do(func() { defaultTables, defaultErr = Load() })
	return defaultTables, defaultErr
}

// Coder is written in cite_info.coder and coder.
const Coder = "griot"

// Records returns the document's events as PLOVER records, in the order of d.Events. CAMEO,
// Goldstein and QuadClass are taken from the event when the event stage set them, else
// derived from the tables.
func Records(d *doc.Document) []Record {
	t, _ := Default() // the embedded tables are checked by the tests; nil only if they are broken
	return RecordsWith(t, d)
}

// RecordsWith is Records with explicit tables (nil: only what the events carry).
func RecordsWith(t *Tables, d *doc.Document) []Record {
	if len(d.Events) == 0 {
		return nil
	}
	cite := CiteInfo{Citation: d.ID, URL: d.URL, Title: d.Title, Language: d.Lang, Publication: d.Source,
		SHA256: d.SHA256, Coder: Coder, Codebook: Codebook}
	if !d.Published.IsZero() {
		cite.Published = d.Published.Format("2006-01-02")
	}
	out := make([]Record, 0, len(d.Events))
	for i := range d.Events {
		e := &d.Events[i]
		typ, mode := e.Type, e.Mode
		if t != nil {
			typ, mode = t.Intent(e.Type, e.Mode, e.Factuality)
		}
		r := Record{
			ID:            recordID(d, e, i),
			Event:         []string{typ},
			Mode:          nonEmpty(mode),
			Context:       append([]string{}, e.Context...),
			CiteInfo:      cite,
			Coder:         Coder,
			CAMEO:         e.CAMEO,
			Goldstein:     e.Goldstein,
			QuadCode:      e.Quad,
			Factuality:    e.Factuality,
			DocID:         d.ID,
			EventID:       e.ID,
			DatePrecision: e.Date.Precision,
			DateFrom:      e.Date.From,
		}
		r.Date, r.DatePrecision = recordDate(d, e)
		if t != nil {
			if r.CAMEO == "" || r.QuadCode == 0 || typ != e.Type {
				r.CAMEO, r.Goldstein, r.QuadCode, _ = t.DeriveContext(typ, mode, e.Context)
			}
			r.EventScale, _ = t.Score(typ)
		}
		sent := d.SentenceAt(e.Evidence.Start)
		r.Source = actors(d, e.Actor, sent)
		r.Recipient = actors(d, e.Recipient, sent)
		r.EventText = []string{e.Evidence.Text}
		r.TextInfo = TextInfo{Sequence: sent, Start: e.Evidence.Start, End: e.Evidence.End}
		if e.Trigger.End > e.Trigger.Start && e.Trigger.End <= len(d.Text) {
			r.TextInfo.Trigger = Span{e.Trigger.Start, e.Trigger.End, d.Text[e.Trigger.Start:e.Trigger.End]}
		}
		for j, m := range e.Mentions {
			r.TextInfo.Mentions = append(r.TextInfo.Mentions, Span{m.Start, m.End, m.Text})
			if j > 0 && m.Text != "" && m.Text != e.Evidence.Text {
				r.EventText = append(r.EventText, m.Text)
			}
		}
		r.Attribution = []Attribution{}
		for _, a := range e.Attribution {
			at := Attribution{Source: actor(d, a.Source, sent), Cue: a.Cue}
			if a.Via != "" {
				v := actor(d, a.Via, sent)
				at.Via = &v
			}
			r.Attribution = append(r.Attribution, at)
		}
		if e.Location != nil {
			r.EventLoc = &Location{Name: e.Location.Name, Text: e.Location.Text, GeonameID: e.Location.GeonameID,
				Latitude: e.Location.Lat, Longitude: e.Location.Lon, CC3: e.Location.Country,
				Admin1Code: e.Location.Admin1, Admin2Code: e.Location.Admin2}
		}
		out = append(out, r)
	}
	return out
}

// WriteJSONL writes the document's events as PLOVER records, one JSON object a line.
func WriteJSONL(w io.Writer, d *doc.Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range Records(d) {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("writing PLOVER record %s: %w", r.ID, err)
		}
	}
	return nil
}

func recordID(d *doc.Document, e *doc.Event, i int) string {
	id := e.ID
	if id == "" {
		id = fmt.Sprintf("e%d", i+1)
	}
	if d.ID == "" || id == d.ID || strings.HasPrefix(id, d.ID+"-") {
		return id // already unique across documents
	}
	return d.ID + "-" + id
}

func nonEmpty(s string) []string {
	if s == "" {
		return []string{}
	}
	return []string{s}
}

// recordDate returns a YYYY-MM-DD date (PLOVER's required format) and its precision:
// the event's date, else the publication date, else "" with precision unknown.
func recordDate(d *doc.Document, e *doc.Event) (string, string) {
	v := e.Date.Value
	prec := e.Date.Precision
	switch {
	case len(v) >= 10 && isDate(v[:10]):
		if prec == "" {
			prec = "day"
		}
		return v[:10], prec
	case len(v) == 7 && isDate(v+"-01"):
		return v + "-01", "month"
	case len(v) == 4 && isDate(v+"-01-01"):
		return v + "-01-01", "year"
	}
	if !d.Published.IsZero() {
		return d.Published.Format("2006-01-02"), "unknown"
	}
	return "", "unknown"
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:10] >= "01" && s[8:10] <= "31"
}

var nonState = map[string]bool{"IGO": true, "NGO": true, "ISM": true, "IMG": true, "MNC": true}

// Code returns the PLOVER actor code and primary sector of a griot actor: the country when
// known; else a non-state code (IGO NGO ISM IMG MNC) found among its sectors, the sector then
// being the next one. Country actors without a sector are their government (GOV).
func Code(a *doc.Actor) (code, sector string) {
	code = strings.ToUpper(a.Country)
	var rest []string
	for _, s := range a.Sector {
		s = strings.ToUpper(strings.TrimSpace(s))
		if s == "" {
			continue
		}
		if nonState[s] {
			if code == "" {
				code = s
			}
			continue
		}
		rest = append(rest, s)
	}
	if len(rest) > 0 {
		sector = rest[0]
	} else if a.Kind == "country" {
		sector = "GOV"
	}
	return code, sector
}

func actors(d *doc.Document, ids []string, sent int) []Actor {
	out := make([]Actor, 0, len(ids))
	for _, id := range ids {
		out = append(out, actor(d, id, sent))
	}
	return out
}

// actor makes PLOVER's actor object; actor_text is the actor's mention in the event's
// sentence when there is one, else its name.
func actor(d *doc.Document, id string, sent int) Actor {
	a := d.ActorByID(id)
	if a == nil {
		return Actor{GriotID: id, ActorText: id}
	}
	code, sector := Code(a)
	out := Actor{Code: code, Sector: sector, ActorText: a.Name, IdentifierID: a.Wikidata,
		IdentifierText: a.Name, Office: a.Role, GriotID: a.ID}
	if len(a.Sector) > 1 {
		out.Sectors = append([]string(nil), a.Sector...)
	}
	if sent >= 0 && sent < len(d.Sentences) {
		s := d.Sentences[sent]
		for _, m := range d.Mentions {
			if m.Actor == id && m.Start >= s.Start && m.End <= s.End {
				out.ActorText = m.Text
				break
			}
		}
	}
	return out
}
