package segment

import "github.com/clipperhouse/uax29/v2/words"

// wordIter walks the words of a text (UAX #29 word boundaries) exactly as
// github.com/clipperhouse/uax29/v2/words does, but finds a word made of plain ASCII bytes
// itself, with a byte table, and asks the library only when a decision needs a byte outside
// ASCII. The library's iterator keeps no state from one word to the next (each word is the
// first word of the rest of the text), so answering some words here and the others there
// gives the same words; TestWordIterMatchesUAX29 and FuzzWordIter check it.
type wordIter struct {
	text       string
	start, end int
	lib        *words.Iterator[string]
}

func newWordIter(text string) wordIter {
	return wordIter{text: text, lib: words.FromString("")}
}

// next moves to the next word; false at the end of the text.
func (w *wordIter) next() bool {
	if w.end >= len(w.text) {
		return false
	}
	w.start = w.end
	if n := asciiWord(w.text[w.start:]); n > 0 {
		w.end = w.start + n
		return true
	}
	w.lib.SetText(w.text[w.start:])
	w.end = w.start + len(w.lib.First())
	return true
}

// Word-break classes of the ASCII bytes (Unicode WordBreakProperty; no ASCII byte is
// Extend, Format, ZWJ, Katakana, Hebrew_Letter or Regional_Indicator).
const (
	wbOther uint8 = iota
	wbCR
	wbLF
	wbNewline
	wbSpace // WSegSpace
	wbDoubleQuote
	wbSingleQuote
	wbMidNum
	wbMidNumLet
	wbMidLetter
	wbNumeric
	wbALetter
	wbExtendNumLet
)

var asciiClass = func() (t [128]uint8) {
	t['\r'] = wbCR
	t['\n'] = wbLF
	t['\v'], t['\f'] = wbNewline, wbNewline
	t[' '] = wbSpace
	t['"'] = wbDoubleQuote
	t['\''] = wbSingleQuote
	t[','], t[';'] = wbMidNum, wbMidNum
	t['.'] = wbMidNumLet
	t[':'] = wbMidLetter
	for c := '0'; c <= '9'; c++ {
		t[c] = wbNumeric
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wbALetter, wbALetter
	}
	t['_'] = wbExtendNumLet
	return t
}()

// asciiWord returns the length of the first word of s (len(s) > 0) when the rules decide it
// on ASCII bytes alone, else 0 (the library decides). It gives the library's split function's
// answer, rule by rule, for the classes an ASCII byte can have:
//   - letters, digits and _ hold together (WB5, WB8–WB10, WB13a, WB13b), and so do a letter,
//     ':', '.' or ' and a letter (WB6, WB7), a digit, ',', ';', '.' or ' and a digit (WB11,
//     WB12);
//   - spaces hold together (WB3d), CR holds LF (WB3); any other byte is a word of its own.
//
// A byte outside ASCII after a word may still belong to it (an accented letter, a combining
// mark, ’ between two letters): then the answer is the library's.
func asciiWord(s string) int {
	n := asciiWordRules(s)
	if n > 0 && n < len(s) && s[n] >= 0x80 {
		// the library reads the rune after a word before it applies a rule, and a rune cut
		// short at the end of the text ("\n\xe8") joins the word whatever the rules say
		return 0
	}
	return n
}

// asciiWordRules is asciiWord by the rules alone.
func asciiWordRules(s string) int {
	c := s[0]
	if c >= 0x80 {
		return 0
	}
	switch asciiClass[c] {
	case wbALetter, wbNumeric, wbExtendNumLet:
		return asciiRun(s)
	case wbSpace:
		i := 1
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i < len(s) && s[i] >= 0x80 {
			return 0 // another space (WB3d) or a combining mark (WB4)?
		}
		return i
	case wbCR:
		if len(s) > 1 && s[1] == '\n' {
			return 2
		}
		return 1
	case wbLF, wbNewline:
		return 1
	}
	if len(s) > 1 && s[1] >= 0x80 {
		return 0 // a combining mark (WB4)?
	}
	return 1
}

// asciiRun is asciiWord for s starting with a letter, a digit or _.
func asciiRun(s string) int {
	i := 1
	for {
		for i < len(s) && s[i] < 0x80 && wordByte[s[i]] {
			i++
		}
		if i == len(s) {
			return i
		}
		c := s[i]
		if c >= 0x80 {
			return 0
		}
		prev := asciiClass[s[i-1]]
		var want uint8 // the class the byte after c must have for the three to hold together
		switch asciiClass[c] {
		case wbMidLetter:
			if prev == wbALetter {
				want = wbALetter
			}
		case wbMidNum:
			if prev == wbNumeric {
				want = wbNumeric
			}
		case wbMidNumLet, wbSingleQuote:
			if prev == wbALetter || prev == wbNumeric {
				want = prev
			}
		}
		if want == 0 || i+1 == len(s) {
			return i
		}
		if s[i+1] >= 0x80 {
			return 0
		}
		if asciiClass[s[i+1]] != want {
			return i
		}
		i += 2
	}
}

// wordByte: letters, digits and _.
var wordByte = func() (t [128]bool) {
	for c := range t {
		k := asciiClass[c]
		t[c] = k == wbALetter || k == wbNumeric || k == wbExtendNumLet
	}
	return t
}()
