package events

import "github.com/griot-project/griot/doc"

// conventional tells whether a violent event is a use of conventional military force
// (CAMEO 19, griot's FIGHT) rather than unconventional violence (CAMEO 18 and 20, ASSAULT),
// and returns its FIGHT mode. As CAMEO and PLOVER 0.5 define it, FIGHT is told by its means
// — air power (aerial, CAMEO 195), artillery, rockets and armour (heavy-weapons, 194), a
// firefight between armed men (firearms, 193): "warplanes killed…", "rebels shelled the
// town", "les frappes aériennes ont tué…", "killed in a gunbattle" — or by organised armed
// forces on both sides ("rebels attacked an army post", "des jihadistes ont attaqué des
// soldats"). Killings, bombings, abductions, massacres and the like stay ASSAULT whoever
// commits them. The means are read in the trigger, in the clause before it from its actor
// on, and in its phrase after it (preps.tsv: airarms, heavyarms, smallarms).
func (r *reader) conventional(cd *cand, actor, recipient []string) (mode string, ok bool) {
	if cd.ev.Type != "ASSAULT" {
		return "", false
	}
	switch cd.ev.Mode {
	case "", "aerial", "firearms", "heavy-weapons":
	default:
		return "", false // a massacre, an abduction, a bombing… is unconventional whoever does it
	}
	if cd.ev.Mode == "heavy-weapons" {
		return cd.ev.Mode, true // "pilonné": the trigger tells the means
	}
	s := r.d.Sentences[cd.sent]
	from := max(s.Tok0, cd.hit.start-6)
	for _, mi := range cd.actorM {
		if m := r.d.Mentions[mi]; m.Tok0 >= s.Tok0 && m.Tok0 < from {
			from = m.Tok0
		}
	}
	to := min(s.Tok1, cd.hit.end+10)
	for j := cd.hit.end; j < to; j++ {
		if r.isPunct(j, ".;:!?()") || r.w.is("compl", r.tok(j)) || r.w.is("rel", r.tok(j)) || r.w.is("contrast", r.tok(j)) {
			to = j
			break
		}
	}
	for _, m := range [...]struct{ class, mode string }{{"airarms", "aerial"}, {"heavyarms", "heavy-weapons"}, {"smallarms", "firearms"}} {
		for j := from; j < to; j++ {
			if r.d.Tokens[j].Kind == doc.Word && r.w.is(m.class, r.tok(j)) {
				return m.mode, true
			}
		}
	}
	if r.organisedForce(actor) && r.organisedForce(recipient) {
		return "", true
	}
	return "", false
}

// organisedForce: one of the parties is a military force or an organised armed group (not
// the police, criminals or spies: their violence is repression or crime).
func (r *reader) organisedForce(ids []string) bool {
	for _, id := range ids {
		if a := r.actors[id]; a != nil {
			for _, s := range a.Sector {
				switch s {
				case "MIL", "REB", "INS", "UAF", "PRM":
					return true
				}
			}
		}
	}
	return false
}

// opposedParty: the party set against the one named at mention mi ("pitted the army against
// the rebels", "ont opposé l'armée aux rebelles"): the next mention of the sentence, right
// after mi's phrase, behind a preposition of the class "opposedprep" (against, contre, à…).
func (r *reader) opposedParty(si, mi int) string {
	s := r.d.Sentences[si]
	m := r.d.Mentions[mi]
	j := m.Tok1
	if j >= s.Tok1 || !r.w.is("opposedprep", r.tok(j)) {
		return ""
	}
	for k := j + 1; k < min(s.Tok1, j+4); k++ {
		if n := r.mentionAt[k]; n >= 0 {
			if !r.usable(n) {
				return ""
			}
			return r.d.Mentions[n].Actor
		}
		if r.d.Tokens[k].Kind != doc.Word {
			return ""
		}
	}
	return ""
}
