package places

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/internal/wordlist"
)

// Precision levels of a Location, in the spirit of ACLED's geo_precision.
const (
	PrecTown    = 1 // the town or site itself
	PrecNear    = 2 // near a town, or part of a region around a town
	PrecRegion  = 3 // a region or province, or part of a country ("le nord du Mali")
	PrecCountry = 4 // the country only: never a point
)

// Geocoder is the places stage. It is safe for concurrent use.
type Geocoder struct {
	g      *Gazetteer
	topics map[string]bool // nouns a place after them qualifies (data/topic-nouns.txt)
	seats  map[string]bool // powers a place right after them seats (data/seat-nouns.txt)
	// words that open a clause on a noun (data/relative-openers.txt) and phrases that open
	// an adjunct about another event (data/adjunct-openers.txt, each split in words)
	relatives map[string]bool
	motion    map[string]bool // verbs of fleeing or crossing (data/motion-verbs.txt)
	adjuncts  [][]string
}

// New loads the embedded gazetteer (once per process) and returns the stage.
func New() (*Geocoder, error) {
	g, err := LoadGazetteer()
	if err != nil {
		return nil, err
	}
	topics, err := wordSet("data/topic-nouns.txt")
	if err != nil {
		return nil, err
	}
	seats, err := wordSet("data/seat-nouns.txt")
	if err != nil {
		return nil, err
	}
	relatives, err := wordSet("data/relative-openers.txt")
	if err != nil {
		return nil, err
	}
	b, err := dataFS.ReadFile("data/adjunct-openers.txt")
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	var adjuncts [][]string
	for _, l := range wordlist.Lines(string(b)) {
		adjuncts = append(adjuncts, strings.Fields(l))
	}
	motion, err := wordSet("data/motion-verbs.txt")
	if err != nil {
		return nil, err
	}
	return &Geocoder{g: g, topics: topics, seats: seats, relatives: relatives, motion: motion, adjuncts: adjuncts}, nil
}

// wordSet reads an embedded word list: one folded word a line, # comments.
func wordSet(name string) (map[string]bool, error) {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return wordlist.Set(string(b)), nil
}

// seated reports whether the word right before a place's cue is a power that sits there:
// "the government in", "les autorités à", "the military junta in". Only the word right
// before: "government forces in Gao" are forces in Gao, where their fight is.
func (gc *Geocoder) seated(bare, cue string) bool {
	w := strings.Fields(strings.TrimSuffix(bare, cue))
	return len(w) > 0 && gc.seats[w[len(w)-1]]
}

// typedSpan is the trigger of an event with its PLOVER type.
type typedSpan struct {
	doc.Span
	typ string
}

// between reports whether the trigger of an event of another type than typ lies between
// the trigger and the candidate: "condemned … has been protesting in London" places the
// protest, not the condemnation.
func between(trigs []typedSpan, trigger doc.Span, c cand, typ string) bool {
	for _, o := range trigs {
		if o.typ == typ || o.Overlaps(trigger) {
			continue
		}
		if o.Start >= trigger.End && o.End <= c.textStart || o.End <= trigger.Start && o.Start >= c.end {
			return true
		}
	}
	return false
}

// topical reports whether a topic noun other than the trigger stands in the five words
// before the candidate's place phrase ("the war in Ukraine").
func (gc *Geocoder) topical(d *doc.Document, trigger doc.Span, c cand) bool {
	si := d.SentenceAt(c.start)
	if si < 0 {
		return false
	}
	from := max(d.Sentences[si].Start, c.textStart-48)
	if trigger.End > from && trigger.Start < c.textStart {
		from = max(from, trigger.End) // the trigger itself ("fighting in Gao") is the event
	}
	w := strings.Fields(window(d.Text, from, c.textStart))
	for i := max(0, len(w)-5); i < len(w); i++ {
		if gc.topics[w[i]] {
			return true
		}
	}
	return false
}

// embedded reports whether the trigger, after the candidate, is told in an adjunct about
// another event ("arrêté à Niamey après un mandat d'arrêt", "returned to Ghana despite a
// court order demanding…") or in a clause on another noun ("jailed in Chad over charges
// that rights groups condemned") opened between the place and the trigger: the place is
// the main clause's. A place that opens the sentence before a comma ("À Gao, après
// l'attaque…") says where the whole sentence happens; a clause right after the place is
// about the place ("à Tombouctou, que les djihadistes avaient attaquée").
func (gc *Geocoder) embedded(d *doc.Document, trigger doc.Span, c cand) bool {
	end := max(c.end, c.textEnd)
	if end > trigger.Start {
		return false
	}
	si := d.SentenceAt(c.start)
	if si < 0 {
		return false
	}
	if window(d.Text, d.Sentences[si].Start, c.textStart) == "" && strings.HasPrefix(strings.TrimLeft(d.Text[end:trigger.Start], " "), ",") {
		return false
	}
	w := strings.Fields(window(d.Text, end, trigger.Start))
	for i := range w {
		if i > 0 && gc.relatives[w[i]] {
			return true
		}
		for _, a := range gc.adjuncts {
			if i+len(a) <= len(w) && slices.Equal(w[i:i+len(a)], a) {
				return true
			}
		}
	}
	return false
}

// aside reports whether the trigger is told in an aside set off by dashes or brackets
// ("rockets - delivered by X, the army says - killed five people in Gao") and the
// candidate stands outside it: the place belongs to the clause around the aside.
func aside(d *doc.Document, trigger doc.Span, c cand) bool {
	si := d.SentenceAt(trigger.Start)
	if si < 0 {
		return false
	}
	s := d.Sentences[si]
	end := min(s.End, len(d.Text))
	if trigger.Start < s.Start || trigger.End > end {
		return false // a trigger across a sentence end: no aside to look for
	}
	before, after := d.Text[s.Start:trigger.Start], d.Text[trigger.End:end]
	for _, p := range [][2]string{{" - ", " - "}, {" – ", " – "}, {" — ", " — "}, {"(", ")"}} {
		o := strings.LastIndex(before, p[0])
		if o < 0 || strings.Contains(before[o+len(p[0]):], p[1]) {
			continue
		}
		e := strings.Index(after, p[1])
		if e < 0 {
			continue
		}
		open, closed := s.Start+o, trigger.End+e+len(p[1])
		if c.end <= open || c.start >= closed {
			return true
		}
	}
	return false
}

// trailingClause reports whether a relative clause on another noun opens between the
// trigger and a candidate after it ("s'est retiré de l'exercice, qui devait avoir lieu au
// Niger", "left the talks, which were held in Doha"): the place is that noun's. After a
// violent event only a place reached by fleeing or crossing (data/motion-verbs.txt) is
// left out ("des combats qui ont vu des soldats passer au Niger"): otherwise the place of
// the people attacked is the attack's ("attacked militants who were hiding in Ménaka").
func (gc *Geocoder) trailingClause(d *doc.Document, trigger doc.Span, c cand, violentType bool) bool {
	if c.textStart < trigger.End {
		return false
	}
	w := strings.Fields(window(d.Text, trigger.End, c.textStart))
	for i := range w {
		if !gc.relatives[w[i]] {
			continue
		}
		if !violentType {
			if i > 0 { // a clause right after the trigger is about the event itself
				return true
			}
			continue
		}
		// fleeing or crossing is not where the fighting was, even in a clause on the
		// event itself ("des combats qui ont poussé des milliers de civils à fuir au Niger")
		for _, x := range w[i+1:] {
			if gc.motion[x] {
				return true
			}
		}
		return false
	}
	return false
}

// Gazetteer returns the stage's gazetteer.
func (gc *Geocoder) Gazetteer() *Gazetteer { return gc.g }

// Name is the stage's name.
func (gc *Geocoder) Name() string { return "places" }

// kinds of place candidates
const (
	kTown = iota + 1
	kRegion
	kCountry
)

// cand is a place named in a sentence.
type cand struct {
	start, end int // original byte range of the name
	kind       int
	place      int32  // index of a gazetteer place (kTown)
	region     int32  // index into Regions (kRegion)
	country    string // ISO3
	prec       int    // 0 when the text gives no locative cue
	textStart  int    // start of the whole place phrase ("à 50 km de Gao")
	textEnd    int    // its end when past the name ("the Tillabéri region"), else 0
	cued       bool   // a region cue ("région de", "… region") names it a region
	actorCty   string // the country the actors stage gave this place, "" when none
	capital    bool   // the actors stage read the name as a capital standing for its country
	weak       bool   // the cue says where from, not where ("from Mali", "depuis Gao")
	dest       bool   // English "to": where something is sent ("send aid to Mali")
	unknown    bool   // a name no table knows, after "le village de" / "the town of"
	genitive   bool   // only "de"/"of" before it: "un marché de Kaya"
	guess      bool   // an unknown name after "à" or a part of a town: violent events only
}

// Locative cues, matched as folded key suffixes of the words before a name.
var (
	nearCues = []string{
		"pres de", "pres d", "non loin de", "a proximite de", "aux environs de", "aux alentours de",
		"dans les environs de", "km de", "km d", "kilometres de", "kilometres d", "a la sortie de",
		"en peripherie de", "dans la banlieue de", "a la peripherie de", "au large de",
		"au nord de", "au sud de", "a l est de", "a l ouest de", "au nord est de", "au nord ouest de",
		"au sud est de", "au sud ouest de", "entre",
		"near", "outside", "nearby", "km from", "km outside", "kilometres from", "kilometers from",
		"miles from", "km of", "miles of", "kilometres of", "kilometers of", "north of", "south of",
		"east of", "west of", "northeast of", "northwest of", "southeast of", "southwest of",
		"north east of", "north west of", "south east of", "south west of", "outskirts of", "near the town of",
		"near the city of", "near the village of", "off the coast of", "between", "around", "autour de",
		"autour d", "aux abords de", "aux abords d", "in the vicinity of", "dans la region de la ville de",
	}
	regionCues = []string{
		"region de", "region d", "region du", "province de", "province du", "province d", "prefecture de",
		"departement de", "departement du", "gouvernorat de", "wilaya de", "etat de", "oblast de",
		"region of", "province of", "governorate of", "state of", "oblast of", "bande de",
		"canton de", "canton du", "canton d", "canton of",
	}
	partCues = []string{ // before a country: a part of it
		"nord du", "sud du", "centre du", "est du", "ouest du", "nord est du", "nord ouest du",
		"sud est du", "sud ouest du", "nord de la", "sud de la", "centre de la", "est de la", "ouest de la",
		"nord de l", "sud de l", "centre de l", "est de l", "ouest de l", "nord de", "sud de",
		"northern", "southern", "eastern", "western", "central", "north eastern", "north western",
		"south eastern", "south western", "northeastern", "northwestern", "southeastern", "southwestern",
		"north of", "south of", "east of", "west of", "northeast of", "northwest of", "southeast of", "southwest of",
	}
	atCues = []string{
		"a", "au", "aux", "en", "dans", "sur", "depuis", "dans la ville de", "dans le village de", "la ville de",
		"la localite de", "le village de", "la commune de", "dans la localite de", "dans la commune de",
		"in", "at", "inside", "across", "throughout", "in the town of", "in the city of", "in the village of",
		"the town of", "the city of", "the village of", "from", "in the capital", "dans la capitale", "a la capitale",
	}
	// English destination cues: places of the events of destTypes only
	destCues  = []string{"to"}
	destTypes = map[string]bool{"AID": true, "MOBILIZE": true}
	// cues that make the next capitalised word a settlement even when no table knows it
	settlementCues = []string{"la ville de", "le village de", "la localite de", "la commune de", "la bourgade de",
		"le hameau de", "le campement de", "the town of", "the village of", "the city of", "the settlement of"}
	regionAfter = []string{"region", "province", "strip", "governorate", "state", "oblast", "district", "prefecture"}
	// words after a trigger that make the next place its object ("l'attaque de Kidal")
	objectCues = map[string]bool{"": true, "de": true, "d": true, "du": true, "of": true, "on": true, "contre": true, "sur": true, "against": true, "in": true, "a": true}
	// inner lower-case words allowed inside a multi-word place name
	innerWords = map[string]bool{"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "el": true, "al": true, "d'": true, "l'": true, "n'": true, "sur": true, "am": true, "upon": true, "of": true, "the": true, "en": true, "-": true, "'": true}
	articles   = []string{"la ", "le ", "les ", "l ", "the "}
	// region names that are also common words or wider areas: a region only with a region cue
	genericRegions = map[string]bool{"nord": true, "sud": true, "est": true, "ouest": true, "centre": true, "center": true,
		"central": true, "north": true, "south": true, "east": true, "west": true, "sahel": true, "centre nord": true,
		"centre sud": true, "centre est": true, "centre ouest": true, "nord ouest": true, "nord est": true, "sud ouest": true,
		"sud est": true, "north west": true, "north east": true, "south west": true, "south east": true, "plateau": true,
		"littoral": true, "capital": true, "lagunes": true, "savanes": true, "maritime": true, "oriental": true, "lakes": true,
		"western": true, "eastern": true, "northern": true, "southern": true, "coast": true, "island": true, "islands": true}
)

// hasCue reports whether the folded key text ends with one of cues at a word boundary.
func hasCue(prefix string, cues []string) (string, bool) {
	for _, c := range cues {
		if n := len(prefix) - len(c); n == 0 && prefix == c || n > 0 && prefix[n-1] == ' ' && prefix[n:] == c {
			return c, true
		}
	}
	return "", false
}

// sentenceCands finds the place names of sentence si with their locative cues.
func (gc *Geocoder) sentenceCands(d *doc.Document, si int, blocked []doc.Span, known map[int]placeMention) []cand {
	s := d.Sentences[si]
	var out []cand
	for i := s.Tok0; i < s.Tok1; i++ {
		t := d.Tokens[i]
		if t.Kind != doc.Word || !upperStart(d.Text[t.Start:t.End]) || isBlocked(blocked, t.Start, t.End) {
			continue
		}
		var best cand
		bestJ := -1
		// grow the name while it is the prefix of some gazetteer name; keep the longest hit
		for j := i + 1; j <= min(s.Tok1, i+6) && gc.g.isFirstWord(firstKey(t.Norm)); j++ {
			last := d.Tokens[j-1]
			if j-1 != i && !joinable(d, j-2, j) {
				break
			}
			k := key(d.Text[t.Start:last.End])
			if !gc.g.isFirstWord(k) {
				break
			}
			if last.Kind != doc.Word || !upperStart(d.Text[last.Start:last.End]) {
				continue
			}
			if c, ok := gc.lookup(d, d.Text[t.Start:last.End]); ok {
				c.start, c.end = t.Start, last.End
				best, bestJ = c, j
			}
		}
		if pm, ok := known[t.Start]; ok && (bestJ < 0 || pm.end > best.end) && pm.end <= s.End {
			if c, ok := gc.lookup(d, d.Text[t.Start:pm.end]); ok {
				best = c
			} else {
				best = cand{kind: kTown, place: -1, region: -1}
			}
			best.start, best.end = t.Start, pm.end
			if pm.kind == "country" && best.kind != kCountry {
				best.kind, best.country = kCountry, pm.country
			}
			// a place the actors stage knows, maybe under a longer name than the gazetteer
			bestJ = d.TokenAt(pm.end-1) + 1
		}
		if bestJ < 0 && t.Norm != "" {
			// "dans le village de Solenzo": a settlement the gazetteer lacks
			pre := window(d.Text, max(s.Start, t.Start-40), t.Start)
			if _, ok := hasCue(pre, settlementCues); ok || settlementNoun(pre) > 0 {
				j := i + 1
				for j < s.Tok1 && j < i+4 && joinable(d, j-1, j+1) && d.Tokens[j].Kind == doc.Word && upperStart(d.TokenText(j)) {
					j++
				}
				best = cand{kind: kTown, place: -1, region: -1, start: t.Start, end: d.Tokens[j-1].End, unknown: true}
				bestJ = j
			} else if (partOfTown(pre) || i > s.Tok0 && d.TokenText(i-1) == "à") && !acronymLike(d.TokenText(i)) && !inTimex(d, t.Start) {
				// "la base de Boulkessi", "à Seytenga": a guess, kept for violent events only
				best = cand{kind: kTown, place: -1, region: -1, start: t.Start, end: t.End, unknown: true, guess: true}
				bestJ = i + 1
			}
		}
		if bestJ < 0 {
			continue
		}
		if pm, ok := known[t.Start]; ok && pm.end == best.end {
			best.actorCty = pm.country
			// a town name the actors stage resolved to a country is its government
			best.capital = pm.form == "capital" || pm.kind == "country" && best.kind == kTown
		}
		gc.classify(d, s, &best)
		out = append(out, best)
		i = bestJ - 1
	}
	return out
}

// joinable reports whether tokens [i, j) can form one place name.
// firstKey is the first word of key(norm) for a folded token: most tokens are letters only.
func firstKey(norm string) string {
	for i := 0; i < len(norm); i++ {
		c := norm[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			k := key(norm)
			if j := strings.IndexByte(k, ' '); j >= 0 {
				k = k[:j]
			}
			return k
		}
	}
	return norm
}

func joinable(d *doc.Document, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if d.Tokens[k].Start-d.Tokens[k-1].End > 1 {
			return false
		}
		t := d.Tokens[k]
		w := d.Text[t.Start:t.End]
		if t.Kind == doc.Word && upperStart(w) {
			continue
		}
		if !innerWords[t.Norm] {
			return false
		}
	}
	return true
}

func upperStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isBlocked(bl []doc.Span, s, e int) bool {
	for _, b := range bl {
		if b.Start < e && s < b.End {
			return true
		}
	}
	return false
}

// lookup resolves a name to a candidate without context: a country, a town, or a region.
func (gc *Geocoder) lookup(d *doc.Document, name string) (cand, bool) {
	k := key(name)
	if k == "" {
		return cand{}, false
	}
	if iso := gc.g.countries[k]; iso != "" {
		return cand{kind: kCountry, country: iso, place: -1, region: -1}, true
	}
	if len(gc.g.townsOf(k)) > 0 && !acronymLike(name) && !gc.g.regionFirst(k) {
		return cand{kind: kTown, place: -1, region: -1}, true
	}
	if len(gc.g.regByName[regionKey(k)]) > 0 {
		return cand{kind: kRegion, place: -1, region: -1}, true
	}
	return cand{}, false
}

// window returns the folded key of the text in [a, b), with a moved to a rune start.
func window(text string, a, b int) string {
	for a > 0 && a < len(text) && !utf8.RuneStart(text[a]) {
		a--
	}
	if a >= b {
		return ""
	}
	return key(text[a:b])
}

// classify sets a candidate's precision from the words around it (0: no locative cue).
func (gc *Geocoder) classify(d *doc.Document, s doc.Sentence, c *cand) {
	prefix := window(d.Text, max(s.Start, c.start-64), c.start)
	after := window(d.Text, c.end, min(s.End, c.end+24))
	bare := prefix
	artWords := 0
	for _, a := range articles {
		w := a[:len(a)-1]
		if strings.HasSuffix(bare, " "+w) || bare == w {
			bare = strings.TrimSpace(strings.TrimSuffix(bare, w))
			artWords = 1
			break
		}
	}
	regionNext := false
	wordAfterEnd := 0 // end of the region word after the name ("Tillabéri region")
	for _, w := range regionAfter {
		if after == w || strings.HasPrefix(after, w+" ") {
			regionNext = true
			for ti := d.TokenAt(c.end-1) + 1; ti > 0 && ti < s.Tok1; ti++ {
				if t := d.Tokens[ti]; t.Kind == doc.Word {
					wordAfterEnd = t.End
					break
				}
			}
		}
	}
	c.textStart = c.start
	// mark makes the place phrase start at the cue: walk back over its words
	mark := func(cue string) {
		if cue == "" {
			return
		}
		n := len(strings.Fields(cue)) + artWords
		ti := d.TokenAt(c.start)
		for ti > s.Tok0 && n > 0 {
			ti--
			t := d.Tokens[ti]
			if t.Kind == doc.Word || t.Kind == doc.Number {
				n -= len(strings.Fields(key(d.Text[t.Start:t.End])))
			}
			c.textStart = t.Start
		}
		// "à 50 km de Gao": the phrase starts at the preposition before the distance
		if nt := d.Tokens[ti].Norm; nt == "km" || strings.HasPrefix(nt, "kilo") || strings.HasPrefix(nt, "mile") {
			for steps := 0; ti > s.Tok0 && steps < 4; steps++ {
				ti--
				t := d.Tokens[ti]
				if t.Kind == doc.Number || t.Norm == "a" || t.Norm == "at" || t.Norm == "some" || t.Norm == "about" || t.Norm == "environ" || t.Norm == "une" || t.Norm == "quelque" {
					c.textStart = t.Start
					continue
				}
				break
			}
		}
	}
	atCue, isAt := hasCue(bare, atCues)
	if !isAt && relativeWhere(d.Text[c.end:min(s.End, c.end+10)]) {
		// "Le Mali, où 400 soldats sont déployés", "Kidal, where rebels…": what the
		// relative clause tells happens there
		isAt, atCue = true, ""
	}
	if !isAt && !c.capital {
		// "send food to Mali", "deployed troops to Gao": where aid or forces go, a place of
		// those events only (English has no "au"/"en"); a capital after "to" stays its
		// government ("wrote to Paris")
		if _, ok := hasCue(bare, destCues); ok {
			isAt, atCue, c.dest = true, "to", true
		}
	}
	if isAt && atCue == "a" {
		// French "à" only: English "A France-Africa summit" is no place, nor is the dative
		// "à la Belgique" (a country takes "en" or "au" where something happens)
		ti := d.TokenAt(c.start) - 1 - artWords
		if ti < s.Tok0 || ti < 0 {
			isAt = false
		} else if w := d.Text[d.Tokens[ti].Start:d.Tokens[ti].End]; w != "à" && w != "À" || c.kind == kCountry && artWords > 0 {
			isAt = false
		}
	}
	if _, near := hasCue(bare, nearCues); isAt && !near && (atCue == "from" || atCue == "depuis") {
		c.weak = true
	}
	nearCue, isNear := hasCue(bare, nearCues)
	if isNear && (nearCue == "entre" || nearCue == "between") {
		isNear = false // "entre Paris et Bamako": two governments
	}
	if isAt && atCue != "" && !isNear && gc.seated(bare, atCue) {
		// "accused the government in Niamey": where the accused sits, not where it happened
		return
	}
	if c.capital && (!isAt || c.weak) && !isNear && !partOfTown(bare) {
		// "Paris a condamné", "entre Paris et Bamako": the government, not a place
		return
	}
	switch c.kind {
	case kCountry:
		if cue, ok := hasCue(bare, partCues); ok {
			c.prec = PrecRegion
			mark(cue)
		} else if isAt {
			c.prec = PrecCountry
			mark(atCue)
		}
		// "près de l'Ouganda", "near Mali": somewhere else, close to the country: no place
		return
	}
	k := key(d.Text[c.start:c.end])
	regionCue, isRegionCue := hasCue(bare, regionCues)
	// the name holds its own region word: "Borno State", "Région de Kayes"
	if rk := regionKey(k); rk != k {
		regionNext = true
	}
	c.cued = isRegionCue || regionNext
	if c.kind == kRegion && !c.cued && genericRegions[regionKey(k)] {
		return
	}
	if isRegionCue || regionNext {
		if !isRegionCue && wordAfterEnd > c.end {
			c.textEnd = wordAfterEnd
		}
		if regs := gc.g.regByName[regionKey(k)]; len(regs) > 0 {
			c.kind = kRegion
			c.prec = PrecRegion
			mark(regionCue)
			return
		}
		if c.kind == kTown {
			c.prec = PrecNear
			mark(regionCue)
			return
		}
	}
	if cue, ok := hasCue(bare, nearCues); ok {
		c.prec = PrecNear
		mark(cue)
	} else if isAt {
		if c.kind == kRegion {
			c.prec = PrecRegion
		} else {
			c.prec = PrecTown
		}
		mark(atCue)
	} else if c.kind == kTown && partOfTown(bare) {
		// "un marché de Kaya", "a district of Khartoum": something in the town; a weak
		// cue, after any other ("le maire de Gao" is a title, not a place)
		c.prec = PrecTown
		c.genitive = true
		mark("x x") // "marché de Kaya"
	} else if n := settlementNoun(bare); n > 0 && c.kind == kTown {
		// "la ville frontalière de Bunagana", "the border town of X"
		c.prec = PrecTown
		mark(strings.Repeat("x ", n))
	}
}

// relativeWhere reports whether the text after a place name opens a relative clause on it:
// ", où " or ", where ", or the same without the comma ("flew to Niger where she signed").
func relativeWhere(after string) bool {
	after = strings.TrimPrefix(after, ",")
	return strings.HasPrefix(after, " où ") || strings.HasPrefix(after, " where ")
}

// violent event types: the ones whose unknown place names are worth a guess
var violent = map[string]bool{"ASSAULT": true, "FIGHT": true, "COERCE": true, "MOBILIZE": true, "PROTEST": true}

func inTimex(d *doc.Document, off int) bool {
	for _, t := range d.Timexes {
		if t.Start <= off && off < t.End {
			return true
		}
	}
	return false
}

// townParts before "de"/"of" name a part of a town: "un quartier de Khartoum" is in Khartoum
// even when the actors stage reads Khartoum as the government.
var townParts = map[string]bool{"quartier": true, "quartiers": true, "banlieue": true, "faubourg": true, "district": true,
	"neighbourhood": true, "neighborhood": true, "suburb": true, "suburbs": true, "outskirts": true, "centre": true,
	"center": true, "rues": true, "streets": true, "marche": true, "market": true, "hopital": true, "hospital": true,
	"aeroport": true, "airport": true, "prison": true, "port": true, "gare": true, "station": true, "environs": true,
	"mosquee": true, "mosque": true, "eglise": true, "church": true, "ecole": true, "school": true, "camp": true,
	"base": true, "caserne": true, "barracks": true, "checkpoint": true, "hotel": true, "commissariat": true,
	"restaurant": true, "cafe": true, "bar": true, "stade": true, "stadium": true, "supermarche": true,
	"magasin": true, "shop": true, "banque": true, "bank": true, "gendarmerie": true, "mairie": true}

func partOfTown(prefix string) bool {
	w := strings.Fields(prefix)
	return len(w) >= 2 && (w[len(w)-1] == "de" || w[len(w)-1] == "d" || w[len(w)-1] == "of") && townParts[w[len(w)-2]]
}

var settlementNouns = map[string]bool{"ville": true, "village": true, "localite": true, "commune": true, "bourgade": true,
	"hameau": true, "cite": true, "town": true, "city": true, "settlement": true, "hamlet": true}

// settlementNoun reports how many words of the folded prefix name a settlement just before a
// place: "ville frontalière de" → 3, "town of" → 2; 0 when none does.
func settlementNoun(prefix string) int {
	w := strings.Fields(prefix)
	if len(w) < 2 || w[len(w)-1] != "de" && w[len(w)-1] != "d" && w[len(w)-1] != "of" {
		return 0
	}
	for back := 2; back <= 3 && back <= len(w); back++ {
		if settlementNouns[w[len(w)-back]] {
			return back
		}
	}
	return 0
}

// docCountries counts the countries an article names (through the actors stage and the
// gazetteer's country names): the context for choosing among homonyms.
// placeMention is a mention the actors stage resolved to a place or a country.
type placeMention struct {
	end     int
	kind    string // place or country
	country string
	form    string
}

func (gc *Geocoder) docCountries(d *doc.Document) (map[string]int, []doc.Span, map[int]placeMention) {
	ctx := map[string]int{}
	known := map[int]placeMention{}
	var blocked []doc.Span
	actors := make(map[string]*doc.Actor, len(d.Actors))
	for i := range d.Actors {
		actors[d.Actors[i].ID] = &d.Actors[i]
	}
	for _, m := range d.Mentions {
		a := actors[m.Actor]
		if a == nil {
			if m.Type == "PER" || m.Type == "ORG" {
				blocked = append(blocked, m.Span())
			}
			continue
		}
		switch a.Kind {
		case "country", "place":
			if a.Country != "" {
				ctx[a.Country]++
				if m.Form != "demonym" && m.Form != "role" && m.Form != "pronoun" && m.Form != "flag" && m.Form != "hashtag" && m.Form != "handle" {
					known[m.Start] = placeMention{end: m.End, kind: a.Kind, country: a.Country, form: m.Form}
				}
			}
		case "person", "collective":
			blocked = append(blocked, m.Span())
		case "organization":
			// an unknown capitalised word the actors stage guessed to be an organisation
			// ("x-" ids) may still be a village: the place cues decide
			if !strings.HasPrefix(a.ID, "x-") {
				blocked = append(blocked, m.Span())
			}
		}
	}
	return ctx, blocked, known
}

// Process sets the Location of every event whose sentence says where it happened.
func (gc *Geocoder) Process(d *doc.Document) error {
	if len(d.Events) == 0 || len(d.Sentences) == 0 {
		return nil
	}
	ctx, blocked, known := gc.docCountries(d)
	cache := map[int][]cand{}
	get := func(si int) []cand {
		if cs, ok := cache[si]; ok {
			return cs
		}
		cs := gc.sentenceCands(d, si, blocked, known)
		cache[si] = cs
		return cs
	}
	var dateline *doc.Location
	datelineDone := false
	trigs := make([]typedSpan, 0, len(d.Events))
	for _, e := range d.Events {
		trigs = append(trigs, typedSpan{e.Trigger, e.Type})
	}
	for ei := range d.Events {
		e := &d.Events[ei]
		if e.Trigger.End > len(d.Text) || e.Trigger.Start < 0 {
			return fmt.Errorf("places: event %s: trigger %d-%d outside the text", e.ID, e.Trigger.Start, e.Trigger.End)
		}
		var loc *doc.Location
		spans := []doc.Span{e.Trigger}
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= len(d.Text) && !e.Trigger.Overlaps(doc.Span{Start: m.Start, End: m.End}) {
				spans = append(spans, doc.Span{Start: m.Start, End: m.End})
			}
		}
		for _, sp := range spans {
			si := d.SentenceAt(sp.Start)
			if si < 0 {
				continue
			}
			if loc = gc.choose(d, get(si), sp, ctx, e.Type, trigs); loc != nil {
				break
			}
		}
		if loc == nil {
			if !datelineDone {
				dateline, datelineDone = gc.dateline(d, ctx), true
			}
			if dateline != nil {
				l := *dateline
				loc = &l
			}
		}
		e.Location = loc
	}
	return nil
}

// choose picks the place of an event told at trigger among a sentence's candidates: the
// nearest one with a locative cue, the more precise first when two are close.
func (gc *Geocoder) choose(d *doc.Document, cs []cand, trigger doc.Span, ctx map[string]int, typ string, trigs []typedSpan) *doc.Location {
	type scored struct {
		i     int
		score float64
	}
	var ranked []scored
	for i, c := range cs {
		if c.dest && !destTypes[typ] {
			continue // "spoke to Niger's leader" is no call in Niger
		}
		if c.weak && typ != "RETREAT" {
			continue // "from Mali" places a withdrawal, not a call from Mali
		}
		if c.guess && !violent[typ] {
			continue
		}
		if between(trigs, trigger, c, typ) || gc.topical(d, trigger, c) || gc.embedded(d, trigger, c) ||
			aside(d, trigger, c) || gc.trailingClause(d, trigger, c, violent[typ]) {
			continue
		}
		prec := c.prec
		if prec == 0 {
			// "l'attaque de Kidal", "the attack on Kidal": the place right after the trigger
			// a capital is its government unless the event strikes it ("strikes on Kyiv")
			if c.kind == kTown && (!c.capital || typ == "ASSAULT" || typ == "FIGHT") && c.start >= trigger.End && c.start-trigger.End < 24 {
				gap := window(d.Text, trigger.End, c.start)
				for _, a := range articles {
					gap = strings.TrimSuffix(gap, " "+strings.TrimSpace(a))
				}
				if objectCues[gap] {
					prec = PrecTown
				}
			}
			if prec == 0 {
				continue
			}
			cs[i].prec = prec
		}
		dist := 0
		switch {
		case c.end <= trigger.Start:
			dist = trigger.Start - c.end
		case c.start >= trigger.End:
			dist = c.start - trigger.End
		}
		score := float64(dist) + float64(prec-1)*40
		if c.genitive {
			score += 40 // a real cue first when both are near
		}
		ranked = append(ranked, scored{i, score})
	}
	if len(ranked) == 0 {
		return nil
	}
	sort.SliceStable(ranked, func(a, b int) bool { return ranked[a].score < ranked[b].score })
	// a town's country: prefer the countries of this sentence, then the article's
	local := map[string]int{}
	for k, v := range ctx {
		local[k] = v
	}
	for _, c := range cs {
		if c.kind == kCountry {
			local[c.country] += 10
		}
	}
	// the best candidate that resolves: a name the gazetteer only knows far away ("en
	// Engadine, en Suisse") gives way to the next one
	for _, r := range ranked {
		loc := gc.location(d, cs[r.i], local)
		if c := cs[r.i]; c.kind == kTown && (loc == nil || loc.GeonameID == 0) && (c.unknown || c.actorCty != "") {
			loc = gc.villageArea(d, cs, r.i, local, loc)
		}
		if loc != nil {
			return loc
		}
	}
	return nil
}

// villageArea gives a village that the gazetteer lacks ("dans le village de Kourfeye",
// "à Seytenga") the admin1 of the town or region named right after it ("…, dans la région
// de Tillabéri", "…, près de Djibo", "… near Gao"), and that area's country when no country
// placed it. The village keeps its precision and has no point: only its region is known.
// loc is the village's location without the area (nil when no country was found for it).
func (gc *Geocoder) villageArea(d *doc.Document, cs []cand, i int, ctx map[string]int, loc *doc.Location) *doc.Location {
	c := cs[i]
	if i+1 >= len(cs) {
		return loc
	}
	n := cs[i+1]
	if n.kind == kCountry || n.prec == 0 || n.unknown || n.textStart < c.end {
		return loc
	}
	// only a comma or a locative preposition between them: "…, dans la région de", "…, in the"
	if gap := window(d.Text, c.end, n.textStart); gap != "" {
		for _, a := range articles {
			gap = strings.TrimSuffix(gap, " "+strings.TrimSpace(a))
		}
		if cue, ok := hasCue(gap, atCues); !ok || cue != gap {
			return loc
		}
	}
	area := gc.location(d, n, ctx)
	if area == nil || area.Admin1 == "" || loc != nil && loc.Country != area.Country {
		return loc
	}
	if loc == nil {
		loc = &doc.Location{Text: d.Text[c.textStart:c.end], Name: d.Text[c.start:c.end], Country: area.Country, Precision: c.prec}
	}
	loc.Admin1 = area.Admin1
	if area.Precision <= PrecNear {
		loc.Admin2 = area.Admin2
	}
	return loc
}

// location turns a candidate into a Location.
func (gc *Geocoder) location(d *doc.Document, c cand, ctx map[string]int) *doc.Location {
	g := gc.g
	name := d.Text[c.start:c.end]
	loc := &doc.Location{Text: d.Text[c.textStart:max(c.end, c.textEnd)], Precision: c.prec}
	switch c.kind {
	case kCountry:
		loc.Country = c.country
		loc.Name = g.ctyName[c.country]
		return loc
	case kRegion:
		regs := g.regByName[regionKey(key(name))]
		ri := int32(-1)
		bestN := -1
		for _, r := range regs {
			if n := ctx[g.Regions[r].Country]; n > bestN {
				ri, bestN = r, n
			}
		}
		if ri < 0 || !c.cued && bestN <= 0 && len(regs) > 1 {
			return nil
		}
		r := g.Regions[ri]
		loc.Name, loc.Country, loc.Admin1 = r.Name, r.Country, r.Name
		loc.Lat, loc.Lon = r.Lat, r.Lon
		return loc
	}
	towns := g.townsOf(key(name))
	if c.unknown {
		// its country: the one this sentence names, else the article's main one
		best, n := "", 0
		for k, v := range ctx {
			if v > n || v == n && k < best {
				best, n = k, v
			}
		}
		if best == "" {
			return nil
		}
		loc.Name, loc.Country = name, best
		return loc
	}
	if c.actorCty != "" {
		var in []int32
		for _, i := range towns {
			if g.Place(i).Country == c.actorCty {
				in = append(in, i)
			}
		}
		if len(in) == 0 {
			// known to the actors stage only: its country, no point
			loc.Name, loc.Country = name, c.actorCty
			return loc
		}
		towns = in
	}
	pi := g.Best(towns, ctx)
	if pi < 0 {
		return nil
	}
	p := g.Place(pi)
	if c.actorCty == "" && len(ctx) > 0 && ctx[p.Country] == 0 && p.Pop < 10000 && !exonym(g, key(name), pi) {
		// a village in a country the article never names: more likely another place
		// (or a word) that the gazetteer lacks
		return nil
	}
	loc.GeonameID, loc.Name, loc.Country = p.ID, p.Name, p.Country
	loc.Admin1 = g.Admin1Name(p.Country, p.Admin1)
	loc.Admin2 = p.Admin2
	loc.Lat, loc.Lon = round4(float64(p.Lat)), round4(float64(p.Lon))
	return loc
}

// exonym reports whether k names place pi through the hand-kept exonyms only.
func exonym(g *Gazetteer, k string, pi int32) bool { return key(g.Place(pi).Name) != k }

func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// dateline reads "BAMAKO (Reuters) -", "GAO, Mali, 3 mai (AFP) —" or "KIDAL — " at the start
// of the text: where the reporter writes from. It places an event only when nothing else
// does, and then at the country level (precision 4, no point).
func (gc *Geocoder) dateline(d *doc.Document, ctx map[string]int) *doc.Location {
	// the dateline opens one of the first lines (after a title, maybe)
	off := 0
	for n := 0; n < 3 && off < len(d.Text) && off < 600; n++ {
		line := d.Text[off:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if loc := gc.datelineAt(d, off, line, ctx); loc != nil {
			return loc
		}
		off += len(line) + 1
	}
	return nil
}

// datelineAt reads a dateline at the start of one line: "BAMAKO (Reuters) -", "KIDAL —",
// "Bamako (AFP) -", "Niamey, 3 mai (AFP) -" (mixed case only before an agency in brackets).
func (gc *Geocoder) datelineAt(d *doc.Document, off int, line string, ctx map[string]int) *doc.Location {
	if len(line) > 160 {
		line = line[:160]
	}
	end := strings.IndexAny(line, "(—–,")
	if i := strings.Index(line, " -"); i >= 0 && (end < 0 || i < end) {
		end = i
	}
	if end <= 0 {
		return nil
	}
	word := strings.TrimSpace(line[:end])
	if word == "" || len(word) > 40 || !upperStart(word) {
		return nil
	}
	if strings.ToUpper(word) != word {
		// mixed case: only before "(Agency) -"
		close := strings.Index(line[end:], ")")
		if close < 0 || close > 60 {
			return nil
		}
		rest := strings.TrimLeft(line[end+close+1:], " ")
		if !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "–") {
			return nil
		}
	}
	cands := gc.g.townsOf(key(word))
	if len(cands) == 0 {
		return nil
	}
	pi := gc.g.Best(cands, ctx)
	if pi < 0 {
		return nil
	}
	p := gc.g.Place(pi)
	start := off + strings.Index(line, word)
	return &doc.Location{
		Text:      d.Text[start:start+len(word)] + " (dateline: where the report was filed, not an event place)",
		Name:      gc.g.ctyName[p.Country],
		Country:   p.Country,
		Precision: PrecCountry,
	}
}

// Resolve resolves a bare place name, out of any sentence: a country (precision 4, no
// point), a town (precision 1) or else an admin1 region (precision 3). ctx counts the
// countries of the surrounding text (ISO3 → mentions) for choosing among homonyms; it may
// be nil. Resolve returns nil for a name the gazetteer does not know.
func (gc *Geocoder) Resolve(name string, ctx map[string]int) *doc.Location {
	k := key(name)
	if k == "" {
		return nil
	}
	g := gc.g
	c := cand{start: 0, end: len(name), region: -1, place: -1}
	switch {
	case g.countries[k] != "":
		c.kind, c.country, c.prec = kCountry, g.countries[k], PrecCountry
	case len(g.townsOf(k)) > 0 && !acronymLike(name) && !g.regionFirst(k):
		c.kind, c.prec = kTown, PrecTown
	case len(g.regByName[regionKey(k)]) > 0 && !genericRegions[regionKey(k)]:
		c.kind, c.prec, c.cued = kRegion, PrecRegion, true
	default:
		return nil
	}
	d := &doc.Document{Text: name}
	return gc.location(d, c, ctx)
}
