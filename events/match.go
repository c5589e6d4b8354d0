package events

import (
	"strings"

	"github.com/griot-project/griot/doc"
)

// matchAt tries pattern p at token i (tokens up to end, exclusive); it returns the end of
// the match (exclusive) and the end of its first element, or -1. (Plain recursive functions,
// not a closure calling itself: the trigger and cue scans call it for every candidate
// pattern of every token, and most fail on their first element.)
func matchAt(p *pattern, toks []doc.Token, i, end int) (int, int) {
	if len(p.elems) == 0 {
		return i, -1
	}
	alts := p.elems[0].alts
	for k := range alts {
		a := &alts[k]
		if !altAt(a, toks, i, end) {
			continue
		}
		head := i + len(a.toks)
		if r := matchFrom(p.elems, 1, toks, head, end); r >= 0 {
			return r, head
		}
	}
	return -1, -1
}

// altAt: the tokens from t on are alternative a (its last word a stem when a.prefix).
func altAt(a *alt, toks []doc.Token, t, end int) bool {
	if t+len(a.toks) > end {
		return false
	}
	last := len(a.toks) - 1
	for k, w := range a.toks {
		n := toks[t+k].Norm
		if k == last && a.prefix {
			if !strings.HasPrefix(n, w) {
				return false
			}
		} else if n != w {
			return false
		}
	}
	return true
}

// matchFrom matches elements elems[e:] from token t; it returns the end of the match or -1.
func matchFrom(elems []elem, e int, toks []doc.Token, t, end int) int {
	if e == len(elems) {
		return t
	}
	el := &elems[e]
	if el.gap {
		words := 0
		for g := 0; t+g <= end; g++ {
			if g > 0 {
				prev := &toks[t+g-1]
				if prev.Kind == doc.Punct && prev.Norm != "-" && !abbrevDot(toks, t+g-1) {
					break // a gap crosses words and hyphens ("a day-old blockade"), not punctuation
				}
				if prev.Norm != "-" && prev.Norm != "." {
					words++
				}
				if words > maxGap {
					break
				}
			}
			if r := matchFrom(elems, e+1, toks, t+g, end); r >= 0 {
				return r
			}
		}
		return -1
	}
	for k := range el.alts {
		a := &el.alts[k]
		if !altAt(a, toks, t, end) {
			continue
		}
		if r := matchFrom(elems, e+1, toks, t+len(a.toks), end); r >= 0 {
			return r
		}
	}
	return -1
}

// abbrevDot: token j is the full stop of an abbreviation inside the sentence ("U.N.",
// "U.S."): a dot glued to a word that holds a dot itself, with a word after it. A gap crosses
// it ("the return of U.N. weapons inspectors").
func abbrevDot(toks []doc.Token, j int) bool {
	if j == 0 || j+1 >= len(toks) || toks[j].Norm != "." || toks[j-1].End != toks[j].Start || toks[j+1].Kind != doc.Word {
		return false
	}
	return strings.Contains(toks[j-1].Norm, ".")
}

// hit is one pattern matched at tokens [start, end), first element [start, head).
type hit struct {
	p                *pattern
	start, head, end int
}

// scan finds the non-overlapping matches of an index over tokens [from, to): at each
// token the longest match wins; between a verb and a noun of the same length, the noun
// after a determiner ("the attack", "l'attaque") and the verb elsewhere ("did not
// attack", "a attaqué"); then the most specific.
func scan(ix *index, toks []doc.Token, from, to int, nounCtx func(int) bool) []hit {
	var out []hit
	for i := from; i < to; i++ {
		exact, prefix := ix.candidates(toks[i].Norm)
		if exact == nil && prefix == nil {
			continue
		}
		best := hit{start: -1}
		try := func(p *pattern) {
			e, h := matchAt(p, toks, i, to)
			if e < 0 {
				return
			}
			better := best.start < 0 || e > best.end
			if !better && e == best.end {
				if p.noun != best.p.noun {
					better = p.noun == nounCtx(i)
				} else {
					better = p.spec > best.p.spec || (p.spec == best.p.spec && p.line < best.p.line)
				}
			}
			if better {
				best = hit{p: p, start: i, head: h, end: e}
			}
		}
		for _, p := range exact {
			try(p)
		}
		for k := range prefix {
			if prefix[k].may(toks[i].Norm) {
				try(prefix[k].p)
			}
		}
		if best.start >= 0 && !best.p.noun && nounCtx(i) && !objectClitic(toks, i) {
			best.start = -1 // a verb stem after a determiner is a noun we have no trigger for ("la demande mondiale")
		}
		if best.start >= 0 {
			out = append(out, best)
			i = best.end - 1
		}
	}
	return out
}

// objectClitic: French "le/la/les/l'" before a verb as its object pronoun ("il les accuse").
func objectClitic(toks []doc.Token, i int) bool {
	if i < 2 {
		return false
	}
	switch toks[i-1].Norm {
	case "le", "la", "les", "l'", "leur", "lui":
	default:
		return false
	}
	switch toks[i-2].Norm {
	case "il", "elle", "ils", "elles", "on", "qui", "je", "j'", "nous", "vous", "ne", "n'", "se", "s'":
		return true
	}
	return false
}

// scanAll is scan without the overlap rule: every pattern that matches anywhere (cues).
func scanAll(ix *index, toks []doc.Token, from, to int) []hit {
	var out []hit
	for i := from; i < to; i++ {
		exact, prefix := ix.candidates(toks[i].Norm)
		for _, p := range exact {
			if e, h := matchAt(p, toks, i, to); e >= 0 {
				out = append(out, hit{p: p, start: i, head: h, end: e})
			}
		}
		for k := range prefix {
			if !prefix[k].may(toks[i].Norm) {
				continue
			}
			if e, h := matchAt(prefix[k].p, toks, i, to); e >= 0 {
				out = append(out, hit{p: prefix[k].p, start: i, head: h, end: e})
			}
		}
	}
	return out
}
