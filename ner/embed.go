package ner

import (
	"bytes"
	"embed"
	"fmt"
)

// The models trained on corpora whose licences let them ship (docs/quality/ner.md, NOTICE):
// data/en.model.gz (MEANTIME, CC BY 4.0) and data/fr.model.gz (Europeana 1906, CC0, and HIPE
// newseye, CC BY 4.0).
//
//go:embed data/*.model.gz
var models embed.FS

// Embedded decodes the model shipped for a language ("en" or "fr"). Decoding takes tens of
// milliseconds: callers load it once and keep it.
func Embedded(lang string) (*Model, error) {
	b, err := models.ReadFile("data/" + lang + ".model.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: no model for language %q", lang)
	}
	m, err := Read(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded %s model: %w", lang, err)
	}
	return m, nil
}

// Ships reports whether a model is embedded for the language.
func Ships(lang string) bool {
	_, err := models.Open("data/" + lang + ".model.gz")
	return err == nil
}
