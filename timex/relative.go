package timex

import (
	"strconv"

	"github.com/griot-project/griot/doc"
	"strings"
	"time"
)

// vagueType is the TIMEX3 type FR-TimeBank and TimeBank give PAST_REF/PRESENT_REF/FUTURE_REF.
func (sc *scanner) vagueType() string {
	if sc.lang == fr {
		return "TIME"
	}
	return "DATE"
}

// relative: yesterday/hier, weekdays, "last week", "l'an dernier", seasons, vague
// references, sets, quarters, anaphors ("le même jour", "la veille"), "il y a trois ans".
func (sc *scanner) relative(j int) (match, bool) {
	// "the day before yesterday", "the day after last Tuesday": a day from a named day
	if sc.lang == en && sc.lit(j, "day") && sc.lit(j+1, "before", "after") && j+2 < sc.s1 && sc.mask[j+2]&(1<<kDayrel|1<<kWeekday|1<<kBefore|1<<kAfter|1<<kMonth) != 0 {
		m, ok := sc.relative(j + 2)
		if d, ok2 := sc.date(j + 2); ok2 && (!ok || d.end > m.end) {
			m, ok = d, true
		}
		if ok && !m.day.IsZero() && m.typ == "DATE" && len(m.val) == 10 {
			n := -1
			if sc.lit(j+1, "after") {
				n = 1
			}
			d := dayMatch(j, m.end, m.day.AddDate(0, 0, n))
			return d, true
		}
	}
	// "the then current chairman", "then-current rules": a present of the past ("then"
	// is no starter word, so the match is "current" alone)
	if sc.lang == en && sc.lit(j, "current") && j > sc.s0 && (sc.lit(j-1, "then") || j > sc.s0+1 && sc.lit(j-1, "-") && sc.lit(j-2, "then")) {
		return match{end: j + 1, typ: "DATE", val: "PAST_REF"}, true
	}
	// hier, demain, today
	if e, next, ok := sc.is(j, kDayrel); ok {
		if sc.lit(j, "aujourd'hui") && sc.lit(next, "encore", "meme") {
			return match{end: next, typ: sc.vagueType(), val: "PRESENT_REF"}, true
		}
		m := dayMatch(j, next, sc.anchor.AddDate(0, 0, e.n))
		// "aujourd'hui vendredi"
		if _, n2, ok := sc.is(next, kWeekday); ok {
			m.end = n2
		}
		return sc.withTime(m), true
	}
	// seasons after a determiner or a preposition: l'été, en hiver, in the summer
	if s, next, ok := sc.is(j, kSeason); ok && j > sc.s0 && (sc.lit(j-1, "l'", "en", "d'", "the", "in", "au", "le", "this") || sc.lit(j-1, "de") && sc.lit(next, "dernier", "prochain") || sc.curMod != "" && j > sc.s0+1 && sc.lit(j-2, "the", "in")) {
		// the winter of 1994, l'été 2021
		k := next
		if sc.lit(k, "of", "de") {
			k++
		}
		if m, ok := sc.date(k); ok && len(m.val) == 4 && isDigits(m.val) {
			return match{end: m.end, typ: "DATE", val: m.val + "-" + s.s}, true
		}
		if b, n2, ok := sc.is(next, kBefore); ok {
			y := sc.season(s.s, b.n, j)
			return match{end: n2, typ: "DATE", val: strconv.Itoa(y) + "-" + s.s}, true
		}
		if a, n2, ok := sc.is(next, kAfter); ok {
			y := sc.season(s.s, a.n, j)
			return match{end: n2, typ: "DATE", val: strconv.Itoa(y) + "-" + s.s}, true
		}
		if sc.lang == fr {
			return match{end: next, typ: "DATE", val: "XXXX-" + s.s}, true
		}
		y := sc.season(s.s, 0, j)
		return match{end: next, typ: "DATE", val: strconv.Itoa(y) + "-" + s.s}, true
	}
	// feasts: Christmas, Noël, Thanksgiving, Easter, New Year's Day
	if m, ok := sc.holiday(j); ok {
		return m, true
	}
	// fixed periods: quinquennat, fortnight
	if e, next, ok := sc.is(j, kDur); ok {
		return match{end: next, typ: "DURATION", val: e.s}, true
	}
	// the weeks ahead, the days ahead: a vague stretch to come
	if sc.lang == en && j > sc.s0 && sc.lit(j-1, "the") && sc.lit(j+1, "ahead") && strings.HasSuffix(sc.norm(j), "s") {
		if u, _, ok := sc.is(j, kUnit); ok {
			if v, ok := durValue("X", u.s); ok {
				return match{end: j + 2, typ: "DURATION", val: v}, true
			}
		}
	}
	// these days, in the near term, the short term
	if sc.lit(j, "these") && sc.lit(j+1, "days") && sc.lang == en {
		return match{end: j + 2, typ: "DATE", val: "PRESENT_REF"}, true
	}
	if sc.lit(j, "near", "short") && sc.lit(j+1, "term") && sc.lang == en {
		return match{end: j + 2, typ: "DATE", val: "FUTURE_REF"}, true
	}
	// mid afternoon, late evening: the part of the narrative day
	if e, next, ok := sc.is(j, kPod); ok && sc.curMod != "" && sc.lang == en {
		day := sc.refDay()
		// mid-afternoon yesterday: the day named right after
		if d, n2, ok := sc.is(next, kDayrel); ok {
			day, next = sc.anchor.AddDate(0, 0, d.n), n2
		}
		return match{end: next, typ: "TIME", val: day.Format("2006-01-02") + "T" + e.s}, true
	}
	// "in the morning", "during the afternoon": that part of the narrative day
	if e, next, ok := sc.is(j, kPod); ok && sc.lang == en && j > sc.s0+1 && sc.lit(j-1, "the") && sc.lit(j-2, "in", "during") && sc.lit(j, "morning", "afternoon", "evening") && !sc.lit(next, "of") && (next >= sc.s1 || sc.mask[next]&(1<<kPodNoun) == 0) {
		return match{end: next, typ: "TIME", val: sc.refDay().Format("2006-01-02") + "T" + e.s}, true
	}
	// tonight
	if sc.lit(j, "tonight") {
		return match{end: j + 1, typ: "TIME", val: sc.anchor.Format("2006-01-02") + "TNI"}, true
	}
	// la nuit, la soirée, le matin (French, after a determiner): the day of the narrative
	if e, next, ok := sc.is(j, kPod); ok && sc.lang == fr && j > sc.s0 {
		if _, _, det := sc.is(j-1, kDet); det {
			if sc.lit(next, "meme") {
				next++
			}
			// la nuit de samedi (à dimanche), la nuit de mardi à mercredi
			if sc.lit(next, "de", "du") {
				if w, n2, ok := sc.is(next+1, kWeekday); ok {
					d := sc.weekday(w.n, sc.tense(j), false)
					end := n2
					if sc.lit(end, "a", "au") {
						if _, n3, ok := sc.is(end+1, kWeekday); ok {
							end = n3
						}
					}
					return match{end: end, typ: "TIME", val: d.Format("2006-01-02") + "T" + e.s, day: d}, true
				}
			}
			return match{end: next, typ: "TIME", val: sc.refDay().Format("2006-01-02") + "T" + e.s}, true
		}
	}
	// weekdays
	if e, next, ok := sc.is(j, kWeekday); ok && (sc.lang == fr || sc.capital(j)) {
		w := sc.norm(j)
		if strings.HasSuffix(w, "s") && w != "thurs" && w != "tues" {
			if sc.lang == en && !sc.lit(j-1, "on") {
				return match{}, false
			}
			return match{end: next, typ: "SET", val: "XXXX-WXX-" + strconv.Itoa(e.n)}, true
		}
		dir, strict := 0, false
		end := next
		if b, n, ok := sc.is(end, kBefore); ok && sc.lang == fr {
			dir, strict, end = b.n, true, n
		} else if a, n, ok := sc.is(end, kAfter); ok && sc.lang == fr {
			dir, strict, end = a.n, true, n
		}
		if dir == 0 {
			dir = sc.tense(j)
			// Wednesday's ruling: a thing done, unless an auxiliary says it is to come
			if sc.lang == en && sc.lit(end, "'s") && sc.strongTense(j) <= 0 {
				dir = -1
			}
		}
		t := sc.weekday(e.n, dir, strict)
		return sc.withTime(dayMatch(j, end, t)), true
	}
	// à ce jour: to date
	if sc.lit(j, "ce") && sc.lit(j+1, "jour") && j > sc.s0 && sc.lit(j-1, "a") && !sc.lit(j+2, "-") {
		return match{end: j + 2, typ: sc.vagueType(), val: "PRESENT_REF"}, true
	}
	// last/next/this/past + weekday, month, unit, season, part of day
	if m, ok := sc.relFirst(j); ok {
		return m, true
	}
	// French postposed: l'an dernier, la semaine prochaine, le mois dernier, l'été dernier
	if u, next, ok := sc.is(j, kUnit); ok {
		if b, n2, ok := sc.is(next, kBefore); ok && !strings.HasSuffix(sc.norm(next), "s") {
			return sc.relUnit(j, n2, u.s, b.n)
		}
		if a, n2, ok := sc.is(next, kAfter); ok && !strings.HasSuffix(sc.norm(next), "s") {
			if u.s == "D" && sc.lang == fr {
				return match{}, false
			}
			return sc.relUnit(j, n2, u.s, a.n)
		}
		// the day before / the day after (English), "le jour même"
		if u.s == "D" && sc.lit(next, "before") && !sc.isStarter(next+1) {
			return dayMatch(j, next+1, sc.refDay().AddDate(0, 0, -1)), true
		}
		if u.s == "D" && sc.lit(next, "after") && !sc.isStarter(next+1) {
			return dayMatch(j, next+1, sc.refDay().AddDate(0, 0, 1)), true
		}
		if u.s == "D" && sc.lit(next, "meme") && j > sc.s0 && sc.lit(j-1, "le") {
			return dayMatch(j, next+1, sc.refDay()), true
		}
		// the quarter, the latest quarter
		if u.s == "Q" && !strings.HasSuffix(sc.norm(j), "s") && j > sc.s0 && sc.lit(j-1, "the", "latest") {
			y, q := sc.lastQY, sc.lastQ
			if q == 0 || sc.lit(j-1, "latest") {
				y, q = prevQuarter(sc.anchor)
			}
			// the quarter a year ago / a year earlier: the same quarter of the year before
			if sc.lit(next, "a") && sc.lit(next+1, "year") && sc.lit(next+2, "ago", "earlier") {
				return match{end: next + 3, typ: "DATE", val: strconv.Itoa(y-1) + "-Q" + strconv.Itoa(q)}, true
			}
			return match{end: next, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(q), year: y, quarter: q}, true
		}
		// in the day / earlier in the day: the narrative day
		if u.s == "D" && j > sc.s0+1 && sc.lit(j-1, "the") && sc.lit(j-2, "in") {
			return dayMatch(j, next, sc.refDay()), true
		}
	}
	// the end of the year, la fin du mois, au début de la semaine: the current one
	if u, next, ok := sc.is(j, kUnit); ok && sc.curMod != "" && (!strings.HasSuffix(sc.norm(j), "s") || sc.norm(j) == "mois") {
		switch u.s {
		case "Y", "M", "W", "Q":
			return sc.relUnit(j, next, u.s, 0)
		}
	}
	// Q3 2022
	if w := sc.norm(j); len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && sc.lang == en {
		q := int(w[1] - '0')
		y, end := sc.anchor.Year(), j+1
		if yy, ok := sc.year(j + 1); ok {
			y, end = yy, j+2
		}
		return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(q), year: y, quarter: q}, true
	}
	// that year, that quarter, later that year: the narrative one
	if sc.lit(j, "that") && sc.lang == en {
		if u, next, ok := sc.is(j+1, kUnit); ok {
			switch {
			case u.s == "Y" && sc.lastYear != 0 && sc.norm(j+1) == "year":
				return match{end: next, typ: "DATE", val: strconv.Itoa(sc.lastYear), year: sc.lastYear}, true
			case u.s == "Q" && sc.lastQ != 0 && sc.norm(j+1) == "quarter":
				return match{end: next, typ: "DATE", val: strconv.Itoa(sc.lastQY) + "-Q" + strconv.Itoa(sc.lastQ), year: sc.lastQY, quarter: sc.lastQ}, true
			}
		}
	}
	// the latest period (of quarterly results)
	if sc.lit(j, "period") && j > sc.s0 && sc.lit(j-1, "latest") && sc.lang == en {
		y, q := prevQuarter(sc.anchor)
		return match{end: j + 1, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(q), year: y, quarter: q}, true
	}
	// le même jour, the same day, that day
	if sc.lit(j, "meme", "same", "that") {
		if u, next, ok := sc.is(j+1, kUnit); ok && u.s == "D" && !strings.HasSuffix(sc.norm(j+1), "s") {
			return dayMatch(j, next, sc.refDay()), true
		}
	}
	// la veille, le lendemain
	if sc.lit(j, "veille") && j > sc.s0 && sc.lit(j-1, "la") {
		return dayMatch(j, j+1, sc.refDay().AddDate(0, 0, -1)), true
	}
	if sc.lit(j, "lendemain") {
		return dayMatch(j, j+1, sc.refDay().AddDate(0, 0, 1)), true
	}
	// recent years, recent months: PAST_REF with the unit, as TimeBank mostly marks them
	if sc.lit(j, "recent") {
		if _, next, ok := sc.is(j+1, kUnit); ok {
			return match{end: next, typ: sc.vagueType(), val: "PAST_REF"}, true
		}
	}
	// the corresponding period last year, the same quarter a year earlier: the reporting
	// period a year before
	if sc.lang == en && sc.lit(j, "corresponding", "comparable", "same") && sc.lit(j+1, "period", "quarter") {
		end := j + 2
		if sc.lit(end, "of") {
			end++
		}
		switch {
		case sc.lit(end, "last") && sc.lit(end+1, "year"):
			end += 2
		case sc.lit(end, "a") && sc.lit(end+1, "year") && sc.lit(end+2, "earlier", "ago"):
			end += 3
		default:
			end = 0
		}
		if end > 0 && sc.lastQ != 0 && !sc.longPeriod {
			return match{end: end, typ: "DATE", val: strconv.Itoa(sc.lastQY-1) + "-Q" + strconv.Itoa(sc.lastQ)}, true
		}
	}
	// the year-earlier quarter, year-ago period
	if sc.lit(j, "year") && sc.lit(j+1, "-") && sc.lit(j+2, "earlier", "ago") && sc.adjacent(j+1) {
		end := j + 3
		if sc.lit(end, "quarter", "period", "third", "second", "first", "fourth") {
			if sc.lit(end, "quarter", "period") {
				end++
			} else if sc.lit(end+1, "quarter") {
				end += 2
			}
		}
		// the year-earlier nine months: that length of time
		if end == j+3 {
			if d, ok := sc.duration(end); ok && d.typ == "DURATION" {
				return match{end: d.end, typ: "DURATION", val: d.val}, true
			}
		}
		if sc.lastQ != 0 && !sc.longPeriod {
			return match{end: end, typ: "DATE", val: strconv.Itoa(sc.lastQY-1) + "-Q" + strconv.Itoa(sc.lastQ)}, true
		}
		return match{end: end, typ: "DATE", val: strconv.Itoa(sc.anchor.Year() - 1)}, true
	}
	// sales for the full year: the current one
	if sc.lang == en && sc.lit(j, "full") && sc.lit(j+1, "year") && j > sc.s0 && sc.lit(j-1, "the") && !sc.lit(j+2, "-", "'s", "ended", "ending", "earlier", "ago") {
		if _, _, ok := sc.digits(j + 2); !ok {
			y := sc.anchor.Year()
			return match{end: j + 2, typ: "DATE", val: strconv.Itoa(y), year: y}, true
		}
	}
	// the year ended March 31 (a fiscal year), for the year, of the year (the current one)
	if sc.lang == en && sc.norm(j) == "year" && j > sc.s0 && sc.lit(j-1, "the") && !sc.lit(j+1, "-", "'s", "before", "after", "earlier", "ago", "later") {
		if sc.lit(j+1, "ended", "ending") {
			return match{end: j + 1, typ: "DURATION", val: "P1Y"}, true
		}
		if j-1 > sc.s0 && sc.lit(j-2, "for", "of", "in", "during", "through", "throughout") {
			if _, _, ok := sc.digits(j + 1); !ok {
				y := sc.anchor.Year()
				return match{end: j + 1, typ: "DATE", val: strconv.Itoa(y), year: y}, true
			}
		}
	}
	// the weekend, au cours du week-end
	if u, next, ok := sc.is(j, kUnit); ok && u.s == "WE" && j > sc.s0 && sc.lit(j-1, "the", "le", "du", "au") && !sc.lit(next, "dernier", "prochain") {
		return sc.relUnit(j, next, "WE", 0)
	}
	// current, in future
	if sc.lit(j, "current") && sc.lang == en {
		return match{end: j + 1, typ: "DATE", val: "PRESENT_REF"}, true
	}
	if sc.lit(j, "future") && j > sc.s0 && sc.lit(j-1, "in") && (j+1 >= sc.s1 || sc.toks[j+1].Kind == doc.Punct) {
		return match{end: j + 1, typ: "DATE", val: "FUTURE_REF"}, true
	}
	// the past, the future, the near future, à l'avenir
	if sc.lit(j, "past") && j > sc.s0 && sc.lit(j-1, "the") && !sc.isStarter(j+1) {
		return match{end: j + 1, typ: "DATE", val: "PAST_REF"}, true
	}
	if sc.lit(j, "future") && j > sc.s0 && sc.lit(j-1, "the", "near") {
		return match{end: j + 1, typ: "DATE", val: "FUTURE_REF"}, true
	}
	if sc.lit(j, "near") && sc.lit(j+1, "future") {
		return match{end: j + 2, typ: "DATE", val: "FUTURE_REF"}, true
	}
	if sc.lit(j, "avenir") && j > sc.s0+1 && sc.lit(j-1, "l'") && sc.lit(j-2, "a") {
		return match{end: j + 1, typ: sc.vagueType(), val: "FUTURE_REF"}, true
	}
	if sc.lit(j, "present") && j > sc.s0 && sc.lit(j-1, "a") && sc.orig(j-1) != "a" {
		return match{end: j + 1, typ: sc.vagueType(), val: "PRESENT_REF"}, true
	}
	if sc.lit(j, "soon") && (sc.lit(j-1, "as") || sc.lit(j+1, "after")) {
		return match{}, false
	}
	// "Now, ..." opening a sentence turns the argument, it names no time
	if sc.lang == en && j == sc.s0 && sc.lit(j, "now") && sc.lit(j+1, ",") {
		return match{}, false
	}
	if e, next, ok := sc.is(j, kVague); ok {
		return match{end: next, typ: sc.vagueType(), val: e.s}, true
	}
	// daily, annuel
	if e, next, ok := sc.is(j, kSet); ok {
		return match{end: next, typ: "SET", val: e.s}, true
	}
	// every day, chaque année, tous les jours, every Monday
	if _, next, ok := sc.is(j, kEvery); ok {
		k := next
		if sc.lit(k, "les") {
			k++
		} else if sc.lit(j, "tous", "toutes") {
			return match{}, false
		}
		n := "1"
		if v, _, k2, ok := sc.number(k); ok {
			n, k = v, k2
		}
		if u, k2, ok := sc.is(k, kUnit); ok {
			if v, ok := durValue(n, u.s); ok {
				return match{end: k2, typ: "SET", val: v}, true
			}
		}
		if w, k2, ok := sc.is(k, kWeekday); ok {
			return match{end: k2, typ: "SET", val: "XXXX-WXX-" + strconv.Itoa(w.n)}, true
		}
		// each July, chaque mois d'août
		if sc.lit(k, "mois") && sc.lit(k+1, "de", "d'") {
			k += 2
		}
		if mo, k2, ok := sc.month(k, false); ok {
			return match{end: k2, typ: "SET", val: "XXXX-" + pad2(mo)}, true
		}
		return match{}, false
	}
	// quarters and halves: the third quarter, third-quarter, le troisième trimestre
	{
		k := j
		if sc.lit(k, "fiscal") {
			k++
		}
		preY := 0
		if yy, ok := sc.year(k); ok {
			if _, _, ok := sc.is(k+1, kOrd); ok {
				preY = yy
				k++
			}
		}
		if o, next, ok := sc.is(k, kOrd); ok && o.n >= 1 && o.n <= 4 {
			k2 := next
			if sc.lit(k2, "-") {
				k2++
			}
			if sc.lit(k2, "fiscal") {
				k2++
			}
			if u, k3, ok := sc.is(k2, kUnit); ok && (u.s == "Q" || u.s == "HALF") && !strings.HasSuffix(sc.norm(k2), "s") {
				if u.s == "HALF" && o.n > 2 {
					return match{}, false
				}
				y := preY
				end := k3
				if y != 0 {
				} else if sc.lit(end, "of", "de", "du") {
					if yy, ok := sc.year(end + 1); ok {
						y, end = yy, end+2
					}
				} else if yy, ok := sc.year(end); ok {
					y, end = yy, end+1
				}
				if y == 0 {
					y = sc.anchor.Year()
					cur := (int(sc.anchor.Month())-1)/3 + 1
					if u.s == "Q" && o.n > cur && sc.tense(j) <= 0 {
						y--
					}
				}
				if u.s == "HALF" {
					return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-H" + strconv.Itoa(o.n)}, true
				}
				return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(o.n), year: y, quarter: o.n}, true
			}
		}
	}
	// il y a trois ans → the year three years before the anchor
	if sc.lit(j, "il") && sc.lit(j+1, "y") && sc.lit(j+2, "a") {
		k := j + 3
		n, nv, k2, ok := sc.number(k)
		if !ok {
			if _, k3, ok := sc.is(k, kQuant); ok {
				if _, k4, ok := sc.is(k3, kUnit); ok {
					return match{end: k4, typ: "DATE", val: "PAST_REF"}, true
				}
			}
			return match{}, false
		}
		_ = n
		if u, k3, ok := sc.is(k2, kUnit); ok {
			return sc.ago(j, k3, nv, u.s)
		}
	}
	return match{}, false
}

// isStarter reports whether token i could begin a time expression (for "the day before X").
func (sc *scanner) isStarter(i int) bool {
	if i >= sc.s1 {
		return false
	}
	if _, _, ok := sc.digits(i); ok {
		return true
	}
	w := sc.norm(i)
	for _, e := range sc.lx.words[w] {
		switch e.k {
		case kMonth, kWeekday, kNum, kUnit, kDayrel, kDet, kThis, kBefore, kAfter:
			return true
		}
	}
	return false
}

// relFirst: last/next/this/past/coming + weekday, month, unit, season or part of day.
func (sc *scanner) relFirst(j int) (match, bool) {
	r := 0
	next := j
	if e, n, ok := sc.is(j, kBefore); ok {
		r, next = e.n, n
	} else if e, n, ok := sc.is(j, kAfter); ok {
		r, next = e.n, n
	} else if _, n, ok := sc.is(j, kThis); ok {
		r, next = 0, n
	} else {
		return match{}, false
	}
	k := next
	// the current fiscal year, last fiscal year
	if sc.lang == en && sc.lit(k, "fiscal") && sc.lit(k+1, "year", "quarter") {
		k++
	}
	// ces derniers jours, ces dernières années: a vague duration
	if sc.lang == fr && r == 0 {
		if _, n2, ok := sc.is(k, kBefore); ok {
			if u, n3, ok := sc.is(n2, kUnit); ok {
				return match{end: n3, typ: "DURATION", val: "PX" + unitCode(u.s)}, true
			}
		}
	}
	if w, n2, ok := sc.is(k, kWeekday); ok && (sc.lang == fr || sc.capital(k)) {
		dir, strict := r, r != 0
		if r == 0 {
			dir = sc.tense(j)
		}
		// the previous Friday, the following Monday: from the narrative day
		if r != 0 && !sc.lastDay.IsZero() && sc.lit(j, "previous", "preceding", "following") {
			return sc.withTime(dayMatch(j, n2, weekdayFrom(sc.lastDay, w.n, r))), true
		}
		return sc.withTime(dayMatch(j, n2, sc.weekday(w.n, dir, strict))), true
	}
	if mo, n2, ok := sc.month(k, false); ok {
		// last Oct. 23
		if d, n3, ok := sc.day(n2); ok && r != 0 {
			return sc.dayMonthDir(j, n3, mo, d, r)
		}
		y := sc.anchor.Year()
		if r != 0 {
			y = sc.resolveMonth(j, mo, r)
		}
		return match{end: n2, typ: "DATE", val: ym(y, mo), year: y, month: mo}, true
	}
	if s, n2, ok := sc.is(k, kSeason); ok {
		if sc.norm(k) == "ete" && r == 0 && !sc.lit(j, "cet") {
			return match{}, false
		}
		y := sc.season(s.s, r, j)
		return match{end: n2, typ: "DATE", val: strconv.Itoa(y) + "-" + s.s, year: y}, true
	}
	if p, n2, ok := sc.is(k, kPod); ok {
		d := sc.anchor
		if r < 0 {
			d = d.AddDate(0, 0, -1)
		}
		if r > 0 {
			d = d.AddDate(0, 0, 1)
		}
		return match{end: n2, typ: "TIME", val: d.Format("2006-01-02") + "T" + p.s}, true
	}
	if u, n2, ok := sc.is(k, kUnit); ok {
		if strings.HasSuffix(sc.norm(k), "s") && sc.norm(k) != "mois" {
			if r > 0 && sc.lang == en {
				// the coming weeks: a vague duration in TimeBank
				return match{end: n2, typ: "DURATION", val: "PX" + unitCode(u.s)}, true
			}
			if r > 0 && sc.lang == fr {
				// les prochains jours, les prochaines semaines
				return match{end: n2, typ: sc.vagueType(), val: "FUTURE_REF"}, true
			}
			return match{}, false // "the last years": not a date
		}
		// ce mois-ci, cette semaine-là, ce jour-là
		if n2+1 < sc.s1 && sc.lit(n2, "-") && sc.lit(n2+1, "ci", "la") && sc.adjacent(n2) {
			if sc.lit(n2+1, "la") {
				if u.s == "D" {
					return dayMatch(j, n2+2, sc.refDay()), true
				}
				return match{}, false
			}
			n2 += 2
		}
		// next year's first quarter, last year's quarter
		if u.s == "Y" && sc.lit(n2, "'s") {
			k3 := n2 + 1
			q := 0
			if o, n4, ok := sc.is(k3, kOrd); ok && o.n >= 1 && o.n <= 4 {
				q, k3 = o.n, n4
				if sc.lit(k3, "-") {
					k3++
				}
			}
			if sc.lit(k3, "quarter", "period") {
				if q == 0 {
					q = sc.lastQ
				}
				if q == 0 {
					_, q = prevQuarter(sc.anchor)
				}
				y := sc.anchor.Year() + r
				return match{end: k3 + 1, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(q), year: y, quarter: q}, true
			}
		}
		// the last half of 1989: its second half
		if u.s == "HALF" && sc.lit(j, "last") && sc.lit(n2, "of") {
			if y, ok := sc.year(n2 + 1); ok {
				return match{end: n2 + 2, typ: "DATE", val: strconv.Itoa(y) + "-H2", year: y}, true
			}
		}
		// "the past year", "past decade": a duration in TimeML
		if sc.lit(j, "past") || (sc.lit(j, "last") && u.s == "DE") {
			if v, ok := durValue("1", u.s); ok {
				return match{end: n2, typ: "DURATION", val: v}, true
			}
		}
		// the following year, the previous month: from the narrative date
		if sc.lit(j, "following", "previous", "preceding", "suivant", "suivante", "precedent", "precedente") && sc.lastY != 0 && r != 0 {
			switch u.s {
			case "Y":
				y := sc.lastY + r
				return match{end: n2, typ: "DATE", val: strconv.Itoa(y), year: y}, true
			case "M":
				t := time.Date(sc.lastY, time.Month(sc.lastM+r), 1, 0, 0, 0, 0, time.UTC)
				return match{end: n2, typ: "DATE", val: ym(t.Year(), int(t.Month())), year: t.Year(), month: int(t.Month())}, true
			}
		}
		return sc.relUnit(j, n2, u.s, r)
	}
	return match{}, false
}

// weekdayFrom gives the weekday wd (1 Monday … 7 Sunday) strictly before (dir < 0) or
// after day.
func weekdayFrom(day time.Time, wd, dir int) time.Time {
	dw := int(day.Weekday())
	if dw == 0 {
		dw = 7
	}
	if dir > 0 {
		delta := (wd - dw + 7) % 7
		if delta == 0 {
			delta = 7
		}
		return day.AddDate(0, 0, delta)
	}
	delta := (dw - wd + 7) % 7
	if delta == 0 {
		delta = 7
	}
	return day.AddDate(0, 0, -delta)
}

// relUnit resolves "last/this/next UNIT" against the anchor.
func (sc *scanner) relUnit(start, end int, unit string, r int) (match, bool) {
	a := sc.anchor
	switch unit {
	case "Y":
		y := a.Year() + r
		return match{end: end, typ: "DATE", val: strconv.Itoa(y), year: y, month: 0}, true
	case "M":
		t := time.Date(a.Year(), a.Month()+time.Month(r), 1, 0, 0, 0, 0, time.UTC)
		return match{end: end, typ: "DATE", val: ym(t.Year(), int(t.Month())), year: t.Year(), month: int(t.Month())}, true
	case "W":
		y, w := a.AddDate(0, 0, 7*r).ISOWeek()
		return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-W" + pad2(w)}, true
	case "D":
		if r == 0 {
			return dayMatch(start, end, a), true
		}
		return dayMatch(start, end, sc.refDay().AddDate(0, 0, r)), true
	case "WE":
		dir, strict := r, r != 0
		if r == 0 {
			dir = sc.tense(start)
		}
		sat := sc.weekday(6, dir, strict)
		if dir <= 0 && int(a.Weekday()) == 0 && !strict { // a Sunday anchor: this weekend
			sat = a.AddDate(0, 0, -1)
		}
		y, w := sat.ISOWeek()
		return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-W" + pad2(w) + "-WE"}, true
	case "Q":
		q := (int(a.Month())-1)/3 + 1 + r
		y := a.Year()
		for q < 1 {
			q += 4
			y--
		}
		for q > 4 {
			q -= 4
			y++
		}
		return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(q), year: y, quarter: q}, true
	case "HALF":
		h := (int(a.Month())-1)/6 + 1 + r
		y := a.Year()
		if h < 1 {
			h, y = 2, y-1
		}
		if h > 2 {
			h, y = 1, y+1
		}
		return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-H" + strconv.Itoa(h)}, true
	case "DE":
		return match{end: end, typ: "DATE", val: strconv.Itoa(a.Year()/10 + r)}, true
	case "CE":
		return match{end: end, typ: "DATE", val: strconv.Itoa(a.Year()/100 + r)}, true
	}
	return match{}, false
}

func prevQuarter(a time.Time) (int, int) {
	q := (int(a.Month())-1)/3 + 1 - 1
	y := a.Year()
	if q < 1 {
		q, y = 4, y-1
	}
	return y, q
}

func unitCode(u string) string {
	switch u {
	case "DE":
		return "DE"
	case "CE":
		return "CE"
	case "HALF":
		return "M"
	case "H":
		return "H"
	case "MIN":
		return "M"
	case "S":
		return "S"
	case "WE":
		return "WE"
	}
	return u
}

// durValue writes a TIMEX3 duration of n units ("X" for an unknown count).
func durValue(n, u string) (string, bool) {
	mul := func(k int) string {
		if v, err := strconv.Atoi(n); err == nil {
			return strconv.Itoa(v * k)
		}
		if n == "X" {
			return "X"
		}
		if f, err := strconv.ParseFloat(n, 64); err == nil {
			return strconv.FormatFloat(f*float64(k), 'f', -1, 64)
		}
		return "X"
	}
	switch u {
	case "Y", "M", "W", "D", "Q":
		return "P" + n + u, true
	case "WE":
		return "P" + n + "WE", true
	case "H":
		return "PT" + n + "H", true
	case "MIN":
		return "PT" + n + "M", true
	case "S":
		return "PT" + n + "S", true
	case "HALF":
		if n == "X" {
			return "PXM", true
		}
		return "P" + mul(6) + "M", true
	case "DE":
		if n == "X" {
			return "PXDE", true
		}
		return "P" + mul(10) + "Y", true
	case "CE":
		if n == "X" {
			return "PXCE", true
		}
		return "P" + mul(100) + "Y", true
	}
	return "", false
}

// duration: trois ans, for two weeks, the past three years, plusieurs jours, five-year,
// les trois derniers mois; "two years ago" / "a year earlier" become dates.
func (sc *scanner) duration(j int) (match, bool) {
	k := j
	// "Islam will one day be…": some day in the future, not a day's length
	if sc.lang == en && sc.lit(j, "one") && sc.lit(j+1, "day") && j > sc.s0 && sc.lit(j-1, "will", "would", "could", "may", "might", "shall", "'ll", "can") {
		return match{end: j + 2, typ: "DATE", val: "FUTURE_REF"}, true
	}
	if sc.lang == en && sc.lit(k, "past", "last", "next", "coming", "first", "previous") {
		k++
	}
	n := ""
	nv := 0
	if v, vv, k2, ok := sc.number(k); ok {
		n, nv, k = v, vv, k2
	} else if _, k2, ok := sc.is(k, kQuant); ok {
		n, k = "X", k2
	} else if sc.lang == en && sc.lit(k, "a", "an") {
		if sc.lit(k+1, "couple") {
			n, nv, k = "2", 2, k+2
			if sc.lit(k, "of") {
				k++
			}
		} else if sc.lit(k+1, "few") {
			n, k = "X", k+2
			if sc.lit(k, "of") {
				k++
			}
		} else {
			n, nv, k = "1", 1, k+1
		}
	} else if sc.lit(k, "des") && sc.lang == fr {
		n, k = "X", k+1
	} else if sc.lang == en && k > j && sc.lit(k, "couple") && sc.lit(k+1, "of") {
		n, nv, k = "2", 2, k+2 // the next couple of years
	}
	if n == "" && sc.lang == en {
		// decades-long, day-long
		if u, k2, ok := sc.is(k, kUnit); ok && sc.lit(k2, "-") && sc.lit(k2+1, "long") && sc.adjacent(k2) {
			c := "1"
			if strings.HasSuffix(sc.norm(k), "s") {
				c = "X"
			}
			if v, ok := durValue(c, u.s); ok {
				return match{end: k2 + 2, typ: "DURATION", val: v}, true
			}
		}
	}
	if n == "" && sc.lang == en && k > sc.s0+1 && sc.lit(k-1, "the") && (sc.lit(k-2, "over", "throughout") || sc.lit(k-2, "in") && sc.lit(k+1, "that", "since", "following")) {
		// over the years, in the years that followed: a vague stretch of time
		if u, k2, ok := sc.is(k, kUnit); ok && strings.HasSuffix(sc.norm(k), "s") && u.s != "WE" {
			if v, ok := durValue("X", u.s); ok {
				return match{end: k2, typ: "DURATION", val: v}, true
			}
		}
	}
	if n == "" {
		// for years, pendant des années: a bare plural unit after a preposition
		if u, k2, ok := sc.is(k, kUnit); ok && strings.HasSuffix(sc.norm(k), "s") && k > sc.s0 && sc.lit(k-1, "for", "pendant", "durant", "depuis", "within") && sc.norm(k) != "mois" {
			if v, ok := durValue("X", u.s); ok {
				return match{end: k2, typ: "DURATION", val: v}, true
			}
		}
		return match{}, false
	}
	// 2 1/2 years, five and a half hours
	half := false
	if sc.lit(k, "1") && sc.lit(k+1, "/") && sc.lit(k+2, "2") && sc.adjacent(k+1) && sc.adjacent(k+2) {
		half, k = true, k+3
	} else if sc.lit(k, "and") && sc.lit(k+1, "a") && sc.lit(k+2, "half") {
		half, k = true, k+3
	} else if sc.lit(k, "et") && sc.lit(k+1, "demi", "demie") {
		half, k = true, k+2
	}
	adj := false
	if sc.lit(k, "-") && sc.adjacent(k) {
		k++
		adj = true
	}
	// two more weeks, eight trading days, an additional year
	if sc.lang == en && sc.lit(k, "more", "additional", "other", "trading", "business", "straight", "consecutive", "full", "working") {
		k++
	}
	if sc.lang == fr {
		if _, k2, ok := sc.is(k, kBefore); ok {
			k = k2
		}
	}
	u, k2, ok := sc.is(k, kUnit)
	if !ok || u.s == "WE" && n != "1" || u.s == "HALF" && sc.lang == en {
		return match{}, false
	}
	// a quarter, three-quarters: fractions, not periods
	if u.s == "Q" && (n == "1" && sc.lang == en || adj) {
		return match{}, false
	}
	// "a year-earlier quarter" is read from "year" on
	if sc.lit(k2, "-") && sc.lit(k2+1, "earlier", "ago") {
		return match{}, false
	}
	// ages: 6-year-old, 52 years old
	if sc.lit(k2, "old") || sc.lit(k2, "-") && sc.lit(k2+1, "old") {
		return match{}, false
	}
	if nv >= 1000 && !strings.HasSuffix(sc.norm(k), "s") {
		return match{}, false
	}
	// des années 1970, the years 1990-1995: decades and years, not a duration
	if u.s == "Y" && n == "X" {
		if _, _, ok := sc.digits(k2); ok {
			return match{}, false
		}
	}
	// French ages: "Alain, 53 ans,", "une fillette de 6 ans", "âgé de 54 ans", "un bébé de 1 mois"
	if sc.lang == fr && (u.s == "Y" || u.s == "M") && j > sc.s0 {
		if sc.lit(j-1, ",", "(") {
			return match{}, false
		}
		// "trois ans de tractations" is a period, "une fillette de 6 ans" an age
		if sc.lit(j-1, "de") && j-1 > sc.s0 && !sc.lit(k2, "de", "d'") && !sc.lit(j-2, "plus", "moins", "pres", "pendant", "durant", "periode", "peine", "cours", "duree", "bout", "espace", "environ", "terme", "issue", "sur") {
			return match{}, false
		}
	}
	if adj && n == "X" && !sc.lit(j, "several") {
		return match{}, false
	}
	// "a" + unit after an amount is a rate, a SET ("$1.76 a year", "four flights a week")
	rate := false
	if sc.lang == en && sc.lit(j, "a", "an", "per") && j > sc.s0 {
		p := j - 1
		if sc.toks[p].Kind == doc.Number || sc.lit(p, "twice", "once", "times") || p > sc.s0 && sc.toks[p-1].Kind == doc.Number {
			rate = true
		} else if _, _, ok := sc.is(p, kNum); ok {
			rate = true
		} else if p > sc.s0 {
			if _, _, ok := sc.is(p-1, kNum); ok {
				rate = true
			}
		}
	}
	if sc.lang == en && n == "1" && (sc.norm(k) == "second" || strings.HasSuffix(sc.norm(k), "s") && sc.norm(k) != "hours" && sc.lit(j, "a", "an")) {
		return match{}, false
	}
	// "60 Minutes": a capitalised unit inside a sentence is a name
	if k > sc.s0 && sc.capital(k) && sc.lang == en {
		return match{}, false
	}
	// a count written in digits must be plausible for its unit
	if nv > 5000 {
		return match{}, false
	}
	// a minute and a half, un an et demi: the half after the unit
	if !half && n != "X" && !adj {
		if sc.lang == en && sc.lit(k2, "and") && sc.lit(k2+1, "a") && sc.lit(k2+2, "half") {
			half, k2 = true, k2+3
		} else if sc.lang == fr && sc.lit(k2, "et") && sc.lit(k2+1, "demi", "demie") {
			half, k2 = true, k2+2
		}
	}
	if rate && !sc.lit(k2, "ago", "earlier", "later", "before", "after") {
		if v, ok := durValue("1", u.s); ok {
			return match{end: k2, typ: "SET", val: v}, true
		}
	}
	// ago, earlier, plus tôt
	if sc.lang == en && sc.lit(k2, "ago", "earlier", "before") && n != "X" && !adj {
		if sc.lit(k2, "before") && sc.isStarter(k2+1) {
			goto dur
		}
		return sc.ago(j, k2+1, nv, u.s)
	}
	// three days later, deux jours plus tard: from the narrative day
	if n != "X" && !adj && (sc.lang == en && sc.lit(k2, "later") || sc.lang == fr && sc.lit(k2, "plus") && sc.lit(k2+1, "tard")) {
		end := k2 + 1
		if sc.lang == fr {
			end++
		}
		ref := sc.refDay()
		switch u.s {
		case "D":
			return dayMatch(j, end, ref.AddDate(0, 0, nv)), true
		case "W":
			y, w := ref.AddDate(0, 0, 7*nv).ISOWeek()
			return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-W" + pad2(w)}, true
		case "M":
			t := time.Date(ref.Year(), ref.Month()+time.Month(nv), 1, 0, 0, 0, 0, time.UTC)
			return match{end: end, typ: "DATE", val: ym(t.Year(), int(t.Month()))}, true
		case "Y":
			return match{end: end, typ: "DATE", val: strconv.Itoa(ref.Year() + nv)}, true
		}
	}
	if sc.lang == en && sc.lit(k2, "ago") && n == "X" {
		return match{end: k2 + 1, typ: "DATE", val: "PAST_REF"}, true
	}
dur:
	// dans deux semaines: the date that far ahead
	if sc.lang == fr && j > sc.s0 && sc.lit(j-1, "dans") && n != "X" && !adj {
		a := sc.anchor
		switch u.s {
		case "D":
			return dayMatch(j, k2, a.AddDate(0, 0, nv)), true
		case "W":
			y, w := a.AddDate(0, 0, 7*nv).ISOWeek()
			return match{end: k2, typ: "DATE", val: strconv.Itoa(y) + "-W" + pad2(w)}, true
		case "M":
			t := time.Date(a.Year(), a.Month()+time.Month(nv), 1, 0, 0, 0, 0, time.UTC)
			return match{end: k2, typ: "DATE", val: ym(t.Year(), int(t.Month()))}, true
		case "Y":
			return match{end: k2, typ: "DATE", val: strconv.Itoa(a.Year() + nv)}, true
		}
	}
	// French "16 heures" after "à" is a clock time (tried elsewhere), not a duration
	if u.s == "H" && sc.lang == fr && j > sc.s0 && sc.lit(j-1, "a", "vers", "des") {
		return match{}, false
	}
	v, ok := durValue(n, u.s)
	if !ok {
		return match{}, false
	}
	if half && n != "X" {
		switch u.s {
		case "Y":
			v += "6M"
		case "M":
			v += "15D"
		case "D":
			v += "T12H"
		case "H":
			v += "30M"
		case "MIN":
			v += "30S"
		}
	}
	return match{end: k2, typ: "DURATION", val: v}, true
}

// ago resolves "N units ago" / "il y a N units" against the anchor.
func (sc *scanner) ago(start, end, n int, u string) (match, bool) {
	a := sc.anchor
	switch u {
	case "Y":
		if sc.lastQ != 0 && n == 1 && !sc.longPeriod {
			y := sc.lastQY - 1
			return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-Q" + strconv.Itoa(sc.lastQ)}, true
		}
		return match{end: end, typ: "DATE", val: strconv.Itoa(a.Year() - n)}, true
	case "M":
		t := time.Date(a.Year(), a.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return match{end: end, typ: "DATE", val: ym(t.Year(), int(t.Month()))}, true
	case "W":
		y, w := a.AddDate(0, 0, -7*n).ISOWeek()
		return match{end: end, typ: "DATE", val: strconv.Itoa(y) + "-W" + pad2(w)}, true
	case "D":
		return dayMatch(start, end, a.AddDate(0, 0, -n)), true
	case "DE":
		return match{end: end, typ: "DATE", val: strconv.Itoa(a.Year()/10 - n)}, true
	case "CE":
		return match{end: end, typ: "DATE", val: strconv.Itoa(a.Year()/100 - n)}, true
	}
	return match{end: end, typ: "DATE", val: "PAST_REF"}, true
}

// clock: 16h15, 16 h 30, 4:30 p.m., 4 pm, midi, noon. day is the date it belongs to
// (zero: the narrative day).
func (sc *scanner) clock(j int, day time.Time) (match, bool) {
	if j >= sc.s1 {
		return match{}, false
	}
	h, mi := -1, 0
	k := j
	w := sc.norm(j)
	switch {
	case sc.lit(j, "midi", "noon", "midday"):
		if j > sc.s0 && sc.lit(j-1, "-") {
			return match{}, false
		}
		h, k = 12, j+1
	case sc.lit(j, "minuit", "midnight"):
		h, k = 24, j+1 // TIMEX3 writes midnight as the end of its day
	case len(w) >= 2 && len(w) <= 5 && strings.IndexByte(w, 'h') > 0 && isDigits(w[:strings.IndexByte(w, 'h')]):
		// 16h, 16h15
		p := strings.IndexByte(w, 'h')
		hh, _ := strconv.Atoi(w[:p])
		rest := w[p+1:]
		if hh > 24 {
			return match{}, false
		}
		h, k = hh, j+1
		if rest != "" {
			if !isDigits(rest) || len(rest) != 2 {
				return match{}, false
			}
			mi, _ = strconv.Atoi(rest)
		} else if m, l, ok := sc.digits(k); ok && l == 2 && m < 60 {
			mi, k = m, k+1
		}
	default:
		hh, l, ok := sc.digits(j)
		if !ok || l > 2 || hh > 24 {
			return match{}, false
		}
		switch {
		case sc.lit(j+1, "h") || sc.lit(j+1, "heures", "heure") && (!day.IsZero() || j > sc.s0 && sc.lit(j-1, "a", "vers", "des", "avant", "apres", "jusqu'a", "entre", "et") && sc.orig(j-1) != "a"):
			h, k = hh, j+2
			if m, l, ok := sc.digits(k); ok && l == 2 && m < 60 {
				mi, k = m, k+1
			}
		case sc.lit(j+1, ":") && sc.adjacent(j+1) && sc.adjacent(j+2):
			m, l, ok := sc.digits(j + 2)
			if !ok || l != 2 || m > 59 {
				return match{}, false
			}
			h, mi, k = hh, m, j+3
		case sc.lit(j+1, "a.m", "p.m", "am", "pm") && hh <= 12:
			h, k = hh, j+1
		case sc.lang == en && hh >= 1 && hh <= 12 && sc.lit(j+1, "in") && sc.lit(j+2, "the") && sc.lit(j+3, "morning", "afternoon", "evening") && j > sc.s0 && sc.lit(j-1, "at", "around", "about", "until", "till", "by", "before", "after", "since", "from"):
			// "at 4 in the morning", "until 9 in the evening"
			h, k = hh, j+4
			if sc.lit(j+3, "morning") && h == 12 {
				h = 0
			} else if !sc.lit(j+3, "morning") && h < 12 {
				h += 12
			}
		default:
			return match{}, false
		}
	}
	// a.m. / p.m.
	if sc.lit(k, "a.m", "am") || sc.lit(k, "a") && sc.lit(k+1, ".") && sc.lit(k+2, "m") {
		if h == 12 {
			h = 0
		}
		k++
	} else if sc.lit(k, "p.m", "pm") {
		if h < 12 {
			h += 12
		}
		k++
	}
	if sc.lit(k, ".") && sc.adjacent(k) && (sc.lit(k-1, "a.m", "p.m")) {
		k++
	}
	if sc.lit(k, "locales", "locale", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet") {
		k++
	}
	// 5 p.m. EST, Nov. 6: the clock time of that date
	if day.IsZero() {
		k2 := k
		if sc.lit(k2, ",") {
			k2++
		}
		if m, ok := sc.date(k2); ok && !m.day.IsZero() && len(m.val) == 10 {
			return match{end: m.end, typ: "TIME", val: m.val + "T" + pad2(h) + ":" + pad2(mi), day: m.day}, true
		}
	}
	// 9 a.m. Tuesday: the clock time of that day
	if day.IsZero() && sc.lang == en {
		if e, n2, ok := sc.is(k, kWeekday); ok && sc.capital(k) {
			dir := sc.tense(j)
			if j > sc.s0 && sc.lit(j-1, "until", "till", "by", "before") {
				dir = 1
			}
			d := sc.weekday(e.n, dir, false)
			return match{end: n2, typ: "TIME", val: d.Format("2006-01-02") + "T" + pad2(h) + ":" + pad2(mi), day: d}, true
		}
	}
	if h < 0 || h > 24 {
		return match{}, false
	}
	if day.IsZero() {
		// "vers 15 h 30, hier": the day named right after
		k2 := k
		if sc.lit(k2, ",") {
			k2++
		}
		if e, _, ok := sc.is(k2, kDayrel); ok {
			day = sc.anchor.AddDate(0, 0, e.n)
		} else {
			day = sc.refDay()
		}
	}
	return match{end: k, typ: "TIME", val: day.Format("2006-01-02") + "T" + pad2(h) + ":" + pad2(mi)}, true
}

// holiday reads a feast name ("Christmas", "Noël", "Thanksgiving", "Easter", "Pâques",
// "New Year's Day", "le Nouvel An") with an optional "Day"/"Eve", resolved like a day and
// month without a year.
func (sc *scanner) holiday(j int) (match, bool) {
	end := j
	var e entry
	switch {
	case sc.lit(j, "new") && sc.lit(j+1, "year") && sc.lit(j+2, "'s") && sc.lit(j+3, "day", "eve"):
		e, end = entry{k: kHoliday, s: "01-01"}, j+4
		if sc.lit(j+3, "eve") {
			e.s = "12-31"
		}
	case sc.lit(j, "nouvel") && sc.lit(j+1, "an"):
		e, end = entry{k: kHoliday, s: "01-01"}, j+2
	default:
		h, next, ok := sc.is(j, kHoliday)
		if !ok || !sc.capital(j) && sc.lang == en {
			return match{}, false
		}
		e, end = h, next
		if e.s == "ELECTION" && !(sc.lit(end, "day") && sc.capital(end)) {
			return match{}, false // "election" alone is no day
		}
		if sc.lit(end, "eve") && e.s == "12-25" {
			e.s, end = "12-24", end+1
		} else if sc.lit(end, "day") {
			end++
		}
	}
	dir := 0
	if j > sc.s0 {
		if b, _, ok := sc.is(j-1, kBefore); ok {
			dir = b.n
		} else if a, _, ok := sc.is(j-1, kAfter); ok {
			dir = a.n
		}
	}
	if b, n, ok := sc.is(end, kBefore); ok && sc.lang == fr {
		dir, end = b.n, n
	} else if a, n, ok := sc.is(end, kAfter); ok && sc.lang == fr {
		dir, end = a.n, n
	}
	if y, ok := sc.year(end); ok {
		t, ok := feast(e.s, y)
		if !ok {
			return match{}, false
		}
		m := dayMatch(j, end+1, t)
		m.expl = true
		return m, true
	}
	// the year: that of the feast nearest the anchor in the direction of the tense
	if dir == 0 {
		dir = sc.tense(j)
	}
	a := sc.anchor
	var best time.Time
	for _, y := range []int{a.Year() - 1, a.Year(), a.Year() + 1} {
		t, ok := feast(e.s, y)
		if !ok {
			return match{}, false
		}
		switch {
		case dir > 0 && t.Before(a), dir < 0 && !t.Before(a):
			continue
		}
		if best.IsZero() || absDur(t.Sub(a)) < absDur(best.Sub(a)) {
			best = t
		}
	}
	if best.IsZero() {
		return match{}, false
	}
	return dayMatch(j, end, best), true
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// feast gives the date of a feast in year y.
func feast(code string, y int) (time.Time, bool) {
	switch code {
	case "EASTER": // anonymous Gregorian algorithm
		a, b, c := y%19, y/100, y%100
		d, e := b/4, b%4
		f := (b + 8) / 25
		g := (b - f + 1) / 3
		h := (19*a + b - d - g + 15) % 30
		i, k := c/4, c%4
		l := (32 + 2*e + 2*i - h - k) % 7
		m := (a + 11*h + 22*l) / 451
		month := (h + l - 7*m + 114) / 31
		day := (h+l-7*m+114)%31 + 1
		return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
	case "ELECTION": // US Election Day: the Tuesday after the first Monday of November
		t := time.Date(y, time.November, 2, 0, 0, 0, 0, time.UTC)
		off := (int(time.Tuesday) - int(t.Weekday()) + 7) % 7
		return t.AddDate(0, 0, off), true
	case "THANKSGIVING": // fourth Thursday of November
		t := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
		off := (int(time.Thursday) - int(t.Weekday()) + 7) % 7
		return t.AddDate(0, 0, off+21), true
	}
	if len(code) != 5 || code[2] != '-' {
		return time.Time{}, false
	}
	mo, err1 := strconv.Atoi(code[:2])
	d, err2 := strconv.Atoi(code[3:])
	if err1 != nil || err2 != nil || !validDate(y, mo, d) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
}
