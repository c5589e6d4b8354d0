package events

import (
	"strings"

	"github.com/griot-project/griot/doc"
)

// factuality says how sure the text is of the event, from the cues around its trigger.
// Order of precedence: question, negation (unless a "not ruled out" cue makes it a hedged
// possibility), hypothetical, future, hedged, historical, asserted. Date-based historical
// and future are applied later, once the event is dated.
func (r *reader) factuality(cd *cand) string {
	cd.cues = map[string]bool{}
	d := r.d
	h := cd.hit
	s := d.Sentences[cd.sent]
	found := cd.cues
	for _, cu := range r.sentCues[cd.sent] {
		if cu.start <= h.start && h.start < cu.end {
			continue // the trigger is part of the cue ("menace de" as a THREATEN trigger)
		}
		if r.inTimex(cu.start) {
			continue // "in May" is a month, not "may"
		}
		ok := false
		switch cu.p.scope {
		case "before":
			// the cue governs the next event in its clause, not one after another event or
			// after "but": "stopped short of accusing X but the bloc has accused it"
			ok = cu.end <= h.start && h.start-cu.end <= 8 && !r.breakBetween(cu.end, h.start) && !r.contrastBetween(cu.end, h.start) && (!r.triggerBetween(cu.end, h.start) || cu.p.typ == "historical")
		case "after":
			ok = cu.start >= h.end && cu.start-h.end <= 3
		case "around":
			ok = (cu.start >= h.end && cu.start-h.end <= 3) || (cu.end <= h.start && h.start-cu.end <= 3)
		case "sentence":
			ok = true
		case "start":
			ok = cu.start == s.Tok0
		}
		if ok {
			found[cu.p.typ] = true
		}
	}
	if t, ok := r.paraHist[s.Para]; ok && t <= h.start {
		found["historical"] = true
	}
	if r.question(cd.sent) && !r.inQuote(d.Tokens[h.start].Start) {
		return "question"
	}
	if (r.negated(cd) || found["negated"]) && !found["possible"] {
		return "negated"
	}
	if found["possible"] {
		return "hedged"
	}
	if found["reportedfuture"] && !found["if"] {
		return "future" // "announcing the UK would send…": the future of reported speech
	}
	if found["hypothetical"] {
		return "hypothetical"
	}
	if found["future"] || r.futureVerb(cd) {
		return "future"
	}
	if found["hedged"] {
		return "hedged"
	}
	if c := r.conditionalVerb(cd); c != "" {
		return c
	}
	if found["historical"] {
		return "historical"
	}
	return "asserted"
}

// breakBetween: a clause break (; : a comma, or a dash that sets off an aside: "drones -
// believed to have been made in Iran - killed…") between two token positions.
func (r *reader) breakBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if r.isPunct(j, ";:,–—") || r.spacedDash(j) {
			return true
		}
	}
	return false
}

// spacedDash: token j is a hyphen with a space before it (a dash, not "day-old").
func (r *reader) spacedDash(j int) bool {
	t := r.d.Tokens[j]
	return t.Kind == doc.Punct && r.d.Text[t.Start:t.End] == "-" && t.Start > 0 && (r.d.Text[t.Start-1] == ' ' || r.d.Text[t.Start-1] == 0xa0) // 0xa0 ends a UTF-8 no-break space
}

// negated: French ne … pas/plus/jamais around the trigger, English not/n't/never/no before it.
func (r *reader) negated(cd *cand) bool {
	h := cd.hit
	s := r.d.Sentences[cd.sent]
	for j := h.start - 1; j >= s.Tok0 && j >= h.start-5; j-- {
		n := r.tok(j)
		if r.isPunct(j, ",;:") {
			return false
		}
		switch n {
		case "ne", "n'":
			for k := j + 1; k < s.Tok1 && k <= h.end+1; k++ {
				if r.w.is("negclose", r.tok(k)) {
					return true
				}
			}
		case "not", "n't", "never", "no", "without", "sans", "aucun", "aucune":
			return true
		}
	}
	return false
}

// question: the sentence ends with a question mark.
func (r *reader) question(si int) bool {
	s := r.d.Sentences[si]
	for j := s.Tok1 - 1; j >= s.Tok0; j-- {
		t := r.d.Tokens[j]
		w := r.d.Text[t.Start:t.End]
		if w == "?" {
			return true
		}
		if !r.isPunct(j, "»”\"’)") {
			return false
		}
	}
	return false
}

// futureVerb: a French verb trigger in the future tense ("enverra", "déploieront").
func (r *reader) futureVerb(cd *cand) bool {
	if cd.hit.p.noun || r.lang != "fr" {
		return false
	}
	n := r.tok(cd.hit.start)
	for _, suf := range []string{"era", "eront", "erai", "eras", "erons", "erez", "ira", "iront", "dra", "dront", "rra", "rront"} {
		if strings.HasSuffix(n, suf) && len(n) > len(suf)+2 {
			return true
		}
	}
	return false
}

// conditionalVerb: a French verb trigger in the conditional is the future of reported speech
// after "que" ("a dit qu'il évoquerait la question") and a report not taken for granted
// elsewhere ("la Russie enverrait des troupes"); "" when the trigger is not conditional.
func (r *reader) conditionalVerb(cd *cand) string {
	if cd.hit.p.noun || r.lang != "fr" {
		return ""
	}
	n := r.tok(cd.hit.start)
	cond := false
	for _, suf := range []string{"erait", "eraient", "irait", "iraient", "drait", "draient"} {
		cond = cond || (strings.HasSuffix(n, suf) && len(n) > len(suf)+2)
	}
	if !cond {
		return ""
	}
	s := r.d.Sentences[cd.sent]
	for j := cd.hit.start - 1; j >= s.Tok0 && j >= cd.hit.start-6; j-- {
		if t := r.tok(j); t == "que" || t == "qu'" {
			return "future"
		}
	}
	return "hedged"
}

// contrastBetween: "but", "mais", "whereas"… between two positions opens another clause.
func (r *reader) contrastBetween(a, b int) bool {
	for j := a; j < b; j++ {
		if r.w.is("contrast", r.tok(j)) {
			return true
		}
	}
	return false
}
