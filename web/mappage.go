package web

import (
	"cmp"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/griot-project/griot/api"
)

// mapWidth is the width of the map's SVG coordinate system (it scales to the screen).
const mapWidth = 960.0

type mapData struct {
	Q       url.Values
	Types   []string
	Err     string
	Places  *api.PlacesView
	W, H    float64
	Shapes  []mapShape
	Points  []mapPoint // precision 1–2, biggest first
	Regions []mapPoint // precision 3 with a point
	// Unplaced are places without a point: villages the gazetteer lacks, parts of a country.
	Unplaced  []api.PlaceView
	World     bool
	ViewLink  string // the other view (world / the events' extent)
	EventsURL string
	APIURL    string
	MaxShade  int
}

type mapShape struct {
	Path, Class, Name, ISO3, Link string
	Events                        int
}

type mapPoint struct {
	X, Y, R              float64
	Class, Title, Link   string
	Country, Name, Label string
}

// webLink turns an API events link into the events page's.
func webLink(apiURL string) string { return strings.TrimPrefix(apiURL, "/api") }

func (u *UI) mapPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	for k, xs := range v {
		if len(xs) == 0 || xs[0] == "" {
			delete(v, k)
		}
	}
	data := mapData{Q: v, Types: u.types, World: v.Get("view") == "world"}
	qv := url.Values{}
	for k, x := range v {
		if k != "view" {
			qv[k] = x
		}
	}
	q, err := api.ParsePlacesQuery(qv)
	if err != nil {
		data.Err = err.Error()
		w.WriteHeader(http.StatusBadRequest)
		u.render(w, r, "map", "Map", data)
		return
	}
	wd, err := u.worldMap()
	if err != nil {
		u.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	pv, err := api.Places(r.Context(), u.st, q)
	if err != nil {
		u.fail(w, r, 0, err)
		return
	}
	data.Places = pv
	data.APIURL = "/api/places?" + qv.Encode()
	data.EventsURL = "/events?" + qv.Encode()
	other := url.Values{}
	for k, x := range qv {
		other[k] = x
	}
	if !data.World {
		other.Set("view", "world")
	}
	data.ViewLink = "/map?" + other.Encode()

	// Country-level events shade their country; so do parts of a country ("northern
	// Mali"), which have no point either.
	shade := map[string]int{}
	links := map[string]string{}
	for _, c := range pv.Countries {
		shade[c.Country] += c.Events
		links[c.Country] = webLink(c.EventsURL)
	}
	var boxes [][4]float64
	for _, p := range pv.Regions {
		if p.Lat == 0 && p.Lon == 0 {
			shade[p.Country] += p.Events
			data.Unplaced = append(data.Unplaced, p)
			continue
		}
		boxes = append(boxes, [4]float64{p.Lon, p.Lat, p.Lon, p.Lat})
	}
	for _, p := range pv.Points {
		if p.Lat == 0 && p.Lon == 0 {
			data.Unplaced = append(data.Unplaced, p)
			continue
		}
		boxes = append(boxes, [4]float64{p.Lon, p.Lat, p.Lon, p.Lat})
	}
	for iso := range shade {
		if i, ok := wd.byISO[iso]; ok {
			b := wd.shapes[i].Box
			// A country stretching over half the world (Russia, the United States with
			// its islands) would zoom the map out to the world: its middle will do.
			if b[2]-b[0] > 60 {
				cx, cy := (b[0]+b[2])/2, (b[1]+b[3])/2
				b = [4]float64{cx, cy, cx, cy}
			}
			boxes = append(boxes, b)
		}
	}
	view := worldView
	if !data.World {
		view = viewOf(boxes)
	}
	p := newProjection(view, mapWidth)
	data.W, data.H = p.W, p.H
	for _, n := range shade {
		data.MaxShade = max(data.MaxShade, n)
	}
	for i := range wd.shapes {
		s := &wd.shapes[i]
		if !p.sees(s.Box) {
			continue
		}
		ms := mapShape{Path: p.path(s), Class: "land", Name: s.Name, ISO3: s.ISO3}
		if n := shade[s.ISO3]; n > 0 && s.ISO3 != "" {
			ms.Events = n
			ms.Class = fmt.Sprintf("land sh%d", min(4, 1+4*(n-1)/max(1, data.MaxShade)))
			ms.Link = links[s.ISO3]
			if ms.Link == "" {
				ms.Link = webLink("/api/events?" + url.Values{"place_country": {s.ISO3}}.Encode())
			}
		}
		data.Shapes = append(data.Shapes, ms)
	}
	radius := func(mentions int) float64 { return math.Min(22, 3+2.2*math.Sqrt(float64(mentions))) }
	for _, x := range pv.Points {
		if x.Lat == 0 && x.Lon == 0 {
			continue
		}
		px, py := p.xy(x.Lon, x.Lat)
		class, how := "pt p1", "at"
		if x.Precision == 2 {
			class, how = "pt p2", "near"
		}
		data.Points = append(data.Points, mapPoint{X: round1(px), Y: round1(py), R: radius(x.Mentions), Class: class, Link: webLink(x.EventsURL), Country: x.Country, Name: x.Name,
			Title: fmt.Sprintf("%d events %s %s (%s, %s), told %d times", x.Events, how, x.Name, x.Admin1, x.Country, x.Mentions)})
	}
	for _, x := range pv.Regions {
		if x.Lat == 0 && x.Lon == 0 {
			continue
		}
		px, py := p.xy(x.Lon, x.Lat)
		data.Regions = append(data.Regions, mapPoint{X: round1(px), Y: round1(py), R: radius(x.Mentions) + 4, Class: "reg", Link: webLink(x.EventsURL), Country: x.Country, Name: x.Name,
			Title: fmt.Sprintf("%d events in the region %s (%s), told %d times: somewhere in the region, not at this point", x.Events, x.Name, x.Country, x.Mentions)})
	}
	// Big circles first, so that small ones stay on top and can be picked.
	slices.SortStableFunc(data.Points, func(a, b mapPoint) int { return cmp.Compare(b.R, a.R) })
	slices.SortStableFunc(data.Regions, func(a, b mapPoint) int { return cmp.Compare(b.R, a.R) })
	u.render(w, r, "map", "Map", data)
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// worldMap decodes the world's shapes the first time a map is drawn.
func (u *UI) worldMap() (*world, error) {
	u.worldOnce.Do(func() { u.world, u.worldErr = loadWorld() })
	return u.world, u.worldErr
}
