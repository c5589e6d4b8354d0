package nereval

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/griot-project/griot/actors"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/langid"
	"github.com/griot-project/griot/ner"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/places"
)

// Featurizer gives the tagger its hints: the actor registry and rules (actors.Resolver.Hints)
// and the places gazetteer (GeoNames towns, regions and countries).
type Featurizer struct {
	R *actors.Resolver
	G *places.Gazetteer
}

// NewFeaturizer loads the registry and the gazetteer.
func NewFeaturizer() (*Featurizer, error) {
	r, err := actors.New()
	if err != nil {
		return nil, err
	}
	g, err := places.LoadGazetteer()
	if err != nil {
		return nil, err
	}
	return &Featurizer{R: r, G: g}, nil
}

// geoHints marks the runs of one to three capitalised tokens that the gazetteer knows as a
// town ("geo:N", N the number of digits of the largest population of that name), a region
// ("geo:reg") or a country ("geo:cty"), longest first.
func (fz *Featurizer) geoHints(toks []Token, hints [][]string) {
	if fz.G == nil {
		return
	}
	for i := 0; i < len(toks); {
		n := 0
		label := ""
		for k := min(3, len(toks)-i); k >= 1 && n == 0; k-- {
			ws := make([]string, 0, k)
			ok := true
			for j := i; j < i+k; j++ {
				w := toks[j].Text
				if !capWord(w) || toks[j].EOS && j < i+k-1 {
					ok = false
					break
				}
				ws = append(ws, w)
			}
			if !ok {
				continue
			}
			name := strings.Join(ws, " ")
			if c := fz.G.Country(name); c != "" {
				n, label = k, "geo:cty"
			} else if ts := fz.G.Towns(name); len(ts) > 0 {
				pop := 0
				for _, t := range ts {
					pop = max(pop, fz.G.Place(t).Pop)
				}
				n, label = k, fmt.Sprintf("geo:%d", len(fmt.Sprint(pop)))
			} else if len(fz.G.RegionsNamed(name)) > 0 {
				n, label = k, "geo:reg"
			}
		}
		if n == 0 {
			i++
			continue
		}
		hints[i] = append(hints[i], label+"-B")
		for j := i + 1; j < i+n; j++ {
			hints[j] = append(hints[j], label+"-I")
		}
		i += n
	}
}

// Featurize reads a gold document with griot's first stages and the actors stage and returns
// its sentences for the tagger (the gold tokens, each with the hints of actors.Resolver.Hints
// that cover it: "LABEL-B" on the first token of the hint, "LABEL-I" on the others, and the
// gazetteer's), with the index in gd.Tokens of each sentence's first token.
func (fz *Featurizer) Featurize(gd Doc, lang string) ([]ner.Sentence, []int, error) {
	r := fz.R
	text, starts, ends := DocText(gd)
	var hints [][]string
	if strings.TrimSpace(text) != "" {
		anchor := gd.Date
		if anchor.IsZero() {
			anchor = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		d := &doc.Document{Text: text, Lang: lang, Anchor: anchor, Published: anchor}
		for _, s := range []interface{ Process(*doc.Document) error }{normalize.Stage{}, langid.Stage{}, segmenter} {
			if err := s.Process(d); err != nil {
				return nil, nil, err
			}
		}
		hints = make([][]string, len(gd.Tokens))
		for _, h := range r.Hints(d) {
			e, ok := TokenSpan(starts, ends, h.Start, h.End, "")
			if !ok {
				continue
			}
			hints[e.Start] = append(hints[e.Start], h.Label+"-B")
			for i := e.Start + 1; i < e.End; i++ {
				hints[i] = append(hints[i], h.Label+"-I")
			}
		}
		fz.geoHints(gd.Tokens, hints)
	}
	var sents []ner.Sentence
	var first []int
	var cur ner.Sentence
	start := 0
	for i, t := range gd.Tokens {
		tok := ner.Token{Text: t.Text}
		if hints != nil {
			tok.Hints = hints[i]
		}
		cur = append(cur, tok)
		if t.EOS || i+1 == len(gd.Tokens) {
			sents = append(sents, cur)
			first = append(first, start)
			cur, start = nil, i+1
		}
	}
	return sents, first, nil
}

// Tag returns the names the model finds in a gold document, as gold token spans.
func (fz *Featurizer) Tag(m *ner.Model, gd Doc, lang string) ([]Entity, error) {
	sents, first, err := fz.Featurize(gd, lang)
	if err != nil {
		return nil, err
	}
	var out []Entity
	for si, tags := range m.Tag(sents) {
		for _, e := range ner.Entities(tags) {
			out = append(out, Entity{first[si] + e.Start, first[si] + e.End, e.Type})
		}
	}
	return out, nil
}

// TrainingDoc turns a gold document into a training document: its sentences with hints and
// the gold BIO tags (types PER ORG LOC, and MISC when misc is set). With partial (gold that
// marks only some names, as MEANTIME marks only the participants of its events), a token
// outside the gold names that the registry or the rules take for a name is left unknown
// ("?") rather than O.
func (fz *Featurizer) TrainingDoc(gd Doc, lang string, iob1, misc, partial bool) (ner.Doc, error) {
	sents, first, err := fz.Featurize(gd, lang)
	if err != nil {
		return ner.Doc{}, err
	}
	ents := keepTypes(Entities(gd.Tokens, iob1), misc)
	td := ner.Doc{Sents: sents, Tags: make([][]string, len(sents))}
	si := 0
	var per []ner.Entity
	flush := func() error {
		tags, err := ner.BIO(len(sents[si]), per)
		td.Tags[si] = tags
		per = per[:0]
		return err
	}
	for _, e := range ents {
		for si+1 < len(sents) && e.Start >= first[si+1] {
			if err := flush(); err != nil {
				return ner.Doc{}, err
			}
			si++
		}
		end := first[si] + len(sents[si])
		if e.End > end {
			e.End = end // a name across a sentence break: cut at the break
		}
		per = append(per, ner.Entity{Start: e.Start - first[si], End: e.End - first[si], Type: e.Type})
	}
	for ; si < len(sents); si++ {
		if err := flush(); err != nil {
			return ner.Doc{}, err
		}
	}
	if partial {
		for si, s := range sents {
			for i, t := range s {
				if first[si]+i < len(gd.Tokens) && gd.Tokens[first[si]+i].Tag == "?" {
					td.Tags[si][i] = "?"
					continue
				}
				if td.Tags[si][i] != "O" {
					// a nationality is MISC in CoNLL's convention
					if hasHint(t.Hints, "form:demonym-B") && (i+1 == len(s) || td.Tags[si][i+1][0] != 'I') {
						td.Tags[si][i] = "B-MISC"
					}
					continue
				}
				for _, h := range t.Hints {
					if strings.HasPrefix(h, "rule:") || strings.HasPrefix(h, "reg:") {
						td.Tags[si][i] = "?"
						break
					}
				}
			}
		}
	}
	return td, nil
}

// HeldOut is heldOut for the peers' runner (bench/ner).
func HeldOut(docs []Doc, n int, held bool) []Doc { return heldOut(docs, n, held) }

// heldOut keeps the documents of the held-out part (every n-th, from the n-th: i%n == n-1)
// when held is set, the others when it is not; n <= 1 keeps all.
func heldOut(docs []Doc, n int, held bool) []Doc {
	if n <= 1 {
		return docs
	}
	var out []Doc
	for i, d := range docs {
		if (i%n == n-1) == held {
			out = append(out, d)
		}
	}
	return out
}

// ReadGold reads a gold file of a format: conll, iob, hipe or meantime (a folder of XML).
func ReadGold(format, path string) ([]Doc, error) {
	if format == "meantime" {
		return ParseMEANTIMEDir(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch format {
	case "conll":
		return ParseCoNLL(f)
	case "iob":
		return ParseIOB(f)
	case "hipe":
		return ParseHIPE(f)
	}
	return nil, fmt.Errorf("unknown format %q (want conll, iob, hipe or meantime)", format)
}

// defaultDate is the date of a format's documents that carry none (offices are looked up then).
func defaultDate(format string) string {
	switch format {
	case "conll":
		return "1996-08-30"
	case "iob":
		return "1906-06-01"
	case "meantime":
		return "2010-01-01"
	}
	return "1900-01-01"
}

// RunTrain is `griot train ner`: train a tagger on gold files and write the model.
func RunTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "conll", "format of the training files: conll, iob, hipe or meantime (a folder); FORMAT:PATH in --train overrides it per file")
	train := fs.String("train", "", "training files, comma-separated")
	out := fs.String("out", "", "model file to write (gzip'd)")
	lang := fs.String("lang", "", "language of the texts (fr, en); default: en for conll and meantime, fr otherwise")
	epochs := fs.Int("epochs", 10, "passes over the training data")
	held := fs.Int("heldout", 0, "leave out every N-th document of each file (the part `griot eval ner --heldout N` scores)")
	prune := fs.Float64("prune", 0.05, "drop the features whose averaged weights are all below this")
	quiet := fs.Bool("q", false, "do not print progress")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: griot train ner --train FILE[,FORMAT:FILE…] --out MODEL [--format conll|iob|hipe|meantime] [--lang fr|en] [--epochs N] [--heldout N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *train == "" || *out == "" {
		fs.Usage()
		return errors.New("train ner: --train FILE[,FILE] and --out MODEL are required")
	}
	fz, err := NewFeaturizer()
	if err != nil {
		return err
	}
	var docs []ner.Doc
	for _, spec := range strings.Split(*train, ",") {
		f, path := *format, spec
		if k, v, ok := strings.Cut(spec, ":"); ok && isFormat(k) {
			f, path = k, v
		}
		l := *lang
		if l == "" {
			l = "fr"
			if f == "conll" || f == "meantime" {
				l = "en"
			}
		}
		gold, err := ReadGold(f, path)
		if err != nil {
			return fmt.Errorf("train ner: %s: %w", path, err)
		}
		gold = heldOut(gold, *held, false)
		anchor, _ := time.Parse("2006-01-02", defaultDate(f))
		for _, gd := range gold {
			if err := ctx.Err(); err != nil {
				return err
			}
			if gd.Date.IsZero() {
				gd.Date = anchor
			}
			td, err := fz.TrainingDoc(gd, l, f == "iob", f == "conll" || f == "meantime", f == "meantime")
			if err != nil {
				return fmt.Errorf("train ner: %s document %s: %w", path, gd.ID, err)
			}
			docs = append(docs, td)
		}
		if !*quiet {
			fmt.Fprintf(stderr, "%s: %d documents\n", path, len(gold))
		}
	}
	if *lang == "" {
		*lang = "fr"
		if *format == "conll" || *format == "meantime" {
			*lang = "en"
		}
	}
	opt := ner.Options{Lang: *lang, Epochs: *epochs, Prune: float32(*prune)}
	if !*quiet {
		opt.Log = func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }
	}
	start := time.Now()
	m, err := ner.Train(docs, opt)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	w, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	n, err := m.WriteTo(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("train ner: %s: %w", *out, err)
	}
	fmt.Fprintf(stdout, "ner model: %s, %d tags, %d features, %d bytes, trained in %v\n", *out, len(m.Tags), m.NumFeatures(), n, time.Since(start).Round(time.Millisecond))
	return nil
}

func isFormat(s string) bool {
	switch s {
	case "conll", "iob", "hipe", "meantime":
		return true
	}
	return false
}

// loadModel reads --model: "rules" (no model), "embedded" (the model shipped for lang, or the
// rules where none ships) or a file.
func loadModel(spec, lang string) (*ner.Model, error) {
	switch spec {
	case "rules":
		return nil, nil
	case "", "embedded":
		if !ner.Ships(lang) {
			return nil, nil
		}
		return ner.Embedded(lang)
	}
	f, err := os.Open(spec)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.Read(f)
}

func hasHint(hs []string, h string) bool {
	for _, x := range hs {
		if x == h {
			return true
		}
	}
	return false
}
