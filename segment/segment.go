// Package segment splits a document into sentences and tokens for French and English.
//
// Words come from Unicode word segmentation (UAX #29); on top of it the package keeps
// hashtags, @handles, URLs and emoji flags whole, splits French elisions (l’, d’, qu’,
// with ’ or ') and English clitics ('s, n't), and ends sentences at a full stop, question
// or exclamation mark except after an abbreviation (M., Mme, Col., Gen., U.S., Dr…) or an
// initial, and always at a line break.
package segment

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/internal/wordlist"
	"github.com/griot-project/griot/normalize"
)

//go:embed data/abbreviations.txt
var abbrevData string

//go:embed data/final-abbreviations.txt
var finalAbbrevData string

//go:embed data/sentence-starters.txt
var startersData string

// Segmenter splits text into tokens and sentences. Build it once with New; it is safe for
// concurrent use.
type Segmenter struct {
	abbrev   map[string]bool // folded abbreviation without its final full stop
	final    map[string]bool // those of abbrev that may also end a sentence ("U.S.", "p.m.")
	starters map[string]bool // words (as written) that start a sentence after one of final
}

// New loads the abbreviation list.
func New() *Segmenter {
	s := &Segmenter{abbrev: map[string]bool{}, final: map[string]bool{}, starters: wordlist.Set(startersData)}
	for _, line := range wordlist.Lines(abbrevData) {
		s.abbrev[normalize.String(line)] = true
	}
	for _, line := range wordlist.Lines(finalAbbrevData) {
		s.final[normalize.String(line)] = true
	}
	return s
}

// Name of the stage.
func (s *Segmenter) Name() string { return "segment" }

// Process sets Document.Tokens and Document.Sentences.
func (s *Segmenter) Process(d *doc.Document) error {
	d.Tokens = Tokens(d.Text)
	d.Sentences = s.Sentences(d.Text, d.Tokens)
	return nil
}

var elisions = []string{"jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "presqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'"}

// words that keep their apostrophe
var noSplit = map[string]bool{"aujourd'hui": true, "prud'homme": true, "prud'hommes": true, "presqu'ile": true}

// Tokens splits text into tokens with byte offsets. Whitespace is not a token.
func Tokens(text string) []doc.Token {
	toks := make([]doc.Token, 0, len(text)/4+8) // news text: 4.3–6.5 bytes a token
	urls := urlSpans(text)
	it := newWordIter(text)
	ui := 0
	for it.next() {
		start, end := it.start, it.end
		w := text[start:end]
		if c := w[0]; c < utf8.RuneSelf {
			if c == ' ' || '\t' <= c && c <= '\r' { // unicode.IsSpace below RuneSelf
				continue
			}
		} else if r, _ := utf8.DecodeRuneInString(w); unicode.IsSpace(r) {
			continue
		}
		// URLs are one token, even when a word is glued to them ("30th.https://…")
		for ui < len(urls) && urls[ui].End <= start {
			ui++
		}
		if ui < len(urls) && urls[ui].Start < end {
			u := urls[ui]
			if start < u.Start {
				toks = appendPiece(toks, text, start, u.Start)
			}
			if n := len(toks); n == 0 || toks[n-1].End <= u.Start {
				toks = append(toks, doc.Token{Start: u.Start, End: u.End, Norm: strings.ToLower(text[u.Start:u.End]), Kind: doc.URL})
			}
			if end > u.End {
				toks = appendPiece(toks, text, u.End, end)
			}
			continue
		}
		kind := classify(w)
		// #hashtag and @handle: the sign glued to the next word
		if n := len(toks); n > 0 && (kind == doc.Word || kind == doc.Number) && toks[n-1].End == start {
			prev := text[toks[n-1].Start:toks[n-1].End]
			if prev == "#" || prev == "@" {
				toks[n-1].End = end
				toks[n-1].Norm = prev + normalize.String(w)
				if prev == "#" {
					toks[n-1].Kind = doc.Hashtag
				} else {
					toks[n-1].Kind = doc.Handle
				}
				continue
			}
		}
		if kind == doc.Word {
			toks = appendWord(toks, text, start, end)
			continue
		}
		toks = append(toks, doc.Token{Start: start, End: end, Norm: normalize.String(w), Kind: kind})
	}
	return toks
}

// appendWord appends a word, split at a French elision or an English clitic.
func appendWord(toks []doc.Token, text string, start, end int) []doc.Token {
	norm := normalize.String(text[start:end])
	if !hasApostrophe(text[start:end]) {
		return append(toks, doc.Token{Start: start, End: end, Norm: norm, Kind: doc.Word})
	}
	if !noSplit[norm] {
		for _, e := range elisions {
			if len(norm) > len(e) && strings.HasPrefix(norm, e) {
				// find the apostrophe in the original (’ is 3 bytes, ' is 1)
				cut := apostropheEnd(text, start, end)
				if cut > start && cut < end {
					toks = append(toks, doc.Token{Start: start, End: cut, Norm: e, Kind: doc.Word})
					start, norm = cut, norm[len(e):]
				}
				break
			}
		}
	}
	for _, cl := range []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"} {
		if len(norm) > len(cl) && strings.HasSuffix(norm, cl) {
			cut := lastApostropheStart(text, start, end)
			if cl == "n't" {
				cut-- // the n before the apostrophe
			}
			if cut > start && cut < end {
				toks = append(toks, doc.Token{Start: start, End: cut, Norm: norm[:len(norm)-len(cl)], Kind: doc.Word})
				return append(toks, doc.Token{Start: cut, End: end, Norm: cl, Kind: doc.Word})
			}
			break
		}
	}
	return append(toks, doc.Token{Start: start, End: end, Norm: norm, Kind: doc.Word})
}

// hasApostrophe reports whether w holds ', ’ or ʼ: strings.ContainsAny(w, "'’ʼ") by bytes,
// one pass over a word (ContainsAny looked every rune of every word up in the set, a third
// of the tokenizer's time).
func hasApostrophe(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '\'':
			return true
		case 0xE2: // ’ is E2 80 99
			if i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 {
				return true
			}
		case 0xCA: // ʼ is CA BC
			if i+1 < len(w) && w[i+1] == 0xBC {
				return true
			}
		}
	}
	return false
}

func apostropheEnd(text string, start, end int) int {
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\'' || r == '’' || r == 'ʼ' {
			return i + n
		}
		i += n
	}
	return -1
}

func lastApostropheStart(text string, start, end int) int {
	for i := end; i > start; {
		r, n := utf8.DecodeLastRuneInString(text[start:i])
		i -= n
		if r == '\'' || r == '’' || r == 'ʼ' {
			return i
		}
	}
	return -1
}

func classify(w string) doc.TokenKind {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLetter(r):
		return doc.Word
	case unicode.IsDigit(r):
		for _, c := range w {
			if unicode.IsLetter(c) {
				return doc.Word // 18h, 1er, G5
			}
		}
		return doc.Number
	case r >= 0x1F000 || (r >= 0x2600 && r < 0x2800) || r == 0x200d:
		return doc.Emoji
	case unicode.IsPunct(r):
		return doc.Punct
	}
	return doc.Symbol
}

// urlSpans finds http(s):// and www. addresses.
func urlSpans(text string) []doc.Span {
	var out []doc.Span
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "://")
		k := strings.Index(text[i:], "www.")
		var s int
		switch {
		case j < 0 && k < 0:
			return out
		case j >= 0 && (k < 0 || j-5 < k):
			s = i + j
			for s > i && isSchemeByte(text[s-1]) {
				s--
			}
			if s == i+j { // no scheme before ://
				i = i + j + 3
				continue
			}
		default:
			s = i + k
		}
		e := s
		for e < len(text) {
			r, n := utf8.DecodeRuneInString(text[e:])
			if unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '»' || r == '”' {
				break
			}
			e += n
		}
		for e > s && strings.ContainsRune(".,;:!?)]'’", rune(text[e-1])) {
			e--
		}
		out = append(out, doc.Span{Start: s, End: e})
		i = max(e, s+1)
	}
	return out
}

func isSchemeByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// hasLineBreak is strings.ContainsAny(s, "\n\r") without building a set for each of the
// short gaps between tokens it is asked about.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return true
		}
	}
	return false
}

// closers may follow a sentence-final mark and still belong to the sentence.
func isCloser(tok string) bool {
	switch tok {
	case "»", "”", "\"", ")", "]", "’", "'", "›":
		return true
	}
	return false
}

// Sentences groups tokens into sentences.
func (s *Segmenter) Sentences(text string, toks []doc.Token) []doc.Sentence {
	var out []doc.Sentence
	para := 0
	begin := 0 // first token of the current sentence
	flush := func(endTok int) {
		if endTok <= begin {
			return
		}
		out = append(out, doc.Sentence{Start: toks[begin].Start, End: toks[endTok-1].End, Tok0: begin, Tok1: endTok, Para: para})
		begin = endTok
	}
	for i := 0; i < len(toks); i++ {
		// a line break between this token and the next ends the sentence and the paragraph
		if i+1 < len(toks) && hasLineBreak(text[toks[i].End:toks[i+1].Start]) {
			flush(i + 1)
			para++
			continue
		}
		t := text[toks[i].Start:toks[i].End]
		if toks[i].Kind != doc.Punct || !(t == "." || t == "!" || t == "?" || t == "…" || t == "..." || t == "?!") {
			continue
		}
		j := i + 1
		for j < len(toks) && isCloser(text[toks[j].Start:toks[j].End]) && (toks[j].Start == toks[j-1].End || frenchCloser(text, toks[j-1].End, toks[j])) {
			j++
		}
		if j >= len(toks) {
			continue
		}
		if hasLineBreak(text[toks[j-1].End:toks[j].Start]) {
			continue // the line-break rule above will close it
		}
		if t == "." && i > begin && s.isAbbrev(text, toks, i) && !(s.final[toks[i-1].Norm] && s.starters[text[toks[j].Start:toks[j].End]]) {
			continue
		}
		if !startsSentence(text[toks[j].Start:toks[j].End]) {
			continue
		}
		// « … ? » inside a sentence: a question mark followed by a closing quote and a
		// lower-case word is handled above; here the next token starts a new sentence.
		flush(j)
		i = j - 1
	}
	flush(len(toks))
	for k := range out {
		for t := out[k].Tok0; t < out[k].Tok1; t++ {
			toks[t].Sent = k
		}
	}
	return out
}

// isAbbrev: the token before the full stop at i is an abbreviation or an initial.
func (s *Segmenter) isAbbrev(text string, toks []doc.Token, i int) bool {
	p := toks[i-1]
	if p.End != toks[i].Start {
		return false
	}
	w := text[p.Start:p.End]
	if s.abbrev[p.Norm] {
		return true
	}
	// a single capital letter: an initial (J. F. Kennedy)
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true
	}
	return false
}

func startsSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("«“\"‘'—–-([¿¡#@", r) || r >= 0x1F000
}

func validUTF8(s string) bool { return utf8.ValidString(s) }

// frenchCloser: » or ” after a space (French typography puts one before the closing mark).
func frenchCloser(text string, prevEnd int, t doc.Token) bool {
	w := text[t.Start:t.End]
	return (w == "»" || w == "›" || w == "”") && strings.TrimSpace(text[prevEnd:t.Start]) == "" && !strings.ContainsAny(text[prevEnd:t.Start], "\n\r")
}

// appendPiece appends the part of a word left beside a URL.
func appendPiece(toks []doc.Token, text string, start, end int) []doc.Token {
	if strings.TrimSpace(text[start:end]) == "" {
		return toks
	}
	kind := classify(text[start:end])
	if kind == doc.Word {
		return appendWord(toks, text, start, end)
	}
	return append(toks, doc.Token{Start: start, End: end, Norm: normalize.String(text[start:end]), Kind: kind})
}
