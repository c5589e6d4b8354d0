package events

import (
	"strings"

	"github.com/griot-project/griot/doc"
)

// sponsorOnly: the mention names the sponsor of the group that follows, not a party
// ("Russian-backed separatists", "pro-Russian rebels", "les rebelles pro-russes" is read by
// the actor stage): a name followed by a hyphen and a participle of class "sponsor"
// ("-backed", "-supported") or preceded by one of class "sponsorpre" and a hyphen ("pro-").
func (r *reader) sponsorOnly(mi int) bool {
	m := r.d.Mentions[mi]
	toks := r.d.Tokens
	if m.Tok1+1 < len(toks) && r.tok(m.Tok1) == "-" && toks[m.Tok1].Start == toks[m.Tok1-1].End && r.w.is("sponsor", r.tok(m.Tok1+1)) {
		return true
	}
	return m.Tok0 >= 2 && r.tok(m.Tok0-1) == "-" && r.w.is("sponsorpre", r.tok(m.Tok0-2)) && toks[m.Tok0-1].End == toks[m.Tok0].Start
}

// usable says whether a mention can fill a role: it names a resolved actor that is not a
// news outlet (outlets are sources, never parties; journalists, a people or a person, can be
// the target of an act), and it is not the source of an attribution marker ("selon X",
// "according to X").
func (r *reader) usable(mi int) bool {
	m := r.d.Mentions[mi]
	a := r.actors[m.Actor]
	if a == nil || r.sponsorOnly(mi) {
		return false
	}
	if a.Kind == "organization" && !strings.HasPrefix(a.ID, a.Country+"-") {
		for _, s := range a.Sector {
			if s == "JRN" || s == "MED" {
				return false // an outlet; "French journalists" (FRA-JRN) are people
			}
		}
	}
	return !r.sourceMarked(m.Tok0)
}

// prepBefore returns the canonical preposition before token t, skipping determiners, or "".
// French "du"/"des" are the preposition "de" after a noun trigger ("l'invasion du Bénin")
// and a partitive determiner elsewhere ("envoyer des vivres").
func (r *reader) prepBefore(t int, floor int) string { return r.prepBeforeMode(t, floor, false) }

func (r *reader) prepBeforeMode(t int, floor int, noun bool) string {
	return r.prepBeforeFull(t, floor, noun, true)
}

// prepBeforeFull is prepBeforeMode; counts also skips numbers and quantifiers ("on three X
// generals"). The subject finder does not: "la détention de cinq officiers soupçonnés
// d'avoir préparé un putsch" reads the officers as the subject of the participle clause.
func (r *reader) prepBeforeFull(t int, floor int, noun, counts bool) string {
	j := t - 1
	for k := 0; k < 3 && j >= floor; k++ {
		n := r.tok(j)
		if noun && (n == "du" || n == "des") && j > 0 && r.d.Tokens[j-1].Kind != doc.Punct && !r.w.is("light", r.tok(j-1)) {
			// at the head of a sentence or a clause, "Des soldats…" is an article, and so it
			// is after a light verb ("a tenu des négociations", "a mené des frappes")
			return "de"
		}
		if !r.w.is("det", n) && !r.w.is("compass", n) && !(counts && (r.w.is("count", n) || r.number(j))) { // "of southern Serbia", "on three Sudanese generals"
			break
		}
		j--
	}
	if j-2 >= floor && r.compoundModifier(j) {
		j -= 3 // "to war-torn Mozambique", "au très-riche …"
		for k := 0; k < 2 && j >= floor && r.w.is("det", r.tok(j)); k++ {
			j-- // "of the Israeli-occupied West Bank"
		}
	}
	if j < floor {
		return ""
	}
	if p, ok := r.w.prep[r.tok(j)]; ok && !r.auxA(j) {
		return p
	}
	return ""
}

// compoundModifier: tokens j-2..j are one hyphenated word ("war-torn", "oil-rich").
func (r *reader) compoundModifier(j int) bool {
	toks := r.d.Tokens
	if j < 2 || toks[j].Kind != doc.Word || toks[j-2].Kind != doc.Word || r.tok(j-1) != "-" {
		return false
	}
	return toks[j-1].Start == toks[j-2].End && toks[j].Start == toks[j-1].End && r.mentionAt[j] < 0
}

// auxA: the French auxiliary "a" (has), which folds like the preposition "à".
func (r *reader) auxA(j int) bool {
	t := r.d.Tokens[j]
	w := r.d.Text[t.Start:t.End]
	return r.lang == "fr" && (w == "a" || w == "A")
}

// sourceMarked: the words just before token t make it a source ("selon", "d'après",
// "according to", "citant", "citing").
func (r *reader) sourceMarked(t int) bool {
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		n := r.tok(j)
		if r.w.is("source", n) || (n == "apres" && j > 0 && r.tok(j-1) == "d'") {
			return true
		}
		if !r.w.is("det", n) && !r.w.is("sourcehead", n) && n != "to" && n != "de" && n != "l'" && n != "d'" {
			return false
		}
	}
	return false
}

// roleMention is a mention chosen for a role, with its actor id.
type roleMention struct {
	mi int
	id string
}

// subject finds the actor of a clause by looking left of token from: the closest usable
// mention not governed by a preposition, a pronoun resolved to its antecedent, or the
// antecedent of a relative pronoun. clauseOnly stops at a comma.
func (r *reader) subject(si, from int, clauseOnly bool) []roleMention {
	s := r.d.Sentences[si]
	if !clauseOnly && r.coordinatedVerb(si, from) {
		// "Human rights groups have campaigned … and have accused the government": the
		// subject of the first verb
		if first := r.firstSubject(si, from); first != nil {
			return first
		}
	}
	start := from
	if !clauseOnly {
		ap, skip := r.subjectBeforeApposition(si, from)
		if ap != nil {
			return ap
		}
		if skip >= 0 {
			start = skip // the names inside the apposition are not the subject
		}
	}
	for j := start - 1; j >= s.Tok0; j-- {
		n := r.tok(j)
		if r.isPunct(j, ";:") || (clauseOnly && r.isPunct(j, ",()")) {
			return nil
		}
		if mi := r.mentionAt[j]; mi >= 0 {
			if outer := r.parenthesised(mi); outer >= 0 {
				mi = outer // "the Hizbollah (Party of God) group": the name the parentheses gloss
			}
			m := r.d.Mentions[mi]
			j = m.Tok0
			if !r.usable(mi) {
				continue
			}
			if a := r.actors[m.Actor]; a != nil && a.Kind == "place" && m.Tok0 > s.Tok0 && r.mentionAt[m.Tok0-1] >= 0 {
				continue // "inhabitants of the Syrian Golan Heights": the place ends the name before it
			}
			// a mention right before the verb is its subject even after a conjunction that is
			// also a preposition ("after Mr Macron accused…", "après que X a…")
			p := r.prepBeforeFull(m.Tok0, s.Tok0, true, false) // a subject is not "du X" (of the X)
			if p != "" && !(r.rightBeforeVerb(m.Tok1, from) && r.w.is("clausal", p)) && !r.memberOf(m.Tok0, s.Tok0) {
				continue
			}
			return r.coordinated(si, roleMention{mi, m.Actor}, -1)
		}
		if r.w.is("rel", n) && (n != "that" || r.relativeThat(j)) && !r.agentiveBefore(si, j) {
			return nil // "la crise … qui menace": the subject is a thing, not an actor
		}
		if (n == "pair" || n == "both" || n == "deux") && j > s.Tok0 && r.w.is("det", r.tok(j-1)) {
			return []roleMention{{-2, pairRef}} // "the pair agreed…": the parties named just before
		}
		switch {
		case r.w.is("pron1", n):
			if id := r.speakerAt(r.d.Tokens[j].Start); id != "" {
				return []roleMention{{-1, id}}
			}
			return nil
		case r.w.is("pron3", n) && r.impersonal(j):
			return nil // "il a été convenu", "il faut", "it was agreed"
		case r.w.is("pron3", n):
			if id := r.pronoun(j); id != "" {
				return []roleMention{{-1, id}}
			}
			// an inverted pronoun ("le Tchad a-t-il…") or an unresolved one: look further left
		case r.w.is("compl", n) && !r.relativeThat(j):
			return nil
		}
	}
	return nil
}

// coordinated adds the actors joined to a found mention by "et"/"and"/"," (dir -1: to the
// left, +1: to the right).
func (r *reader) coordinated(si int, first roleMention, dir int) []roleMention {
	out := []roleMention{first}
	s := r.d.Sentences[si]
	m := r.d.Mentions[first.mi]
	for k := 0; k < 3; k++ {
		var j int
		if dir < 0 {
			j = m.Tok0 - 1
			for j > s.Tok0 && (r.tok(j) == "autres" || r.tok(j) == "other" || r.tok(j) == "d'" || r.tok(j) == "plusieurs" || r.tok(j) == "several" || r.w.is("det", r.tok(j)) && r.mentionAt[j] < 0) {
				j-- // "la Guinée et d'autres pays voisins", "le Ghana et le Togo"
			}
		} else {
			j = m.Tok1
		}
		if j < s.Tok0 || j >= s.Tok1 || !r.w.is("coord", r.tok(j)) {
			break
		}
		j += dir
		// a preposition repeated after the coordination ("au Mali et au Niger")
		for step := 0; step < 3 && j >= s.Tok0 && j < s.Tok1 && r.mentionAt[j] < 0 && (r.w.is("det", r.tok(j)) || r.w.prep[r.tok(j)] != ""); step++ {
			j += dir
		}
		if j < s.Tok0 || j >= s.Tok1 {
			break
		}
		mi := r.mentionAt[j]
		if mi < 0 || !r.usable(mi) {
			break
		}
		m = r.d.Mentions[mi]
		if dir < 0 && r.prepBefore(m.Tok0, s.Tok0) != "" {
			break
		}
		out = append(out, roleMention{mi, m.Actor})
	}
	return out
}

// object finds the recipient right of token from: the first usable mention governed by
// one of the trigger's recipient prepositions, or by none when "obj" is allowed.
func (r *reader) object(si, from int, recip map[string]bool, limit int, noun bool) []roleMention {
	s := r.d.Sentences[si]
	end := min(s.Tok1, from+limit)
	for j := from; j < end; j++ {
		n := r.tok(j)
		if r.isPunct(j, ";:") || r.w.is("source", n) {
			return nil
		}
		if r.w.is("compl", n) && n != "si" && n != "if" {
			return nil
		}
		if j > from && r.trigAt[j] && !r.recipientInNextPhrase(j) && !r.directObject(from, j) {
			return nil // another event's words; but "signed a technology partnership with X" goes on
		}
		mi := r.mentionAt[j]
		if mi < 0 {
			continue
		}
		m := r.d.Mentions[mi]
		j = m.Tok1 - 1
		if !r.usable(mi) {
			continue
		}
		p := r.prepBeforeMode(m.Tok0, from, noun || recip["de"])
		if r.w.is("agent", p) && !recip[p] {
			continue
		}
		if m.Tok1 < end {
			if nx := r.mentionAt[m.Tok1]; nx >= 0 && nx != mi && r.usable(nx) && r.d.Mentions[nx].Tok0 == m.Tok1 && r.d.Mentions[nx].Form == "role" {
				// "accused Darfur rebels": the name is a modifier of the group word that follows
				mi, m = nx, r.d.Mentions[nx]
				j = m.Tok1 - 1
			}
		}
		if p == "" && recip["obj"] && r.directObject(from, m.Tok0) {
			return r.coordinated(si, roleMention{mi, m.Actor}, +1)
		}
		if (p == "of" || p == "de" || p == "") && recip["obj"] && r.memberOf(m.Tok0, from) && r.countedObject(from, r.memberNoun(m.Tok0)) {
			// "arrested twelve supporters of X", "a arrêté des partisans de X": X's members
			return r.coordinated(si, roleMention{mi, m.Actor}, +1)
		}
		if p != "" && recip[p] {
			return r.coordinated(si, roleMention{mi, m.Actor}, +1)
		}
	}
	return nil
}

// directObject: a mention at token t is the direct object of a verb ending before from when
// only a few words stand between them, none of them a preposition or a punctuation mark
// ("a accusé le Bénin", not "salué la qualité de notre partenariat … du Mali").
func (r *reader) directObject(from, t int) bool {
	words := 0
	for j := from; j < t; j++ {
		if r.d.Tokens[j].Kind == doc.Punct {
			return false
		}
		if r.w.prep[r.tok(j)] != "" && !r.auxA(j) {
			// "a reçu mardi à Dakar le président gambien": a place phrase of one name may
			// stand between the verb and its object
			k := r.placePhraseEnd(j, t)
			if k < 0 {
				return false
			}
			j = k - 1
			continue
		}
		words++
	}
	return words <= 4
}

// placePhraseEnd: the token after a place phrase that opens at j with a preposition of class
// "placeprep" and holds one name of a place or a country, ending before t ("à Dakar", "in
// Accra"), or -1.
func (r *reader) placePhraseEnd(j, t int) int {
	if !r.w.is("placeprep", r.tok(j)) {
		return -1
	}
	k := j + 1
	for k < t && r.w.is("det", r.tok(k)) {
		k++
	}
	if k >= t {
		return -1
	}
	mi := r.mentionAt[k]
	if mi < 0 || r.d.Mentions[mi].Tok0 != k || r.d.Mentions[mi].Tok1 >= t {
		return -1
	}
	if a := r.actors[r.d.Mentions[mi].Actor]; a == nil || (a.Kind != "place" && a.Kind != "country") {
		return -1
	}
	return r.d.Mentions[mi].Tok1
}

// recipientInNextPhrase: a trigger word that is only a noun in an object phrase ("envoyer
// de l'aide au Mali") does not stop the search.
func (r *reader) recipientInNextPhrase(j int) bool {
	return j > 0 && (r.w.is("det", r.tok(j-1)) || r.w.prep[r.tok(j-1)] != "")
}

// agent finds "par X" / "by X" within a few words after token from.
func (r *reader) agent(si, from int) []roleMention { return r.agentOf(si, from, false) }

// verbAgent: a verb's "par X"/"by X" stands right after it ("détenue par", "attaqué hier
// par"), not after a complement that has its own verb ("détenue à Paris après un mandat émis
// par…").
func (r *reader) verbAgent(si, from int) []roleMention {
	s := r.d.Sentences[si]
	for j := from; j < min(s.Tok1, from+7); j++ {
		if r.isPunct(j, ",;:") || (j > from && r.trigAt[j]) || r.w.is("aux", r.tok(j)) {
			return nil
		}
		if r.w.is("agent", r.tok(j)) {
			return r.agentOf(si, j, false)
		}
	}
	return nil
}

// agentOf is agent; withSources also accepts news outlets (for attribution).
func (r *reader) agentOf(si, from int, withSources bool) []roleMention {
	s := r.d.Sentences[si]
	for j := from; j < min(s.Tok1, from+12); j++ {
		if r.isPunct(j, ",;:") {
			return nil
		}
		if !withSources && j > from && (r.w.is("aux", r.tok(j)) || r.auxA(j)) && !r.passiveLight(j, s.Tok1) {
			return nil // "la prise de la ville a été confirmée par…": the agent of another verb
		}
		if !r.w.is("agent", r.tok(j)) {
			continue
		}
		k := j + 1
		for steps := 0; k < s.Tok1 && r.mentionAt[k] < 0 && steps < 4 && r.d.Tokens[k].Kind == doc.Word; steps++ {
			if p := r.w.prep[r.tok(k)]; p != "" && p != "de" && p != "of" && !r.auxA(k) {
				return nil // "attacked by gunmen in Nigeria": the place is not the agent
			}
			k++ // determiners and a head noun: "par l'agence de presse Reuters"
		}
		if k < s.Tok1 {
			if mi := r.mentionAt[k]; mi >= 0 && (r.usable(mi) || withSources && r.d.Mentions[mi].Actor != "") {
				if withSources {
					return []roleMention{{mi, r.d.Mentions[mi].Actor}}
				}
				return r.coordinated(si, roleMention{mi, r.d.Mentions[mi].Actor}, +1)
			}
		}
		return nil
	}
	return nil
}

// passiveAux: an auxiliary of the passive stands just before the trigger (not a
// reflexive "s'est", and not an English progressive).
func (r *reader) passiveAux(si, t int) bool {
	s := r.d.Sentences[si]
	if strings.HasSuffix(r.tok(t), "ing") || r.w.is("etreverb", r.tok(t)) {
		return false
	}
	if r.w.is("aux", r.tok(t)) && r.tok(t) != "est" && r.tok(t) != "is" {
		return true // the pattern starts with the auxiliary: "been fired"
	}
	for j := t - 1; j >= s.Tok0 && j >= t-3; j-- {
		n := r.tok(j)
		if r.w.is("aux", n) {
			if j > s.Tok0 && (r.tok(j-1) == "s'" || r.tok(j-1) == "se") {
				return false
			}
			return true
		}
		if n != "pas" && n != "not" && n != "ete" && n != "deja" && n != "already" && n != "also" && n != "aussi" && !strings.HasSuffix(n, "ly") && !strings.HasSuffix(n, "ment") {
			return false
		}
	}
	return false
}

// apposition: a clause that opens with a noun such as "pays"/"country" right after a
// comma that follows a mention stands for that mention.
func (r *reader) apposition(si, t int) []roleMention {
	s := r.d.Sentences[si]
	j := t - 1
	for ; j >= s.Tok0; j-- {
		if r.isPunct(j, ",") {
			break
		}
	}
	if j <= s.Tok0 {
		return nil
	}
	k := j + 1
	for k < t && r.w.is("det", r.tok(k)) {
		k++
	}
	if k >= t || !r.w.is("apposn", r.tok(k)) {
		return nil
	}
	if mi := r.mentionAt[j-1]; mi >= 0 && r.usable(mi) {
		id := r.d.Mentions[mi].Actor
		// "…, président de la Russie, pays isolé…": a country noun stands for the country
		if a := r.actors[id]; a != nil && a.Kind == "person" && r.w.is("country", r.tok(k)) && r.actors[a.Country] != nil {
			id = a.Country
		}
		return []roleMention{{mi, id}}
	}
	return nil
}

// governingGerund: the gerund whose object a noun trigger is ("en renforçant son
// partenariat", "by strengthening its partnership"), or -1.
func (r *reader) governingGerund(si, t int) int {
	s := r.d.Sentences[si]
	j := t - 1
	for k := 0; k < 3 && j > s.Tok0 && r.d.Tokens[j].Kind == doc.Word && r.w.prep[r.tok(j)] == ""; k++ {
		n, p := r.tok(j), r.tok(j-1)
		if (p == "en" && strings.HasSuffix(n, "ant")) || (p == "by" && strings.HasSuffix(n, "ing")) {
			return j
		}
		j--
	}
	return -1
}

// possessor: "Russia's invasion", "l'invasion russe", "Russian strikes".
func (r *reader) possessor(si int, h hit) []roleMention {
	s := r.d.Sentences[si]
	j := h.start - 1
	if j >= s.Tok0 && r.tok(j) == "'s" {
		j--
	}
	if j >= s.Tok0 {
		if mi := r.mentionAt[j]; mi >= 0 && r.usable(mi) && (r.d.Mentions[mi].Form == "demonym" || r.tok(h.start-1) == "'s") {
			return []roleMention{{mi, r.d.Mentions[mi].Actor}}
		}
	}
	if symmetric(h.p.typ) && h.start-1 >= s.Tok0 {
		if mi := r.mentionAt[h.start-1]; mi >= 0 && r.usable(mi) {
			m := r.d.Mentions[mi]
			out := []roleMention{{mi, m.Actor}}
			if k := m.Tok0 - 1; k > s.Tok0 && (r.tok(k) == "-" || r.w.is("coord", r.tok(k))) {
				if mj := r.mentionAt[k-1]; mj >= 0 && r.usable(mj) {
					out = append(out, roleMention{mj, r.d.Mentions[mj].Actor})
				}
			}
			return out
		}
	}
	if h.end < s.Tok1 {
		if mi := r.mentionAt[h.end]; mi >= 0 && r.usable(mi) && r.d.Mentions[mi].Form == "demonym" {
			return []roleMention{{mi, r.d.Mentions[mi].Actor}}
		}
	}
	return nil
}

// roles fills the actor and the recipient of a candidate.
func (r *reader) roles(cd *cand) {
	h, si := cd.hit, cd.sent
	var act, rec []roleMention
	if h.p.noun {
		// from the head: a pattern may end with the recipient's preposition ("call with X")
		rec = r.object(si, h.head, h.p.recip, 10, true)
		if rec == nil {
			rec = r.nameAtPhraseEnd(si, h.end, h.p.recip)
		}
		if (h.p.typ == "ASSAULT" || h.p.typ == "FIGHT") && r.armedOwner(rec) && h.end < r.d.Sentences[si].Tok1 && (r.tok(h.end) == "de" || r.tok(h.end) == "d'" || r.tok(h.end) == "des" || r.tok(h.end) == "of" || r.tok(h.end) == "by") {
			act, rec = rec, nil // "les attaques de militants islamistes": by them
		}
		if (h.p.typ == "ASSAULT" || h.p.typ == "FIGHT") && len(rec) > 0 && rec[0].mi >= 0 && r.d.Mentions[rec[0].mi].Tok0 == h.end && r.armed([]string{rec[0].id}) {
			act, rec = rec, nil // "attaques djihadistes", "rebel attacks": by them
		}
		if coupNoun(r.d.Tokens, h) && rec == nil {
			if pl := r.placeAfter(si, h.end); pl != nil {
				act = pl // "le coup d'État au Mali": the country's own forces
			}
		}
		if act != nil {
		} else if act = r.agent(si, h.end); act != nil && rec == nil && r.prepBeforeMode(h.start, r.d.Sentences[si].Tok0, true) == "" {
			rec = r.subject(si, h.start, true) // "X a obtenu la levée des sanctions par Y"
		} else if act == nil {
			if act = r.possessor(si, h); act == nil {
				if g := r.governingGerund(si, h.start); g >= 0 {
					act = r.subject(si, r.gerundChainStart(si, g), false)
				} else if rv := r.roleVerbAt(si, h.start); rv >= 0 {
					act = r.subject(si, rv, false) // "X had a central role in the strike"
				} else if r.prepBeforeMode(h.start, r.d.Sentences[si].Tok0, true) != "" {
					act = r.apposition(si, h.start) // "à la suite d'un coup d'État": no clause subject
				} else if uv := r.undergoVerbBefore(si, h.start); uv >= 0 {
					// "le Mali a connu un coup d'État": by the country's own forces; "X a subi
					// une attaque": done to X
					if subj := r.subject(si, uv, false); coupNoun(r.d.Tokens, h) {
						act = r.ownForces(subj)
					} else if rec == nil {
						rec = subj
					}
				} else if lv := r.lightVerbBefore(si, h.start); lv >= 0 {
					act = r.subject(si, lv, false) // "a eu un entretien", "held talks"
				} else {
					act = r.apposition(si, h.start)
				}
			}
		}
		// "protests against abuses by the police": the agent of the protested act is the
		// protest's target, and the protesters are the clause's subject
		if h.p.typ == "PROTEST" && len(act) > 0 && act[0].mi >= 0 && r.againstBetween(h.end, r.d.Mentions[act[0].mi].Tok0) {
			rec, act = act, r.subject(si, h.start, false)
		}
		// "entre X et Y": both are parties
		if len(rec) > 1 && rec[0].mi >= 0 {
			if p := r.prepBeforeMode(r.d.Mentions[rec[0].mi].Tok0, h.end, true); p == "entre" || p == "between" {
				act, rec = append(act, rec...), nil
			}
		}
	} else {
		agent := r.verbAgent(si, h.head)
		switch {
		case agent != nil && r.passiveAux(si, h.start):
			act = agent
			if rec = r.subject(si, h.start, false); rec == nil {
				rec = r.earlierOwner(si, h.start) // "Ladite candidature est rejetée par…"
			}
		case agent != nil && h.end == h.head && r.participleAppos(si, h.start) && r.agentRightAfter(si, h.end):
			// "pays isolé par…"; not a verb whose pattern holds its object ("the government
			// banned a rally by X": the agent is the rally's)
			act = agent
			rec = r.apposition(si, h.start)
		case r.passiveAux(si, h.start) && h.p.typ == "MOBILIZE":
			act = r.subject(si, h.start, false) // "une force va être déployée en RD Congo"
			rec = r.object(si, h.head, h.p.recip, 14, false)
		case r.passiveAux(si, h.start):
			rec = r.subject(si, h.start, false)
		case r.reducedPassive(si, h):
			act = agent
			if mi := r.mentionAt[h.start-1]; mi >= 0 && r.usable(mi) {
				rec = []roleMention{{mi, r.d.Mentions[mi].Actor}}
			}
		case r.participialClause(si, h.start):
			act = r.firstSubject(si, h.start)
			rec = r.object(si, h.head, h.p.recip, 14, false)
		default:
			act = r.subject(si, r.gerundChainStart(si, h.start), false)
			if act == nil {
				act = r.apposition(si, h.start)
			}
			rec = r.object(si, h.head, h.p.recip, 14, false)
			if rec == nil && h.end > h.head && h.p.recip["obj"] {
				rec = r.object(si, h.end, h.p.recip, 14, false) // "a reçu en audience X"
			}
			if rec == nil {
				rec = r.ownerOfObject(si, h.head)
			}
			if rec == nil {
				rec = r.nameAtPhraseEnd(si, h.head, h.p.recip)
			}
			if rec == nil && len(act) > 0 && act[0].mi >= 0 {
				rec = r.relativeObject(si, r.d.Mentions[act[0].mi].Tok0)
			}
			if rec == nil && h.p.typ == "THREATEN" {
				rec = r.condition(si, h.end)
			}
			if rec == nil && (h.p.typ == "THREATEN" || h.p.typ == "AGREE" || h.p.typ == "REJECT") {
				rec = r.complementTarget(si, h.end) // "threatened to cut off power to X"
			}
			if rec == nil && (h.p.typ == "REJECT" || h.p.typ == "CONCEDE") {
				rec = r.proposalAuthor(si, h.end) // "rejected an offer from X"
			}
			if rec == nil && (h.p.typ == "CONCEDE" || h.p.typ == "AGREE") {
				rec = r.partnerAfter(si, h.end) // "called off the strike after talks with X"
			}
			if rec == nil && len(h.p.recip) == 0 && h.end > h.head+1 {
				// the pattern holds its object, the people let in or taken: "received a
				// mission of observers from X", "a accueilli des observateurs de X" are X's
				rec = r.nounArgument(si, h.end-1, 4, true, "author")
			}
			if rec == nil && (h.p.typ == "ACCUSE" || h.p.typ == "COERCE") {
				rec = r.actAgent(si, h.end, h.end > h.head) // "investigating crimes by X", "banned a rally by X"
			}
			if h.p.typ == "REQUEST" {
				if who := r.removalOf(si, h.end); who != nil {
					rec = who // "demanded the withdrawal of X's forces from Y": X is asked
				}
			}
			if rec == nil && h.p.typ == "REQUEST" {
				rec = r.thatSubject(si, h.end) // "demanded that the US cancel…"
			}
			if rec == nil && h.p.typ == "REQUEST" && h.end > h.head {
				rec = r.thatSubject(si, h.head) // "declared that China must…" (the pattern holds "that")
			}
		}
	}
	// "son arrestation", "his release": the possessor of the noun is what is done to;
	// "his hunger strike", "sa visite": the one who does it
	if h.p.noun && h.start > 0 && r.w.is("possessive", r.tok(h.start-1)) {
		id := r.cataphor(si, h.start-1)
		if id == "" {
			id = r.pronoun(h.start - 1)
		}
		if id != "" {
			if patientNoun(h.p) && len(rec) == 0 {
				rec = []roleMention{{-1, id}}
			} else if !patientNoun(h.p) && len(act) == 0 {
				act = []roleMention{{-1, id}}
			}
		}
	}
	if h.p.typ == "CONSULT" && h.p.mode == "visit" && !h.p.noun && len(rec) == 0 {
		cd.drop = true // "reçoit un passeport": receiving a thing is no visit
	}
	if h.p.typ == "PROTEST" && len(rec) == 0 {
		rec = r.protestTarget(si, h.end) // "began a hunger strike to protest against X"
	}
	// symmetric events told with their parties as objects ("des combats ont opposé X et Y")
	if symmetric(h.p.typ) && len(act) == 0 && len(rec) > 1 {
		act, rec = rec[:1], rec[1:]
	}
	act, rec = r.namedGroups(act), r.namedGroups(rec)
	for _, m := range act {
		cd.ev.Actor = append(cd.ev.Actor, m.id)
		if m.mi >= 0 {
			cd.actorM = append(cd.actorM, m.mi)
		}
	}
	for _, m := range rec {
		cd.ev.Recipient = append(cd.ev.Recipient, m.id)
		if m.mi >= 0 {
			cd.recipM = append(cd.recipM, m.mi)
		}
	}
	r.evidence(cd)
}

// participleAppos: a past participle right after a comma or a noun ("pays isolé par…").
func (r *reader) participleAppos(si, t int) bool {
	s := r.d.Sentences[si]
	if t-1 < s.Tok0 {
		return false
	}
	n := r.tok(t)
	if !(strings.HasSuffix(n, "e") || strings.HasSuffix(n, "es") || strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "i") || strings.HasSuffix(n, "is") || strings.HasSuffix(n, "u") || strings.HasSuffix(n, "us")) {
		return false
	}
	prev := r.d.Tokens[t-1]
	if r.isPunct(t-1, ",") {
		return true
	}
	return prev.Kind == doc.Word && r.mentionAt[t-1] < 0 && !r.w.is("aux", prev.Norm) && r.w.prep[prev.Norm] == "" && !r.w.is("pron3", prev.Norm) && !r.w.is("pron1", prev.Norm)
}

// agentRightAfter: "par"/"by" right after token t, or after one adverb or time word
// ("isolé diplomatiquement par", "attaqué hier par"); not after a noun, which is the verb's
// object and owns that agent ("rejected calls by X", "a rejeté les appels de X").
func (r *reader) agentRightAfter(si, t int) bool {
	s := r.d.Sentences[si]
	if t < s.Tok1 && r.w.is("agent", r.tok(t)) {
		return true
	}
	if t+1 >= s.Tok1 || !r.w.is("agent", r.tok(t+1)) {
		return false
	}
	return r.inTimex(t) || r.adverbsOnly(t, t+1)
}

// evidence sets the evidence span: the trigger with its role mentions nearby.
func (r *reader) evidence(cd *cand) {
	d := r.d
	s := d.Sentences[cd.sent]
	start := d.Tokens[cd.hit.start].Start
	end := d.Tokens[cd.hit.end-1].End
	for _, mi := range append(append([]int{}, cd.actorM...), cd.recipM...) {
		m := d.Mentions[mi]
		if m.Start < s.Start || m.End > s.End {
			continue
		}
		if m.Tok1 <= cd.hit.start && cd.hit.start-m.Tok1 <= 12 && m.Start < start {
			start = m.Start
		}
		if m.Tok0 >= cd.hit.end && m.Tok0-cd.hit.end <= 14 && m.End > end {
			end = m.End
		}
	}
	cd.hardStart, cd.hardEnd = start, end
	cd.ev.Mentions = []doc.Evidence{{Start: start, End: end, Text: d.Text[start:end]}}
}

// relativeThat: after a verb of the "speech" class "that" opens a complement; elsewhere
// (after a noun) a relative clause whose subject is the noun before.
func (r *reader) relativeThat(j int) bool {
	if r.tok(j) != "that" || j == 0 {
		return false
	}
	p := r.tok(j - 1)
	return !r.w.is("speech", p) && !r.w.is("pron1", p) && !r.w.is("pron3", p) && r.d.Tokens[j-1].Kind == doc.Word && !strings.HasSuffix(p, "ed")
}

// gerundChainStart: for a gerund ("en chassant", "by driving"), the position of the first
// gerund it is coordinated with, so that the subject is sought before the whole chain.
func (r *reader) gerundChainStart(si, t int) int {
	s := r.d.Sentences[si]
	isGerund := func(j int) bool {
		if j <= s.Tok0 || j >= s.Tok1 {
			return false
		}
		n, p := r.tok(j), r.tok(j-1)
		return (p == "en" && strings.HasSuffix(n, "ant")) || (p == "by" && strings.HasSuffix(n, "ing"))
	}
	if !isGerund(t) {
		return t
	}
	start := t - 1
	for j := t - 2; j > s.Tok0; j-- {
		if r.isPunct(j, ";:.") {
			break
		}
		if isGerund(j) {
			start = j - 1
		}
	}
	return start
}

// participialClause: ", refusant …", ", saying …": a present participle after a comma.
func (r *reader) participialClause(si, t int) bool {
	s := r.d.Sentences[si]
	n := r.tok(t)
	return t-1 > s.Tok0 && r.isPunct(t-1, ",") && (strings.HasSuffix(n, "ant") && r.lang == "fr" || strings.HasSuffix(n, "ing") && r.lang == "en")
}

// firstSubject: the first usable mention of the sentence not governed by a preposition,
// before token t (the subject of the main clause).
func (r *reader) firstSubject(si, t int) []roleMention {
	s := r.d.Sentences[si]
	for j := s.Tok0; j < t; j++ {
		if r.w.is("compl", r.tok(j)) {
			return nil
		}
		mi := r.mentionAt[j]
		if mi < 0 {
			continue
		}
		m := r.d.Mentions[mi]
		j = m.Tok1 - 1
		if r.usable(mi) && r.prepBefore(m.Tok0, s.Tok0) == "" {
			return []roleMention{{mi, m.Actor}}
		}
	}
	return nil
}

// lightVerbBefore: the position of the light verb whose object the noun at t is ("a eu un entretien",
// "held talks", "carried out strikes", "a annoncé l'arrestation"), whose subject is then the
// noun's actor. After any other verb ("she condemned the sentences") it is not.
func (r *reader) lightVerbBefore(si, t int) int {
	s := r.d.Sentences[si]
	j := t - 1
	for k := 0; k < 6 && j >= s.Tok0 && (r.w.is("det", r.tok(j)) || r.inTimex(j) || r.announcedThat(j) || r.w.is("ordinal", r.tok(j))); k++ {
		j-- // determiners, a date, "annoncé qu'": "annonce le même jour une alliance"
	}
	if j >= s.Tok0 && r.w.is("light", r.tok(j)) && !r.auxA(j) {
		return j
	}
	return -1
}

// roleVerbAt: roleVerbBefore for the noun trigger at t (its determiners skipped).
func (r *reader) roleVerbAt(si, t int) int {
	s := r.d.Sentences[si]
	j := t - 1
	for j >= s.Tok0 && r.w.is("det", r.tok(j)) {
		j--
	}
	return r.roleVerbBefore(s.Tok0, j)
}

// roleVerbBefore: "played a key role in", "took part in", "a joué un rôle majeur dans", "a
// pris part aux" ending at token j (the preposition, or a preposition fused with the
// article): the position of the verb whose subject is the actor of the event noun, or -1.
func (r *reader) roleVerbBefore(s0, j int) int {
	if j < s0 || r.w.prep[r.tok(j)] == "" {
		return -1
	}
	for k := j - 1; k >= s0 && k >= j-5; k-- {
		if !r.w.is("rolenoun", r.tok(k)) {
			if r.d.Tokens[k].Kind != doc.Word || r.w.prep[r.tok(k)] != "" {
				return -1
			}
			continue // adjectives of the part ("key", "majeur", "de premier plan" is not read)
		}
		// the verb, past the part's determiner and adjectives ("a leading role")
		for v := k - 1; v >= s0 && v >= k-4; v-- {
			if r.w.is("roleverb", r.tok(v)) {
				return v
			}
			if r.d.Tokens[v].Kind != doc.Word || r.w.prep[r.tok(v)] != "" {
				return -1
			}
		}
		return -1
	}
	return -1
}

// undergoVerbBefore: the position of a verb such as "connaître"/"experience" that governs the
// noun trigger at t (determiners, possessives and ordinals between), or -1.
func (r *reader) undergoVerbBefore(si, t int) int {
	s := r.d.Sentences[si]
	j := t - 1
	for k := 0; k < 4 && j >= s.Tok0 && (r.w.is("det", r.tok(j)) || r.w.is("ordinal", r.tok(j))); k++ {
		j--
	}
	if j >= s.Tok0 && j < t-1 && r.w.is("undergo", r.tok(j)) {
		return j
	}
	return -1
}

// ownForces: the armed forces of the countries named (when the document names them), else
// the countries themselves.
func (r *reader) ownForces(ms []roleMention) []roleMention {
	out := make([]roleMention, 0, len(ms))
	for _, m := range ms {
		if a := r.actors[m.id]; a != nil && a.Kind == "country" && r.actors[m.id+"-MIL"] != nil {
			m.id += "-MIL"
		}
		out = append(out, m)
	}
	return out
}

// adjectival: an English participle used as an adjective ("Jailed activist Alaa…", "the
// detained journalists"): a state, not an event told.
func (r *reader) adjectival(si int, h hit) bool {
	if r.lang != "en" || h.p.noun || h.end-h.start != 1 {
		return false
	}
	s := r.d.Sentences[si]
	n := r.tok(h.start)
	if !strings.HasSuffix(n, "ed") || h.end >= s.Tok1 || r.d.Tokens[h.end].Kind != doc.Word {
		return false
	}
	next := r.tok(h.end)
	if r.w.prep[next] != "" || r.w.is("det", next) {
		return false
	}
	if mi := r.mentionAt[h.end]; r.afterApposition(si, h.start) && (mi < 0 || r.d.Mentions[mi].Form != "role" && r.d.Mentions[mi].Form != "demonym") {
		return false // "X, the minister, accused Somalia", "X, the UN envoy, demanded guarantees": after an apposition, a verb
	}
	return h.start == s.Tok0 || r.w.is("det", r.tok(h.start-1)) || r.isPunct(h.start-1, ":,—–-(\"“«")
}

// agentiveBefore: the words just before a relative pronoun at j name someone who can act
// (a mention, or a noun such as "junte", "régime", "army") rather than a thing.
func (r *reader) agentiveBefore(si, j int) bool {
	s := r.d.Sentences[si]
	for k := j - 1; k >= s.Tok0 && k >= j-3; k-- {
		if r.isPunct(k, ",") {
			continue
		}
		if mi := r.mentionAt[k]; mi >= 0 {
			// "la crise en RD Congo qui…": a name governed by a preposition is not the head
			return r.prepBeforeMode(r.d.Mentions[mi].Tok0, s.Tok0, true) == ""
		}
		if r.w.is("agentive", r.tok(k)) {
			return true
		}
	}
	return false
}

// ownerOfObject: a verb whose object is an event noun takes that noun's owner as recipient
// ("a rejeté les accusations de la RD Congo", "rejected the demands made by the union").
// A short adverbial phrase may stand between the verb and its object ("ont réclamé dans le
// passé le retrait des soldats étrangers").
func (r *reader) ownerOfObject(si, from int) []roleMention {
	s := r.d.Sentences[si]
	for start := from; start < min(s.Tok1, from+4); start++ {
		if r.d.Tokens[start].Kind != doc.Word || r.mentionAt[start] >= 0 || r.w.is("compl", r.tok(start)) || (start > from && r.trigAt[start]) {
			return nil
		}
		if start > from && !r.w.is("det", r.tok(start)) {
			continue
		}
		j := start
		for j < s.Tok1 && r.w.is("det", r.tok(j)) {
			j++
		}
		if j < s.Tok1 && (r.trigAt[j] || r.w.is("owned", r.tok(j))) {
			return r.object(si, j+1, map[string]bool{"de": true, "of": true, "by": true, "from": true, "par": true, "in": true, "a": true}, 5, true)
		}
	}
	return nil
}

// rightBeforeVerb: a mention ending at token end stands right before the verb at from (at
// most one adverb between), and that verb is finite (not a gerund or an infinitive).
func (r *reader) rightBeforeVerb(end, from int) bool {
	if from-end > 1 || from >= len(r.d.Tokens) {
		return false
	}
	for j := end; j < from; j++ {
		if r.w.prep[r.tok(j)] != "" || r.w.is("det", r.tok(j)) || r.w.is("rel", r.tok(j)) || r.w.is("compl", r.tok(j)) || r.d.Tokens[j].Kind != doc.Word {
			return false
		}
	}
	n := r.tok(from)
	return n != "en" && n != "by" && n != "to" && r.w.prep[n] == "" && !strings.HasSuffix(n, "ing") && !strings.HasSuffix(n, "er") && !strings.HasSuffix(n, "ant")
}

// inTimex: token j lies inside a time expression.
func (r *reader) inTimex(j int) bool {
	off := r.d.Tokens[j].Start
	for _, t := range r.d.Timexes {
		if t.Start <= off && off < t.End {
			return true
		}
	}
	return false
}

// impersonal: "il a été…", "il faut", "il s'agit", "il y a", "it is/was…" have no actor.
func (r *reader) impersonal(j int) bool {
	n := r.tok(j)
	if (n != "il" && n != "it") || j+1 >= len(r.d.Tokens) {
		return false
	}
	next := r.tok(j + 1)
	after := ""
	if j+2 < len(r.d.Tokens) {
		after = r.tok(j + 2)
	}
	switch {
	case n == "il" && (next == "faut" || next == "y" || next == "s'" || next == "semble" || next == "reste" || next == "fallait" || next == "est" && after != "" && r.w.is("aux", after) || next == "a" && after == "ete"):
		return true
	case n == "it" && (next == "is" || next == "was") && r.w.is("readyadj", after):
		return false // "said it was ready to send troops": "it" is the one named before
	case n == "it" && (next == "is" || next == "was" || next == "has" && after == "been" || next == "seems"):
		return true
	}
	return false
}

// relativeObject: "le Sahara occidental, que le Maroc a occupé": the antecedent of "que"
// before the subject at token t is the object of the verb.
func (r *reader) relativeObject(si, t int) []roleMention {
	s := r.d.Sentences[si]
	j := t - 1
	for j >= s.Tok0 && r.w.is("det", r.tok(j)) {
		j--
	}
	if j <= s.Tok0 || (r.tok(j) != "que" && r.tok(j) != "qu'") {
		return nil
	}
	j--
	if j >= s.Tok0 && r.isPunct(j, ",") {
		j--
	}
	if j >= s.Tok0 {
		if mi := r.mentionAt[j]; mi >= 0 && r.usable(mi) {
			return []roleMention{{mi, r.d.Mentions[mi].Actor}}
		}
	}
	return nil
}

// condition: the subject of an "if" clause after the trigger ("a menacé de retirer ses
// troupes si les putschistes…"): whom a threat is addressed to.
func (r *reader) condition(si, from int) []roleMention {
	s := r.d.Sentences[si]
	for j := from; j < s.Tok1; j++ {
		if n := r.tok(j); n == "si" || n == "if" || n == "unless" {
			for k := j + 1; k < min(s.Tok1, j+5); k++ {
				if mi := r.mentionAt[k]; mi >= 0 && r.usable(mi) {
					return []roleMention{{mi, r.d.Mentions[mi].Actor}}
				}
			}
			return nil
		}
	}
	return nil
}

// reducedPassive: a past participle right after the noun it qualifies, followed by its
// complement ("huit soldats accusés d'avoir…", "soldiers accused of…"): that noun is the
// recipient.
func (r *reader) reducedPassive(si int, h hit) bool {
	s := r.d.Sentences[si]
	if h.start == s.Tok0 || h.end >= s.Tok1 || r.mentionAt[h.start-1] < 0 || h.end-h.start > 1 {
		return false // a pattern of several words ends on its own object: "acceded to the demands of X" is active
	}
	n := r.tok(h.start)
	if !(strings.HasSuffix(n, "e") || strings.HasSuffix(n, "es") || strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "s") || strings.HasSuffix(n, "u") || strings.HasSuffix(n, "i")) {
		return false
	}
	switch r.tok(h.end) {
	case "de", "d'", "par", "by", "of", "pour", "for":
		return true
	}
	return false
}

// coupNoun: the trigger names a coup ("coup d'État", "putsch", "coup").
func coupNoun(toks []doc.Token, h hit) bool {
	n := toks[h.start].Norm
	return h.p.typ == "COERCE" && h.p.noun && (n == "coup" || n == "coups" || strings.HasPrefix(n, "putsch"))
}

// placeAfter: the country of "au Mali", "in Mali", "en Guinée" right after token t.
func (r *reader) placeAfter(si, t int) []roleMention {
	s := r.d.Sentences[si]
	for j := t; j < min(s.Tok1, t+3); j++ {
		if mi := r.mentionAt[j]; mi >= 0 {
			p := r.prepBeforeMode(r.d.Mentions[mi].Tok0, t, true)
			if a := r.actors[r.d.Mentions[mi].Actor]; a != nil && (a.Kind == "country" || a.Kind == "place") && (p == "a" || p == "en" || p == "in" || p == "dans") {
				return []roleMention{{mi, r.d.Mentions[mi].Actor}}
			}
			return nil
		}
	}
	return nil
}

// armedOwner: for attacks and fighting, "attaques de militants" names the attacker.
func (r *reader) armedOwner(rec []roleMention) bool {
	if len(rec) == 0 {
		return false
	}
	return r.armed([]string{rec[0].id})
}

// announcedThat: token j is "que"/"qu'"/"that" after a verb of announcing.
func (r *reader) announcedThat(j int) bool {
	n := r.tok(j)
	if (n != "que" && n != "qu'" && n != "that") || j == 0 {
		return false
	}
	k := j - 1
	for k > 0 && r.inTimex(k) {
		k-- // "a annoncé mardi qu'une enquête…"
	}
	p := r.tok(k)
	return strings.HasPrefix(p, "annonc") || strings.HasPrefix(p, "announc")
}

// patientNoun: nouns whose possessor undergoes them (arrest, detention, release,
// extradition), rather than does them.
func patientNoun(p *pattern) bool {
	switch p.typ {
	case "COERCE":
		return true
	case "RETREAT":
		return p.mode == "release"
	}
	return false
}

// passiveLight: the auxiliary at j opens a passive light verb ("un appel … est lancé par
// l'opposition", "a strike was staged by the unions"): its agent does the noun before it.
func (r *reader) passiveLight(j, end int) bool {
	for k := j + 1; k < end && k <= j+2; k++ {
		n := r.tok(k)
		if r.w.is("light", n) && !r.auxA(k) {
			return true
		}
		if n != "ete" && n != "been" {
			return false
		}
	}
	return false
}

// cataphor: a possessive heading its sentence names the first person after it ("Après son
// arrestation …, l'avenir de Laurent Gbagbo…").
func (r *reader) cataphor(si, t int) string {
	s := r.d.Sentences[si]
	for _, m := range r.d.Mentions {
		if m.Start >= s.Start && m.Tok1 <= t {
			if a := r.actors[m.Actor]; a != nil && a.Kind == "person" {
				return "" // a person before it in the sentence: an anaphor, not a cataphor
			}
		}
	}
	for mi, m := range r.d.Mentions {
		if m.Tok0 <= t || m.Start >= s.End {
			continue
		}
		if a := r.actors[m.Actor]; a != nil && a.Kind == "person" && r.usable(mi) {
			return m.Actor
		}
	}
	return ""
}

// coordinatedVerb: the verb group at from follows "and"/"et"/"but" directly ("… and have
// accused …"), so it shares the subject of the verb before.
func (r *reader) coordinatedVerb(si, from int) bool {
	s := r.d.Sentences[si]
	j := from - 1
	for ; j >= s.Tok0; j-- {
		n := r.tok(j)
		if r.w.is("aux", n) || r.w.is("modal", n) || n == "have" || n == "has" || n == "a" || n == "ont" || n == "also" || n == "aussi" || n == "long" {
			continue
		}
		break
	}
	if j < s.Tok0 || j == from-1 && false {
		return false
	}
	switch r.tok(j) {
	case "and", "et", "but", "mais":
		return j+1 < from && r.mentionAt[j+1] < 0 // the subject is not repeated after "and"
	}
	return false
}

// locationCountry: the country of the first place after token from in the sentence that a
// preposition of place introduces ("détenue à Paris", "protesting … in London"), adjectives
// or a noun of place maybe between ("in the occupied West Bank"); a town of a country the
// document does not know as an actor stands for it itself (PLOVER records code its country).
func (r *reader) locationCountry(si, from int) []string {
	return r.locationCountryIn(from, r.d.Sentences[si].Tok1)
}

// locationCountryIn is locationCountry over tokens [from, end).
func (r *reader) locationCountryIn(from, end int) []string {
	for j := from; j < end; j++ {
		mi := r.mentionAt[j]
		if mi < 0 {
			continue
		}
		m := r.d.Mentions[mi]
		j = m.Tok1 - 1
		a := r.actors[m.Actor]
		if a == nil || (a.Kind != "place" && a.Kind != "country") {
			continue
		}
		p := r.prepBeforeMode(m.Tok0, from, true)
		if p == "" {
			p = r.prepBeforeAdjectives(m.Tok0, from) // "in the occupied West Bank", "in the capital Kabul"
		}
		switch p {
		case "a", "en", "in", "dans", "outside", "devant", "at":
			c := a.Country
			if a.Kind == "country" {
				c = a.ID
			}
			if c != "" && r.actors[c] != nil {
				return []string{c}
			}
			if c != "" && a.Kind == "place" {
				return []string{a.ID} // a town of a country the text does not name: its country in PLOVER terms
			}
		}
	}
	return nil
}

// prepBeforeAdjectives: the preposition before one or two lower-case words (adjectives or a
// noun of place: "in the occupied West Bank", "dans la capitale Kaboul") and determiners
// before token t, or "".
func (r *reader) prepBeforeAdjectives(t, floor int) string {
	j := t - 1
	for k := 0; k < 2 && j > floor && r.lowerWord(j); k++ {
		j--
	}
	if j == t-1 || j < floor {
		return ""
	}
	return r.prepBeforeMode(j+1, floor, true)
}

// pairRef stands for "the pair" / "les deux" until the parties of the event before are known.
const pairRef = "\x00pair"

// nameAtPhraseEnd: after one of the trigger's recipient prepositions, a descriptive phrase
// that ends with a name ("avec l'entrepreneur de sécurité russe Wagner", "with the rebel
// group M23"): the name is the recipient. Demonyms inside the phrase only qualify it.
func (r *reader) nameAtPhraseEnd(si, from int, recip map[string]bool) []roleMention {
	s := r.d.Sentences[si]
	j := from
	for ; j < min(s.Tok1, from+4); j++ {
		if p := r.w.prep[r.tok(j)]; p != "" && recip[p] && !r.auxA(j) {
			break
		}
	}
	if j >= min(s.Tok1, from+4) {
		return nil
	}
	last := -1
	for k := j + 1; k < min(s.Tok1, j+9); k++ {
		t := r.d.Tokens[k]
		if t.Kind == doc.Punct || r.w.is("rel", t.Norm) || r.w.is("compl", t.Norm) || r.trigAt[k] {
			break
		}
		if p := r.w.prep[t.Norm]; p != "" && p != "de" && p != "of" {
			break
		}
		if mi := r.mentionAt[k]; mi >= 0 {
			m := r.d.Mentions[mi]
			if m.Form != "demonym" && r.usable(mi) {
				last = mi
			}
			k = m.Tok1 - 1
		}
	}
	if last < 0 {
		return nil
	}
	return []roleMention{{last, r.d.Mentions[last].Actor}}
}

// thatSubject: the subject of the "that"/"que" clause right after a verb of asking ("demanded
// that the US cancel", "exige que la France retire"): whom the request is addressed to.
func (r *reader) thatSubject(si, from int) []roleMention {
	s := r.d.Sentences[si]
	j := from
	for j < s.Tok1 && j < from+3 && !r.w.is("compl", r.tok(j)) {
		if r.d.Tokens[j].Kind == doc.Punct {
			return nil
		}
		j++ // "demanded Friday that…"
	}
	if j >= s.Tok1 || !r.w.is("compl", r.tok(j)) {
		return nil
	}
	for k := j + 1; k < min(s.Tok1, j+5); k++ {
		if mi := r.mentionAt[k]; mi >= 0 && r.usable(mi) {
			return []roleMention{{mi, r.d.Mentions[mi].Actor}}
		}
		if r.w.prep[r.tok(k)] != "" && r.tok(k) != "d'" {
			return nil
		}
	}
	return nil
}

// namedGroups: a generic group followed by the organisation it belongs to ("les rebelles du
// M23", "fighters of Hamas") or right after its name ("al-Shabaab militants") is that
// organisation.
func (r *reader) namedGroups(ms []roleMention) []roleMention {
	for i, m := range ms {
		if m.mi < 0 || !strings.HasPrefix(m.id, "group-") {
			continue
		}
		// "al-Shabaab militants", "Hamas fighters": the organisation named right before
		if t0 := r.d.Mentions[m.mi].Tok0; t0 > 0 {
			if mi := r.mentionAt[t0-1]; mi >= 0 && r.usable(mi) {
				if a := r.actors[r.d.Mentions[mi].Actor]; a != nil && a.Kind == "organization" && !strings.HasPrefix(a.ID, "group-") {
					ms[i] = roleMention{mi, a.ID}
					continue
				}
			}
		}
		end := r.d.Mentions[m.mi].Tok1
		if end+1 >= len(r.d.Tokens) {
			continue
		}
		switch r.tok(end) {
		case "du", "de", "des", "d'", "of":
		default:
			continue
		}
		k := end + 1
		if r.w.is("det", r.tok(k)) && k+1 < len(r.d.Tokens) {
			k++
		}
		if mi := r.mentionAt[k]; mi >= 0 && r.usable(mi) {
			if a := r.actors[r.d.Mentions[mi].Actor]; a != nil && a.Kind == "organization" {
				ms[i] = roleMention{mi, a.ID}
			}
		}
	}
	return ms
}

// deniedObject: "X nie ces accusations", "X denied the allegations": the one who accused.
func (r *reader) deniedObject(si, from int) bool {
	s := r.d.Sentences[si]
	for j := from; j < min(s.Tok1, from+3); j++ {
		if r.w.is("denial", r.tok(j)) {
			return true
		}
	}
	return false
}

// subjectBeforeApposition: a verb right after a comma follows an apposition or a relative
// clause set off by commas ("Ms Doe, a lawyer who has been jailed twice…, has
// been campaigning"; "une unité militaire, fidèle au président déchu, Blaise Compaoré, avait
// pris le pouvoir"): its subject is the name before the first of those commas, not a name
// inside them.
func (r *reader) subjectBeforeApposition(si, from int) ([]roleMention, int) {
	s := r.d.Sentences[si]
	k := from - 1
	for k > s.Tok0 && r.verbGroupWord(k) {
		k--
	}
	if k <= s.Tok0 || !r.isPunct(k, ",") {
		return nil, -1
	}
	skip := -1
	for seg := 0; seg < 3; seg++ {
		c := k - 1
		for c > s.Tok0 && !r.isPunct(c, ",;:()") {
			c--
		}
		if c <= s.Tok0 || !r.isPunct(c, ",") || !r.appositionSegment(c+1, k) {
			return nil, skip
		}
		skip = c
		if seg == 0 {
			// "Leur envoyé, l'ancien président Goodluck Jonathan, a poursuivi": a name set off
			// by commas after the head of the clause names it; after another apposition
			// ("fidèle au président déchu, Blaise Compaoré, avait pris") it names that one's noun
			if mi := r.segmentName(c+1, k); mi >= 0 {
				p := c - 1
				for p > s.Tok0 && !r.isPunct(p, ",;:()") {
					p--
				}
				if !r.isPunct(p, ",") {
					// "A member of the Syrian parliament, X, started…": a name the registry does
					// not know, set off after a member of a group, acts as that group
					if a := r.actors[r.d.Mentions[mi].Actor]; a != nil && a.Country == "" && c > s.Tok0 {
						if g := r.mentionAt[c-1]; g >= 0 && r.usable(g) && r.memberOf(r.d.Mentions[g].Tok0, s.Tok0) {
							return []roleMention{{g, r.d.Mentions[g].Actor}}, skip
						}
					}
					return r.coordinated(si, roleMention{mi, r.d.Mentions[mi].Actor}, -1), skip
				}
			}
		}
		// the name closing the phrase before the comma (an adjective may follow it)
		for j := c - 1; j >= s.Tok0 && j >= c-2; j-- {
			mi := r.mentionAt[j]
			if mi < 0 {
				if r.d.Tokens[j].Kind != doc.Word || r.w.prep[r.tok(j)] != "" || r.w.is("det", r.tok(j)) {
					break
				}
				continue
			}
			m := r.d.Mentions[mi]
			if !r.usable(mi) || r.prepBeforeMode(m.Tok0, s.Tok0, true) != "" {
				break
			}
			return r.coordinated(si, roleMention{mi, m.Actor}, -1), skip
		}
		k = c
	}
	return nil, skip
}

// segmentName: the usable mention that makes up the tokens a..b (determiners and titles
// before it allowed), or -1.
func (r *reader) segmentName(a, b int) int {
	if b <= a || r.mentionAt[b-1] < 0 {
		return -1
	}
	mi := r.mentionAt[b-1]
	m := r.d.Mentions[mi]
	if !r.usable(mi) || m.Tok1 != b || m.Tok0 < a || m.Tok0-a > 4 {
		return -1
	}
	for j := a; j < m.Tok0; j++ {
		if r.d.Tokens[j].Kind != doc.Word || r.w.prep[r.tok(j)] != "" {
			return -1
		}
	}
	return mi
}

// appositionSegment: the tokens a..b (between two commas) read as an apposition or a
// relative clause: they open with a determiner, an adjective of a title or hold a relative
// pronoun, and hold no finite verb of an event of their own before it.
func (r *reader) appositionSegment(a, b int) bool {
	if a >= b {
		return false
	}
	if r.w.is("det", r.tok(a)) || r.mentionAt[a] >= 0 {
		return true
	}
	for j := a; j < b; j++ {
		if r.w.is("rel", r.tok(j)) || r.w.prep[r.tok(j)] != "" || r.tok(j) == "where" {
			return true // "who has served…", "fidèle au président…"
		}
		if t := r.d.Tokens[j]; r.d.Text[t.Start:t.End] == "où" {
			return true // "Le Mali, où 400 soldats sont déployés, vient de…"
		}
	}
	return false
}

// verbGroupWord: an auxiliary, a modal, a negation or an adverb inside a verb group.
func (r *reader) verbGroupWord(j int) bool {
	n := r.tok(j)
	if r.d.Tokens[j].Kind != doc.Word || r.mentionAt[j] >= 0 {
		return false
	}
	switch n {
	case "a", "ont", "avait", "avaient", "aura", "auront", "ne", "n'", "pas", "s'", "se", "est", "sont", "etait", "etaient", "ete", "va", "vont", "being", "vient", "viennent", "venait", "venaient", "just":
		return true
	case "de", "d'":
		// "vient de connaître"
		if j > 0 {
			p := r.tok(j - 1)
			return p == "vient" || p == "viennent" || p == "venait" || p == "venaient"
		}
		return true
	}
	return r.w.is("aux", n) || r.w.is("modal", n) || strings.HasSuffix(n, "ly") || strings.HasSuffix(n, "ment")
}

// earlierOwner: the subject of a passive verb at t is a thing, not an actor ("ladite
// candidature est rejetée", "the bid was rejected"): its owner is named where the text
// told it before, with the same noun and a "de X"/"of X" complement ("la candidature de
// X", a few sentences back).
func (r *reader) earlierOwner(si, t int) []roleMention {
	s := r.d.Sentences[si]
	j := t - 1
	for j >= s.Tok0 && (r.w.is("aux", r.tok(j)) || r.w.is("modal", r.tok(j))) {
		j--
	}
	if j <= s.Tok0 || r.mentionAt[j] >= 0 || r.d.Tokens[j].Kind != doc.Word || !r.w.is("det", r.tok(j-1)) && !r.w.is("anaphdet", r.tok(j-1)) {
		return nil
	}
	noun := r.tok(j)
	for p := si - 1; p >= 0 && p >= si-3; p-- {
		ps := r.d.Sentences[p]
		for k := ps.Tok1 - 3; k >= ps.Tok0; k-- {
			if r.tok(k) != noun || r.w.prep[r.tok(k+1)] != "de" && r.tok(k+1) != "of" {
				continue
			}
			m := k + 2
			if m < ps.Tok1 && r.w.is("det", r.tok(m)) {
				m++
			}
			if m < ps.Tok1 {
				if mi := r.mentionAt[m]; mi >= 0 && r.usable(mi) {
					return []roleMention{{mi, r.d.Mentions[mi].Actor}}
				}
			}
			return nil
		}
	}
	return nil
}

// complementTarget: whom the act a promise, threat or refusal is about is done to, when the
// act is an infinitive that is no trigger of its own: the object of that verb or a name
// behind a preposition of the target ("threatened to cut off electricity to X", "refused to
// lift the curfew on X", "a menacé de couper l'électricité à X", "threatened to shell Iraqi
// towns"). The clause ends at punctuation, a complementiser or a relative pronoun.
func (r *reader) complementTarget(si, from int) []roleMention {
	s := r.d.Sentences[si]
	j := from
	for j < s.Tok1 && (r.inTimex(j) || j+1 < s.Tok1 && r.w.prep[r.tok(j)] != "" && r.inTimex(j+1)) {
		j++ // "threatened on Monday to…", "a refusé mardi de…"
	}
	if j < s.Tok1 && !r.w.is("inflink", r.tok(j)) {
		// a short adverbial phrase before the infinitive ("agreed in principle on Saturday to")
		for k := j; k < min(s.Tok1, j+6); k++ {
			if r.d.Tokens[k].Kind != doc.Word || r.mentionAt[k] >= 0 || r.trigAt[k] || r.w.is("compl", r.tok(k)) {
				break
			}
			if k > j && r.w.is("inflink", r.tok(k)) {
				j = k
				break
			}
		}
	}
	if j >= s.Tok1 || !r.w.is("inflink", r.tok(j)) {
		return nil
	}
	j++
	if j >= s.Tok1 || r.mentionAt[j] >= 0 || r.d.Tokens[j].Kind != doc.Word {
		return nil
	}
	verb := j + 1 // the words after the infinitive
	for k := verb; k < min(s.Tok1, verb+12); k++ {
		n := r.tok(k)
		if r.d.Tokens[k].Kind == doc.Punct || r.w.is("compl", n) || r.w.is("rel", n) || r.w.is("source", n) {
			return nil
		}
		mi := r.mentionAt[k]
		if mi < 0 {
			continue
		}
		m := r.d.Mentions[mi]
		k = m.Tok1 - 1
		if !r.usable(mi) {
			continue
		}
		p := r.prepBefore(m.Tok0, verb)
		if p == "" {
			p = r.prepBeforeAdjectives(m.Tok0, verb) // "to the autonomous Azerbaijani republic"
		}
		// "in X" only for a country or a town of one: "to resume attacks in X" is aimed at
		// X's state, "to set up a centre in Tokyo" at Japan
		inCountry := r.w.is("targetin", p) && r.countryOrTown(m.Actor)
		if p == "" && r.directObject(verb, m.Tok0) || p != "" && r.w.is("targetprep", p) || inCountry || r.beneficiary(m.Tok0, verb) {
			return r.coordinated(si, roleMention{mi, m.Actor}, +1)
		}
	}
	return nil
}

// countryOrTown: the actor is a country, or a place whose country is known.
func (r *reader) countryOrTown(id string) bool {
	a := r.actors[id]
	return a != nil && (a.Kind == "country" || a.Kind == "place" && a.Country != "")
}

// partnerAfter: a concession or an agreement told with the dealings it came from names the
// other party after a preposition of class "partner" in the rest of its clause ("called off
// the strike after talks with X", "a levé le blocus à l'issue de négociations avec X").
func (r *reader) partnerAfter(si, from int) []roleMention {
	s := r.d.Sentences[si]
	for j := from; j < min(s.Tok1, from+12); j++ {
		n := r.tok(j)
		if r.d.Tokens[j].Kind == doc.Punct || r.w.is("compl", n) || r.w.is("rel", n) || r.w.is("source", n) || r.w.is("contrast", n) {
			return nil
		}
		if r.w.is("partner", r.w.prep[n]) {
			return r.nounArgument(si, j-1, 5, true, "partner")
		}
	}
	return nil
}

// proposalAuthor: a refusal or a concession answers whoever made the proposal, call or demand
// that is its object: "rejected a fresh offer from X", "accepted demands by X", "a rejeté
// la proposition du Mali". The object noun (class "proposal") stands within a few words after
// the verb, its author right after it behind from/by/de/of.
func (r *reader) proposalAuthor(si, from int) []roleMention {
	s := r.d.Sentences[si]
	for k := from; k < min(s.Tok1, from+5); k++ {
		if r.d.Tokens[k].Kind == doc.Punct || r.mentionAt[k] >= 0 {
			return nil
		}
		if !r.w.is("proposal", r.tok(k)) {
			continue
		}
		return r.nounArgument(si, k, 4, false, "author")
	}
	return nil
}

// protestTarget: a protest told by its form (a strike, a hunger strike, a march, a blocked
// road) names whom it is aimed at in a purpose phrase after it: "began a hunger strike to
// protest against X", "went on strike in protest at X's decision", "ont entamé une grève pour
// protester contre X", "en signe de protestation contre X". The phrase is a word of the class
// "purpose" ("to", "in", "pour", "en", "de") right before one of "protestword", within a few
// words of the trigger and in its clause; the target is its object or the name after
// "against"/"contre"/"at".
func (r *reader) protestTarget(si, from int) []roleMention {
	s := r.d.Sentences[si]
	for j := from; j+1 < min(s.Tok1, from+12); j++ {
		if r.isPunct(j, ";:") || r.w.is("compl", r.tok(j)) || r.w.is("rel", r.tok(j)) {
			return nil
		}
		if r.w.is("purpose", r.tok(j)) && r.w.is("protestword", r.tok(j+1)) {
			return r.object(si, j+2, map[string]bool{"obj": true, "against": true, "contre": true, "at": true}, 8, true)
		}
		if r.w.is("purpose", r.tok(j)) && j+3 < s.Tok1 && r.w.is("showverb", r.tok(j+1)) && r.w.is("possessive", r.tok(j+2)) && r.w.is("grievance", r.tok(j+3)) {
			// "to show their anger at X", "pour exprimer leur colère contre X"
			return r.object(si, j+4, map[string]bool{"against": true, "contre": true, "at": true, "for": true, "envers": true, "over": true}, 8, true)
		}
	}
	return nil
}

// actAgent: the author of the act a verb's object names, when the object is a misdeed
// (class "misdeed") or an event noun and its agent follows ("investigating war crimes by X",
// "prevented the demonstration staged by X", "enquête sur les exactions commises par X",
// "a interdit la marche organisée par X"): an accusation or a coercion aimed at an act is
// aimed at its author. Only the object's own words stand between the verb and "by"/"par":
// no punctuation, clause word, name or preposition but those of class "objprep". act:
// the trigger's pattern already holds the act ("prevented ~ demonstration").
func (r *reader) actAgent(si, from int, act bool) []roleMention {
	s := r.d.Sentences[si]
	for j := from; j < min(s.Tok1, from+8); j++ {
		n := r.tok(j)
		switch {
		case r.w.is("agent", n):
			if !act {
				return nil
			}
			return r.agentOf(si, j, false)
		case r.d.Tokens[j].Kind != doc.Word || r.mentionAt[j] >= 0 || r.w.is("compl", n) || r.w.is("rel", n):
			return nil
		case r.w.is("misdeed", n) || r.trigAt[j]:
			act = true
		case r.w.prep[n] != "" && !r.w.is("objprep", r.w.prep[n]):
			return nil
		}
	}
	return nil
}

// parenthesised: a mention set in parentheses right after another usable mention glosses it
// (a translation, an acronym, another name: "le Hezbollah (Parti de Dieu)", "the Hizbollah
// (Party of God) group"): the index of the mention before the parentheses, or -1.
func (r *reader) parenthesised(mi int) int {
	m := r.d.Mentions[mi]
	if m.Tok0 < 2 || m.Tok1 >= len(r.d.Tokens) || r.tok(m.Tok0-1) != "(" || r.tok(m.Tok1) != ")" {
		return -1
	}
	if outer := r.mentionAt[m.Tok0-2]; outer >= 0 && outer != mi && r.usable(outer) && r.d.Mentions[outer].Tok1 == m.Tok0-1 {
		return outer
	}
	return -1
}

// memberOf: the mention at t0 is governed by "of"/"de" after a noun of members ("About 200
// supporters of X marched", "des centaines de partisans de l'opposition ont manifesté",
// "Leaders of X agreed"): the members act as X (PLOVER codes them as X).
func (r *reader) memberOf(t0, floor int) bool {
	j := t0 - 1
	for j > floor && r.w.is("det", r.tok(j)) && r.tok(j) != "du" && r.tok(j) != "des" {
		j-- // "du", "des" hold the preposition
	}
	if j <= floor {
		return false
	}
	switch r.tok(j) {
	case "of", "de", "d'", "du", "des":
	default:
		return false
	}
	if j >= 4 && r.tok(j-2) == "-" && r.w.is("member", r.tok(j-3)+"-"+r.tok(j-1)) {
		return true // a hyphenated noun: "le porte-parole du gouvernement"
	}
	return r.w.is("member", r.tok(j-1))
}

// countedObject: the noun at t is the direct object of the verb ending before from, with
// only articles, partitives ("des", "de"), numbers and quantifiers between.
func (r *reader) countedObject(from, t int) bool {
	if t < from || t-from > 4 {
		return false
	}
	for j := from; j < t; j++ {
		n := r.tok(j)
		if !r.w.is("det", n) && !r.w.is("count", n) && !r.number(j) && n != "de" && n != "d'" {
			return false
		}
	}
	return true
}

// memberNoun: the position of the noun of members before the mention at t0 (see memberOf).
func (r *reader) memberNoun(t0 int) int {
	j := t0 - 1
	for j > 0 && r.w.is("det", r.tok(j)) && r.tok(j) != "du" && r.tok(j) != "des" {
		j--
	}
	return j - 1
}

// number: token j is written in digits ("200", "1,000").
func (r *reader) number(j int) bool {
	t := r.d.Tokens[j]
	if t.Kind != doc.Word && t.Kind != doc.Number {
		return false
	}
	w := r.d.Text[t.Start:t.End]
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// beneficiary: the name at t0 follows "for"/"pour" and an aid noun ("to provide 70 million
// dollars of aid for X", "d'envoyer une aide humanitaire pour X"): whom the promised help is for.
func (r *reader) beneficiary(t0, floor int) bool {
	j := t0 - 1
	for j > floor && r.w.is("det", r.tok(j)) {
		j--
	}
	if j <= floor || !r.w.is("forprep", r.tok(j)) {
		return false
	}
	for k := j - 1; k >= floor && k >= j-3; k-- {
		if r.w.is("aidnoun", r.tok(k)) {
			return true
		}
	}
	return false
}

// afterApposition: token t follows an apposition set off by two commas ("X, the foreign
// minister, accused…"), not a lone comma ("under X, provided Y can…").
func (r *reader) afterApposition(si, t int) bool {
	s := r.d.Sentences[si]
	if t-1 <= s.Tok0 || !r.isPunct(t-1, ",") {
		return false
	}
	c := t - 2
	for c > s.Tok0 && !r.isPunct(c, ",;:()") {
		c--
	}
	return c > s.Tok0 && r.isPunct(c, ",") && r.mentionAt[c-1] >= 0 && r.appositionSegment(c+1, t-1)
}

// removalOf: a demand whose object is a withdrawal, a departure or a resignation names who
// is asked to go right after it ("demanded the withdrawal of X forces", "called for the
// resignation of X", "exige le départ des troupes de X", "réclame la démission de X"): that
// one, or nil. The noun (class "removal") stands within a few words after the verb.
func (r *reader) removalOf(si, from int) []roleMention {
	s := r.d.Sentences[si]
	for k := from; k < min(s.Tok1, from+5); k++ {
		if r.d.Tokens[k].Kind == doc.Punct || r.mentionAt[k] >= 0 || r.w.is("compl", r.tok(k)) {
			return nil
		}
		if !r.w.is("removal", r.tok(k)) {
			continue
		}
		return r.nounArgument(si, k, 6, true, "goer")
	}
	return nil
}

// nounArgument: the first mention within reach tokens after the noun at token k, with the
// mentions it is coordinated with, when a preposition of class preps governs it ("an offer
// from X", "the withdrawal of X's troops"); nil when that mention is not usable, stands
// behind another preposition, or (stopAtPunct) a punctuation mark comes first.
func (r *reader) nounArgument(si, k, reach int, stopAtPunct bool, preps string) []roleMention {
	s := r.d.Sentences[si]
	for j := k + 1; j < min(s.Tok1, k+reach); j++ {
		if stopAtPunct && r.d.Tokens[j].Kind == doc.Punct {
			return nil
		}
		mi := r.mentionAt[j]
		if mi < 0 {
			continue
		}
		m := r.d.Mentions[mi]
		if !r.usable(mi) || !r.w.is(preps, r.prepBeforeMode(m.Tok0, k+1, true)) {
			return nil
		}
		return r.coordinated(si, roleMention{mi, m.Actor}, +1)
	}
	return nil
}

// againstBetween: a preposition of class "against" stands between tokens from and to.
func (r *reader) againstBetween(from, to int) bool {
	for j := from; j < to; j++ {
		if r.w.is("against", r.tok(j)) {
			return true
		}
	}
	return false
}

// lowerWord: token j is a word written in lower case that is no preposition, article or
// mention (an adjective before a name: "the autonomous X republic").
func (r *reader) lowerWord(j int) bool {
	t := r.d.Tokens[j]
	if t.Kind != doc.Word || r.mentionAt[j] >= 0 || r.w.prep[r.tok(j)] != "" || r.w.is("det", r.tok(j)) {
		return false
	}
	w := r.d.Text[t.Start:t.End]
	return w == strings.ToLower(w)
}
