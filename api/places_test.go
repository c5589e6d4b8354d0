package api_test

import (
	"bytes"
	"encoding/csv"
	"net/url"
	"strings"
	"testing"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/store"
)

// newPlacesServer adds to the Mali articles two short Sahel reports of the test data (in
// Gao, near Djibo, in Ouagadougou, in the Tillabéri region, in Niamey) whose events the
// places stage places.
func newPlacesServer(t *testing.T) *fixture {
	t.Helper()
	f := newServer(t, api.Options{})
	putArticles(t, f.st, "testdata", "sahel-fr", "sahel-en")
	return f
}

func TestPlaceFilters(t *testing.T) {
	f := newPlacesServer(t)
	all := f.events(t, "limit=10000")
	in := func(country, admin1 string) func(r store.EventRow) bool {
		return func(r store.EventRow) bool {
			return r.Location != nil && r.Location.Country == country && (admin1 == "" || r.Location.Admin1 == admin1)
		}
	}
	tests := []struct {
		query string
		ok    func(r store.EventRow) bool
	}{
		{"place_country=MLI", in("MLI", "")},
		{"place_country=bfa", in("BFA", "")},
		{"place_country=NER", in("NER", "")},
		{"admin1=Gao", in("MLI", "Gao")},
		{"place_country=NER&admin1=" + url.QueryEscape("Tillabéri Region"), in("NER", "Tillabéri Region")},
		{"place_country=BFA&type=ASSAULT", func(r store.EventRow) bool { return in("BFA", "")(r) && r.Type == "ASSAULT" }},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rows := f.events(t, tt.query)
			if len(rows) == 0 {
				t.Fatal("no event")
			}
			if len(rows) >= len(all) {
				t.Errorf("the filter kept all %d events", len(rows))
			}
			for _, r := range rows {
				if !tt.ok(r) {
					t.Errorf("row %s (%s, placed %+v) does not match", r.ID, r.Type, r.Location)
				}
			}
			// Every event placed there is returned.
			want := 0
			for _, r := range all {
				if tt.ok(r) {
					want++
				}
			}
			if len(rows) != want {
				t.Errorf("%d rows, want the %d events placed there", len(rows), want)
			}
		})
	}
	if rows := f.events(t, "place_country=FRA"); len(rows) != 0 {
		t.Errorf("place_country=FRA: %d events, want none (France acts, nothing happens in France)", len(rows))
	}
	// Who, not where: Burkina Faso's accusation of Mali made in Ouagadougou is a Malian
	// actor's event (country=MLI) but a Burkinabè place (place_country=BFA).
	accusation := func(rows []store.EventRow) bool {
		for _, r := range rows {
			if r.Type == "ACCUSE" && in("BFA", "")(r) {
				return true
			}
		}
		return false
	}
	if !accusation(f.events(t, "country=MLI")) || accusation(f.events(t, "place_country=MLI")) || !accusation(f.events(t, "place_country=BFA")) {
		t.Error("the accusation made in Ouagadougou: want it under country=MLI and place_country=BFA, not place_country=MLI")
	}
}

func TestPlaceRelationsAndExport(t *testing.T) {
	f := newPlacesServer(t)
	var rel api.Relation
	f.getJSON(t, "/api/relations?a=BFA&b=MLI&interval=year&place_country=BFA", &rel)
	if rel.Total.Events == 0 || rel.PlaceCountry != "BFA" {
		t.Fatalf("BFA–MLI in Burkina Faso: %+v", rel)
	}
	if !strings.Contains(rel.Total.EventsURL, "place_country=BFA") {
		t.Errorf("events_url %q loses the place filter", rel.Total.EventsURL)
	}
	var p api.EventPage
	f.getJSON(t, rel.Total.EventsURL, &p)
	if len(p.Events) != rel.Total.Events {
		t.Errorf("events_url gives %d events, the total counts %d", len(p.Events), rel.Total.Events)
	}
	var none api.Relation
	f.getJSON(t, "/api/relations?a=BFA&b=MLI&interval=year&place_country=NER", &none)
	if none.Total.Events != 0 {
		t.Errorf("BFA–MLI in Niger: %d events, want 0", none.Total.Events)
	}

	placed := f.events(t, "place_country=NER")
	code, b, _ := f.get(t, "/api/export?format=csv&place_country=NER")
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if code != 200 || err != nil {
		t.Fatalf("csv export in Niger: %d %v", code, err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	if len(recs)-1 != len(placed) || len(placed) == 0 {
		t.Errorf("csv export in Niger: %d rows, want the %d events placed there", len(recs)-1, len(placed))
	}
	for _, rec := range recs[1:] {
		if rec[col["country"]] != "NER" {
			t.Errorf("exported row %s placed in %q", rec[0], rec[col["country"]])
		}
	}
	code, b, _ = f.get(t, "/api/export?format=acled&admin1=Gao")
	recs, err = csv.NewReader(bytes.NewReader(b)).ReadAll()
	if code != 200 || err != nil || len(recs) < 2 {
		t.Fatalf("acled export in Gao: %d %v %d rows", code, err, len(recs))
	}
	for _, rec := range recs[1:] {
		if rec[11] != "Gao" || rec[9] != "MLI" || rec[16] != "1" {
			t.Errorf("acled row in Gao: admin1 %q iso3 %q geo_precision %q", rec[11], rec[9], rec[16])
		}
	}
}

func TestPlaceQueryRoundTrip(t *testing.T) {
	v := url.Values{"place_country": {"ner"}, "admin1": {" Tillabéri Region "}, "country": {"MLI"}}
	q, err := api.ParseEventQuery(v)
	if err != nil {
		t.Fatal(err)
	}
	if q.PlaceCountry != "NER" || q.Admin1 != "Tillabéri Region" || q.Country != "MLI" {
		t.Errorf("parsed %+v", q)
	}
	back, err := api.ParseEventQuery(api.EventValues(q))
	if err != nil || back.PlaceCountry != q.PlaceCountry || back.Admin1 != q.Admin1 {
		t.Errorf("EventValues does not round-trip: %+v, %v", back, err)
	}
}

func TestPlacesEndpoint(t *testing.T) {
	f := newPlacesServer(t)
	var v api.PlacesView
	f.getJSON(t, "/api/places", &v)
	placed := 0
	for _, r := range f.events(t, "limit=10000") {
		if r.Location != nil {
			placed++
		}
	}
	if v.Events != placed || placed == 0 {
		t.Errorf("places count %d events, %d events are placed", v.Events, placed)
	}
	var gao *api.PlaceView
	for i, p := range v.Points {
		if p.Precision > 2 {
			t.Errorf("point %s of precision %d", p.Name, p.Precision)
		}
		if p.Name == "Gao" {
			gao = &v.Points[i]
		}
	}
	if gao == nil || gao.GeonameID == 0 || gao.Lat < 15 || gao.Lat > 17 || gao.Events == 0 || gao.Mentions < gao.Events {
		t.Fatalf("Gao: %+v in %+v", gao, v.Points)
	}
	// Each place links to its events.
	var p api.EventPage
	f.getJSON(t, gao.EventsURL, &p)
	if len(p.Events) != gao.Events {
		t.Errorf("%s gives %d events, Gao counts %d", gao.EventsURL, len(p.Events), gao.Events)
	}
	for _, r := range v.Regions {
		if r.Precision != 3 {
			t.Errorf("region %s of precision %d", r.Name, r.Precision)
		}
	}
	for _, c := range v.Countries {
		if c.Precision != 4 || c.Lat != 0 || c.Lon != 0 || c.GeonameID != 0 {
			t.Errorf("country-level place with a point or a precision: %+v", c)
		}
	}
	if len(v.Countries) == 0 || len(v.Regions) == 0 {
		t.Errorf("want country-level and region-level places too: %+v", v)
	}
	var ner api.PlacesView
	f.getJSON(t, "/api/places?place_country=NER", &ner)
	for _, x := range append(append(ner.Points, ner.Regions...), ner.Countries...) {
		if x.Country != "NER" {
			t.Errorf("place_country=NER: %s in %s", x.Name, x.Country)
		}
	}
	if code, b, _ := f.get(t, "/api/places?offset=10"); code != 400 {
		t.Errorf("offset: %d %s", code, b)
	}
	if code, b, _ := f.get(t, "/api/places?geonameid=x"); code != 400 {
		t.Errorf("geonameid=x: %d %s", code, b)
	}
}
