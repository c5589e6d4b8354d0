// Package normalize makes the folded copy of a text that every matcher in griot reads:
// lower case, accents removed, typographic apostrophes as ', every kind of space as ' '.
// The folded text keeps a map back to byte offsets in the original, so that a match found
// in the folded text is reported at the original's offsets.
package normalize

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/griot-project/griot/doc"
	"golang.org/x/text/unicode/norm"
)

// latin holds the folded form of U+0080..U+024F, built once at start-up and read-only after.
var latin = func() [0x250 - 0x80]string {
	var t [0x250 - 0x80]string
	for r := rune(0x80); r < 0x250; r++ {
		t[r-0x80] = foldSlow(r)
	}
	return t
}()

// special folds that NFKD does not give.
func special(r rune) (string, bool) {
	switch r {
	case '’', '‘', 'ʼ', '′', '`', '´', 'ʹ', 'ˈ':
		return "'", true
	case '\u00a0', '\u202f', '\u2009', '\u2007', '\u2008', '\u200a', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u3000', '\t':
		return " ", true
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2060':
		return "", true
	case 'œ', 'Œ':
		return "oe", true
	case 'æ', 'Æ':
		return "ae", true
	case 'ß':
		return "ss", true
	case 'ø', 'Ø':
		return "o", true
	case 'đ', 'Đ':
		return "d", true
	case 'ł', 'Ł':
		return "l", true
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return "-", true
	case '«', '»', '“', '”', '„', '‟', '‹', '›':
		return "\"", true
	case '…':
		return "...", true
	}
	return "", false
}

func foldSlow(r rune) string {
	if s, ok := special(r); ok {
		return s
	}
	var b strings.Builder
	for _, c := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// FoldRune returns the folded form of one rune.
func FoldRune(r rune) string {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return string(r + 32)
		}
		if r == '\t' {
			return " "
		}
		return string(r)
	case r < 0x250:
		return latin[r-0x80]
	}
	if s, ok := special(r); ok {
		return s
	}
	if r >= 0x1F000 || (r >= 0x2600 && r < 0x2800) {
		return string(r) // emoji and symbols stay as they are
	}
	return foldSlow(r)
}

// String folds a string (no offset map): the form used for lexicon keys. Every rune goes
// through FoldRune; runs of ASCII are copied at once and lower-cased in place.
func String(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '\t' {
			break
		}
	}
	if i == len(s) {
		return s // most words: nothing to fold, nothing to allocate
	}
	buf := make([]byte, i, len(s))
	copy(buf, s[:i])
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			k := len(buf)
			buf = append(buf, s[i:j]...)
			lowerASCII(buf[k:])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = append(buf, FoldRune(r)...)
		i += n
	}
	// buf is never written again: the string may share its bytes
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// lowerASCII folds ASCII bytes in place as FoldRune does: A–Z to a–z, tab to space. Eight
// bytes at a time when they hold no tab (b holds ASCII only).
func lowerASCII(b []byte) {
	const ones = 0x0101010101010101
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		if t := x ^ '\t'*ones; (t-ones)&^t&(0x80*ones) != 0 {
			break // a tab: byte by byte from here
		}
		// bit 7 of a byte set when 'A' <= byte <= 'Z' (no carry crosses a byte below 0x80)
		upper := (x + (0x80-'A')*ones) &^ (x + (0x80-'Z'-1)*ones) & (0x80 * ones)
		binary.LittleEndian.PutUint64(b, x|upper>>2)
		b = b[8:]
	}
	for k, c := range b {
		if c-'A' < 26 {
			b[k] = c + 32
		} else if c == '\t' {
			b[k] = ' '
		}
	}
}

// Fold returns the folded copy of text (String(text)), able to map folded offsets back to
// text's (Folded.Orig). No offset table is built: no stage reads one, and it cost eight
// bytes of memory for every byte of every document.
func Fold(text string) doc.Folded {
	return doc.NewFolded(String(text), text, FoldRune)
}

// Stage sets Document.Fold.
type Stage struct{}

// Name of the stage.
func (Stage) Name() string { return "normalize" }

// Process folds the document's text.
func (Stage) Process(d *doc.Document) error {
	d.Fold = Fold(d.Text)
	return nil
}
