package actors

import (
	"github.com/griot-project/griot/doc"
)

// Hint is what the registry and the name rules say about a byte range of the text: the
// features the statistical tagger (package ner) reads besides the words.
//
// Labels: "reg:T" a registry match of type T (PER ORG GPE LOC MISC) and "form:F" its form
// (name, alias, demonym, capital, acronym…); "role:C" a role word or title of class C;
// "cap" a capitalised run the registry does not know; "rule:T" a name the rules of this
// stage type T; and per word: "first" (a known first name), "orgw" (a word of organisation
// names), "stop" (a word that never starts a name), "locprep" (a preposition of place).
type Hint struct {
	Start, End int
	Label      string
}

// Hints returns the hints of d (segmented: d.Tokens and d.Sentences), in text order of their
// first token. Multi-token hints cover their whole range; callers mark the first token.
func (r *Resolver) Hints(d *doc.Document) []Hint {
	if len(d.Tokens) == 0 {
		return nil
	}
	b := r.getBufs()
	defer r.putBufs(b)
	var out []Hint
	span := func(t0, t1 int, label string) {
		out = append(out, Hint{d.Tokens[t0].Start, d.Tokens[t1-1].End, label})
	}
	for i, t := range d.Tokens {
		if t.Kind != doc.Word {
			continue
		}
		switch {
		case r.first[t.Norm]:
			span(i, i+1, "first")
		case r.stop[t.Norm]:
			span(i, i+1, "stop")
		}
		if r.orgWords[t.Norm] {
			span(i, i+1, "orgw")
		}
		if r.locPrep[t.Norm] {
			span(i, i+1, "locprep")
		}
	}
	cands := r.recognize(d, b)
	for _, it := range b.items {
		switch it.kind {
		case itemEntry, itemHashtag:
			if len(it.hits) == 0 {
				continue
			}
			h := it.hits[0]
			if h.entry >= 0 {
				span(it.t0, it.t1, "reg:"+r.entries[h.entry].typ)
				span(it.t0, it.t1, "form:"+h.form)
			}
		case itemRole:
			if h := it.hits[0]; h.role >= 0 {
				span(it.t0, it.t1, "role:"+r.roles[h.role].class)
			}
		case itemName:
			span(it.t0, it.t1, "cap")
		}
	}
	for _, m := range cands {
		if m.n1 <= m.n0 {
			continue
		}
		typ := m.full.Type
		if m.nameType != "" {
			typ = m.nameType
		}
		span(m.n0, m.n1, "rule:"+typ)
	}
	return out
}
