// Package langid tells French from English. It asks whatlanggo (trigram profiles)
// restricted to the two languages griot reads, and for very short texts, where trigrams
// are unreliable, counts function words of each language.
package langid

import (
	"strings"

	"github.com/abadojack/whatlanggo"
	"github.com/griot-project/griot/doc"
)

var opts = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{whatlanggo.Fra: true, whatlanggo.Eng: true}}

var frWords = map[string]bool{"le": true, "la": true, "les": true, "des": true, "du": true, "et": true, "est": true, "une": true, "un": true, "dans": true, "pour": true, "qui": true, "que": true, "avec": true, "sur": true, "au": true, "aux": true, "a": true, "il": true, "elle": true, "pas": true, "ont": true, "selon": true}
var enWords = map[string]bool{"the": true, "of": true, "and": true, "to": true, "in": true, "is": true, "was": true, "for": true, "on": true, "with": true, "that": true, "he": true, "she": true, "it": true, "by": true, "has": true, "have": true, "said": true, "from": true, "at": true}

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
	fr, en := 0, 0
	for _, w := range strings.Fields(strings.ToLower(sample)) {
		w = strings.Trim(w, ".,;:!?«»\"“”()'’")
		if frWords[w] {
			fr++
		}
		if enWords[w] {
			en++
		}
		// French diacritics and elisions; English -ing and -ly
		if strings.ContainsAny(w, "éèêàçùâîôû") || strings.HasPrefix(w, "l’") || strings.HasPrefix(w, "d’") || strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "qu'") || strings.HasPrefix(w, "qu’") {
			fr++
		}
		if len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly")) || w == "not" || w == "does" || w == "out" {
			en++
		}
	}
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
