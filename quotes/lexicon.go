package quotes

import (
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/griot-project/griot/internal/wordlist"
	"github.com/griot-project/griot/normalize"
)

//go:embed data/*.txt
var dataFS embed.FS

// lexicon holds the cue words of one language, folded.
type lexicon struct {
	finite     map[string]string // folded finite form → lemma
	sForm      map[string]string // -s forms of noun-like verbs ("claims", "hopes"): cues only after a subject
	baseForm   map[string]string // base forms of noun-like verbs ("claim", "support"): only after a plural subject
	participle map[string]string // folded past participle → lemma
	aux        map[string]bool
	adverb     map[string]bool
	determiner map[string]bool
	opener     map[string]bool
	according  [][]string       // multi-word markers, folded tokens
	special    map[string]uint8 // the words that open a marker or a frame of their own (one lookup a token): sp… bits
	specialF   *wordlist.Filter // special's keys: most tokens need no lookup
	citing     [][]string
	infinitive map[string]bool            // folded lemmas ("et de poursuivre")
	pronoun    map[string]bool            // singular person pronouns
	plural     map[string]bool            // plural pronouns: no speaker
	thatOnly   map[string]bool            // lemmas that report only with "that"/"que" ("polls show that")
	aboutOnly  map[string]bool            // lemmas that report only with "about"/"of" ("spoke about", not "spoke with")
	incise     map[string]bool            // lemmas that may close a quotation with the speaker after them
	notSpeech  map[string]bool            // objects that make a cue something else ("déclarer la guerre")
	agentless  map[string]bool            // lemmas whose agentless passive still reports ("he is said to", "is expected to")
	raising    map[string]bool            // forms of verbs that hedge their subject's clause ("seems to"); true: only before a raisingNext word
	raiseNext  map[string]bool            // words after a strict raising form that make it one ("appeared to", not "appeared on")
	stance     map[string]bool            // lemmas whose gerund takes its speaker from the noun before ("voters saying", "a sign saying")
	notCue     map[string][]notCue        // lemma → the phrases around it that make it no cue ("continue to", ", compared with")
	afterPron  map[string]bool            // forms that are cues only after a subject pronoun ("it states that", not "in ten states")
	opinionFor map[string]bool            // "Pour l'ONU, …", "For China, …": a known actor's view heading a sentence
	pollPrep   map[string]bool            // "in", "dans": "in the latest poll, …"
	pollNoun   map[string]bool            // poll, survey, sondage
	asked      map[string]bool            // "asked", "interrogé": a question put to someone ("Asked whether …, X said")
	question   map[string]bool            // words that open the question after such a form ("whether", "which", "to")
	nominal    map[string]map[string]bool // noun cue → the words that may follow it ("support" → for; "claims" → that)
	adjective  map[string]bool            // the nominal cues that are adjectives after "be" ("X is eager to …")
}

// notCue is a phrase holding a cue's lemma: words before and after it, folded.
type notCue struct{ before, after []string }

func newLexicon() *lexicon {
	return &lexicon{
		finite: map[string]string{}, participle: map[string]string{}, sForm: map[string]string{}, baseForm: map[string]string{},
		aux: map[string]bool{}, adverb: map[string]bool{}, determiner: map[string]bool{},
		opener: map[string]bool{}, infinitive: map[string]bool{}, pronoun: map[string]bool{}, plural: map[string]bool{},
		incise: map[string]bool{}, notSpeech: map[string]bool{}, thatOnly: map[string]bool{}, aboutOnly: map[string]bool{},
		agentless: map[string]bool{}, raising: map[string]bool{}, raiseNext: map[string]bool{}, stance: map[string]bool{},
		notCue: map[string][]notCue{}, afterPron: map[string]bool{}, opinionFor: map[string]bool{}, pollPrep: map[string]bool{}, pollNoun: map[string]bool{},
		asked: map[string]bool{}, question: map[string]bool{}, nominal: map[string]map[string]bool{}, adjective: map[string]bool{},
	}
}

func readData(name string) ([]string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("quotes: read %s: %w", name, err)
	}
	return wordlist.Lines(string(b)), nil
}

// words splits a folded phrase into the tokens segment would give ("d'apres" → "d'", "apres").
func words(phrase string) []string {
	var out []string
	for _, w := range strings.Fields(normalize.String(phrase)) {
		if i := strings.IndexByte(w, '\''); i > 0 && i < len(w)-1 {
			out = append(out, w[:i+1], w[i+1:])
			continue
		}
		out = append(out, w)
	}
	return out
}

// loadVerbs reads a speech-verb file.
func (l *lexicon) loadVerbs(name string, lang string) error {
	lines, err := readData(name)
	if err != nil {
		return err
	}
	for n, line := range lines {
		lemma, rest, irregular := strings.Cut(line, ":")
		lemma = strings.TrimSpace(lemma)
		thatOnly := strings.HasSuffix(lemma, "^")
		lemma = strings.TrimSuffix(lemma, "^")
		aboutOnly := strings.HasSuffix(lemma, "~")
		lemma = strings.TrimSuffix(lemma, "~")
		noBase := strings.HasSuffix(lemma, "!")
		lemma = strings.TrimSuffix(lemma, "!")
		key := normalize.String(lemma)
		if thatOnly {
			l.thatOnly[key] = true
		}
		if aboutOnly {
			l.aboutOnly[key] = true
		}
		l.infinitive[strings.TrimPrefix(key, "s'")] = true
		if irregular {
			fin, part, _ := strings.Cut(rest, "/")
			for _, f := range strings.Fields(fin) {
				l.finite[normalize.String(f)] = key
			}
			for _, f := range strings.Fields(part) {
				l.participle[normalize.String(f)] = key
			}
			continue
		}
		var fin, part []string
		switch lang {
		case "fr":
			fin, part, err = frenchForms(key)
		default:
			fin, part = englishForms(key, noBase)
			if noBase {
				s, _ := englishS(key)
				l.sForm[s] = key
				l.baseForm[key] = key
			}
		}
		if err != nil {
			return fmt.Errorf("quotes: %s line %d: %w", name, n+1, err)
		}
		for _, f := range fin {
			l.finite[f] = key
		}
		for _, f := range part {
			l.participle[f] = key
		}
	}
	return nil
}

// frenchForms inflects a regular -er verb (folded lemma): third persons of the present,
// imperfect, simple past, future and conditional, the present participle, and the past
// participle. First person singular of the present equals the third.
func frenchForms(lemma string) (fin, part []string, err error) {
	lemma = strings.TrimPrefix(lemma, "s'")
	lemma = strings.TrimPrefix(lemma, "se ")
	if !strings.HasSuffix(lemma, "er") || len(lemma) < 4 {
		return nil, nil, fmt.Errorf("%q is not a regular -er verb: give its forms", lemma)
	}
	st := strings.TrimSuffix(lemma, "er")
	soft := st // before a or o: mange-a, annonc-a (ç folds to c)
	if strings.HasSuffix(st, "g") {
		soft = st + "e"
	}
	fin = []string{st + "e", st + "ent", soft + "ait", soft + "aient", soft + "a", st + "erent",
		st + "era", st + "eront", st + "erait", st + "eraient", soft + "ant"}
	part = []string{st + "e", st + "es", st + "ee"}
	return fin, part, nil
}

// englishS returns the -s form of a regular English verb.
func englishS(lemma string) (string, bool) {
	switch {
	case strings.HasSuffix(lemma, "e"):
		return lemma + "s", true
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "x"):
		return lemma + "es", true
	case len(lemma) > 2 && strings.HasSuffix(lemma, "y") && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		return lemma[:len(lemma)-1] + "ies", true
	}
	return lemma + "s", true
}

// englishForms inflects a regular English verb.
func englishForms(lemma string, noBase bool) (fin, part []string) {
	var s, ed, ing string
	switch {
	case strings.HasSuffix(lemma, "e"):
		s, ed, ing = lemma+"s", lemma+"d", lemma[:len(lemma)-1]+"ing"
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "x"):
		s, ed, ing = lemma+"es", lemma+"ed", lemma+"ing"
	case len(lemma) > 2 && strings.HasSuffix(lemma, "y") && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		// decry → decries, decried
		s, ed, ing = lemma[:len(lemma)-1]+"ies", lemma[:len(lemma)-1]+"ied", lemma+"ing"
	default:
		s, ed, ing = lemma+"s", lemma+"ed", lemma+"ing"
	}
	fin = []string{ed, ing}
	if !noBase {
		// a verb that is also a noun ("claim", "attack") keeps neither its base form nor its
		// -s form, which is the noun's plural ("in ten states", "the attacks")
		fin = append(fin, lemma, s)
	}
	return fin, []string{ed}
}

// loadMarkers reads markers.txt into the two lexicons.
func loadMarkers(fr, en *lexicon) error {
	lines, err := readData("markers.txt")
	if err != nil {
		return err
	}
	for n, line := range lines {
		f := strings.Fields(line)
		if len(f) < 3 {
			return fmt.Errorf("quotes: markers.txt line %d: want KIND LANG words", n+1)
		}
		lang, plural := strings.CutSuffix(f[1], "-plural")
		l := en
		if lang == "fr" {
			l = fr
		}
		w := words(strings.Join(f[2:], " "))
		switch f[0] {
		case "according":
			l.according = append(l.according, w)
		case "citing":
			l.citing = append(l.citing, w)
		case "incise":
			for _, x := range f[2:] {
				l.incise[normalize.String(x)] = true
			}
		case "notspeech":
			for _, x := range f[2:] {
				l.notSpeech[normalize.String(x)] = true
			}
		case "agentless":
			for _, x := range f[2:] {
				l.agentless[normalize.String(x)] = true
			}
		case "stance":
			for _, x := range f[2:] {
				l.stance[normalize.String(x)] = true
			}
		case "raising":
			for _, x := range f[2:] {
				form, strict := strings.CutSuffix(x, "+")
				l.raising[normalize.String(form)] = strict
			}
		case "notcue":
			// "notcue en , *compare with": the starred word is the cue's lemma
			ws := words(strings.Join(f[2:], " "))
			star := -1
			for k, x := range f[2:] {
				if strings.HasPrefix(x, "*") {
					star = k
				}
			}
			if star < 0 || len(ws) != len(f)-2 {
				return fmt.Errorf("quotes: markers.txt line %d: notcue wants one *lemma among single words", n+1)
			}
			lemma := strings.TrimPrefix(ws[star], "*")
			l.notCue[lemma] = append(l.notCue[lemma], notCue{before: ws[:star], after: ws[star+1:]})
		case "afterpronoun", "opinionfor", "pollprep", "pollnoun", "asked", "question":
			m := map[string]map[string]bool{"afterpronoun": l.afterPron, "opinionfor": l.opinionFor, "pollprep": l.pollPrep, "pollnoun": l.pollNoun,
				"asked": l.asked, "question": l.question}[f[0]]
			for _, x := range f[2:] {
				m[normalize.String(x)] = true
			}
		case "nominal", "adjective":
			// "nominal en calls for": the noun, then the words that may follow it; "adjective en
			// eager to": the same after a form of "be", whose subject speaks
			if len(w) < 2 {
				return fmt.Errorf("quotes: markers.txt line %d: nominal wants a noun and what follows it", n+1)
			}
			if l.nominal[w[0]] == nil {
				l.nominal[w[0]] = map[string]bool{}
			}
			for _, x := range w[1:] {
				l.nominal[w[0]][x] = true
			}
			if f[0] == "adjective" {
				l.adjective[w[0]] = true
			}
		case "raisenext":
			for _, x := range f[2:] {
				l.raiseNext[normalize.String(x)] = true
			}
		case "pronoun":
			if plural {
				l.plural[w[0]] = true
			} else {
				l.pronoun[w[0]] = true
			}
		default:
			return fmt.Errorf("quotes: markers.txt line %d: unknown kind %q", n+1, f[0])
		}
	}
	return nil
}

func loadAux(fr, en *lexicon) error {
	lines, err := readData("auxiliaries.txt")
	if err != nil {
		return err
	}
	for n, line := range lines {
		f := strings.Fields(line)
		if len(f) < 3 {
			return fmt.Errorf("quotes: auxiliaries.txt line %d: want KIND LANG words", n+1)
		}
		l := en
		if f[1] == "fr" {
			l = fr
		}
		var m map[string]bool
		switch f[0] {
		case "aux":
			m = l.aux
		case "adverb":
			m = l.adverb
		case "determiner":
			m = l.determiner
		case "opener":
			m = l.opener
		default:
			return fmt.Errorf("quotes: auxiliaries.txt line %d: unknown kind %q", n+1, f[0])
		}
		for _, w := range f[2:] {
			for _, t := range words(w) {
				m[t] = true
			}
		}
	}
	return nil
}

func loadSet(name string) (map[string]bool, error) {
	lines, err := readData(name)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, line := range lines {
		if strings.HasPrefix(line, "evidence ") {
			continue // read by loadTagged
		}
		for _, w := range strings.Fields(line) {
			m[normalize.String(w)] = true
		}
	}
	return m, nil
}

// loadTagged reads the words of the lines of name that start with tag.
func loadTagged(name, tag string) (map[string]bool, error) {
	lines, err := readData(name)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, line := range lines {
		if f := strings.Fields(line); len(f) > 1 && f[0] == tag {
			for _, w := range f[1:] {
				m[normalize.String(w)] = true
			}
		}
	}
	return m, nil
}

func loadMonths() (map[string]int, error) {
	lines, err := readData("months.txt")
	if err != nil {
		return nil, err
	}
	m := map[string]int{}
	for n, line := range lines {
		f := strings.Fields(line)
		num, err := strconv.Atoi(f[0])
		if err != nil || num < 1 || num > 12 || len(f) < 2 {
			return nil, fmt.Errorf("quotes: months.txt line %d: want NUMBER names", n+1)
		}
		for _, w := range f[1:] {
			m[normalize.String(w)] = num
		}
	}
	return m, nil
}

// merge returns a lexicon holding both (for documents of unknown language).
func merge(a, b *lexicon) *lexicon {
	l := newLexicon()
	for _, src := range []*lexicon{a, b} {
		for k, v := range src.finite {
			l.finite[k] = v
		}
		for k, v := range src.sForm {
			l.sForm[k] = v
		}
		for k, v := range src.baseForm {
			l.baseForm[k] = v
		}
		for k, v := range src.participle {
			l.participle[k] = v
		}
		for _, p := range []struct{ dst, src map[string]bool }{
			{l.aux, src.aux}, {l.adverb, src.adverb}, {l.determiner, src.determiner},
			{l.opener, src.opener}, {l.pronoun, src.pronoun}, {l.plural, src.plural},
			{l.incise, src.incise}, {l.thatOnly, src.thatOnly}, {l.aboutOnly, src.aboutOnly}, {l.notSpeech, src.notSpeech}, {l.infinitive, src.infinitive}} {
			for k := range p.src {
				p.dst[k] = true
			}
		}
		for k, v := range src.nominal {
			if l.nominal[k] == nil {
				l.nominal[k] = map[string]bool{}
			}
			for x := range v {
				l.nominal[k][x] = true
			}
		}
		for k, v := range src.notCue {
			l.notCue[k] = append(l.notCue[k], v...)
		}
		for k, v := range src.raising {
			l.raising[k] = l.raising[k] || v
		}
		for _, p := range []struct{ dst, src map[string]bool }{
			{l.agentless, src.agentless}, {l.raiseNext, src.raiseNext}, {l.stance, src.stance}, {l.afterPron, src.afterPron},
			{l.opinionFor, src.opinionFor}, {l.pollPrep, src.pollPrep}, {l.pollNoun, src.pollNoun}, {l.asked, src.asked}, {l.question, src.question},
			{l.adjective, src.adjective}} {
			for k := range p.src {
				p.dst[k] = true
			}
		}
		l.according = append(l.according, src.according...)
		l.citing = append(l.citing, src.citing...)
	}
	return l
}

// bits of lexicon.special
const (
	spAccording uint8 = 1 << iota // the first word of an according marker
	spRaising                     // a raising form ("seems")
	spPoll                        // "in", "dans" before a poll
	spOpinion                     // "pour" heading an opinion
	spCue                         // an auxiliary or a form of a speech verb: cueAt may find a cue here
	spNominal                     // a noun cue ("support for", "claims that")
	spAsked                       // "asked", "interrogé": a question put to someone
)

// index builds the lookups made from the lists once they are loaded.
func (l *lexicon) index() {
	l.special = map[string]uint8{}
	for _, w := range l.according {
		if len(w) > 0 {
			l.special[w[0]] |= spAccording
		}
	}
	for _, p := range []struct {
		m   map[string]bool
		bit uint8
	}{{l.pollPrep, spPoll}, {l.opinionFor, spOpinion}} {
		for w := range p.m {
			l.special[w] |= p.bit
		}
	}
	for w := range l.raising {
		l.special[w] |= spRaising
	}
	for w := range l.nominal {
		l.special[w] |= spNominal
	}
	for w := range l.asked {
		l.special[w] |= spAsked
	}
	for _, m := range []map[string]string{l.finite, l.sForm, l.baseForm, l.participle} {
		for w := range m {
			l.special[w] |= spCue
		}
	}
	for w := range l.aux {
		l.special[w] |= spCue
	}
	l.specialF = wordlist.NewFilter(l.special)
}

// specialOf returns the sp… bits of a folded token.
func (l *lexicon) specialOf(w string) uint8 {
	if !l.specialF.May(w) {
		return 0
	}
	return l.special[w]
}
