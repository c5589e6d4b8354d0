package ner

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
)

// Doc is one training document: its sentences and the gold BIO tag of every token. The tag
// "?" marks a token whose tag the gold does not say (partial annotation): training then takes
// as gold the best path through the known tags.
type Doc struct {
	Sents []Sentence
	Tags  [][]string
}

// Options of Train.
type Options struct {
	Lang   string
	Epochs int     // passes over the data (default 10)
	Seed   uint64  // seed of the shuffle of sentences between epochs (default 1)
	Prune  float32 // drop features whose averaged weights are all below this in magnitude
	Log    func(format string, args ...any)
}

// Train learns a model from documents. It is deterministic for given documents and options.
func Train(docs []Doc, opt Options) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	// the types, sorted
	typeSet := map[string]bool{}
	ntok := 0
	for di, d := range docs {
		if len(d.Sents) != len(d.Tags) {
			return nil, fmt.Errorf("ner: train document %d: %d sentences, %d tag rows", di, len(d.Sents), len(d.Tags))
		}
		for si, s := range d.Sents {
			if len(s) != len(d.Tags[si]) {
				return nil, fmt.Errorf("ner: train document %d sentence %d: %d tokens, %d tags", di, si, len(s), len(d.Tags[si]))
			}
			ntok += len(s)
			for _, t := range d.Tags[si] {
				if t == "O" || t == "?" {
					continue
				}
				if len(t) < 3 || (t[:2] != "B-" && t[:2] != "I-") {
					return nil, fmt.Errorf("ner: train document %d sentence %d: bad tag %q", di, si, t)
				}
				typeSet[t[2:]] = true
			}
		}
	}
	if ntok == 0 {
		return nil, errors.New("ner: no tokens to train on")
	}
	var types []string
	for t := range typeSet {
		types = append(types, t)
	}
	sort.Strings(types)
	m := &Model{Lang: opt.Lang, Tags: makeTags(types)}
	index := map[uint64]int32{}
	tagIdx := map[string]int{}
	for i, t := range m.Tags {
		tagIdx[t] = i
	}
	nt := m.nt()
	m.allow = buildAllow(m.Tags)

	// features of every token, once
	type sent struct {
		feats []int32 // all tokens' features, flat
		off   []int32 // token i's features are feats[off[i]:off[i+1]]
		gold  []int   // -1: unknown
		part  bool    // some tags are unknown
	}
	var sents []sent
	var buf []uint64
	for _, d := range docs {
		fx := newExtractor(d.Sents)
		for si, s := range d.Sents {
			if len(s) == 0 {
				continue
			}
			st := sent{off: make([]int32, 1, len(s)+1), gold: make([]int, len(s))}
			for i := range s {
				buf = fx.features(buf[:0], si, i)
				for _, f := range buf {
					if f == 0 {
						f = 1 // as the table stores it
					}
					k, ok := index[f]
					if !ok {
						k = int32(len(index))
						index[f] = k
					}
					st.feats = append(st.feats, k)
				}
				st.off = append(st.off, int32(len(st.feats)))
				g := d.Tags[si][i]
				if g == "?" {
					st.gold[i], st.part = -1, true
					continue
				}
				if p := prevTag(d.Tags[si], i); strings.HasPrefix(g, "I-") && p != "?" && (p == "O" || p[2:] != g[2:]) {
					g = "B-" + g[2:] // IOB1 or a stray I-: the name starts here
				}
				st.gold[i] = tagIdx[g]
			}
			sents = append(sents, st)
		}
	}
	nf := len(index)
	w := make([]float32, nf*nt)
	u := make([]float32, nf*nt) // sum of c × update, for averaging
	tr := make([]float32, (nt+1)*nt)
	tu := make([]float32, (nt+1)*nt)
	c := float32(1)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var scores []float32
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, oi := range order {
			st := &sents[oi]
			n := len(st.gold)
			if cap(scores) < n*nt {
				scores = make([]float32, n*nt)
			}
			scores = scores[:n*nt]
			clear(scores)
			for i := 0; i < n; i++ {
				row := scores[i*nt : (i+1)*nt]
				for _, k := range st.feats[st.off[i]:st.off[i+1]] {
					wr := w[int(k)*nt : int(k+1)*nt]
					for t := range row {
						row[t] += wr[t]
					}
				}
			}
			pred := viterbi(scores, n, nt, tr, m.allow, nil)
			gold := st.gold
			if st.part {
				gold = viterbi(scores, n, nt, tr, m.allow, st.gold)
			}
			for i := 0; i < n; i++ {
				g, p := gold[i], pred[i]
				gp, pp := nt, nt
				if i > 0 {
					gp, pp = gold[i-1], pred[i-1]
				}
				if g != p {
					errs++
					for _, k := range st.feats[st.off[i]:st.off[i+1]] {
						w[int(k)*nt+g]++
						u[int(k)*nt+g] += c
						w[int(k)*nt+p]--
						u[int(k)*nt+p] -= c
					}
				}
				if g != p || gp != pp {
					tr[gp*nt+g]++
					tu[gp*nt+g] += c
					tr[pp*nt+p]--
					tu[pp*nt+p] -= c
				}
			}
			c++
		}
		if opt.Log != nil {
			opt.Log("epoch %d: %d token errors of %d", ep+1, errs, ntok)
		}
	}
	// averaged weights, without the features whose weights are all (about) zero
	m.trans = make([]float32, len(tr))
	for i := range tr {
		m.trans[i] = tr[i] - tu[i]/c
	}
	keep := map[uint64]int32{}
	var aw []float32
	hashes := make([]uint64, 0, len(index))
	for f := range index {
		hashes = append(hashes, f)
	}
	slices.Sort(hashes) // rows in hash order: the same model, byte for byte, every time
	for _, f := range hashes {
		k := index[f]
		row := make([]float32, nt)
		big := false
		for t := 0; t < nt; t++ {
			v := w[int(k)*nt+t] - u[int(k)*nt+t]/c
			row[t] = v
			if math.Abs(float64(v)) > float64(opt.Prune) && v != 0 {
				big = true
			}
		}
		if big {
			keep[f] = int32(len(aw) / nt)
			aw = append(aw, row...)
		}
	}
	m.index, m.w = newTable(len(keep)), aw
	for f, k := range keep {
		m.index.put(f, k)
	}
	return m, nil
}

// prevTag is the tag before token i ("O" at the start).
func prevTag(tags []string, i int) string {
	if i == 0 {
		return "O"
	}
	return tags[i-1]
}
