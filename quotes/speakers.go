package quotes

// speakers turns a frame's speaker tokens into an actor id.
type speakers struct {
	v *view
}

func newSpeakers(v *view) *speakers { return &speakers{v: v} }

func (s *speakers) personActor(id string) bool {
	a := s.v.d.ActorByID(id)
	return a != nil && a.Kind == "person"
}

// resolve returns the speaker's actor id, or "" when unclear.
func (s *speakers) resolve(fr *frame) string {
	v := s.v
	if fr.sp1 <= fr.sp0 {
		return ""
	}
	// a mention on the speaker tokens resolved by the actors stage (names, roles, handles,
	// and pronouns when it resolves them)
	if id := v.actorIn(fr.sp0, fr.sp1, "person"); id != "" {
		return id
	}
	first := v.skipDeterminers(fr.sp0, fr.sp1)
	if first < fr.sp1 && v.isPronoun(first) && fr.sp1-first <= 2 {
		if v.lex.plural[v.norm(first)] {
			return ""
		}
		return s.previousPerson(v.d.Tokens[first].Start)
	}
	// a title or role: the person named before with it
	for k := first; k < fr.sp1 && k < first+3; k++ {
		if v.f.roles[v.norm(k)] {
			if id := s.roleHolder(k); id != "" {
				return id
			}
			break
		}
	}
	return ""
}

func (v *view) skipDeterminers(a, b int) int {
	for a < b && (v.lex.determiner[v.norm(a)] || v.lex.opener[v.norm(a)]) {
		a++
	}
	return a
}

// previousPerson returns the actor of the closest person mention ending before off, within
// the last few sentences.
func (s *speakers) previousPerson(off int) string {
	d := s.v.d
	si := d.SentenceAt(off)
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := &d.Mentions[i]
		if m.End > off || m.Actor == "" {
			continue
		}
		if si >= 0 {
			if ms := d.SentenceAt(m.Start); ms >= 0 && si-ms > 4 {
				break
			}
		}
		if m.Form == "pronoun" {
			continue
		}
		if s.personActor(m.Actor) {
			return m.Actor
		}
	}
	return ""
}

// roleHolder: the role word at token k ("le ministre", "the spokesman") stands for the
// person last named next to the same word, or the person actor that holds the role.
func (s *speakers) roleHolder(k int) string {
	v := s.v
	d := v.d
	role := v.norm(k)
	off := d.Tokens[k].Start
	for j := k - 1; j >= 0; j-- {
		if v.norm(j) != role {
			continue
		}
		// a person mention within eight tokens of the earlier role word, same sentence
		lo, hi := max(0, j-8), min(len(d.Tokens), j+9)
		st, en := d.Tokens[lo].Start, d.Tokens[hi-1].End
		best, bestDist := "", 1<<30
		for i := range d.Mentions {
			m := &d.Mentions[i]
			if m.Actor == "" || m.Start < st || m.End > en || m.End > off || !s.personActor(m.Actor) {
				continue
			}
			if d.SentenceAt(m.Start) != d.Tokens[j].Sent {
				continue
			}
			dist := abs(m.Start - d.Tokens[j].Start)
			if dist < bestDist {
				best, bestDist = m.Actor, dist
			}
		}
		if best != "" {
			return best
		}
	}
	// an actor known by that role
	found := ""
	for i := range d.Actors {
		a := &d.Actors[i]
		if a.Kind == "person" && a.Role != "" && foldEq(a.Role, role) {
			if found != "" && found != a.ID {
				return "" // two holders: unclear
			}
			found = a.ID
		}
	}
	return found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func foldEq(a, b string) bool {
	return letters(a) == letters(b)
}
