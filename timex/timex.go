// Package timex finds time expressions in French and English text and normalises them to
// TIMEX3 (type DATE, TIME, DURATION or SET; value such as 2022-08-10, 2022-W26-WE, P3D,
// PAST_REF) relative to the document's anchor date (its publication day).
//
// The tagger walks the tokens of each sentence once. At each token a handful of small
// grammars (dates, relative expressions, durations, clock times) are tried through
// lexicon look-ups on the folded token forms; the longest match wins. Bare weekdays, months
// and day-month dates are resolved by the tense of their sentence (past: the last one
// on or before the anchor; future: the next one), or by the narrative year of the text.
package timex

import (
	"fmt"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/langid"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/segment"
)

// Tagger tags time expressions. Build it once with New; it is safe for concurrent use.
type Tagger struct {
	lex [2]*lexicon // fr, en
	seg *segment.Segmenter
}

const (
	fr = 0
	en = 1
)

// New loads the French and English lexicons.
func New() (*Tagger, error) {
	t := &Tagger{seg: segment.New()}
	for i, name := range []string{"fr.txt", "en.txt"} {
		l, err := loadLexicon(name)
		if err != nil {
			return nil, err
		}
		t.lex[i] = l
	}
	t.lex[fr].addOther(t.lex[en])
	t.lex[en].addOther(t.lex[fr])
	t.lex[fr].index()
	t.lex[en].index()
	return t, nil
}

// Name of the stage.
func (t *Tagger) Name() string { return "timex" }

// Process fills d.Timexes, sorted by Start and non-overlapping. It needs d.Fold, d.Tokens
// and d.Sentences (the normalize and segment stages); a document without tokens is
// segmented here.
func (t *Tagger) Process(d *doc.Document) error {
	if len(d.Tokens) == 0 && d.Text != "" {
		if d.Fold.Text == "" {
			d.Fold = normalize.Fold(d.Text)
		}
		if err := t.segment(d); err != nil {
			return err
		}
	}
	d.Timexes = t.tag(d)
	return nil
}

// Tag reads one text with its language ("fr", "en", or "" / "auto" to detect) and
// reference date, for callers without a pipeline.
func (t *Tagger) Tag(text, lang string, anchor time.Time) []doc.Timex {
	d := &doc.Document{Text: text, Lang: lang, Anchor: anchor, Published: anchor}
	d.Fold = normalize.Fold(text)
	if lang != "fr" && lang != "en" {
		d.Lang = langid.Detect(text)
	}
	if err := t.segment(d); err != nil {
		return nil
	}
	return t.tag(d)
}

// segment runs the segmenter, turning a panic there into an error: segmentation is
// another package's, and odd input must not take the caller down (FuzzTag found one,
// kept in testdata/fuzz/FuzzTag).
func (t *Tagger) segment(d *doc.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("segmenting: %v", r)
		}
	}()
	return t.seg.Process(d)
}

func (t *Tagger) tag(d *doc.Document) []doc.Timex {
	if len(d.Tokens) == 0 {
		return nil
	}
	anchor := d.Anchor
	if anchor.IsZero() {
		anchor = d.Published
	}
	if anchor.IsZero() {
		anchor = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	anchor = time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
	lang := fr
	if d.Lang == "en" {
		lang = en
	}
	sc := &scanner{
		t: t, d: d, text: d.Text, toks: d.Tokens, lang: lang,
		lx: t.lex[lang], other: t.lex[1-lang], anchor: anchor,
	}
	// one look-up per token: the kinds of lexicon words it may be
	sc.mask = make([]uint64, len(d.Tokens))
	for i := range d.Tokens {
		sc.mask[i] = sc.lx.kinds(d.Tokens[i].Norm)
	}
	sents := d.Sentences
	if len(sents) == 0 {
		sents = []doc.Sentence{{Start: 0, End: len(d.Text), Tok0: 0, Tok1: len(d.Tokens)}}
	}
	for si, s := range sents {
		if s.Tok0 < 0 || s.Tok1 > len(d.Tokens) || s.Tok0 > s.Tok1 {
			continue
		}
		sc.sent, sc.s0, sc.s1 = si, s.Tok0, s.Tok1
		sc.tenseDone = false
		for i := s.Tok0; i < s.Tok1; {
			if !sc.starter(i) { // most tokens: no call to at
				i++
				continue
			}
			m, ok := sc.at(i)
			if !ok || m.end <= i {
				i++
				continue
			}
			sc.emit(m)
			i = m.end
		}
	}
	return sc.out
}
