// Package langid tells French from English. It asks whatlanggo (trigram profiles)
// restricted to the two languages griot reads, and for very short texts, where trigrams
// are unreliable, counts function words of each language.
package langid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/internal/wordlist"
)

var opts = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Fra: true, whatlanggo.Eng: true}}

var frWords = map[string]bool{"le": true, "la": true, "les": true, "des": true, "du": true, "et": true, "est": true, "une": true, "un": true, "dans": true, "pour": true, "qui": true, "que": true, "avec": true, "sur": true, "au": true, "aux": true, "a": true, "il": true, "elle": true, "pas": true, "ont": true, "selon": true}
var enWords = map[string]bool{"the": true, "of": true, "and": true, "to": true, "in": true, "is": true, "was": true, "for": true, "on": true, "with": true, "that": true, "he": true, "she": true, "it": true, "by": true, "has": true, "have": true, "said": true, "from": true, "at": true}

// funcWords holds frWords (bit 1) and enWords (bit 2) in one map, listed its keys: one
// filter test for most words, one look-up for the rest. Both are read-only.
var funcWords, listed = func() (map[string]uint8, *wordlist.Filter) {
	m := map[string]uint8{}
	for w := range frWords {
		m[w] |= 1
	}
	for w := range enWords {
		m[w] |= 2
	}
	return m, wordlist.NewFilter(m)
}()

// maxListed is the byte length of the longest word of frWords and enWords: a longer word
// needs no lookup.
var maxListed = func() int {
	n := 0
	for _, m := range []map[string]bool{frWords, enWords} {
		for w := range m {
			n = max(n, len(w))
		}
	}
	return n
}()

// Detect returns "fr" or "en" for text.
func Detect(text string) string {
	sample := text
	if len(sample) > 4000 {
		sample = sample[:4000]
		for len(sample) > 0 && sample[len(sample)-1]&0xC0 == 0x80 {
			sample = sample[:len(sample)-1]
		}
		if len(sample) > 0 && sample[len(sample)-1] >= 0xC0 {
			sample = sample[:len(sample)-1]
		}
	}
	fr, en := counts(sample)
	if fr+en >= 2 && (fr >= 2*en || en >= 2*fr) {
		if fr > en {
			return "fr"
		}
		return "en"
	}
	info := whatlanggo.DetectWithOptions(sample, opts)
	if info.Lang == whatlanggo.Fra {
		return "fr"
	}
	if info.Lang == whatlanggo.Eng {
		return "en"
	}
	if fr > en {
		return "fr"
	}
	return "en"
}

// counts scores the sample's words: French function words, diacritics and elisions; English
// function words and -ing, -ly.
func counts(sample string) (fr, en int) {
	// The words of strings.Fields(strings.ToLower(sample)) with strings.Trim(w,
	// ".,;:!?«»\"“”()'’") taken off, found in one pass without copying the sample: with
	// guillemets and accents in the text, Fields, ToLower and Trim each took their slow
	// rune-by-rune path (langid was a twelfth of the extraction's instructions).
	for rest := sample; ; {
		w, more := nextField(rest)
		if w == "" && more == "" {
			break
		}
		rest = more
		w = lower(trimPunct(w))
		if len(w) <= maxListed && listed.May(w) {
			b := funcWords[w]
			fr += int(b & 1)
			en += int(b >> 1)
		}
		// French diacritics and elisions; English -ing and -ly
		if hasFrenchAccent(w) || strings.HasPrefix(w, "l’") || strings.HasPrefix(w, "d’") || strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "qu'") || strings.HasPrefix(w, "qu’") {
			fr++
		}
		if len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly")) || w == "not" || w == "does" || w == "out" {
			en++
		}
	}
	return fr, en
}

// nextField returns the first run of non-space runes of s (unicode.IsSpace, as
// strings.Fields) and what follows it; w is "" when s holds no more fields.
func nextField(s string) (w, rest string) {
	i := 0
	for i < len(s) { // white space before the field
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return "", ""
	}
	start := i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				return s[start:i], s[i:]
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return s[start:i], s[i:]
		}
		i += size
	}
	return s[start:], ""
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// lower is strings.ToLower without the copy when w has no upper-case ASCII letter and no
// multi-byte rune.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// isPunct reports the runes strings.Trim(w, ".,;:!?«»\"“”()'’") takes off.
func isPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '«', '»', '"', '“', '”', '(', ')', '\'', '’':
		return true
	}
	return false
}

// trimPunct is strings.Trim(w, ".,;:!?«»\"“”()'’") (an invalid byte is kept, as there).
func trimPunct(w string) string {
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if !isPunct(r) {
			break
		}
		w = w[size:]
	}
	for w != "" {
		r, size := utf8.DecodeLastRuneInString(w)
		if !isPunct(r) {
			break
		}
		w = w[:len(w)-size]
	}
	return w
}

// hasFrenchAccent is strings.ContainsAny(w, "éèêàçùâîôû") by bytes: each of them is C3
// followed by one byte, and C3 always starts a rune.
func hasFrenchAccent(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] == 0xC3 {
			switch w[i+1] {
			case 0xA9, 0xA8, 0xAA, 0xA0, 0xA7, 0xB9, 0xA2, 0xAE, 0xB4, 0xBB:
				return true
			}
		}
	}
	return false
}

// Stage sets Document.Lang when it is empty or "auto".
type Stage struct{}

// Name of the stage.
func (Stage) Name() string { return "langid" }

// Process detects the language unless it was given.
func (Stage) Process(d *doc.Document) error {
	if d.Lang == "" || d.Lang == "auto" {
		d.Lang = Detect(d.Text)
	}
	return nil
}
