package actors

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
)

// Name of the stage.
func (r *Resolver) Name() string { return "actors" }

// Process fills d.Mentions and d.Actors. It needs d.Tokens and d.Sentences (segment).
func (r *Resolver) Process(d *doc.Document) error {
	b := r.getBufs()
	defer r.putBufs(b)
	ms := r.recognize(d, b)
	if cap(d.Mentions) < len(ms) {
		d.Mentions = make([]doc.Mention, 0, len(ms))
	}
	d.Mentions = d.Mentions[:0]
	for _, m := range ms {
		d.Mentions = append(d.Mentions, m.full)
	}
	if cap(d.Actors) < len(b.order) {
		d.Actors = make([]doc.Actor, 0, len(b.order)) // one allocation, not append's doublings
	}
	d.Actors = d.Actors[:0]
	for _, a := range b.order {
		d.Actors = append(d.Actors, *a)
	}
	return nil
}

// Span is a recognised name: the bytes of the name alone (without the titles and role words
// that Process puts in the mention) and its type.
type Span struct {
	Start, End int
	Type       string
}

// Names returns the names found in d, without titles ("Colonel", "le président russe"): the
// spans a named-entity recogniser is scored on. Role words and common nouns are left out.
func (r *Resolver) Names(d *doc.Document) []Span { return r.names(d, false) }

// NamesWithTitles is Names with the titles and role words before a person's name kept in its
// span ("M. Hagenbeck", "le président Macron"), as HIPE annotates them.
func (r *Resolver) NamesWithTitles(d *doc.Document) []Span { return r.names(d, true) }

func (r *Resolver) names(d *doc.Document, titles bool) []Span {
	var out []Span
	b := r.getBufs()
	defer r.putBufs(b)
	for _, m := range r.recognize(d, b) {
		if m.n1 <= m.n0 {
			continue
		}
		typ := m.full.Type
		if m.nameType != "" {
			typ = m.nameType
		}
		n0 := m.n0
		if titles && typ == "PER" && m.full.Tok0 < n0 && !m.roleOnly {
			n0 = m.full.Tok0
			// keep the title itself, not the article before it ("le président Macron" → "président Macron")
		}
		out = append(out, Span{d.Tokens[n0].Start, d.Tokens[m.n1-1].End, typ})
	}
	return out
}

// cand is a mention with the token range of its name part.
type cand struct {
	full     doc.Mention
	n0, n1   int    // tokens of the name proper (no title); n0 == n1 when there is none
	nameType string // type of the name part when it differs from the mention's
	roleOnly bool   // a role phrase without a name ("le président russe")
	actor    *doc.Actor
}

type state struct {
	r           *Resolver
	d           *doc.Document
	items       []item
	aliases     map[string]string     // folded name, surname, acronym → actor id (this document)
	actors      map[string]*doc.Actor // actors referred to so far
	words       map[string][]string   // person actor id → folded name words
	learned     map[string]string     // mention text → actor id already learnt
	lower       map[string]bool       // words written in lower case somewhere (built on demand)
	lowerBuilt  bool                  // the word filters are built
	lastSeen    map[string]int        // person actor id → index in out of its last mention
	capIn       map[string]bool       // capitalisedInside answers
	titled      map[string]bool       // last words of names a title precedes somewhere
	order       []*doc.Actor          // actors in order of first mention
	b           *bufs
	main        string // the document's main country
	cur         int    // index of the item being resolved
	countryPart item   // the country words inside the next role mention (for Names)
	gbuf        []string
	lastReb     string
	out         []cand
	gender      map[string]byte   // person actor id → 'm' or 'f' when a word of the text tells
	kin         map[string]bool   // persons whose relatives the text names ("X's aunt, Y")
	descByNoun  map[string]string // role word → the description actor it made last
	descNoun    map[string]string // description actor id → its role word
}

// bufs are the slices one reading needs, reused across documents through a pool.
type bufs struct {
	items     []item
	items2    []item // the second item buffer (acronym expansions rebuild the list)
	out       []cand
	order     []*doc.Actor
	aliases   map[string]string
	actors    map[string]*doc.Actor
	words     map[string][]string
	learned   map[string]string
	lower     map[string]bool
	titled    map[string]bool
	lastSeen  map[string]int
	capIn     map[string]bool
	lowerBits [1 << 10]uint64
	capBits   [1 << 10]uint64
}

func (r *Resolver) getBufs() *bufs {
	if b, ok := r.pool.Get().(*bufs); ok {
		return b
	}
	return &bufs{}
}

func (r *Resolver) putBufs(b *bufs) {
	if cap(b.items) > 1<<20 || cap(b.items2) > 1<<20 || cap(b.out) > 1<<20 {
		return // do not keep the buffers of a huge document
	}
	for i := range b.out {
		b.out[i] = cand{}
	}
	b.items, b.items2, b.out = b.items[:0], b.items2[:0], b.out[:0]
	for i := range b.order {
		b.order[i] = nil
	}
	b.order = b.order[:0]
	clear(b.aliases)
	clear(b.actors)
	clear(b.words)
	clear(b.learned)
	clear(b.lower)
	clear(b.titled)
	clear(b.lastSeen)
	clear(b.capIn)
	r.pool.Put(b)
}

func (r *Resolver) recognize(d *doc.Document, b *bufs) []cand {
	if len(d.Tokens) == 0 {
		return nil
	}
	if b.aliases == nil {
		b.aliases, b.actors, b.words, b.learned, b.lower, b.titled = map[string]string{}, map[string]*doc.Actor{}, map[string][]string{}, map[string]string{}, map[string]bool{}, map[string]bool{}
		b.lastSeen, b.capIn = map[string]int{}, map[string]bool{}
	}
	st := &state{r: r, d: d, b: b, aliases: b.aliases, actors: b.actors, words: b.words, learned: b.learned, lower: b.lower, lastSeen: b.lastSeen, capIn: b.capIn, order: b.order[:0]}
	st.items = b.items[:0]
	sents := d.Sentences
	if len(sents) == 0 {
		sents = []doc.Sentence{{Start: 0, End: len(d.Text), Tok0: 0, Tok1: len(d.Tokens)}}
	}
	for si, s := range sents {
		if s.Tok0 < 0 || s.Tok1 > len(d.Tokens) || s.Tok0 >= s.Tok1 {
			continue
		}
		st.items = r.scan(d, si, s, st.items)
	}
	st.items = st.expandAcronyms(st.items)
	st.main = st.mainCountry()
	st.titledNames()
	st.out = b.out[:0]
	defer func() { b.items, b.out, b.order = st.items, st.out, st.order }()
	for p := 0; p < len(st.items); {
		p = st.resolve(p)
	}
	sort.SliceStable(st.out, func(i, j int) bool { return st.out[i].full.Start < st.out[j].full.Start })
	return st.out
}

// mainCountry is the country named most often (ties: the first named).
func (st *state) mainCountry() string {
	count := map[string]int{}
	best, bestN := "", 0
	for q := range st.items {
		iso := st.stateCountry(q)
		if iso == "" {
			continue
		}
		count[iso]++
		if count[iso] > bestN {
			best, bestN = iso, count[iso]
		}
	}
	return best
}

// countryOf returns the country an item names (name, alias, demonym, capital, flag, hashtag).
func (st *state) countryOf(it item) string {
	if it.kind != itemEntry && it.kind != itemHashtag {
		return ""
	}
	if len(it.hits) == 1 { // the usual case: no choice to make
		h := it.hits[0]
		if h.entry >= 0 && h.sect == "" && st.r.entries[h.entry].Kind == kindCountry {
			return st.r.entries[h.entry].ID
		}
		return ""
	}
	first := ""
	for _, h := range it.hits {
		if h.entry >= 0 && st.r.entries[h.entry].Kind == kindCountry && h.sect == "" {
			id := st.r.entries[h.entry].ID
			if _, seen := st.actors[id]; seen || id == st.main {
				return id
			}
			if first == "" {
				first = id
			}
		}
	}
	return first
}

// juntaCountry: for "la junte", "the military rulers", among the countries named as states in
// this sentence and the three before (nearest first) and the main one, the first whose head
// of state on the document's date is a soldier in the registry; else ctx.
func (st *state) juntaCountry(p int, ctx string) string {
	military := func(iso string) bool {
		for _, role := range []string{"president", "leader"} {
			if i := st.r.leader(iso, role, st.d.Anchor); i >= 0 && hasSector(st.r.entries[i].Sector, "MIL") {
				return true
			}
		}
		return false
	}
	if p < len(st.items) {
		for q := p - 1; q >= 0 && st.items[q].sent >= st.items[p].sent-3; q-- {
			if c := st.stateCountry(q); c != "" && military(c) {
				return c
			}
		}
	}
	if st.main != "" && military(st.main) {
		return st.main
	}
	return ctx
}

// stateCountry is the country an item names as a state that acts: a country name, a capital
// or a seat, not a demonym ("soldats français") nor a country named as a place ("près de
// l'Ouganda", "in Egypt").
func (st *state) stateCountry(q int) string {
	it := st.items[q]
	c := st.countryOf(it)
	if c == "" {
		return ""
	}
	for _, h := range it.hits {
		if h.entry >= 0 && st.r.entries[h.entry].ID == c {
			if h.form == FormDemonym {
				return ""
			}
			if (h.form == FormName || h.form == FormAlias) && st.locative(it.t0) {
				return ""
			}
			break
		}
	}
	return c
}

// isLocPrep: a preposition of place ("a" is the French "à", not the English article).
func (st *state) isLocPrep(w string) bool {
	if w == "a" {
		return st.d.Lang != "en"
	}
	return st.r.locPrep[w]
}

// locative: a preposition of place stands before token t0 (articles skipped): "in Egypt",
// "au Rwanda", "près de l'Ouganda".
func (st *state) locative(t0 int) bool {
	k := t0 - 1
	for k >= 0 {
		switch st.d.Tokens[k].Norm {
		case "l'", "la", "le", "les", "the":
			k--
			continue
		}
		break
	}
	if k < 0 {
		return false
	}
	w := st.d.Tokens[k].Norm
	if st.isLocPrep(w) {
		return true
	}
	if (w == "de" || w == "d'" || w == "du" || w == "of") && k > 0 {
		switch st.d.Tokens[k-1].Norm {
		case "pres", "proche", "loin", "nord", "sud", "est", "ouest", "north", "south", "east", "west", "centre", "center", "frontiere", "border", "outside":
			return true
		}
	}
	return false
}

// countryAfter: the country named right after token t1 behind a preposition of being in a
// place ("in the Ivory Coast", "en Centrafrique", "au Mali"), or "". Prepositions of
// movement ("to", "into", "vers") are left out: "sent troops to Mali" are not Mali's.
func (st *state) countryAfter(t1 int) string {
	toks := st.d.Tokens
	if t1 >= len(toks) || !st.r.inPrep[toks[t1].Norm] {
		return ""
	}
	k := t1 + 1
	for k < len(toks) && st.r.dets[toks[k].Norm] == "def" {
		k++
	}
	it, ok := st.entryAt(k)
	if !ok {
		return ""
	}
	for _, h := range it.hits {
		if h.form == FormDemonym {
			return ""
		}
	}
	return st.countryOf(it)
}

// entryAt: the first registry entry after the current item that starts at token k.
func (st *state) entryAt(k int) (item, bool) {
	for q := st.cur + 1; q < len(st.items) && st.items[q].t0 <= k; q++ {
		if it := st.items[q]; it.t0 == k && it.kind == itemEntry {
			return it, true
		}
	}
	return item{}, false
}

// peopleCountry: the country a people named by a plural demonym lives in, said right after
// it behind "in"/"of"/"en" and maybe an adjective of a part of the country ("the Albanians
// of southern Serbia", "ethnic Turks in Bulgaria", "les Touareg … du Mali" is not read: a
// French demonym is an adjective), or "".
func (st *state) peopleCountry(t1 int) string {
	toks := st.d.Tokens
	if t1 >= len(toks) || !st.r.inPrep[toks[t1].Norm] && toks[t1].Norm != "of" {
		return ""
	}
	k := t1 + 1
	for k < len(toks) && (st.r.dets[toks[k].Norm] == "def" || st.r.compass[toks[k].Norm]) {
		k++
	}
	it, ok := st.entryAt(k)
	if !ok {
		return ""
	}
	for _, h := range it.hits {
		if h.form != FormName && h.form != FormAlias {
			return "" // "Albanians of the Serbian army": a demonym qualifies what follows
		}
	}
	return st.countryOf(it)
}

// storyCountry: the context's country (contextCountry), else the first country the
// sentence of item p names in any way (a short text may name it only once, after a
// preposition or in an adjective).
func (st *state) storyCountry(p int) string {
	if c := st.contextCountry(p); c != "" {
		return c
	}
	if p >= len(st.items) {
		return ""
	}
	for q := p + 1; q < len(st.items) && st.items[q].sent == st.items[p].sent; q++ {
		if c := st.countryOf(st.items[q]); c != "" {
			return c
		}
	}
	// no country named at all: the country of an organisation of one country that the sentence
	// names ("President X conceded to demands from UNITA": Angola's)
	for q := p + 1; q < len(st.items) && st.items[q].sent == st.items[p].sent; q++ {
		if c := st.orgCountry(st.items[q]); c != "" {
			return c
		}
	}
	return ""
}

// orgCountry: the country of the organisation of one country an item names, or "".
func (st *state) orgCountry(it item) string {
	if it.kind != itemEntry {
		return ""
	}
	for _, h := range it.hits {
		if h.entry >= 0 && st.r.entries[h.entry].Kind == kindOrg && st.r.entries[h.entry].Country != "" {
			return st.r.entries[h.entry].Country
		}
	}
	return ""
}

// placeCountry: the country of the region, province or town an item names (not a country's
// own name or capital), or "".
func (st *state) placeCountry(it item) string {
	if it.kind != itemEntry {
		return ""
	}
	for _, h := range it.hits {
		if h.entry >= 0 && st.r.entries[h.entry].Kind == kindPlace {
			return st.r.entries[h.entry].Country
		}
	}
	return ""
}

// contextCountry is the country named last before item p (in this sentence or the three
// before), else the document's main country: what "la junte", "the authorities" stand for.
func (st *state) contextCountry(p int) string {
	if p < len(st.items) {
		for q := p - 1; q >= 0 && st.items[q].sent >= st.items[p].sent-3; q-- {
			if c := st.stateCountry(q); c != "" {
				return c
			}
		}
	}
	return st.main
}

// collAdj returns the collective whose adjective the item is ("Western", "occidentaux"), or -1.
func (st *state) collAdj(it item) int32 {
	if it.kind != itemEntry {
		return -1
	}
	for _, h := range it.hits {
		if h.entry >= 0 && h.form == FormDemonym && st.r.entries[h.entry].Kind == kindColl {
			return h.entry
		}
	}
	return -1
}

// collectiveMention: a group of a collective ("Western leaders" → west-gov, a collective with
// the role's sector, named as the text names it).
func (st *state) collectiveMention(t0, t1 int, c int32, rl *role) {
	e := &st.r.entries[c]
	sector := rl.sector
	if sector == "" {
		sector = "GOV"
	}
	id := e.ID + "-" + strings.ToLower(sector)
	a, ok := st.actors[id]
	if !ok {
		a = &doc.Actor{ID: id, Name: st.d.Text[st.d.Tokens[t0].Start:st.d.Tokens[t1-1].End], Kind: kindColl, Sector: []string{sector}}
	}
	st.add(cand{roleOnly: true, full: doc.Mention{Tok0: t0, Tok1: t1, Type: "ORG", Form: FormRole}, actor: a})
}

// orgOf returns the id of the organisation an item names, or "".
func (st *state) orgOf(it item) string {
	if it.kind != itemEntry || it.hits[0].entry < 0 {
		return ""
	}
	e := &st.r.entries[it.hits[0].entry]
	if e.Kind != kindOrg {
		return ""
	}
	return e.ID
}

func (st *state) roleOf(it item) *role {
	if it.kind != itemRole {
		return nil
	}
	return &st.r.roles[it.hits[0].role]
}

// gapOK reports whether the tokens between two items are only the given connector words.
func (st *state) gap(a, b item) []string {
	st.gbuf = st.gbuf[:0]
	for k := a.t1; k < b.t0 && len(st.gbuf) < 8; k++ {
		st.gbuf = append(st.gbuf, st.d.Tokens[k].Norm)
	}
	if b.t0-a.t1 > 8 {
		st.gbuf = append(st.gbuf, "\x00") // too long a gap: matches no connector set
	}
	return st.gbuf
}

var chainGap = map[string]bool{"-": true, ".": true, "'s": true, "'": true, "the": true, "l'": true, "le": true, "la": true, "de": true, "du": true, "d'": true, "des": true, "of": true}
var nameGap = map[string]bool{"-": true, ".": true, "'s": true, "'": true}
var ofGap = map[string]bool{"de": true, "du": true, "d'": true, "des": true, "la": true, "l'": true, "le": true, "les": true, "of": true, "the": true}
var stateGap = map[string]bool{"de": true, "du": true, "d'": true, "des": true, "la": true, "l'": true, "le": true, "les": true, "of": true, "the": true, "in": true, "a": true}

func allIn(ws []string, set map[string]bool, fillers map[string]bool) bool {
	for _, w := range ws {
		if !set[w] && !fillers[w] {
			return false
		}
	}
	return true
}

// resolve handles the item at p and returns the index of the next item to handle.
func (st *state) resolve(p int) int {
	it := st.items[p]
	st.cur = p
	if q, ok := st.personChain(p); ok {
		return q
	}
	// "an American journalist", "a Kenyan activist": someone new of that country
	if q, ok := st.newOfCountry(p); ok {
		return q
	}
	// Country + role: "Russian President", "the UK government", "Russia's army"
	if iso := st.countryOf(it); iso != "" && p+1 < len(st.items) && st.items[p+1].sent == it.sent {
		if rl := st.roleOf(st.items[p+1]); rl != nil && rl.class != classTitle {
			g := st.gap(it, st.items[p+1])
			if len(g) == 0 || len(g) == 1 && (g[0] == "'s" || g[0] == "'" || g[0] == "-") || allIn(g, nil, st.r.fillers) {
				st.countryPart = it
				st.roleMention(it.t0, st.items[p+1].t1, rl, iso, "", false)
				return p + 2
			}
		}
	}
	// a region or town and a group word: "Darfur rebels", "Gao militias" are that country's
	if pc := st.placeCountry(it); pc != "" && p+1 < len(st.items) && st.items[p+1].sent == it.sent && st.items[p+1].t0 == it.t1 {
		if rl := st.roleOf(st.items[p+1]); rl != nil && rl.class == classGroup {
			st.entryMention(it)
			st.cur = p + 1
			st.roleMention(st.items[p+1].t0, st.items[p+1].t1, rl, pc, "", false)
			return p + 2
		}
	}
	// organisation + office: "UN Secretary-General", "le secrétaire général de l'ONU"
	if org := st.orgOf(it); org != "" && p+1 < len(st.items) && st.items[p+1].sent == it.sent {
		if rl := st.roleOf(st.items[p+1]); rl != nil && rl.class == classPerson {
			g := st.gap(it, st.items[p+1])
			if len(g) == 0 || len(g) == 1 && (g[0] == "'s" || g[0] == "-") {
				if i := st.r.leader(org, rl.role, st.d.Anchor); i >= 0 {
					st.add(cand{roleOnly: true, full: doc.Mention{Tok0: it.t0, Tok1: st.items[p+1].t1, Type: "PER", Form: FormRole}, actor: st.entryActor(int32(i))})
					return p + 2
				}
			}
		}
	}
	// a collective's adjective and a role word: "Western leaders", "enquêteurs occidentaux"
	if p+1 < len(st.items) && st.items[p+1].sent == it.sent && st.items[p+1].t0 == it.t1 {
		if c, rl := st.collAdj(it), st.roleOf(st.items[p+1]); c >= 0 && rl != nil && rl.class != classTitle {
			st.collectiveMention(it.t0, st.items[p+1].t1, c, rl)
			return p + 2
		}
		if c, rl := st.collAdj(st.items[p+1]), st.roleOf(it); c >= 0 && rl != nil && rl.class != classTitle {
			st.collectiveMention(it.t0, st.items[p+1].t1, c, rl)
			return p + 2
		}
	}
	switch it.kind {
	case itemRole:
		rl := st.roleOf(it)
		if rl.class == classPart {
			return st.partMention(p)
		}
		if rl.class == classTitle || rl.class == classDesc {
			if rl.noun {
				st.descMention(p, rl)
			}
			return p + 1
		}
		if rl.class == classState {
			if iso := st.stateOfPerson(p); iso != "" {
				st.roleMention(it.t0, it.t1, rl, iso, "", false)
				return p + 1
			}
		}
		if rl.class == classPerson && p+1 < len(st.items) && st.items[p+1].sent == it.sent {
			if org := st.orgOf(st.items[p+1]); org != "" {
				g := st.gap(it, st.items[p+1])
				if len(g) <= 3 && allIn(g, ofGap, nil) {
					if i := st.r.leader(org, rl.role, st.d.Anchor); i >= 0 {
						st.add(cand{roleOnly: true, full: doc.Mention{Tok0: it.t0, Tok1: st.items[p+1].t1, Type: "PER", Form: FormRole}, actor: st.entryActor(int32(i))})
						return p + 2
					}
				}
			}
		}
		// role + country: "le président russe", "l'armée malienne", "le régime de Bamako"
		if p+1 < len(st.items) && st.items[p+1].sent == it.sent {
			if iso := st.countryOf(st.items[p+1]); iso != "" {
				g := st.gap(it, st.items[p+1])
				gs := ofGap
				if rl.class == classState {
					gs = stateGap
				}
				// "en/in X" is where a group is, not whose; "soldats au Mali" may be sent there
				if len(g) <= 3 && allIn(g, gs, st.r.fillers) && !(len(g) > 0 && rl.class != classState && (g[0] == "en" || g[0] == "in" || rl.class == classInst && (g[0] == "au" || g[0] == "aux"))) {
					st.countryPart = st.items[p+1]
					t1 := st.items[p+1].t1
					// "le ministre nigérien de la Défense": the ministry after the nationality
					if rl.role == "minister" {
						if r2, n := st.ministryAfter(t1); r2 != nil {
							rl, t1 = r2, t1+n
						}
					}
					// "le ministère malien de la Défense": the ministry of defence is the army's
					if st.d.Tokens[it.t0].Norm == "ministere" || st.d.Tokens[it.t0].Norm == "ministry" {
						if r2, n := st.ministryAfter(t1); r2 != nil {
							t1 += n
							if r2.role == "defence" {
								rl = &role{pattern: "ministère de la défense", sector: "MIL", class: classInst}
							}
						}
					}
					next := p + 2
					for next < len(st.items) && st.items[next].t0 < t1 {
						next++
					}
					st.roleMention(it.t0, t1, rl, iso, "", st.former(p))
					return next
				}
			}
		}
		// "les rebelles du Nord-Kivu", "rebels of Darfur": the group of the place's country
		if rl.class == classGroup && p+1 < len(st.items) && st.items[p+1].sent == it.sent {
			if pc := st.placeCountry(st.items[p+1]); pc != "" {
				if g := st.gap(it, st.items[p+1]); len(g) >= 1 && len(g) <= 2 && allIn(g, ofGap, nil) {
					st.roleMention(it.t0, it.t1, rl, pc, "", false)
					return p + 1
				}
			}
		}
		if rl.class == classAnaphor {
			st.anaphorMention(p, rl)
			return p + 1
		}
		// "leur porte-parole", "its leader": someone of the group named last
		if rl.class == classPerson && st.docHolder(rl.role, false) == "" {
			if kind, _ := st.determiner(it.t0); kind == "posspl" || kind == "poss" || kind == "possm" || kind == "possf" {
				if st.descMention(p, rl) {
					return p + 1
				}
			}
		}
		st.roleMention(it.t0, it.t1, rl, "", "", st.former(p))
		return p + 1
	case itemEntry:
		st.entryMention(it)
	case itemHashtag:
		if len(it.hits) > 0 {
			st.entryMention(it)
		}
	case itemName:
		st.nameMention(it)
	case itemHandle:
		st.handleMention(p)
	}
	return p + 1
}

var ministries = []struct {
	words []string
	role  string
}{
	{[]string{"de", "la", "defense"}, "defence"},
	{[]string{"des", "armees"}, "defence"},
	{[]string{"des", "affaires", "etrangeres"}, "foreign"},
	{[]string{"de", "l'", "interieur"}, "interior"},
}

// ministryAfter reads "de la Défense", "des Affaires étrangères" at token t and returns the
// role of that minister and the number of tokens.
func (st *state) ministryAfter(t int) (*role, int) {
	toks := st.d.Tokens
	for _, m := range ministries {
		if t+len(m.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range m.words {
			if toks[t+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			for i := range st.r.roles {
				if st.r.roles[i].class == classPerson && st.r.roles[i].role == m.role {
					return &st.r.roles[i], len(m.words)
				}
			}
		}
	}
	return nil, 0
}

// former reports whether a "former"/"ancien"/"then" word stands just before item p.
func (st *state) former(p int) bool {
	t0 := st.items[p].t0
	for k := t0 - 1; k >= 0 && k >= t0-3; k-- {
		switch st.d.Tokens[k].Norm {
		case "former", "ancien", "ancienne", "ex", "then", "late", "feu":
			return true
		case "-", "l'", "le", "la", "the", "'":
			continue
		}
		break
	}
	return false
}

// formerChain: a word of past office ("former", "ousted", "ancien", "ex-") heads a chain of
// titles ending at token end, or stands right before its start t0.
func (st *state) formerChain(t0, end int) bool {
	for k := max(0, t0-2); k < end; k++ {
		switch st.d.Tokens[k].Norm {
		case "former", "ousted", "deposed", "toppled", "ex", "ancien", "ancienne":
			return true
		}
	}
	return false
}

// personChain reads titles, roles and countries followed by a name: "Colonel Assimi GOITA",
// "le président kenyan Uhuru Kenyatta", "Ukraine President Volodymyr Zelensky", "UK PM Rishi Sunak".
func (st *state) personChain(p int) (int, bool) {
	// a chain starts with a role or title, or with one item (a country, an organisation, a
	// word) right before one
	if st.items[p].kind != itemRole && (p+1 >= len(st.items) || st.items[p+1].kind != itemRole || st.items[p+1].sent != st.items[p].sent) {
		return 0, false
	}
	var (
		rl      *role
		iso     string
		org     string
		hasRole bool
		orgItem = -1
	)
	for q := p; q < len(st.items) && q < p+7; q++ {
		it := st.items[q]
		if it.sent != st.items[p].sent {
			return 0, false
		}
		if q > p {
			g := st.gap(st.items[q-1], it)
			comma := len(g) == 1 && g[0] == ","
			if it.kind == itemName || it.kind == itemEntry && st.countryOf(it) == "" {
				// before the name itself: only a hyphen, a full stop (M.), a comma, 's
				if !(allIn(g, nameGap, nil) || comma && hasRole) {
					return 0, false
				}
			} else if !allIn(g, chainGap, st.r.fillers) {
				return 0, false
			} else if it.kind == itemRole && hasOf(g) {
				// "l'avocat de la chanteuse X": the first is someone else's, not X's title
				return 0, false
			}
		}
		switch it.kind {
		case itemRole:
			x := st.roleOf(it)
			if x.class != classPerson && x.class != classTitle && x.class != classDesc {
				return 0, false
			}
			hasRole = true
			if x.class == classPerson || rl == nil || rl.class == classTitle {
				rl = x
			}
			continue
		case itemEntry:
			if c := st.countryOf(it); c != "" && q+1 < len(st.items) {
				if iso == "" {
					iso = c
				}
				continue
			}
			e := &st.r.entries[it.hits[0].entry]
			if e.Kind == kindPerson {
				if !hasRole {
					return 0, false
				}
				st.personMention(st.chainStart(p, orgItem), it, rl, iso)
				st.noteChain(p, q)
				return q + 1, true
			}
			if (e.Kind == kindOrg || e.Kind == kindColl) && !hasRole && q+1 < len(st.items) && st.items[q+1].kind == itemRole {
				org = e.ID
				if iso == "" {
					iso = e.Country
				}
				if q == p {
					orgItem = q
				}
				continue
			}
			return 0, false
		case itemName:
			if q+1 < len(st.items) && st.items[q+1].kind == itemRole && it.t1-it.t0 == 1 && st.items[q+1].t0 == it.t1 && !st.sentenceStart(it.t0) {
				continue // "Energy Minister", "Interior Minister" (not "Jailed activist …")
			}
			if !hasRole {
				return 0, false
			}
			// an organisation name after a role ("Minister of Defence X"?) stays a name
			st.nameChain(st.chainStart(p, orgItem), it, rl, iso, org)
			st.noteChain(p, q)
			return q + 1, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// chainStart: where a person's mention starts; an organisation heading the chain ("Amnesty
// International Secretary General X") is a mention of its own.
func (st *state) chainStart(p, orgItem int) int {
	if orgItem == p {
		st.entryMention(st.items[p])
		return st.items[p+1].t0
	}
	return st.items[p].t0
}

func (st *state) add(c cand) {
	if c.actor != nil {
		if a, ok := st.actors[c.actor.ID]; ok {
			c.actor = a
		} else {
			a := *c.actor
			a.Sector = append([]string{}, a.Sector...)
			st.actors[a.ID] = &a
			c.actor = &a
			st.order = append(st.order, &a)
		}
		c.full.Actor = c.actor.ID
		if c.actor.Kind == kindPerson {
			st.lastSeen[c.actor.ID] = len(st.out)
		}
	}
	t := st.d.Tokens
	c.full.Start, c.full.End = t[c.full.Tok0].Start, t[c.full.Tok1-1].End
	c.full.Text = st.d.Text[c.full.Start:c.full.End]
	st.out = append(st.out, c)
}

func (st *state) entryActor(i int32) *doc.Actor {
	e := &st.r.entries[i]
	if a, ok := st.actors[e.ID]; ok {
		return a
	}
	a := e.Actor
	if e.Kind == kindPerson {
		a.Role = e.roleAt(st.d.Anchor)
	}
	return &a
}

// institution returns the actor for a state institution: ISO3-SECTOR, or the country for GOV.
func (st *state) institution(iso, sector string) *doc.Actor {
	ci, ok := st.r.byID[iso]
	if !ok {
		return nil
	}
	if sector == "" || sector == "GOV" {
		return st.entryActor(int32(ci))
	}
	id := iso + "-" + sector
	if a, ok := st.actors[id]; ok {
		return a
	}
	if i, ok := st.r.byID[id]; ok {
		return st.entryActor(int32(i))
	}
	c := &st.r.entries[ci]
	name := c.Name + ": " + sectorNames[sector]
	if c.demonym != "" {
		name = c.demonym + " " + sectorNames[sector]
	}
	return &doc.Actor{ID: id, Name: name, Kind: kindOrg, Country: iso, Sector: []string{sector}}
}

var sectorNames = map[string]string{"MIL": "armed forces", "COP": "police", "JUD": "judiciary", "LEG": "legislature", "REB": "rebels", "OPP": "opposition", "CVL": "civilians", "REF": "refugees", "JRN": "journalists", "MED": "media", "SPY": "intelligence services", "PTY": "political parties", "GOV": "government", "BUS": "business", "EDU": "education", "HLH": "health", "CRM": "criminals"}

func (st *state) entryMention(it item) {
	h := it.hits[0]
	// prefer a hit whose actor is already in the document
	for _, x := range it.hits {
		if x.entry >= 0 {
			if _, ok := st.actors[st.r.entries[x.entry].ID]; ok {
				h = x
				break
			}
		}
	}
	e := &st.r.entries[h.entry]
	if e.Kind == kindNone || e.Kind == kindColl && h.form == FormDemonym { // a named event or thing, an adjective alone: no actor
		if e.Kind == kindColl {
			e = &entry{typ: "MISC"}
		}
		st.add(cand{full: doc.Mention{Tok0: it.t0, Tok1: it.t1, Type: e.typ, Form: h.form}, n0: it.t0, n1: it.t1})
		return
	}
	a := st.entryActor(h.entry)
	m := doc.Mention{Tok0: it.t0, Tok1: it.t1, Type: e.typ, Form: h.form}
	c := cand{n0: it.t0, n1: it.t1}
	switch {
	case h.sect != "":
		a = st.institution(e.ID, h.sect)
		m.Type = "ORG"
	case e.Kind == kindCountry && h.form == FormDemonym:
		m.Type = "MISC"
		if st.peopleNoun(it) {
			iso := e.ID
			if in := st.peopleCountry(it.t1); in != "" {
				iso = in // "the Albanians of southern Serbia", "ethnic Turks in Bulgaria"
			}
			a = st.institution(iso, "CVL") // "the Palestinians", "les Maliens": the people
		}
	case e.Kind == kindCountry && h.form == FormCapital:
		if it.t0 > 0 && st.isLocPrep(st.d.Tokens[it.t0-1].Norm) && h.place > 0 {
			// "à Bamako", "in Kampala": the city as a place, not its government
			m.Type = "LOC"
			c.full, c.actor = m, st.entryActor(h.place)
			st.add(c)
			return
		}
		m.Type = "GPE"
	}
	if e.Kind == kindColl {
		if qs, other, _ := st.quantifier(it.t0); other {
			m.Tok0 = qs // "d'autres pays européens", "other Western countries"
		}
	}
	if h.form == FormHashtag || h.form == FormFlag {
		c.nameType = "MISC"
	}
	if e.Kind == kindCountry && (h.form == FormCapital) {
		c.nameType = "LOC"
	}
	c.full, c.actor = m, a
	st.add(c)
	st.learn(a, it.t0, it.t1)
	if e.Kind == kindOrg && hasSector(e.Sector, "REB") {
		st.lastReb = e.ID
	}
}

// peopleNoun: a demonym written as a plural noun names a country's people, not its state:
// "Palestinians", "Malians", "les Maliens", "des Ivoiriens" — capitalised (French
// adjectives are not) and plural, with no name or role word after it that it would qualify.
func (st *state) peopleNoun(it item) bool {
	toks := st.d.Tokens
	last := toks[it.t1-1].Norm
	if !capitalised(st.d, it.t1-1) || !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") {
		return false
	}
	if it.t1 < len(toks) && toks[it.t1].Kind == doc.Word && capitalised(st.d, it.t1) {
		return false
	}
	p := st.cur + 1
	return p >= len(st.items) || st.items[p].t0 != it.t1
}

func hasSector(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// learn records the in-document aliases of an actor named by tokens [t0, t1): its full folded
// name, its surname for a person, and an acronym or handle in parentheses after it.
func (st *state) learn(a *doc.Actor, t0, t1 int) {
	if a == nil {
		return
	}
	toks := st.d.Tokens
	paren := t1+2 < len(toks) && toks[t1].Norm == "("
	if (a.Kind == kindCountry || a.Kind == kindPlace) && !paren {
		return // always found by the registry: nothing to learn
	}
	span := st.d.Text[toks[t0].Start:toks[t1-1].End]
	if st.learned[span] == a.ID && !paren {
		return
	}
	st.learned[span] = a.ID
	var ws []string
	for k := t0; k < t1; k++ {
		if toks[k].Kind == doc.Word && len(toks[k].Norm) > 1 && !strings.HasSuffix(toks[k].Norm, "'") {
			ws = append(ws, toks[k].Norm)
		}
	}
	if len(ws) == 0 {
		return
	}
	if _, ok := st.aliases[strings.Join(ws, " ")]; !ok {
		st.aliases[strings.Join(ws, " ")] = a.ID
	}
	if a.Kind == kindPerson {
		if len(ws) > 1 {
			sn := ws[len(ws)-1]
			if _, taken := st.aliases[sn]; !taken {
				st.aliases[sn] = a.ID
			}
		}
		if len(ws) > 1 && len(ws[0]) > 2 {
			if _, taken := st.aliases[ws[0]]; !taken {
				st.aliases[ws[0]] = a.ID // "Rishi" after "Rishi Sunak"
			}
		}
		if len(ws) > 2 {
			sn := strings.Join(ws[len(ws)-2:], " ")
			if _, taken := st.aliases[sn]; !taken {
				st.aliases[sn] = a.ID
			}
		}
		if _, ok := st.words[a.ID]; !ok || len(ws) > len(st.words[a.ID]) {
			st.words[a.ID] = ws
		}
		if i, ok := st.r.byID[a.ID]; ok {
			for _, w := range st.r.entries[i].words {
				if _, taken := st.aliases[w]; !taken && w == st.r.entries[i].words[len(st.r.entries[i].words)-1] {
					st.aliases[w] = a.ID
				}
			}
			if _, ok := st.words[a.ID]; !ok {
				st.words[a.ID] = st.r.entries[i].words
			}
		}
	}
	// "Ibrahim Boubakar Keïta (IBK)", "Assimi Goïta (@GoitaAssimi)"
	if t1+2 < len(toks) && toks[t1].Norm == "(" && toks[t1+2].Norm == ")" {
		x := toks[t1+1]
		if x.Kind == doc.Handle || x.Kind == doc.Word && allUpper(st.d, t1+1, t1+2) {
			st.aliases[x.Norm] = a.ID
		}
	}
}

// roleMention writes a role phrase: a person role looks the holder up by country and date;
// a state word is the country; an institution is ISO3-SECTOR; a group stays generic.
func (st *state) roleMention(t0, t1 int, rl *role, iso, org string, former bool) {
	c := cand{roleOnly: true, full: doc.Mention{Tok0: t0, Tok1: t1, Form: FormRole}}
	// the country words are a name of their own for a recogniser ("German" in "German troops")
	if cp := st.countryPart; cp.t1 > cp.t0 && cp.t0 >= t0 && cp.t1 <= t1 {
		c.n0, c.n1, c.nameType = cp.t0, cp.t1, "LOC"
		for _, h := range cp.hits {
			if h.form == FormDemonym {
				c.nameType = "MISC"
			}
		}
	}
	st.countryPart = item{}
	if iso == "" && org == "" {
		switch {
		case rl.class == classPerson:
			ctx := st.contextCountry(st.cur)
			if id := st.docHolder(rl.role, former); id != "" {
				c.actor = st.actors[id]
			} else if ctx != "" && (rl.role == "president" || rl.role == "pm") && !former && st.determined(t0) {
				if i := st.r.leader(ctx, rl.role, st.d.Anchor); i >= 0 {
					c.actor = st.entryActor(int32(i))
				}
			} else if ctx != "" && rl.sector != "" && rl.sector != "GOV" && st.determined(t0) {
				c.actor = st.institution(ctx, rl.sector) // "le procureur militaire"
			}
			if c.actor == nil {
				return
			}
			c.full.Type = "PER"
		case rl.class == classGroup || rl.class == classInst && st.quantified(t0):
			ctx := st.contextCountry(st.cur)
			qs, other, quant := st.quantifier(t0)
			if quant && ctx == "" {
				ctx = st.looseCountry(st.cur) // "Au Tchad, environ 40 villageois"
			}
			if rl.counted && !quant {
				return
			}
			if quant {
				c.full.Tok0 = qs // "sept autres personnes", "tous les groupes armés"
			}
			if other {
				// "X … avec sept autres personnes": more of the kind of the actor named before
				if a := st.lastInSentence(qs); a != nil {
					iso, sector := a.Country, rl.sector
					if len(a.Sector) > 0 {
						sector = a.Sector[0]
					}
					if iso == "" {
						iso = ctx
					}
					if iso != "" && sector != "" {
						c.actor = st.institution(iso, sector)
						c.full.Type = "ORG"
						break
					}
				}
			}
			in := st.countryAfter(t1)
			switch {
			case in != "":
				// "rebels in the Ivory Coast", "opposition groups in Zimbabwe", "les rebelles
				// en Centrafrique": the group of the country it is said to be in
				c.actor = st.institution(in, rl.sector)
			case rl.role == "rebels" && st.lastReb != "":
				c.actor = st.actors[st.lastReb]
			case (rl.sector == "OPP" || rl.sector == "CVL" || rl.sector == "PTY") && ctx != "" && (st.determined(t0) || st.counted(t0) || quant):
				c.actor = st.institution(ctx, rl.sector) // "l'opposition", "la société civile"
			default:
				// "Leaders of the X opposition coalition agreed … in Baku", "police dispersed
				// demonstrators" in a story about Liberia: a group the text does not place
				// (not an armed group, whom others may back) belongs to the country the story
				// is about, named before (as a state, a demonym or a place) or, in a sentence
				// that names none before, after it; else the sector's group, of no country
				if rl.sector != "REB" {
					if sc := st.sentenceCountry(st.cur); sc != "" {
						c.actor = st.institution(sc, rl.sector)
						break
					}
				}
				id := "group-" + strings.ToLower(rl.sector)
				if a, ok := st.actors[id]; ok {
					c.actor = a
				} else {
					c.actor = &doc.Actor{ID: id, Name: st.d.Text[st.d.Tokens[t0].Start:st.d.Tokens[t1-1].End], Kind: kindColl, Sector: []string{rl.sector}}
				}
			}
			c.full.Type = "ORG"
		case rl.class == classInst && st.contextCountry(st.cur) != "" && (st.counted(t0) || st.national(t1) || st.indefinite(t0)):
			c.actor = st.institution(st.contextCountry(st.cur), rl.sector)
			c.full.Type = "ORG"
		case rl.bare && st.contextCountry(st.cur) != "" && (st.determined(t0) || rl.always):
			ctx := st.contextCountry(st.cur)
			if rl.junta {
				ctx = st.juntaCountry(st.cur, ctx)
			}
			c.actor = st.institution(ctx, rl.sector)
			c.full.Type = "ORG"
		default:
			return
		}
		st.add(c)
		return
	}
	switch rl.class {
	case classPerson:
		c.full.Type = "PER"
		key := iso
		if org != "" {
			key = org
		}
		i := st.r.leader(key, rl.role, st.d.Anchor)
		if former {
			i = -1
			if id := st.docHolderOf(key, rl.role); id != "" {
				c.actor = st.actors[id]
			} else {
				i = st.r.previousLeader(key, rl.role, st.d.Anchor)
			}
		}
		if i < 0 && rl.role == "leader" {
			i = st.r.leader(key, "president", st.d.Anchor)
		}
		if i >= 0 {
			c.actor = st.entryActor(int32(i))
		}
		if c.actor == nil && iso != "" {
			c.actor = st.institution(iso, "GOV")
		}
	case classState:
		c.actor = st.institution(iso, "GOV")
		c.full.Type = "ORG"
	case classDesc:
		// "Sweden's security chief": someone of that country, not the country
		if g := st.institution(iso, "GOV"); g != nil {
			c.actor = st.newDesc(rl, t0, t1, g)
		}
		c.full.Type = "PER"
	default:
		c.actor = st.institution(iso, rl.sector)
		c.full.Type = "ORG"
	}
	if c.actor == nil {
		return
	}
	st.add(c)
}

// anaphorMention: "le groupe", "the bloc" after an article stand for the organisation (of
// the role's sector, if it has one; never a news outlet) named last in this sentence or the
// three before.
func (st *state) anaphorMention(p int, rl *role) {
	it := st.items[p]
	if !st.determined(it.t0) {
		return
	}
	// "le bloc régional de la Communauté économique des États de l'Afrique de l'Ouest": the organisation that follows
	if p+1 < len(st.items) && st.items[p+1].sent == it.sent {
		if org := st.orgOf(st.items[p+1]); org != "" {
			if g := st.gap(it, st.items[p+1]); len(g) > 0 && len(g) <= 3 && allIn(g, ofGap, nil) {
				st.add(cand{roleOnly: true, full: doc.Mention{Tok0: it.t0, Tok1: it.t1, Type: "ORG", Form: FormRole}, actor: st.entryActor(st.items[p+1].hits[0].entry)})
				return
			}
		}
	}
	for q := len(st.out) - 1; q >= 0; q-- {
		c := st.out[q]
		if st.d.SentenceAt(st.d.Tokens[c.full.Tok0].Start) < it.sent-5 {
			break
		}
		a := c.actor
		if a == nil || a.Kind != kindOrg || hasSector(a.Sector, "JRN") || strings.Contains(a.ID, "-") && len(a.ID) > 3 && a.ID[3] == '-' {
			continue
		}
		if rl.sector != "" && !hasSector(a.Sector, rl.sector) {
			continue
		}
		st.add(cand{roleOnly: true, full: doc.Mention{Tok0: it.t0, Tok1: it.t1, Type: "ORG", Form: FormRole}, actor: a})
		return
	}
}

// hasOf: the gap holds "de", "du", "of": what follows belongs to what precedes.
func hasOf(g []string) bool {
	for _, w := range g {
		switch w {
		case "de", "du", "d'", "des", "of":
			return true
		}
	}
	return false
}

// capsSentence: the sentence of token t is written in capitals (a headline, a shout).
func (st *state) capsSentence(t int) bool {
	si := st.d.SentenceAt(st.d.Tokens[t].Start)
	if si < 0 {
		return false
	}
	s := st.d.Sentences[si]
	words := 0
	for k := s.Tok0; k < s.Tok1; k++ {
		if st.d.Tokens[k].Kind != doc.Word {
			continue
		}
		if !allUpper(st.d, k, k+1) {
			return false
		}
		words++
	}
	return words >= 3
}

// sentenceStart: token t is the first of its sentence.
func (st *state) sentenceStart(t int) bool {
	if t > 0 {
		switch st.d.Tokens[t-1].Norm {
		case ":", "\"", "(", "-":
			return true
		}
	}
	si := st.d.SentenceAt(st.d.Tokens[t].Start)
	return si >= 0 && st.d.Sentences[si].Tok0 == t
}

// determined: a definite article or demonstrative stands before token t0 ("la junte", "the army").
func (st *state) determined(t0 int) bool {
	if t0 == 0 {
		return false
	}
	switch st.d.Tokens[t0-1].Norm {
	case "the", "l'", "la", "le", "les", "this", "these", "cette", "ce", "ces", "its", "sa", "son", "ses", "their", "leur", "leurs":
		return true
	}
	return false
}

// counted: a number or an indefinite determiner stands before token t0 ("huit soldats", "des soldats").
func (st *state) counted(t0 int) bool {
	if t0 == 0 {
		return false
	}
	t := st.d.Tokens[t0-1]
	if t.Kind == doc.Number {
		return true
	}
	switch t.Norm {
	case "des", "de", "d'", "some", "several", "plusieurs", "many", "de nombreux", "nombreux", "two", "three", "four", "five", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "cent", "cents", "mille", "hundreds", "thousands", "dozens", "centaines", "milliers", "dizaines":
		return true
	}
	return false
}

// national: "nationale" follows the role word ("Gendarmerie nationale", "national police").
func (st *state) national(t1 int) bool {
	if t1 >= len(st.d.Tokens) {
		return false
	}
	switch st.d.Tokens[t1].Norm {
	case "nationale", "national", "nationales", "nationaux":
		return true
	}
	return false
}

// maxLookBack bounds the persons a role word is compared with (long texts stay linear).
const maxLookBack = 200

// docHolder returns a person of this document who holds (or, former, held) the role.
func (st *state) docHolder(role string, former bool) string {
	// among the persons of the text (the last maxLookBack introduced), the one mentioned last
	best, bestAt := "", -1
	for i, n := len(st.order)-1, 0; i >= 0 && n < maxLookBack; i-- {
		a := st.order[i]
		if a.Kind != kindPerson {
			continue
		}
		n++
		if st.lastSeen[a.ID] <= bestAt || !st.holds(a, role, former) {
			continue
		}
		best, bestAt = a.ID, st.lastSeen[a.ID]
	}
	return best
}

// holds: the person holds the role on the document's date (or held it before, former).
func (st *state) holds(a *doc.Actor, role string, former bool) bool {
	e, ok := st.r.byID[a.ID]
	if !ok {
		return !former && a.Role == role
	}
	for _, t := range st.r.entries[e].terms {
		if t.role != role {
			continue
		}
		inOffice := !st.d.Anchor.Before(t.from) && (t.to.IsZero() || st.d.Anchor.Before(t.to.AddDate(0, 0, 1)))
		if inOffice != former {
			return true
		}
	}
	return false
}

// docHolderOf: a person of this document who held the role for that country before the anchor.
func (st *state) docHolderOf(org, role string) string {
	best, bestAt := "", -1
	for i, n := len(st.order)-1, 0; i >= 0 && n < maxLookBack; i-- {
		a := st.order[i]
		if a.Kind != kindPerson {
			continue
		}
		n++
		if st.lastSeen[a.ID] <= bestAt {
			continue
		}
		if e, ok := st.r.byID[a.ID]; ok {
			for _, t := range st.r.entries[e].terms {
				if t.role == role && t.org == org && !t.to.IsZero() && t.to.Before(st.d.Anchor) {
					best, bestAt = a.ID, st.lastSeen[a.ID]
					break
				}
			}
		}
	}
	return best
}

// personMention: a chain of titles and roles ending in a registry person.
func (st *state) personMention(t0 int, it item, rl *role, iso string) {
	h := it.hits[0]
	a := st.entryActor(h.entry)
	st.add(cand{full: doc.Mention{Tok0: t0, Tok1: it.t1, Type: "PER", Form: h.form}, n0: it.t0, n1: it.t1, actor: a})
	st.learn(a, it.t0, it.t1)
}

// nameChain: a chain of titles and roles ending in a name not in the registry: a person.
func (st *state) nameChain(t0 int, it item, rl *role, iso, org string) {
	a := st.resolveName(it, "PER")
	if a != nil && strings.HasPrefix(a.ID, "x-") && a.Kind == kindPerson {
		fresh := len(a.Sector) == 0
		if a.Country == "" {
			a.Country = iso
		}
		if i, ok := st.r.byID[org]; ok && org != "" && fresh {
			// "UN Secretary-General X", "Arab League Secretary General Y": an official of
			// the organisation, with its kind (IGO, NGO…) before the office's sector
			a.Sector = append(a.Sector, st.r.entries[i].Sector...)
		}
		if rl != nil && rl.sector != "" && fresh {
			if stateSector(rl.sector) && st.formerChain(t0, it.t0) {
				// "former prime minister X", "Ousted President Y", "l'ex-ministre Z": no
				// longer in office, one of the country's elites (PLOVER/CAMEO ELI, now CVL)
				a.Sector = append(a.Sector, "CVL")
			} else {
				a.Sector = append(a.Sector, rl.sector)
			}
		}
		if a.Country == "" && org == "" && rl != nil && (stateSector(rl.sector) || rl.class == classPerson && fresh) {
			// an officer or official of a state with no country said ("le lieutenant-colonel X",
			// "Judge X", "Vice-President X", "former prime minister Y") serves the country the
			// story is about (as "the president" alone does), else the first country its
			// sentence names: the same party as its government, so two tellings of one arrest,
			// one naming the authorities, one the officer, meet
			a.Country = st.storyCountry(st.cur)
		}
		if rl != nil && a.Role == "" {
			a.Role = rl.role
		}
	}
	typ := "PER"
	if a != nil && a.Kind != kindPerson {
		typ = "ORG"
	}
	st.add(cand{full: doc.Mention{Tok0: t0, Tok1: it.t1, Type: typ, Form: FormName}, n0: it.t0, n1: it.t1, actor: a})
	st.learn(a, it.t0, it.t1)
}

// stateSector: the sectors of a state's own offices (government, army, police, courts,
// parliament, intelligence), whose titled holders belong to a country.
func stateSector(sector string) bool {
	switch sector {
	case "GOV", "MIL", "COP", "JUD", "LEG", "SPY":
		return true
	}
	return false
}

// nameMention: a capitalised name not in the registry, with no title before it.
func (st *state) nameMention(it item) {
	d := st.d
	// "Economist John Smith", "Analyst Paul Melly" at a sentence start: the capitalised
	// common noun before a first name is no part of the name
	if it.t1-it.t0 >= 3 && !it.acro && !st.r.first[d.Tokens[it.t0].Norm] && st.r.first[d.Tokens[it.t0+1].Norm] {
		if si := d.SentenceAt(d.Tokens[it.t0].Start); si >= 0 && d.Sentences[si].Tok0 == it.t0 {
			it.t0++
		}
	}
	n := it.t1 - it.t0
	// a sentence-initial word alone is a name only if the text never writes it in lower case
	if n == 1 {
		si := d.SentenceAt(d.Tokens[it.t0].Start)
		initial := si >= 0 && d.Sentences[si].Tok0 == it.t0 || it.t0 > 0 && (d.Tokens[it.t0-1].Norm == "\"" || d.Tokens[it.t0-1].Norm == ":")
		if initial && !st.knownName(d.Tokens[it.t0].Norm) && (st.lowerElsewhere(d.Tokens[it.t0].Norm) || verbLike(d.Tokens[it.t0].Norm) || !st.r.first[d.Tokens[it.t0].Norm] && !st.capitalisedInside(it.t0)) {
			return
		}
		// a capitalised common noun ("la Chambre", "l'Exposition") is written in lower case
		// elsewhere in the text
		if !initial && !it.acro && !st.knownName(d.Tokens[it.t0].Norm) && st.lowerElsewhere(d.Tokens[it.t0].Norm) {
			return
		}
	}
	typ := st.guessType(it)
	if it.acro && !st.r.first[d.Tokens[it.t0].Norm] {
		typ = "ORG"
	}
	a := st.resolveName(it, typ)
	if a != nil {
		switch a.Kind {
		case kindPerson:
			typ = "PER"
		case kindOrg:
			typ = "ORG"
		case kindPlace:
			typ = "LOC"
		}
		if i, ok := st.r.byID[a.ID]; ok {
			typ = st.r.entries[i].typ
		}
	}
	form := FormName
	if n == 1 && allUpper(d, it.t0, it.t1) && len(d.Tokens[it.t0].Norm) <= 6 {
		form = FormAcronym
		// in a headline written in capitals, an unknown capitalised word is just a word
		if st.capsSentence(it.t0) && a != nil && strings.HasPrefix(a.ID, "x-") {
			return
		}
	}
	if a != nil && a.Kind == kindPerson && !strings.HasPrefix(a.ID, "x-") && n == 1 {
		form = FormSurname
	}
	st.add(cand{full: doc.Mention{Tok0: it.t0, Tok1: it.t1, Type: typ, Form: form}, n0: it.t0, n1: it.t1, actor: a})
	st.learn(a, it.t0, it.t1)
	st.apposition(a)
}

// apposition gives a person unknown to the registry the country and sector of the office that
// follows the name: "Jean Dupont, porte-parole du M23", "Jane Doe, spokeswoman for the army".
func (st *state) apposition(a *doc.Actor) {
	p := st.cur
	if a == nil || a.Kind != kindPerson || !strings.HasPrefix(a.ID, "x-") || p+2 >= len(st.items) {
		return
	}
	a = st.actors[a.ID] // the document's copy
	if a == nil {
		return
	}
	it, rit, oit := st.items[p], st.items[p+1], st.items[p+2]
	if st.nationalityApposition(a, it, rit) {
		return
	}
	rl := st.roleOf(rit)
	if rl == nil || rl.class == classAnaphor || rit.sent != it.sent || oit.sent != it.sent {
		return
	}
	if g := st.gap(it, rit); len(g) != 1 || g[0] != "," {
		return
	}
	g := st.gap(rit, oit)
	if len(g) > 3 || !allIn(g, appositionGap, nil) {
		return
	}
	// the item after the office's complement, right next to it ("Nigerian army", "armée malienne")
	var next *item
	if p+3 < len(st.items) && st.items[p+3].t0 == oit.t1 {
		next = &st.items[p+3]
	}
	country, sectors := "", []string(nil)
	if iso := st.countryOf(oit); iso != "" {
		country = iso
		if next != nil {
			if r2 := st.roleOf(*next); r2 != nil && (r2.class == classInst || r2.class == classState) {
				sectors = []string{r2.sector}
			}
		}
	} else if org := st.orgOf(oit); org != "" {
		e := &st.r.entries[oit.hits[0].entry]
		country, sectors = e.Country, e.Sector
	} else if r2 := st.roleOf(oit); r2 != nil && (r2.class == classInst || r2.class == classState) {
		country, sectors = st.contextCountry(p), []string{r2.sector}
		if next != nil {
			if iso := st.countryOf(*next); iso != "" {
				country = iso
			}
		}
	} else {
		return
	}
	if a.Country == "" {
		a.Country = country
	}
	if len(a.Sector) == 0 {
		switch {
		case len(sectors) > 0:
			a.Sector = append([]string{}, sectors...)
		case rl.sector != "":
			a.Sector = []string{rl.sector}
		}
	}
	if a.Role == "" {
		a.Role = rl.role
	}
}

// nationalityApposition: "John Doe, a Kenyan diplomat, said…", "Jane Roe, Algeria's leading
// activist, …", "Awa Diallo, une diplomate sénégalaise, …": an apposition with a nationality
// and no role word the registry knows gives the person its country. The item rit is the
// country; the apposition opens with an article or the name of the country and closes with
// a comma within a few words.
func (st *state) nationalityApposition(a *doc.Actor, it, rit item) bool {
	iso := st.countryOf(rit)
	if iso == "" || rit.sent != it.sent {
		return false
	}
	g := st.gap(it, rit)
	if len(g) == 0 || len(g) > 3 || g[0] != "," {
		return false
	}
	for _, w := range g[1:] {
		if st.r.dets[w] == "" && !st.lowerWord(w) {
			return false
		}
	}
	toks := st.d.Tokens
	for k := rit.t1; k < len(toks) && k <= rit.t1+5; k++ {
		w := toks[k].Norm
		if w == "," {
			if a.Country == "" {
				a.Country = iso
			}
			return true
		}
		if toks[k].Kind != doc.Word || capitalised(st.d, k) && w != "'s" {
			return false
		}
	}
	return false
}

// lowerWord: a word written in lower case in the text (a common noun or an adjective).
func (st *state) lowerWord(w string) bool {
	return w != "" && w == strings.ToLower(w) && !st.r.stop[w] || w == "une" || w == "un"
}

var appositionGap = map[string]bool{"de": true, "du": true, "d'": true, "des": true, "la": true, "l'": true, "le": true, "les": true, "of": true, "the": true, "for": true, "pour": true, "a": true, "au": true}

func (st *state) knownName(w string) bool {
	_, ok := st.aliases[w]
	return ok
}

// titledNames records the last words of the names that follow a title or a role anywhere in
// the document ("M. Fragson"), so that the same word alone elsewhere is read as a person.
func (st *state) titledNames() {
	st.titled = st.b.titled
	for p := 0; p+1 < len(st.items); p++ {
		it, nx := st.items[p], st.items[p+1]
		if it.kind != itemRole || nx.kind != itemName || nx.sent != it.sent {
			continue
		}
		if c := st.r.roles[it.hits[0].role].class; c != classTitle && c != classPerson {
			continue
		}
		if g := st.gap(it, nx); !allIn(g, nameGap, nil) {
			continue
		}
		st.titled[st.d.Tokens[nx.t1-1].Norm] = true
	}
}

// wordBits builds, once per document, two filters over the words: those written in lower
// case and those written with a capital inside a sentence (exact checks only on a hit).
func (st *state) wordBits() {
	if st.lowerBuilt {
		return
	}
	st.lowerBuilt = true
	clear(st.b.lowerBits[:])
	clear(st.b.capBits[:])
	si := 0
	sents := st.d.Sentences
	for i := range st.d.Tokens {
		t := &st.d.Tokens[i]
		if t.Kind != doc.Word {
			continue
		}
		for si < len(sents) && sents[si].Tok1 <= i {
			si++
		}
		f := firstHash(t.Norm)
		if c := st.d.Text[t.Start]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && capitalised(st.d, i) {
			if si < len(sents) && sents[si].Tok0 < i {
				st.b.capBits[f>>6] |= 1 << (f & 63)
			}
			continue
		}
		st.b.lowerBits[f>>6] |= 1 << (f & 63)
	}
}

// lowerElsewhere: the word occurs in lower case somewhere in the document.
func (st *state) lowerElsewhere(norm string) bool {
	st.wordBits()
	f := firstHash(norm)
	if st.b.lowerBits[f>>6]&(1<<(f&63)) == 0 {
		return false
	}
	if v, ok := st.lower[norm]; ok {
		return v
	}
	found := false
	for i, t := range st.d.Tokens {
		if t.Norm == norm && t.Kind == doc.Word && !capitalised(st.d, i) {
			found = true
			break
		}
	}
	st.lower[norm] = found
	return found
}

// capitalisedInside: the word of token t0 is also written with a capital inside a sentence
// (not first) somewhere else in the document: a name, not a sentence opener.
func (st *state) capitalisedInside(t0 int) bool {
	norm := st.d.Tokens[t0].Norm
	st.wordBits()
	if v, ok := st.capIn[norm]; ok {
		return v
	}
	if f := firstHash(norm); st.b.capBits[f>>6]&(1<<(f&63)) == 0 {
		return false
	}
	for si := range st.d.Sentences {
		s := st.d.Sentences[si]
		for k := s.Tok0 + 1; k < s.Tok1; k++ {
			if k != t0 && st.d.Tokens[k].Norm == norm && capitalised(st.d, k) {
				st.capIn[norm] = true
				return true
			}
		}
	}
	st.capIn[norm] = false
	return false
}

var speechVerb = map[string]bool{"said": true, "says": true, "told": true, "added": true, "asked": true, "wrote": true, "explained": true, "declared": true, "dit": true, "declare": true, "a-t-il": true, "ajoute": true, "explique": true, "affirme": true}

func verbLike(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ment"))
}

var toponymHead = map[string]bool{"saint": true, "sainte": true, "st": true, "san": true, "santa": true, "sao": true, "port": true, "fort": true, "mont": true, "mount": true, "lake": true, "lac": true, "cap": true, "cape": true, "golfe": true, "gulf": true, "ile": true, "iles": true, "isle": true, "chateau": true, "bois": true, "val": true, "new": true, "nouvelle": true, "nouveau": true, "north": true, "south": true, "east": true, "west": true, "nord": true, "sud": true, "haute": true, "haut": true, "bas": true, "basse": true}

// guessType types a capitalised name the registry does not know.
func (st *state) guessType(it item) string {
	d := st.d
	toks := d.Tokens
	for k := it.t0; k < it.t1; k++ {
		if st.r.orgWords[toks[k].Norm] {
			return "ORG"
		}
	}
	n := 0
	for k := it.t0; k < it.t1; k++ {
		if toks[k].Kind == doc.Word && !nameConnector[toks[k].Norm] {
			n++
		}
	}
	if it.t0 > 0 && st.isLocPrep(toks[it.t0-1].Norm) && !st.r.first[toks[it.t0].Norm] {
		return "LOC"
	}
	// Saint-Brieuc, Port-Gentil, Mont-Saint-Michel, San Francisco, Fort Worth: place names
	if n >= 2 && toponymHead[toks[it.t0].Norm] {
		return "LOC"
	}
	if st.r.first[toks[it.t0].Norm] && n >= 2 {
		return "PER"
	}
	// "the Boatmen", "the Federal Reserve": people are not named with an article
	if it.t0 > 0 && toks[it.t0-1].Norm == "the" && d.Lang != "fr" {
		return "ORG"
	}
	if n == 1 && allUpper(d, it.t0, it.t1) && len(toks[it.t0].Norm) <= 6 {
		return "ORG"
	}
	if n >= 2 && n <= 4 {
		if allUpper(d, it.t0, it.t1) {
			return "ORG"
		}
		return "PER"
	}
	if n == 1 {
		if _, ok := st.aliases[toks[it.t0].Norm]; ok {
			return "PER"
		}
		if st.r.first[toks[it.t0].Norm] || len(st.r.surname[toks[it.t0].Norm]) > 0 || st.titled[toks[it.t0].Norm] {
			return "PER" // a first name, the surname of someone in the registry, or a name that a title precedes elsewhere in the text
		}
		if it.t0 > 0 && speechVerb[toks[it.t0-1].Norm] {
			return "PER" // "…, said Dole."
		}
		// a lone unknown capitalised word with no title, preposition or organisation word
		// around it: measured on the dev sets (docs/quality/ner.md), in French it is as often
		// a capitalised common noun as a name (left out: MISC without actor), in English most
		// often an organisation (clubs, firms)
		if d.Lang == "fr" {
			return "MISC"
		}
		return "ORG"
	}
	return "ORG"
}

// resolveName finds the actor of a capitalised name: an in-document alias, a registry person
// named tolerantly (a one-letter slip per word, a surname after a title), or a new "x-" actor.
func (st *state) resolveName(it item, typ string) *doc.Actor {
	d := st.d
	var ws []string
	for k := it.t0; k < it.t1; k++ {
		t := d.Tokens[k]
		if t.Kind == doc.Word && len(t.Norm) > 0 && !strings.HasSuffix(t.Norm, "'") && t.Norm != "-" {
			ws = append(ws, t.Norm)
		}
	}
	if len(ws) == 0 {
		return nil
	}
	key := strings.Join(ws, " ")
	if id, ok := st.aliases[key]; ok {
		return st.actors[id]
	}
	// a registry person: surname alone after a title or already in the document, or a
	// full name with slips
	if cands := st.r.surname[ws[len(ws)-1]]; len(cands) > 0 {
		if len(ws) == 1 {
			best := -1
			for _, i := range cands {
				if _, ok := st.actors[st.r.entries[i].ID]; ok {
					best = i
					break
				}
			}
			if best < 0 && it.t0 > 0 && typ == "PER" {
				// after a title: the one in office, else the only one
				for _, i := range cands {
					if st.r.entries[i].roleAt(d.Anchor) != "" {
						best = i
						break
					}
				}
				if best < 0 && len(cands) == 1 {
					best = cands[0]
				}
			}
			// a surname only one registry person bears, long enough not to be a common word
			if best < 0 && len(cands) == 1 && len(ws[0]) >= 5 && capitalised(d, it.t0) {
				// only if in office on the document's date (or known without an office):
				// "Clinton" in 1996 is not the Secretary of State of 2009
				if e := &st.r.entries[cands[0]]; len(e.terms) == 0 || e.roleAt(d.Anchor) != "" {
					best = cands[0]
				}
			}
			if best >= 0 {
				return st.entryActor(int32(best))
			}
		} else {
			for _, i := range cands {
				if st.r.tolerant(ws, i) {
					return st.entryActor(int32(i))
				}
			}
		}
	} else if len(ws) > 1 {
		// slip in the surname: try every person sharing the first name
		for sn, cands := range st.r.surnameNear(ws[len(ws)-1]) {
			_ = sn
			for _, i := range cands {
				if st.r.tolerant(ws, i) {
					return st.entryActor(int32(i))
				}
			}
		}
	}
	if typ == "MISC" {
		return nil
	}
	kind := map[string]string{"PER": kindPerson, "ORG": kindOrg, "LOC": kindPlace, "GPE": kindPlace}[typ]
	name := d.Text[d.Tokens[it.t0].Start:d.Tokens[it.t1-1].End]
	a := &doc.Actor{ID: "x-" + slug(key), Name: name, Kind: kind, Sector: []string{}}
	if kind == kindPlace {
		a.Country = st.contextCountry(st.cur) // a town named in a country's story is in that country
	}
	if kind == kindOrg {
		// a nationality inside the name gives the country ("Conseil constitutionnel ivoirien")
		for k := it.t0 + 1; k < it.t1; k++ {
			if n, hs := st.r.lookup(d, k, it.t1); n > 0 {
				if c := st.countryOf(item{kind: itemEntry, hits: hs}); c != "" {
					a.Country = c
					break
				}
			}
		}
	}
	return a
}

// surnameNear returns the registry surnames one edit away from w (only for words of 5+ letters).
func (r *Resolver) surnameNear(w string) map[string][]int {
	if len(w) < 5 {
		return nil
	}
	var out map[string][]int
	for _, sn := range r.surnameBy[w[0]] {
		if editLE1(sn, w) { // the surname's entries are looked up only for a near one
			if out == nil {
				out = map[string][]int{}
			}
			out[sn] = r.surname[sn]
		}
	}
	return out
}

// tolerant: the name's words match the registry person's name or one of its aliases.
func (r *Resolver) tolerant(ws []string, i int) bool {
	e := &r.entries[i]
	if tolerantMatch(ws, e.words) {
		return true
	}
	for _, a := range e.aliasWords {
		if tolerantMatch(ws, a) {
			return true
		}
	}
	return false
}

// tolerantMatch: the name's words are the registry name's words, each within one edit, in
// order, with the same first and last word (middle names may be left out).
func tolerantMatch(ws, rs []string) bool {
	if len(ws) < 2 || len(rs) < 2 || len(ws) > len(rs) {
		return false
	}
	if !editLE1(ws[0], rs[0]) || !editLE1(ws[len(ws)-1], rs[len(rs)-1]) {
		return false
	}
	j := 1
	for _, w := range ws[1 : len(ws)-1] {
		for j < len(rs)-1 && !editLE1(w, rs[j]) {
			j++
		}
		if j >= len(rs)-1 {
			return false
		}
		j++
	}
	return true
}

// editLE1 reports whether a and b are at most one edit apart (short words must be equal).
func editLE1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		return a[i+1:] == b[i+1:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range normalize.String(s) {
		if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// handleMention resolves an @handle: the person whose name words its camel-case parts are,
// or the name it follows in parentheses.
func (st *state) handleMention(p int) {
	it := st.items[p]
	d := st.d
	norm := d.Tokens[it.t0].Norm
	var a *doc.Actor
	if id, ok := st.aliases[norm]; ok {
		a = st.actors[id]
	}
	if a == nil {
		parts := camelParts(d.Text[d.Tokens[it.t0].Start+1 : d.Tokens[it.t0].End])
		if len(parts) > 0 {
			key := wordsKey(parts)
			for id, ws := range st.words {
				if wordsKey(ws) == key || len(parts) > 1 && subset(parts, ws) {
					a = st.actors[id]
					break
				}
			}
			if a == nil {
				if i, ok := st.r.byWords[key]; ok {
					a = st.entryActor(int32(i))
				}
			}
			if a == nil && len(parts) == 1 {
				if id, ok := st.aliases[parts[0]]; ok {
					a = st.actors[id]
				}
			}
			// a handle made of an organisation's or a country's name: @Reuters, @ECOWAS_cedeao
			whole := strings.Join(parts, "")
			for _, w := range append([]string{whole}, parts...) {
				if a != nil {
					break
				}
				for _, h := range st.r.pats[w] {
					if h.entry >= 0 && h.form != FormDemonym {
						if e := &st.r.entries[h.entry]; e.Kind == kindOrg || e.Kind == kindCountry || e.Kind == kindPerson && len(parts) == 1 {
							a = st.entryActor(h.entry)
							break
						}
					}
				}
			}
		}
	}
	typ := "MISC"
	if a != nil {
		typ = map[string]string{kindPerson: "PER", kindCountry: "GPE", kindOrg: "ORG", kindColl: "ORG", kindPlace: "LOC"}[a.Kind]
	}
	st.add(cand{full: doc.Mention{Tok0: it.t0, Tok1: it.t1, Type: typ, Form: FormHandle}, actor: a})
}

func subset(parts, ws []string) bool {
	for _, p := range parts {
		found := false
		for _, w := range ws {
			if editLE1(p, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// camelParts splits a handle at case changes, digits and underscores: GoitaAssimi → goita assimi.
func camelParts(h string) []string {
	var parts []string
	start := 0
	rs := []rune(h)
	flush := func(i int) {
		if i > start {
			w := normalize.String(string(rs[start:i]))
			if len(w) > 1 {
				parts = append(parts, w)
			}
		}
		start = i
	}
	for i := 1; i < len(rs); i++ {
		switch {
		case rs[i] == '_' || unicode.IsDigit(rs[i]):
			flush(i)
			start = i + 1
		case unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]):
			flush(i)
		}
	}
	flush(len(rs))
	return parts
}

// expandAcronyms finds "words (ACR)" where the initials of the words before the parenthesis
// spell the acronym ("Conseil national de transition (CNT)", "Ibrahim Boubakar Keïta (IBK)")
// and makes those words one name item, so that the acronym resolves to the same actor.
func (st *state) expandAcronyms(items []item) []item {
	d := st.d
	toks := d.Tokens
	var out []item // built only when an expansion is found
	idx := 0       // items[:idx] are in out
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].Kind != doc.Punct {
			continue
		}
		if toks[k].Norm != "(" || toks[k+2].Norm != ")" || toks[k+1].Kind != doc.Word || !allUpper(d, k+1, k+2) {
			continue
		}
		acr := toks[k+1].Norm
		if len(acr) < 2 || len(acr) > 6 {
			continue
		}
		// walk back over words, matching initials of content words from the end
		j := len(acr) - 1
		s := k
		for s > 0 && j >= 0 && k-s < 12 {
			t := toks[s-1]
			if t.Kind != doc.Word {
				if t.Norm == "-" {
					s--
					continue
				}
				break
			}
			if acronymFiller[t.Norm] {
				s--
				continue
			}
			if t.Norm[0] != acr[j] {
				break
			}
			j--
			s--
		}
		if j >= 0 || s == k || !capitalised(d, s) {
			continue
		}
		// the expansion [s, k) replaces the items inside it, unless one registry item already is it
		if out == nil {
			out = st.b.items2[:0]
		}
		for idx < len(items) && items[idx].t1 <= s {
			out = append(out, items[idx])
			idx++
		}
		hi := idx
		straddle := false
		for hi < len(items) && items[hi].t0 < k {
			if items[hi].t0 < s || items[hi].t1 > k {
				straddle = true
			}
			hi++
		}
		if straddle || hi-idx == 1 && items[idx].t0 == s && items[idx].t1 == k && items[idx].kind == itemEntry {
			continue
		}
		out = append(out, item{t0: s, t1: k, sent: max(0, d.SentenceAt(toks[s].Start)), kind: itemName, acro: true})
		idx = hi
	}
	if out == nil {
		return items // no expansion: the items as they were
	}
	out = append(out, items[idx:]...)
	st.b.items2, st.b.items = items[:0], out // swap the buffers
	return out
}

var acronymFiller = map[string]bool{"de": true, "du": true, "des": true, "d'": true, "la": true, "le": true, "les": true, "l'": true, "et": true, "pour": true, "of": true, "the": true, "and": true, "for": true, "in": true, "en": true, "a": true, "au": true, "aux": true, "sur": true, "on": true}
