package events

import (
	"bufio"
	"embed"
	"fmt"
	"strings"

	"github.com/griot-project/griot/internal/wordlist"
	"github.com/griot-project/griot/segment"
)

//go:embed data/*.tsv
var dataFS embed.FS

// alt is one alternative of a pattern element: a token sequence whose last token may be a
// prefix (stem*).
type alt struct {
	toks   []string
	prefix bool
}

// elem is one element of a pattern: alternatives, or a gap of up to maxGap words.
type elem struct {
	alts []alt
	gap  bool
}

const maxGap = 3

// pattern is one compiled lexicon line.
type pattern struct {
	lang  string
	typ   string // PLOVER type, or the cue value for cues
	mode  string
	noun  bool
	scope string // cues only
	elems []elem
	recip map[string]bool
	// needRecip: the trigger is an event only with its recipient ("raised the issue with X";
	// "raised taxes" is none): a recipient column ending with "!"
	needRecip bool
	line      int
	spec      int // specificity: number of literal bytes, to prefer the more specific of two matches
}

// index finds the patterns that can start at a token.
type index struct {
	exact  map[string][]*pattern
	prefix map[string][]stemmed // keyed by the first 3 bytes of the stem
	// filter holds the keys above (the exact keys and the 3-byte prefixes): most tokens start
	// no pattern, and a filter test is cheaper than two map look-ups
	filter wordlist.Filter
}

// stemmed is a pattern of a prefix list with the words its first element can start with: a
// token that starts none of them cannot start the pattern (matchAt would fail on its first
// element), so the scans pass it over without reading the pattern. Most prefix candidates
// are such (every "con…" word meets every con* stem).
type stemmed struct {
	p     *pattern
	stems []string // the one-word stems (stem*) of the first element
	words []string // the first word of each of its other alternatives
}

// may reports whether token norm can start one of the first element's alternatives.
func (s *stemmed) may(norm string) bool {
	for _, st := range s.stems {
		if strings.HasPrefix(norm, st) {
			return true
		}
	}
	for _, w := range s.words {
		if norm == w {
			return true
		}
	}
	return false
}

func newIndex() *index {
	return &index{exact: map[string][]*pattern{}, prefix: map[string][]stemmed{}}
}

func (ix *index) add(p *pattern) {
	seen := map[string]bool{}
	var st stemmed
	for _, a := range p.elems[0].alts {
		if len(a.toks) == 1 && a.prefix {
			st.stems = append(st.stems, a.toks[0])
		} else {
			st.words = append(st.words, a.toks[0])
		}
	}
	for _, a := range p.elems[0].alts {
		first := a.toks[0]
		if len(a.toks) == 1 && a.prefix {
			k := first[:min(3, len(first))]
			ix.filter.Add(k)
			if !seen["p"+k] {
				ix.prefix[k] = append(ix.prefix[k], stemmed{p: p, stems: st.stems, words: st.words})
				seen["p"+k] = true
			}
			continue
		}
		ix.filter.Add(first)
		if !seen["e"+first] {
			ix.exact[first] = append(ix.exact[first], p)
			seen["e"+first] = true
		}
	}
}

// candidates returns the patterns that may start with a token of that norm: those keyed
// by the whole token, then those keyed by its first three bytes (two slices of the index,
// not to be changed: copying them into one cost more than matching them).
func (ix *index) candidates(norm string) (exact []*pattern, prefix []stemmed) {
	if ix.filter.May(norm) {
		exact = ix.exact[norm]
	}
	if len(norm) >= 3 && ix.filter.May(norm[:3]) {
		prefix = ix.prefix[norm[:3]]
	}
	return exact, prefix
}

// compilePattern parses the pattern syntax shared by triggers.tsv and cues.tsv.
func compilePattern(src string) ([]elem, int, error) {
	var elems []elem
	spec := 0
	for _, field := range strings.Fields(src) {
		if field == "~" {
			if len(elems) == 0 {
				return nil, 0, fmt.Errorf("pattern %q starts with a gap", src)
			}
			elems = append(elems, elem{gap: true})
			continue
		}
		var e elem
		for _, a := range strings.Split(field, "|") {
			if a == "" {
				return nil, 0, fmt.Errorf("empty alternative in %q", src)
			}
			pre := strings.HasSuffix(a, "*")
			a = strings.TrimSuffix(a, "*")
			if pre && len(a) < 3 {
				return nil, 0, fmt.Errorf("stem %q* in %q is shorter than 3 letters", a, src)
			}
			var toks []string
			if strings.HasSuffix(a, "'") && !strings.ContainsAny(a, " _") {
				toks = []string{a} // an elision ("n'", "l'") is one token
			} else {
				// "s'_est_engage" and "s'est_engage" both mean s' + est + engage: the
				// tokenizer keeps an elision only when a letter follows it
				words := strings.ReplaceAll(strings.ReplaceAll(a, "'_", "'"), "_", " ")
				for _, t := range segment.Tokens(words) {
					toks = append(toks, t.Norm)
				}
			}
			if len(toks) == 0 {
				return nil, 0, fmt.Errorf("alternative %q in %q has no word", a, src)
			}
			// a prefix stem that the tokenizer split (rare) loses its prefix meaning
			e.alts = append(e.alts, alt{toks: toks, prefix: pre})
			spec += len(a)
		}
		spec /= max(1, len(e.alts))
		elems = append(elems, e)
	}
	if len(elems) == 0 {
		return nil, 0, fmt.Errorf("empty pattern")
	}
	if elems[len(elems)-1].gap {
		return nil, 0, fmt.Errorf("pattern %q ends with a gap", src)
	}
	return elems, spec, nil
}

// readTSV calls fn with the fields of every non-comment line of an embedded data file.
func readTSV(name string, fn func(line int, f []string) error) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// words holds the function-word classes of preps.tsv for one language.
type words struct {
	prep   map[string]string // token → canonical preposition
	class  map[string]map[string]bool
	filter *wordlist.Filter // every word of every class: most tokens need no look-up
}

func (w *words) is(class, tok string) bool { return w.filter.May(tok) && w.class[class][tok] }

func loadWords() (map[string]*words, error) {
	out := map[string]*words{}
	err := readTSV("preps.tsv", func(_ int, f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want lang, class, words")
		}
		lang, class := f[0], f[1]
		w := out[lang]
		if w == nil {
			w = &words{prep: map[string]string{}, class: map[string]map[string]bool{}}
			out[lang] = w
		}
		if w.class[class] == nil {
			w.class[class] = map[string]bool{}
		}
		for _, group := range f[2:] {
			canon, forms, ok := strings.Cut(group, ":")
			if !ok {
				forms = group
				canon = ""
			}
			for _, t := range strings.Fields(forms) {
				w.class[class][t] = true
				if class == "prep" {
					c := canon
					if c == "" {
						c = t
					}
					w.prep[t] = c
				}
			}
		}
		return nil
	})
	for _, w := range out {
		w.filter = &wordlist.Filter{}
		for _, m := range w.class {
			for t := range m {
				w.filter.Add(t)
			}
		}
	}
	return out, err
}

// loadLasting reads the event types that last over a period (lasting.tsv).
func loadLasting() (map[string]bool, error) {
	out := map[string]bool{}
	err := readTSV("lasting.tsv", func(_ int, f []string) error {
		if !plover17[f[0]] {
			return fmt.Errorf("unknown type %q", f[0])
		}
		out[f[0]] = true
		return nil
	})
	return out, err
}

var plover17 = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true, "AID": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true, "SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true, "FIGHT": true}

func loadTriggers() (map[string]*index, error) {
	out := map[string]*index{"fr": newIndex(), "en": newIndex()}
	err := readTSV("triggers.tsv", func(n int, f []string) error {
		if len(f) != 6 {
			return fmt.Errorf("want 6 tab-separated columns, got %d", len(f))
		}
		ix := out[f[0]]
		if ix == nil {
			return fmt.Errorf("unknown language %q", f[0])
		}
		if !plover17[f[1]] {
			return fmt.Errorf("unknown PLOVER type %q", f[1])
		}
		if f[3] != "v" && f[3] != "n" {
			return fmt.Errorf("kind must be v or n, got %q", f[3])
		}
		elems, spec, err := compilePattern(f[4])
		if err != nil {
			return err
		}
		p := &pattern{lang: f[0], typ: f[1], mode: f[2], noun: f[3] == "n", elems: elems, line: n, spec: spec, recip: map[string]bool{}}
		if p.mode == "-" {
			p.mode = ""
		}
		if f[5] != "-" {
			if strings.HasSuffix(f[5], "!") {
				p.needRecip = true
				f[5] = strings.TrimSuffix(f[5], "!")
			}
			for _, r := range strings.Split(f[5], ",") {
				p.recip[strings.TrimSpace(r)] = true
			}
		}
		ix.add(p)
		return nil
	})
	return out, err
}

var cueValues = map[string]bool{"demand": true, "reportedfuture": true, "negated": true, "confirm": true, "hedged": true, "future": true, "hypothetical": true, "historical": true, "possible": true, "question": true}
var cueScopes = map[string]bool{"before": true, "after": true, "around": true, "sentence": true, "paragraph": true, "start": true}

func loadCues() (map[string]*index, error) {
	out := map[string]*index{"fr": newIndex(), "en": newIndex()}
	err := readTSV("cues.tsv", func(n int, f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("want 4 tab-separated columns, got %d", len(f))
		}
		ix := out[f[0]]
		if ix == nil {
			return fmt.Errorf("unknown language %q", f[0])
		}
		if !cueValues[f[1]] || !cueScopes[f[2]] {
			return fmt.Errorf("unknown value %q or scope %q", f[1], f[2])
		}
		elems, spec, err := compilePattern(f[3])
		if err != nil {
			return err
		}
		ix.add(&pattern{lang: f[0], typ: f[1], scope: f[2], elems: elems, line: n, spec: spec})
		return nil
	})
	return out, err
}
