package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// extractor computes the features of the tokens of one document.
type extractor struct {
	sents []Sentence
	lower [][]string
	shape [][]string      // runs collapsed to length 2 ("Xxx", "dd.dd")
	short [][]string      // runs collapsed to length 1 ("Xx", "d.d")
	lowIn map[string]bool // lower-case forms written in lower case somewhere in the document
	capIn map[string]bool // lower-case forms written capitalised inside a sentence (not first)
}

func newExtractor(sents []Sentence) *extractor {
	x := &extractor{sents: sents, lowIn: map[string]bool{}, capIn: map[string]bool{}}
	x.lower = make([][]string, len(sents))
	x.shape = make([][]string, len(sents))
	x.short = make([][]string, len(sents))
	for si, s := range sents {
		x.lower[si] = make([]string, len(s))
		x.shape[si] = make([]string, len(s))
		x.short[si] = make([]string, len(s))
		for i, t := range s {
			l := strings.ToLower(t.Text)
			x.lower[si][i] = l
			x.shape[si][i], x.short[si][i] = shapes(t.Text)
			r, _ := utf8.DecodeRuneInString(t.Text)
			switch {
			case unicode.IsLower(r):
				x.lowIn[l] = true
			case unicode.IsUpper(r) && i > 0 && !opener(s[i-1].Text):
				x.capIn[l] = true
			}
		}
	}
	return x
}

// opener: a token after which a capital is a sentence-start capital (quotes, colons, dashes).
func opener(s string) bool {
	switch s {
	case "\"", "“", "«", ":", "-", "--", "—", "(", "'", "``":
		return true
	}
	return false
}

// shapes returns the long and short shapes of a word.
func shapes(s string) (string, string) {
	var long, short strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			run = 1
			short.WriteRune(c)
		}
		if run <= 2 {
			long.WriteRune(c)
		}
		last = c
	}
	return long.String(), short.String()
}

// hasher is FNV-1a 64 over a feature's parts.
type hasher uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func h0(kind byte) hasher {
	h := hasher(fnvOffset)
	return h.b(kind)
}

func (h hasher) b(c byte) hasher { return (h ^ hasher(c)) * fnvPrime }

func (h hasher) s(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return h.b(0x1f)
}

const (
	fBias byte = iota + 1
	fWord
	fLower
	fShape
	fShort
	fPre
	fSuf
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevShape
	fNextShape
	fBiPrev
	fBiNext
	fInit
	fLowElse
	fCapElse
	fHint
	fHintPrev
	fHintNext
	fPrevShapeCur
	fLen
)

func (x *extractor) word(si, i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(x.sents[si]):
		return "</s>"
	}
	return x.lower[si][i]
}

func (x *extractor) shortAt(si, i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(x.sents[si]):
		return "</s>"
	}
	return x.short[si][i]
}

// features appends the feature hashes of token i of sentence si.
func (x *extractor) features(out []uint64, si, i int) []uint64 {
	s := x.sents[si]
	t := s[i]
	l := x.lower[si][i]
	add := func(h hasher) { out = append(out, uint64(h)) }
	add(h0(fBias))
	add(h0(fWord).s(t.Text))
	add(h0(fLower).s(l))
	add(h0(fShape).s(x.shape[si][i]))
	add(h0(fShort).s(x.short[si][i]))
	// prefixes and suffixes of 1 to 4 letters
	n := utf8.RuneCountInString(l)
	if n > 1 {
		k := 0
		for j := range l {
			if k > 0 && k <= 4 {
				add(h0(fPre).s(l[:j]))
			}
			k++
		}
		if k <= 4 {
			add(h0(fPre).s(l))
		}
		k = 0
		for j := len(l); j > 0 && k < 4; {
			_, sz := utf8.DecodeLastRuneInString(l[:j])
			j -= sz
			k++
			add(h0(fSuf).s(l[j:]))
		}
	}
	ln := byte(n)
	if n > 8 {
		ln = 8
	}
	add(h0(fLen).b(ln))
	prev, next := x.word(si, i-1), x.word(si, i+1)
	add(h0(fPrev).s(prev))
	add(h0(fNext).s(next))
	add(h0(fPrev2).s(x.word(si, i-2)))
	add(h0(fNext2).s(x.word(si, i+2)))
	add(h0(fPrevShape).s(x.shortAt(si, i-1)))
	add(h0(fNextShape).s(x.shortAt(si, i+1)))
	add(h0(fBiPrev).s(prev).s(l))
	add(h0(fBiNext).s(l).s(next))
	add(h0(fPrevShapeCur).s(prev).s(x.short[si][i]))
	initial := i == 0 || opener(s[i-1].Text)
	if initial {
		add(h0(fInit).s(x.short[si][i]))
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	if unicode.IsUpper(r) {
		if x.lowIn[l] {
			add(h0(fLowElse).b(b2(initial)))
		}
		if x.capIn[l] {
			add(h0(fCapElse).b(b2(initial)))
		}
	}
	for _, h := range t.Hints {
		add(h0(fHint).s(h))
	}
	if i > 0 {
		for _, h := range s[i-1].Hints {
			add(h0(fHintPrev).s(h))
		}
	}
	if i+1 < len(s) {
		for _, h := range s[i+1].Hints {
			add(h0(fHintNext).s(h))
		}
	}
	return out
}

func b2(b bool) byte {
	if b {
		return 1
	}
	return 0
}
