package api

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/griot-project/griot/plover"
	"github.com/griot-project/griot/store"
)

// RelationQuery asks how two actors (ids or country codes) dealt with each other over time.
type RelationQuery struct {
	A, B     string
	Interval string // day, week, month, quarter or year
	From, To string // YYYY-MM-DD, inclusive, "" for open
	// IncludeHedged adds hedged events to the asserted ones.
	IncludeHedged bool
	// PlaceCountry and Admin1 keep the events that happened there (ISO3 code and region of
	// the event's place, whoever the actors are).
	PlaceCountry, Admin1 string
}

// relationParams are the parameters of GET /api/relations.
const relationParams = "a, b, interval, from, to, include_hedged, place_country, admin1"

// ParseRelationQuery reads a, b, interval, from, to, include_hedged, place_country and admin1.
func ParseRelationQuery(v url.Values) (RelationQuery, error) {
	q := RelationQuery{A: strings.TrimSpace(v.Get("a")), B: strings.TrimSpace(v.Get("b")), Interval: v.Get("interval")}
	for k := range v {
		switch k {
		case "a", "b", "interval", "from", "to", "include_hedged", "place_country", "admin1":
		default:
			return q, fmt.Errorf("unknown parameter %q (known: %s)", k, relationParams)
		}
	}
	if q.A == "" || q.B == "" {
		return q, fmt.Errorf("a and b are required: two actor ids or country codes, e.g. a=MLI&b=FRA")
	}
	if q.A == q.B {
		return q, fmt.Errorf("a and b are the same actor %q", q.A)
	}
	if q.Interval == "" {
		q.Interval = "month"
	}
	switch q.Interval {
	case "day", "week", "month", "quarter", "year":
	default:
		return q, fmt.Errorf("interval=%q: want day, week, month, quarter or year", q.Interval)
	}
	var err error
	if q.From, err = parseDay(v.Get("from"), false); err != nil {
		return q, fmt.Errorf("from: %w", err)
	}
	if q.To, err = parseDay(v.Get("to"), true); err != nil {
		return q, fmt.Errorf("to: %w", err)
	}
	if q.PlaceCountry, q.Admin1, err = parsePlace(v); err != nil {
		return q, err
	}
	switch v.Get("include_hedged") {
	case "", "0", "false":
	case "1", "true":
		q.IncludeHedged = true
	default:
		return q, fmt.Errorf("include_hedged=%q: want 1 or 0", v.Get("include_hedged"))
	}
	return q, nil
}

// Factualities are the event factualities the query counts.
func (q RelationQuery) Factualities() []string {
	if q.IncludeHedged {
		return []string{"asserted", "hedged"}
	}
	return []string{"asserted"}
}

// Point is one period of a relation.
type Point struct {
	Period string `json:"period"` // 2022-08, 2022-W32, 2022-Q3, 2022, 2022-08-10
	Start  string `json:"start"`  // first day
	End    string `json:"end"`    // last day
	Events int    `json:"events"`
	// Quad counts events per PLOVER quad class: verbal_cooperation, material_cooperation,
	// verbal_conflict, material_conflict.
	Quad          QuadCounts `json:"quad"`
	GoldsteinSum  float64    `json:"goldstein_sum"`
	GoldsteinMean float64    `json:"goldstein_mean"`
	// PLOVERScore is the mean of PLOVER's cooperation–conflict scores of the events' types
	// (−10 conflict … +10 cooperation); PLOVERScored counts the events with a score.
	PLOVERScore  float64 `json:"plover_score"`
	PLOVERScored int     `json:"plover_scored"`
	// AToB and BToA count the events whose direction the ids show (an actor known only
	// by a person's id, without its country code, leaves the direction open).
	AToB      int    `json:"a_to_b"`
	BToA      int    `json:"b_to_a"`
	EventsURL string `json:"events_url"`
}

// QuadCounts are event counts per quad class.
type QuadCounts struct {
	VerbalCooperation   int `json:"verbal_cooperation"`
	MaterialCooperation int `json:"material_cooperation"`
	VerbalConflict      int `json:"verbal_conflict"`
	MaterialConflict    int `json:"material_conflict"`
}

func (c *QuadCounts) add(q int) {
	switch q {
	case 1:
		c.VerbalCooperation++
	case 2:
		c.MaterialCooperation++
	case 3:
		c.VerbalConflict++
	case 4:
		c.MaterialConflict++
	}
}

// Relation is the answer to a RelationQuery.
type Relation struct {
	A          string   `json:"a"`
	B          string   `json:"b"`
	Interval   string   `json:"interval"`
	Factuality []string `json:"factuality"`
	// PlaceCountry and Admin1 echo the place filter ("" when none).
	PlaceCountry string  `json:"place_country,omitempty"`
	Admin1       string  `json:"admin1,omitempty"`
	Points       []Point `json:"points"`
	Total        Point   `json:"total"`
	// Coarse counts matching events whose date is less precise than the interval (a year
	// for monthly points): they are in Total but in no point. Undated counts events
	// without a date.
	Coarse  int `json:"coarse"`
	Undated int `json:"undated"`
}

// relationScan bounds the events read for one relation.
const relationScan = 200_000

// Relations computes the points of a relation from the events of the dyad, in either
// direction, with the query's factualities.
func Relations(ctx context.Context, st store.Store, q RelationQuery) (*Relation, error) {
	tables, _ := plover.Default()
	rel := &Relation{A: q.A, B: q.B, Interval: q.Interval, Factuality: q.Factualities(), PlaceCountry: q.PlaceCountry, Admin1: q.Admin1, Points: []Point{}}
	points := map[string]*Point{}
	eq := store.EventQuery{Dyad: [2]string{q.A, q.B}, Factuality: q.Factualities(), From: q.From, To: q.To, PlaceCountry: q.PlaceCountry, Admin1: q.Admin1, Order: store.DateAsc, Limit: store.MaxLimit}
	for read := 0; read < relationScan; {
		rows, err := st.Events(ctx, eq)
		if err != nil {
			return nil, fmt.Errorf("relations %s–%s: %w", q.A, q.B, err)
		}
		for _, r := range rows {
			var p *Point
			if r.DateLo == "" {
				rel.Undated++
			} else if period, start, end, ok := PeriodOf(r.DateLo, r.DateHi, q.Interval); !ok {
				rel.Coarse++
			} else {
				p = points[period]
				if p == nil {
					p = &Point{Period: period, Start: start, End: end}
					points[period] = p
				}
			}
			ab := matches(r.Actor, q.A) || matches(r.Recipient, q.B)
			ba := matches(r.Actor, q.B) || matches(r.Recipient, q.A)
			for _, x := range []*Point{p, &rel.Total} {
				if x == nil {
					continue
				}
				x.Events++
				x.Quad.add(r.Quad)
				x.GoldsteinSum += r.Goldstein
				if tables != nil {
					if s, ok := tables.Score(r.Type); ok {
						x.PLOVERScore += s
						x.PLOVERScored++
					}
				}
				switch {
				case ab && !ba:
					x.AToB++
				case ba && !ab:
					x.BToA++
				}
			}
		}
		read += len(rows)
		if len(rows) < eq.PageLimit() {
			break
		}
		eq.Offset += len(rows)
	}
	for _, p := range points {
		rel.Points = append(rel.Points, *p)
	}
	sort.Slice(rel.Points, func(i, j int) bool { return rel.Points[i].Start < rel.Points[j].Start })
	for i := range rel.Points {
		p := &rel.Points[i]
		finish(p)
		p.EventsURL = "/api/events?" + EventValues(store.EventQuery{Dyad: eq.Dyad, Factuality: eq.Factuality, From: p.Start, To: p.End, PlaceCountry: q.PlaceCountry, Admin1: q.Admin1, Limit: 100}).Encode()
	}
	finish(&rel.Total)
	rel.Total.Period, rel.Total.Start, rel.Total.End = "total", q.From, q.To
	rel.Total.EventsURL = "/api/events?" + EventValues(store.EventQuery{Dyad: eq.Dyad, Factuality: eq.Factuality, From: q.From, To: q.To, PlaceCountry: q.PlaceCountry, Admin1: q.Admin1, Limit: 100}).Encode()
	return rel, nil
}

func finish(p *Point) {
	if p.Events > 0 {
		p.GoldsteinMean = round2(p.GoldsteinSum / float64(p.Events))
	}
	if p.PLOVERScored > 0 {
		p.PLOVERScore = round2(p.PLOVERScore / float64(p.PLOVERScored))
	}
	p.GoldsteinSum = round2(p.GoldsteinSum)
}

func round2(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 2, 64), 64)
	return v
}

// matches reports whether one of the ids is x (ids and country codes: an actor id such as
// "assimi-goita" does not say its country, so a direction test on country codes falls back
// on the id's prefix "MLI-…").
func matches(ids []string, x string) bool {
	for _, id := range ids {
		if id == x || strings.HasPrefix(id, x+"-") {
			return true
		}
	}
	return false
}

// PeriodOf returns the period of the interval (day, week, month, quarter, year) holding a
// date range of YYYY-MM-DD days, or ok false when the range spans more than one period
// (the date is less precise than the interval).
func PeriodOf(lo, hi, interval string) (period, start, end string, ok bool) {
	a, err1 := time.Parse(time.DateOnly, lo)
	b, err2 := time.Parse(time.DateOnly, hi)
	if err1 != nil || err2 != nil {
		return "", "", "", false
	}
	var s, e time.Time
	switch interval {
	case "day":
		s, e = a, a
		period = a.Format(time.DateOnly)
	case "week":
		s = a.AddDate(0, 0, -((int(a.Weekday()) + 6) % 7))
		e = s.AddDate(0, 0, 6)
		y, w := a.ISOWeek()
		period = fmt.Sprintf("%d-W%02d", y, w)
	case "month":
		s = time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC)
		e = s.AddDate(0, 1, -1)
		period = s.Format("2006-01")
	case "quarter":
		qm := (int(a.Month())-1)/3*3 + 1
		s = time.Date(a.Year(), time.Month(qm), 1, 0, 0, 0, 0, time.UTC)
		e = s.AddDate(0, 3, -1)
		period = fmt.Sprintf("%d-Q%d", a.Year(), (qm-1)/3+1)
	case "year":
		s = time.Date(a.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		e = s.AddDate(1, 0, -1)
		period = s.Format("2006")
	default:
		return "", "", "", false
	}
	if b.After(e) {
		return "", "", "", false
	}
	return period, s.Format(time.DateOnly), e.Format(time.DateOnly), true
}
