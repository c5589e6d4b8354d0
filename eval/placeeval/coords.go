package placeeval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/places"
)

// GoldPlace is what a Wikidata lookup says of one gold entity (bench/places/coords.js).
type GoldPlace struct {
	Kind     string // country, region or town
	Lat, Lon float64
	Point    bool   // false for a country (griot gives countries no point either)
	Country  string // ISO3
	Admin1   string // "" when unknown
	Name     string
}

// ParseCoords reads a Wikidata lookup: "qid kind lat lon country admin1 name", tab-separated,
// '#' comments; lat and lon empty for a place without a point.
func ParseCoords(r io.Reader) (map[string]GoldPlace, error) {
	out := map[string]GoldPlace{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 7 || !strings.HasPrefix(f[0], "Q") || len(f[4]) != 3 {
			return nil, fmt.Errorf("line %d: want qid, kind, lat, lon, ISO3 country, admin1, name", line)
		}
		p := GoldPlace{Kind: f[1], Country: f[4], Admin1: f[5], Name: f[6]}
		if f[2] != "" || f[3] != "" {
			lat, err1 := strconv.ParseFloat(f[2], 64)
			lon, err2 := strconv.ParseFloat(f[3], 64)
			if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
				return nil, fmt.Errorf("line %d: bad point %q %q", line, f[2], f[3])
			}
			p.Lat, p.Lon, p.Point = lat, lon, true
		}
		out[f[0]] = p
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// CoordScore is the score of one HIPE sub-corpus against a Wikidata lookup.
type CoordScore struct {
	Dataset  string
	Mentions int // gold LOC mentions
	WithQID  int // … linked to a Wikidata id
	Covered  int // … whose id the lookup knows
	Resolved int // … of those, resolved by griot

	// gold places with a point (towns, regions); Admin1Gold counts the resolved ones whose
	// gold admin1 is known
	PointGold, PointResolved, Within161, Admin1Gold, Admin1Right int
	// gold countries: griot names the same country; and at country precision
	CountryGold, CountryResolved, CountryRight, CountryExact int

	Errors []string // "Text (Qid): gold … griot …"
}

// ScoreCoords resolves every gold LOC name (with the document's countries as context, as
// ScoreHIPE does) and compares the answer with the gold entity's place: for a gold place
// with a point, the distance from griot's point (accuracy@161 km, over resolved mentions)
// and the admin1 name; for a gold country, griot's country. Scores are per sub-corpus, in
// the order first seen, then "all".
func ScoreCoords(gc *places.Geocoder, docs []HIPEDoc, coords map[string]GoldPlace) []CoordScore {
	by := map[string]*CoordScore{}
	var order []string
	get := func(name string) *CoordScore {
		if s, ok := by[name]; ok {
			return s
		}
		s := &CoordScore{Dataset: name}
		by[name] = s
		order = append(order, name)
		return s
	}
	all := &CoordScore{Dataset: "all"}
	for _, d := range docs {
		ds := d.Dataset
		if ds == "" {
			ds = "?"
		}
		s := get(ds)
		ctx := docContext(gc, d)
		for _, l := range d.Locs {
			gp, covered := coords[l.QID]
			var loc *doc.Location
			if covered {
				loc = gc.Resolve(l.Text, ctx)
			}
			for _, x := range []*CoordScore{s, all} {
				x.add(l, gp, covered, loc)
			}
		}
	}
	out := make([]CoordScore, 0, len(order)+1)
	for _, n := range order {
		out = append(out, *by[n])
	}
	return append(out, *all)
}

func (s *CoordScore) add(l GoldLoc, gp GoldPlace, covered bool, loc *doc.Location) {
	s.Mentions++
	if l.QID == "" {
		return
	}
	s.WithQID++
	if !covered {
		return
	}
	s.Covered++
	got := "nothing"
	if loc != nil {
		s.Resolved++
		got = fmt.Sprintf("%s %s/%s precision %d", loc.Name, loc.Country, loc.Admin1, loc.Precision)
	}
	if !gp.Point {
		s.CountryGold++
		if loc == nil {
			s.errorf(l, gp, got)
			return
		}
		s.CountryResolved++
		if loc.Country == gp.Country {
			s.CountryRight++
			if loc.Precision == places.PrecCountry {
				s.CountryExact++
				return
			}
		}
		s.errorf(l, gp, got)
		return
	}
	s.PointGold++
	if loc == nil {
		s.errorf(l, gp, got)
		return
	}
	s.PointResolved++
	if gp.Admin1 != "" {
		s.Admin1Gold++
		if loc.Country == gp.Country && sameName(loc.Admin1, gp.Admin1) {
			s.Admin1Right++
		}
	}
	if loc.Lat == 0 && loc.Lon == 0 {
		s.errorf(l, gp, got+", no point")
		return
	}
	d := places.KmBetween(loc.Lat, loc.Lon, gp.Lat, gp.Lon)
	if d <= 161 {
		s.Within161++
		return
	}
	s.errorf(l, gp, fmt.Sprintf("%s, %.0f km off", got, d))
}

func (s *CoordScore) errorf(l GoldLoc, gp GoldPlace, got string) {
	s.Errors = append(s.Errors, fmt.Sprintf("%s (%s %s): gold %s %s/%s — griot %s", l.Text, l.QID, l.Fine, gp.Name, gp.Country, gp.Admin1, got))
}

// sameName compares two admin1 names from different sources loosely: case, accents and a
// trailing "Region"/"Canton of" aside.
func sameName(a, b string) bool {
	norm := func(s string) string {
		k := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "'", " ", "’", " ").Replace(s)))
		var keep []string
		for _, w := range k {
			switch w {
			case "region", "province", "canton", "of", "de", "du", "state", "governorate", "oblast", "prefecture", "department":
				continue
			}
			keep = append(keep, w)
		}
		return strings.Join(keep, " ")
	}
	return norm(normalize.String(a)) == norm(normalize.String(b))
}

// WriteCoordScores prints the scores, one block per sub-corpus.
func WriteCoordScores(w io.Writer, scores []CoordScore, verbose bool) {
	for _, s := range scores {
		fmt.Fprintf(w, "%s: %d gold LOC mentions, %d with a Wikidata id, %d of those in the lookup (%.1f%%), %d of those resolved (%.1f%%)\n",
			s.Dataset, s.Mentions, s.WithQID, s.Covered, pct(s.Covered, s.WithQID), s.Resolved, pct(s.Resolved, s.Covered))
		fmt.Fprintf(w, "  places with a point  %4d gold, %4d resolved; within 161 km %4d = accuracy@161km %5.1f%% of resolved; exact admin1 %d of %d resolved with a gold admin1 (%5.1f%%)\n",
			s.PointGold, s.PointResolved, s.Within161, pct(s.Within161, s.PointResolved), s.Admin1Right, s.Admin1Gold, pct(s.Admin1Right, s.Admin1Gold))
		fmt.Fprintf(w, "  countries            %4d gold, %4d resolved; right country %4d (%5.1f%% of resolved), as a country (precision 4) %d (%5.1f%%)\n",
			s.CountryGold, s.CountryResolved, s.CountryRight, pct(s.CountryRight, s.CountryResolved), s.CountryExact, pct(s.CountryExact, s.CountryResolved))
		if verbose && s.Dataset != "all" {
			errs := append([]string(nil), s.Errors...)
			sort.Strings(errs)
			for _, e := range errs {
				fmt.Fprintln(w, "  miss:", e)
			}
		}
	}
}
