// Package ner is griot's statistical name tagger: an averaged structured perceptron over BIO
// tags, decoded with Viterbi (first order, with the BIO constraint that I-X follows B-X or
// I-X). Features are the word, its lower-case form, shape, prefixes and suffixes, its
// neighbours, capitalisation at a sentence start, how the document writes the word elsewhere,
// and the hints a caller gives each token (in griot: the actor registry's matches and the
// rule-based names of the actors stage, see actors.Resolver.Hints).
//
// A Model is trained by Train (deterministic: fixed order and seed), written gzip'd by
// Model.WriteTo and read back by Read. The models trained on shippable corpora are embedded
// (see Embedded). A Model is read-only after training and safe for concurrent use.
package ner

import (
	"fmt"
	"strings"
)

// Token is one token to tag: its text and the hints the caller attaches to it (strings such
// as "reg:GPE-B"; they become features as they are, so training and tagging must use the
// same hint source).
type Token struct {
	Text  string
	Hints []string
}

// Sentence is a sequence of tokens.
type Sentence []Token

// Entity is a name over tokens [Start, End) of a sentence, with a type (PER, ORG, LOC, MISC…).
type Entity struct {
	Start, End int
	Type       string
}

// Model is a trained tagger.
type Model struct {
	Lang  string   // the language the model was trained for (informative)
	Tags  []string // "O", then B-X and I-X for each type X
	index table
	w     []float32 // len(index) rows of len(Tags) weights
	trans []float32 // (len(Tags)+1) × len(Tags): row len(Tags) is the start
	allow []bool    // allowed transitions (BIO), same layout as trans
}

// nt is the number of tags.
func (m *Model) nt() int { return len(m.Tags) }

// NumFeatures is the number of features with weights.
func (m *Model) NumFeatures() int { return m.index.n }

// Types returns the entity types the model knows, in tag order.
func (m *Model) Types() []string {
	var out []string
	for _, t := range m.Tags {
		if strings.HasPrefix(t, "B-") {
			out = append(out, t[2:])
		}
	}
	return out
}

// makeTags builds the tag list of a set of types.
func makeTags(types []string) []string {
	tags := []string{"O"}
	for _, t := range types {
		tags = append(tags, "B-"+t, "I-"+t)
	}
	return tags
}

// buildAllow fills the BIO constraint matrix: I-X only after B-X or I-X (never at the start).
func buildAllow(tags []string) []bool {
	n := len(tags)
	allow := make([]bool, (n+1)*n)
	for p := 0; p <= n; p++ {
		for c := 0; c < n; c++ {
			ok := true
			if strings.HasPrefix(tags[c], "I-") {
				ok = p < n && tags[p] != "O" && tags[p][2:] == tags[c][2:]
			}
			allow[p*n+c] = ok
		}
	}
	return allow
}

// Tag returns the BIO tag of each token of each sentence of one document (the document is
// needed for the features that look at how a word is written elsewhere in it).
func (m *Model) Tag(docSents []Sentence) [][]string {
	fx := newExtractor(docSents)
	out := make([][]string, len(docSents))
	var scores []float32
	var feats []uint64
	for si, s := range docSents {
		if len(s) == 0 {
			continue
		}
		nt := m.nt()
		if cap(scores) < len(s)*nt {
			scores = make([]float32, len(s)*nt)
		}
		scores = scores[:len(s)*nt]
		clear(scores)
		for i := range s {
			feats = fx.features(feats[:0], si, i)
			row := scores[i*nt : (i+1)*nt]
			for _, f := range feats {
				k, ok := m.index.get(f)
				if !ok {
					continue
				}
				wr := m.w[int(k)*nt : int(k+1)*nt]
				for t := range row {
					row[t] += wr[t]
				}
			}
		}
		path := viterbi(scores, len(s), nt, m.trans, m.allow, nil)
		tags := make([]string, len(s))
		for i, t := range path {
			tags[i] = m.Tags[t]
		}
		out[si] = tags
	}
	return out
}

// viterbi finds the best tag sequence given per-token scores and transition weights; where
// fixed (if not nil) holds a tag index ≥ 0, the path goes through that tag.
func viterbi(scores []float32, n, nt int, trans []float32, allow []bool, fixed []int) []int {
	const neg = float32(-1e30)
	best := make([]float32, n*nt)
	back := make([]int32, n*nt)
	free := func(i, c int) bool { return fixed == nil || fixed[i] < 0 || fixed[i] == c }
	for c := 0; c < nt; c++ {
		if allow[nt*nt+c] && free(0, c) {
			best[c] = scores[c] + trans[nt*nt+c]
		} else {
			best[c] = neg
		}
	}
	for i := 1; i < n; i++ {
		for c := 0; c < nt; c++ {
			bv, bp := neg, int32(0)
			if !free(i, c) {
				best[i*nt+c], back[i*nt+c] = neg, 0
				continue
			}
			for p := 0; p < nt; p++ {
				if !allow[p*nt+c] {
					continue
				}
				if v := best[(i-1)*nt+p] + trans[p*nt+c]; v > bv {
					bv, bp = v, int32(p)
				}
			}
			if bv == neg {
				best[i*nt+c] = neg
			} else {
				best[i*nt+c] = bv + scores[i*nt+c]
			}
			back[i*nt+c] = bp
		}
	}
	path := make([]int, n)
	bv, bc := neg, 0
	for c := 0; c < nt; c++ {
		if best[(n-1)*nt+c] > bv {
			bv, bc = best[(n-1)*nt+c], c
		}
	}
	for i := n - 1; i >= 0; i-- {
		path[i] = bc
		bc = int(back[i*nt+bc])
	}
	return path
}

// Entities reads the names of a BIO tag sequence (an I-X after O or another type starts a name).
func Entities(tags []string) []Entity {
	var out []Entity
	cur, typ := -1, ""
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "B-"):
			if cur >= 0 {
				out = append(out, Entity{cur, i, typ})
			}
			cur, typ = i, t[2:]
		case strings.HasPrefix(t, "I-") && cur >= 0 && t[2:] == typ:
		case strings.HasPrefix(t, "I-"):
			if cur >= 0 {
				out = append(out, Entity{cur, i, typ})
			}
			cur, typ = i, t[2:]
		default:
			if cur >= 0 {
				out = append(out, Entity{cur, i, typ})
			}
			cur, typ = -1, ""
		}
	}
	if cur >= 0 {
		out = append(out, Entity{cur, len(tags), typ})
	}
	return out
}

// BIO writes entities of a sentence of n tokens as BIO tags.
func BIO(n int, es []Entity) ([]string, error) {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	for _, e := range es {
		if e.Start < 0 || e.End > n || e.Start >= e.End {
			return nil, fmt.Errorf("ner: entity %d-%d outside a sentence of %d tokens", e.Start, e.End, n)
		}
		tags[e.Start] = "B-" + e.Type
		for i := e.Start + 1; i < e.End; i++ {
			tags[i] = "I-" + e.Type
		}
	}
	return tags, nil
}
