package events

import (
	"strings"

	"github.com/griot-project/griot/doc"
)

// realis groups factuality values that may describe the same telling of an event.
func realis(f string) string {
	switch f {
	case "hedged", "future", "hypothetical":
		return "irrealis"
	}
	return f
}

// key is the level at which two role fillers are taken to be the same party: an actor's
// country when it has one (a president and his government), else the actor itself.
func (r *reader) key(id string) string {
	if a := r.actors[id]; a != nil && a.Country != "" && a.Kind != "collective" {
		return a.Country
	}
	return id
}

func (r *reader) overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if r.sameParty(x, y) {
				return true
			}
		}
	}
	return false
}

// sameParty: two role fillers stand for the same party. Two different persons never do
// (two prime ministers of one country are two people); a person and a government or an
// institution of the person's country do (Goïta and "le gouvernement malien").
func (r *reader) sameParty(x, y string) bool {
	if x == y {
		return true
	}
	ax, ay := r.actors[x], r.actors[y]
	if ax != nil && ay != nil && ax.Kind == "person" && ay.Kind == "person" {
		return false
	}
	return r.key(x) == r.key(y)
}

// same says whether two candidates tell one event.
func (r *reader) same(a, b *cand) bool {
	if a.ev.Type != b.ev.Type || realis(a.ev.Factuality) != realis(b.ev.Factuality) {
		return false
	}
	if (a.apart || b.apart) && a.sent == b.sent {
		return false
	}
	if a.ev.Mode != "" && b.ev.Mode != "" && a.ev.Mode != b.ev.Mode {
		return false
	}
	if a.dateFrom == "timex" && b.dateFrom == "timex" && !strings.HasPrefix(a.ev.Date.Value, b.ev.Date.Value) && !strings.HasPrefix(b.ev.Date.Value, a.ev.Date.Value) && !within(a, b) && !within(b, a) {
		return false
	}
	// a verb and its own object noun: "signed an agreement", "a renforcé sa coopération"
	if a.sent == b.sent && (abs(b.hit.start-a.hit.end) <= 3 || abs(a.hit.start-b.hit.end) <= 3) && (a.hit.p.noun != b.hit.p.noun) {
		return r.compatible(a, b)
	}
	aAll := append(append([]string{}, a.ev.Actor...), a.ev.Recipient...)
	bAll := append(append([]string{}, b.ev.Actor...), b.ev.Recipient...)
	if len(aAll) == 0 || len(bAll) == 0 {
		// a bare noun ("le coup d'État") and the clause that tells it ("qui a renversé…")
		return a.sent == b.sent
	}
	// a reciprocal telling ("the pair agreed": both parties as actors) is another event than
	// one with a counterpart it does not name ("signed a partnership with Estonia")
	reciprocal := (len(a.ev.Actor) > 1 && len(a.ev.Recipient) == 0) || (len(b.ev.Actor) > 1 && len(b.ev.Recipient) == 0)
	if symmetric(a.ev.Type) || reciprocal {
		// every party of the smaller side is among the other's
		small, big := aAll, bAll
		if len(bAll) < len(aAll) {
			small, big = bAll, aAll
		}
		for _, x := range small {
			if !r.overlap([]string{x}, big) {
				return false
			}
		}
		return true
	}
	sideOK := func(x, y []string) bool { return len(x) == 0 || len(y) == 0 || r.overlap(x, y) }
	if !sideOK(a.ev.Actor, b.ev.Actor) || !sideOK(a.ev.Recipient, b.ev.Recipient) {
		return false
	}
	return r.overlap(a.ev.Actor, b.ev.Actor) || r.overlap(a.ev.Recipient, b.ev.Recipient)
}

// within: b is told on a day of the fighting or protest a has gone on since its start
// ("depuis mars, les combats…" and "de violents combats lundi").
func within(a, b *cand) bool {
	if !a.since || b.since {
		return false
	}
	start, _, ok1 := bounds(a.ev.Date.Value)
	first, _, ok2 := bounds(b.ev.Date.Value)
	return ok1 && ok2 && !first.Before(start)
}

// merge joins the candidates that tell the same event: the first telling keeps the lead,
// the others add their evidence, roles, attribution and a better date.
func (r *reader) merge(cands []*cand) []*cand {
	var out []*cand
	for _, c := range cands {
		var into *cand
		for _, o := range out {
			if r.same(o, c) {
				into = o
				break
			}
		}
		if into == nil {
			out = append(out, c)
			continue
		}
		into.ev.Actor = append(into.ev.Actor, c.ev.Actor...)
		into.ev.Recipient = append(into.ev.Recipient, c.ev.Recipient...)
		into.ev.Mentions = append(into.ev.Mentions, c.ev.Mentions...)
		for _, a := range c.ev.Attribution {
			into.ev.Attribution = addAttr(into.ev.Attribution, a)
		}
		if into.ev.Mode == "" {
			into.ev.Mode = c.ev.Mode
		}
		if rank(c.dateFrom) > rank(into.dateFrom) || (c.dateFrom == into.dateFrom && len(c.ev.Date.Value) > len(into.ev.Date.Value) && strings.HasPrefix(c.ev.Date.Value, into.ev.Date.Value)) {
			into.ev.Date, into.dateFrom = c.ev.Date, c.dateFrom
			if realis(into.ev.Factuality) == "asserted" || into.ev.Factuality == "historical" {
				into.ev.Factuality = c.ev.Factuality
			}
		}
		// the lead telling without parties takes the other's evidence
		if len(into.actorM)+len(into.recipM) == 0 && len(c.actorM)+len(c.recipM) > 0 {
			into.hardStart, into.hardEnd = c.hardStart, c.hardEnd
			into.actorM, into.recipM = c.actorM, c.recipM
		}
	}
	for _, o := range out {
		o.ev.Mentions = dedupeEvidence(o.ev.Mentions)
	}
	return out
}

func rank(from string) int {
	switch from {
	case "timex":
		return 3
	case "post":
		return 2
	}
	return 1
}

func dedupeEvidence(list []doc.Evidence) []doc.Evidence {
	var out []doc.Evidence
	for _, e := range list {
		dup := false
		for _, o := range out {
			if o.Start == e.Start && o.End == e.End {
				dup = true
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// compatible: no role of one contradicts the other's.
func (r *reader) compatible(a, b *cand) bool {
	ok := func(x, y []string) bool { return len(x) == 0 || len(y) == 0 || r.overlap(x, y) }
	return ok(a.ev.Actor, b.ev.Actor) && ok(a.ev.Recipient, b.ev.Recipient)
}
