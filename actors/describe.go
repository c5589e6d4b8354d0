package actors

import (
	"github.com/griot-project/griot/doc"
)

// Descriptions: a role word with no name after it, read with its determiner (determiners.tsv).
//   - "the peer", "la correspondante", "sa cliente": a person of the text that fits the word
//     (gender, sector, office), named in this sentence or the two before; a description met
//     before with the same word ("un avocat" … "son avocat") is that one;
//   - "her brother", "sa tante": a relative of the person the text names relatives of ("X's aunt, Y",
//     "his sister, Y");
//   - "leur porte-parole", "their lawyer": a new person of the group named last (its country and
//     sector), "Germany's security chief" one of the country before;
//   - "un avocat", "a witness" (an indefinite article) is someone new the actors stage leaves
//     unnamed: the quotes stage makes a source of it when it speaks ("anon-…");
//   - a description with no fitting antecedent after a definite article is left alone (no actor
//     rather than a wrong one).
// Groups with a number or a quantifier ("sept autres personnes", "environ 300 personnes", "tous
// les groupes armés") span their quantifier; "autres"/"other" gives them the country and sector of
// the actor named before them in the sentence.

// determiner reads the determiner before token t0, over up to two lower-case premodifiers in
// English ("the cross-bench peer", "Germany's security chief"): its kind (determiners.tsv) and
// its first token; "" when there is none.
func (st *state) determiner(t0 int) (string, int) {
	toks := st.d.Tokens
	lo := st.sentTok0(t0)
	skipped := 0
	for k := t0 - 1; k >= lo; k-- {
		w := toks[k].Norm
		if kd, ok := st.r.dets[w]; ok {
			if w == "a" && st.d.Lang != "en" {
				return "", t0
			}
			return kd, k
		}
		if st.d.Lang == "en" && skipped < 3 && (w == "-" || toks[k].Kind == doc.Word && len(w) > 2 && !capitalised(st.d, k) && !verbLike(w) && !st.r.stop[w]) {
			skipped++
			continue
		}
		break
	}
	return "", t0
}

func (st *state) sentTok0(t int) int {
	if si := st.d.SentenceAt(st.d.Tokens[t].Start); si >= 0 {
		return st.d.Sentences[si].Tok0
	}
	return 0
}

func (st *state) sentOf(t int) int { return st.d.SentenceAt(st.d.Tokens[t].Start) }

// quantifier reads a number or quantifier phrase before token t0 ("sept autres", "environ 300",
// "tous les", "d'autres", "dozens of"): its first token, whether it says "other", and whether
// there is one.
func (st *state) quantifier(t0 int) (start int, other, ok bool) {
	toks := st.d.Tokens
	lo := st.sentTok0(t0)
	start = t0
	for k := t0 - 1; k >= lo && k >= t0-5; k-- {
		t := toks[k]
		if t.Kind == doc.Number {
			start, ok = k, true
			continue
		}
		switch st.r.dets[t.Norm] {
		case "count":
			start, ok = k, true
			continue
		case "other":
			start, other, ok = k, true, true
			continue
		case "about":
			if ok {
				start = k
				continue
			}
		case "all":
			if start == k+1 || ok {
				start, ok = k, true
				continue
			}
		case "art":
			if ok {
				start = k // "d'autres", "des dizaines de"
				continue
			}
		case "def":
			// "tous les", "les sept autres"
			if k > lo && st.r.dets[toks[k-1].Norm] == "all" {
				start, ok = k-1, true
				k--
				continue
			}
			if ok {
				start = k
			}
		}
		// "dozens of protesters", "près de 300": a preposition after a count word
		if (t.Norm == "of" || t.Norm == "de") && k > lo && !ok {
			if kd := st.r.dets[toks[k-1].Norm]; kd == "count" || kd == "about" {
				continue
			}
		}
		break
	}
	return start, other, ok
}

// fits: person a can be what role word rl describes (gender, sector, office).
func (st *state) fits(a *doc.Actor, rl *role) bool {
	if a == nil || a.Kind != kindPerson {
		return false
	}
	if g := st.gender[a.ID]; rl.gender != 0 && g != 0 && g != rl.gender {
		return false
	}
	if rl.sector != "" && len(a.Sector) > 0 && !hasSector(a.Sector, rl.sector) {
		return false
	}
	if rl.role != "" && rl.class == classPerson && !st.holds(a, rl.role, false) {
		return false
	}
	if n, ok := st.descNoun[a.ID]; ok && n != rl.pattern {
		return false // "un avocat" is not "the peer"
	}
	return true
}

// antecedent: the person named last (this sentence or the two before, not the one at skip)
// that fits the role word.
func (st *state) antecedent(sent int, rl *role, skip string) *doc.Actor {
	for q := len(st.out) - 1; q >= 0; q-- {
		c := &st.out[q]
		if st.sentOf(c.full.Tok0) < sent-2 {
			break
		}
		if c.actor == nil || c.actor.ID == skip || !st.fits(c.actor, rl) {
			continue
		}
		return st.actors[c.actor.ID]
	}
	return nil
}

// lastGroup: the organisation, collective or institution named last (this sentence or the three
// before): who "leur", "their" stand for.
func (st *state) lastGroup(sent int) *doc.Actor {
	for q := len(st.out) - 1; q >= 0; q-- {
		c := &st.out[q]
		if st.sentOf(c.full.Tok0) < sent-3 {
			break
		}
		if a := c.actor; a != nil && (a.Kind == kindOrg || a.Kind == kindColl) && !hasSector(a.Sector, "JRN") {
			return st.actors[a.ID]
		}
	}
	return nil
}

// firstPerson: the person named first in the sentence before token t (the subject, most often:
// who a possessive stands for).
func (st *state) firstPerson(sent, t int) string {
	for q := len(st.out) - 1; q >= 0; q-- {
		c := &st.out[q]
		if c.full.Tok0 >= t {
			continue
		}
		if st.sentOf(c.full.Tok0) < sent {
			break
		}
		if c.actor != nil && c.actor.Kind == kindPerson && !st.governed(c.full.Tok0) {
			if q == 0 || st.sentOf(st.out[q-1].full.Tok0) < sent || !st.personBefore(q) {
				return c.actor.ID
			}
		}
	}
	return ""
}

// governed: a preposition stands before token t, over its articles ("de la chanteuse X", "of
// the singer X"): the name is a complement, not a subject.
func (st *state) governed(t int) bool {
	k := t - 1
	for k >= 0 && (st.r.dets[st.d.Tokens[k].Norm] == "def" || st.r.dets[st.d.Tokens[k].Norm] == "indef") {
		k--
	}
	if k < 0 {
		return false
	}
	w := st.d.Tokens[k].Norm
	kd := st.r.dets[w]
	return kd == "prep" || kd == "art" || st.isLocPrep(w)
}

// personBefore: a person is named before out[q] in the same sentence.
func (st *state) personBefore(q int) bool {
	sent := st.sentOf(st.out[q].full.Tok0)
	for k := q - 1; k >= 0 && st.sentOf(st.out[k].full.Tok0) == sent; k-- {
		if st.out[k].actor != nil && st.out[k].actor.Kind == kindPerson && !st.governed(st.out[k].full.Tok0) {
			return true
		}
	}
	return false
}

// kinAnchor: the person whose relatives the text names, seen last, that fits the kinship word.
func (st *state) kinAnchor(rl *role, skip string) *doc.Actor {
	var best *doc.Actor
	bestAt := -1
	for id := range st.kin {
		a := st.actors[id]
		if a == nil || id == skip || st.lastSeen[id] <= bestAt {
			continue
		}
		if g := st.gender[id]; rl.gender != 0 && g != 0 && g != rl.gender {
			continue
		}
		best, bestAt = a, st.lastSeen[id]
	}
	return best
}

func (st *state) setGender(id string, g byte) {
	if g == 0 || id == "" {
		return
	}
	if st.gender == nil {
		st.gender = map[string]byte{}
	}
	if _, ok := st.gender[id]; !ok {
		st.gender[id] = g
	}
}

// noteChain records what a chain of titles before a person's name tells: the gender of its
// words ("Ms", "sister") and, for a kinship word, whose relative the person is ("X's aunt, Y",
// "his sister, Y").
func (st *state) noteChain(p, q int) {
	if len(st.out) == 0 {
		return
	}
	c := &st.out[len(st.out)-1]
	if c.actor == nil || c.actor.Kind != kindPerson {
		return
	}
	kin := false
	for k := p; k < q && k < len(st.items); k++ {
		if rl := st.roleOf(st.items[k]); rl != nil {
			st.setGender(c.actor.ID, rl.gender)
			kin = kin || rl.kin
		}
	}
	if !kin {
		return
	}
	kind, start := st.determiner(c.full.Tok0)
	var anchor string
	switch kind {
	case "gen":
		for k := len(st.out) - 2; k >= 0; k-- {
			if o := &st.out[k]; o.full.Tok1 == start && o.actor != nil && o.actor.Kind == kindPerson {
				anchor = o.actor.ID
			}
			if st.out[k].full.Tok1 <= start {
				break
			}
		}
	case "poss", "possm", "possf":
		g := map[string]byte{"possm": 'm', "possf": 'f'}[kind]
		for k := len(st.out) - 2; k >= 0; k-- {
			o := &st.out[k]
			if st.sentOf(o.full.Tok0) < st.sentOf(c.full.Tok0)-2 {
				break
			}
			if o.actor == nil || o.actor.Kind != kindPerson || o.actor.ID == c.actor.ID {
				continue
			}
			if og := st.gender[o.actor.ID]; g != 0 && og != 0 && og != g {
				continue
			}
			anchor = o.actor.ID
			break
		}
	}
	if anchor != "" {
		if st.kin == nil {
			st.kin = map[string]bool{}
		}
		st.kin[anchor] = true
	}
}

// descMention reads role word p as a description of a person (see the top of this file); it
// reports whether it wrote a mention.
func (st *state) descMention(p int, rl *role) bool {
	it := st.items[p]
	kind, start := st.determiner(it.t0)
	var a *doc.Actor
	switch kind {
	case "def", "poss", "possm", "possf", "gen":
		skip := ""
		if kind != "def" {
			skip = st.firstPerson(it.sent, start) // the possessor is not the one described
		}
		if id, ok := st.descByNoun[rl.pattern]; ok {
			a = st.actors[id]
		}
		if a == nil && rl.kin && kind != "def" {
			a = st.kinAnchor(rl, skip)
		}
		var of *doc.Actor // "Germany's security chief": the possessor named before 's
		if q := len(st.out) - 1; kind == "gen" && q >= 0 && st.out[q].full.Tok1 == start && st.out[q].actor != nil {
			of = st.actors[st.out[q].actor.ID]
		}
		if a == nil && rl.kin && kind != "def" {
			return false // "her brother" with no relatives named: not the last person (often the possessor)
		}
		if a == nil {
			a = st.antecedent(it.sent, rl, skip)
			if a != nil && of != nil && of.Kind != kindPerson && a.Country != of.Country {
				a = nil // Germany's chief is no Russian
			}
		}
		if a == nil && of != nil {
			a = st.newDesc(rl, start, it.t1, of)
		}
	case "posspl":
		if g := st.lastGroup(it.sent); g != nil {
			a = st.newDesc(rl, start, it.t1, g)
		}
	}
	if a == nil {
		return false
	}
	if kind == "gen" {
		start++ // the possessor and its 's are a mention of their own
	}
	st.setGender(a.ID, rl.gender)
	st.add(cand{roleOnly: true, full: doc.Mention{Tok0: start, Tok1: it.t1, Type: "PER", Form: FormRole}, actor: a})
	return true
}

// newDesc makes the actor of a person known by a description: its id is "desc-" and the word
// (and the id of the group it belongs to), its country and sector those of the group.
func (st *state) newDesc(rl *role, t0, t1 int, of *doc.Actor) *doc.Actor {
	id := "desc-" + slug(rl.pattern)
	if of != nil {
		id += "-" + of.ID
	}
	if a, ok := st.actors[id]; ok {
		return a
	}
	a := &doc.Actor{ID: id, Name: st.d.Text[st.d.Tokens[t0].Start:st.d.Tokens[t1-1].End], Kind: kindPerson, Sector: []string{}}
	if rl.sector != "" {
		a.Sector = []string{rl.sector}
	}
	if of != nil && of.Kind != kindPerson {
		a.Country = of.Country
		if len(of.Sector) > 0 && (rl.sector == "" || rl.sector == "GOV" && of.Kind != kindCountry) {
			a.Sector = append([]string{}, of.Sector...)
		}
	}
	if st.descByNoun == nil {
		st.descByNoun, st.descNoun = map[string]string{}, map[string]string{}
	}
	st.descByNoun[rl.pattern] = id
	st.descNoun[id] = rl.pattern
	return a
}

// stateOfPerson: a state word next to a person ("l'administration du président X", "the X
// administration") is the government of that person's country.
func (st *state) stateOfPerson(p int) string {
	it := st.items[p]
	// the person right before: "the Trump administration"
	if q := len(st.out) - 1; q >= 0 {
		c := &st.out[q]
		if c.actor != nil && c.actor.Kind == kindPerson && c.actor.Country != "" && (c.full.Tok1 == it.t0 || c.full.Tok1 == it.t0-1 && st.d.Tokens[it.t0-1].Norm == "'s") {
			return c.actor.Country
		}
	}
	// "de + [titles] + a registry person": "l'administration du président Donald Trump"
	prev := it
	for q := p + 1; q < len(st.items) && q <= p+3; q++ {
		nx := st.items[q]
		if nx.sent != it.sent || !allIn(st.gap(prev, nx), ofGap, nil) {
			return ""
		}
		if q == p+1 && len(st.gap(prev, nx)) == 0 {
			return ""
		}
		if rl := st.roleOf(nx); rl != nil && (rl.class == classTitle || rl.class == classPerson) {
			prev = nx
			continue
		}
		if nx.kind == itemEntry && nx.hits[0].entry >= 0 {
			if e := &st.r.entries[nx.hits[0].entry]; e.Kind == kindPerson {
				return e.Country
			}
		}
		return ""
	}
	return ""
}

// quantified: "other"/"autres" stands before token t0 ("deux autres soldats").
func (st *state) quantified(t0 int) bool {
	_, other, _ := st.quantifier(t0)
	return other
}

// lastInSentence: the actor named last before token t in its sentence (not a place).
func (st *state) lastInSentence(t int) *doc.Actor {
	sent := st.sentOf(t)
	for q := len(st.out) - 1; q >= 0; q-- {
		c := &st.out[q]
		if c.full.Tok1 > t {
			continue
		}
		if st.sentOf(c.full.Tok0) != sent {
			return nil
		}
		if c.actor != nil && c.actor.Kind != kindPlace {
			return st.actors[c.actor.ID]
		}
	}
	return nil
}

// looseCountry: the country named last before item p in this sentence or the three before, as a
// state or as a place ("Au Tchad, 40 villageois"), else the main one: where a group is.
func (st *state) looseCountry(p int) string {
	if c := st.contextCountry(p); c != "" {
		return c
	}
	if p < len(st.items) {
		for q := p - 1; q >= 0 && st.items[q].sent >= st.items[p].sent-3; q-- {
			if c := st.countryOf(st.items[q]); c != "" {
				return c
			}
		}
	}
	return ""
}

// sentenceCountry: looseCountry, else the first country the sentence of item p names after
// it in any way ("the teachers' union … after talks with the Nigerian government"), or the
// country of a town or region named behind a preposition of place ("agreed to postpone the
// rally in Baku"): a short text may name its country only once, after the group. A place
// behind a preposition of movement is where the group goes ("flew refugees to Chad").
func (st *state) sentenceCountry(p int) string {
	if c := st.looseCountry(p); c != "" {
		return c
	}
	if p >= len(st.items) {
		return ""
	}
	for q := p + 1; q < len(st.items) && st.items[q].sent == st.items[p].sent; q++ {
		it := st.items[q]
		if st.towards(it.t0) {
			continue // "flew refugees to Chad": where they go
		}
		if c := st.countryOf(it); c != "" {
			return c
		}
		if c := st.placeCountry(it); c != "" && st.locative(it.t0) {
			return c
		}
	}
	return ""
}

// towards: a preposition of movement stands before token t0, articles skipped ("to Chad",
// "vers le Tchad").
func (st *state) towards(t0 int) bool {
	k := t0 - 1
	for k >= 0 && st.r.dets[st.d.Tokens[k].Norm] == "def" {
		k--
	}
	return k >= 0 && st.r.toPrep[st.d.Tokens[k].Norm]
}

// indefinite: an indefinite article stands before token t0 ("une unité militaire", "a court").
func (st *state) indefinite(t0 int) bool {
	kind, start := st.determiner(t0)
	return kind == "indef" && start == t0-1
}

// partMention: "une filiale d'Al-Qaïda", "a branch of X": a part of the organisation that
// follows, as a desc- organisation with its country and sectors; the mention spans both.
func (st *state) partMention(p int) int {
	it := st.items[p]
	if p+1 >= len(st.items) || st.items[p+1].sent != it.sent {
		return p + 1
	}
	nx := st.items[p+1]
	org := st.orgOf(nx)
	if g := st.gap(it, nx); org == "" || len(g) == 0 || len(g) > 2 || !allIn(g, ofGap, nil) {
		return p + 1
	}
	start := it.t0
	if kind, s := st.determiner(it.t0); kind == "indef" || kind == "def" {
		start = s
	}
	o := st.entryActor(nx.hits[0].entry)
	id := "desc-" + slug(st.roleOf(it).pattern) + "-" + o.ID
	a, ok := st.actors[id]
	if !ok {
		a = &doc.Actor{ID: id, Name: st.d.Text[st.d.Tokens[start].Start:st.d.Tokens[nx.t1-1].End], Kind: kindOrg, Country: o.Country, Sector: append([]string{}, o.Sector...)}
	}
	st.add(cand{roleOnly: true, full: doc.Mention{Tok0: start, Tok1: nx.t1, Type: "ORG", Form: FormRole}, actor: a})
	return p + 2
}

// newOfCountry: an indefinite description of a person by a word of a sector and a nationality
// ("an American journalist", "a Kenyan activist", "un journaliste américain", "une militante
// kényane") names someone new of that country: a desc- person with the country and the word's
// sector (FRA-JRN's kind of party, not the French state). It returns the next item to handle.
func (st *state) newOfCountry(p int) (int, bool) {
	if p+1 >= len(st.items) || st.items[p+1].sent != st.items[p].sent || st.items[p+1].t0 != st.items[p].t1 {
		return 0, false
	}
	a, b := st.items[p], st.items[p+1]
	countryIt, roleIt := a, b
	if st.countryOf(a) == "" {
		countryIt, roleIt = b, a // French: the noun first
	}
	iso := st.countryOf(countryIt)
	if iso == "" || roleIt.kind != itemRole {
		return 0, false
	}
	for _, h := range countryIt.hits {
		if h.form != FormDemonym {
			return 0, false
		}
	}
	rl := st.roleOf(roleIt)
	if rl == nil || rl.class != classTitle || !rl.noun || rl.sector == "" {
		return 0, false
	}
	if b.t1 < len(st.d.Tokens) && capitalised(st.d, b.t1) && st.d.Tokens[b.t1].Kind == doc.Word {
		return 0, false // a name follows: a chain ("American journalist John Smith")
	}
	if kind, _ := st.determiner(a.t0); kind != "indef" && kind != "" {
		return 0, false // "the American journalist": someone the text named
	}
	c := &doc.Actor{ID: iso, Country: iso, Kind: kindCountry}
	d := st.newDesc(rl, a.t0, b.t1, c)
	st.countryPart = countryIt
	st.add(cand{roleOnly: true, full: doc.Mention{Tok0: a.t0, Tok1: b.t1, Type: "PER", Form: FormRole}, actor: d})
	return p + 2, true
}
