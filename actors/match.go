package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/internal/strtab"
)

// item is one unit found in a sentence: a registry match, a role word, a capitalised name run
// not in the registry, a handle or a hashtag.
type item struct {
	t0, t1 int // token range [t0, t1)
	sent   int // sentence index
	kind   itemKind
	acro   bool  // the expansion of an acronym in parentheses after it
	hits   []hit // registry hits whose case constraints hold (itemEntry, itemRole)
}

type itemKind uint8

const (
	itemEntry itemKind = iota
	itemRole
	itemName // capitalised words not in the registry
	itemHandle
	itemHashtag
)

// capitalised reports whether token i starts with an upper-case letter.
func capitalised(d *doc.Document, i int) bool {
	t := d.Tokens[i]
	c := d.Text[t.Start]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(d.Text[t.Start:t.End])
	return unicode.IsUpper(r)
}

// allUpper reports whether every letter of the tokens [t0, t1) is upper-case (and there are some).
func allUpper(d *doc.Document, t0, t1 int) bool {
	n := 0
	for i := t0; i < t1; i++ {
		for _, c := range d.Text[d.Tokens[i].Start:d.Tokens[i].End] {
			if unicode.IsLetter(c) {
				if !unicode.IsUpper(c) {
					return false
				}
				n++
			}
		}
	}
	return n > 0
}

// trie is the registry's patterns as a tree of folded tokens. It holds no pointer per node
// (the collector followed each of ~6,000 nodes and their maps at every cycle): a token is a
// number (words), an edge a pair of numbers in a map without pointers, and the hits of node
// n are hits[n]. The root is node 0.
type trie struct {
	words *strtab.Table     // folded token → its number
	edges map[uint64]uint32 // node<<32 | token number → child node
	hits  [][]hit           // by node
}

// newTrie builds the tree of the patterns (folded tokens joined by ' ').
func newTrie(pats map[string][]hit) *trie {
	t := &trie{edges: map[uint64]uint32{}, hits: [][]hit{nil}}
	ids := map[string]uint64{}
	for key, hs := range pats {
		n := uint32(0)
		for _, w := range strings.Split(key, " ") {
			id, ok := ids[w]
			if !ok {
				id = uint64(len(ids))
				ids[w] = id
			}
			e := uint64(n)<<32 | id
			c, ok := t.edges[e]
			if !ok {
				c = uint32(len(t.hits))
				t.hits = append(t.hits, nil)
				t.edges[e] = c
			}
			n = c
		}
		t.hits[n] = hs
	}
	t.words = strtab.New(ids)
	return t
}

// child returns the node under node n by token w, 0 when there is none.
func (t *trie) child(n uint32, w string) uint32 {
	id, ok := t.words.Get(w)
	if !ok {
		return 0
	}
	return t.edges[uint64(n)<<32|id]
}

// lookup finds the longest registry pattern starting at token i and ending before token end,
// with the hits whose case constraints the text meets.
func (r *Resolver) lookup(d *doc.Document, i, end int) (int, []hit) {
	if i >= end || i >= len(d.Tokens) {
		return 0, nil // callers look ahead ("i+2") at the end of a sentence
	}
	if f := firstHash(d.Tokens[i].Norm); r.starts[f>>6]&(1<<(f&63)) == 0 {
		return 0, nil
	}
	var path [maxPatternNG + 1]uint32
	n := uint32(0)
	k := 0
	for j := i; j < end && k < maxPatternNG; j++ {
		c := r.root.child(n, d.Tokens[j].Norm)
		if c == 0 {
			break
		}
		k++
		path[k] = c
		n = c
	}
	for ; k >= 1; k-- {
		hs := r.root.hits[path[k]]
		if len(hs) == 0 {
			continue
		}
		if good := caseFilter(d, i, k, hs); len(good) > 0 {
			return k, good
		}
	}
	return 0, nil
}

// caseFilter keeps the hits whose capitalisation constraints hold for tokens [i, i+n).
func caseFilter(d *doc.Document, i, n int, hs []hit) []hit {
	okHit := func(h hit) bool {
		if h.upper && !allUpper(d, i, i+n) {
			return false
		}
		for b := 0; b < n && h.caps != 0; b++ {
			if h.caps&(1<<uint(b)) != 0 && !capitalised(d, i+b) {
				return false
			}
		}
		return true
	}
	all := true
	for _, h := range hs {
		if !okHit(h) {
			all = false
			break
		}
	}
	if all {
		return hs
	}
	var good []hit
	for _, h := range hs {
		if okHit(h) {
			good = append(good, h)
		}
	}
	return good
}

// nameConnector: lower-case words that may sit inside a capitalised name run.
var nameConnector = map[string]bool{"de": true, "du": true, "des": true, "d'": true, "la": true, "le": true, "van": true, "von": true, "der": true, "den": true, "da": true, "dos": true, "di": true, "al": true, "el": true, "bin": true, "ben": true, "ould": true, "of": true, "-": true, "y": true, "et": true, "and": true, "&": true, "for": true, "pour": true}

// isNameWord: a capitalised word token (or a number glued in a name like "G5").
func (r *Resolver) isNameWord(d *doc.Document, i int) bool {
	t := d.Tokens[i]
	return t.Kind == doc.Word && capitalised(d, i)
}

// scan finds the items of sentence s.
func (r *Resolver) scan(d *doc.Document, si int, s doc.Sentence, out []item) []item {
	first := len(out)
	defer func() {
		for k := first; k < len(out); k++ {
			out[k].sent = si
		}
	}()
	end := s.Tok1
	for i := s.Tok0; i < end; {
		t := d.Tokens[i]
		switch t.Kind {
		case doc.Handle:
			out = append(out, item{t0: i, t1: i + 1, kind: itemHandle})
			i++
			continue
		case doc.Hashtag:
			var hs []hit
			if x, ok := r.pats[t.Norm[1:]]; ok {
				for _, h := range x {
					if h.entry >= 0 {
						h.form = FormHashtag
						hs = append(hs, h)
					}
				}
			}
			out = append(out, item{t0: i, t1: i + 1, kind: itemHashtag, hits: hs})
			i++
			continue
		case doc.Punct, doc.URL, doc.Symbol:
			i++
			continue
		}
		n, hs := r.lookup(d, i, end)
		if n > 0 {
			k := itemEntry
			if hs[0].entry < 0 {
				k = itemRole
			}
			// a one-word country or capital glued to an unknown capitalised word is part of a
			// name ("Sanaa Seif", "Jordan Peterson"), not the place
			if k == itemEntry && n == 1 && r.placeOnly(hs) && i+1 < end && r.isNameWord(d, i+1) && !r.stop[d.Tokens[i+1].Norm] && !r.orgWords[d.Tokens[i+1].Norm] {
				// not before a role word: "Ukraine Energy Minister X" is the country and a title
				if m2, hs2 := r.lookup(d, i+2, end); i+2 < end && m2 > 0 && hs2[0].entry < 0 {
					out = append(out, item{t0: i, t1: i + n, kind: k, hits: hs})
					i += n
					continue
				}
				if m, _ := r.lookup(d, i+1, end); m == 0 {
					j := r.nameRunEnd(d, i+1, end)
					out = append(out, item{t0: i, t1: j, kind: itemName})
					i = j
					continue
				}
			}
			out = append(out, item{t0: i, t1: i + n, kind: k, hits: hs})
			i += n
			continue
		}
		if t.Kind == doc.Word && capitalised(d, i) && !r.stop[t.Norm] && len(t.Norm) > 1 {
			j := r.nameRunEnd(d, i, end)
			if d.Lang == "fr" && r.orgWords[t.Norm] {
				j = r.frenchOrgEnd(d, j, end)
			}
			out = append(out, item{t0: i, t1: j, kind: itemName})
			i = j
			continue
		}
		i++
	}
	return out
}

// placeOnly: every hit is a country name or capital (not a person, an organisation, a role).
func (r *Resolver) placeOnly(hs []hit) bool {
	for _, h := range hs {
		if h.entry < 0 {
			return false
		}
		e := &r.entries[h.entry]
		if e.Kind != kindCountry || (h.form != FormName && h.form != FormAlias && h.form != FormCapital) {
			return false
		}
	}
	return true
}

// nameRunEnd extends a capitalised run from token i: capitalised words, and connectors or
// hyphens followed by a capitalised word; it stops before a registry match or a role.
func (r *Resolver) nameRunEnd(d *doc.Document, i, end int) int {
	j := i + 1
	for j < end {
		t := d.Tokens[j]
		if r.isNameWord(d, j) && !r.stop[t.Norm] {
			if n, hs := r.lookup(d, j, end); n > 0 {
				// "Bank of England", "Université de Bamako" keep their place, and so does a
				// first name before a one-word place ("Michael Jordan", "George Washington");
				// otherwise a registry name ends the run
				firstName := j == i+1 && n == 1 && r.first[d.Tokens[i].Norm]
				if !(r.placeOnly(hs) && (r.orgWords[d.Tokens[i].Norm] || firstName)) {
					break
				}
			}
			j++
			continue
		}
		if (nameConnector[t.Norm] || t.Kind == doc.Number && len(t.Norm) <= 3) && j+1 < end && r.isNameWord(d, j+1) && d.Tokens[j+1].Kind == doc.Word {
			// "Houphouët-Boigny d'Abidjan": a place after a connector is not part of a person's name
			if n, hs := r.lookup(d, j+1, end); n > 0 {
				if !r.orgWords[d.Tokens[i].Norm] || !r.placeOnly(hs) {
					break
				}
			}
			if t.Norm == "-" && (d.Tokens[j-1].End != t.Start || t.End != d.Tokens[j+1].Start) {
				break
			}
			if (t.Norm == "and" || t.Norm == "et" || t.Norm == "&" || t.Norm == "for" || t.Norm == "pour" || t.Norm == "of") && !r.orgWords[d.Tokens[j-1].Norm] && !r.orgWords[d.Tokens[i].Norm] {
				break
			}
			j += 2
			continue
		}
		break
	}
	return j
}

// frenchOrgEnd extends a French institution's name that starts with an organisation word over
// its lower-case words: "Conseil national de transition", "Conseil constitutionnel ivoirien",
// "Front populaire ivoirien" (at most three words, "de"/"des"/"pour" only between two words).
func (r *Resolver) frenchOrgEnd(d *doc.Document, j, end int) int {
	words := 0
	for j < end && words < 3 {
		t := d.Tokens[j]
		if t.Kind != doc.Word || capitalised(d, j) && !r.orgWords[t.Norm] {
			break
		}
		if frOrgConnector[t.Norm] {
			// "… d'Afrique de l'Est", "… du Mali": a place or a country ends the name
			k := j + 1
			for k < end && (d.Tokens[k].Norm == "la" || d.Tokens[k].Norm == "l'") {
				k++
			}
			if k < end {
				if n, hs := r.lookup(d, k, end); n > 0 && hs[0].entry >= 0 {
					if e := &r.entries[hs[0].entry]; e.Kind == kindCountry || e.Kind == kindPlace {
						return k + n
					}
				}
			}
			if j+1 < end && d.Tokens[j+1].Kind == doc.Word && !r.stop[d.Tokens[j+1].Norm] && !frOrgConnector[d.Tokens[j+1].Norm] {
				j++
				continue
			}
			break
		}
		if r.stop[t.Norm] || len(t.Norm) < 4 {
			break
		}
		words++
		j++
	}
	// a connector left at the end is not part of the name
	for j > 0 && frOrgConnector[d.Tokens[j-1].Norm] {
		j--
	}
	return j
}

var frOrgConnector = map[string]bool{"de": true, "des": true, "du": true, "pour": true, "d'": true, "la": true, "l'": true}
