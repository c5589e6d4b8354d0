package events

import (
	"github.com/griot-project/griot/doc"
)

// quoteAt returns the quote one of whose occurrences holds byte offset off, or nil.
func (r *reader) quoteAt(off int) *doc.Quote {
	var best *doc.Quote
	bestLen := 0
	for i := range r.d.Quotes {
		q := &r.d.Quotes[i]
		for _, o := range q.Occurrences {
			if o.Start <= off && off < o.End && (best == nil || o.Len() < bestLen) {
				best, bestLen = q, o.Len()
			}
		}
	}
	return best
}

func (r *reader) inQuote(off int) bool {
	q := r.quoteAt(off)
	return q != nil && q.Kind != "indirect" && q.Kind != "according"
}

// speakerAt is the speaker of the quote holding off ("je", "nous", "I", "we"), or "".
func (r *reader) speakerAt(off int) string {
	if q := r.quoteAt(off); q != nil {
		return q.Speaker
	}
	for _, p := range r.d.Posts {
		if p.Start <= off && off < p.End {
			return p.Actor
		}
	}
	return ""
}

// pronoun resolves a third-person subject pronoun at token j: the speaker of the indirect
// speech it stands in ("Goïta says he spoke…"), else the closest person named before it in
// the same or the previous two sentences.
func (r *reader) pronoun(j int) string {
	off := r.d.Tokens[j].Start
	if q := r.quoteAt(off); q != nil && q.Speaker != "" && (q.Kind == "indirect" || q.Kind == "according") {
		if a := r.actors[q.Speaker]; a != nil && a.Kind == "person" {
			return q.Speaker
		}
	}
	si := r.d.Tokens[j].Sent
	floor := r.d.Sentences[max(0, si-2)].Start
	// the person who was the subject of the sentence before (or of this one, before the
	// pronoun) first: "X, …, toppled Y. He was sentenced…" is X
	for _, ps := range []int{si, si - 1} {
		if ps < 0 {
			continue
		}
		s := r.d.Sentences[ps]
		for mi, m := range r.d.Mentions {
			if m.Start < s.Start || m.End > s.End || m.End > off {
				continue
			}
			if m.Tok1 < len(r.d.Tokens) && r.tok(m.Tok1) == "'s" {
				continue // "the minister's brother, John Doe, …": a possessor is not the subject
			}
			if a := r.actors[m.Actor]; a != nil && a.Kind == "person" && r.usable(mi) && r.prepBeforeMode(m.Tok0, s.Tok0, true) == "" {
				return m.Actor
			}
			break // only the first mention of the sentence can be its subject
		}
	}
	for mi := len(r.d.Mentions) - 1; mi >= 0; mi-- {
		m := r.d.Mentions[mi]
		if m.End > off {
			continue
		}
		if m.Start < floor {
			break
		}
		if a := r.actors[m.Actor]; a != nil && a.Kind == "person" && r.usable(mi) {
			return m.Actor
		}
	}
	// no person: "elle"/"il" for an organisation or a country that was the subject just before
	if n := r.tok(j); n == "elle" || n == "il" || n == "it" {
		prev := max(0, si-1)
		for mi := len(r.d.Mentions) - 1; mi >= 0; mi-- {
			m := r.d.Mentions[mi]
			if m.End > off {
				continue
			}
			if m.Start < r.d.Sentences[prev].Start {
				break
			}
			if a := r.actors[m.Actor]; a != nil && a.Kind != "person" && r.usable(mi) && r.prepBeforeMode(m.Tok0, r.d.Sentences[prev].Tok0, true) == "" {
				return m.Actor
			}
		}
	}
	return ""
}

// attribution lists who tells the event: the speaker of every quote or speech frame whose
// content holds the trigger, with the source that speaker cites.
func (r *reader) attribution(cd *cand) []doc.Attribution {
	off := cd.ev.Trigger.Start
	var out []doc.Attribution
	for _, q := range r.d.Quotes {
		for _, o := range q.Occurrences {
			if o.Start <= off && off < o.End && (q.Speaker != "" || q.Via != "") && !r.appositionBetween(q, o.Start, off) {
				out = addAttr(out, doc.Attribution{Source: q.Speaker, Cue: q.Cue, Via: q.Via})
				break
			}
		}
	}
	for _, p := range r.d.Posts {
		if p.Start <= off && off < p.End && p.Actor != "" {
			out = addAttr(out, doc.Attribution{Source: p.Actor, Cue: p.Platform})
		}
	}
	return out
}

func addAttr(list []doc.Attribution, a doc.Attribution) []doc.Attribution {
	if a.Source == "" && a.Via != "" {
		a.Source, a.Via = a.Via, ""
	}
	for i, x := range list {
		if x.Source == a.Source {
			if list[i].Via == "" {
				list[i].Via = a.Via
			}
			return list
		}
	}
	return append(list, a)
}

// confirmations: "l'information a été confirmée par X", "the news was confirmed by X":
// X becomes a source of the events told in the paragraphs just before, and in its own.
func (r *reader) confirmations(cands []*cand) {
	for si, s := range r.d.Sentences {
		for _, cu := range r.sentCues[si] {
			if cu.p.typ != "confirm" {
				continue
			}
			src := r.agentOf(si, cu.start, true)
			if src == nil {
				continue
			}
			cue := r.d.Text[r.d.Tokens[cu.start].Start:r.d.Tokens[cu.end-1].End]
			via := ""
			if v := r.citing(si, cu.end); v != "" {
				via = v
			}
			for _, cd := range cands {
				if cd.para >= s.Para-2 && cd.para <= s.Para && cd.ev.Factuality != "historical" && cd.sent <= si {
					cd.ev.Attribution = addAttr(cd.ev.Attribution, doc.Attribution{Source: src[0].id, Cue: cue, Via: via})
				}
			}
		}
	}
}

// citing finds "citant X" / "citing X" after token from in the sentence.
func (r *reader) citing(si, from int) string {
	s := r.d.Sentences[si]
	for j := from; j < s.Tok1; j++ {
		if n := r.tok(j); n == "citant" || n == "citing" {
			for k := j + 1; k < min(s.Tok1, j+8); k++ {
				if mi := r.mentionAt[k]; mi >= 0 && r.d.Mentions[mi].Actor != "" {
					return r.d.Mentions[mi].Actor
				}
			}
		}
	}
	return ""
}

// appositionBetween: reported speech does not extend into an apposition the journalist adds
// ("X assure avoir parlé avec Y, président de la Russie, pays isolé par l'Occident…": the
// isolation is the article's, not X's).
func (r *reader) appositionBetween(q doc.Quote, from, to int) bool {
	if q.Kind != "indirect" && q.Kind != "according" {
		return false
	}
	a, b := r.d.TokenAt(from), r.d.TokenAt(to)
	for j := a; j < b && j+1 < len(r.d.Tokens); j++ {
		if !r.isPunct(j, ",") {
			continue
		}
		k := j + 1
		for k < b && r.w.is("det", r.tok(k)) {
			k++
		}
		if k < b && r.w.is("apposn", r.tok(k)) {
			return true
		}
	}
	return false
}

// unattributedFrame: off lies in reported speech whose speaker the text does not give
// ("X est accusé d'avoir…", "Asked whether…").
func (r *reader) unattributedFrame(off int) bool {
	for _, q := range r.d.Quotes {
		if q.Speaker != "" || q.Via != "" || q.Kind != "indirect" || q.SpeakerSpan != nil {
			continue
		}
		for _, o := range q.Occurrences {
			if o.Start <= off && off < o.End {
				return true
			}
		}
	}
	return false
}
