// Package nereval scores griot's name recognition against gold named-entity files:
// `griot eval ner --format conll|iob|hipe|meantime --gold FILE [--model embedded|rules|FILE]`,
// and trains the name tagger (package ner) on them: `griot train ner`. The score is CoNLL's: a
// predicted name counts when its token span and its type are exactly a gold name's;
// precision, recall and F1 per type and over all types. The names come from the tagger shipped
// for the language (French) or, where none ships (English), from the actors stage's rules.
//
// Formats:
//   - conll: one token a line, "INDEX<TAB>TOKEN<TAB>TAG" (or "TOKEN ... TAG" with spaces),
//     IOB2 tags, blank line between sentences, "-DOCSTART-" between documents;
//   - iob: "TOKEN TAG" lines, IOB1 (I- only, a run of one type is one name), no sentence
//     breaks: the text is cut into documents of about 400 tokens at a full stop;
//   - hipe: HIPE-2022 TSV (TOKEN and NE-COARSE-LIT columns, "# hipe2022:document_id" comments,
//     NoSpaceAfter / EndOfSentence in MISC); only pers, org and loc are scored;
//   - meantime: a folder of MEANTIME CAT XML files (see ParseMEANTIME).
//
// griot's GPE is scored as LOC; MISC is scored only where the gold has MISC (conll). HIPE puts
// a person's titles in the name ("M. Hagenbeck"), so for hipe they are kept in griot's spans.
package nereval

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/griot-project/griot/actors"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/langid"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/places"
	"github.com/griot-project/griot/segment"
)

// Token is one gold token.
type Token struct {
	Text    string
	Tag     string // IOB tag as in the file
	NoSpace bool   // no space after this token
	EOS     bool   // the sentence ends after this token
}

// Doc is one gold document: its tokens and, when the file says it, its date.
type Doc struct {
	ID     string
	Date   time.Time
	Tokens []Token
}

// Entity is a name over tokens [Start, End) with a type.
type Entity struct {
	Start, End int
	Type       string
}

// Run is the `griot eval ner` command.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "conll", "gold format: conll, iob, hipe or meantime (a folder of XML)")
	gold := fs.String("gold", "", "gold file")
	lang := fs.String("lang", "", "language of the texts (fr, en); default: en for conll and meantime, fr otherwise")
	limit := fs.Int("limit", 0, "score only the first N documents (0: all)")
	date := fs.String("date", "", "date of documents without one, YYYY-MM-DD (default: conll 1996-08-30, iob 1906-06-01; hipe documents carry theirs)")
	errs := fs.Bool("errors", false, "print every error (missed and spurious names)")
	model := fs.String("model", "embedded", "the tagger: embedded (the model shipped for the language), rules (the actors stage's rules alone) or a model file from griot train ner")
	held := fs.Int("heldout", 0, "score only every N-th document (the part `griot train ner --heldout N` leaves out)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *gold == "" {
		fs.Usage()
		return errors.New("eval ner: --gold FILE is required")
	}
	docs, err := ReadGold(*format, *gold)
	if err != nil {
		return fmt.Errorf("eval ner: %s: %w", *gold, err)
	}
	if *lang == "" {
		*lang = "fr"
		if *format == "conll" || *format == "meantime" {
			*lang = "en"
		}
	}
	docs = heldOut(docs, *held, true)
	if *limit > 0 && len(docs) > *limit {
		docs = docs[:*limit]
	}
	// the documents' own time: who held an office is read on that date
	def := defaultDate(*format)
	if *date != "" {
		def = *date
	}
	anchor, err := time.Parse("2006-01-02", def)
	if err != nil {
		return fmt.Errorf("eval ner: bad --date %q", *date)
	}
	for i := range docs {
		if docs[i].Date.IsZero() {
			docs[i].Date = anchor
		}
	}
	r, err := actors.New()
	if err != nil {
		return err
	}
	fz := &Featurizer{R: r}
	if fz.G, err = places.LoadGazetteer(); err != nil {
		return err
	}
	tagger, err := loadModel(*model, *lang)
	if err != nil {
		return fmt.Errorf("eval ner: --model %s: %w", *model, err)
	}
	if tagger == nil {
		fmt.Fprintln(stderr, "names: the actors stage's registry and rules")
	} else {
		fmt.Fprintf(stderr, "names: tagger (%s model, %d features) over the registry's and the rules' hints\n", tagger.Lang, tagger.NumFeatures())
	}
	withMisc := *format == "conll" || *format == "meantime"
	sc := NewScore()
	start := time.Now()
	nbytes := 0
	for _, gd := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		goldEnts := Entities(gd.Tokens, *format == "iob")
		goldEnts = keepTypes(goldEnts, withMisc)
		var pred []Entity
		var n int
		if tagger != nil {
			pred, err = fz.Tag(tagger, gd, *lang)
			text, _, _ := DocText(gd)
			n = len(text)
		} else {
			pred, n, err = Predict(r, gd, *lang, *format == "hipe")
		}
		if err != nil {
			return fmt.Errorf("eval ner: document %s: %w", gd.ID, err)
		}
		nbytes += n
		if !withMisc {
			pred = keepTypes(pred, false)
		}
		sc.Add(goldEnts, pred)
		if *errs {
			printErrors(stdout, gd, goldEnts, pred)
		}
	}
	el := time.Since(start)
	sc.Write(stdout)
	fmt.Fprintf(stderr, "%d documents, %d bytes in %v\n", len(docs), nbytes, el.Round(time.Millisecond))
	p, rc, f1 := sc.Overall()
	fmt.Fprintf(stdout, "ner: f1=%.3f p=%.3f r=%.3f\n", f1, p, rc)
	return nil
}

func keepTypes(es []Entity, misc bool) []Entity {
	out := es[:0:0]
	for _, e := range es {
		switch e.Type {
		case "PER", "ORG", "LOC":
			out = append(out, e)
		case "MISC":
			if misc {
				out = append(out, e)
			}
		}
	}
	return out
}

// Predict runs griot over a gold document's tokens (joined by spaces) and returns its names
// as gold token spans, with the number of bytes read.
func Predict(r *actors.Resolver, gd Doc, lang string, titles bool) ([]Entity, int, error) {
	text, starts, ends := DocText(gd)
	if strings.TrimSpace(text) == "" {
		return nil, 0, nil
	}
	anchor := gd.Date
	if anchor.IsZero() {
		anchor = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d := &doc.Document{Text: text, Lang: lang, Anchor: anchor, Published: anchor}
	for _, s := range []interface{ Process(*doc.Document) error }{normalize.Stage{}, langid.Stage{}, segmenter, r} {
		if err := s.Process(d); err != nil {
			return nil, 0, err
		}
	}
	names := r.Names(d)
	if titles {
		names = r.NamesWithTitles(d)
	}
	var out []Entity
	for _, s := range names {
		typ := s.Type
		if typ == "GPE" {
			typ = "LOC"
		}
		if e, ok := TokenSpan(starts, ends, s.Start, s.End, typ); ok {
			out = append(out, e)
		}
	}
	return out, len(text), nil
}

// DocText joins a gold document's tokens into text (a space between tokens, a line break
// after a sentence) and returns the byte range of each token.
func DocText(gd Doc) (text string, starts, ends []int) {
	var b strings.Builder
	starts = make([]int, len(gd.Tokens))
	ends = make([]int, len(gd.Tokens))
	for i, t := range gd.Tokens {
		starts[i] = b.Len()
		b.WriteString(t.Text)
		ends[i] = b.Len()
		switch {
		case t.EOS:
			b.WriteByte('\n')
		case !t.NoSpace:
			b.WriteByte(' ')
		}
	}
	return b.String(), starts, ends
}

// TokenSpan maps a byte range of DocText's text to the gold tokens it covers.
func TokenSpan(starts, ends []int, start, end int, typ string) (Entity, bool) {
	tokAt := func(off int) int {
		i := sort.Search(len(ends), func(i int) bool { return ends[i] > off })
		if i < len(starts) && starts[i] <= off {
			return i
		}
		return -1
	}
	if end <= start {
		return Entity{}, false
	}
	t0, t1 := tokAt(start), tokAt(end-1)
	if t0 < 0 || t1 < 0 {
		return Entity{}, false
	}
	return Entity{t0, t1 + 1, typ}, true
}

// KeepTypes keeps PER, ORG, LOC, and MISC when misc is set.
func KeepTypes(es []Entity, misc bool) []Entity { return keepTypes(es, misc) }

var segmenter = segment.New()

// Entities reads the names of a token sequence from its IOB tags. With iob1, "I-X" after a
// token of another type (or O) starts a name, and only "B-X" splits two adjacent names.
func Entities(toks []Token, iob1 bool) []Entity {
	var out []Entity
	cur := -1
	curType := ""
	flush := func(end int) {
		if cur >= 0 {
			out = append(out, Entity{cur, end, curType})
		}
		cur, curType = -1, ""
	}
	for i, t := range toks {
		tag := t.Tag
		if tag == "" || tag == "O" || tag == "_" || len(tag) < 3 || tag[1] != '-' {
			flush(i)
			continue
		}
		typ := normType(tag[2:])
		switch tag[0] {
		case 'B':
			flush(i)
			cur, curType = i, typ
		case 'I':
			if cur < 0 || curType != typ {
				flush(i)
				cur, curType = i, typ
			}
		default:
			flush(i)
		}
		_ = iob1
	}
	flush(len(toks))
	return out
}

// normType maps gold type names to PER ORG LOC MISC (others are kept upper-case and not scored).
func normType(t string) string {
	t = strings.ToUpper(t)
	if i := strings.IndexByte(t, '.'); i >= 0 {
		t = t[:i]
	}
	switch t {
	case "PERS", "PER", "PERSON":
		return "PER"
	case "ORG", "ORGANIZATION", "ORGANISATION":
		return "ORG"
	case "LOC", "LOCATION", "GPE":
		return "LOC"
	case "MISC":
		return "MISC"
	}
	return t
}

func scanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	return sc
}

// ParseCoNLL reads CoNLL-style files: "TOKEN ... TAG" lines (tab- or space-separated, the
// token is the second field when the first is a number), blank lines between sentences,
// -DOCSTART- lines between documents.
func ParseCoNLL(r io.Reader) ([]Doc, error) {
	sc := scanner(r)
	var docs []Doc
	cur := Doc{ID: "1"}
	line := 0
	flushDoc := func() {
		if len(cur.Tokens) > 0 {
			docs = append(docs, cur)
		}
		cur = Doc{ID: fmt.Sprint(len(docs) + 1)}
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			if n := len(cur.Tokens); n > 0 {
				cur.Tokens[n-1].EOS = true
			}
			continue
		}
		if strings.HasPrefix(s, "#") && !strings.HasPrefix(s, "#\t") && !strings.HasPrefix(s, "# ") {
			continue
		}
		fs := strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == ' ' })
		if len(fs) < 2 {
			return nil, fmt.Errorf("line %d: want TOKEN and TAG, got %q", line, s)
		}
		tok, tag := fs[0], fs[len(fs)-1]
		if len(fs) >= 3 && isNumber(fs[0]) {
			tok = fs[1]
		}
		if tok == "-DOCSTART-" {
			flushDoc()
			continue
		}
		cur.Tokens = append(cur.Tokens, Token{Text: tok, Tag: tag})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}

func isNumber(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// ParseIOB reads "TOKEN TAG" lines without sentence breaks and cuts them into documents of
// about 400 tokens at a full stop (blank lines, if any, end sentences).
func ParseIOB(r io.Reader) ([]Doc, error) {
	sc := scanner(r)
	var docs []Doc
	cur := Doc{ID: "1"}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			if n := len(cur.Tokens); n > 0 {
				cur.Tokens[n-1].EOS = true
			}
			continue
		}
		i := strings.LastIndexAny(s, " \t")
		if i <= 0 {
			return nil, fmt.Errorf("line %d: want TOKEN TAG, got %q", line, s)
		}
		tok, tag := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		if tok == "" {
			return nil, fmt.Errorf("line %d: empty token", line)
		}
		t := Token{Text: tok, Tag: tag}
		if tok == "." || tok == "!" || tok == "?" {
			t.EOS = true
		}
		cur.Tokens = append(cur.Tokens, t)
		if len(cur.Tokens) >= 400 && t.EOS && tag == "O" {
			docs = append(docs, cur)
			cur = Doc{ID: fmt.Sprint(len(docs) + 1)}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(cur.Tokens) > 0 {
		docs = append(docs, cur)
	}
	return docs, nil
}

// ParseHIPE reads HIPE-2022 TSV: a header line naming the columns (TOKEN, NE-COARSE-LIT,
// MISC), "# hipe2022:document_id = …" comments that start documents.
func ParseHIPE(r io.Reader) ([]Doc, error) {
	sc := scanner(r)
	var docs []Doc
	var cur *Doc
	colTok, colTag, colMisc := -1, -1, -1
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if strings.HasPrefix(s, "#") {
			if k, v, ok := strings.Cut(s, "="); ok && strings.Contains(k, "document_id") {
				docs = append(docs, Doc{ID: strings.TrimSpace(v)})
				cur = &docs[len(docs)-1]
			} else if ok && strings.HasSuffix(strings.TrimSpace(k), ":date") && cur != nil {
				if t, err := time.Parse("2006-01-02", strings.TrimSpace(v)); err == nil {
					cur.Date = t
				}
			}
			continue
		}
		fs := strings.Split(s, "\t")
		if fs[0] == "TOKEN" {
			for i, c := range fs {
				switch c {
				case "TOKEN":
					colTok = i
				case "NE-COARSE-LIT":
					colTag = i
				case "MISC":
					colMisc = i
				}
			}
			continue
		}
		if colTok < 0 || colTag < 0 {
			return nil, fmt.Errorf("line %d: token line before the TOKEN header", line)
		}
		if colTag >= len(fs) || colTok >= len(fs) {
			return nil, fmt.Errorf("line %d: %d columns, want %d", line, len(fs), colTag+1)
		}
		if cur == nil {
			docs = append(docs, Doc{ID: "1"})
			cur = &docs[len(docs)-1]
		}
		t := Token{Text: fs[colTok], Tag: fs[colTag]}
		if colMisc >= 0 && colMisc < len(fs) {
			t.NoSpace = strings.Contains(fs[colMisc], "NoSpaceAfter")
			t.EOS = strings.Contains(fs[colMisc], "EndOfSentence")
		}
		if t.Text == "" {
			continue
		}
		cur.Tokens = append(cur.Tokens, t)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	out := docs[:0]
	for _, d := range docs {
		if len(d.Tokens) > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

// Score counts gold, predicted and correct names per type.
type Score struct {
	gold, pred, correct map[string]int
}

// NewScore makes an empty score.
func NewScore() *Score {
	return &Score{gold: map[string]int{}, pred: map[string]int{}, correct: map[string]int{}}
}

// Add scores one document: exact span and type.
func (s *Score) Add(gold, pred []Entity) {
	g := map[Entity]bool{}
	for _, e := range gold {
		g[e] = true
		s.gold[e.Type]++
	}
	seen := map[Entity]bool{}
	for _, e := range pred {
		if seen[e] {
			continue
		}
		seen[e] = true
		s.pred[e.Type]++
		if g[e] {
			s.correct[e.Type]++
		}
	}
}

func prf(c, p, g int) (float64, float64, float64) {
	var pr, rc, f float64
	if p > 0 {
		pr = float64(c) / float64(p)
	}
	if g > 0 {
		rc = float64(c) / float64(g)
	}
	if pr+rc > 0 {
		f = 2 * pr * rc / (pr + rc)
	}
	return pr, rc, f
}

// Overall returns micro-averaged precision, recall and F1.
func (s *Score) Overall() (p, r, f1 float64) {
	c, pr, g := 0, 0, 0
	for _, v := range s.correct {
		c += v
	}
	for _, v := range s.pred {
		pr += v
	}
	for _, v := range s.gold {
		g += v
	}
	return prf(c, pr, g)
}

// Write prints the table per type.
func (s *Score) Write(w io.Writer) {
	types := map[string]bool{}
	for t := range s.gold {
		types[t] = true
	}
	for t := range s.pred {
		types[t] = true
	}
	var ts []string
	for t := range types {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	fmt.Fprintf(w, "%-5s %7s %7s %7s %6s %6s %6s\n", "type", "gold", "pred", "correct", "p", "r", "f1")
	for _, t := range ts {
		p, r, f := prf(s.correct[t], s.pred[t], s.gold[t])
		fmt.Fprintf(w, "%-5s %7d %7d %7d %6.3f %6.3f %6.3f\n", t, s.gold[t], s.pred[t], s.correct[t], p, r, f)
	}
}

func printErrors(w io.Writer, d Doc, gold, pred []Entity) {
	text := func(e Entity) string {
		var ws []string
		for i := e.Start; i < e.End; i++ {
			ws = append(ws, d.Tokens[i].Text)
		}
		return strings.Join(ws, " ")
	}
	g, p := map[Entity]bool{}, map[Entity]bool{}
	for _, e := range gold {
		g[e] = true
	}
	for _, e := range pred {
		p[e] = true
	}
	for _, e := range gold {
		if !p[e] {
			fmt.Fprintf(w, "miss\t%s\t%s\n", e.Type, text(e))
		}
	}
	for _, e := range pred {
		if !g[e] {
			fmt.Fprintf(w, "spurious\t%s\t%s\n", e.Type, text(e))
		}
	}
}
