// Package quoteeval scores griot's quotes stage on PolNeAR (brat standoff attribution
// annotations over US political news): the source, cue and content spans of every
// attribution, with exact and overlap precision, recall and F1.
//
//	griot eval quotes --gold DIR [--split dev] [--limit N] [--errors N]
//
// DIR is either a folder holding text/ and attributions/ (one split), or PolNeAR's root (or
// its data/ folder), in which case --split (default dev) picks the split.
//
// Matching: a predicted span and a gold span of the same kind (Source, Cue, Content) match
// exactly when they cover the same characters once white space, quote marks and final
// punctuation are trimmed from both ends; they match by overlap when they share at least one
// character. Matching is one-to-one (greedy, largest overlap first), so one long predicted
// span cannot claim several gold spans; the summary line uses it. A "lenient" column also
// shows any-overlap matching (not one-to-one), the looser usual reading of partial match. A
// gold span in several pieces (brat "0 5;9 12") counts its pieces together.
package quoteeval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
)

// Kinds scored.
var Kinds = []string{"Source", "Cue", "Content"}

// Span is a gold or predicted span in character (rune) offsets, possibly in pieces.
type Span struct {
	Kind   string
	Pieces [][2]int // [start, end) in runes
}

func (s Span) first() int { return s.Pieces[0][0] }
func (s Span) last() int  { return s.Pieces[len(s.Pieces)-1][1] }

// ParseAnn reads brat standoff text-bound annotations ("T1\tCue 33 47\tsaid") of the kinds
// scored; other lines (relations, events, notes) are skipped. A malformed T line is an error.
func ParseAnn(r io.Reader) ([]Span, error) {
	var out []Span
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		f := strings.SplitN(l, "\t", 3)
		if !isTextBoundID(f[0]) {
			continue // relations, events, notes, and continuation lines of a span's text
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want ID<TAB>TYPE OFFSETS<TAB>TEXT", line)
		}
		typ, offs, ok := strings.Cut(f[1], " ")
		if !ok {
			return nil, fmt.Errorf("line %d: no offsets in %q", line, f[1])
		}
		known := false
		for _, k := range Kinds {
			known = known || typ == k
		}
		if !known {
			continue
		}
		sp := Span{Kind: typ}
		for _, piece := range strings.Split(offs, ";") {
			a, b, ok := strings.Cut(strings.TrimSpace(piece), " ")
			if !ok {
				return nil, fmt.Errorf("line %d: bad offsets %q", line, piece)
			}
			s, err1 := strconv.Atoi(a)
			e, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || s < 0 || e < s {
				return nil, fmt.Errorf("line %d: bad offsets %q", line, piece)
			}
			sp.Pieces = append(sp.Pieces, [2]int{s, e})
		}
		out = append(out, sp)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// isTextBoundID: "T" followed by digits.
func isTextBoundID(s string) bool {
	if len(s) < 2 || s[0] != 'T' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Predict returns the spans griot finds in a read document, in rune offsets.
func Predict(d *doc.Document) []Span {
	conv := runeIndex(d.Text)
	var out []Span
	add := func(kind string, s *doc.Span) {
		if s == nil || s.End <= s.Start {
			return
		}
		out = append(out, Span{Kind: kind, Pieces: [][2]int{{conv(s.Start), conv(s.End)}}})
	}
	// quotes that share a cue are one attribution: a frame and the partial quote inside it
	// ("X said the plan was « a mistake »") give one content in pieces
	byCue := map[doc.Span]int{}
	for _, q := range d.Quotes {
		if q.Kind == "post" {
			continue // an embed's own text is not an attribution in the article's words
		}
		if q.CueSpan != nil {
			if i, ok := byCue[*q.CueSpan]; ok {
				for _, o := range q.Occurrences {
					out[i].Pieces = append(out[i].Pieces, [2]int{conv(o.Start), conv(o.End)})
				}
				sort.Slice(out[i].Pieces, func(a, b int) bool { return out[i].Pieces[a][0] < out[i].Pieces[b][0] })
				continue
			}
		}
		add("Source", q.SpeakerSpan)
		add("Cue", q.CueSpan)
		var pieces [][2]int
		for _, o := range q.Occurrences {
			if o.End > o.Start {
				pieces = append(pieces, [2]int{conv(o.Start), conv(o.End)})
			}
		}
		if len(pieces) > 0 {
			// occurrences of one quote in different places are separate content spans
			// unless they are the two sides of one sentence ("…, selon X, …")
			if q.Kind == "according" || len(pieces) == 1 || q.Kind == "indirect" {
				if q.CueSpan != nil {
					byCue[*q.CueSpan] = len(out)
				}
				out = append(out, Span{Kind: "Content", Pieces: pieces})
			} else {
				for _, p := range pieces {
					out = append(out, Span{Kind: "Content", Pieces: [][2]int{p}})
				}
			}
		}
	}
	return out
}

// runeIndex returns a function from byte offsets to rune offsets of text.
func runeIndex(text string) func(int) int {
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, w := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < w; k++ {
			idx[i+k] = n
		}
		i += w
		n++
	}
	idx[len(text)] = n
	return func(b int) int {
		if b < 0 {
			return 0
		}
		if b > len(text) {
			b = len(text)
		}
		return int(idx[b])
	}
}

// Counts are the tallies of one kind.
type Counts struct {
	Gold, Pred                int
	ExactTP, OverlapTPGold    int // gold spans matched
	OverlapTPPred, ExactTPPrd int // predicted spans matched
	// lenient: any overlap, not one-to-one (a predicted span may cover several gold spans)
	LenientGold, LenientPred int
}

// Add adds another tally.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.ExactTP += o.ExactTP
	c.OverlapTPGold += o.OverlapTPGold
	c.OverlapTPPred += o.OverlapTPPred
	c.ExactTPPrd += o.ExactTPPrd
	c.LenientGold += o.LenientGold
	c.LenientPred += o.LenientPred
}

// Lenient returns any-overlap precision, recall, F1 (not one-to-one).
func (c Counts) Lenient() (p, r, f float64) { return prf(c.LenientPred, c.Pred, c.LenientGold, c.Gold) }

func prf(tpPred, pred, tpGold, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tpPred) / float64(pred)
	}
	if gold > 0 {
		r = float64(tpGold) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Exact returns exact-match precision, recall, F1.
func (c Counts) Exact() (p, r, f float64) { return prf(c.ExactTPPrd, c.Pred, c.ExactTP, c.Gold) }

// Overlap returns overlap-match precision, recall, F1.
func (c Counts) Overlap() (p, r, f float64) {
	return prf(c.OverlapTPPred, c.Pred, c.OverlapTPGold, c.Gold)
}

// trimmed returns the span's outer bounds with white space, quote marks and punctuation
// trimmed at both ends, in runes of text.
func trimmed(text []rune, s Span) (int, int) {
	a, b := s.first(), s.last()
	if b > len(text) {
		b = len(text)
	}
	if a > b {
		a = b
	}
	for a < b && trimRune(text[a]) {
		a++
	}
	for b > a && trimRune(text[b-1]) {
		b--
	}
	return a, b
}

func trimRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || strings.ContainsRune("\"'“”‘’«»", r)
}

func overlap(a, b Span) int {
	n := 0
	for _, p := range a.Pieces {
		for _, q := range b.Pieces {
			if lo, hi := max(p[0], q[0]), min(p[1], q[1]); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

// Score compares predicted with gold spans of one document (text in runes).
func Score(text []rune, gold, pred []Span) map[string]Counts {
	out := map[string]Counts{}
	for _, kind := range Kinds {
		var g, p []Span
		for _, s := range gold {
			if s.Kind == kind {
				g = append(g, s)
			}
		}
		for _, s := range pred {
			if s.Kind == kind {
				p = append(p, s)
			}
		}
		c := Counts{Gold: len(g), Pred: len(p)}
		// exact, one-to-one
		usedG := make([]bool, len(g))
		for _, ps := range p {
			pa, pb := trimmed(text, ps)
			for i, gs := range g {
				if usedG[i] {
					continue
				}
				if ga, gb := trimmed(text, gs); ga == pa && gb == pb {
					usedG[i] = true
					c.ExactTP++
					c.ExactTPPrd++
					break
				}
			}
		}
		// overlap, one-to-one, largest overlaps first
		type pair struct{ i, j, n int }
		var pairs []pair
		for i, gs := range g {
			for j, ps := range p {
				if n := overlap(gs, ps); n > 0 {
					pairs = append(pairs, pair{i, j, n})
				}
			}
		}
		lg, lp := make([]bool, len(g)), make([]bool, len(p))
		for _, x := range pairs {
			lg[x.i], lp[x.j] = true, true
		}
		for _, b := range lg {
			if b {
				c.LenientGold++
			}
		}
		for _, b := range lp {
			if b {
				c.LenientPred++
			}
		}
		sort.Slice(pairs, func(a, b int) bool { return pairs[a].n > pairs[b].n })
		ug, up := make([]bool, len(g)), make([]bool, len(p))
		for _, x := range pairs {
			if ug[x.i] || up[x.j] {
				continue
			}
			ug[x.i], up[x.j] = true, true
			c.OverlapTPGold++
			c.OverlapTPPred++
		}
		out[kind] = c
	}
	return out
}

// pair is one article: its text file and its annotation file.
type pair struct{ name, text, ann string }

// findPairs lists the articles of dir (a split folder, or the corpus root with split).
func findPairs(dir, split string) ([]pair, error) {
	for _, cand := range []string{dir, filepath.Join(dir, split), filepath.Join(dir, "data", split)} {
		anns, err := filepath.Glob(filepath.Join(cand, "attributions", "*.ann"))
		if err != nil || len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		seen := map[string]bool{}
		var out []pair
		for _, a := range anns {
			base := strings.TrimSuffix(filepath.Base(a), ".ann")
			name := base
			if i := strings.LastIndexByte(base, '_'); i > 0 {
				name = base[:i] // PolNeAR names annotations ARTICLE_ANNOTATOR.ann
			}
			txt := filepath.Join(cand, "text", name+".txt")
			if _, err := os.Stat(txt); err != nil {
				txt = filepath.Join(cand, "text", base+".txt")
				if _, err := os.Stat(txt); err != nil {
					continue
				}
				name = base
			}
			if seen[name] {
				continue // several annotators: the first
			}
			seen[name] = true
			out = append(out, pair{name, txt, a})
		}
		return out, nil
	}
	return nil, fmt.Errorf("no PolNeAR split under %s (want text/ and attributions/, or data/%s/)", dir, split)
}

// Run is `griot eval quotes`.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "", "PolNeAR folder (a split with text/ and attributions/, or the corpus root)")
	split := fs.String("split", "dev", "split to read when --gold is the corpus root: dev or train")
	limit := fs.Int("limit", 0, "read at most N articles (0: all)")
	errs := fs.Int("errors", 0, "print up to N missed and spurious spans of each kind")
	dumpFile := fs.String("dump", "", "also write griot's predictions to this file, in the --pred format")
	predFile := fs.String("pred", "", "score these predictions (JSON lines {name, spans:[{kind,start,end}]}, code point offsets) instead of running griot: for peer comparisons")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *gold == "" {
		fs.Usage()
		return errors.New("eval quotes: --gold DIR is required")
	}
	pairs, err := findPairs(*gold, *split)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	if *limit > 0 && len(pairs) > *limit {
		pairs = pairs[:*limit]
	}
	var p *pipeline.Pipeline
	var preds map[string][]Span
	if *predFile != "" {
		if preds, err = readPreds(*predFile); err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
	} else if p, err = pipeline.Default(); err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	var dump *json.Encoder
	if *dumpFile != "" {
		df, err := os.Create(*dumpFile)
		if err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
		defer df.Close()
		dump = json.NewEncoder(df)
	}
	total := map[string]Counts{}
	var shown = map[string]int{}
	start := time.Now()
	bytes, failed := 0, 0
	for _, pr := range pairs {
		if err := ctx.Err(); err != nil {
			return err
		}
		tb, err := os.ReadFile(pr.text)
		if err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
		af, err := os.Open(pr.ann)
		if err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
		goldSpans, err := ParseAnn(af)
		af.Close()
		if err != nil {
			return fmt.Errorf("eval quotes: %s: %w", pr.ann, err)
		}
		text := string(tb)
		bytes += len(tb)
		var pred []Span
		if preds != nil {
			pred = preds[pr.name]
		} else {
			d, err := runSafe(ctx, p, text, pr.name)
			if err != nil {
				// a stage that fails on one article is reported and scored as finding
				// nothing, so that one bug elsewhere neither stops nor flatters the score
				fmt.Fprintf(stderr, "eval quotes: %s: %v (scored as empty)\n", pr.name, err)
				failed++
			} else {
				pred = Predict(d)
			}
		}
		if dump != nil {
			type js struct {
				Kind  string `json:"kind"`
				Start int    `json:"start"`
				End   int    `json:"end"`
			}
			rec := struct {
				Name  string `json:"name"`
				Spans []js   `json:"spans"`
			}{Name: pr.name, Spans: []js{}}
			for _, sp := range pred {
				for _, pc := range sp.Pieces {
					rec.Spans = append(rec.Spans, js{sp.Kind, pc[0], pc[1]})
				}
			}
			if err := dump.Encode(rec); err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
		}
		runes := []rune(text)
		for k, c := range Score(runes, goldSpans, pred) {
			t := total[k]
			t.Add(c)
			total[k] = t
		}
		if *errs > 0 {
			showErrors(stdout, pr.name, runes, goldSpans, pred, *errs, shown)
		}
	}
	el := time.Since(start)
	what := "full pipeline"
	if preds != nil {
		what = "predictions from " + filepath.Base(*predFile)
	}
	fmt.Fprintf(stdout, "PolNeAR %d articles (%d failed, scored empty), %.1f KB, %s (%.0f articles/s, %s)\n", len(pairs), failed, float64(bytes)/1024, el.Round(time.Millisecond), float64(len(pairs))/el.Seconds(), what)
	fmt.Fprintf(stdout, "%-8s %6s %6s | %-22s | %-22s | %-22s\n", "kind", "gold", "pred", "exact P/R/F1", "overlap P/R/F1", "lenient P/R/F1")
	f1 := map[string]float64{}
	for _, k := range Kinds {
		c := total[k]
		ep, er, ef := c.Exact()
		op, or, of := c.Overlap()
		lp, lr, lf := c.Lenient()
		f1[k] = of
		fmt.Fprintf(stdout, "%-8s %6d %6d | %.3f %.3f %.3f      | %.3f %.3f %.3f      | %.3f %.3f %.3f\n", k, c.Gold, c.Pred, ep, er, ef, op, or, of, lp, lr, lf)
	}
	fmt.Fprintf(stdout, "quotes: content_f1=%.3f source_f1=%.3f cue_f1=%.3f\n", f1["Content"], f1["Source"], f1["Cue"])
	return nil
}

// readPreds reads predictions made by another tool.
func readPreds(path string) (map[string][]Span, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]Span{}
	dec := json.NewDecoder(f)
	for line := 1; ; line++ {
		var rec struct {
			Name  string `json:"name"`
			Spans []struct {
				Kind       string `json:"kind"`
				Start, End int
			} `json:"spans"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", path, line, err)
		}
		out[rec.Name] = append(out[rec.Name], nil...)
		for _, s := range rec.Spans {
			if s.End < s.Start || s.Start < 0 {
				return nil, fmt.Errorf("%s: record %d: bad span %d-%d", path, line, s.Start, s.End)
			}
			out[rec.Name] = append(out[rec.Name], Span{Kind: s.Kind, Pieces: [][2]int{{s.Start, s.End}}})
		}
	}
	return out, nil
}

// runSafe reads one article, turning a panic in any stage into an error.
func runSafe(ctx context.Context, p *pipeline.Pipeline, text, id string) (d *doc.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("panic in pipeline: %v", r)
		}
	}()
	return p.Run(ctx, text, pipeline.Options{ID: id, Lang: "en"})
}

// showErrors prints gold spans no prediction overlaps and predictions no gold overlaps.
func showErrors(w io.Writer, name string, text []rune, gold, pred []Span, n int, shown map[string]int) {
	str := func(s Span) string {
		a, b := s.first(), min(s.last(), len(text))
		if a > b {
			a = b
		}
		t := strings.ReplaceAll(string(text[a:b]), "\n", " ")
		if len(t) > 100 {
			t = t[:100] + "…"
		}
		return t
	}
	for _, k := range Kinds {
		for _, g := range gold {
			if g.Kind != k || shown["miss"+k] >= n {
				continue
			}
			hit := false
			for _, p := range pred {
				hit = hit || p.Kind == k && overlap(g, p) > 0
			}
			if !hit {
				shown["miss"+k]++
				a, b := max(0, g.first()-70), min(len(text), g.last()+70)
				fmt.Fprintf(w, "MISS %-7s %s: %q\n    in %q\n", k, name, str(g), strings.ReplaceAll(string(text[a:b]), "\n", " "))
			}
		}
		for _, p := range pred {
			if p.Kind != k || shown["extra"+k] >= n {
				continue
			}
			hit := false
			for _, g := range gold {
				hit = hit || g.Kind == k && overlap(g, p) > 0
			}
			if !hit {
				shown["extra"+k]++
				fmt.Fprintf(w, "EXTRA %-7s %s: %q\n", k, name, str(p))
			}
		}
	}
}
