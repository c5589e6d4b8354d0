package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
)

// frame kinds
const (
	fPreposed  = iota // X a déclaré que …, X said …
	fIncise           // …, a-t-il déclaré / …, he said / …, said X
	fAccording        // selon X, … / …, according to X
	fGerund           // …, saying … / …, affirmant …
)

// frame is one attribution found around a cue.
type frame struct {
	kind      int
	sent      int
	cue0      int // cue tokens [cue0, cue1)
	cue1      int
	sp0, sp1  int // speaker tokens [sp0, sp1); sp0 == sp1 when none
	content   [][2]int
	lemma     string
	via       string
	used      bool // taken by a direct quote
	anchor    int  // first token of the incise (speaker or cue) for fIncise
	bnd       int  // the boundary token (comma, quote mark) before an incise
	full0     int  // first token of the whole clause before a preposed cue (sp0 may start later)
	trailing  bool // an according frame after its content ("…, according to X"): outer, like an incise
	quoteOnly bool // an incise in a sentence of its own after a quote: its content is that quote
	pronoun   bool // the speaker is a pronoun
	asked     bool // a question put to someone ("when asked whether …"): an adjunct of the clause around it
	nominal   bool // a noun cue ("Trump's support for …"): gives way to a verb frame
	stance    bool // a gerund after a noun ("voters saying …"), maybe inside a subject
}

// tokenizer helpers over one document
type view struct {
	d      *doc.Document
	lex    *lexicon
	f      *Finder
	quoted []doc.Span // contents of the direct quotes
}

func (v *view) inQuote(off int) bool {
	for _, q := range v.quoted {
		if q.Start <= off && off < q.End {
			return true
		}
	}
	return false
}

func (v *view) norm(i int) string { return v.d.Tokens[i].Norm }
func (v *view) text(i int) string { return v.d.Text[v.d.Tokens[i].Start:v.d.Tokens[i].End] }

func isQuoteChar(t string) bool {
	switch t {
	case "«", "»", "“", "”", "„", "‹", "›", "\"", "‘":
		return true
	}
	return false
}

// boundary tokens end a clause when looking for a speaker or an incise.
func (v *view) boundary(i int) bool {
	t := v.d.Tokens[i]
	if t.Kind != doc.Punct {
		return false
	}
	w := v.text(i)
	switch w {
	case ",", ";", ":", "(", ")", "[", "]", "!", "?", "…":
		return true
	case ".":
		// a full stop inside a sentence follows an abbreviation ("M. Nguessan")
		return i+1 >= v.d.Sentences[t.Sent].Tok1 || isQuoteChar(v.text(i+1))
	case "-", "—", "–", "―":
		// a dash with space around (not the hyphen of a-t-il)
		return i > 0 && v.d.Tokens[i-1].End < t.Start
	case "'", "`":
		// '' or `` typewriter quotes
		return i > 0 && v.text(i-1) == w && v.d.Tokens[i-1].End == t.Start || i+1 < len(v.d.Tokens) && v.text(i+1) == w && v.d.Tokens[i+1].Start == t.End
	}
	return isQuoteChar(w)
}

// opensWithPerson: a person mention starts tokens [a, b) (after determiners and titles).
func (v *view) opensWithPerson(a, b int) bool {
	h := v.skipDeterminers(a, b)
	if h >= b {
		return false
	}
	st := v.d.Tokens[h].Start
	en := v.d.Tokens[b-1].End
	for i := range v.d.Mentions {
		m := &v.d.Mentions[i]
		if m.Actor == "" || m.Form == "pronoun" || m.End > en {
			continue
		}
		if m.Start == st || m.Start == v.d.Tokens[a].Start || m.Start < st && m.End > st {
			if act := v.d.ActorByID(m.Actor); act != nil && act.Kind == "person" {
				return true
			}
		}
	}
	return false
}

// headWithComplement: tokens [a, b) are "(det) ROLE de/of …" ("un avocat de la chanteuse").
func (v *view) headWithComplement(a, b int) bool {
	h := v.skipDeterminers(a, b)
	for h < b && quantifiers[v.norm(h)] {
		h++
	}
	if h+1 >= b || !(v.f.roles[v.norm(h)] || v.f.sourceNouns[v.norm(h)]) {
		return false
	}
	switch v.norm(h + 1) {
	case "de", "d'", "du", "des", "of":
		return true
	}
	return false
}

func (v *view) isDash(i int) bool {
	switch v.text(i) {
	case "-", "—", "–", "―", "--":
		return v.boundary(i)
	}
	return false
}

func (v *view) isComma(i int) bool { return v.d.Tokens[i].Kind == doc.Punct && v.text(i) == "," }

func (v *view) sentenceEndPunct(i int) bool {
	if v.d.Tokens[i].Kind != doc.Punct {
		return false
	}
	switch v.text(i) {
	case ".", "!", "?", "…", "...", "?!":
		return true
	}
	return isQuoteChar(v.text(i))
}

// match reports whether the folded words w start at token i.
func (v *view) match(i, end int, w []string) bool {
	if i+len(w) > end {
		return false
	}
	for k, x := range w {
		if v.norm(i+k) != x {
			return false
		}
	}
	return true
}

// inversion: "-t-il", "-elle", "-ils" after a verb; returns the end token and the pronoun token.
func (v *view) inversion(i, end int) (int, int) {
	if i+1 < end && v.text(i) == "-" && v.norm(i+1) == "t" && i+3 < end && v.text(i+2) == "-" && v.isPronoun(i+3) {
		return i + 4, i + 3
	}
	if i+1 < end && v.text(i) == "-" && v.isPronoun(i+1) {
		return i + 2, i + 1
	}
	return i, -1
}

func (v *view) isPronoun(i int) bool {
	n := v.norm(i)
	return v.lex.pronoun[n] || v.lex.plural[n]
}

// declaring verbs whose object can be a state of affairs ("declare war", "déclarer forfait")
var declaring = map[string]bool{"declarer": true, "declare": true, "proclamer": true, "proclaim": true, "annoncer": true, "announce": true}

// possessives: 's' singular, 'p' plural.
var possessives = map[string]byte{"son": 's', "sa": 's', "his": 's', "her": 's', "leur": 'p', "their": 'p'}

var naming = map[string]bool{"call": true, "name": true, "dub": true, "title": true, "label": true, "appeler": true, "qualifier": true}

var passiveBe = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true,
	"ete": true, "fut": true, "furent": true, "est": true, "sont": true, "etait": true, "etaient": true, "sera": true,
	"seront": true, "serait": true, "seraient": true, "etre": true}

// cueAt recognises a speech cue starting at token i: a finite verb, an auxiliary with its
// participle, or either with a French inverted pronoun. It returns the cue's end, the
// inverted pronoun token (or -1), and whether the cue is passive.
func (v *view) cueAt(i, s0, s1 int) (end, inv int, passive bool, lemma string) {
	t := v.d.Tokens[i]
	if t.Kind != doc.Word {
		return -1, -1, false, ""
	}
	n := t.Norm
	if v.lex.aux[n] && !(i > s0 && v.lex.determiner[v.norm(i-1)] && n != "a") {
		j, inv := v.inversion(i+1, s1)
		for j < s1 && (v.lex.adverb[v.norm(j)] || v.norm(j) == "ne" || v.norm(j) == "n'") {
			j++
		}
		if j < s1 && passiveBe[v.norm(j)] {
			if j+1 < s1 && v.lex.participle[v.norm(j+1)] != "" {
				return j + 2, inv, true, v.lex.participle[v.norm(j+1)]
			}
			return -1, -1, false, ""
		}
		if j < s1 && (v.lex.participle[v.norm(j)] != "" || (v.lex.finite[v.norm(j)] != "" || v.lex.baseForm[v.norm(j)] != "") && v.d.Tokens[j].Kind == doc.Word) {
			lem := v.lex.participle[v.norm(j)]
			if lem == "" {
				lem = v.lex.finite[v.norm(j)]
			}
			if lem == "" {
				lem = v.lex.baseForm[v.norm(j)] // "would support"
			}
			e, inv2 := v.inversion(j+1, s1)
			if inv < 0 {
				inv = inv2
			} else {
				e = j + 1
			}
			return e, inv, false, lem
		}
		return -1, -1, false, ""
	}
	lem := v.lex.finite[n]
	if lem == "" && v.lex.sForm[n] != "" && i > s0 && (v.subjectBefore(i-1) || v.determinerNoun(i-1, s0)) {
		lem = v.lex.sForm[n] // "Clinton vows change", "Jeb Bush, who …, hopes"
	}
	if lem == "" && v.lex.baseForm[n] != "" && i > s0 && v.pluralSubjectBefore(i-1) {
		lem = v.lex.baseForm[n] // "Democrats support", "57 percent claim"
	}
	if lem == "" {
		if lem = v.lex.participle[n]; lem == "" {
			return -1, -1, false, ""
		}
		// a bare participle is a cue only when passive ("was told by", "a été confirmée par")
		if !(i > s0 && passiveBe[v.norm(i-1)]) {
			return -1, -1, false, ""
		}
	}
	if i > s0 {
		if strings.HasSuffix(n, "ed") && adjectivalAfter[v.norm(i-1)] {
			return -1, -1, false, "" // "in pledged delegates"
		}
		if w := v.text(i); w != "" && w[0] >= 'A' && w[0] <= 'Z' && !isQuoteChar(v.text(i-1)) && !v.titleCase(s0, s1) {
			return -1, -1, false, "" // "the United States": a name
		}
		p := v.norm(i - 1)
		if v.lex.determiner[p] || v.lex.aux[p] {
			return -1, -1, false, "" // a noun ("l'annonce"), or the participle of a compound seen from its aux
		}
		pb := i - 1
		for pb > s0 && v.lex.adverb[v.norm(pb)] {
			pb-- // "est également accusé"
		}
		if pb != i-1 && passiveBe[v.norm(pb)] && v.lex.participle[n] != "" {
			return i + 1, -1, true, lem
		}
		if passiveBe[p] {
			if strings.HasSuffix(n, "ing") || strings.HasSuffix(n, "ant") && v.d.Lang != "en" {
				return i + 1, -1, false, lem // "is accusing": progressive, not passive
			}
			return i + 1, -1, true, lem
		}
		// "a firm called Gavekal", "a group named X": naming, not speech
		if naming[lem] && v.d.Tokens[i-1].Kind == doc.Word && !v.isPronoun(i-1) && !v.f.sourceNouns[p] && i+1 < s1 {
			if r, _ := utf8.DecodeRuneInString(v.text(i - 1)); unicode.IsLower(r) {
				if r2, _ := utf8.DecodeRuneInString(v.text(i + 1)); unicode.IsUpper(r2) || isQuoteChar(v.text(i+1)) {
					return -1, -1, false, ""
				}
			}
		}
	}
	e, inv := v.inversion(i+1, s1)
	return e, inv, false, lem
}

// frames finds every attribution frame of sentence si.
func (v *view) frames(si int) []frame {
	d := v.d
	s := d.Sentences[si]
	s0, s1 := s.Tok0, s.Tok1
	var out []frame
	head := v.skipOpeners(s0, s1) // the first word of the sentence after openers
	english := d.Lang == "en"
	for i := s0; i < s1; i++ {
		sp := v.lex.specialOf(v.norm(i))
		// according markers
		if sp&spAccording != 0 { // a marker may start here
			matched := false
			for _, w := range v.lex.according {
				if v.match(i, s1, w) {
					if fr, ok := v.according(si, i, i+len(w)); ok {
						out = append(out, fr)
						i = max(i, fr.sp1-1)
					}
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		// "Pour l'ONU, la situation est catastrophique": a French opinion frame, only when a
		// known actor follows "pour" and a comma closes it
		if sp&spOpinion != 0 && i == head {
			if x1 := v.clauseEnd(i+1, s1); x1 < s1 && x1-i <= 7 && v.isComma(x1) && v.actorIn(i+1, x1, "") != "" && !v.hasVerb(i+1, x1) {
				if e := v.trimEnd(x1+1, s1); e > x1+1 {
					out = append(out, frame{kind: fAccording, sent: si, cue0: i, cue1: i + 1, sp0: i + 1, sp1: x1, lemma: v.norm(i), full0: -1,
						content: [][2]int{{x1 + 1, e}}})
					i = x1
					continue
				}
			}
		}
		// "in the latest NBC poll", "dans un sondage Ifop": the poll is the source of the rest
		// of the sentence
		if sp&spPoll != 0 && v.pollAfter(i+1, s1) && !v.cueBefore(s0, i) {
			if fr, ok := v.according(si, i, i+1); ok {
				out = append(out, fr)
				i = max(i, fr.sp1-1)
				continue
			}
		}
		// "Et de poursuivre :" — the speaker is the one who spoke last
		if v.norm(i) == "de" && i+1 < s1 && v.lex.infinitive[v.norm(i+1)] && i > s0 && (v.norm(i-1) == "et" || v.norm(i-1) == "and") {
			fr := frame{kind: fPreposed, sent: si, cue0: i - 1, cue1: i + 2, sp0: i - 1, sp1: i - 1, lemma: v.norm(i + 1), pronoun: true, full0: -1}
			if c0 := v.contentStart(i+2, s1); c0 < s1 {
				fr.content = [][2]int{{c0, v.trimEnd(c0, s1)}}
			}
			out = append(out, fr)
			i += 1
			continue
		}
		// "Asked whether …, X said": a question put to someone, asker unnamed or after "by"
		if sp&spAsked != 0 && i+1 < s1 && (i == head || i > s0 && (askLead[v.norm(i-1)] || passiveBe[v.norm(i-1)])) {
			if fr, e, ok := v.askedFrame(si, i); ok {
				out = append(out, fr)
				i = e
				continue
			}
		}
		// "Trump: 'We will win'", "Lynch: No outside influence on FBI probe" — a line that
		// opens with a person's or an organisation's name and a colon
		if v.d.Tokens[i].Kind == doc.Punct { // (colonFrame's first test, without its call)
			if fr, ok := v.colonFrame(si, i); ok {
				out = append(out, fr)
				i = fr.cue1
				continue
			}
		}
		if sp&spRaising != 0 {
			if fr, ok := v.raisingFrame(si, i); ok {
				out = append(out, fr)
				i = fr.cue1 - 1
				continue
			}
		}
		end, inv, passive, lemma := -1, -1, false, ""
		if sp&spCue != 0 {
			end, inv, passive, lemma = v.cueAt(i, s0, s1)
		}
		if end < 0 && sp&spNominal != 0 {
			if fr, ok := v.nominalFrame(si, i); ok {
				out = append(out, fr)
				i = fr.cue1 - 1
				continue
			}
		}
		if end < 0 && english && v.d.Tokens[i].Kind == doc.Word && inciseForm(v.norm(i)) { // (unlistedIncise's first tests, without its call)
			if fr, ok := v.unlistedIncise(si, i); ok {
				out = append(out, fr)
				continue
			}
		}
		if end < 0 && v.reportingVerb(i, s0, s1) {
			// an unlisted English verb with a "that" clause after a subject ("X insinuated that")
			end, inv, lemma = i+1, -1, v.norm(i)
		}
		if end < 0 || v.notCue(i, end, s0, s1, lemma) {
			continue
		}
		if fr, ok := v.verbFrame(si, i, end, inv, passive, lemma); ok {
			if v.d.Lang != "fr" && strings.HasSuffix(v.norm(i), "ing") && v.progressive(i, s0) {
				b := i - 1
				for b > s0 && !passiveBe[v.norm(b)] {
					b--
				}
				if fr.sp0 < b && b < fr.sp1 {
					fr.sp1 = b // "His team is quietly"
				}
				if fr.sp1 <= b {
					fr.cue0 = b // the cue is "is suggesting", "was quietly telling"
				}
			}
			out = append(out, fr)
		}
		i = end - 1
	}
	return v.settle(si, out)
}

// settle orders the frames of one sentence: "X a déclaré … et a ajouté que …" gives the
// second cue X's speaker; a preposed frame's content stops before a later incise; and a cue
// inside another frame's content is part of what is reported, not a frame of its own.
func (v *view) settle(si int, fs []frame) []frame {
	s0 := v.d.Sentences[si].Tok0
	for k := range fs {
		if fs[k].kind != fPreposed {
			continue
		}
		p := fs[k].cue0 - 1
		if p < s0 || !coordinators[v.norm(p)] {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if (fs[j].kind == fPreposed || fs[j].kind == fGerund) && fs[j].cue1 <= p {
				fs[k].sp0, fs[k].sp1, fs[k].pronoun = fs[j].sp0, fs[j].sp1, fs[j].pronoun
				fs[j].content = clip(v, fs[j].content, p)
				// "X complained the judge had attacked him and questioned why …": the frames
				// before whose content runs over the coordinator end there too
				for m := j - 1; m >= 0; m-- {
					if fs[m].kind != fPreposed || fs[m].cue1 > p || fs[m].nominal {
						continue
					}
					for _, c := range fs[m].content {
						if c[0] <= fs[j].cue0 && fs[j].cue0 < c[1] && c[1] > p {
							// j sits in m's words: the coordinated verb is m's speaker's
							fs[k].sp0, fs[k].sp1, fs[k].pronoun = fs[m].sp0, fs[m].sp1, fs[m].pronoun
							fs[m].content = clip(v, fs[m].content, p)
							break
						}
					}
				}
				break
			}
		}
	}
	for g := range fs {
		if fs[g].kind != fGerund {
			continue
		}
		shared, near := false, -1
		for k := g - 1; k >= 0; k-- {
			if fs[k].kind == fAccording || fs[k].cue1 > fs[g].cue0 {
				continue
			}
			// ", saying …" ends what the verbs before report, and shares the speaker of the
			// nearest ("refused to speculate, adding that …" ends both)
			if !shared {
				fs[k].content = clip(v, fs[k].content, fs[g].cue0-1)
				if fs[k].sp1 > fs[k].sp0 {
					fs[g].sp0, fs[g].sp1, fs[g].pronoun = fs[k].sp0, fs[k].sp1, fs[k].pronoun
				}
				shared, near = true, fs[k].cue0
				continue
			}
			if fs[k].kind == fPreposed && !fs[k].nominal {
				for _, c := range fs[k].content {
					if c[0] <= near && near < c[1] && fs[k].sp1 > fs[k].sp0 {
						// the nearest verb sits in k's words: the gerund is k's speaker's
						fs[g].sp0, fs[g].sp1, fs[g].pronoun = fs[k].sp0, fs[k].sp1, fs[k].pronoun
						near = fs[k].cue0
						break
					}
				}
				fs[k].content = clip(v, fs[k].content, fs[g].cue0-1)
			}
		}
	}
	for _, b := range fs {
		if !(b.kind == fIncise || b.trailing) || b.bnd <= s0 {
			continue
		}
		for k := range fs {
			if fs[k].kind != fIncise && fs[k].cue1 <= b.bnd {
				fs[k].content = clip(v, fs[k].content, b.bnd)
			}
		}
	}
	// "…, a-t-on appris de source militaire": the source marker names the incise's speaker
	for k := range fs {
		if fs[k].kind != fAccording {
			continue
		}
		for j := range fs {
			if fs[j].kind == fIncise && fs[j].cue1 == fs[k].cue0 && fs[j].pronoun && v.lex.plural[v.norm(fs[j].sp0)] {
				fs[j].sp0, fs[j].sp1, fs[j].pronoun = fs[k].cue0+1, fs[k].sp1, false
				if v.norm(fs[k].cue0) != "de" {
					fs[j].sp0 = fs[k].sp0
				}
				fs[k].content = nil
			}
		}
	}
	// a preposed frame whose "speaker" names nobody ("widely expected to …, X said") yields
	// to a frame in its content
	weak := make([]bool, len(fs))
	for j := range fs {
		weak[j] = fs[j].nominal || fs[j].kind == fPreposed && fs[j].sp1 > fs[j].sp0 && !v.speakerLike(fs[j].sp0, fs[j].sp1)
	}
	// "Zuckoff said he had talks, but officials said …": a second subject and cue after a
	// comma open a frame of their own; the first frame's content stops at that comma
	for k := range fs {
		f := &fs[k]
		if f.kind != fPreposed || f.sp1 <= f.sp0 || f.sp0 <= s0 || !v.speakerLike(f.sp0, f.sp1) {
			continue
		}
		b := v.clauseStartParen(f.sp0, s0) - 1
		for b > s0 && v.lex.opener[v.norm(b)] {
			b--
		}
		if b <= s0 || !(v.isComma(b) || v.text(b) == ";") {
			continue
		}
		for j := range fs {
			if j == k || fs[j].cue1 > b || fs[j].kind == fIncise || fs[j].trailing {
				continue
			}
			for _, c := range fs[j].content {
				if c[0] < b && b < c[1] {
					fs[j].content = clip(v, fs[j].content, b)
					break
				}
			}
		}
	}
	// "Durbin, noting the size of his following, said, « … »": a verb right after a comma
	// whose subject stands before the commas ends the clause it seemed to belong to
	for k := range fs {
		f := &fs[k]
		if f.kind != fPreposed || f.full0 < 0 || f.full0 != f.sp0 || f.sp1 >= f.cue0 || f.cue0 <= s0 || !v.isComma(f.cue0-1) {
			continue
		}
		for j := range fs {
			if j == k || fs[j].kind == fIncise || fs[j].trailing || fs[j].cue1 > f.cue0-1 || fs[j].cue0 < f.sp1 {
				continue
			}
			for _, c := range fs[j].content {
				if c[0] < f.cue0-1 && f.cue0 < c[1] {
					fs[j].content = clip(v, fs[j].content, f.cue0-1)
					break
				}
			}
		}
	}
	// "A farmer describing the drought said …": a gerund inside another frame's speaker
	// ends before that frame's cue, and the speaker before the gerund
	for g := range fs {
		if !fs[g].stance {
			continue
		}
		for k := range fs {
			if k != g && fs[k].sp0 <= fs[g].cue0 && fs[g].cue0 < fs[k].sp1 && fs[k].cue0 >= fs[k].sp1 {
				fs[g].content = clip(v, fs[g].content, fs[k].sp1)
				fs[k].sp1 = fs[g].cue0
			}
		}
	}
	// "X said Y when asked whether Z": the question is no part of what X said
	for k := range fs {
		if !fs[k].asked {
			continue
		}
		for j := range fs {
			if j != k && fs[j].cue1 <= fs[k].cue0 {
				fs[j].content = clip(v, fs[j].content, fs[k].cue0)
			}
		}
	}
	var out []frame
	for k := range fs {
		inside := false
		for j := range fs {
			if j == k || weak[j] && !weak[k] || v.inQuote(v.d.Tokens[fs[j].cue0].Start) && !v.inQuote(v.d.Tokens[fs[k].cue0].Start) {
				continue // a frame in someone's quoted words does not hold the article's frames
			}
			for _, c := range fs[j].content {
				if c[0] <= fs[k].cue0 && fs[k].cue1 <= c[1] && !((fs[k].kind == fIncise || fs[k].trailing) && fs[j].kind != fIncise && !fs[j].trailing) {
					inside = true
				}
			}
		}
		if weak[k] {
			for j := range fs {
				if j != k && !weak[j] {
					for _, c := range fs[k].content {
						if c[0] <= fs[j].cue0 && fs[j].cue1 <= c[1] {
							inside = true // the weak frame gives way
						}
					}
				}
			}
		}
		if !inside && (len(fs[k].content) > 0 || fs[k].quoteOnly) {
			out = append(out, fs[k])
		}
	}
	return out
}

var coordinators = map[string]bool{"and": true, "but": true, "or": true, "et": true, "mais": true, "puis": true, "then": true}

// clip ends content ranges before token e.
func clip(v *view, cs [][2]int, e int) [][2]int {
	var out [][2]int
	for _, c := range cs {
		if c[0] >= e {
			continue
		}
		if c[1] > e {
			c[1] = v.trimEnd(c[0], e)
		}
		if c[1] > c[0] {
			out = append(out, c)
		}
	}
	return out
}

// trimEnd drops final punctuation and quote marks from the token range [a, b).
func (v *view) trimEnd(a, b int) int {
	for b > a && v.d.Tokens[b-1].Kind == doc.Punct && (v.sentenceEndPunct(b-1) || v.isComma(b-1) || v.text(b-1) == ":" || v.text(b-1) == ";") {
		b--
	}
	return b
}

// clauseStartParen is clauseStart that steps over a parenthesis ("Sen. Rob Portman (R-Ohio),").
func (v *view) clauseStartParen(i, s0 int) int {
	k := i - 1
	for k >= s0 {
		if v.text(k) == ")" {
			close := k
			for k >= s0 && v.text(k) != "(" {
				k--
			}
			if k < s0 {
				return close + 1 // an unmatched ")" is a boundary
			}
			k--
			continue
		}
		if v.boundary(k) {
			break
		}
		k--
	}
	return k + 1
}

// clauseEnd returns the first boundary at or after i (or s1).
func (v *view) clauseEnd(i, s1 int) int {
	for i < s1 && !v.boundary(i) {
		i++
	}
	return i
}

// skipOpeners moves past discourse openers ("Mais", "En effet", "However").
func (v *view) skipOpeners(a, b int) int {
	for a < b && (v.lex.opener[v.norm(a)] || v.d.Tokens[a].Kind == doc.Punct && !isQuoteChar(v.text(a))) {
		a++
	}
	return a
}

var relWords = map[string]bool{"qui": true, "who": true, "which": true, "que": true, "qu'": true, "that": true}

// clitics before a verb show that it has its object ("nous en dit plus"): no incise.
var clitics = map[string]bool{"en": true, "y": true, "lui": true, "leur": true, "le": true, "la": true, "les": true, "l'": true}

var thatWords = map[string]bool{"que": true, "qu'": true, "that": true}

// contentStart: where the reported content begins after a cue ending at c1: after "que",
// "that" or ":" when one comes within a few words (an indirect object or a time may stand
// between: "a déclaré à la presse que", "told reporters on Tuesday that").
func (v *view) contentStart(c1, s1 int) int {
	for k := c1; k < s1 && k < c1+8; k++ {
		n := v.norm(k)
		if thatWords[n] || v.text(k) == ":" {
			return k + 1
		}
		if v.d.Tokens[k].Kind == doc.Punct && v.text(k) != "," || v.lex.finite[n] != "" {
			break
		}
	}
	for c1 < s1 && v.isComma(c1) {
		c1++
	}
	return c1
}

// looksLikeNP: tokens [a, b) can be a postposed speaker ("le ministre", "Mr Smith", "a
// spokesman for the army").
func (v *view) looksLikeNP(a, b int) bool {
	if a >= b || b-a > 14 {
		return false
	}
	w := v.text(a)
	first := v.norm(a)
	if thatWords[first] || first == "to" || v.lex.finite[first] != "" && !v.lex.determiner[first] {
		return false
	}
	if v.isPronoun(a) {
		return false // "says he spoke": a clause, not an inverted subject
	}
	if v.lex.determiner[first] || quantifiers[first] || v.f.roles[first] || v.f.sourceNouns[first] || v.d.Tokens[a].Kind == doc.Handle {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true
	}
	// "former Obama adviser David Axelrod", "senior officials": a title or a name soon after
	for k := a + 1; k < b && k < a+4; k++ {
		if r, _ := utf8.DecodeRuneInString(v.text(k)); unicode.IsUpper(r) || v.f.roles[v.norm(k)] || v.f.sourceNouns[v.norm(k)] {
			return true
		}
	}
	return false
}

// afterQuoteMark: the token before i (past punctuation) closes a quotation.
func (v *view) afterQuoteMark(i int) bool {
	k := i - 1
	for k >= 0 && v.d.Tokens[k].Kind == doc.Punct && !isQuoteChar(v.text(k)) && v.text(k) != "'" {
		k--
	}
	if k < 0 {
		return false
	}
	if w := v.text(k); w == "'" {
		return k > 0 && v.text(k-1) == "'"
	}
	return isQuoteChar(v.text(k)) && v.closingQuote(k)
}

// afterClosingQuote: the sentence starting at s0 follows a closing quote mark ("…missing.”
// Trump said.") — the quote's incise stands in a sentence of its own.
func (v *view) afterClosingQuote(s0 int) bool {
	if s0 <= 0 || strings.ContainsAny(v.d.Text[v.d.Tokens[s0-1].End:v.d.Tokens[s0].Start], "\n\r") {
		return false
	}
	if w := v.text(s0 - 1); (w == "'" || w == "’") && s0 > 1 && v.text(s0-2) == w {
		return true // ''…'' typewriter quotes
	}
	return isQuoteChar(v.text(s0-1)) && v.closingQuote(s0-1)
}

var timeWords = map[string]bool{"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"hier": true, "aujourd'hui": true, "soir": true, "matin": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "yesterday": true, "today": true, "also": true, "aussi": true, "encore": true, "egalement": true}

// skipAdjuncts steps over a time and an addressee between an inverted cue and its speaker
// ("a assuré jeudi à l'AFP Marie Dupont", "said on Monday X" is left to npEnd).
func (v *view) skipAdjuncts(a, b int) int {
	k := a
	for k < b && timeWords[v.norm(k)] {
		k++
	}
	// "à l'AFP", "à Reuters", "au Monde", "to Reuters"
	if k < b && (v.norm(k) == "a" && v.d.Lang != "en" || v.norm(k) == "au" || v.norm(k) == "to") {
		j := k + 1
		if j < b && v.lex.determiner[v.norm(j)] {
			j++
		}
		if j < b {
			if r, _ := utf8.DecodeRuneInString(v.text(j)); unicode.IsUpper(r) && j+1 < b {
				if r2, _ := utf8.DecodeRuneInString(v.text(j + 1)); unicode.IsUpper(r2) || v.lex.determiner[v.norm(j+1)] {
					return j + 1
				}
			}
		}
	}
	return k
}

// npEnd cuts a postposed speaker before a trailing place, time or relative clause
// ("said X in Cairo on Sunday", "dit un expert qui a demandé…").
var npStops = map[string]bool{"a": false, "in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "yesterday": true, "today": true, "told": true, "who": true,
	"dans": true, "lors": true, "qui": true, "hier": true, "aujourd'hui": true, "devant": true, "a l'issue": true, "au": true, "aux": true, "sur": true, "mardi": true,
	"lundi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "last": true, "this": true, "when": true, "while": true, "alors": true, "tandis": true}

func (v *view) npEnd(a, b int) int {
	for k := a + 1; k < b; k++ {
		n := v.norm(k)
		if npStops[n] || n == "a" && v.d.Lang == "fr" || n == "à" {
			return k
		}
	}
	return b
}

// verbFrame builds the frame of a verb cue [c0, c1).
func (v *view) verbFrame(si, c0, c1, inv int, passive bool, lemma string) (frame, bool) {
	s := v.d.Sentences[si]
	s0, s1 := s.Tok0, s.Tok1
	fr := frame{sent: si, cue0: c0, cue1: c1, lemma: lemma, full0: -1}
	if declaring[lemma] {
		for o := c1; o < s1 && o < c1+3; o++ {
			if v.lex.notSpeech[v.norm(o)] {
				return fr, false // "déclarer la guerre", "declare victory"
			}
		}
	}
	ev := c0 - 1
	for ev > s0 && v.lex.adverb[v.norm(ev)] {
		ev-- // "the poll also showed"
	}
	thatless := v.lex.thatOnly[lemma] && !v.hasThat(c1, s1) && !(ev >= s0 && v.f.evidence[v.norm(ev)]) && !v.evidenceSubject(c0, s0) && !(lemma == "see" && v.hasWord(c1, min(s1, c1+7), "as"))
	if v.lex.aboutOnly[lemma] && !(c1 < s1 && (v.norm(c1) == "about" || v.norm(c1) == "of")) {
		return fr, false // "spoke with X" is a meeting
	}
	L0 := v.clauseStartParen(c0, s0)
	R1 := v.clauseEnd(c1, s1)
	for R1 < s1 {
		// "…,” Okafor said on the “Morning Show” on Sunday: a title in marks is no boundary
		e, ok := v.titleQuote(R1, s1)
		if !ok {
			break
		}
		R1 = v.clauseEnd(e+1, s1)
	}
	// content before: from the sentence start (past an opener) to the boundary before the incise
	before := func(b int) [][2]int {
		a := v.skipOpeners(s0, b)
		e := v.trimEnd(a, b)
		if e <= a {
			return nil
		}
		return [][2]int{{a, e}}
	}
	after := func() [][2]int {
		a := v.contentStart(c1, s1)
		e := v.trimEnd(a, s1)
		if e <= a {
			return nil
		}
		return [][2]int{{a, e}}
	}
	switch {
	case passive:
		// "X a été confirmé par Y": Y speaks, X is what is said
		if c1 < s1 && (v.norm(c1) == "par" || v.norm(c1) == "by") {
			fr.kind = fPreposed
			fr.sp0, fr.sp1 = c1+1, v.npEnd(c1+1, v.clauseEnd(c1+1, s1))
			for fr.sp1 > fr.sp0 && relWords[v.norm(fr.sp1-1)] {
				fr.sp1--
			}
			a := v.skipOpeners(L0, c0)
			// the auxiliary sits before the cue: drop it from the content
			e := a
			for e < c0 && !v.lex.aux[v.norm(e)] && !passiveBe[v.norm(e)] {
				e++
			}
			if e > a {
				fr.content = [][2]int{{a, e}}
			}
			return fr, fr.sp1 > fr.sp0
		}
		if v.lex.agentless[lemma] {
			// "Moscou est accusé d'avoir …", "he is said to have …": told by nobody named; the
			// subject and what follows are the content
			fr.kind = fPreposed
			fr.sp0, fr.sp1 = c0, c0
			a := v.skipOpeners(L0, c0)
			e := a
			for e < c0 && !v.lex.aux[v.norm(e)] && !passiveBe[v.norm(e)] && !v.lex.adverb[v.norm(e)] {
				e++
			}
			if e > a {
				fr.content = append(fr.content, [2]int{a, e})
			}
			if ce := v.trimEnd(c1, s1); ce > c1 {
				fr.content = append(fr.content, [2]int{c1, ce})
			}
			return fr, len(fr.content) > 0
		}
		return fr, false
	case inv >= 0:
		fr.kind = fIncise
		fr.sp0, fr.sp1 = inv, inv+1
		fr.pronoun = true
		fr.anchor = c0
		fr.bnd = L0 - 1
		if L0 > s0 {
			fr.content = before(L0 - 1)
		}
		return fr, true
	case strings.HasSuffix(v.norm(c0), "ing") && v.d.Lang != "fr" && !v.progressive(c0, s0) || strings.HasSuffix(v.norm(c0), "ant") && v.lex.finite[v.norm(c0)] != "" && v.d.Lang != "en":
		// "…, saying that …": the subject of the main clause speaks
		b := c0 - 1
		for b > s0 && (isQuoteChar(v.text(b)) || v.text(b) == "'" || v.text(b) == "’") {
			b-- // '"… expansionist,'' accusing it of …"
		}
		p := ""
		if c0 > s0 {
			p = v.norm(c0 - 1)
		}
		if c0 > s0 && v.lex.stance[lemma] && v.d.Tokens[c0-1].Kind == doc.Word && !v.lex.aux[p] && !passiveBe[p] && !gerundPreps[p] && !subordinators[p] && !prepositions[p] && !v.lex.adverb[p] {
			// "a California Democrat supporting Clinton", "with 30 percent of voters saying
			// …": the noun before takes the stance
			L := v.clauseStartParen(c0, s0)
			fr.kind = fPreposed
			fr.sp0, fr.sp1, fr.full0 = v.subjectStart(v.skipOpeners(L, c0), c0), c0, -1
			for fr.sp0 < fr.sp1 && (prepositions[v.norm(fr.sp0)] || v.norm(fr.sp0) == "among") {
				fr.sp0++
			}
			fr.content = after()
			if e := v.clauseEnd(c1, s1); e < s1 {
				fr.content = clip(v, fr.content, e)
			}
			fr.stance = true
			return fr, fr.content != nil && fr.sp1 > fr.sp0 && v.speakerLike(fr.sp0, fr.sp1)
		}
		if c0 == s0 || !(v.isComma(b) || v.boundary(b) && strings.ContainsAny(v.text(b), "-—–") || gerundPreps[v.norm(c0-1)]) {
			return fr, false
		}
		fr.kind = fGerund
		a := v.skipOpeners(s0, c0)
		e := v.clauseEnd(a, c0)
		for k := a + 1; k < e; k++ {
			if n := v.norm(k); v.lex.aux[n] || passiveBe[n] || v.lex.finite[n] != "" || v.lex.sForm[n] != "" {
				e = k // the subject ends at its verb ("Sanders has soared … by saying")
				break
			}
			if r, _ := utf8.DecodeRuneInString(v.text(k)); unicode.IsLower(r) && strings.HasSuffix(v.norm(k), "ed") && v.segmentHas(a, k, "") {
				e = k // a past tense after a name ("Reuters pulled its reporters, citing …")
				break
			}
		}
		fr.sp0, fr.sp1 = a, e
		fr.content = after()
		if cs := v.contentStart(c1, s1); !v.lex.incise[lemma] && (cs == c1 || !thatWords[v.norm(cs-1)] && v.text(cs-1) != ":") {
			// a verb that takes an object, not a clause, without "that": the object ends at
			// the clause's end ("…, citing his anger at the articles, …")
			if e := v.clauseEnd(cs, s1); e < s1 {
				fr.content = clip(v, fr.content, e)
			}
		}
		return fr, fr.content != nil
	}
	L := v.skipOpeners(L0, c0)
	if L == c0 {
		// nothing between the boundary and the cue
		afterQuote := L0 >= s0+2 && isQuoteChar(v.text(L0-2))
		n0 := v.skipAdjuncts(c1, R1)
		if ne := v.npEnd(n0, R1); L0 > s0 && (v.lex.incise[lemma] || afterQuote) && v.looksLikeNP(n0, ne) && !v.hasVerb(n0, ne) && !v.hasThat(n0, R1) && (R1 == s1 || v.sentenceEndPunct(R1) || v.isComma(R1) || v.text(R1) == ":" || v.text(R1) == "(") && v.boundaryBeforeIsContent(L0, s0) {
			// "…, a indiqué le ministre" / "…, said Mr Smith, the minister." / "…, a assuré
			// jeudi à l'AFP X"
			fr.kind = fIncise
			fr.sp0, fr.sp1 = n0, ne
			fr.anchor = c0
			fr.bnd = L0 - 1
			fr.content = before(L0 - 1)
			return fr, true
		}
		if L0 > s0 && (v.isComma(L0-1) || v.isDash(L0-1)) && !thatless {
			// "X, APPOSITION, affirme …": the speaker is before the apposition
			fr.kind = fPreposed
			fr.sp0, fr.sp1 = v.appositionSubject(L0-1, s0)
			fr.full0 = fr.sp0
			fr.content = after()
			if fr.sp1 > fr.sp0 && fr.sp0 > s0 && (fr.content == nil && v.trimEnd(c1, s1) == c1 || v.afterQuoteMark(fr.sp0) && (fr.content == nil || prepositions[v.norm(c1)] || npStops[v.norm(c1)])) {
				// "''…,'' Mr. Mahaney, of RBC Capital Markets, said.": an incise after a quote
				fr.kind = fIncise
				fr.anchor, fr.bnd = fr.sp0, fr.sp0-1
				fr.full0 = -1
				fr.quoteOnly = true
				return fr, true
			}
			return fr, fr.content != nil && fr.sp1 > fr.sp0
		}
		if c0 == v.skipOpeners(s0, c0) && v.lex.incise[lemma] && R1+1 < s1 && (v.isComma(R1) || v.text(R1) == ":") && isQuoteChar(v.text(R1+1)) {
			// "Said Comey, « … »": the speaker after the cue, the quote after the comma
			if ne := v.npEnd(c1, R1); v.looksLikeNP(c1, ne) && !v.hasVerb(c1, ne) {
				fr.kind = fPreposed
				fr.sp0, fr.sp1 = c1, ne
				fr.quoteOnly = true
				return fr, true
			}
		}
		if c0 > s0 && coordinators[v.norm(c0-1)] {
			// "… and said …": the speaker is the previous verb's (see settle)
			fr.kind = fPreposed
			fr.sp0, fr.sp1 = c0-1, c0-1
			fr.content = after()
			return fr, fr.content != nil
		}
		if L0 == s0 && v.afterClosingQuote(s0) && v.lex.incise[lemma] {
			// "…missing.” said Trump."
			if ne := v.npEnd(c1, R1); v.looksLikeNP(c1, ne) && !v.hasVerb(c1, ne) && v.trimEnd(c1, s1) <= R1 {
				fr.kind = fIncise
				fr.sp0, fr.sp1 = c1, ne
				fr.anchor, fr.bnd = c0, s0-1
				fr.quoteOnly = true
				return fr, true
			}
		}
		return fr, false
	}
	if L0 == s0 && v.afterClosingQuote(s0) && c0-L <= 6 && v.trimEnd(c1, s1) <= R1 && v.adjunctTail(c1, v.trimEnd(c1, R1), lemma) {
		// "…missing.” Trump said."
		fr.kind = fIncise
		fr.sp0, fr.sp1 = L, c0
		fr.anchor, fr.bnd = L, s0-1
		fr.pronoun = c0-L == 1 && v.isPronoun(L)
		fr.quoteOnly = true
		return fr, true
	}
	// a subject stands between the boundary and the cue ("…, something she opposed" is a
	// relative clause, not an incise)
	if L0 > s0 && !(c0-L > 1 && v.isPronoun(c0-1)) && !v.hasOpener(L0, L) && !v.hasRelative(L, c0) && !v.hasVerb(L, c0) && (c0-L <= 9 || c0-L <= 13 && v.hasWord(L, c0, "(")) && !(R1 < s1 && isQuoteChar(v.text(R1)) && !v.closingQuote(R1)) && !clitics[v.norm(c0-1)] && (R1 == s1 || (R1-c1 <= 6 || R1-c1 <= 20 && (prepositions[v.norm(c1)] || npStops[v.norm(c1)] || tailStarts[v.norm(c1)] || lemma == "tell" && R1-c1 <= 12)) && (v.isComma(R1) || v.sentenceEndPunct(R1) || v.trimEnd(c1, s1) <= R1)) && v.boundaryBeforeIsContent(L0, s0) && !v.hasThat(c1, min(R1, c1+4)) && v.adjunctTail(c1, v.trimEnd(c1, R1), lemma) {
		// "…, he said." / "…, M. Nguessan explique."
		fr.kind = fIncise
		fr.sp0, fr.sp1 = L, c0
		fr.anchor = L
		fr.bnd = L0 - 1
		fr.content = before(L0 - 1)
		fr.pronoun = c0-L == 1 && v.isPronoun(L)
		if R1+1 < s1 && v.isComma(R1) && R1 == c1 && !v.afterQuoteMark(L) && !subordinators[v.norm(R1+1)] && !askLead[v.norm(R1+1)] {
			// "Over the years, she said, email has helped …": the words go on after the incise
			// (not after a closed quote, nor into an adjunct: "…,” she said, when asked …")
			if e := v.trimEnd(R1+1, s1); e > R1+1 && !isQuoteChar(v.text(R1+1)) {
				fr.content = append(fr.content, [2]int{R1 + 1, e})
			}
		}
		return fr, true
	}
	if thatless {
		return fr, false // "the poll shows a lead": no report without "that"
	}
	subordinate := subordinators[v.norm(v.skipOpeners(s0, c0))]
	fr.kind = fPreposed
	fr.sp0, fr.sp1 = L, c0
	fr.full0 = L
	if r := c0 - 1; r > L && (v.norm(r) == "qui" || v.norm(r) == "who" || v.norm(r) == "which") {
		// "confirmée par l'armée qui accuse …": the antecedent speaks
		if a := v.subjectStart(L, r); a < r {
			// the span is the relative pronoun (as PolNeAR marks it); the antecedent gives the actor
			fr.sp0, fr.sp1, fr.full0 = r, c0, a
			fr.content = after()
			return fr, fr.content != nil
		}
	}
	if relWords[v.norm(L)] && c0-L <= 3 && L == L0 && L0 > s0 && (v.isComma(L0-1) || v.isDash(L0-1)) && !(objectRelatives[v.norm(L)] && c0-L > 1 && v.speakerLike(L+1, c0) && !v.lex.aux[v.norm(c0-1)] && !v.lex.adverb[v.norm(c0-1)]) {
		// "Podesta, who said the project was vetted, said …": the antecedent speaks, and the
		// relative clause ends at its comma
		a := v.clauseStartParen(L0-1, s0)
		fr.full0 = v.skipOpeners(a, L0-1) // the antecedent, for the speaker's actor (speakers.resolve)
		fr.content = after()
		if e := v.clauseEnd(v.contentStart(c1, s1), s1); e < s1 {
			fr.content = clip(v, fr.content, e)
		}
		return fr, fr.content != nil && fr.sp1 > fr.sp0
	}
	if objectRelatives[v.norm(L)] && L > s0 && c0-L > 1 && c0-L <= 5 && v.d.Tokens[L-1].Kind != doc.Word && v.speakerLike(L+1, c0) && !v.hasVerb(L+1, c0) {
		// ", which Hillary Clinton denounced Thursday, …": what is denounced is "which"
		if e := v.clauseEnd(c1, s1); e-c1 <= 2 || v.allTime(c1, e) || prepositions[v.norm(c1)] {
			fr.sp0, fr.sp1, fr.full0 = L+1, c0, L+1
			fr.content = [][2]int{{L, L + 1}}
			return fr, true
		}
	}
	if w := v.norm(L); w == "what" || w == "whatever" || w == "ce" && L+1 < c0 && v.norm(L+1) == "qu'" {
		return fr, false // "what he said", "ce qu'il a dit": the words are not told here
	}
	if n := v.norm(c0); n == "say" && (c0 > s0 && v.isComma(c0-1) && c1 < s1 && v.isComma(c1) || c0 > s0+1 && v.norm(c0-2) == "let") {
		return fr, false // "to, say, single digits", "let's say"
	}
	// "she would", "I didn't", "if Obama", "what Obama": modals and subordinators are not the speaker
	for fr.sp1 > fr.sp0 && (clitics[v.norm(fr.sp1-1)] || v.lex.adverb[v.norm(fr.sp1-1)] || (v.lex.aux[v.norm(fr.sp1-1)] || beVerbs[v.norm(fr.sp1-1)]) && v.d.Lang != "fr") {
		fr.sp1--
	}
	for fr.sp0 < fr.sp1 && (subordinators[v.norm(fr.sp0)] || questionWords[v.norm(fr.sp0)]) {
		fr.sp0++
	}
	for fr.sp1 > fr.sp0 && (clitics[v.norm(fr.sp1-1)] || v.lex.adverb[v.norm(fr.sp1-1)]) {
		fr.sp1--
	}
	fr.sp0 = v.subjectStart(fr.sp0, fr.sp1)
	fr.pronoun = c0-L == 1 && v.isPronoun(L)
	fr.content = after()
	if c := fr.content; len(c) == 1 && c[0][1]-c[0][0] <= 2 && v.allTime(c[0][0], c[0][1]) {
		fr.content = nil // "which X denounced Thursday": a time, nothing reported
	}
	if v.norm(c0) == "avoir" || v.norm(c0) == "having" {
		// "Après avoir annoncé sa candidature, X …": the clause ends at its comma, and its
		// subject is the main clause's (not told here)
		if e := v.clauseEnd(c1, s1); e < s1 {
			fr.content = clip(v, fr.content, e)
		}
		fr.sp0, fr.sp1 = c0, c0
		return fr, fr.content != nil
	}
	if fr.content == nil && fr.sp0 > s0 && fr.sp1 > fr.sp0 && fr.sp1-fr.sp0 <= 4 && v.speakerLike(fr.sp0, fr.sp1) {
		// "something she opposed", "the provision Democrats opposed", "which Clinton
		// denounced": what is said is the noun the relative clause hangs on
		if a := v.antecedent(fr.sp0, s0); a < fr.sp0 {
			fr.content = [][2]int{{a, fr.sp0}}
			return fr, true
		}
		for r := fr.sp1 - 2; r >= fr.sp0; r-- {
			if objectRelatives[v.norm(r)] && r > s0 && v.d.Tokens[r-1].Kind == doc.Word && !prepositions[v.norm(r-1)] && v.speakerLike(r+1, fr.sp1) {
				fr.content = [][2]int{{r, r + 1}}
				fr.sp0 = r + 1
				return fr, true
			}
		}
		if p := fr.sp1 - 1; p > fr.sp0 && v.isPronoun(p) && !v.lex.plural[v.norm(p)] || p > fr.sp0 && (v.norm(p) == "they" || v.norm(p) == "we") {
			if a := v.antecedent(p, fr.sp0); a < p && a == fr.sp0 {
				fr.content = [][2]int{{a, p}}
				fr.sp0 = p
				return fr, true
			}
		}
	}
	if fr.content == nil && fr.sp0 > s0 && v.speakerLike(fr.sp0, fr.sp1) {
		// "…, mais les rebelles démentent.": nothing reported, but the clause ends the one before
		return fr, true
	}
	if c := fr.content; lemma == "tell" && len(c) == 1 && c[0][1]-c[0][0] <= 6 && !v.hasVerb(c[0][0], c[0][1]) && !v.hasThat(c[0][0], c[0][1]) {
		return fr, false // "as X told the Associated Press": the addressee, nothing told here
	}
	if c := fr.content; len(c) == 1 && c[0][1]-c[0][0] == 1 && (v.isPronoun(c[0][0]) || objectWords[v.norm(c[0][0])]) {
		return fr, false // "I said it.", "just like I said so"
	}
	if c := fr.content; len(c) == 1 && prepositions[v.norm(c[0][0])] && c[0][0] == c1 && c[0][1]-c[0][0] <= 10 && !v.hasVerb(c[0][0], c[0][1]) && !v.hasPronoun(c[0][0], c[0][1]) {
		return fr, false // "said in a tweet after the primaries": an adjunct, nothing reported
	}
	if fr.content == nil && v.colonBeforeQuote(c1, s1) {
		fr.quoteOnly = true // "X said:" and the quote in the next sentence or paragraph
		return fr, true
	}
	if subordinate {
		// "While not everything Trump says is true, Jamieson said …": the clause ends at its comma
		if e := v.clauseEnd(c1, s1); e < s1 {
			fr.content = clip(v, fr.content, e)
		}
	}
	return fr, fr.content != nil
}

// quantifiers open a noun phrase ("one commenter", "some officials", "plusieurs témoins").
var quantifiers = map[string]bool{"one": true, "some": true, "many": true, "several": true, "two": true, "three": true,
	"most": true, "few": true, "another": true, "other": true, "both": true, "all": true, "each": true,
	"plusieurs": true, "certains": true, "certaines": true, "quelques": true, "deux": true, "trois": true, "d'autres": true}

var subordinators = map[string]bool{"while": true, "although": true, "though": true, "if": true, "because": true, "when": true,
	"as": true, "since": true, "whether": true, "unless": true, "si": true, "quand": true, "lorsque": true, "bien": true,
	"comme": true, "puisque": true, "parce": true, "alors": true, "tandis": true}

// subjectCuts end what stands before a subject in a long clause ("in a call with X last
// week Mr Biden vowed", "… but the EU has accused").
var subjectCuts = map[string]bool{"in": true, "on": true, "at": true, "with": true, "during": true, "after": true, "before": true,
	"week": true, "month": true, "year": true, "yesterday": true, "today": true, "ago": true, "but": true, "and": true,
	"dans": true, "lors": true, "avec": true, "apres": true, "avant": true, "pendant": true, "semaine": true, "mois": true,
	"annee": true, "hier": true, "mais": true, "et": true, "since": true, "depuis": true, "when": true, "quand": true, "lorsque": true,
	"que": true, "qu'": true, "that": true, "who": true, "qui": true, "par": true, "by": true}

// subjectStart: the start of the subject in tokens [a, b) before a cue.
func (v *view) subjectStart(a, b int) int {
	if b-a <= 4 {
		return a
	}
	for k := b - 2; k > a; k-- {
		if subjectCuts[v.norm(k)] {
			if k+1 < b {
				return k + 1
			}
			break
		}
	}
	if b-a > 12 {
		return b - 12
	}
	return a
}

// speakerLike: tokens [a, b) can name someone: a capitalised word, a determiner, a pronoun,
// a title, a number ("three-quarters"), a handle or a mention.
func (v *view) speakerLike(a, b int) bool {
	for k := a; k < b; k++ {
		t := v.d.Tokens[k]
		w := v.text(k)
		if t.Kind == doc.Handle || t.Kind == doc.Number || v.lex.determiner[t.Norm] || quantifiers[t.Norm] || v.isPronoun(k) || v.f.roles[t.Norm] || v.f.sourceNouns[t.Norm] {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	for i := range v.d.Mentions {
		m := &v.d.Mentions[i]
		if m.Tok0 < b && a < m.Tok1 {
			return true
		}
	}
	return false
}

// adjunctTail: what follows an incise's verb is only a time, a place, a manner or the
// addressee ("he said on Monday", "she told reporters", "a-t-il dit à la presse"), not an
// object ("the White House urged Silicon Valley to …").
func (v *view) adjunctTail(a, b int, lemma string) bool {
	if a >= b {
		return true
	}
	if !v.lex.incise[lemma] {
		return false
	}
	n := v.norm(a)
	if npStops[n] || n == "to" || n == "a" || n == "in" || n == "en" || n == "par" || v.lex.adverb[n] || strings.HasSuffix(n, "ly") || strings.HasSuffix(n, "ment") {
		return true
	}
	if n == "as" || n == "while" || n == "when" || n == "before" || n == "after" || n == "alors" || n == "tandis" {
		return true // "Susan said as she turned around"
	}
	if tailStarts[n] {
		return true // "said of the platform", "says to Reynolds"
	}
	// the addressee of "tell"/"told", "ask"
	return (lemma == "tell" && b-a <= 12) || (lemma == "ask" && b-a <= 6)
}

// closingQuote: the quote mark token at i closes a quotation (“ « ‹ „ always open; a
// straight " closes when it touches the word before it).
func (v *view) closingQuote(i int) bool {
	switch v.text(i) {
	case "“", "«", "‹", "„", "‘":
		return false
	case "”", "»", "›":
		return true
	}
	return i > 0 && v.d.Tokens[i-1].End == v.d.Tokens[i].Start
}

// colonBeforeQuote: the cue ending at c1 is followed by a colon that ends the sentence, and
// the next sentence opens with a quote mark.
func (v *view) colonBeforeQuote(c1, s1 int) bool {
	k := c1
	for k < s1 && k < c1+6 && v.text(k) != ":" {
		k++
	}
	if k >= s1 || v.text(k) != ":" || k+1 != s1 || s1 >= len(v.d.Tokens) {
		return false
	}
	return isQuoteChar(v.text(s1)) && !v.closingQuote(s1)
}

// prepositions that open an adjunct after a cue ("said in a statement", "a déclaré lors d'un
// meeting").
var prepositions = map[string]bool{"in": true, "on": true, "at": true, "from": true, "aboard": true, "during": true, "after": true, "with": true,
	"before": true, "via": true, "through": true, "dans": true, "lors": true, "depuis": true, "pendant": true, "apres": true,
	"avant": true, "sur": true, "en": true}

// gerundPreps introduce a gerund whose subject is the sentence's ("by saying that", "while
// saying", "en affirmant que").
var gerundPreps = map[string]bool{"by": true, "while": true, "after": true, "before": true, "without": true, "when": true,
	"en": true, "tout": true}

var askLead = map[string]bool{"when": true, "if": true, "once": true, "after": true, "quand": true, "lorsqu'": true}

// tailStarts open an adjunct after an incise's verb ("said of the platform", "says to X").
var tailStarts = map[string]bool{"of": true, "to": true, "about": true, "from": true, "outside": true, "inside": true, "near": true, "under": true}

// adjectivalAfter: an -ed form right after these is an adjective ("in pledged delegates").
var adjectivalAfter = map[string]bool{"in": true, "on": true, "at": true, "of": true, "for": true, "with": true, "from": true,
	"among": true, "than": true}

var objectWords = map[string]bool{"it": true, "so": true, "this": true, "that": true, "them": true, "him": true, "her": true,
	"le": true, "la": true, "cela": true, "ca": true, "non": true, "oui": true, "no": true, "yes": true}

var questionWords = map[string]bool{"about": true, "whether": true, "if": true, "what": true, "how": true, "why": true, "when": true,
	"who": true, "where": true, "sur": true, "si": true}

// colonFrame: the sentence si opens a line with a short name and a colon at token i
// ("Lynch: No outside influence …"); the name must be a person or an organisation the actors
// stage knows (not a country or a place: "Mali: five soldiers killed" is a dateline).
func (v *view) colonFrame(si, i int) (frame, bool) {
	s := v.d.Sentences[si]
	if v.d.Lang != "en" || v.text(i) != ":" || i == s.Tok0 || i-s.Tok0 > 4 || i+2 >= s.Tok1 || questionWords[v.norm(i+1)] {
		return frame{}, false // French "X : ce que l'on sait" is a topic, not words of X
	}
	if ls := strings.LastIndexAny(v.d.Text[:s.Start], "\n\r"); strings.TrimSpace(v.d.Text[ls+1:s.Start]) != "" {
		return frame{}, false // not at the start of a line
	}
	lower := 0
	for k := s.Tok0; k < i; k++ {
		if v.d.Tokens[k].Kind == doc.Word {
			if r, _ := utf8.DecodeRuneInString(v.text(k)); !unicode.IsUpper(r) {
				lower++
			}
		}
	}
	if lower > 1 || lower == 1 && i-s.Tok0 > 3 {
		return frame{}, false // "Clinton camp:" yes, a clause before a colon no
	}
	if r, _ := utf8.DecodeRuneInString(v.text(s.Tok0)); !unicode.IsUpper(r) {
		return frame{}, false
	}
	if i-s.Tok0 == 1 && (v.f.evidence[v.norm(s.Tok0)] || v.norm(s.Tok0) == "newspaper") {
		// "Poll: Sanders leads", "Report: …"
		return frame{kind: fPreposed, sent: si, cue0: i, cue1: i + 1, sp0: s.Tok0, sp1: i, lemma: ":", full0: -1,
			content: [][2]int{{i + 1, v.trimEnd(i+1, s.Tok1)}}}, true
	}
	id := v.actorIn(s.Tok0, i, "person")
	if id == "" {
		return frame{}, false
	}
	if a := v.d.ActorByID(id); a == nil || (a.Kind != "person" && a.Kind != "organization") {
		return frame{}, false
	}
	if isQuoteChar(v.text(i + 1)) {
		return frame{}, false // "Name: « … »" is a caption the direct quote takes (captionSpeaker)
	}
	return frame{kind: fPreposed, sent: si, cue0: i, cue1: i + 1, sp0: s.Tok0, sp1: i, lemma: ":", full0: -1,
		content: [][2]int{{i + 1, v.trimEnd(i+1, s.Tok1)}}}, true
}

// notReporting: words before "that" that do not report ("so that", "now that", "such that").
var notReporting = map[string]bool{"so": true, "now": true, "such": true, "given": true, "except": true, "provided": true,
	"assuming": true, "is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "means": true, "meant": true,
	"has": true, "had": true, "have": true, "does": true, "did": true, "ensure": true, "ensured": true, "ensures": true}

// reportingVerb: token i is an English verb in the past or third person ("-ed", "-s") right
// before "that", after a subject (a name, a pronoun, a determiner and noun).
func (v *view) reportingVerb(i, s0, s1 int) bool {
	if v.d.Lang != "en" || i+1 >= s1 || v.norm(i+1) != "that" || i == s0 {
		return false
	}
	n := v.norm(i)
	if v.d.Tokens[i].Kind != doc.Word || notReporting[n] || len(n) < 4 || !(strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss")) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(v.text(i)); unicode.IsUpper(r) {
		return false
	}
	p := i - 1
	for p > s0 && v.lex.adverb[v.norm(p)] {
		p--
	}
	pn := v.norm(p)
	if v.lex.determiner[pn] || v.lex.aux[pn] || passiveBe[pn] || prepositions[pn] {
		return false // "the claims that", "has ensured that", "was told that"
	}
	if v.isPronoun(p) && !v.lex.plural[pn] || pn == "they" || pn == "we" || pn == "it" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(v.text(p))
	return unicode.IsUpper(r) && p > s0 || v.f.sourceNouns[pn] || v.f.roles[pn] || v.f.evidence[pn]
}

// subjectBefore: token p can end a subject: a name, a subject pronoun, "who", or the comma
// that closes an apposition.
func (v *view) subjectBefore(p int) bool {
	n := v.norm(p)
	if n == "who" || n == "he" || n == "she" || n == "it" || v.isComma(p) {
		return true
	}
	// a name the actors stage knows as a person or an organisation ("Clinton vows"; not
	// "Clinton emails", where no verb follows a bare name… the mention must end right here)
	off := v.d.Tokens[p].End
	for i := range v.d.Mentions {
		m := &v.d.Mentions[i]
		if m.End == off && m.Actor != "" && m.Form != "pronoun" {
			if a := v.d.ActorByID(m.Actor); a != nil && (a.Kind == "person" || a.Kind == "organization") {
				return true
			}
		}
	}
	return false
}

// pluralSubjectBefore: token p can end a plural subject ("they", "voters", "Democrats").
func (v *view) pluralSubjectBefore(p int) bool {
	n := v.norm(p)
	switch n {
	case "they", "we", "you", "i", "who", "percent":
		return true
	}
	return v.d.Tokens[p].Kind == doc.Word && len(n) > 3 && strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") &&
		!v.lex.determiner[n] && !strings.Contains(n, "'")
}

// titleCase: a headline in title case ("Trevor Noah Says Trump Is …"), where a capital
// does not make a name.
func (v *view) titleCase(s0, s1 int) bool {
	words, caps := 0, 0
	for k := s0; k < s1; k++ {
		if v.d.Tokens[k].Kind != doc.Word || len(v.text(k)) < 4 {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(v.text(k)); unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*8
}

// hasRelative: a relative or complement word in tokens [a, b) ("in a finish that he said").
func (v *view) hasRelative(a, b int) bool {
	for k := a; k < b; k++ {
		if relWords[v.norm(k)] || v.norm(k) == "dont" || v.norm(k) == "ou" {
			return true
		}
	}
	return false
}

// hasOpener: a discourse word ("but", "mais") stands in tokens [a, b).
func (v *view) hasOpener(a, b int) bool {
	for k := a; k < b; k++ {
		if v.d.Tokens[k].Kind == doc.Word && v.lex.opener[v.norm(k)] {
			return true
		}
	}
	return false
}

func (v *view) hasPronoun(a, b int) bool {
	for k := a; k < b; k++ {
		if v.isPronoun(k) || v.norm(k) == "it" || v.norm(k) == "il" {
			return true
		}
	}
	return false
}

func (v *view) hasWord(a, b int, w string) bool {
	for k := a; k < b; k++ {
		if v.norm(k) == w {
			return true
		}
	}
	return false
}

// hasVerb: tokens [a, b) hold an auxiliary, a form of "be" or a cue: a clause, not a name.
func (v *view) hasVerb(a, b int) bool {
	for k := a; k < b; k++ {
		n := v.norm(k)
		if n == "a" && v.d.Lang != "en" {
			continue // "à" folds to "a"
		}
		if v.lex.aux[n] || passiveBe[n] || beVerbs[n] || k > a && v.lex.finite[n] != "" {
			return true
		}
	}
	return false
}

var beVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "est": true, "sont": true, "etait": true, "sera": true, "va": true, "vont": true}

func (v *view) hasThat(a, b int) bool {
	for k := a; k < b && k < a+8; k++ {
		if thatWords[v.norm(k)] {
			return true
		}
	}
	return false
}

// boundaryBeforeIsContent: the boundary at L0-1 closes reported words (a comma, a quote mark,
// a dash), not a sentence-initial adverbial like "Hier," or "Last week,".
func (v *view) boundaryBeforeIsContent(L0, s0 int) bool {
	b := L0 - 1
	w := v.text(b)
	if isQuoteChar(w) {
		return v.closingQuote(b)
	}
	if (w == "'" || w == "`") && b > s0 && v.text(b-1) == w {
		return w == "'" && v.d.Tokens[b].End < v.d.Tokens[L0].Start // a closing '' has a space after it
	}
	if w != "," && w != "-" && w != "—" && w != "–" {
		return false
	}
	// at least two words of content before the comma
	words := 0
	for k := s0; k < b; k++ {
		if v.d.Tokens[k].Kind != doc.Punct {
			words++
		}
	}
	return words >= 2
}

// appositionSubject: for "X, APPOSITION, cue" with the comma before the cue at c, return the
// speaker tokens: the segment holding a person mention, else the leftmost short segment.
func (v *view) appositionSubject(c, s0 int) (int, int) {
	type seg struct{ a, b int }
	var segs []seg
	b := c
	for len(segs) < 4 && b > s0 {
		a := v.clauseStartParen(b, s0)
		segs = append(segs, seg{v.skipOpeners(a, b), b})
		if a <= s0 || !(v.isComma(a-1) || v.isDash(a-1)) {
			break
		}
		b = a - 1
	}
	// "Podesta, who said …, said": the relative clause is an apposition too
	for len(segs) > 1 && relWords[v.norm(segs[0].a)] {
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return c, c
	}
	// skip the apposition itself (segs[0]); prefer a segment with a person, then any actor
	// "Un avocat de la chanteuse, Rokia Traoré, confirme": the apposition names the
	// complement, and the head before it speaks
	if left := segs[len(segs)-1]; len(segs) > 1 && v.headWithComplement(left.a, left.b) {
		return left.a, left.b
	}
	// a segment that opens with a person's name, leftmost first ("John Doe, a party
	// operative and the senator's strategist, said"; "His sister, Jane Doe, has warned")
	for k := len(segs) - 1; k >= 0; k-- {
		if v.opensWithPerson(segs[k].a, segs[k].b) {
			return segs[k].a, segs[k].b
		}
	}
	// a named person anywhere, then an actor before
	// the apposition ("Jean Dupont, porte-parole des rebelles, affirme")
	for k := 0; k < len(segs); k++ {
		if v.segmentHas(segs[k].a, segs[k].b, "person") {
			return segs[k].a, segs[k].b
		}
	}
	for k := 1; k < len(segs); k++ {
		if v.segmentHas(segs[k].a, segs[k].b, "") {
			return segs[k].a, segs[k].b
		}
	}
	if len(segs) > 1 {
		k := len(segs) - 1
		if segs[k].b-segs[k].a > 10 {
			k = 1
		}
		return segs[k].a, segs[k].b
	}
	return segs[0].a, segs[0].b
}

func (v *view) segmentHas(a, b int, kind string) bool {
	if a >= b {
		return false
	}
	st, en := v.d.Tokens[a].Start, v.d.Tokens[b-1].End
	for i := range v.d.Mentions {
		m := &v.d.Mentions[i]
		if m.Start >= st && m.End <= en && m.Actor != "" && m.Form != "pronoun" {
			if kind == "" {
				return true
			}
			if act := v.d.ActorByID(m.Actor); act != nil && act.Kind == kind {
				return true
			}
		}
	}
	return false
}

// according builds the frame of "selon X" whose marker is tokens [m0, m1).
func (v *view) according(si, m0, m1 int) (frame, bool) {
	s := v.d.Sentences[si]
	s0, s1 := s.Tok0, s.Tok1
	fr := frame{kind: fAccording, sent: si, cue0: m0, cue1: m1, lemma: strings.Join(wordsOf(v, m0, m1), " ")}
	x1 := v.clauseEnd(m1, s1)
	if x1 == m1 {
		// "À leur avis, …", "in his view, …": the possessive in the marker is the speaker,
		// only at the head of the sentence ("who leads the party in his view" is no frame)
		if v.skipOpeners(s0, m0) != m0 {
			return fr, false
		}
		for k := m0; k < m1; k++ {
			if possessives[v.norm(k)] != 0 {
				fr.sp0, fr.sp1, fr.pronoun = k, k+1, true
				x1 = m1
				break
			}
		}
		if fr.sp1 == 0 {
			return fr, false
		}
	} else {
		fr.sp0, fr.sp1 = m1, x1
	}
	// heads the sentence (after openers and short adverbials)?
	head := v.skipOpeners(s0, m0) == m0
	rest := x1
	for rest < s1 && v.isComma(rest) {
		rest++
	}
	// "selon X, citant Y, …"
	if via, end := v.citing(rest, s1); end > rest {
		fr.via = via
		rest = end
		for rest < s1 && v.isComma(rest) {
			rest++
		}
	}
	if head {
		if e := v.trimEnd(rest, s1); e > rest {
			fr.content = [][2]int{{rest, e}}
		}
		return fr, fr.content != nil
	}
	// "…, selon X." or "…, selon X, …": the sentence around the marker
	b := m0
	if b > s0 && (v.isComma(b-1) || v.text(b-1) == "(") {
		b--
	}
	fr.bnd, fr.trailing = b, true
	if a := v.skipOpeners(s0, b); v.trimEnd(a, b) > a {
		fr.content = append(fr.content, [2]int{a, v.trimEnd(a, b)})
	}
	if e := v.trimEnd(rest, s1); e > rest && rest > x1 {
		fr.content = append(fr.content, [2]int{rest, e})
	}
	return fr, fr.content != nil
}

func wordsOf(v *view, a, b int) []string {
	out := make([]string, 0, b-a)
	for k := a; k < b; k++ {
		out = append(out, v.text(k))
	}
	return out
}

// citing reads "citant Y" / "citing Y" at token i (after optional "qui,"): Y's actor and the
// token after Y, or (…, i) when there is none.
func (v *view) citing(i, s1 int) (string, int) {
	j := i
	if j < s1 && (v.norm(j) == "qui" || v.norm(j) == "who" || v.norm(j) == "which") {
		j++
		for j < s1 && v.isComma(j) {
			j++
		}
	}
	for _, w := range v.lex.citing {
		if v.match(j, s1, w) {
			y0 := j + len(w)
			y1 := v.clauseEnd(y0, s1)
			if y1 == y0 {
				return "", i
			}
			return v.actorIn(y0, y1, ""), y1
		}
	}
	return "", i
}

// actorIn returns the actor of the mentions in tokens [a, b): a person first (when kind is
// "person"), else the first resolved mention.
func (v *view) actorIn(a, b int, prefer string) string {
	if a >= b {
		return ""
	}
	st, en := v.d.Tokens[a].Start, v.d.Tokens[b-1].End
	first := ""
	for i := range v.d.Mentions {
		m := &v.d.Mentions[i]
		if m.Start < st || m.End > en || m.Actor == "" {
			continue
		}
		if m.Form == "pronoun" && (m.Start > st || m.End < en) {
			continue // "his" in "his sister" is not the sister
		}
		if first == "" {
			first = m.Actor
		}
		if prefer != "" {
			if act := v.d.ActorByID(m.Actor); act != nil && act.Kind == prefer {
				return m.Actor
			}
		}
	}
	return first
}

// expletives: subjects that say nothing ("it seems that…", "il semble que…").
var expletives = map[string]bool{"it": true, "there": true, "il": true}

// raisingFrame: "X seems to…", "X appeared to…", "il semble que…" at token i — a view the
// article gives without a source. The cue is the verb with its auxiliaries and negation
// ("may seem", "does not appear"); the content is the subject and the clause after the verb.
func (v *view) raisingFrame(si, i int) (frame, bool) {
	s := v.d.Sentences[si]
	s0, s1 := s.Tok0, s.Tok1
	strict, ok := v.lex.raising[v.norm(i)]
	if !ok || v.d.Tokens[i].Kind != doc.Word || i+1 >= s1 {
		return frame{}, false
	}
	if i > s0 && v.lex.determiner[v.norm(i-1)] {
		return frame{}, false // a noun ("the appearances")
	}
	if strict && !v.lex.raiseNext[v.norm(i+1)] {
		return frame{}, false // "appeared on television"
	}
	c0 := i
	for c0 > s0 && !v.lex.adverb[v.norm(i)] && !strings.HasSuffix(v.norm(i), "ly") && (v.lex.aux[v.norm(c0-1)] || v.norm(c0-1) == "not" || v.norm(c0-1) == "n't" || v.norm(c0-1) == "ne") {
		c0--
	}
	fr := frame{kind: fPreposed, sent: si, cue0: c0, cue1: i + 1, sp0: c0, sp1: c0, lemma: v.norm(i), full0: -1}
	L0 := v.clauseStartParen(c0, s0)
	se := c0 // the subject before its auxiliaries ("her team has reportedly")
	for se > s0 && v.lex.aux[v.norm(se-1)] {
		se--
	}
	if a := v.skipOpeners(L0, c0); a < se && !(se-a == 1 && expletives[v.norm(a)]) && !v.hasVerb(a, se) {
		fr.content = append(fr.content, [2]int{a, c0})
	}
	c1 := i + 1
	if thatWords[v.norm(c1)] {
		c1++
	}
	if e := v.trimEnd(c1, v.clauseEnd(c1, s1)); e > c1 {
		fr.content = append(fr.content, [2]int{c1, e})
	}
	return fr, len(fr.content) > 0
}

// notCue: the cue [c0, c1) of lemma stands in a phrase that makes it something else
// ("continues to face", ", compared with", "so-called", "thanks to"), or is a form that reports
// only after a subject pronoun ("it states that", not "in ten states").
func (v *view) notCue(c0, c1, s0, s1 int, lemma string) bool {
	// the verb is the last word of the cue that has the lemma's forms
	k := c1 - 1
	for k > c0 && v.d.Tokens[k].Kind != doc.Word || k > c0 && v.isPronoun(k) {
		k--
	}
	if v.lex.afterPron[v.norm(k)] && !(k > s0 && (v.isPronoun(k-1) || expletives[v.norm(k-1)])) {
		return true
	}
	for _, p := range v.lex.notCue[lemma] {
		if k-len(p.before) >= s0 && v.match(k-len(p.before), k, p.before) && v.match(k+1, s1, p.after) {
			return true
		}
	}
	return false
}

// pollAfter: one poll named with a determiner stands in the first words of the clause after
// token a, before any verb ("the latest NBC News/Wall Street Journal poll", "un sondage Ifop";
// not "in the polls", "in national polls").
func (v *view) pollAfter(a, s1 int) bool {
	if a >= s1 || !v.lex.determiner[v.norm(a)] {
		return false // "in national polls": polls in general, no source
	}
	e := v.clauseEnd(a, s1)
	for k := a + 1; k < e && k < a+10; k++ {
		if v.lex.pollNoun[v.norm(k)] {
			return !v.hasVerb(a, k)
		}
	}
	return false
}

// cueBefore: a speech verb stands in tokens [a, b) ("X said he leads in the latest poll": the
// poll is X's, not a frame of its own).
func (v *view) cueBefore(a, b int) bool {
	for k := a; k < b; k++ {
		if v.lex.finite[v.norm(k)] != "" {
			return true
		}
	}
	return false
}

// inciseForm: the form of an unlisted incise verb, -ed or -s ("surmised", "quips").
func inciseForm(n string) bool {
	return len(n) >= 4 && (strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss"))
}

// unlistedIncise: right after a closing quote mark, a verb the lexicon does not list still
// closes the quote when it has the shape of an incise: "…,” he surmised." / "…,” Mr. Smith
// mused on Sunday." / "…,” quipped Mr. Smith." (English: a past or -s form, a short subject
// that is a pronoun or a name, nothing after but punctuation or a short adjunct).
func (v *view) unlistedIncise(si, i int) (frame, bool) {
	s := v.d.Sentences[si]
	s0, s1 := s.Tok0, s.Tok1
	if v.d.Lang != "en" || v.d.Tokens[i].Kind != doc.Word || i+1 > s1 {
		return frame{}, false
	}
	n := v.norm(i)
	if !inciseForm(n) {
		return frame{}, false
	}
	// cheap test first: a quote mark closes within the five tokens before
	near := false
	for k := i - 1; k >= s0 && k >= i-6; k-- {
		if t := v.text(k); isQuoteChar(t) || t == "'" || t == "’" {
			near = true
			break
		}
	}
	if !near || v.lex.aux[n] || passiveBe[n] || notReporting[n] || v.lex.determiner[n] {
		return frame{}, false
	}
	if r, _ := utf8.DecodeRuneInString(v.text(i)); !unicode.IsLower(r) {
		return frame{}, false
	}
	shortTail := func(a int) bool {
		e := v.trimEnd(a, s1)
		if e == a {
			return true
		}
		t := v.norm(a)
		return e-a <= 6 && (prepositions[t] || npStops[t] || tailStarts[t] || strings.HasSuffix(t, "ly")) && !v.hasVerb(a, e) && !v.hasThat(a, e)
	}
	// "…,” he surmised."
	if L := v.clauseStartParen(i, s0); L > s0 && L < i && i-L <= 4 && v.afterQuoteMark(L) && !v.hasVerb(L, i) && shortTail(i+1) {
		r, _ := utf8.DecodeRuneInString(v.text(L))
		pron := i-L == 1 && v.isPronoun(L)
		if pron || unicode.IsUpper(r) {
			fr := frame{kind: fIncise, sent: si, cue0: i, cue1: i + 1, sp0: L, sp1: i, lemma: n, anchor: L, bnd: L - 1, full0: -1, pronoun: pron}
			if L-1 > s0 {
				a := v.skipOpeners(s0, L-1)
				if e := v.trimEnd(a, L-1); e > a {
					fr.content = [][2]int{{a, e}}
				}
			}
			if fr.content == nil {
				fr.quoteOnly = true
			}
			return fr, true
		}
	}
	// "…,” quipped Mr. Smith."
	if i > s0 && i+1 < s1 && strings.HasSuffix(n, "ed") && v.afterQuoteMark(i) && v.clauseStartParen(i, s0) == i {
		R1 := v.clauseEnd(i+1, s1)
		ne := v.npEnd(i+1, R1)
		if r, _ := utf8.DecodeRuneInString(v.text(i + 1)); unicode.IsUpper(r) && ne-(i+1) <= 5 && !v.hasVerb(i+1, ne) && v.trimEnd(ne, s1) <= R1 {
			fr := frame{kind: fIncise, sent: si, cue0: i, cue1: i + 1, sp0: i + 1, sp1: ne, lemma: n, anchor: i, bnd: i - 1, full0: -1}
			if i-1 > s0 {
				a := v.skipOpeners(s0, i-1)
				if e := v.trimEnd(a, i-1); e > a {
					fr.content = [][2]int{{a, e}}
				}
			}
			if fr.content == nil {
				fr.quoteOnly = true
			}
			return fr, true
		}
	}
	return frame{}, false
}

// objectRelatives open a relative clause whose object is the noun before ("the plan which X
// denounced").
var objectRelatives = map[string]bool{"which": true, "that": true, "whom": true, "que": true, "qu'": true}

// antecedent: the start of what a relative clause beginning at token sp0 hangs on: the
// relative pronoun itself ("which"), or a short noun phrase with its determiner right before
// the subject ("two of the weaknesses [that] Republicans cite"); sp0 when there is none.
func (v *view) antecedent(sp0, s0 int) int {
	p := sp0 - 1
	if p < s0 || v.d.Tokens[p].Kind != doc.Word {
		return sp0
	}
	n := v.norm(p)
	if objectRelatives[n] {
		if p > s0 && v.d.Tokens[p-1].Kind == doc.Word && !prepositions[v.norm(p-1)] {
			return p // "which" after a noun; not "in that"
		}
		return sp0
	}
	if v.lex.aux[n] || passiveBe[n] || prepositions[n] || subordinators[n] || coordinators[n] || v.lex.opener[n] || v.lex.determiner[n] ||
		v.isPronoun(p) || v.lex.adverb[n] || relWords[n] || questionWords[n] || v.lex.finite[n] != "" || strings.HasSuffix(n, "ly") {
		return sp0
	}
	// a noun: its determiner within three words before
	for k := p - 1; k >= s0 && k >= p-3; k-- {
		m := v.norm(k)
		if v.lex.determiner[m] || quantifiers[m] || possessives[m] != 0 || m == "something" || m == "everything" || m == "anything" || m == "nothing" {
			return k
		}
		if v.d.Tokens[k].Kind != doc.Word || prepositions[m] || v.lex.aux[m] || passiveBe[m] || v.lex.finite[m] != "" {
			break
		}
	}
	if n == "something" || n == "everything" || n == "anything" || n == "nothing" || n == "what" {
		return p
	}
	return sp0
}

// allTime: tokens [a, b) are time words only ("Thursday", "last week").
func (v *view) allTime(a, b int) bool {
	for k := a; k < b; k++ {
		if n := v.norm(k); !timeWords[n] && n != "last" && n != "week" && n != "night" && n != "morning" {
			return false
		}
	}
	return b > a
}

// evidenceSubject: the subject before the cue at c0 (past its appositions) holds a poll, a
// study, emails… within a few words ("Polls there show …", "A Fox News poll, conducted by …, shows …").
func (v *view) evidenceSubject(c0, s0 int) bool {
	L := v.clauseStartParen(c0, s0)
	for n := 0; n < 2 && L > s0 && v.isComma(L-1); n++ {
		L = v.clauseStartParen(L-1, s0) // past an apposition
	}
	for k := max(L, c0-12); k < c0; k++ {
		if v.f.evidence[v.norm(k)] {
			return true
		}
	}
	return false
}

// askedFrame reads the question after "asked"/"interrogé" at token i (heading the sentence or
// after "when"/"was"): "Asked on Monday whether …", "asked by a reporter about …". It returns
// the frame and the clause's end.
func (v *view) askedFrame(si, i int) (frame, int, bool) {
	s := v.d.Sentences[si]
	s0, s1 := s.Tok0, s.Tok1
	e := v.clauseEnd(i+1, s1)
	c0 := i
	if i > s0 && (askLead[v.norm(i-1)] || passiveBe[v.norm(i-1)]) {
		c0 = i - 1 // "when asked", "was asked"
	}
	fr := frame{kind: fPreposed, sent: si, cue0: c0, cue1: i + 1, sp0: c0, sp1: c0, lemma: "ask", full0: -1, asked: true}
	j := i + 1
	agent := j < e && (v.norm(j) == "by" || v.norm(j) == "par")
	if agent {
		j++
	}
	k := j
	for k < e && k < j+6 && !v.lex.question[v.norm(k)] {
		k++
	}
	if k >= e || k >= j+6 || agent && k == j || e <= k+1 || !(e < s1 || i > s0) {
		return fr, 0, false
	}
	if agent {
		fr.sp0, fr.sp1 = j, k
	}
	fr.content = [][2]int{{k, v.trimEnd(k, e)}}
	return fr, e, true
}

// progressive: the -ing form at c0 follows a form of "be" (past adverbs): "is suggesting",
// "was quietly telling" is a finite verb, not a gerund.
func (v *view) progressive(c0, s0 int) bool {
	p := c0 - 1
	for p > s0 && (v.lex.adverb[v.norm(p)] || strings.HasSuffix(v.norm(p), "ly")) {
		p--
	}
	return p >= s0 && p < c0 && passiveBe[v.norm(p)] && v.norm(p) != "being"
}

// determinerNoun: token p ends a short singular noun phrase that opens with a determiner and
// heads its clause ("The ad", "the Turkish government", "His campaign"): a subject.
func (v *view) determinerNoun(p, s0 int) bool {
	n := v.norm(p)
	if v.d.Tokens[p].Kind != doc.Word || strings.HasSuffix(n, "s") || v.lex.determiner[n] || prepositions[n] || v.lex.finite[n] != "" || v.lex.aux[n] || passiveBe[n] {
		return false
	}
	for k := p - 1; k >= s0 && k >= p-4; k-- {
		m := v.norm(k)
		if v.lex.determiner[m] {
			return m != "that" && (k == s0 || v.d.Tokens[k-1].Kind != doc.Word || v.lex.opener[v.norm(k-1)] || coordinators[v.norm(k-1)])
		}
		if v.d.Tokens[k].Kind != doc.Word || prepositions[m] || v.lex.finite[m] != "" || v.lex.aux[m] || passiveBe[m] {
			return false
		}
	}
	return false
}

// nominalFrame reads a noun cue at token i and what it bears on: "Trump's support for the
// wall", "his claims that the vote was rigged", "questions about her emails", "sa décision de
// partir". The possessor (a name with 's, or his/her/their) is the speaker; the content runs
// to the end of the clause, or to the first verb for a noun phrase.
func (v *view) nominalFrame(si, i int) (frame, bool) {
	s := v.d.Sentences[si]
	s0, s1 := s.Tok0, s.Tok1
	fr := frame{kind: fPreposed, sent: si, cue0: i, cue1: i + 2, sp0: i, sp1: i, lemma: v.norm(i), full0: -1, nominal: true}
	if i+2 >= s1 || !v.lex.nominal[v.norm(i)][v.norm(i+1)] || v.d.Tokens[i].Kind != doc.Word {
		return fr, false
	}
	if v.lex.adjective[v.norm(i)] {
		// "Republicans are deeply skeptical of …", "elle s'est dite prête à …": the subject of "be"
		b := i - 1
		for b > s0 && (v.lex.adverb[v.norm(b)] || strings.HasSuffix(v.norm(b), "ly") || degree[v.norm(b)]) {
			b--
		}
		if b <= s0 || !passiveBe[v.norm(b)] && !seemWords[v.norm(b)] {
			return fr, false
		}
		L := v.skipOpeners(v.clauseStartParen(b, s0), b)
		fr.sp0, fr.sp1 = v.subjectStart(L, b), b
		for fr.sp1 > fr.sp0 && (v.lex.aux[v.norm(fr.sp1-1)] || v.lex.adverb[v.norm(fr.sp1-1)] || passiveBe[v.norm(fr.sp1-1)] || clitics[v.norm(fr.sp1-1)] || v.norm(fr.sp1-1) == "s'" || v.norm(fr.sp1-1) == "se") {
			fr.sp1-- // "she has been", "elle s'est"
		}
		if fr.sp1 <= fr.sp0 || !v.speakerLike(fr.sp0, fr.sp1) || v.hasVerb(fr.sp0, fr.sp1) {
			return fr, false
		}
		fr.cue0 = b
		fr.pronoun = fr.sp1-fr.sp0 == 1 && v.isPronoun(fr.sp0)
	} else if i > s0 && v.lex.determiner[v.norm(i-1)] && possessives[v.norm(i-1)] == 0 && v.d.Lang == "en" && v.norm(i-1) != "the" {
		return fr, false // "a support for", "this call for": no one's stance
	}
	// the possessor, past at most two modifiers ("Trump's repeated attacks on")
	for k := i - 1; k >= s0 && k >= i-3 && !v.lex.adjective[v.norm(i)]; k-- {
		n := v.norm(k)
		if v.d.Tokens[k].Kind != doc.Word {
			break
		}
		if possessives[n] != 0 {
			fr.sp0, fr.sp1, fr.pronoun = k, k+1, true
			break
		}
		if strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "’s") || strings.HasSuffix(n, "s'") && n != "s'" {
			a := k
			for a > s0 && a > k-3 && v.d.Tokens[a-1].Kind == doc.Word && unicode.IsUpper(firstRune(v.text(a-1))) {
				a--
			}
			fr.sp0, fr.sp1 = a, k+1
			break
		}
		if v.lex.determiner[n] || prepositions[n] || v.lex.finite[n] != "" || v.lex.aux[n] || passiveBe[n] {
			break
		}
	}
	c0 := i + 2
	if v.norm(i+1) == "to" || v.norm(i+1) == "de" || v.norm(i+1) == "d'" {
		c0 = i + 1 // "plans to run", "sa décision de partir": the infinitive is the content
		fr.cue1 = i + 1
	}
	e := v.clauseEnd(c0, s1)
	if !thatWords[v.norm(i+1)] {
		// a noun phrase or an infinitive: up to the verb of the clause ("Support for Sanders
		// has grown", "son refus de signer a surpris")
		for k := c0 + 1; k < e; k++ {
			n := v.norm(k)
			if (v.lex.finite[n] != "" || v.lex.aux[n] || passiveBe[n] || relWords[n] || v.lex.sForm[n] != "" ||
				v.d.Lang == "en" && strings.HasSuffix(n, "ed")) && !v.lex.determiner[v.norm(k-1)] && !prepositions[v.norm(k-1)] {
				e = k // "attacks on the budget angered …"
				break
			}
		}
	}
	if e = v.trimEnd(c0, e); e <= c0 {
		return fr, false
	}
	fr.content = [][2]int{{c0, e}}
	return fr, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// degree words before a stance adjective ("very eager", "so sure", "more willing").
var degree = map[string]bool{"very": true, "so": true, "too": true, "more": true, "less": true, "most": true, "least": true, "quite": true, "rather": true, "très": true, "si": true, "plus": true, "moins": true, "tout": true}

// seemWords can stand for "be" before a stance adjective ("seemed eager to", "remains
// convinced that", "se dit prêt à").
var seemWords = map[string]bool{"remain": true, "remains": true, "remained": true, "became": true, "become": true, "becomes": true,
	"dit": true, "dite": true, "dits": true, "dites": true, "reste": true, "restent": true, "demeure": true}

// titleQuote: the opening mark at token i starts a short title (“This Week”, “Meet the
// Press”) within a clause: capitalised words and the closing mark within six tokens, with no
// punctuation inside. It returns the closing mark's token.
func (v *view) titleQuote(i, s1 int) (int, bool) {
	if i < 1 || !isQuoteChar(v.text(i)) || v.closingQuote(i) || v.d.Tokens[i-1].Kind != doc.Word || i+1 >= s1 {
		return 0, false
	}
	if !unicode.IsUpper(firstRune(v.text(i + 1))) {
		return 0, false
	}
	for j := i + 1; j < s1 && j <= i+7; j++ {
		if v.d.Tokens[j].Kind == doc.Punct {
			if j > i+1 && isQuoteChar(v.text(j)) && v.closingQuote(j) {
				return j, true
			}
			return 0, false
		}
	}
	return 0, false
}
