package quotes

import (
	"strings"

	"github.com/griot-project/griot/doc"
)

// speakers turns a frame's speaker tokens into an actor id.
type speakers struct {
	v      *view
	quoted []doc.Span // direct quotes: names inside them are not antecedents of "il"/"she"
	// the last speaker resolved, and in which sentence: the most salient antecedent
	lastID   string
	lastSent int
	gender   map[string]byte   // actor → 'm' / 'f' from honorifics or pronouns already resolved
	byRole   map[string]string // role word → the last speaker named with it ("un avocat …" → "son avocat")
}

func newSpeakers(v *view, raws []rawQuote) *speakers {
	s := &speakers{v: v, lastSent: -100, gender: map[string]byte{}, byRole: map[string]string{}}
	for _, r := range raws {
		s.quoted = append(s.quoted, r.content())
	}
	// honorifics give a person's gender: Mr, M., Monsieur / Mrs, Ms, Mme, Madame
	d := v.d
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Actor == "" {
			continue
		}
		w := strings.ToLower(strings.TrimSuffix(strings.Fields(m.Text + " x")[0], "."))
		if m.Tok0 > 0 && m.Tok0 <= len(d.Tokens) {
			if p := strings.TrimSuffix(strings.ToLower(v.text(m.Tok0-1)), "."); honorific[p] != 0 {
				w = p
			} else if p == "." && m.Tok0 > 1 && honorific[strings.ToLower(v.text(m.Tok0-2))] != 0 {
				w = strings.ToLower(v.text(m.Tok0 - 2))
			}
		}
		if g := honorific[w]; g != 0 {
			s.gender[m.Actor] = g
		}
	}
	return s
}

// speaksFor: roles whose holder speaks for the actor of their complement ("le porte-parole du
// gouvernement", "the minister of defence").
var speaksFor = map[string]bool{"porte-parole": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"representant": true, "representative": true, "ministre": true, "minister": true, "ambassadeur": true, "ambassador": true,
	"president": true, "presidente": true, "chef": true, "leader": true, "secretary": true, "secretaire": true,
	"premier": true, "chancellor": true, "gouverneur": true, "governor": true, "maire": true, "mayor": true,
	"commandant": true, "commander": true, "directeur": true, "director": true, "envoye": true, "envoy": true}

var honorific = map[string]byte{"mr": 'm', "m": 'm', "monsieur": 'm', "sir": 'm', "lord": 'm',
	"mrs": 'f', "ms": 'f', "mme": 'f', "madame": 'f', "mlle": 'f', "miss": 'f', "lady": 'f', "dame": 'f'}

var pronounGender = map[string]byte{"il": 'm', "he": 'm', "elle": 'f', "she": 'f'}

// remember notes a frame's resolved speaker as the most salient one.
func (s *speakers) remember(fr *frame, id string) {
	if id == "" {
		return
	}
	for k := fr.sp0; k < fr.sp1; k++ {
		if s.v.f.roles[s.v.norm(k)] || s.v.f.sourceNouns[s.v.norm(k)] {
			s.byRole[s.v.norm(k)] = id
		}
	}
	if strings.HasPrefix(id, "anon-") {
		return // an unnamed source is not what "he" or "she" stands for
	}
	s.lastID, s.lastSent = id, fr.sent
	if fr.pronoun && fr.sp1 > fr.sp0 {
		if g := pronounGender[s.v.norm(fr.sp0)]; g != 0 && s.gender[id] == 0 {
			s.gender[id] = g
		}
	}
}

func (s *speakers) inQuote(off int) bool {
	for _, q := range s.quoted {
		if q.Start <= off && off < q.End {
			return true
		}
	}
	return false
}

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
	// "un avocat de la chanteuse", "an analyst at the bank": someone of its own, not the
	// actor named in the complement (a spokesperson or a minister does speak for it)
	if h := v.skipDeterminers(fr.sp0, fr.sp1); v.headWithComplement(fr.sp0, fr.sp1) && !speaksFor[v.norm(h)] {
		if id := v.actorIn(fr.sp0, h+1, ""); id != "" {
			return id // the head itself is a resolved mention
		}
		// "la correspondante de BBC Afrique" after "Valérie Bony, la correspondante de …"
		if id := s.byRole[v.norm(h)]; id != "" {
			return id
		}
		if v.f.roles[v.norm(h)] {
			return s.roleHolder(h)
		}
		return ""
	}
	// a mention on the speaker tokens resolved by the actors stage (names, roles, handles,
	// and pronouns when it resolves them)
	if id := v.actorIn(fr.sp0, fr.sp1, "person"); id != "" {
		return id
	}
	// "le président Macron a été cité comme ayant déclaré": the person of the whole clause
	if fr.kind == fPreposed && fr.full0 >= 0 && fr.full0 < fr.sp0 && relWords[v.norm(fr.sp0)] {
		// "Podesta, who said …": who is the antecedent
		if id := v.actorIn(fr.full0, fr.sp0, "person"); id != "" {
			return id
		}
	}
	if fr.kind == fPreposed && fr.full0 >= 0 && fr.full0 < fr.sp0 {
		if id := v.actorIn(fr.full0, fr.sp1, "person"); id != "" && s.personActor(id) {
			return id
		}
	}
	if fr.sp1-fr.sp0 == 1 && possessives[v.norm(fr.sp0)] != 0 {
		// "à son avis" → the last speaker; "à leur avis" → the group the sentence before is about
		if possessives[v.norm(fr.sp0)] == 's' {
			if s.lastID != "" && s.gap(s.lastSent, fr.sent) <= 2 {
				return s.lastID
			}
			return s.previousPerson(v.d.Tokens[fr.sp0].Start, 0)
		}
		return s.previousGroup(fr.sent)
	}
	first := v.skipDeterminers(fr.sp0, fr.sp1)
	if first < fr.sp1 && v.isPronoun(first) && fr.sp1-first <= 2 {
		if v.lex.plural[v.norm(first)] {
			return ""
		}
		g := pronounGender[v.norm(first)]
		// the speaker of the last two sentences first (who was speaking goes on speaking),
		// then the closest person named outside quotes; never one of the other gender
		if s.lastID != "" && s.gap(s.lastSent, fr.sent) <= 2 && s.personActor(s.lastID) && s.fits(s.lastID, g) {
			return s.lastID
		}
		return s.previousPerson(v.d.Tokens[first].Start, g)
	}
	// a title or role: the person named before with it
	for k := first; k < fr.sp1 && k < first+3; k++ {
		if id := s.byRole[v.norm(k)]; id != "" {
			return id // the speaker last named with this role
		}
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
func (s *speakers) previousPerson(off int, g byte) string {
	d := s.v.d
	si := d.SentenceAt(off)
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := &d.Mentions[i]
		if m.End > off || m.Actor == "" {
			continue
		}
		if si >= 0 {
			if ms := d.SentenceAt(m.Start); ms >= 0 && s.gap(ms, si) > 4 {
				break
			}
		}
		if m.Form == "pronoun" || s.inQuote(m.Start) {
			continue
		}
		if m.Tok1 > 0 && m.Tok1 < len(d.Tokens) && d.Tokens[m.Tok1].Norm == "'s" && m.Form == "role" {
			continue // "her brother's strike": a possessive description is not who speaks next
		}
		if s.personActor(m.Actor) && s.fits(m.Actor, g) && !strings.HasPrefix(m.Actor, "anon-") {
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

// previousGroup: the subject of the sentence before sent when it is a group of unnamed
// sources ("Les observateurs s'attendent à …. À leur avis, …"), as an anon- actor.
func (s *speakers) previousGroup(sent int) string {
	v := s.v
	if sent <= 0 {
		return ""
	}
	p := v.d.Sentences[sent-1]
	a := v.skipOpeners(p.Tok0, p.Tok1)
	b := v.skipDeterminers(a, p.Tok1)
	for b < p.Tok1 && b < a+5 {
		n := v.norm(b)
		if n == "s'" || n == "se" || clitics[n] || v.lex.aux[n] || passiveBe[n] || v.lex.finite[n] != "" || v.d.Tokens[b].Kind == doc.Punct {
			break
		}
		b++
	}
	if b == a || b >= p.Tok1 {
		return ""
	}
	plural := false
	for k := a; k < b; k++ {
		n := v.norm(k)
		plural = plural || v.f.sourceNouns[n] && (strings.HasSuffix(n, "s") || strings.HasSuffix(n, "x"))
	}
	if !plural {
		return ""
	}
	return v.anonymousSource(&frame{sp0: a, sp1: b, sent: sent - 1})
}

// gap counts the sentences from a to b that are not inside a quotation (a quote running
// over paragraphs keeps its speaker salient).
func (s *speakers) gap(a, b int) int {
	n := 0
	for k := a + 1; k <= b && k < len(s.v.d.Sentences); k++ {
		if k >= 0 && !s.inQuote(s.v.d.Sentences[k].Start+1) {
			n++
		}
	}
	return n
}

func (s *speakers) fits(id string, g byte) bool {
	have := s.gender[id]
	return g == 0 || have == 0 || have == g
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
