// Package placeeval scores griot's places stage.
//
//	griot eval places --gold places/testdata/sahel.jsonl          # sentences with the expected place
//	griot eval places --gold ../shared/data/hipe2022-fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv
//	griot eval places --gold A.tsv,B.tsv --coords bench/out/wikidata-coords.tsv [-v]
//
// Sentence files (JSONL, one case a line: lang, text, trigger, and the expected name, country,
// admin1, precision, point, loc_text; name "" means no location) are read by the whole
// pipeline; the case's trigger stands for the event, so that the score is about places and not
// about event coding. Reported: exact (name, country, admin1 and precision all right), country,
// admin1 and precision accuracy.
//
// HIPE files (HIPE-2022 TSV) give LOC entities with Wikidata ids but no coordinates. With
// --coords FILE (a Wikidata id → place lookup made by bench/places/coords.js) each gold name
// is resolved and compared with its entity's place: accuracy@161 km and exact admin1 over the
// resolved places with a point, the right country for countries, per sub-corpus (coords.go).
// Without it, what is measured: how many gold place names the gazetteer resolves, whether
// the kind of answer fits the gold fine type (loc.adm.nat → a country, loc.adm.town → a town,
// loc.adm.reg → a region or a town), and how consistent the resolution is: the share of
// mentions of one Wikidata entity resolved to the same gazetteer entry, and to points within
// 161 km of each other.
package placeeval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/places"
)

// Case is one sentence with the place its event should get.
type Case struct {
	Lang      string `json:"lang"`
	Text      string `json:"text"`
	Trigger   string `json:"trigger"`
	Type      string `json:"type,omitempty"` // PLOVER type of the event, when the place depends on it
	Name      string `json:"name"`           // "" = no location
	Country   string `json:"country"`
	Admin1    string `json:"admin1"`
	Precision int    `json:"precision"`
	Point     bool   `json:"point"`
	LocText   string `json:"loc_text"`
}

// ParseCases reads a JSONL file of cases.
func ParseCases(r io.Reader) ([]Case, error) {
	var out []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || t[0] == '#' {
			continue
		}
		var c Case
		if err := json.Unmarshal([]byte(t), &c); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if c.Text == "" || !strings.Contains(c.Text, c.Trigger) || c.Trigger == "" {
			return nil, fmt.Errorf("line %d: text or trigger missing, or trigger not in text", line)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// Read runs the pipeline on a case's text and gives it one event at its trigger, then the
// places stage; it returns the event's location.
func Read(ctx context.Context, p *pipeline.Pipeline, gc *places.Geocoder, c Case) (*doc.Location, error) {
	d, err := p.Run(ctx, c.Text, pipeline.Options{Lang: c.Lang})
	if err != nil {
		return nil, err
	}
	i := strings.Index(c.Text, c.Trigger)
	d.Events = []doc.Event{{ID: "e1", Type: c.Type, Trigger: doc.Span{Start: i, End: i + len(c.Trigger)}}}
	if err := gc.Process(d); err != nil {
		return nil, err
	}
	return d.Events[0].Location, nil
}

// Check compares a location with a case and returns what differs ("" when all is right).
func Check(c Case, loc *doc.Location) string {
	if c.Name == "" {
		if loc != nil {
			return fmt.Sprintf("got %q (%s, precision %d), want no location", loc.Name, loc.Country, loc.Precision)
		}
		return ""
	}
	if loc == nil {
		return fmt.Sprintf("no location, want %q (%s, precision %d)", c.Name, c.Country, c.Precision)
	}
	var bad []string
	if loc.Name != c.Name || loc.Country != c.Country {
		bad = append(bad, fmt.Sprintf("place %q %s, want %q %s", loc.Name, loc.Country, c.Name, c.Country))
	}
	if loc.Admin1 != c.Admin1 {
		bad = append(bad, fmt.Sprintf("admin1 %q, want %q", loc.Admin1, c.Admin1))
	}
	if loc.Precision != c.Precision {
		bad = append(bad, fmt.Sprintf("precision %d, want %d", loc.Precision, c.Precision))
	}
	if has := loc.Lat != 0 || loc.Lon != 0; has != c.Point {
		bad = append(bad, fmt.Sprintf("point %v, want %v", has, c.Point))
	}
	if !strings.Contains(loc.Text, c.LocText) {
		bad = append(bad, fmt.Sprintf("text %q, want it to hold %q", loc.Text, c.LocText))
	}
	return strings.Join(bad, "; ")
}

// SentenceScore counts the cases a run got right.
type SentenceScore struct {
	N, Exact, Country, Admin1, Precision int
	Errors                               []string
}

// ScoreCases reads every case and scores it.
func ScoreCases(ctx context.Context, p *pipeline.Pipeline, gc *places.Geocoder, cases []Case) (SentenceScore, error) {
	var s SentenceScore
	for _, c := range cases {
		loc, err := Read(ctx, p, gc, c)
		if err != nil {
			return s, fmt.Errorf("%q: %w", c.Text, err)
		}
		s.N++
		msg := Check(c, loc)
		if msg == "" {
			s.Exact++
		} else {
			s.Errors = append(s.Errors, fmt.Sprintf("%s — %s", c.Text, msg))
		}
		if c.Name == "" {
			if loc == nil {
				s.Country++
				s.Admin1++
				s.Precision++
			}
			continue
		}
		if loc == nil {
			continue
		}
		if loc.Country == c.Country {
			s.Country++
		}
		if loc.Country == c.Country && loc.Admin1 == c.Admin1 {
			s.Admin1++
		}
		if loc.Precision == c.Precision {
			s.Precision++
		}
	}
	return s, nil
}

// GoldLoc is one LOC entity of a HIPE file.
type GoldLoc struct {
	Text string
	Fine string // loc.adm.town, loc.adm.nat, …
	QID  string // Wikidata id, "" when NIL or absent
}

// HIPEDoc is the LOC entities of one HIPE document.
type HIPEDoc struct {
	ID      string
	Dataset string // hipe2020, letemps, newseye ("" when the file does not say)
	Locs    []GoldLoc
}

// ParseHIPE reads the literal LOC entities (NE-FINE-LIT, NEL-LIT) of a HIPE-2022 TSV file.
// Files with coarse types only (newseye: "B-LOC" in NE-COARSE-LIT, "O" in NE-FINE-LIT) give
// fine type "loc"; a NEL-LIT of "_" or "NIL" gives no Wikidata id.
func ParseHIPE(r io.Reader) ([]HIPEDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var docs []HIPEDoc
	var cur *GoldLoc
	colTok, colCoarse, colFine, colNEL, colMisc := -1, -1, -1, -1, -1
	flush := func() {
		if cur != nil && len(docs) > 0 {
			docs[len(docs)-1].Locs = append(docs[len(docs)-1].Locs, *cur)
		}
		cur = nil
	}
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "TOKEN\t") {
			for i, h := range strings.Split(t, "\t") {
				switch h {
				case "TOKEN":
					colTok = i
				case "NE-COARSE-LIT":
					colCoarse = i
				case "NE-FINE-LIT":
					colFine = i
				case "NEL-LIT":
					colNEL = i
				case "MISC":
					colMisc = i
				}
			}
			continue
		}
		if strings.HasPrefix(t, "#") {
			if strings.Contains(t, "document_id") {
				flush()
				id := t
				if i := strings.Index(t, "="); i >= 0 {
					id = strings.TrimSpace(t[i+1:])
				}
				docs = append(docs, HIPEDoc{ID: id})
			} else if i := strings.Index(t, "hipe2022:dataset ="); i >= 0 && len(docs) > 0 {
				docs[len(docs)-1].Dataset = strings.TrimSpace(t[i+len("hipe2022:dataset ="):])
			}
			continue
		}
		if colTok < 0 || colFine < 0 || colNEL < 0 {
			return nil, fmt.Errorf("line %d: token line before a header with TOKEN, NE-FINE-LIT and NEL-LIT", line)
		}
		f := strings.Split(t, "\t")
		if len(f) <= max(colTok, colFine, colNEL) {
			return nil, fmt.Errorf("line %d: %d columns", line, len(f))
		}
		if len(docs) == 0 {
			docs = append(docs, HIPEDoc{ID: "doc"})
		}
		tag := f[colFine]
		if !strings.HasPrefix(tag, "B-loc") && !strings.HasPrefix(tag, "I-loc") && colCoarse >= 0 && colCoarse < len(f) {
			// coarse types only: "B-LOC" / "I-LOC"
			if c := f[colCoarse]; len(c) == 5 && strings.EqualFold(c[1:], "-loc") && (c[0] == 'B' || c[0] == 'I') {
				tag = c[:1] + "-loc"
			}
		}
		switch {
		case strings.HasPrefix(tag, "B-loc"):
			flush()
			q := f[colNEL]
			if !strings.HasPrefix(q, "Q") {
				q = ""
			}
			cur = &GoldLoc{Text: f[colTok], Fine: tag[2:], QID: q}
		case strings.HasPrefix(tag, "I-loc") && cur != nil:
			cur.Text += " " + f[colTok]
		default:
			flush()
		}
		if cur != nil && colMisc >= 0 && colMisc < len(f) && strings.Contains(f[colMisc], "NoSpaceAfter") {
			cur.Text += "\x00" // glue the next token
		}
	}
	flush()
	for i := range docs {
		for j := range docs[i].Locs {
			docs[i].Locs[j].Text = strings.TrimSuffix(strings.ReplaceAll(docs[i].Locs[j].Text, "\x00 ", ""), "\x00")
		}
	}
	return docs, sc.Err()
}

// HIPEScore is what can be measured on HIPE without coordinates.
type HIPEScore struct {
	Gold, Resolved       int
	ByFine               map[string][2]int // fine type → [gold, resolved]
	KindFit, KindN       int               // answers whose kind fits the gold type, of typed resolved ones
	QIDMentions, QIDSame int               // mentions of entities with ≥2 resolved mentions, of which on the majority entry
	QIDWithin            int               // … of which within 161 km of the majority entry (or same country for countries)
	Unresolved           map[string]int
	Split                []string // entities resolved to several entries: "Paris → FRA/2988507/Paris, …"
}

// ScoreHIPE resolves every gold LOC name with the article's countries as context.
func ScoreHIPE(gc *places.Geocoder, docs []HIPEDoc) HIPEScore {
	s := HIPEScore{ByFine: map[string][2]int{}, Unresolved: map[string]int{}}
	type res struct {
		text     string
		key      string
		lat, lon float64
		country  string
		prec     int
	}
	byQID := map[string][]res{}
	for _, d := range docs {
		ctx := docContext(gc, d)
		for _, l := range d.Locs {
			s.Gold++
			bf := s.ByFine[l.Fine]
			bf[0]++
			loc := gc.Resolve(l.Text, ctx)
			if loc == nil {
				s.ByFine[l.Fine] = bf
				s.Unresolved[l.Text]++
				continue
			}
			s.Resolved++
			bf[1]++
			s.ByFine[l.Fine] = bf
			want := 0
			switch l.Fine {
			case "loc.adm.nat":
				want = places.PrecCountry
			case "loc.adm.town":
				want = places.PrecTown
			case "loc.adm.reg":
				want = -1 // region or town (a region named after its seat)
			}
			if want != 0 {
				s.KindN++
				if loc.Precision == want || want == -1 && (loc.Precision == places.PrecRegion || loc.Precision == places.PrecTown) {
					s.KindFit++
				}
			}
			if l.QID != "" {
				k := fmt.Sprintf("%s/%d/%s", loc.Country, loc.GeonameID, loc.Name)
				byQID[l.QID] = append(byQID[l.QID], res{l.Text, k, loc.Lat, loc.Lon, loc.Country, loc.Precision})
			}
		}
	}
	for _, rs := range byQID {
		if len(rs) < 2 {
			continue
		}
		count := map[string]int{}
		for _, r := range rs {
			count[r.key]++
		}
		var major res
		n := -1
		for _, r := range rs {
			if count[r.key] > n {
				major, n = r, count[r.key]
			}
		}
		if len(count) > 1 {
			var parts []string
			for _, r := range rs {
				parts = append(parts, r.text+" → "+r.key)
			}
			s.Split = append(s.Split, strings.Join(parts, ", "))
		}
		for _, r := range rs {
			s.QIDMentions++
			if r.key == major.key {
				s.QIDSame++
			}
			if r.key == major.key || r.prec < 4 && major.prec < 4 && places.KmBetween(r.lat, r.lon, major.lat, major.lon) <= 161 || r.prec == 4 && major.prec == 4 && r.country == major.country {
				s.QIDWithin++
			}
		}
	}
	return s
}

// docContext counts the countries a HIPE document's gold LOC names resolve to, as the
// actors stage counts the countries and places an article names: a country, or a town that
// is a capital, an admin1 seat or a city of 100,000 (whose country is seldom in doubt).
func docContext(gc *places.Geocoder, d HIPEDoc) map[string]int {
	ctx := map[string]int{}
	for _, l := range d.Locs {
		loc := gc.Resolve(l.Text, nil)
		if loc == nil {
			continue
		}
		if loc.Precision == places.PrecCountry || gc.Gazetteer().Prominent(loc.Name, loc.GeonameID) {
			ctx[loc.Country]++
		}
	}
	return ctx
}

// Audit prints each distinct gold name resolved to a town or a region, with the gold type
// and Wikidata id, so that a person can judge the answers (griot has no coordinates of gold).
func Audit(w io.Writer, gc *places.Geocoder, docs []HIPEDoc) {
	seen := map[string]bool{}
	fmt.Fprintln(w, "gold\tfine\twikidata\tname\tcountry\tadmin1\tprecision\tlat\tlon")
	for _, d := range docs {
		ctx := docContext(gc, d)
		for _, l := range d.Locs {
			loc := gc.Resolve(l.Text, ctx)
			if loc == nil || loc.Precision == places.PrecCountry || seen[l.Text] {
				continue
			}
			seen[l.Text] = true
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%.4f\t%.4f\n", l.Text, l.Fine, l.QID, loc.Name, loc.Country, loc.Admin1, loc.Precision, loc.Lat, loc.Lon)
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// goldFiles is a repeatable --gold flag (a comma also separates files).
type goldFiles []string

func (g *goldFiles) String() string { return strings.Join(*g, ",") }
func (g *goldFiles) Set(v string) error {
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			*g = append(*g, f)
		}
	}
	return nil
}

// readHIPE parses HIPE files; a document whose file does not name its sub-corpus is given
// the one its file name holds (hipe2020, letemps, newseye).
func readHIPE(files []string) ([]HIPEDoc, error) {
	var all []HIPEDoc
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("eval places: %w", err)
		}
		docs, err := ParseHIPE(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("eval places: %s: %w", name, err)
		}
		for i := range docs {
			if docs[i].Dataset == "" {
				for _, ds := range []string{"hipe2020", "letemps", "newseye", "sonar", "ajmc", "topres19th"} {
					if strings.Contains(name, ds) {
						docs[i].Dataset = ds
					}
				}
			}
		}
		all = append(all, docs...)
	}
	return all, nil
}

// Run is `griot eval places`.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval places", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var golds goldFiles
	fs.Var(&golds, "gold", "gold file: sentence cases (.jsonl), or HIPE-2022 TSV (.tsv; repeat the flag or separate with commas for several)")
	verbose := fs.Bool("v", false, "print every error")
	audit := fs.Bool("audit", false, "HIPE: print each distinct name resolved to a town or region, for checking by hand")
	coordsFile := fs.String("coords", "", "HIPE: Wikidata id → place lookup (bench/places/coords.js): score accuracy@161km, admin1 and country against it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(golds) == 0 {
		fs.Usage()
		return errors.New("eval places: --gold FILE is required")
	}
	gc, err := places.New()
	if err != nil {
		return err
	}
	if strings.HasSuffix(golds[0], ".tsv") {
		docs, err := readHIPE(golds)
		if err != nil {
			return err
		}
		if *audit {
			Audit(stdout, gc, docs)
			return nil
		}
		if *coordsFile != "" {
			cf, err := os.Open(*coordsFile)
			if err != nil {
				return fmt.Errorf("eval places: %w", err)
			}
			coords, err := ParseCoords(cf)
			cf.Close()
			if err != nil {
				return fmt.Errorf("eval places: %s: %w", *coordsFile, err)
			}
			fmt.Fprintf(stdout, "Wikidata lookup %s: %d ids\n", *coordsFile, len(coords))
			WriteCoordScores(stdout, ScoreCoords(gc, docs, coords), *verbose)
			return nil
		}
		s := ScoreHIPE(gc, docs)
		fmt.Fprintf(stdout, "HIPE %s: %d documents, %d gold LOC names\n", golds.String(), len(docs), s.Gold)
		fmt.Fprintf(stdout, "resolved by the gazetteer   %5d  %5.1f%%\n", s.Resolved, pct(s.Resolved, s.Gold))
		fmt.Fprintf(stdout, "kind fits the gold type     %5d  %5.1f%% of %d typed (nat→country, town→town, reg→region/town)\n", s.KindFit, pct(s.KindFit, s.KindN), s.KindN)
		fmt.Fprintf(stdout, "same entity, same entry     %5d  %5.1f%% of %d mentions of entities resolved ≥2 times\n", s.QIDSame, pct(s.QIDSame, s.QIDMentions), s.QIDMentions)
		fmt.Fprintf(stdout, "same entity, within 161 km  %5d  %5.1f%%\n", s.QIDWithin, pct(s.QIDWithin, s.QIDMentions))
		fines := make([]string, 0, len(s.ByFine))
		for k := range s.ByFine {
			fines = append(fines, k)
		}
		sort.Strings(fines)
		for _, k := range fines {
			v := s.ByFine[k]
			fmt.Fprintf(stdout, "  %-16s %4d gold  %5.1f%% resolved\n", k, v[0], pct(v[1], v[0]))
		}
		fmt.Fprintln(stdout, "accuracy@161km against Wikidata coordinates: give --coords FILE (bench/places/coords.js)")
		if *verbose {
			type kv struct {
				k string
				v int
			}
			var un []kv
			for k, v := range s.Unresolved {
				un = append(un, kv{k, v})
			}
			sort.Slice(un, func(i, j int) bool { return un[i].v > un[j].v || un[i].v == un[j].v && un[i].k < un[j].k })
			sort.Strings(s.Split)
			for _, x := range s.Split {
				fmt.Fprintln(stdout, "split", x)
			}
			for _, u := range un {
				fmt.Fprintf(stdout, "unresolved %4d %s\n", u.v, u.k)
			}
		}
		return nil
	}
	if len(golds) > 1 {
		return errors.New("eval places: one sentence file at a time")
	}
	f, err := os.Open(golds[0])
	if err != nil {
		return fmt.Errorf("eval places: %w", err)
	}
	defer f.Close()
	gold := &golds[0]
	cases, err := ParseCases(f)
	if err != nil {
		return fmt.Errorf("eval places: %s: %w", *gold, err)
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	s, err := ScoreCases(ctx, p, gc, cases)
	if err != nil {
		return fmt.Errorf("eval places: %w", err)
	}
	fmt.Fprintf(stdout, "sentences %s: %d cases\n", *gold, s.N)
	fmt.Fprintf(stdout, "exact      %4d  %5.1f%%\n", s.Exact, pct(s.Exact, s.N))
	fmt.Fprintf(stdout, "country    %4d  %5.1f%%\n", s.Country, pct(s.Country, s.N))
	fmt.Fprintf(stdout, "admin1     %4d  %5.1f%%\n", s.Admin1, pct(s.Admin1, s.N))
	fmt.Fprintf(stdout, "precision  %4d  %5.1f%%\n", s.Precision, pct(s.Precision, s.N))
	for _, e := range s.Errors {
		fmt.Fprintln(stdout, "error:", e)
	}
	return nil
}
