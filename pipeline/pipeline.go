// Package pipeline runs griot's stages over a document: the registry of stages, the
// runner, and the checks on outside input (valid UTF-8, not empty, a sane date).
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/langid"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/segment"
)

// Stage adds one layer of annotation to a document. A stage is a deterministic function
// of the document it is given; it is built once (lexicons loaded) and is safe for
// concurrent use by several goroutines on different documents.
type Stage interface {
	Name() string
	Process(d *doc.Document) error
}

// Options describe one input document.
type Options struct {
	ID        string
	Lang      string    // "fr", "en", or "" / "auto" to detect
	Published time.Time // zero when unknown: relative dates are then read against Now
	Now       time.Time // the anchor when Published is zero (defaults to time.Now)
	Source    string
	URL       string
	Title     string
}

// Pipeline is an ordered list of stages.
type Pipeline struct {
	stages []Stage
}

// New makes a pipeline of the given stages, run in order.
func New(stages ...Stage) *Pipeline { return &Pipeline{stages: stages} }

// StageList returns the stages in order.
func (p *Pipeline) StageList() []Stage { return append([]Stage(nil), p.stages...) }

// Stages returns the names of the stages in order.
func (p *Pipeline) Stages() []string {
	out := make([]string, len(p.stages))
	for i, s := range p.stages {
		out[i] = s.Name()
	}
	return out
}

// ErrEmpty is returned for a text with nothing but white space.
var ErrEmpty = errors.New("empty text")

// InvalidUTF8Error tells where a text stops being valid UTF-8.
type InvalidUTF8Error struct {
	Offset, Line, Column int
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at byte %d (line %d, column %d)", e.Offset, e.Line, e.Column)
}

// CheckText returns an error for text griot cannot read: invalid UTF-8 (with its place)
// or nothing but white space.
func CheckText(text string) error {
	if !utf8.ValidString(text) {
		line, col := 1, 1
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && n <= 1 {
				return &InvalidUTF8Error{Offset: i, Line: line, Column: col}
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += n
		}
	}
	if strings.TrimSpace(text) == "" {
		return ErrEmpty
	}
	return nil
}

// NewDocument checks text and makes the document the stages annotate.
func NewDocument(text string, o Options) (*doc.Document, error) {
	if err := CheckText(text); err != nil {
		return nil, err
	}
	switch o.Lang {
	case "", "auto", "fr", "en":
	default:
		return nil, fmt.Errorf("unsupported language %q (want fr, en or auto)", o.Lang)
	}
	d := &doc.Document{
		ID:        o.ID,
		Lang:      o.Lang,
		Text:      text,
		SHA256:    doc.ContentHash(text),
		Published: o.Published,
		Source:    o.Source,
		URL:       o.URL,
		Title:     o.Title,
	}
	if d.ID == "" {
		d.ID = d.SHA256[:16]
	}
	d.Anchor = o.Published
	if d.Anchor.IsZero() {
		now := o.Now
		if now.IsZero() {
			now = time.Now()
		}
		d.Anchor = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	return d, nil
}

// Run reads one text through every stage.
func (p *Pipeline) Run(ctx context.Context, text string, o Options) (*doc.Document, error) {
	d, err := NewDocument(text, o)
	if err != nil {
		return nil, err
	}
	if err := p.Process(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// Process runs every stage over an existing document. A stage that panics (a bug, never
// an expected outcome) fails this document with an error that names it, instead of
// bringing down a run over thousands of documents.
func (p *Pipeline) Process(ctx context.Context, d *doc.Document) error {
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := runStage(s, d); err != nil {
			return fmt.Errorf("stage %s: %w", s.Name(), err)
		}
	}
	return nil
}

func runStage(s Stage, d *doc.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it with the input): %v", r)
		}
	}()
	return s.Process(d)
}

// Base returns the stages every reading starts with: folding, language, segmentation.
func Base() []Stage {
	return []Stage{normalize.Stage{}, langid.Stage{}, segment.New()}
}
