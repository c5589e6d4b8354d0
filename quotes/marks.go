package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
)

// rawQuote is a span between quote marks (or a dialogue line), before speakers are found.
type rawQuote struct {
	open     int        // byte offset of the opening mark (or the dash)
	close    int        // byte offset just past the closing mark (or the paragraph end)
	pieces   []doc.Span // content, one piece per paragraph it runs over
	dialogue bool
}

// content returns the quote's content as one span (first piece start to last piece end).
func (q *rawQuote) content() doc.Span {
	return doc.Span{Start: q.pieces[0].Start, End: q.pieces[len(q.pieces)-1].End}
}

func (q *rawQuote) text(s string) string {
	parts := make([]string, len(q.pieces))
	for i, p := range q.pieces {
		parts[i] = s[p.Start:p.End]
	}
	return strings.Join(parts, "\n")
}

// mark kinds: the opener that a closer must match.
const (
	kGuillemet = '«'
	kCurly     = '“'
	kLow       = '„'
	kSingleG   = '‹'
	kSingle    = '‘'
	kStraight  = '"'
	kDash      = '—'
	kTwo       = '\'' // '' … '' and `` … '' (typewriter double quotes of some archives)
)

type openMark struct {
	kind         rune
	pos          int // byte offset of the mark
	contentStart int
	pieces       []doc.Span
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' }

// trimSpan trims white space at both ends of s[sp].
func trimSpan(s string, sp doc.Span) doc.Span {
	for sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(s[sp.Start:])
		if !isSpaceRune(r) {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(s[:sp.End])
		if !isSpaceRune(r) {
			break
		}
		sp.End -= n
	}
	return sp
}

func runeBefore(s string, i int) rune {
	if i <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAfter(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// opensAfter: a mark preceded by this rune may open a quote.
func opensAfter(r rune) bool {
	return isSpaceRune(r) || strings.ContainsRune("([{—–-:;,/«“„‘\"'", r)
}

// findMarks scans text for quotations: « … », “ … ”, „ … “, ‹ … ›, ‘ … ’, " … " and dialogue
// lines opened by a dash. Nested quotes stay inside the outer one. A quote left open at the end
// of a paragraph continues when the next paragraph opens with the same mark (the convention for
// quotes that run over several paragraphs); otherwise typographic marks close at the paragraph
// end and a straight " is dropped. footers are spans (post footers) where a dash is no dialogue.
func findMarks(s string, footers []doc.Span) []rawQuote {
	var out []rawQuote
	var stack []openMark
	emit := func(o openMark, closeStart, closeEnd int, dialogue bool) {
		pieces := append(o.pieces, doc.Span{Start: o.contentStart, End: closeStart})
		var keep []doc.Span
		for _, p := range pieces {
			if p = trimSpan(s, p); p.Len() > 0 {
				keep = append(keep, p)
			}
		}
		if len(keep) == 0 {
			return
		}
		out = append(out, rawQuote{open: o.pos, close: closeEnd, pieces: keep, dialogue: dialogue})
	}
	inFooter := func(i int) bool {
		for _, f := range footers {
			if f.Start <= i && i < f.End {
				return true
			}
		}
		return false
	}
	paraStart := true
	for i := 0; i < len(s); {
		if asciiClass[s[i]] != cStop {
			// the common case: a run of ASCII bytes that are neither marks nor line ends
			j, text := plainRun(s, i)
			if text {
				paraStart = false
			}
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' || r == '\r' {
			// paragraph end: continue, close or drop what is open
			j := i
			for j < len(s) && (s[j] == '\n' || s[j] == '\r' || s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if len(stack) > 0 {
				bottom := stack[0]
				next, nn := utf8.DecodeRuneInString(s[min(j, len(s)):])
				if j < len(s) && bottom.kind != kDash && (next == bottom.kind || (bottom.kind == kLow && next == '„')) {
					// a continuation paragraph: keep the quote open
					bottom.pieces = append(bottom.pieces, doc.Span{Start: bottom.contentStart, End: i})
					bottom.contentStart = j + nn
					stack = []openMark{bottom}
					i = j + nn
					paraStart = false
					continue
				}
				if bottom.kind != kStraight {
					emit(bottom, i, i, bottom.kind == kDash)
				}
				stack = stack[:0]
			}
			i = j
			paraStart = true
			continue
		}
		wasParaStart := paraStart
		if !isSpaceRune(r) {
			paraStart = false
		}
		switch r {
		case '«', '„', '‹', '“', '»', '›', '”', '‘', '’', '"', '\'', '`', '—', '–', '―':
		default:
			i += n
			continue
		}
		prev, next := runeBefore(s, i), runeAfter(s, i+n)
		switch r {
		case '«', '„', '‹':
			stack = append(stack, openMark{kind: r, pos: i, contentStart: i + n})
		case '“':
			if top := len(stack) - 1; top >= 0 && stack[top].kind == kLow {
				stack = closeTo(stack, top, s, i, i+n, emit)
			} else if k := findKind(stack, kCurly); k >= 0 && !opensAfter(prev) {
				stack = closeTo(stack, k, s, i, i+n, emit) // “ … “ typed as a closer
			} else {
				stack = append(stack, openMark{kind: kCurly, pos: i, contentStart: i + n})
			}
		case '»':
			if k := findKind(stack, kGuillemet); k >= 0 {
				stack = closeTo(stack, k, s, i, i+n, emit)
			}
		case '›':
			if k := findKind(stack, kSingleG); k >= 0 {
				stack = closeTo(stack, k, s, i, i+n, emit)
			}
		case '”':
			if k := findKind2(stack, kCurly, kLow); k >= 0 {
				stack = closeTo(stack, k, s, i, i+n, emit)
			} else if k := findKind(stack, kStraight); k >= 0 && !isSpaceRune(prev) {
				stack = closeTo(stack, k, s, i, i+n, emit) // " … ”
			} else if opensAfter(prev) && !isSpaceRune(next) {
				stack = append(stack, openMark{kind: kCurly, pos: i, contentStart: i + n})
			}
		case '‘':
			if opensAfter(prev) && !isSpaceRune(next) {
				stack = append(stack, openMark{kind: kSingle, pos: i, contentStart: i + n})
			}
		case '’':
			// an apostrophe unless it closes an open ‘ and no letter follows
			if k := findKind(stack, kSingle); k >= 0 && !unicode.IsLetter(next) && !isSpaceRune(prev) {
				stack = closeTo(stack, k, s, i, i+n, emit)
			}
		case '"':
			k := findKind(stack, kStraight)
			closer := !isSpaceRune(prev) && !opensAfter(prev) || isSpaceRune(next) || strings.ContainsRune(".,;:!?)]", next) || i+n >= len(s)
			opener := opensAfter(prev) && !isSpaceRune(next) && i+n < len(s)
			switch {
			case k >= 0 && (closer || !opener):
				stack = closeTo(stack, k, s, i, i+n, emit)
			case opener:
				stack = append(stack, openMark{kind: kStraight, pos: i, contentStart: i + n})
			case closer:
				// “ … " : mixed marks in hand-edited text
				if c := findKind2(stack, kCurly, kLow); c >= 0 {
					stack = closeTo(stack, c, s, i, i+n, emit)
				}
			}
		case '\'', '`':
			if next != r {
				break
			}
			// '' or ``: one mark of two characters
			n = 2
			next = runeAfter(s, i+n)
			k := findKind(stack, kTwo)
			closer := r == '\'' && (!isSpaceRune(prev) && !opensAfter(prev) || isSpaceRune(next) || strings.ContainsRune(".,;:!?)]", next) || i+n >= len(s))
			opener := r == '`' || opensAfter(prev) && !isSpaceRune(next) && i+n < len(s)
			switch {
			case k >= 0 && closer:
				stack = closeTo(stack, k, s, i, i+n, emit)
			case opener:
				stack = append(stack, openMark{kind: kTwo, pos: i, contentStart: i + n})
			}
		case '—', '–', '―':
			if wasParaStart && len(stack) == 0 && isSpaceRune(next) && !inFooter(i) {
				stack = append(stack, openMark{kind: kDash, pos: i, contentStart: i + n})
			}
		}
		i += n
	}
	if len(stack) > 0 && stack[0].kind != kStraight {
		emit(stack[0], len(s), len(s), stack[0].kind == kDash)
	}
	return out
}

// asciiClass sorts bytes for findMarks: cStop for what it must look at (line ends, quote
// marks, any byte of a multi-byte rune), cSpace for the ASCII bytes isSpaceRune accepts,
// cText for the rest. Read-only.
var asciiClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf || strings.ContainsRune("\n\r\"'`", rune(c)):
			t[c] = cStop
		case isSpaceRune(rune(c)):
			t[c] = cSpace
		}
	}
	return t
}()

const (
	cText = iota
	cSpace
	cStop
)

// plainRun returns the end of the run of bytes from i that findMarks may skip (no cStop
// byte) and whether the run holds a byte other than white space. It is a function of its
// own so that its loop keeps its variables in registers.
//
//go:noinline
func plainRun(s string, i int) (end int, text bool) {
	for ; i < len(s); i++ {
		switch asciiClass[s[i]] {
		case cStop:
			return i, text
		case cText:
			text = true
		}
	}
	return i, text
}

func findKind(stack []openMark, k rune) int {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].kind == k {
			return i
		}
	}
	return -1
}

func findKind2(stack []openMark, a, b rune) int {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].kind == a || stack[i].kind == b {
			return i
		}
	}
	return -1
}

// closeTo closes the mark at stack index k (dropping anything opened inside it and left
// open); only an outermost quote is emitted.
func closeTo(stack []openMark, k int, s string, closeStart, closeEnd int, emit func(openMark, int, int, bool)) []openMark {
	if k == 0 {
		emit(stack[0], closeStart, closeEnd, false)
		return stack[:0]
	}
	return stack[:k]
}
