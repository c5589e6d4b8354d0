package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/griot-project/griot/store"
)

// PlacesView is where the events that match a query happened (GET /api/places), grouped
// by place and by how precisely the text places them (docs/PLACES.md).
type PlacesView struct {
	// Points are towns and sites (precision 1) and places near a town (precision 2): the
	// only places drawn as points of their own.
	Points []PlaceView `json:"points"`
	// Regions are first-level regions and parts of a country (precision 3), at the mean
	// point of the region's gazetteer places when there is one.
	Regions []PlaceView `json:"regions"`
	// Countries are events placed in a country and nowhere more precise (precision 4):
	// never a point.
	Countries []PlaceView `json:"countries"`
	// Events counts the placed events; Truncated is set when there were more places than
	// the limit (the least frequent are left out).
	Events    int  `json:"events"`
	Truncated bool `json:"truncated"`
}

// PlaceView is a place with its event count and the link to its events: the events at
// that town (geonameid), in that region (place_country and admin1), or every event
// placed in that country (place_country), with the query's other filters.
type PlaceView struct {
	store.PlaceCount
	EventsURL string `json:"events_url"`
}

// DefaultPlaceLimit is the number of places GET /api/places returns without a limit.
const DefaultPlaceLimit = 2000

// Places counts the events matching q per place.
func Places(ctx context.Context, st store.Store, q store.EventQuery) (*PlacesView, error) {
	ps, err := st.Places(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	v := &PlacesView{Points: []PlaceView{}, Regions: []PlaceView{}, Countries: []PlaceView{}, Truncated: len(ps) == q.PageLimit()}
	for _, p := range ps {
		link := q
		link.Limit, link.Offset, link.Order = 0, 0, store.DateAsc
		pv := PlaceView{PlaceCount: p}
		v.Events += p.Events
		switch {
		case p.Precision <= 2 && p.GeonameID != 0:
			link.GeonameID = p.GeonameID
			v.Points = append(v.Points, withLink(pv, link))
		case p.Precision <= 3:
			link.PlaceCountry = p.Country
			link.Admin1 = p.Admin1
			if p.Precision == 3 {
				v.Regions = append(v.Regions, withLink(pv, link))
			} else {
				v.Points = append(v.Points, withLink(pv, link)) // a place too small for the gazetteer: no point
			}
		default:
			link.PlaceCountry = p.Country
			v.Countries = append(v.Countries, withLink(pv, link))
		}
	}
	return v, nil
}

func withLink(p PlaceView, q store.EventQuery) PlaceView {
	p.EventsURL = "/api/events?" + EventValues(q).Encode()
	return p
}

// ParsePlacesQuery reads the parameters of GET /api/places: the filters of GET /api/events
// (offset and sort aside), limit bounding the number of places (default 2,000).
func ParsePlacesQuery(v url.Values) (store.EventQuery, error) {
	if v.Get("offset") != "" || v.Get("sort") != "" {
		return store.EventQuery{}, fmt.Errorf("places are counted, not paged: offset and sort do not apply")
	}
	q, err := ParseEventQuery(v)
	if err != nil {
		return q, err
	}
	if v.Get("limit") == "" {
		q.Limit = DefaultPlaceLimit
	}
	return q, nil
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	q, err := ParsePlacesQuery(r.URL.Query())
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	v, err := Places(r.Context(), s.st, q)
	if err != nil {
		return err
	}
	return writeJSON(w, v)
}
