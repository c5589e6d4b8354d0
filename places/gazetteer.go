// Package places says where events happened, as precisely as the text allows: it finds
// place mentions near an event's trigger ("à Gao", "near Ménaka", "la région de Tillabéri",
// "le nord du Mali"), resolves them against an embedded GeoNames-derived gazetteer and sets
// Event.Location with a precision in the spirit of ACLED's geo_precision (1 town, 2 near a
// town or part of a region, 3 region, 4 country; a country never gets a point).
package places

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/griot-project/griot/internal/strtab"
	"github.com/griot-project/griot/normalize"
)

//go:embed data/gazetteer.tsv.gz data/admin1.tsv data/countries.tsv data/countries-extra.tsv data/exonyms.tsv data/topic-nouns.txt data/seat-nouns.txt data/relative-openers.txt data/adjunct-openers.txt data/motion-verbs.txt
var dataFS embed.FS

// Place is one gazetteer entry: a populated place from GeoNames.
type Place struct {
	ID      int
	Name    string
	Country string // ISO3
	Admin1  string // admin1 code (GeoNames)
	Admin2  string // admin2 name, "" when unknown
	FCode   string // GeoNames feature code (PPL, PPLA, PPLC…)
	Lat     float32
	Lon     float32
	Pop     int
}

// Region is a first-level administrative division (GeoNames admin1).
type Region struct {
	Country  string
	Code     string
	Name     string
	Lat, Lon float64 // mean of the region's places in the gazetteer; 0,0 when none
	Seat     int     // index of the region's seat (PPLA) for Gazetteer.Place, -1 when none
}

// placeRec is a Place as the gazetteer stores it: no pointers (names are offsets into one
// string, codes indices into a table of interned strings), so that the garbage collector
// has nothing to follow in the 90,000 places at every cycle.
type placeRec struct {
	id, pop  int32
	lat, lon float32
	name     uint32 // offset in Gazetteer.names
	nameLen  uint32
	country  uint32 // indices into Gazetteer.strs
	admin1   uint32
	admin2   uint32
	fcode    uint32
}

// Gazetteer is the read-only place table. It is safe for concurrent use.
type Gazetteer struct {
	places    []placeRec
	names     string   // every place name, one after the other
	strs      []string // the interned codes and admin2 names placeRec points to
	Regions   []Region
	byName    *strtab.Table         // key → start<<32 | count of its places' indices in towns
	towns     []int32               // indices of places (Place), by name
	byNameM   map[string][]int32    // byName while the gazetteer is built (nil after)
	regByName map[string][]int32    // key → indices into Regions
	regByCode map[string]int32      // country+"."+code → index into Regions
	countries map[string]string     // key → ISO3
	firstWord *strtab.Table         // every word-boundary prefix of every key ("le", "le caire")
	ctyName   map[string]string     // ISO3 → display name
	ctyPoint  map[string][2]float64 // ISO3 → mean point of the country's places
}

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

// LoadGazetteer returns the embedded gazetteer, parsed on first use and shared afterwards.
func LoadGazetteer() (*Gazetteer, error) {
	loadOnce.Do(func() {
		gz, err := dataFS.ReadFile("data/gazetteer.tsv.gz")
		if err != nil {
			loadErr = fmt.Errorf("places: %w", err)
			return
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			loadErr = fmt.Errorf("places: gazetteer: %w", err)
			return
		}
		a1, _ := dataFS.ReadFile("data/admin1.tsv")
		ct, _ := dataFS.ReadFile("data/countries.tsv")
		ce, _ := dataFS.ReadFile("data/countries-extra.tsv")
		ct = append(append(ct, '\n'), ce...)
		ex, _ := dataFS.ReadFile("data/exonyms.tsv")
		loaded, loadErr = parseGazetteer(zr, bytes.NewReader(a1), bytes.NewReader(ct), bytes.NewReader(ex))
	})
	return loaded, loadErr
}

// key folds a name for lookup: lower case, no accents, every run of non-letters and
// non-digits (hyphen, apostrophe, space) as one space.
func key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	put := func(c rune) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(c)
		} else {
			space = true
		}
	}
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			put(r + 32)
		case r < 0x80:
			put(r)
		default:
			for _, c := range normalize.FoldRune(r) {
				put(c)
			}
		}
	}
	return b.String()
}

// regionSuffixes are dropped from admin1 names to make their lookup keys
// ("Tillabéri Region" → "tillaberi"), as are the matching prefixes.
var regionSuffixes = []string{" region", " strip", " province", " governorate", " prefecture", " department", " state", " district", " oblast", " county", " wilaya", " canton"}
var regionPrefixes = []string{"bande de ", "region de ", "region du ", "region des ", "province de ", "province du ", "province of ", "wilaya de ", "gouvernorat de ", "departement de ", "departement du ", "canton de ", "canton du ", "canton d ", "canton of "}

func regionKey(name string) string {
	k := key(name)
	for _, s := range regionSuffixes {
		k = strings.TrimSuffix(k, s)
	}
	for _, p := range regionPrefixes {
		k = strings.TrimPrefix(k, p)
	}
	return k
}

func parseGazetteer(places, admin1, countries, exonyms io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{
		byNameM:   make(map[string][]int32, 90000),
		regByName: make(map[string][]int32, 4000),
		regByCode: make(map[string]int32, 4000),
		countries: make(map[string]string, 800),
		ctyName:   make(map[string]string, 260),
	}
	sc := bufio.NewScanner(places)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	intern := map[string]uint32{}
	in := func(b []byte) uint32 {
		if v, ok := intern[string(b)]; ok {
			return v
		}
		v := uint32(len(g.strs))
		g.strs = append(g.strs, string(b))
		intern[string(b)] = v
		return v
	}
	var names strings.Builder
	var f [9][]byte
	line := 0
	for sc.Scan() {
		line++
		t := sc.Bytes()
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		n := 0
		for rest := t; ; n++ {
			i := bytes.IndexByte(rest, '\t')
			if n == len(f)-1 || i < 0 {
				f[n] = rest
				if i >= 0 {
					n = len(f) + 1 // too many fields
				}
				n++
				break
			}
			f[n], rest = rest[:i], rest[i+1:]
		}
		if n != len(f) {
			return nil, fmt.Errorf("places: gazetteer line %d: %d fields, want 9", line, n)
		}
		id, err1 := strconv.Atoi(string(f[0]))
		lat, err2 := strconv.ParseFloat(string(f[6]), 32)
		lon, err3 := strconv.ParseFloat(string(f[7]), 32)
		pop, err4 := strconv.Atoi(string(f[8]))
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || len(f[1]) == 0 || len(f[2]) != 3 ||
			id < 0 || id > math.MaxInt32 || pop < 0 || pop > math.MaxInt32 {
			return nil, fmt.Errorf("places: gazetteer line %d: bad record %q", line, t)
		}
		g.places = append(g.places, placeRec{id: int32(id), pop: int32(pop), lat: float32(lat), lon: float32(lon),
			name: uint32(names.Len()), nameLen: uint32(len(f[1])), country: in(f[2]), admin1: in(f[3]), admin2: in(f[4]), fcode: in(f[5])})
		names.Write(f[1])
		k := key(string(f[1]))
		g.byNameM[k] = append(g.byNameM[k], int32(len(g.places)-1))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("places: gazetteer: %w", err)
	}
	if len(g.places) == 0 {
		return nil, fmt.Errorf("places: gazetteer is empty")
	}
	if names.Len() > math.MaxUint32 {
		return nil, fmt.Errorf("places: gazetteer: names too long")
	}
	g.names = names.String()
	g.addSaintAliases()
	if err := eachRecord(admin1, 3, func(f []string) error {
		r := Region{Country: f[0], Code: f[1], Name: f[2], Seat: -1}
		g.Regions = append(g.Regions, r)
		i := int32(len(g.Regions) - 1)
		g.regByCode[r.Country+"."+r.Code] = i
		k := regionKey(r.Name)
		g.regByName[k] = append(g.regByName[k], i)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("places: admin1: %w", err)
	}
	// region point: mean of its places; seat: its PPLA
	sum := make([][3]float64, len(g.Regions))
	for i := range g.places {
		p := g.Place(int32(i))
		ri, ok := g.regByCode[p.Country+"."+p.Admin1]
		if !ok {
			continue
		}
		sum[ri][0] += float64(p.Lat)
		sum[ri][1] += float64(p.Lon)
		sum[ri][2]++
		if (p.FCode == "PPLA" || p.FCode == "PPLC") && g.Regions[ri].Seat < 0 {
			g.Regions[ri].Seat = i
		}
	}
	csum := map[string]*[3]float64{}
	for i := range g.places {
		p := g.Place(int32(i))
		c := csum[p.Country]
		if c == nil {
			c = &[3]float64{}
			csum[p.Country] = c
		}
		c[0] += float64(p.Lat)
		c[1] += float64(p.Lon)
		c[2]++
	}
	g.ctyPoint = make(map[string][2]float64, len(csum))
	for k, c := range csum {
		g.ctyPoint[k] = [2]float64{c[0] / c[2], c[1] / c[2]}
	}
	for i := range g.Regions {
		if n := sum[i][2]; n > 0 {
			g.Regions[i].Lat = math.Round(sum[i][0]/n*1e4) / 1e4
			g.Regions[i].Lon = math.Round(sum[i][1]/n*1e4) / 1e4
		}
	}
	if err := eachRecord(countries, 2, func(f []string) error {
		names := strings.Split(f[1], "|")
		if _, ok := g.ctyName[f[0]]; !ok {
			g.ctyName[f[0]] = names[0]
		}
		for i, n := range names {
			if strings.HasPrefix(n, "=") {
				// "=Syria": the display name, instead of the ISO one
				n = n[1:]
				names[i] = n
				g.ctyName[f[0]] = n
			}
			if k := key(n); k != "" {
				if _, dup := g.countries[k]; !dup {
					g.countries[k] = f[0]
				}
			}
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("places: countries: %w", err)
	}
	if err := eachRecord(exonyms, 3, func(f []string) error {
		target := key(f[1])
		var hit []int32
		for _, i := range g.byNameM[target] {
			if g.Place(i).Country == f[2] {
				hit = append(hit, i)
			}
		}
		k := key(f[0])
		if len(hit) == 0 {
			// no town: a region of that country?
			for _, ri := range g.regByName[regionKey(f[1])] {
				if g.Regions[ri].Country == f[2] {
					rk := regionKey(f[0])
					if !containsIdx(g.regByName[rk], ri) {
						g.regByName[rk] = append(g.regByName[rk], ri)
					}
					return nil
				}
			}
			return fmt.Errorf("exonym %q: no place or region %q in %s", f[0], f[1], f[2])
		}
		for _, i := range hit {
			if !containsIdx(g.byNameM[k], i) {
				g.byNameM[k] = append(g.byNameM[k], i)
			}
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("places: exonyms: %w", err)
	}
	g.indexFirstWords()
	g.freezeNames()
	return g, nil
}

// freezeNames moves byNameM into byName and towns.
func (g *Gazetteer) freezeNames() {
	m := make(map[string]uint64, len(g.byNameM))
	for k, idx := range g.byNameM {
		m[k] = uint64(len(g.towns))<<32 | uint64(len(idx))
		g.towns = append(g.towns, idx...)
	}
	g.byName = strtab.New(m)
	g.byNameM = nil
}

// townsOf returns the places whose name has key k (the caller must not change the slice).
func (g *Gazetteer) townsOf(k string) []int32 {
	v, ok := g.byName.Get(k)
	if !ok {
		return nil
	}
	start, n := v>>32, v&(1<<32-1)
	return g.towns[start : start+n : start+n]
}

// isFirstWord reports whether k is a word-boundary prefix of a key of the gazetteer.
func (g *Gazetteer) isFirstWord(k string) bool { return g.firstWord.Has(k) }

// saintForms are the spellings of "Saint" at the start of a name: "St-Etienne" and
// "Saint-Étienne", "Saint-Moritz" and "St. Moritz" are one place.
var saintForms = [][2]string{{"saint ", "st "}, {"sainte ", "ste "}}

// addSaintAliases indexes every town whose name starts with Saint/Sainte/St/Ste under the
// other spelling too.
func (g *Gazetteer) addSaintAliases() {
	add := map[string][]int32{}
	for k, idx := range g.byNameM {
		for _, f := range saintForms {
			var alt string
			switch {
			case strings.HasPrefix(k, f[0]):
				alt = f[1] + k[len(f[0]):]
			case strings.HasPrefix(k, f[1]):
				alt = f[0] + k[len(f[1]):]
			default:
				continue
			}
			add[alt] = append(add[alt], idx...)
		}
	}
	for k, idx := range add {
		// idx gathers the places of several names in map order: sorted, so that the
		// candidates' order (which breaks ties) is the same at every start.
		slices.Sort(idx)
		for _, i := range idx {
			if !containsIdx(g.byNameM[k], i) {
				g.byNameM[k] = append(g.byNameM[k], i)
			}
		}
	}
}

func (g *Gazetteer) indexFirstWords() {
	first := make(map[string]uint64, len(g.byNameM))
	add := func(k string) {
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				first[k[:i]] = 1
			}
		}
		first[k] = 1
	}
	defer func() { g.firstWord = strtab.New(first) }()
	for k := range g.byNameM {
		add(k)
	}
	for k := range g.regByName {
		add(k)
	}
	for k := range g.countries {
		add(k)
	}
}

func containsIdx(l []int32, i int32) bool {
	for _, j := range l {
		if j == i {
			return true
		}
	}
	return false
}

// eachRecord calls fn for every non-comment line of a TSV with exactly n fields.
func eachRecord(r io.Reader, n int, fn func([]string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != n {
			return fmt.Errorf("line %d: %d fields, want %d", line, len(f), n)
		}
		for _, x := range f {
			if x == "" {
				return fmt.Errorf("line %d: empty field", line)
			}
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

// acronymLike reports whether a name is too short or all capitals and short, as "EU",
// "Ho", "USA": such a name is no town (it may be a country).
func acronymLike(name string) bool {
	n := 0
	upper := true
	for _, r := range name {
		if r == ' ' || r == '.' {
			continue
		}
		n++
		if !unicode.IsUpper(r) {
			upper = false
		}
	}
	return n <= 2 || upper && n <= 4
}

// regionFirst reports whether a name that is both an admin1 region and a town should be read
// as the region: when none of its towns is a capital, a regional seat or a city of 100,000.
func (g *Gazetteer) regionFirst(k string) bool {
	if len(g.regByName[regionKey(k)]) == 0 {
		return false
	}
	for _, i := range g.townsOf(k) {
		p := g.Place(i)
		if p.Pop >= 100000 || p.FCode == "PPLC" || p.FCode == "PPLA" {
			return false
		}
	}
	return true
}

// Prominent reports whether the place named name with GeoNames id id (as a Location gives
// them) is a capital, an admin1 seat or a city of 100,000 people.
func (g *Gazetteer) Prominent(name string, id int) bool {
	for _, i := range g.townsOf(key(name)) {
		if p := g.Place(i); p.ID == id {
			return p.Pop >= 100000 || p.FCode == "PPLC" || p.FCode == "PPLA"
		}
	}
	return false
}

// NumPlaces returns the number of places in the gazetteer.
func (g *Gazetteer) NumPlaces() int { return len(g.places) }

// Place returns the place at index i (0 <= i < NumPlaces(): the indices Towns, Best and
// Region.Seat give).
func (g *Gazetteer) Place(i int32) Place {
	r := &g.places[i]
	return Place{ID: int(r.id), Name: g.names[r.name : r.name+r.nameLen], Country: g.strs[r.country], Admin1: g.strs[r.admin1],
		Admin2: g.strs[r.admin2], FCode: g.strs[r.fcode], Lat: r.lat, Lon: r.lon, Pop: int(r.pop)}
}

// Towns returns the gazetteer places named name (any spelling the gazetteer knows).
func (g *Gazetteer) Towns(name string) []int32 { return g.townsOf(key(name)) }

// RegionsNamed returns the admin1 regions named name ("Tillabéri", "Tillabéri Region").
func (g *Gazetteer) RegionsNamed(name string) []int32 { return g.regByName[regionKey(name)] }

// Country returns the ISO3 code of a country name in English or French, or "".
func (g *Gazetteer) Country(name string) string { return g.countries[key(name)] }

// CountryName returns a country's English display name.
func (g *Gazetteer) CountryName(iso3 string) string { return g.ctyName[iso3] }

// Admin1Name returns the name of a country's admin1 region, or "".
func (g *Gazetteer) Admin1Name(country, code string) string {
	if i, ok := g.regByCode[country+"."+code]; ok {
		return g.Regions[i].Name
	}
	return ""
}

// farKm is how far from every country an article names a homonym must lie to be dropped:
// another continent, as Kent (Washington) or Engadine (New South Wales) for an article on
// England or Switzerland.
const farKm = 3000

// far reports whether place p lies farther than farKm from the mean point of every country
// of ctx (and is in none of them): a small town there is more likely a homonym the gazetteer
// lacks near the article's countries, or a region or a landform it does not hold.
func (g *Gazetteer) far(p *Place, ctx map[string]int) bool {
	if len(ctx) == 0 || ctx[p.Country] > 0 {
		return false
	}
	for c, n := range ctx {
		if pt, ok := g.ctyPoint[c]; ok && n > 0 && KmBetween(float64(p.Lat), float64(p.Lon), pt[0], pt[1]) <= farKm {
			return false
		}
	}
	return true
}

// KmBetween is the great-circle distance in kilometres between two points (degrees).
func KmBetween(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// Best picks among candidate places the most likely one: a place in a country the
// article mentions first (weight by mentions), then administrative rank and population.
// A town of under 100,000 people that is no capital, admin1 or admin2 seat is not chosen when it lies
// on another continent than every country the article names (see far); Best returns -1
// when no candidate is left.
func (g *Gazetteer) Best(cands []int32, ctx map[string]int) int32 {
	best, bestScore := int32(-1), math.Inf(-1)
	for _, i := range cands {
		p := g.Place(i)
		if p.Pop < 100000 && p.FCode != "PPLC" && p.FCode != "PPLA" && p.FCode != "PPLA2" && g.far(&p, ctx) {
			continue
		}
		s := math.Log10(float64(p.Pop) + 10)
		switch p.FCode {
		case "PPLC":
			s += 3
		case "PPLA":
			s += 1
		case "PPLA2":
			s += 0.5
		}
		if n := ctx[p.Country]; n > 0 {
			s += 2.5 + math.Min(float64(n), 5)*0.3
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}
