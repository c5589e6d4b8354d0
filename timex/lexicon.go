package timex

import (
	"embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/griot-project/griot/internal/wordlist"
)

//go:embed data/*.txt
var dataFS embed.FS

// kind is the class of a lexicon word.
type kind uint8

const (
	kMonth kind = iota + 1
	kWeekday
	kNum
	kOrd
	kUnit
	kSeason
	kBefore
	kAfter
	kThis
	kDayrel
	kPod
	kVague
	kSet
	kEvery
	kMod
	kApprox
	kQuant
	kDet
	kSince
	kPrep
	kFuture
	kPast
	kDur
	kHoliday  // a feast with a date: MM-DD, or EASTER / THANKSGIVING
	kLit      // a literal word some grammar starts with ("il", "fiscal", "noon")
	kHyph     // the first part of a hyphenated entry ("week" of "week-end")
	kOtherCal // a month or weekday name of the other language
	kIntent   // a word that looks ahead when "to" follows ("agreed to", "a plan to")
	kPastForm // an irregular simple past, a weak past cue ("bought", "fell")
	kAdjDet   // a determiner or adverb that makes a following -ed word an adjective
	kShift    // a verb that moves a date: "extended to Nov. 16" names the new, later date
	kDeadNoun // a noun after a date that makes it a deadline: "the Jan. 14 deadline"
	kPodNoun  // a noun a part of the day qualifies: "in the morning session" is no time
)

var kindNames = map[string]kind{
	"month": kMonth, "weekday": kWeekday, "num": kNum, "ord": kOrd, "unit": kUnit,
	"season": kSeason, "before": kBefore, "after": kAfter, "this": kThis, "dayrel": kDayrel,
	"pod": kPod, "vague": kVague, "set": kSet, "every": kEvery, "mod": kMod, "approx": kApprox,
	"quant": kQuant, "det": kDet, "since": kSince, "prep": kPrep, "future": kFuture, "past": kPast, "dur": kDur, "lit": kLit, "holiday": kHoliday,
	"intent": kIntent, "pastform": kPastForm, "adjdet": kAdjDet,
	"shift": kShift, "deadnoun": kDeadNoun, "podnoun": kPodNoun,
}

// entry is one reading of a word: its kind, a number (month, weekday, count, offset) and a
// string (unit code, season code, TIMEX3 value, mod).
type entry struct {
	k kind
	n int
	s string
}

// lexicon maps a folded word (hyphenated compounds as "week-end") to its readings.
type lexicon struct {
	words map[string][]entry
	// compound first parts: "week" → true when "week-end" is an entry
	hyph map[string]bool
	// mask has one bit per kind a word has (1<<kind), for a fast first look
	mask map[string]uint64
	// a filter in front of mask, built by index: most tokens are no lexicon word, and
	// two table reads tell so for most of them without hashing the word. lens[b] has bit
	// n set when some word of n bytes (63: 63 or more) starts with byte b; pairs has bit
	// b0<<8|b1 set when some word starts with the bytes b0 b1 (b1 = 0 for a one-byte word).
	lens   [256]uint64
	pairs  [1 << 16 / 64]uint64
	filter *wordlist.Filter // and a hash of the whole word, for the common words lens and pairs let through
}

// index builds the filter of the words of mask; call it once mask is complete.
func (l *lexicon) index() {
	l.lens = [256]uint64{}
	l.pairs = [1 << 16 / 64]uint64{}
	for w := range l.mask {
		if w == "" {
			continue
		}
		l.lens[w[0]] |= 1 << min(len(w), 63)
		p := pairKey(w)
		l.pairs[p>>6] |= 1 << (p & 63)
	}
	l.filter = wordlist.NewFilter(l.mask)
}

func pairKey(w string) int {
	p := int(w[0]) << 8
	if len(w) > 1 {
		p |= int(w[1])
	}
	return p
}

// kinds returns the mask of word w (0 for a word not in the lexicon).
func (l *lexicon) kinds(w string) uint64 {
	if w == "" || l.lens[w[0]]&(1<<min(len(w), 63)) == 0 {
		return 0
	}
	if p := pairKey(w); l.pairs[p>>6]&(1<<(p&63)) == 0 || !l.filter.May(w) {
		return 0
	}
	return l.mask[w]
}

func (l *lexicon) get(w string, k kind) (entry, bool) {
	for _, e := range l.words[w] {
		if e.k == k {
			return e, true
		}
	}
	return entry{}, false
}

func loadLexicon(name string) (*lexicon, error) {
	data, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("timex lexicon %s: %w", name, err)
	}
	l := &lexicon{words: map[string][]entry{}, hyph: map[string]bool{}}
	for ln, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return nil, fmt.Errorf("timex lexicon %s:%d: want at least kind, value and one word", name, ln+1)
		}
		k, ok := kindNames[f[0]]
		if !ok {
			return nil, fmt.Errorf("timex lexicon %s:%d: unknown kind %q", name, ln+1, f[0])
		}
		e := entry{k: k, s: f[1]}
		if n, err := strconv.Atoi(f[1]); err == nil {
			e.n = n
		}
		for _, w := range f[2:] {
			l.words[w] = append(l.words[w], e)
			if i := strings.IndexByte(w, '-'); i > 0 {
				l.hyph[w[:i]] = true
			}
		}
	}
	l.mask = make(map[string]uint64, len(l.words)+len(l.hyph))
	for w, es := range l.words {
		for _, e := range es {
			l.mask[w] |= 1 << e.k
		}
	}
	for w := range l.hyph {
		l.mask[w] |= 1 << kHyph
	}
	return l, nil
}

// addOther marks the month and weekday names of another language ("August" in French text).
func (l *lexicon) addOther(o *lexicon) {
	for w, es := range o.words {
		for _, e := range es {
			if e.k == kMonth || e.k == kWeekday {
				l.mask[w] |= 1 << kOtherCal
			}
		}
	}
}
