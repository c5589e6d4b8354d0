package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// weekday returns the day of the week wd (1 Monday … 7 Sunday) nearest the anchor in the
// direction dir: past (dir <= 0) the last one on or before the anchor, future the next
// one on or after it; strict excludes the anchor day itself ("lundi dernier", "next Monday").
func (sc *scanner) weekday(wd, dir int, strict bool) time.Time {
	a := sc.anchor
	aw := int(a.Weekday())
	if aw == 0 {
		aw = 7
	}
	if dir > 0 {
		delta := (wd - aw + 7) % 7
		if strict && delta == 0 {
			delta = 7
		}
		return a.AddDate(0, 0, delta)
	}
	delta := (aw - wd + 7) % 7
	if strict && delta == 0 {
		delta = 7
	}
	return a.AddDate(0, 0, -delta)
}

// narrativeYear returns the year of the text's current narrative time when the text is
// telling the past: the last month-or-finer date, explicit or relative, within the last
// few sentences, when it lies before the anchor's year.
func (sc *scanner) narrativeYear() (int, int, bool) {
	if sc.lastY == 0 || !sc.lastWasExpl || sc.lastY >= sc.anchor.Year() || sc.sent-sc.lastYSent > 1 {
		return 0, 0, false
	}
	return sc.lastY, sc.lastM, true
}

// resolveMonth gives the year of a month named without one.
func (sc *scanner) resolveMonth(tok, mo, dir int) int {
	a := sc.anchor
	am := int(a.Month())
	switch dir {
	case -1: // février dernier, last February: strictly before
		if mo < am {
			return a.Year()
		}
		return a.Year() - 1
	case -2: // since March: on or before
		if mo <= am {
			return a.Year()
		}
		return a.Year() - 1
	case 2: // by March: on or after, or the month just passed
		if (mo-am+12)%12 == 11 {
			if mo < am {
				return a.Year()
			}
			return a.Year() - 1
		}
		if mo >= am {
			return a.Year()
		}
		return a.Year() + 1
	case 1:
		if mo > am {
			return a.Year()
		}
		return a.Year() + 1
	}
	t := sc.strongTense(tok)
	if t <= 0 {
		if y, m, ok := sc.narrativeYear(); ok {
			if mo < m {
				y++
			}
			if y < a.Year() || y == a.Year() && mo <= am {
				return y
			}
		}
	}
	if t == 0 {
		// only weak cues (an -ed verb, "said", "plans to"): they decide, except that a
		// weak past leaves next month to the future ("orders placed for November
		// deliveries", written in October)
		t = sc.tense(tok)
		if t < 0 && mo == am%12+1 {
			t = 1
		}
	}
	if t > 0 {
		if mo >= am {
			return a.Year()
		}
		return a.Year() + 1
	}
	if t == 0 { // no tense: the past one, unless the month is due within a few months
		switch {
		case mo-am > futureWindow:
			return a.Year() - 1
		case am-mo >= 12-futureWindow:
			return a.Year() + 1
		}
		return a.Year()
	}
	if mo <= am {
		return a.Year()
	}
	return a.Year() - 1
}

// resolveDay gives the year of a day and month named without one.
func (sc *scanner) resolveDay(tok, mo, d, dir int) int {
	a := sc.anchor
	before := func(y int) bool { // (y, mo, d) on or before the anchor
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		return !t.After(a)
	}
	switch dir {
	case -1:
		if before(a.Year()) && !(mo == int(a.Month()) && d == a.Day()) {
			return a.Year()
		}
		return a.Year() - 1
	case -2: // since Oct. 5: on or before
		if before(a.Year()) {
			return a.Year()
		}
		return a.Year() - 1
	case 2: // by Oct. 5: on or after, or a deadline just passed
		if !time.Date(a.Year(), time.Month(mo), d, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0).Before(a) {
			return a.Year()
		}
		return a.Year() + 1
	case 1:
		if !before(a.Year()) {
			return a.Year()
		}
		return a.Year() + 1
	}
	t := sc.strongTense(tok)
	if t <= 0 {
		if y, m, ok := sc.narrativeYear(); ok {
			if mo < m {
				y++
			}
			if before(y) {
				return y
			}
		}
		if t == 0 { // no tense: the last one, unless it is due within a few months
			next := a.Year()
			if before(next) && !(mo == int(a.Month()) && d == a.Day()) {
				next++
			}
			if time.Date(next, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Before(a.AddDate(0, futureWindow, 0)) {
				return next
			}
			return next - 1
		}
		if before(a.Year()) {
			return a.Year()
		}
		return a.Year() - 1
	}
	if before(a.Year()) && !(mo == int(a.Month()) && d == a.Day()) {
		return a.Year() + 1
	}
	return a.Year()
}

// futureWindow is how many months ahead a month named without tense may lie; past it,
// the month is read as the last one.
const futureWindow = 4

var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// season gives the year of a season: r -1 last, +1 next, 0 by tense (this one, or for
// the past the last one begun before the anchor).
func (sc *scanner) season(s string, r, tok int) int {
	a := sc.anchor
	m := int(a.Month())
	st := seasonStart[s]
	cur := m >= st // the season has begun this year
	if s == "WI" {
		cur = m >= 12
	}
	switch r {
	case -1:
		if m >= st+3 {
			return a.Year()
		}
		return a.Year() - 1
	case 1:
		if cur {
			return a.Year() + 1
		}
		return a.Year()
	}
	if sc.lit(tok, "this", "ce", "cet", "cette", "current") {
		return a.Year()
	}
	if sc.tense(tok) > 0 {
		if m >= st+3 {
			return a.Year() + 1
		}
		return a.Year()
	}
	if cur {
		return a.Year()
	}
	return a.Year() - 1
}

// tense returns +1 when the nearest tense cue to token i in its sentence is a future
// ("va", "will", "devrait", a French simple future), -1 for a past cue, 0 without cue.
func (sc *scanner) tense(i int) int { return sc.tenseOf(i, tenseAll) }

// strongTense is tense with auxiliaries and French futures only.
func (sc *scanner) strongTense(i int) int { return sc.tenseOf(i, tenseStrong) }

const (
	tenseAll = iota
	tenseStrong
)

func (sc *scanner) tenseOf(i int, mode int) int {
	strongOnly := mode == tenseStrong
	if !sc.tenseDone {
		sc.cues = sc.cues[:0]
		sc.bounds = sc.bounds[:0]
		for k := sc.s0; k < sc.s1; k++ {
			if d := sc.cueAt(k); d != 0 {
				sc.cues = append(sc.cues, cue{k, d})
			}
			if sc.lang == en && clauseOpener[sc.toks[k].Norm] {
				sc.bounds = append(sc.bounds, k)
			}
		}
		sc.tenseDone = true
	}
	// the nearest cue wins; weak cues (-ed, -ait, plans) count as three times as far as
	// strong ones (auxiliaries, French futures)
	best, bestDist := 0, 1<<30
	for _, c := range sc.cues {
		strong := c.dir == 2 || c.dir == -2
		if strongOnly && !strong {
			continue
		}
		dist := c.tok - i
		if dist < 0 {
			dist = -dist
		}
		if !strong {
			dist *= 3
		}
		// a cue in a later clause ("issued a statement Friday saying … will …") tells
		// that clause's time, not this one's
		for _, b := range sc.bounds {
			if b > i && b < c.tok {
				dist += clausePenalty
				break
			}
		}
		if dist < bestDist || dist == bestDist && (strong && best != 2 && best != -2 || c.dir > 0 && (strong || best != 2 && best != -2)) {
			best, bestDist = c.dir, dist
		}
	}
	switch {
	case best > 0:
		return 1
	case best < 0:
		return -1
	}
	return 0
}

// clauseOpener are English words that open a new clause (reported speech, relatives,
// subordinates); a tense cue past one of them, after the expression, counts as farther.
var clauseOpener = map[string]bool{"saying": true, "that": true, "said": true, "says": true, "which": true, "who": true, "because": true, "if": true, "while": true, "but": true, ";": true}

const clausePenalty = 20

// frFutureStop are lower-case words in -ra that are no simple future.
var frFutureStop = map[string]bool{"extra": true, "opera": true, "camera": true, "contra": true, "cobra": true, "tiara": true, "sierra": true, "mantra": true, "algebra": true, "zebra": true, "era": true, "ultra": true, "para": true, "supra": true, "infra": true, "sutra": true, "agora": true, "flora": true, "cholera": true, "viagra": true}

func (sc *scanner) cueAt(k int) int {
	w := sc.toks[k].Norm
	// the mask holds every kind of the word: the look-ups run only when they can succeed
	if sc.mask[k]&(1<<kFuture) != 0 {
		if _, ok := sc.lx.get(w, kFuture); ok {
			return 2
		}
	}
	if sc.mask[k]&(1<<kPast) != 0 {
		if sc.lang == fr && w == "a" && sc.orig(k) != "a" && sc.orig(k) != "A" {
			return 0 // "à"
		}
		// a participle after "be" is no past: "will be held", "to be met"
		if sc.lang == en && k > sc.s0 && sc.lit(k-1, "be", "been", "being") {
			return 0
		}
		// a past plan looks ahead: "were planning to march Monday", "was due to meet Friday"
		if sc.lang == en && sc.lit(k+1, "planning", "expected", "scheduled", "due", "set", "slated", "poised", "going", "supposed") {
			return 1
		}
		return -2
	}
	if sc.lang == en {
		if sc.mask[k]&(1<<kIntent) != 0 && sc.lit(k+1, "to") {
			return 1 // "agreed to sell it in March"
		}
		if sc.mask[k]&(1<<kPastForm) != 0 {
			// also a participle: "will be paid", "the lost years" are no past
			if k > sc.s0 && (sc.lit(k-1, "be", "been", "being") || sc.mask[k-1]&(1<<kAdjDet) != 0) {
				return 0
			}
			return -1
		}
		switch w {
		case "said", "told", "announced":
			return -1
		case "early":
			// "as early as Tuesday" looks ahead; "the early summer" is no cue
			if k > sc.s0 && sc.lit(k-1, "as") {
				return 1
			}
			return 0
		case "would", "plans", "planned", "planning", "plan", "scheduled", "expected", "due", "postponed", "until", "soon", "starting", "slated", "poised":
			// weak future: a plan or a deadline ("scheduled to close Monday", "as soon as Tuesday")
			return 1
		}
	}
	o := sc.orig(k)
	r, _ := utf8.DecodeRuneInString(o)
	if !unicode.IsLower(r) {
		return 0
	}
	if sc.lang == fr {
		switch {
		case len(w) >= 5 && strings.HasSuffix(w, "ront"):
			return 2
		case len(w) >= 4 && strings.HasSuffix(w, "ra") && !frFutureStop[w]:
			return 2
		case len(w) >= 5 && (strings.HasSuffix(w, "rai") || strings.HasSuffix(w, "rons")):
			return 2
		case w == "prochain" || w == "prochaine" || w == "prochains" || w == "prochaines":
			return 2
		case w == "partir" || w == "jusqu'au" || w == "jusqu'a":
			return 1
		case len(w) >= 5 && (strings.HasSuffix(w, "rait") || strings.HasSuffix(w, "raient")):
			return 0
		case len(w) >= 4 && (strings.HasSuffix(w, "ait") || strings.HasSuffix(w, "aient")):
			return -1
		}
		return 0
	}
	if w == "'ll" {
		return 2
	}
	if (w == "set" || w == "going") && sc.lit(k+1, "to") {
		return 1 // "set to resume Monday", "is going to be"
	}

	if len(w) >= 5 && strings.HasSuffix(w, "ed") && w != "need" && w != "speed" && w != "indeed" && w != "scheduled" {
		// passive or infinitive: "be returned", "to be paid" is no past
		if k > sc.s0 && (sc.toks[k-1].Norm == "be" || sc.toks[k-1].Norm == "been" || sc.toks[k-1].Norm == "being") {
			return 0
		}
		// an adjective: "the increased dividend", "a still unspecified date"
		if k > sc.s0 && sc.mask[k-1]&(1<<kAdjDet) != 0 {
			return 0
		}
		return -1
	}
	return 0
}
