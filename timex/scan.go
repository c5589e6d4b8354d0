package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
)

// match is one time expression found at a token range.
type match struct {
	start, end int // token range [start, end)
	typ, val   string
	mod        string
	begin      bool
	// narrative state this expression sets
	day     time.Time // day-precision date (zero when none)
	year    int       // year of a month- or day-precision date
	month   int
	quarter int // with year
	expl    bool
}

// scanner is the state of one document's tagging.
type scanner struct {
	t         *Tagger
	d         *doc.Document
	text      string
	toks      []doc.Token
	lang      int
	lx, other *lexicon
	anchor    time.Time

	mask         []uint64 // lexicon kinds of each token
	curMod       string   // the start/mid/end prefix of the expression being read
	sent, s0, s1 int      // current sentence and its token range
	tenseDone    bool
	cues         []cue
	bounds       []int // tokens that open a clause (English), for tense

	// narrative
	lastDay     time.Time
	lastY       int // year and month of the last month-or-finer date
	lastM       int
	lastYSent   int
	lastQY      int
	lastQ       int
	lastWasExpl bool
	longPeriod  bool // the last reporting period named is longer than a quarter
	lastYear    int  // year of the last date of year precision or finer ("that year")

	out []doc.Timex
}

type cue struct {
	tok, dir int
}

// ---- token helpers ----

func (sc *scanner) norm(i int) string {
	if i < sc.s0 || i >= sc.s1 {
		return ""
	}
	return sc.toks[i].Norm
}

func (sc *scanner) orig(i int) string { return sc.text[sc.toks[i].Start:sc.toks[i].End] }

// adjacent reports whether token i starts right where token i-1 ends.
func (sc *scanner) adjacent(i int) bool {
	return i > 0 && i < len(sc.toks) && sc.toks[i].Start == sc.toks[i-1].End
}

func (sc *scanner) capital(i int) bool {
	r, _ := utf8.DecodeRuneInString(sc.orig(i))
	return unicode.IsUpper(r)
}

// word returns the lexicon key at token i and the token after it: a hyphenated compound
// ("week-end", "apres-midi") written as three adjacent tokens counts as one word.
func (sc *scanner) word(l *lexicon, i int) (string, int) {
	w := sc.norm(i)
	if w == "" {
		return "", i
	}
	if sc.mask[i]&(1<<kHyph) != 0 && l.hyph[w] && i+2 < sc.s1 && sc.toks[i+1].Norm == "-" && sc.adjacent(i+1) && sc.adjacent(i+2) {
		c := w + "-" + sc.toks[i+2].Norm
		if _, ok := l.words[c]; ok {
			return c, i + 3
		}
	}
	return w, i + 1
}

// is looks token i up in the document's lexicon for kind k. The test of the token's mask
// is small enough to be inlined at the many call sites where it fails.
func (sc *scanner) is(i int, k kind) (entry, int, bool) {
	if i < sc.s0 || i >= sc.s1 || sc.mask[i]&(1<<k|1<<kHyph) == 0 {
		return entry{}, i, false
	}
	return sc.isWord(i, k)
}

// isWord is is past the mask test.
func (sc *scanner) isWord(i int, k kind) (entry, int, bool) {
	w, next := sc.word(sc.lx, i)
	if w == "" {
		return entry{}, i, false
	}
	e, ok := sc.lx.get(w, k)
	if !ok && next > i+1 { // the compound is not of this kind: try the plain word
		e, ok = sc.lx.get(sc.norm(i), k)
		next = i + 1
	}
	return e, next, ok
}

func (sc *scanner) lit(i int, words ...string) bool {
	w := sc.norm(i)
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

// digits returns the value of an all-digit number token.
func (sc *scanner) digits(i int) (int, int, bool) {
	if i < sc.s0 || i >= sc.s1 || sc.toks[i].Kind != doc.Number {
		return 0, 0, false
	}
	w := sc.toks[i].Norm
	if len(w) == 0 || len(w) > 6 {
		return 0, 0, false
	}
	n := 0
	for j := 0; j < len(w); j++ {
		if w[j] < '0' || w[j] > '9' {
			return 0, 0, false
		}
		n = n*10 + int(w[j]-'0')
	}
	return n, len(w), true
}

// year reads a four-digit year token.
func (sc *scanner) year(i int) (int, bool) {
	n, l, ok := sc.digits(i)
	if !ok || l != 4 || n < 1000 || n > 2199 {
		return 0, false
	}
	return n, true
}

// day reads a day of the month: 1-31 as digits or an ordinal (1er, 1st, 3rd, 10th, premier).
func (sc *scanner) day(i int) (int, int, bool) {
	if n, l, ok := sc.digits(i); ok && l <= 2 && n >= 1 && n <= 31 {
		return n, i + 1, true
	}
	w := sc.norm(i)
	if w == "" {
		return 0, i, false
	}
	if sc.mask[i]&(1<<kOrd) == 0 {
		// 10th, 21st, 22nd below
	} else if e, ok := sc.lx.get(w, kOrd); ok && e.n >= 1 && e.n <= 31 {
		return e.n, i + 1, true
	}
	// 10th, 21st, 22nd
	if len(w) >= 3 && len(w) <= 4 && w[0] >= '0' && w[0] <= '9' {
		j := 0
		n := 0
		for j < len(w) && w[j] >= '0' && w[j] <= '9' {
			n = n*10 + int(w[j]-'0')
			j++
		}
		switch w[j:] {
		case "th", "st", "nd", "rd", "er", "e":
			if n >= 1 && n <= 31 {
				return n, i + 1, true
			}
		}
	}
	return 0, i, false
}

// number reads a count: digits ("3", "30,4"), or number words ("trois", "dix-huit",
// "twenty four", "vingt et un"). It returns the value as TIMEX3 writes it.
func (sc *scanner) number(i int) (string, int, int, bool) {
	if i < sc.s0 || i >= sc.s1 {
		return "", 0, i, false
	}
	tk := sc.toks[i]
	if tk.Kind == doc.Number {
		w := tk.Norm
		if n, _, ok := sc.digits(i); ok {
			return strconv.Itoa(n), n, i + 1, true
		}
		// decimal 30,4 or 2.5 (not thousands: 1,500 / 3.200 are counts)
		if k := strings.IndexAny(w, ",."); k > 0 && len(w)-k-1 <= 2 && strings.Count(w, ",")+strings.Count(w, ".") == 1 {
			a, err1 := strconv.Atoi(w[:k])
			b, err2 := strconv.Atoi(w[k+1:])
			if err1 == nil && err2 == nil && a < 1000 {
				return w[:k] + "." + w[k+1:], a, i + 1, b >= 0
			}
		}
		return "", 0, i, false
	}
	n, j, any := 0, i, false
	for j < sc.s1 {
		e, next, ok := sc.is(j, kNum)
		if !ok {
			break
		}
		switch {
		case e.n == 100 || e.n == 1000:
			if n == 0 {
				n = 1
			}
			n *= e.n
		case e.n == 20 && n%100 == 4 && any:
			n += 76 // quatre-vingt
		default:
			n += e.n
		}
		any = true
		j = next
		// joiners: dix-huit, twenty-four, vingt et un
		if j+1 < sc.s1 {
			if sc.toks[j].Norm == "-" && sc.adjacent(j) && sc.adjacent(j+1) {
				if _, _, ok := sc.is(j+1, kNum); ok {
					j++
					continue
				}
			}
			if sc.lit(j, "et", "and") {
				if _, _, ok := sc.is(j+1, kNum); ok {
					j++
					continue
				}
			}
		}
	}
	if !any {
		return "", 0, i, false
	}
	return strconv.Itoa(n), n, j, true
}

// month reads a month name of the document's language, or of the other language when
// allowDigits says a day or year number goes with it ("August 10, 2022" in French text).
func (sc *scanner) month(i int, strict bool) (int, int, bool) {
	w := sc.norm(i)
	if w == "" {
		return 0, i, false
	}
	if sc.mask[i]&(1<<kMonth|1<<kOtherCal) == 0 {
		return 0, i, false
	}
	e, ok := sc.lx.get(w, kMonth)
	cross := false
	if !ok {
		if e, ok = sc.other.get(w, kMonth); !ok {
			return 0, i, false
		}
		cross = true
	}
	next := i + 1
	abbrev := len(w) <= 4 && w != "mai" && w != "juin" && w != "aout" && w != "may" && w != "june" && w != "july" && w != "mars"
	if next < sc.s1 && sc.toks[next].Norm == "." && sc.adjacent(next) && abbrev {
		next++
	}
	english := sc.lang == en || cross
	if english && !sc.capital(i) {
		return 0, i, false
	}
	if abbrev || cross || strict {
		// needs a number after it, or before it ("10 Aug.")
		if _, _, ok := sc.digits(next); !ok {
			if _, _, ok := sc.day(next); !ok {
				if _, _, ok := sc.digits(i - 1); !ok || i-1 < sc.s0 {
					return 0, i, false
				}
			}
		}
	}
	return e.n, next, true
}

// notStarter are the kinds that only give context: no grammar begins with them.
const notStarter = 1<<kPrep | 1<<kFuture | 1<<kPast | 1<<kSince | 1<<kIntent | 1<<kPastForm | 1<<kAdjDet | 1<<kShift | 1<<kDeadNoun | 1<<kPodNoun

// starter reports whether some grammar may begin at token i: a lexicon word of a
// starting kind, a number, or a word beginning with a digit (16h, 1990s, 10th).
func (sc *scanner) starter(i int) bool {
	if i < sc.s0 || i >= sc.s1 {
		return false
	}
	if sc.mask[i]&^notStarter != 0 {
		return true
	}
	tk := &sc.toks[i]
	return tk.Kind == doc.Number || tk.Norm != "" && (tk.Norm[0] >= '0' && tk.Norm[0] <= '9' || tk.Norm == "'")
}

// ---- the grammar ----

// at tries every grammar at token i; the longest match wins.
func (sc *scanner) at(i int) (match, bool) {
	// fast path: a token that is no lexicon word and no number starts nothing
	if !sc.starter(i) {
		return match{}, false
	}
	j := i
	mod := ""
	approx := false
	quant := "" // TIMEX3 mod of a bounded quantity: more than, at least, less than
	// prefixes: determiner, approximation, bounds, start/mid/end of a period
	for iter := 0; iter < 4 && j < sc.s1; iter++ {
		if q, n := sc.bound(j); n > j {
			quant, j = q, n
			continue
		}
		if _, next, ok := sc.is(j, kApprox); ok {
			if sc.lang == en && sc.lit(j, "some") {
				if _, _, _, ok := sc.number(j + 1); !ok {
					break
				}
			}
			if sc.lit(j, "pres") {
				if !sc.lit(j+1, "de") {
					break
				}
				next++
			}
			approx, j = true, next
			continue
		}
		if e, next, ok := sc.is(j, kMod); ok {
			k := next
			if k < sc.s1 && sc.toks[k].Norm == "-" && sc.adjacent(k) {
				k++
			}
			if sc.lit(k, "of", "de", "d'", "du", "des", "in") {
				k++
				if _, n2, ok := sc.is(k, kDet); ok {
					k = n2
				}
			} else if e.s != "MID" && (sc.lit(j, "end", "start", "beginning", "middle", "milieu")) {
				break
			}
			mod, j = e.s, k
			continue
		}
		if sc.lang == en && sc.lit(j, "earlier", "later") && (sc.lit(j+1, "this", "that", "in", "last", "next")) {
			if sc.lit(j, "earlier") {
				mod = "START"
			} else {
				mod = "END"
			}
			j++
			if sc.lit(j, "in") {
				j++
			}
			continue
		}
		if sc.lang == en && sc.lit(j, "latest") && sc.lit(j+1, "quarter", "period") {
			j++
			break
		}
		if _, next, ok := sc.is(j, kDet); ok && next < sc.s1 {
			j = next
			continue
		}
		break
	}
	if !sc.starter(j) {
		return match{}, false
	}
	sc.curMod = mod
	best := match{}
	found := false
	try := func(m match, ok bool) {
		if ok && m.end > j && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	try(sc.date(j))
	try(sc.relative(j))
	try(sc.duration(j))
	try(sc.clock(j, time.Time{}))
	if !found {
		return match{}, false
	}
	best.start = i
	// a bare determiner prefix in front of some expressions is not part of them in TimeML
	// ("the" before a year or a weekday); keep "le/la/l'" in French as FR-TimeBank does
	if best.mod == "" {
		best.mod = mod
	}
	if approx && best.mod == "" {
		best.mod = "APPROX"
	}
	if quant != "" && best.mod == "" {
		best.mod = quant
	}
	if i > sc.s0 && best.typ == "DATE" {
		if _, _, ok := sc.is(i-1, kSince); ok {
			best.begin = true
		} else if sc.lit(i-1, "from", "starting") && sc.lang == en {
			best.begin = true
		} else if sc.lit(i-1, "de", "du") && i-1 > sc.s0 && sc.lit(i-2, "partir") {
			best.begin = true
		}
	}
	return best, true
}

func (sc *scanner) emit(m match) {
	if m.start < 0 || m.end > len(sc.toks) || m.start >= m.end {
		return
	}
	s, e := sc.toks[m.start].Start, sc.toks[m.end-1].End
	if s >= e || e > len(sc.text) {
		return
	}
	if n := len(sc.out); n > 0 && sc.out[n-1].End > s {
		return
	}
	sc.out = append(sc.out, doc.Timex{Start: s, End: e, Text: sc.text[s:e], Type: m.typ, Value: m.val, Mod: m.mod, Begin: m.begin})
	if !m.day.IsZero() {
		sc.lastDay = m.day
	}
	if m.year != 0 && m.month != 0 {
		sc.lastY, sc.lastM, sc.lastYSent = m.year, m.month, sc.sent
	}
	if m.year != 0 {
		sc.lastYear = m.year
	}
	if m.month != 0 {
		// the narrative goes on from an explicit date through the dates read from it
		sc.lastWasExpl = m.expl || sc.lastWasExpl && m.year < sc.anchor.Year()
	} else {
		sc.lastWasExpl = false
	}
	if m.quarter != 0 {
		sc.lastQY, sc.lastQ = m.year, m.quarter
		sc.longPeriod = false
	}
	// "for the nine months", "the first six months": results over more than a quarter, so
	// "a year earlier" after them is the year before, not its quarter
	if m.typ == "DURATION" && (m.val == "P6M" || m.val == "P9M") {
		sc.longPeriod = true
	}
}

// refDay is the day an anaphoric or clock expression hangs on: the last dated day of the
// text, else the anchor.
func (sc *scanner) refDay() time.Time {
	if !sc.lastDay.IsZero() {
		return sc.lastDay
	}
	return sc.anchor
}

func dayMatch(start, end int, t time.Time) match {
	return match{start: start, end: end, typ: "DATE", val: t.Format("2006-01-02"), day: t, year: t.Year(), month: int(t.Month())}
}

// withTime extends a day match by a part of the day or a clock time after it
// ("hier matin", "Friday night", "jeudi à 16h 15").
func (sc *scanner) withTime(m match) match {
	k := m.end
	// "Monday and Tuesday nights": the first weekday shares the plural part of the day
	if sc.lang == en && k+2 < sc.s1 && sc.lit(k, "and", "or") {
		if w, ok := sc.lx.get(sc.norm(m.start), kWeekday); ok && m.end == m.start+1 && sc.mask[k+1]&(1<<kWeekday) != 0 && sc.lit(k+2, "nights", "mornings", "afternoons", "evenings") {
			e, _, _ := sc.is(k+2, kPod)
			m.typ, m.val, m.day = "SET", "XXXX-WXX-"+strconv.Itoa(w.n)+"T"+e.s, time.Time{}
			m.year, m.month = 0, 0
			return m
		}
	}
	if e, next, ok := sc.is(k, kPod); ok {
		// "Tuesday nights", "Sunday mornings": every such part of that weekday
		if w, ok := sc.lx.get(sc.norm(m.start), kWeekday); ok && sc.lang == en && sc.lit(k, "nights", "mornings", "afternoons", "evenings") {
			m.end, m.typ, m.val, m.day = next, "SET", "XXXX-WXX-"+strconv.Itoa(w.n)+"T"+e.s, time.Time{}
			m.year, m.month = 0, 0
			return m
		}
		// English "Friday night", "Tuesday morning": the day, as the English corpora
		// mostly date them (evening and afternoon keep their part of the day)
		if sc.lang == en && (e.s == "NI" || e.s == "MO") && sc.mask[m.start]&(1<<kWeekday) != 0 {
			m.end = next
			return m
		}
		m.end, m.typ, m.val = next, "TIME", m.val+"T"+e.s
		return m
	}
	// a clock time right after the day ("Friday 10 a.m.") joins it; after a connector
	// ("jeudi à 16h 15") it is its own TIME expression on the same day, as TimeML marks it
	if c, ok := sc.clock(k, m.day); ok && sc.lang == en {
		c.start = m.start
		c.day = m.day
		return c
	}
	return m
}

// date: absolute dates and bare months, weekdays with a date, numeric dates, years.
func (sc *scanner) date(j int) (match, bool) {
	if m, ok := sc.secondDay(j); ok {
		return m, true
	}
	// "the week of March 6", "la semaine du 6 mars": the week of that day
	if sc.lit(j, "week", "semaine") && sc.lit(j+1, "of", "du") {
		if m, ok := sc.date(j + 2); ok && !m.day.IsZero() && m.typ == "DATE" {
			y, w := m.day.ISOWeek()
			return match{end: m.end, typ: "DATE", val: fmt.Sprintf("%d-W%02d", y, w), year: y}, true
		}
	}
	k := j
	wd := 0
	if e, next, ok := sc.is(k, kWeekday); ok && (sc.lang == fr || sc.capital(k)) {
		wd = e.n
		k = next
		if sc.lit(k, ",") {
			k++
		}
		if sc.lit(k, "the") {
			k++
		}
	} else if sc.lang == fr {
		if e, ok := sc.other.get(sc.norm(k), kWeekday); ok && sc.capital(k) {
			wd = e.n
			k++
			if sc.lit(k, ",") {
				k++
			}
		}
	}
	// day month [year]
	if d, k2, ok := sc.day(k); ok {
		// range: "du 3 au 5 mai", "from 3 to 5 May"
		if sc.lit(k2, "au", "to", "-", "et", "and", "a", "through") {
			if _, k3, ok := sc.day(k2 + 1); ok {
				if mo, _, ok := sc.month(k3, false); ok {
					y, yok := sc.yearAfter(k3 + 1)
					if !yok {
						y = 0
					}
					return sc.dayMonth(j, k2, y, mo, d, wd)
				}
			}
		}
		if sc.lit(k2, "of") {
			k2++
		}
		if mo, k3, ok := sc.month(k2, false); ok {
			y, k4, ok := sc.yearNext(k3)
			if !ok {
				y = 0
			}
			return sc.dayMonth(j, k4, y, mo, d, wd)
		}
	}
	// month day[, year] / month year / month
	if mo, k2, ok := sc.month(k, false); ok {
		if d, k3, ok := sc.day(k2); ok && !sc.lit(k3, "h") && !(sc.lit(k3, ":") && sc.adjacent(k3) && sc.adjacent(k3+1)) {
			if _, _, isUnit := sc.is(k3, kUnit); !isUnit {
				k4 := k3
				if sc.lit(k4, ",") {
					k4++
				}
				if y, ok := sc.year(k4); ok {
					return sc.dayMonth(j, k4+1, y, mo, d, wd)
				}
				return sc.dayMonth(j, k3, 0, mo, d, wd)
			}
		}
		if wd != 0 {
			return match{}, false
		}
		k3 := k2
		if sc.lit(k3, "of", "de", "d'", ",") {
			k3++
		}
		if y, ok := sc.year(k3); ok {
			return match{end: k3 + 1, typ: "DATE", val: ym(y, mo), year: y, month: mo, expl: true}, true
		}
		if sc.lit(k3, "nineteen") {
			if m, ok := sc.date(k3); ok && len(m.val) == 4 {
				y, _ := strconv.Atoi(m.val)
				return match{end: m.end, typ: "DATE", val: ym(y, mo), year: y, month: mo, expl: true}, true
			}
		}
		// "mai de l'année dernière", "May of last year", "February this year"
		if ry, end, ok := sc.relYear(k2); ok && sc.lang == en {
			return match{end: end, typ: "DATE", val: ym(ry, mo), year: ry, month: mo}, true
		}
		if k3 > k2 {
			k4 := k3
			if _, n, ok := sc.is(k4, kDet); ok {
				k4 = n
			}
			if ry, end, ok := sc.relYear(k4); ok {
				return match{end: end, typ: "DATE", val: ym(ry, mo), year: ry, month: mo}, true
			}
		}
		// a bare month: English needs a capital and, for May and March, a temporal context
		if sc.lang == en || sc.lx.words[sc.norm(k)] == nil {
			if !sc.capital(k) {
				return match{}, false
			}
			if sc.lit(k, "may", "march") && !sc.lit(k-1, "in", "of", "since", "until", "by", "from", "last", "next", "this", "early", "late", "mid", "-", "through", "till", "before", "after", "during") {
				return match{}, false
			}
		} else if sc.lit(k, "mars") && sc.capital(k) && k > sc.s0 && !sc.lit(k-1, "en", "de", "depuis", "fin", "debut", "mi", "-", "le", "au", "mois", "d'", "a") {
			return match{}, false
		}
		end := k2
		dir := 0
		if e, n, ok := sc.is(end, kBefore); ok && sc.lang == fr {
			dir, end = e.n, n
		} else if e, n, ok := sc.is(end, kAfter); ok && sc.lang == fr {
			dir, end = e.n, n
		}
		if dir == 0 && j > sc.s0 {
			if e, _, ok := sc.is(j-1, kBefore); ok && sc.lang == en && sc.lit(j-1, "last") {
				dir = e.n
			} else if sc.lit(j-1, "next") {
				dir = 1
			}
		}
		if dir == 0 && sc.afterSince(j) {
			dir = -2
		}
		if dir == 0 && sc.afterDeadline(j) {
			dir = 2
		}
		y := sc.resolveMonth(j, mo, dir)
		return match{end: end, typ: "DATE", val: ym(y, mo), year: y, month: mo}, true
	}
	if wd != 0 {
		return match{}, false
	}
	// numeric dates: 2022-08-10, 10/08/2022, 08/10/2022 (English), 10.08.2022
	if a, la, ok := sc.digits(k); ok && k+4 < sc.s1 {
		sep := sc.norm(k + 1)
		if (sep == "/" || sep == "-" || sep == ".") && sc.norm(k+3) == sep && sc.adjacent(k+1) && sc.adjacent(k+2) && sc.adjacent(k+3) && sc.adjacent(k+4) {
			b, _, ok1 := sc.digits(k + 2)
			c, lc, ok2 := sc.digits(k + 4)
			if ok1 && ok2 {
				var y, mo, d int
				switch {
				case la == 4:
					y, mo, d = a, b, c
				case lc == 4 || lc == 2:
					y = c
					if lc == 2 {
						y = twoDigitYear(c)
					}
					d, mo = a, b
					if sc.lang == en && sep == "/" || d <= 12 && mo > 12 {
						d, mo = b, a
					}
				}
				if validDate(y, mo, d) {
					t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
					m := dayMatch(j, k+5, t)
					m.expl = true
					return sc.withTime(m), true
				}
			}
		}
	}
	// 13.06.2022 as one number token
	if k < sc.s1 && sc.toks[k].Kind == doc.Number && strings.Count(sc.toks[k].Norm, ".") == 2 {
		f := strings.Split(sc.toks[k].Norm, ".")
		d, e1 := strconv.Atoi(f[0])
		mo, e2 := strconv.Atoi(f[1])
		y, e3 := strconv.Atoi(f[2])
		if e1 == nil && e2 == nil && e3 == nil && len(f[0]) <= 2 && len(f[1]) <= 2 {
			if len(f[2]) == 2 {
				y = twoDigitYear(y)
			}
			if validDate(y, mo, d) {
				m := dayMatch(j, k+1, time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC))
				m.expl = true
				return sc.withTime(m), true
			}
		}
	}
	// le 17/06, on 6/17: day and month in figures, after a preposition or article
	if a, la, ok := sc.digits(k); ok && la <= 2 && k+2 < sc.s1 && sc.lit(k+1, "/") && sc.adjacent(k+1) && sc.adjacent(k+2) && j > sc.s0 && sc.lit(j-1, "le", "du", "au", "on", "by", "until", "since", "depuis") {
		if b, lb, ok := sc.digits(k + 2); ok && lb <= 2 && !sc.lit(k+3, "/") {
			d, mo := a, b
			if sc.lang == en {
				d, mo = b, a
			}
			if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
				return sc.dayMonth(j, k+3, 0, mo, d, wd)
			}
		}
	}
	// years
	if y, ok := sc.year(k); ok {
		if !sc.plausibleYear(k, y) {
			return match{}, false
		}
		// the 1988 quarter, the 1989 period: that quarter of the year
		if sc.lang == en && sc.lit(k+1, "quarter", "period") && j > sc.s0 && sc.lit(j-1, "the") {
			if sc.longPeriod && sc.lit(k+1, "period") {
				return match{end: k + 2, typ: "DATE", val: strconv.Itoa(y)}, true
			}
			q := sc.lastQ
			if q == 0 {
				_, q = prevQuarter(sc.anchor)
			}
			return match{end: k + 2, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(q), year: y, quarter: q}, true
		}
		return match{end: k + 1, typ: "DATE", val: strconv.Itoa(y), year: y}, true
	}
	// decades: 1990s, the '90s, années 1990, années 90
	w := sc.norm(k)
	if len(w) == 5 && w[4] == 's' && w[3] == '0' && isDigits(w[:4]) {
		return match{end: k + 1, typ: "DATE", val: w[:3]}, true
	}
	if sc.lit(k, "'") && k+1 < sc.s1 {
		w2 := sc.norm(k + 1)
		if len(w2) == 3 && w2[2] == 's' && w2[1] == '0' && isDigits(w2[:2]) {
			return match{end: k + 2, typ: "DATE", val: "19" + w2[:1]}, true
		}
	}
	if sc.lit(k, "annees") {
		if n, l, ok := sc.digits(k + 1); ok {
			if l == 4 && n%10 == 0 {
				return match{end: k + 2, typ: "DATE", val: strconv.Itoa(n / 10)}, true
			}
			if l == 2 && n%10 == 0 {
				return match{end: k + 2, typ: "DATE", val: strconv.Itoa(twoDigitYear(n) / 10)}, true
			}
		}
	}
	// years in words: nineteen ninety-six, (the year) two thousand
	if sc.lang == en && sc.lit(k, "nineteen") {
		if _, v, end, ok := sc.number(k + 1); ok && v >= 10 && v <= 99 {
			return match{end: end, typ: "DATE", val: strconv.Itoa(1900 + v)}, true
		}
	}
	if sc.lang == en && sc.lit(k, "two") && sc.lit(k+1, "thousand") && k > sc.s0 && sc.lit(k-1, "year") {
		_, v, end, _ := sc.number(k)
		if v >= 2000 && v < 2100 {
			return match{end: end, typ: "DATE", val: strconv.Itoa(v)}, true
		}
	}
	// the nineties, the eighties
	if sc.lang == en && j > sc.s0 && sc.lit(j-1, "the") {
		if d, ok := decadeWords[sc.norm(k)]; ok {
			return match{end: k + 1, typ: "DATE", val: d}, true
		}
	}
	// fiscal 1989
	if sc.lit(k, "fiscal") {
		if y, ok := sc.year(k + 1); ok {
			return match{end: k + 2, typ: "DATE", val: strconv.Itoa(y)}, true
		}
	}
	// l'année 2001, the year 2000
	if e, next, ok := sc.is(k, kUnit); ok && e.s == "Y" {
		if y, ok := sc.year(next); ok {
			return match{end: next + 1, typ: "DATE", val: strconv.Itoa(y)}, true
		}
		if m, ok := sc.date(next); ok && len(m.val) == 4 && sc.lang == en {
			m.start = k
			return m, true
		}
	}
	// centuries: XXe siècle, the 20th century
	if e, next, ok := sc.is(k, kOrd); ok && e.n >= 10 {
		if u, n2, ok := sc.is(next, kUnit); ok && u.s == "CE" {
			return match{end: n2, typ: "DATE", val: strconv.Itoa(e.n - 1)}, true
		}
	}
	if n, _, ok := sc.day(k); ok && n >= 10 {
		if u, n2, ok := sc.is(k+1, kUnit); ok && u.s == "CE" && !strings.HasSuffix(sc.norm(n2-1), "s") {
			return match{end: n2, typ: "DATE", val: strconv.Itoa(n - 1)}, true
		}
	}
	return match{}, false
}

var decadeWords = map[string]string{"twenties": "192", "thirties": "193", "forties": "194", "fifties": "195", "sixties": "196", "seventies": "197", "eighties": "198", "nineties": "199"}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func twoDigitYear(n int) int {
	if n < 30 {
		return 2000 + n
	}
	return 1900 + n
}

func validDate(y, m, d int) bool {
	if y < 1000 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func ym(y, m int) string {
	return strconv.Itoa(y) + "-" + pad2(m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// yearNext reads an optional year after a day-month: ", 2022", "2021", "93".
func (sc *scanner) yearNext(k int) (int, int, bool) {
	k2 := k
	if sc.lit(k2, ",") {
		k2++
	}
	if y, ok := sc.year(k2); ok {
		return y, k2 + 1, true
	}
	if n, l, ok := sc.digits(k); ok && l == 2 && sc.lang == fr {
		if _, _, isUnit := sc.is(k+1, kUnit); !isUnit && !sc.lit(k+1, "h", ":") {
			return twoDigitYear(n), k + 1, true
		}
	}
	return 0, k, false
}

func (sc *scanner) yearAfter(k int) (int, bool) {
	y, _, ok := sc.yearNext(k)
	return y, ok
}

// plausibleYear rules out counts that look like years: "2 000 soldats", "1999 troops" after
// a number, amounts.
func (sc *scanner) plausibleYear(k, y int) bool {
	if k > sc.s0 {
		p := sc.toks[k-1]
		if sc.lit(k-1, "-", "/") && k-1 > sc.s0 {
			if _, ok := sc.year(k - 2); ok {
				return true // 2021-2022
			}
		}
		if sc.lit(k-1, "-") && sc.adjacent(k) && k-1 > sc.s0 && sc.toks[k-2].Kind == doc.Word {
			return true // mid-1996, post-1959
		}
		if p.Kind == doc.Number || sc.lit(k-1, "$", "€", "£", "n°", "no", "number", "numero", "#", "nr", "-") && sc.adjacent(k) {
			return false
		}
		if p.Kind == doc.Number {
			return false
		}
	}
	if k+1 < sc.s1 {
		n := sc.toks[k+1]
		if sc.lit(k+1, "%", "percent", "pc") || sc.lit(k+1, "pour") && sc.lit(k+2, "cent") {
			return false
		}
		if n.Kind == doc.Number && !sc.lit(k+1, ",") {
			return false
		}
	}
	if y < 1800 || y > sc.anchor.Year()+30 {
		return k > sc.s0 && sc.lit(k-1, "en", "in", "since", "depuis", "de", "of", "vers", "around", "until", "jusqu'en", "by", "from", "dès", "des")
	}
	return true
}

// weekdayOf is the day of the week of a date, 1 Monday … 7 Sunday.
func weekdayOf(y, mo, d int) int {
	w := int(time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// dayMonth reads a day and month with or without a year, and the weekday named before it
// (0 if none).
func (sc *scanner) dayMonth(start, end, y, mo, d, wd int) (match, bool) {
	expl := y != 0
	if y == 0 {
		// "15 décembre dernier", "le 6 mai dernier"
		dir := 0
		if e, n, ok := sc.is(end, kBefore); ok && sc.lang == fr {
			dir, end = e.n, n
		} else if e, n, ok := sc.is(end, kAfter); ok && sc.lang == fr {
			dir, end = e.n, n
		}
		if dir == 0 && sc.afterSince(start) {
			dir = -2
		}
		if dir == 0 && (sc.afterDeadline(start) || end < sc.s1 && sc.mask[end]&(1<<kDeadNoun) != 0) {
			dir = 2
		}
		y = sc.resolveDay(start, mo, d, dir)
		// "Saturday, April 25": the year in which that day is that weekday, if it is
		// the one before or after
		if wd != 0 && validDate(y, mo, d) && weekdayOf(y, mo, d) != wd {
			for _, y2 := range []int{y + 1, y - 1} {
				if validDate(y2, mo, d) && weekdayOf(y2, mo, d) == wd {
					y = y2
					break
				}
			}
		}
	}
	if !validDate(y, mo, d) {
		return match{}, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	m := dayMatch(start, end, t)
	m.expl = expl
	return sc.withTime(m), true
}

// secondDay reads the bare second day of "April 24 and 25", "Nov. 3 to 5": a later day of
// the month of the date just read.
func (sc *scanner) secondDay(j int) (match, bool) {
	d, l, ok := sc.digits(j)
	if !ok || l > 2 || d < 1 || d > 31 || j-2 < sc.s0 || !sc.lit(j-1, "and", "to", "through", "or", "-") || sc.lastDay.IsZero() {
		return match{}, false
	}
	n := len(sc.out)
	if n == 0 || sc.out[n-1].End != sc.toks[j-2].End || len(sc.out[n-1].Value) != 10 || sc.starterFor(j+1) {
		return match{}, false
	}
	if _, _, unit := sc.is(j+1, kUnit); unit || sc.lit(j+1, "%", "h", ":", "percent") {
		return match{}, false
	}
	ld := sc.lastDay
	if d <= ld.Day() || !validDate(ld.Year(), int(ld.Month()), d) {
		return match{}, false
	}
	return dayMatch(j, j+1, time.Date(ld.Year(), ld.Month(), d, 0, 0, 0, 0, time.UTC)), true
}

// afterSince reports whether the expression at token j follows "since" or "depuis" (also
// "depuis le 3 mars"): the start of a state that holds now, so a date on or before the anchor.
func (sc *scanner) afterSince(j int) bool {
	if j > sc.s0 && sc.lit(j-1, "since", "depuis") {
		return true
	}
	return j > sc.s0+1 && sc.lit(j-1, "le", "l'") && sc.lit(j-2, "depuis")
}

// afterDeadline reports whether the expression at token j follows a deadline word ("by
// Jan. 14", "until mid-November", "effective Dec. 7", "expire Nov. 6"): a date on or after
// the anchor.
func (sc *scanner) afterDeadline(j int) bool {
	k := j - 1
	// by mid-November, until the end of March (but "by the Feb. 23 accord" is an agent)
	for n := 0; n < 4 && k >= sc.s0 && (sc.lit(k, "-", "mid", "early", "late", "end", "of", "middle", "beginning") || sc.lit(k, "the") && sc.lit(k+1, "end", "middle", "beginning")); n++ {
		k--
	}
	if k > sc.s0 && sc.lang == en && sc.lit(k, "to") && sc.mask[k-1]&(1<<kShift) != 0 {
		return true // "extended to Nov. 16", "postponed to March"
	}
	return k >= sc.s0 && sc.lang == en && sc.lit(k, "by", "until", "till", "effective", "expire", "expires")
}

// dayMonthDir is a day and month with an explicit direction ("last Oct. 23").
func (sc *scanner) dayMonthDir(start, end, mo, d, dir int) (match, bool) {
	y := sc.resolveDay(start, mo, d, dir)
	if !validDate(y, mo, d) {
		return match{}, false
	}
	return sc.withTime(dayMatch(start, end, time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC))), true
}

// bound reads "more than", "at least", "less than", "plus de", "au moins", "moins de",
// "nearly", "presque" before a quantity; it returns the TIMEX3 mod and the next token.
func (sc *scanner) bound(j int) (string, int) {
	mod, next := "", j
	switch sc.norm(j) { // one string switch: this runs at every token that may start something
	case "more", "plus":
		if sc.lit(j+1, "than", "de", "d'") {
			mod, next = "MORE_THAN", j+2
		}
	case "less", "moins":
		if sc.lit(j+1, "than", "de", "d'") {
			mod, next = "LESS_THAN", j+2
		}
	case "at", "au":
		if sc.lit(j+1, "least", "moins") {
			mod, next = "EQUAL_OR_MORE", j+2
		}
	case "no":
		if sc.lit(j+1, "more") && sc.lit(j+2, "than") {
			mod, next = "EQUAL_OR_LESS", j+3
		}
	case "presque":
		mod, next = "LESS_THAN", j+1
	}
	if mod == "" {
		return "", j
	}
	// the words only bound a quantity that follows within three tokens (the cheap word
	// test above runs first: this one reads numbers)
	if !sc.starterFor(j+1) && !sc.starterFor(j+2) && !sc.starterFor(j+3) {
		return "", j
	}
	return mod, next
}

// starterFor reports whether a count starts at token i: a number, a quantity word or an
// article ("trois", "several", "a").
func (sc *scanner) starterFor(i int) bool {
	if !sc.starter(i) {
		return false
	}
	if _, _, _, ok := sc.number(i); ok {
		return true
	}
	_, _, q := sc.is(i, kQuant)
	return q || sc.lit(i, "a", "an", "des", "un", "une")
}

// relYear reads "l'année dernière", "l'an prochain", "cette année", "last year", "this year".
func (sc *scanner) relYear(k int) (int, int, bool) {
	if e, n, ok := sc.is(k, kBefore); ok {
		if u, n2, ok := sc.is(n, kUnit); ok && u.s == "Y" {
			return sc.anchor.Year() + e.n, n2, true
		}
	}
	if _, n, ok := sc.is(k, kThis); ok {
		if u, n2, ok := sc.is(n, kUnit); ok && u.s == "Y" {
			return sc.anchor.Year(), n2, true
		}
	}
	if sc.lit(k, "next") {
		if u, n2, ok := sc.is(k+1, kUnit); ok && u.s == "Y" {
			return sc.anchor.Year() + 1, n2, true
		}
	}
	if u, n, ok := sc.is(k, kUnit); ok && u.s == "Y" {
		if e, n2, ok := sc.is(n, kBefore); ok {
			return sc.anchor.Year() + e.n, n2, true
		}
		if e, n2, ok := sc.is(n, kAfter); ok {
			return sc.anchor.Year() + e.n, n2, true
		}
	}
	return 0, k, false
}
