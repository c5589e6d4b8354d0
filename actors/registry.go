package actors

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/internal/wordlist"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/segment"
)

//go:generate go run ./internal/gencountries data/countries_gen.tsv

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// Forms of a mention: how the words designate their actor.
const (
	FormName     = "name"
	FormAlias    = "alias"
	FormRole     = "role"
	FormDemonym  = "demonym"
	FormCapital  = "capital"
	FormHandle   = "handle"
	FormFlag     = "flag"
	FormAcronym  = "acronym"
	FormHashtag  = "hashtag"
	FormSurname  = "alias" // a surname after the full name is an alias
	FormSeat     = "capital"
	kindPerson   = "person"
	kindCountry  = "country"
	kindOrg      = "organization"
	kindColl     = "collective"
	kindPlace    = "place"
	kindNone     = "-" // a name that is no actor (an event, a festival, a platform): type MISC
	classPerson  = "person"
	classTitle   = "title"
	classState   = "state"
	classInst    = "inst"
	classGroup   = "group"
	classDesc    = "desc"
	classPart    = "part"    // "une filiale d'Al-Qaïda", "a branch of X": a part of the organisation that follows
	classAnaphor = "anaphor" // "le groupe", "the bloc": the organisation named last
	maxPatternNG = 12
)

// entry is one actor of the registry.
type entry struct {
	doc.Actor
	typ        string // mention type: PER ORG GPE LOC MISC
	terms      []term
	words      []string   // folded name words of a person (for surname and handle matching)
	aliasWords [][]string // the words of each multi-word alias of a person
	demonym    string     // English adjective for a country ("Malian"), used to name its institutions
}

// term is one office held by a person between two dates (To zero: still in office).
type term struct {
	role     string
	org      string // ISO3 of the country, or the id of an organisation for role@org
	from, to time.Time
}

// role is one role word of roles.tsv.
type role struct {
	pattern string
	role    string
	sector  string
	class   string
	bare    bool // said alone after an article it stands for the context country
	always  bool // said alone it stands for the context country, article or not
	junta   bool // a military government (junte, junta, putschistes): a country ruled by a soldier
	counted bool // a group word that names a group only with a number or a quantifier ("300 personnes")
	noun    bool // the word can describe a person with no name after a determiner ("sa cliente", "the peer")
	gender  byte // 'm', 'f' or 0: the gender the word gives a person ("sister", "chanteuse", "Mr")
	kin     bool // a kinship word ("brother", "tante"): "her brother" is someone's relative
}

// hit is what a pattern of the registry points to.
type hit struct {
	entry int32  // index into Resolver.entries, -1 for a role
	role  int32  // index into Resolver.roles, -1 for an entry
	form  string // name alias demonym capital flag acronym
	sect  string // for seats of power: the sector of the institution (Pentagon=MIL)
	place int32  // for capitals: the place entry of the city itself (used as a place)
	caps  uint32 // bit i set: token i must be capitalised in the text
	upper bool   // all letters must be capitals in the text (acronyms)
}

// Resolver recognises and resolves actors. It is built once by New and is safe for concurrent
// use by several goroutines on different documents.
type Resolver struct {
	entries   []entry
	byID      map[string]int
	roles     []role
	pats      map[string][]hit // folded token n-gram joined by ' ' → hits
	root      *trie            // the patterns as a token tree (built from pats)
	starts    [1 << 10]uint64  // filter: bit firstHash(t) is set when a pattern may start with t
	surname   map[string][]int // folded surname → person entries
	surnameBy [256][]string    // surnames by first byte (for one-edit matching)
	byWords   map[string]int   // sorted folded name words → person entry (handles)
	leaders   map[string][]leaderTerm
	stop      map[string]bool // words never starting a name on their own
	first     map[string]bool // known first names (generic recognition)
	orgWords  map[string]bool
	locPrep   map[string]bool
	inPrep    map[string]bool   // prepositions of being in a place (data/inpreps.txt)
	toPrep    map[string]bool   // prepositions of movement towards a place (data/toprep.txt)
	compass   map[string]bool   // adjectives of a part of a country (data/compass.txt)
	fillers   map[string]bool   // words allowed between a role word and a demonym
	dets      map[string]string // determiners and quantifiers (determiners.tsv): word → kind
	pool      sync.Pool         // *bufs
}

type leaderTerm struct {
	entry    int
	from, to time.Time
}

// New loads the registry from the embedded data files.
func New() (*Resolver, error) {
	r := &Resolver{
		byID:    map[string]int{},
		pats:    map[string][]hit{},
		surname: map[string][]int{},
		byWords: map[string]int{},
		leaders: map[string][]leaderTerm{},
	}
	if err := r.loadCountries(); err != nil {
		return nil, err
	}
	if err := r.loadActors(); err != nil {
		return nil, err
	}
	if err := r.loadPeople(); err != nil {
		return nil, err
	}
	if err := r.loadPlaces(); err != nil {
		return nil, err
	}
	if err := r.loadRoles(); err != nil {
		return nil, err
	}
	for sn := range r.surname {
		if sn != "" {
			r.surnameBy[sn[0]] = append(r.surnameBy[sn[0]], sn)
		}
	}
	for i := range r.surnameBy {
		sort.Strings(r.surnameBy[i])
	}
	r.root = newTrie(r.pats)
	for k := range r.pats {
		first, _, _ := strings.Cut(k, " ")
		f := firstHash(first)
		r.starts[f>>6] |= 1 << (f & 63)
	}
	var err error
	if r.stop, err = wordSet("data/stopwords.txt"); err != nil {
		return nil, err
	}
	if r.first, err = wordSet("data/firstnames.txt"); err != nil {
		return nil, err
	}
	if r.orgWords, err = wordSet("data/orgwords.txt"); err != nil {
		return nil, err
	}
	if r.inPrep, err = wordSet("data/inpreps.txt"); err != nil {
		return nil, err
	}
	if r.toPrep, err = wordSet("data/toprep.txt"); err != nil {
		return nil, err
	}
	if r.compass, err = wordSet("data/compass.txt"); err != nil {
		return nil, err
	}
	if err := r.loadDeterminers(); err != nil {
		return nil, err
	}
	r.locPrep = setOf("in", "at", "near", "from", "to", "into", "across", "outside", "a", "au", "aux", "en", "vers", "pres", "depuis", "dans", "sur")
	r.fillers = setOf("militaire", "militaires", "military", "armed", "armee", "armees", "nationale", "national", "nationales", "federal", "federale", "interim", "transitional", "de", "transition", "la", "en", "place", "actuel", "actuelle", "new", "nouveau", "nouvelle", "current", "then", "-", "former", "ancien", "ancienne", "elected", "elu", "interimaire", "pouvoir", "au", "ruling")
	for _, e := range r.entries {
		if e.Kind == kindPerson {
			for _, w := range e.words {
				r.first[w] = r.first[w] || false
			}
			if len(e.words) > 1 {
				r.first[e.words[0]] = true
			}
		}
	}
	return r, nil
}

// NumActors is the number of actors in the registry.
func (r *Resolver) NumActors() int { return len(r.entries) }

// NumPatterns is the number of distinct token patterns the matcher knows.
func (r *Resolver) NumPatterns() int { return len(r.pats) }

// Lookup returns the registry actor with that id.
func (r *Resolver) Lookup(id string) (doc.Actor, bool) {
	i, ok := r.byID[id]
	if !ok {
		return doc.Actor{}, false
	}
	return r.entries[i].Actor, true
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func wordSet(name string) (map[string]bool, error) {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	m := map[string]bool{}
	for _, line := range wordlist.Lines(string(b)) {
		for _, w := range strings.Fields(line) {
			m[normalize.String(w)] = true
		}
	}
	return m, nil
}

// rows reads a tab-separated data file: comment lines start with #; every row must have n fields
// (missing trailing fields are empty).
func rows(name string, n int) ([][]string, error) {
	f, err := dataFS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fs := strings.Split(s, "\t")
		if len(fs) > n {
			return nil, fmt.Errorf("actors: %s:%d: %d fields, want at most %d", name, line, len(fs), n)
		}
		for len(fs) < n {
			fs = append(fs, "")
		}
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		out = append(out, fs)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("actors: reading %s: %w", name, err)
	}
	return out, nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *Resolver) addEntry(e entry) (int, error) {
	if _, dup := r.byID[e.ID]; dup {
		return 0, fmt.Errorf("actors: duplicate actor id %q", e.ID)
	}
	if e.Sector == nil {
		e.Sector = []string{}
	}
	r.entries = append(r.entries, e)
	r.byID[e.ID] = len(r.entries) - 1
	return len(r.entries) - 1, nil
}

// keyOf tokenises a pattern the way segment tokenises text and returns the joined folded key
// and the capitalisation constraints.
func keyOf(pattern string, keepArticle bool) (key string, n int, caps uint32, upper bool) {
	toks := segment.Tokens(pattern)
	if len(toks) == 0 || len(toks) > maxPatternNG {
		return "", 0, 0, false
	}
	// a leading article before a capitalised word is not part of the pattern ("the West",
	// "l'Occident", "le Kremlin"): articles are too frequent to start patterns
	if len(toks) > 1 && leadingArticle[toks[0].Norm] && !keepArticle {
		if r, _ := utf8.DecodeRuneInString(pattern[toks[1].Start:]); unicode.IsUpper(r) {
			pattern = pattern[toks[1].Start:]
			toks = segment.Tokens(pattern)
		}
	}
	var b strings.Builder
	letters, uppers := 0, 0
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
		w := pattern[t.Start:t.End]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps |= 1 << uint(i)
		}
		for _, c := range w {
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					uppers++
				}
			}
		}
	}
	upper = letters >= 2 && letters == uppers && letters <= 6
	if upper {
		caps = 0
	}
	return b.String(), len(toks), caps, upper
}

var leadingArticle = map[string]bool{"the": true, "le": true, "la": true, "les": true, "l'": true}

// firstHash is a cheap hash of a token for the filter of pattern starts.
func firstHash(s string) uint32 {
	if s == "" {
		return 0
	}
	h := uint32(len(s))*0x9E3779B1 ^ uint32(s[0])<<8 ^ uint32(s[len(s)-1])<<16 ^ uint32(s[len(s)/2])
	return (h * 2654435761) >> 16
}

func (r *Resolver) addPattern(pattern string, h hit) {
	// a title keeps its article ("Le Point", "The Economist"): without it, it is a common word
	keep := h.entry >= 0 && hasSector(r.entries[h.entry].Sector, "JRN")
	key, n, caps, upper := keyOf(pattern, keep)
	if key == "" {
		return
	}
	h.caps, h.upper = caps, upper
	if upper && h.form == FormName || upper && h.form == FormAlias {
		h.form = FormAcronym
	}
	for _, o := range r.pats[key] {
		if o.entry == h.entry && o.role == h.role && o.upper == h.upper && o.caps == h.caps {
			return
		}
	}
	r.pats[key] = append(r.pats[key], h)
	_ = n
}

// names with parentheses ("Myanmar (Burma)") and "&" give several variants.
func nameVariants(s string) []string {
	s = strings.ReplaceAll(s, "’", "'")
	var out []string
	if i := strings.IndexByte(s, '('); i > 0 {
		if j := strings.IndexByte(s[i:], ')'); j > 0 {
			out = append(out, strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:i+j]))
			return out
		}
	}
	if strings.Contains(s, " & ") {
		out = append(out, strings.ReplaceAll(s, " & ", " and "), strings.ReplaceAll(s, " & ", " et "))
		return out
	}
	if strings.Contains(s, " - ") { // "Congo - Kinshasa"
		out = append(out, strings.ReplaceAll(s, " - ", "-"))
		return out
	}
	return []string{s}
}

func (r *Resolver) loadCountries() error {
	gen, err := rows("data/countries_gen.tsv", 4)
	if err != nil {
		return err
	}
	iso2 := map[string]string{}
	for _, f := range gen {
		iso3, code, en, fr := f[0], f[1], f[2], f[3]
		if len(iso3) != 3 || len(code) != 2 {
			return fmt.Errorf("actors: countries_gen.tsv: bad codes %q %q", iso3, code)
		}
		i, err := r.addEntry(entry{Actor: doc.Actor{ID: iso3, Name: nameVariants(en)[0], Kind: kindCountry, Country: iso3, Sector: []string{"GOV"}}, typ: "GPE"})
		if err != nil {
			return err
		}
		iso2[iso3] = code
		for _, n := range append(nameVariants(en), nameVariants(fr)...) {
			r.addPattern(n, hit{entry: int32(i), role: -1, form: FormName})
		}
		// the flag: two regional indicator symbols
		flag := string([]rune{0x1F1E6 + rune(code[0]-'A'), 0x1F1E6 + rune(code[1]-'A')})
		r.addPattern(flag, hit{entry: int32(i), role: -1, form: FormFlag})
	}
	hand, err := rows("data/countries.tsv", 7)
	if err != nil {
		return err
	}
	for _, f := range hand {
		i, ok := r.byID[f[0]]
		if !ok {
			return fmt.Errorf("actors: countries.tsv: unknown country %q", f[0])
		}
		if f[6] != "" {
			r.entries[i].Wikidata = f[6]
		}
		for _, n := range split(f[1]) {
			r.addPattern(n, hit{entry: int32(i), role: -1, form: FormAlias})
		}
		for _, d := range frenchDemonyms(f[2]) {
			r.addPattern(d, hit{entry: int32(i), role: -1, form: FormDemonym})
		}
		en := englishDemonyms(f[3])
		if len(en) > 0 {
			r.entries[i].demonym = en[0]
		}
		for _, d := range en {
			r.addPattern(d, hit{entry: int32(i), role: -1, form: FormDemonym})
		}
		for _, city := range split(f[4]) {
			names := strings.Split(city, "/")
			pid := slug(names[0])
			if _, dup := r.byID[pid]; dup {
				pid = "place-" + pid
			}
			pi, err := r.addEntry(entry{Actor: doc.Actor{ID: pid, Name: strings.TrimSpace(names[0]), Kind: kindPlace, Country: f[0]}, typ: "LOC"})
			if err != nil {
				return err
			}
			for _, c := range names {
				r.addPattern(strings.TrimSpace(c), hit{entry: int32(i), role: -1, form: FormCapital, place: int32(pi)})
			}
		}
		for _, s := range split(f[5]) {
			name, sect, _ := strings.Cut(s, "=")
			r.addPattern(name, hit{entry: int32(i), role: -1, form: FormSeat, sect: sect})
		}
	}
	return nil
}

// frenchDemonyms inflects a French masculine singular demonym for gender and number, or
// returns the forms as written when there are several.
func frenchDemonyms(s string) []string {
	if s == "" {
		return nil
	}
	if strings.Contains(s, "|") {
		return split(s)
	}
	switch {
	case strings.HasSuffix(s, "en"), strings.HasSuffix(s, "on"):
		return []string{s, s + "ne", s + "s", s + "nes"}
	case strings.HasSuffix(s, "ais"), strings.HasSuffix(s, "ois"):
		return []string{s, s + "e", s + "es"}
	case strings.HasSuffix(s, "e"):
		return []string{s, s + "s"}
	case strings.HasSuffix(s, "al"):
		return []string{s, s + "e", s[:len(s)-2] + "aux", s + "es"}
	default: // malien handled above; marocain, américain, afghan, argentin, birman, philippin, mongol
		return []string{s, s + "e", s + "s", s + "es"}
	}
}

// englishDemonyms adds the plural noun of an English demonym ending in -an or -i.
func englishDemonyms(s string) []string {
	if s == "" {
		return nil
	}
	if strings.Contains(s, "|") {
		return split(s)
	}
	if strings.HasSuffix(s, "an") || strings.HasSuffix(s, "i") {
		return []string{s, s + "s"}
	}
	return []string{s}
}

func sectors(s string) []string {
	if s == "" || s == "-" {
		return []string{}
	}
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var validKinds = map[string]bool{kindPerson: true, kindCountry: true, kindOrg: true, kindColl: true, kindPlace: true, kindNone: true}
var validTypes = map[string]bool{"PER": true, "ORG": true, "GPE": true, "LOC": true, "MISC": true}

func (r *Resolver) loadActors() error {
	rs, err := rows("data/actors.tsv", 7)
	if err != nil {
		return err
	}
	for _, f := range rs {
		names := split(f[6])
		if f[0] == "" || len(names) == 0 || !validKinds[f[1]] || !validTypes[f[2]] {
			return fmt.Errorf("actors: actors.tsv: bad row %q", strings.Join(f, "\t"))
		}
		if f[3] != "" {
			if _, ok := r.byID[f[3]]; !ok {
				return fmt.Errorf("actors: actors.tsv: %s: unknown country %q", f[0], f[3])
			}
		}
		i, err := r.addEntry(entry{Actor: doc.Actor{ID: f[0], Name: names[0], Kind: f[1], Country: f[3], Sector: sectors(f[4]), Wikidata: f[5]}, typ: f[2]})
		if err != nil {
			return err
		}
		for k, n := range names {
			form := FormAlias
			if k == 0 {
				form = FormName
			}
			if strings.HasPrefix(n, "~") { // an adjective: counts only next to a role word
				n, form = n[1:], FormDemonym
			}
			r.addPattern(n, hit{entry: int32(i), role: -1, form: form})
		}
	}
	return nil
}

func (r *Resolver) loadPlaces() error {
	rs, err := rows("data/places.tsv", 2)
	if err != nil {
		return err
	}
	for _, f := range rs {
		names := split(f[0])
		if len(names) == 0 {
			return fmt.Errorf("actors: places.tsv: empty names")
		}
		if _, ok := r.byID[f[1]]; !ok || len(f[1]) != 3 {
			return fmt.Errorf("actors: places.tsv: %s: unknown country %q", names[0], f[1])
		}
		id := slug(names[0])
		if _, dup := r.byID[id]; dup {
			id = "place-" + id
		}
		i, err := r.addEntry(entry{Actor: doc.Actor{ID: id, Name: names[0], Kind: kindPlace, Country: f[1]}, typ: "LOC"})
		if err != nil {
			return err
		}
		for k, n := range names {
			form := FormAlias
			if k == 0 {
				form = FormName
			}
			r.addPattern(n, hit{entry: int32(i), role: -1, form: form})
		}
	}
	return nil
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}

func nameWords(name string) []string {
	var ws []string
	for _, t := range segment.Tokens(name) {
		if t.Kind == doc.Word && len(t.Norm) > 1 && !strings.HasSuffix(t.Norm, "'") {
			ws = append(ws, t.Norm)
		}
	}
	return ws
}

func (r *Resolver) loadPeople() error {
	rs, err := rows("data/people.tsv", 7)
	if err != nil {
		return err
	}
	for _, f := range rs {
		if f[0] == "" || f[1] == "" {
			return fmt.Errorf("actors: people.tsv: bad row %q", strings.Join(f, "\t"))
		}
		if f[2] != "" {
			if _, ok := r.byID[f[2]]; !ok {
				return fmt.Errorf("actors: people.tsv: %s: unknown country %q", f[0], f[2])
			}
		}
		e := entry{Actor: doc.Actor{ID: f[0], Name: f[1], Kind: kindPerson, Country: f[2], Sector: sectors(f[3]), Wikidata: f[4]}, typ: "PER"}
		e.words = nameWords(f[1])
		for _, ts := range strings.Split(f[6], ";") {
			ts = strings.TrimSpace(ts)
			if ts == "" {
				continue
			}
			p := strings.Split(ts, ":")
			if len(p) != 3 {
				return fmt.Errorf("actors: people.tsv: %s: bad term %q (want role:FROM:TO)", f[0], ts)
			}
			t := term{role: p[0], org: f[2]}
			if rl, org, ok := strings.Cut(p[0], "@"); ok {
				t.role, t.org = rl, org
			}
			if t.from, err = parseDate(p[1]); err != nil {
				return fmt.Errorf("actors: people.tsv: %s: %w", f[0], err)
			}
			if t.to, err = parseDate(p[2]); err != nil {
				return fmt.Errorf("actors: people.tsv: %s: %w", f[0], err)
			}
			e.terms = append(e.terms, t)
		}
		i, err := r.addEntry(e)
		if err != nil {
			return err
		}
		r.addPattern(f[1], hit{entry: int32(i), role: -1, form: FormName})
		for _, a := range split(f[5]) {
			r.addPattern(a, hit{entry: int32(i), role: -1, form: FormAlias})
			if ws := nameWords(a); len(ws) > 1 {
				r.byWords[wordsKey(ws)] = i
				r.entries[i].aliasWords = append(r.entries[i].aliasWords, ws)
				sn := ws[len(ws)-1]
				if len(e.words) == 0 || sn != e.words[len(e.words)-1] {
					r.surname[sn] = append(r.surname[sn], i)
				}
			}
		}
		if len(e.words) > 0 {
			sn := e.words[len(e.words)-1]
			r.surname[sn] = append(r.surname[sn], i)
			r.byWords[wordsKey(e.words)] = i
		}
		for _, t := range e.terms {
			k := t.org + "/" + t.role
			r.leaders[k] = append(r.leaders[k], leaderTerm{entry: i, from: t.from, to: t.to})
		}
	}
	return nil
}

func wordsKey(ws []string) string {
	c := append([]string(nil), ws...)
	sort.Strings(c)
	return strings.Join(c, " ")
}

func (r *Resolver) loadRoles() error {
	rs, err := rows("data/roles.tsv", 6)
	if err != nil {
		return err
	}
	for _, f := range rs {
		switch f[3] {
		case classPerson, classTitle, classState, classInst, classGroup, classAnaphor, classDesc, classPart:
		default:
			return fmt.Errorf("actors: roles.tsv: %q: bad class %q", f[0], f[3])
		}
		rl := role{pattern: f[0], role: f[1], sector: f[2], class: f[3], bare: f[4] == "y" || f[4] == "a", always: f[4] == "a", counted: f[4] == "c"}
		if k := normalize.String(f[0]); strings.Contains(k, "junt") || strings.Contains(k, "putsch") || strings.Contains(k, "milit") {
			rl.junta = rl.class == classState
		}
		if rl.role == "-" {
			rl.role = ""
		}
		// the noun column: m or f, the gender the word gives a person ("sister", "Mme");
		// d, the word alone after a determiner describes a person ("sa cliente", "the peer");
		// k, a kinship word ("her brother": someone's relative)
		for _, c := range f[5] {
			switch c {
			case 'm', 'f':
				rl.gender = byte(c)
			case 'd':
				rl.noun = true
			case 'k':
				rl.kin, rl.noun = true, true
			case '-':
			default:
				return fmt.Errorf("actors: roles.tsv: %q: bad noun column %q (want letters m f d k)", f[0], f[5])
			}
		}
		if rl.class == classDesc {
			rl.noun = true
		}
		if rl.sector == "-" {
			rl.sector = ""
		}
		r.roles = append(r.roles, rl)
		r.addPattern(f[0], hit{entry: -1, role: int32(len(r.roles) - 1), form: FormRole})
	}
	return nil
}

// Leader returns the registry person who held role (president pm foreign defence …) for
// country or organisation org (ISO3 or actor id) on date t.
func (r *Resolver) Leader(org, role string, t time.Time) (doc.Actor, bool) {
	i := r.leader(org, role, t)
	if i < 0 {
		return doc.Actor{}, false
	}
	return r.entries[i].Actor, true
}

func (r *Resolver) leader(org, role string, t time.Time) int {
	best := -1
	var bestFrom time.Time
	for _, lt := range r.leaders[org+"/"+role] {
		if t.Before(lt.from) || (!lt.to.IsZero() && !t.Before(lt.to.AddDate(0, 0, 1))) {
			continue
		}
		if best < 0 || lt.from.After(bestFrom) {
			best, bestFrom = lt.entry, lt.from
		}
	}
	return best
}

// previousLeader returns who held the role last before t (for "the former president").
func (r *Resolver) previousLeader(org, role string, t time.Time) int {
	best := -1
	var bestTo time.Time
	for _, lt := range r.leaders[org+"/"+role] {
		if lt.to.IsZero() || !lt.to.Before(t) {
			continue
		}
		if best < 0 || lt.to.After(bestTo) {
			best, bestTo = lt.entry, lt.to
		}
	}
	return best
}

// roleAt returns the role of a person on date t ("" when none is known).
func (e *entry) roleAt(t time.Time) string {
	for _, tm := range e.terms {
		if !t.Before(tm.from) && (tm.to.IsZero() || t.Before(tm.to.AddDate(0, 0, 1))) {
			return tm.role
		}
	}
	return ""
}

var detKinds = map[string]bool{"def": true, "poss": true, "possm": true, "possf": true, "posspl": true, "indef": true, "gen": true, "count": true, "other": true, "about": true, "all": true, "art": true, "prep": true}

func (r *Resolver) loadDeterminers() error {
	rs, err := rows("data/determiners.tsv", 2)
	if err != nil {
		return err
	}
	r.dets = make(map[string]string, len(rs))
	for _, f := range rs {
		if !detKinds[f[1]] {
			return fmt.Errorf("actors: determiners.tsv: %q: bad kind %q", f[0], f[1])
		}
		r.dets[normalize.String(f[0])] = f[1]
	}
	return nil
}
