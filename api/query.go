package api

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/griot-project/griot/store"
)

// factualities are the values an event's factuality can take.
var factualities = map[string]bool{
	"asserted": true, "negated": true, "hedged": true, "future": true,
	"hypothetical": true, "historical": true, "question": true,
}

// EventParams lists the query parameters of GET /api/events (and of griot events).
var EventParams = []string{"actor", "country", "place_country", "admin1", "geonameid", "dyad", "type", "quad", "factuality", "from", "to", "source", "lang", "q", "doc", "limit", "offset", "sort"}

// ParseEventQuery reads the filters of GET /api/events: actor, country (of an actor),
// place_country (ISO3 of where the event happened), admin1 (its region) and geonameid (its
// town or site), dyad=A,B, type,
// quad (1-4), factuality (comma-separated), from, to (YYYY-MM-DD, or YYYY-MM / YYYY for the
// first or last day of the period), source, lang, q (full text), doc (document SHA-256),
// limit, offset, sort (date or -date). Unknown parameters are an error, so that a typo does
// not silently return everything.
func ParseEventQuery(v url.Values) (store.EventQuery, error) {
	var q store.EventQuery
	known := map[string]bool{}
	for _, k := range EventParams {
		known[k] = true
	}
	for k := range v {
		if !known[k] {
			return q, fmt.Errorf("unknown parameter %q (known: %s)", k, strings.Join(EventParams, ", "))
		}
	}
	q.Actor = strings.TrimSpace(v.Get("actor"))
	q.Country = strings.ToUpper(strings.TrimSpace(v.Get("country")))
	var err error
	if q.PlaceCountry, q.Admin1, err = parsePlace(v); err != nil {
		return q, err
	}
	if q.GeonameID, err = intParam(v, "geonameid", 0, 1, 1<<31-1); err != nil {
		return q, err
	}
	if d := v.Get("dyad"); d != "" {
		a, b, ok := strings.Cut(d, ",")
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !ok || a == "" || b == "" || strings.Contains(b, ",") {
			return q, fmt.Errorf("dyad=%q: want two actor ids or country codes, dyad=A,B", d)
		}
		q.Dyad = [2]string{a, b}
	}
	q.Type = strings.ToUpper(strings.TrimSpace(v.Get("type")))
	if s := v.Get("quad"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			return q, fmt.Errorf("quad=%q: want 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)", s)
		}
		q.Quad = n
	}
	if s := v.Get("factuality"); s != "" {
		for _, f := range strings.Split(s, ",") {
			f = strings.ToLower(strings.TrimSpace(f))
			if !factualities[f] {
				return q, fmt.Errorf("factuality=%q: unknown value %q (want asserted, negated, hedged, future, hypothetical, historical or question)", s, f)
			}
			q.Factuality = append(q.Factuality, f)
		}
	}
	if q.From, err = parseDay(v.Get("from"), false); err != nil {
		return q, fmt.Errorf("from: %w", err)
	}
	if q.To, err = parseDay(v.Get("to"), true); err != nil {
		return q, fmt.Errorf("to: %w", err)
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return q, fmt.Errorf("from %s is after to %s", q.From, q.To)
	}
	q.Source = strings.TrimSpace(v.Get("source"))
	if l := v.Get("lang"); l != "" {
		if l != "fr" && l != "en" {
			return q, fmt.Errorf("lang=%q: want fr or en", l)
		}
		q.Lang = l
	}
	q.Text = strings.TrimSpace(v.Get("q"))
	if len(q.Text) > 500 {
		return q, fmt.Errorf("q is %d bytes long: at most 500", len(q.Text))
	}
	q.DocSHA256 = strings.ToLower(strings.TrimSpace(v.Get("doc")))
	if q.Limit, err = intParam(v, "limit", 50, 1, store.MaxLimit); err != nil {
		return q, err
	}
	if q.Offset, err = intParam(v, "offset", 0, 0, 1_000_000); err != nil {
		return q, err
	}
	switch v.Get("sort") {
	case "", "date":
		q.Order = store.DateAsc
	case "-date":
		q.Order = store.DateDesc
	default:
		return q, fmt.Errorf("sort=%q: want date or -date", v.Get("sort"))
	}
	return q, nil
}

// EventValues is the inverse of ParseEventQuery: the query string that asks for q.
func EventValues(q store.EventQuery) url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("actor", q.Actor)
	set("country", q.Country)
	set("place_country", q.PlaceCountry)
	set("admin1", q.Admin1)
	if q.GeonameID != 0 {
		v.Set("geonameid", strconv.Itoa(q.GeonameID))
	}
	if q.Dyad[0] != "" {
		v.Set("dyad", q.Dyad[0]+","+q.Dyad[1])
	}
	set("type", q.Type)
	if q.Quad != 0 {
		v.Set("quad", strconv.Itoa(q.Quad))
	}
	set("factuality", strings.Join(q.Factuality, ","))
	set("from", q.From)
	set("to", q.To)
	set("source", q.Source)
	set("lang", q.Lang)
	set("q", q.Text)
	set("doc", q.DocSHA256)
	if q.Limit != 0 {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	if q.Offset != 0 {
		v.Set("offset", strconv.Itoa(q.Offset))
	}
	if q.Order == store.DateDesc {
		v.Set("sort", "-date")
	}
	return v
}

// parsePlace reads place_country (an ISO 3166-1 alpha-3 code, any case) and admin1 (a
// region name as the gazetteer writes it, matched exactly).
func parsePlace(v url.Values) (country, admin1 string, err error) {
	country = strings.ToUpper(strings.TrimSpace(v.Get("place_country")))
	if country != "" && !isISO3(country) {
		return "", "", fmt.Errorf("place_country=%q: want a three-letter ISO 3166-1 code (MLI, BFA, NER…)", v.Get("place_country"))
	}
	admin1 = strings.TrimSpace(v.Get("admin1"))
	if len(admin1) > 200 {
		return "", "", fmt.Errorf("admin1 is %d bytes long: at most 200", len(admin1))
	}
	return country, admin1, nil
}

func isISO3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// parseDay reads YYYY-MM-DD, YYYY-MM or YYYY; a month or year stands for its first day,
// or its last one when end is set.
func parseDay(s string, end bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []struct {
		f    string
		next func(time.Time) time.Time
	}{
		{time.DateOnly, func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if len(s) != len(layout.f) {
			continue
		}
		t, err := time.Parse(layout.f, s)
		if err != nil {
			continue
		}
		if end {
			t = layout.next(t)
		}
		return t.Format(time.DateOnly), nil
	}
	return "", fmt.Errorf("%q is not a date: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}
