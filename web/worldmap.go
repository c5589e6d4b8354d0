package web

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The world map: Natural Earth 1:50m countries from the npm package world-atlas@2.0.2
// (TopoJSON, ISO 3166-1 numeric ids), with iso-numeric.tsv to find a country by its ISO3
// code; built by web/data/build.js (docs/PLACES.md). Drawn server-side as SVG in an
// equirectangular projection, no tile server, nothing fetched.
//
//go:embed data/countries-50m.json data/iso-numeric.tsv
var mapFS embed.FS

// shape is a country's outline in degrees.
type shape struct {
	ISO3, Name string
	Rings      [][][2]float64 // lon, lat
	Box        [4]float64     // min lon, min lat, max lon, max lat
}

// world is every country's shape, decoded once.
type world struct {
	shapes []shape
	byISO  map[string]int
}

// loadWorld decodes the embedded TopoJSON: quantized, delta-encoded arcs; a ring is a
// list of arc indexes, ^i for arc i walked backwards.
func loadWorld() (*world, error) {
	raw, err := mapFS.ReadFile("data/countries-50m.json")
	if err != nil {
		return nil, fmt.Errorf("world map: %w", err)
	}
	var topo struct {
		Transform struct{ Scale, Translate [2]float64 }
		Arcs      [][][2]float64
		Objects   struct {
			Countries struct {
				Geometries []struct {
					Type       string
					ID         string
					Properties struct{ Name string }
					Arcs       json.RawMessage
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &topo); err != nil {
		return nil, fmt.Errorf("world map: %w", err)
	}
	iso, err := isoNumeric()
	if err != nil {
		return nil, err
	}
	sc, tr := topo.Transform.Scale, topo.Transform.Translate
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, a := range topo.Arcs {
		var x, y float64
		pts := make([][2]float64, len(a))
		for j, p := range a {
			x += p[0]
			y += p[1]
			pts[j] = [2]float64{x*sc[0] + tr[0], y*sc[1] + tr[1]}
		}
		arcs[i] = pts
	}
	ring := func(idx []int) ([][2]float64, error) {
		var out [][2]float64
		for _, k := range idx {
			rev := k < 0
			if rev {
				k = ^k
			}
			if k >= len(arcs) {
				return nil, fmt.Errorf("arc %d of %d", k, len(arcs))
			}
			a := arcs[k]
			for j := range a {
				p := a[j]
				if rev {
					p = a[len(a)-1-j]
				}
				if j == 0 && len(out) > 0 {
					continue // the first point of an arc is the last of the one before
				}
				out = append(out, p)
			}
		}
		return out, nil
	}
	w := &world{byISO: map[string]int{}}
	for _, g := range topo.Objects.Countries.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("world map: %s: %w", g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("world map: %s: %w", g.Properties.Name, err)
			}
		default:
			continue
		}
		s := shape{ISO3: iso[g.ID], Name: g.Properties.Name, Box: [4]float64{180, 90, -180, -90}}
		for _, p := range polys {
			for _, r := range p {
				pts, err := ring(r)
				if err != nil {
					return nil, fmt.Errorf("world map: %s: %w", g.Properties.Name, err)
				}
				for _, q := range pts {
					s.Box = [4]float64{math.Min(s.Box[0], q[0]), math.Min(s.Box[1], q[1]), math.Max(s.Box[2], q[0]), math.Max(s.Box[3], q[1])}
				}
				s.Rings = append(s.Rings, pts)
			}
		}
		if s.ISO3 != "" {
			w.byISO[s.ISO3] = len(w.shapes)
		}
		w.shapes = append(w.shapes, s)
	}
	if len(w.shapes) < 200 {
		return nil, fmt.Errorf("world map: %d countries, want about 240", len(w.shapes))
	}
	return w, nil
}

func isoNumeric() (map[string]string, error) {
	b, err := mapFS.ReadFile("data/iso-numeric.tsv")
	if err != nil {
		return nil, fmt.Errorf("world map: %w", err)
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		num, iso3, ok := strings.Cut(line, "\t")
		if !ok || len(iso3) != 3 {
			return nil, fmt.Errorf("world map: iso-numeric.tsv: bad line %q", line)
		}
		out[num] = iso3
	}
	return out, sc.Err()
}

// projection is an equirectangular view of a box of the world, W pixels wide.
type projection struct {
	West, North, K float64 // degrees, pixels per degree
	W, H           float64
}

// worldView shows every inhabited land.
var worldView = [4]float64{-180, -58, 180, 84}

// viewOf is the box to show for points and country boxes: their extent, padded, at
// least 30° wide, 16:9; the whole world when there is nothing.
func viewOf(boxes [][4]float64) [4]float64 {
	if len(boxes) == 0 {
		return worldView
	}
	b := [4]float64{180, 90, -180, -90}
	for _, x := range boxes {
		b = [4]float64{math.Min(b[0], x[0]), math.Min(b[1], x[1]), math.Max(b[2], x[2]), math.Max(b[3], x[3])}
	}
	cx, cy := (b[0]+b[2])/2, (b[1]+b[3])/2
	w, h := (b[2]-b[0])*1.2+6, (b[3]-b[1])*1.2+6
	w = math.Max(w, 30)
	if w/h < 16.0/9 {
		w = h * 16 / 9
	} else {
		h = w * 9 / 16
	}
	if w >= 300 {
		return worldView
	}
	v := [4]float64{cx - w/2, cy - h/2, cx + w/2, cy + h/2}
	// Keep it on the map.
	if v[0] < -180 {
		v[0], v[2] = -180, -180+w
	}
	if v[2] > 180 {
		v[0], v[2] = 180-w, 180
	}
	if v[1] < -90 {
		v[1], v[3] = -90, -90+h
	}
	if v[3] > 90 {
		v[1], v[3] = 90-h, 90
	}
	return v
}

func newProjection(view [4]float64, width float64) projection {
	k := width / (view[2] - view[0])
	return projection{West: view[0], North: view[3], K: k, W: width, H: math.Round((view[3] - view[1]) * k)}
}

func (p projection) xy(lon, lat float64) (float64, float64) {
	return (lon - p.West) * p.K, (p.North - lat) * p.K
}

func (p projection) sees(box [4]float64) bool {
	x0, y0 := p.xy(box[0], box[3])
	x1, y1 := p.xy(box[2], box[1])
	return x1 >= 0 && x0 <= p.W && y1 >= 0 && y0 <= p.H
}

// path is the SVG path of a shape, points less than a pixel from the last one left
// out (the 1:50m outlines hold far more detail than a 1,000-pixel map shows).
func (p projection) path(s *shape) string {
	var b strings.Builder
	num := func(f float64) { b.WriteString(strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)) }
	for _, r := range s.Rings {
		if len(r) < 3 {
			continue
		}
		n := 0
		var lx, ly float64
		for i, q := range r {
			x, y := p.xy(q[0], q[1])
			if i > 0 && i < len(r)-1 && math.Abs(x-lx) < 1 && math.Abs(y-ly) < 1 {
				continue
			}
			if n == 0 {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			num(x)
			b.WriteByte(' ')
			num(y)
			lx, ly = x, y
			n++
		}
		b.WriteByte('Z')
	}
	return b.String()
}
