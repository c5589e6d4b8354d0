package events

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/griot-project/griot/doc"
)

// datable: a time expression that can date an event (a calendar date, not a duration, a
// set, or a vague reference).
func datable(t doc.Timex) bool {
	if t.Type != "DATE" && t.Type != "TIME" {
		return false
	}
	v := t.Value
	return v != "" && v[0] >= '0' && v[0] <= '9' && !strings.HasSuffix(v, "_REF")
}

// date sets the event's date: a time expression bound to the trigger (a noun's "du 18 août
// 2021", a verb's clause), a time expression heading the sentence, the date of the post the
// event is told in, and only then the publication date.
func (r *reader) date(cd *cand) {
	d := r.d
	h := cd.hit
	s := d.Sentences[cd.sent]
	bestDist := 1 << 30
	var best *doc.Timex
	clauseA, clauseB := r.clause(cd.sent, h.start)
	for i := range d.Timexes {
		t := &d.Timexes[i]
		if t.End <= s.Start || t.Start >= s.End || !datable(*t) {
			continue
		}
		t0 := d.TokenAt(t.Start)
		t1 := d.TokenAt(t.End-1) + 1
		if cd.condAt > 0 && t0 >= cd.condAt {
			continue // "could cut aid if the vote is held in June": the condition's date
		}
		dist := -1
		switch {
		case h.p.noun && t0 >= h.end && t0-h.end <= 6 && !r.breakBetween(h.end, t0) && !r.triggerBetween(h.end, t0):
			dist = t0 - h.end // "le coup d'État du 18 août 2021", "l'arrestation lundi de…"
		case t0 >= clauseA && t1 <= clauseB:
			if t0 >= h.end {
				dist = t0 - h.end + 1
			} else {
				dist = h.start - t1 + 1
			}
			if (t0 >= h.end && r.triggerBetween(h.end, t0)) || (t1 <= h.start && r.triggerBetween(t1, h.start)) {
				dist = -1 // another event stands between: the date is that event's
			}
		}
		if dist >= 0 && dist < bestDist {
			best, bestDist = t, dist
		}
	}
	if best == nil {
		best = r.frontedTimex(cd.sent)
	}
	if best == nil {
		best = r.onlyDate(cd.sent) // "Après des négociations …, X reçoit le 4 décembre 2020 …"
	}
	if best != nil && cd.condAt > 0 && best.Start >= r.d.Tokens[cd.condAt].Start {
		best = nil // the date of the condition, not of the threat
	}

	if best != nil {
		t0 := d.TokenAt(best.Start)
		cd.nounDated = h.p.noun && t0 >= h.end && t0-h.end <= 2
		cd.ev.Date = doc.EventDate{Value: best.Value, Precision: precision(best.Value), From: "timex"}
		cd.dateFrom = "timex"
		cd.since = best.Begin && r.c.lasting[cd.ev.Type]
		if first, _, ok := bounds(best.Value); !best.Begin || !ok || (!r.c.lasting[cd.ev.Type] && first.Before(r.d.Anchor.AddDate(0, 0, -60))) {
			// "depuis mars, les combats…": fighting or protest going on since then, not
			// over, however far back; other events since a recent date are going on too
			r.dateFactuality(cd)
		}
		return
	}
	for _, p := range d.Posts {
		if p.Start <= cd.ev.Trigger.Start && cd.ev.Trigger.Start < p.End && p.Date != "" {
			cd.ev.Date = doc.EventDate{Value: p.Date, Precision: precision(p.Date), From: "post"}
			cd.dateFrom = "post"
			return
		}
	}
	if q := r.quoteAt(cd.ev.Trigger.Start); q != nil {
		for _, o := range q.Occurrences {
			for _, p := range d.Posts {
				if p.Start <= o.Start && o.Start < p.End && p.Date != "" {
					cd.ev.Date = doc.EventDate{Value: p.Date, Precision: precision(p.Date), From: "post"}
					cd.dateFrom = "post"
					return
				}
			}
		}
	}
	if r.justDone(cd) && !d.Published.IsZero() {
		v := d.Published.AddDate(0, 0, -1).Format(time.DateOnly)
		cd.ev.Date = doc.EventDate{Value: v, Precision: "day", From: "timex"}
		cd.dateFrom = "recent"
		return
	}
	if t := r.meetingDate(cd); t != nil {
		cd.ev.Date = doc.EventDate{Value: t.Value, Precision: precision(t.Value), From: "timex"}
		cd.dateFrom = "meeting"
		return
	}
	if r.narrativePast(cd.sent) && cd.ev.Factuality == "asserted" {
		cd.ev.Factuality = "historical" // told in the course of a dated background story
	}
	if !d.Published.IsZero() {
		v := d.Published.Format(time.DateOnly)
		cd.ev.Date = doc.EventDate{Value: v, Precision: "day", From: "publication"}
	} else {
		cd.ev.Date = doc.EventDate{Precision: "unknown", From: "publication"}
	}
	cd.dateFrom = "publication"
}

// clause returns the token range of the comma-delimited segment holding token t.
func (r *reader) clause(si, t int) (int, int) {
	s := r.d.Sentences[si]
	a, b := t, t
	for a > s.Tok0 && !r.isPunct(a-1, ",;:()—–") {
		a--
	}
	for b < s.Tok1 && !r.isPunct(b, ",;:()—–") {
		b++
	}
	return a, b
}

// triggerBetween: another trigger starts in tokens [a, b).
func (r *reader) triggerBetween(a, b int) bool {
	for j := a; j < b && j < len(r.trigAt); j++ {
		if j >= 0 && r.trigAt[j] {
			return true
		}
	}
	return false
}

// frontedTimex: a date heading the sentence in a segment of its own ("En 2021, …",
// "Lundi, …") dates the whole sentence.
func (r *reader) frontedTimex(si int) *doc.Timex {
	s := r.d.Sentences[si]
	var found *doc.Timex
	// the segments heading the sentence, up to the first that holds a trigger
	for a := s.Tok0; a < s.Tok1; {
		_, b := r.clause(si, a)
		if b >= s.Tok1 || r.triggerBetween(a, b) {
			break
		}
		for i := range r.d.Timexes {
			t := &r.d.Timexes[i]
			if t.Start >= r.d.Tokens[a].Start && t.End <= r.d.Tokens[b-1].End && datable(*t) {
				found = t
			}
		}
		a = b + 1
	}
	return found
}

// precision of a TIMEX3 date value.
func precision(v string) string {
	switch {
	case len(v) >= 10 && v[4] == '-' && v[7] == '-':
		return "day"
	case strings.Contains(v, "-W"):
		return "week"
	case len(v) == 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '9':
		return "month"
	case len(v) == 7 && v[4] == '-':
		return "season" // 2022-SU, 2022-Q3
	case len(v) == 4:
		return "year"
	}
	return "unknown"
}

// dateFactuality: an asserted event dated well before the article is background; one
// dated after it is to come.
func (r *reader) dateFactuality(cd *cand) {
	if cd.ev.Factuality != "asserted" {
		return
	}
	first, last, ok := bounds(cd.ev.Date.Value)
	if !ok {
		return
	}
	anchor := r.d.Anchor
	if last.Before(anchor.AddDate(0, 0, -30)) {
		cd.ev.Factuality = "historical"
	} else if first.After(anchor) {
		cd.ev.Factuality = "future"
	}
}

// bounds returns the first and last day of a TIMEX3 date value.
func bounds(v string) (time.Time, time.Time, bool) {
	if len(v) >= 10 {
		t, err := time.Parse(time.DateOnly, v[:10])
		return t, t, err == nil
	}
	if len(v) == 7 && v[5] >= '0' && v[5] <= '9' {
		t, err := time.Parse("2006-01", v)
		return t, t.AddDate(0, 1, -1), err == nil
	}
	if len(v) >= 4 {
		t, err := time.Parse("2006", v[:4])
		if err != nil {
			return t, t, false
		}
		if len(v) == 4 {
			return t, t.AddDate(1, 0, -1), true
		}
	}
	// weeks, seasons, quarters: not bounded here (too coarse to move an event to the past)
	return time.Time{}, time.Time{}, false
}

// narrativePast: the sentence has no date of its own and follows one dated well before the
// article: it goes on with that past story ("Le 14 septembre 2020, … . Après des négociations
// entre X et Y, …").
func (r *reader) narrativePast(si int) bool {
	if si == 0 || r.sentenceDate(si) != nil {
		return false
	}
	t := r.sentenceDate(si - 1)
	if t == nil {
		return false
	}
	_, last, ok := bounds(t.Value)
	return ok && last.Before(r.d.Anchor.AddDate(0, 0, -30))
}

// sentenceDate: the last calendar date in a sentence, or nil.
func (r *reader) sentenceDate(si int) *doc.Timex {
	s := r.d.Sentences[si]
	var out *doc.Timex
	for i := range r.d.Timexes {
		t := &r.d.Timexes[i]
		if t.Start >= s.Start && t.End <= s.End && datable(*t) && !t.Begin {
			out = t // "depuis mars" opens a period that may still run: not a past story
		}
	}
	return out
}

// justDone: "vient de suspendre", "has just announced": the day before publication.
func (r *reader) justDone(cd *cand) bool {
	s := r.d.Sentences[cd.sent]
	for j := cd.hit.start - 1; j >= s.Tok0 && j >= cd.hit.start-3; j-- {
		n := r.tok(j)
		if (n == "de" || n == "d'") && j > s.Tok0 {
			switch r.tok(j - 1) {
			case "vient", "viennent", "venait", "venaient":
				return true
			}
		}
		if n == "just" && j > s.Tok0 {
			switch r.tok(j - 1) {
			case "has", "have", "had":
				return true
			}
		}
	}
	return false
}

// onlyDate: the one calendar date of a sentence that has exactly one, when it is past (a
// future date elsewhere in the sentence is more often a plan: "les élections de février 2024").
func (r *reader) onlyDate(si int) *doc.Timex {
	t := r.onlyDateAny(si)
	if t == nil {
		return nil
	}
	if first, _, ok := bounds(t.Value); !ok || first.After(r.d.Anchor) {
		return nil
	}
	return t
}

func (r *reader) onlyDateAny(si int) *doc.Timex {
	s := r.d.Sentences[si]
	var found *doc.Timex
	for i := range r.d.Timexes {
		t := &r.d.Timexes[i]
		if t.Start >= s.Start && t.End <= s.End && datable(*t) && !t.Begin {
			if found != nil {
				return nil
			}
			found = t
		}
	}
	return found
}

// meetingDate: for an asserted event told without a date, the date of a recent meeting of its
// actor told in another sentence of the article ("Le Ghana a levé ses sanctions. … Le Ghana en
// avait décidé lors d'un sommet samedi", "The EU lifted the sanctions. … EU ministers agreed
// at their meeting on Monday"): a body's decision is taken at its meeting. The sentence must
// name the actor, a meeting noun and one calendar date, within the two weeks before the
// publication day.
func (r *reader) meetingDate(cd *cand) *doc.Timex {
	if cd.ev.Factuality != "asserted" || len(cd.ev.Actor) == 0 || r.d.Published.IsZero() {
		return nil
	}
	if r.meetings == nil {
		r.meetings = r.findMeetings()
	}
	for _, m := range r.meetings {
		if m.sent == cd.sent {
			continue
		}
		for _, id := range cd.ev.Actor {
			if slices.Contains(m.actors, id) {
				return m.date
			}
		}
	}
	return nil
}

// meeting: a sentence naming a meeting, its one calendar date (within the two weeks before
// the publication day) and the actors it names.
type meeting struct {
	sent   int
	date   *doc.Timex
	actors []string
}

// findMeetings lists the document's meeting sentences once (never nil).
func (r *reader) findMeetings() []meeting {
	d := r.d
	out := []meeting{}
	pub := d.Published
	for si, s := range d.Sentences {
		var found *doc.Timex
		n := 0
		for ti := range d.Timexes {
			if t := &d.Timexes[ti]; t.Start >= s.Start && t.End <= s.End && datable(*t) {
				found, n = t, n+1
			}
		}
		if n != 1 {
			continue
		}
		first, last, ok := bounds(found.Value)
		if !ok {
			first, last, ok = weekBounds(found.Value)
		}
		if !ok || !last.Before(pub) || first.Before(pub.AddDate(0, 0, -14)) {
			continue
		}
		m := meeting{sent: si, date: found}
		named := false
		for k := s.Tok0; k < s.Tok1; k++ {
			named = named || r.w.is("meeting", r.tok(k))
			if mi := r.mentionAt[k]; mi >= 0 && d.Mentions[mi].Actor != "" {
				m.actors = append(m.actors, d.Mentions[mi].Actor)
			}
		}
		if named && len(m.actors) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// weekBounds returns the first and last day of an ISO week value ("2022-W26") or of its
// weekend ("2022-W26-WE").
func weekBounds(v string) (time.Time, time.Time, bool) {
	var y, w int
	if _, err := fmt.Sscanf(v, "%4d-W%d", &y, &w); err != nil || w < 1 || w > 53 {
		return time.Time{}, time.Time{}, false
	}
	// the Monday of ISO week 1 is the Monday on or before 4 January
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
	if strings.HasSuffix(v, "-WE") {
		return mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 6), true
	}
	return mon, mon.AddDate(0, 0, 6), true
}
