package events

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/segment"
)

// matchAtClosure is matchAt as it was written before (one closure calling itself), kept to
// check that the plain functions give the same matches.
func matchAtClosure(p *pattern, toks []doc.Token, i, end int) (int, int) {
	headEnd := -1
	var rec func(e, t int) int
	rec = func(e, t int) int {
		if e == len(p.elems) {
			return t
		}
		el := p.elems[e]
		if el.gap {
			words := 0
			for g := 0; t+g <= end; g++ {
				if g > 0 {
					prev := toks[t+g-1]
					if prev.Kind == doc.Punct && prev.Norm != "-" && !abbrevDot(toks, t+g-1) {
						break
					}
					if prev.Norm != "-" && prev.Norm != "." {
						words++
					}
					if words > maxGap {
						break
					}
				}
				if r := rec(e+1, t+g); r >= 0 {
					return r
				}
			}
			return -1
		}
		for _, a := range el.alts {
			if t+len(a.toks) > end {
				continue
			}
			ok := true
			for k, w := range a.toks {
				n := toks[t+k].Norm
				if k == len(a.toks)-1 && a.prefix {
					if !strings.HasPrefix(n, w) {
						ok = false
					}
				} else if n != w {
					ok = false
				}
				if !ok {
					break
				}
			}
			if !ok {
				continue
			}
			if e == 0 {
				headEnd = t + len(a.toks)
			}
			if r := rec(e+1, t+len(a.toks)); r >= 0 {
				return r
			}
		}
		return -1
	}
	r := rec(0, i)
	if r < 0 {
		return -1, -1
	}
	return r, headEnd
}

// TestMatchAtSameAsClosure tries every trigger and cue pattern at every token of a few
// hand-made runs (gaps, punctuation, abbreviations, hyphens), and the token's candidate
// patterns at every token of the test sentences, with the end at every place after it.
func TestMatchAtSameAsClosure(t *testing.T) {
	trig, err := loadTriggers()
	if err != nil {
		t.Fatal(err)
	}
	cues, err := loadCues()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The U.N. weapons inspectors were not allowed to return, the minister said.",
		"Les manifestants ont de nouveau, selon la police, attaqué le convoi - puis se sont retirés.",
		"They did not, in the end, sign the deal with Russia's state-owned company.",
	}
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if c := strings.Split(sc.Text(), "\t"); len(c) == 6 && !strings.HasPrefix(c[0], "#") {
			texts = append(texts, c[5])
		}
	}
	var pats []*pattern
	for _, m := range []map[string]*index{trig, cues} {
		for _, ix := range m {
			for _, ps := range ix.exact {
				pats = append(pats, ps...)
			}
			for _, ps := range ix.prefix {
				for _, st := range ps {
					pats = append(pats, st.p)
				}
			}
		}
	}
	calls, hits := 0, 0
	try := func(text string, p *pattern, toks []doc.Token, i, end int) {
		e1, h1 := matchAt(p, toks, i, end)
		e2, h2 := matchAtClosure(p, toks, i, end)
		calls++
		if e1 != e2 || h1 != h2 {
			t.Fatalf("%q at %d (end %d), pattern line %d: got %d,%d, closure %d,%d", text, i, end, p.line, e1, h1, e2, h2)
		}
		if e1 >= 0 {
			hits++
		}
	}
	handMade := 3 // texts[:3]
	for ti, text := range texts {
		toks := segment.Tokens(text)
		every := pats
		if ti >= handMade {
			every = nil
		}
		for i := range toks {
			// every pattern up to the end of the hand-made runs; the candidates of the
			// token's index with the end at every place after it
			for _, p := range every {
				try(text, p, toks, i, len(toks))
			}
			for _, m := range []map[string]*index{trig, cues} {
				for _, ix := range m {
					exact, prefix := ix.candidates(toks[i].Norm)
					cands := exact[:len(exact):len(exact)]
					for _, st := range prefix {
						cands = append(cands, st.p)
						// a prefix candidate the scans pass over cannot match here
						if e, _ := matchAt(st.p, toks, i, len(toks)); e >= 0 && !st.may(toks[i].Norm) {
							t.Fatalf("%q at %d: pattern line %d matches but stemmed.may says no", text, i, st.p.line)
						}
					}
					for _, p := range cands {
						for end := i; end < len(toks); end++ {
							try(text, p, toks, i, end)
						}
					}
				}
			}
		}
	}
	if hits < 100 {
		t.Errorf("only %d matches in %d tries: the test does not exercise matchAt", hits, calls)
	}
}
