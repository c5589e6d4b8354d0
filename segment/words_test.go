package segment

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/clipperhouse/uax29/v2/words"
)

// libWords is the library's segmentation: [start, end) of every word.
func libWords(text string) [][2]int {
	var out [][2]int
	it := words.FromString(text)
	for it.Next() {
		out = append(out, [2]int{it.Start(), it.End()})
	}
	return out
}

func iterWords(text string) [][2]int {
	var out [][2]int
	it := newWordIter(text)
	for it.next() {
		out = append(out, [2]int{it.start, it.end})
	}
	return out
}

// wbAlphabet: one or more bytes of every ASCII word-break class, and runes outside ASCII that
// an ASCII word may meet: letters (é, Hebrew), a combining accent (Extend), a soft hyphen
// (Format), ZWJ, the typographic apostrophe (MidNumLet), a middle dot (MidLetter), an
// Arabic-Indic digit (Numeric), ideographic and no-break spaces, NEL, a regional indicator,
// and bytes that are not UTF-8 (a rune cut short, a byte that never starts one).
var wbAlphabet = []string{"a", "Z", "0", "9", "_", ".", ":", ",", ";", "'", "\"", " ", "\t", "\r", "\n", "\v", "\f", "-", "@", "#",
	"é", "\u05d0", "\u0301", "\u00ad", "\u200d", "’", "·", "\u0661", "\u3000", "\u00a0", "\u0085", "\U0001F1EB", "«", "\xe8", "\xff"}

// TestWordIterASCIIClasses: for every string of one to three ASCII bytes, and every string of
// up to four symbols of wbAlphabet, the first word asciiWord finds is the library's (and up
// to three symbols, every word).
func TestWordIterASCIIClasses(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if n := asciiWord(s); n != 0 {
			if want := len(words.FromString(s).First()); n != want {
				t.Fatalf("asciiWord(%q) = %d, library %d", s, n, want)
			}
		}
	}
	answered := 0
	var b [3]byte
	for l := 1; l <= 3; l++ {
		for code := 0; code < 1<<(7*l); code++ {
			for i := 0; i < l; i++ {
				b[i] = byte(code >> (7 * i) & 0x7f)
			}
			s := string(b[:l])
			check(s)
			if asciiWord(s) != 0 {
				answered++
			}
		}
	}
	if answered != 128+128*128+128*128*128 {
		t.Errorf("asciiWord answered %d of the ASCII strings of 1-3 bytes, want all", answered)
	}
	var rec func(prefix string, depth int)
	rec = func(prefix string, depth int) {
		if prefix != "" {
			check(prefix)
			if depth <= 3 && !slices.Equal(iterWords(prefix), libWords(prefix)) {
				t.Fatalf("%q: words %v, library %v", prefix, iterWords(prefix), libWords(prefix))
			}
		}
		if depth == 4 {
			return
		}
		for _, a := range wbAlphabet {
			rec(prefix+a, depth+1)
		}
	}
	rec("", 0)
}

// TestWordIterMatchesUAX29: the words of real news text (the sample articles and the
// MasakhaNEWS texts of ../shared, when present, and the repository's example) are the
// library's, word for word.
func TestWordIterMatchesUAX29(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../shared/samples/*/*.txt", "../../shared/data/masakhanews-fr-en/*/*.tsv", "../examples/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no text found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		got, want := iterWords(text), libWords(text)
		if !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("%s: word %d: %v %q, library %v %q", f, i, got[i], text[got[i][0]:got[i][1]], want[i], text[want[i][0]:want[i][1]])
				}
			}
			t.Fatalf("%s: %d words, library %d", f, len(got), len(want))
		}
	}
}

func FuzzWordIter(f *testing.F) {
	for _, s := range []string{"l’homme d'État, 3.5 %", "e\u0301t\u00e9 a.b 1,2 x_y", "don't  \r\n\r\nU.S. 10:30", "a'\u0301b 1.\u0661", "🇫🇷🇲🇱 :: ..", "\xff\xfea.b", "\n\xe8", "a.\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := iterWords(s), libWords(s); !slices.Equal(got, want) {
			t.Fatalf("%q: words %v, library %v", s, got, want)
		}
	})
}

// BenchmarkTokens tokenises the MasakhaNEWS texts of ../shared (the repository's example when
// they are absent).
func BenchmarkTokens(b *testing.B) {
	files, _ := filepath.Glob("../../shared/data/masakhanews-fr-en/*/dev.tsv")
	if len(files) == 0 {
		files, _ = filepath.Glob("../examples/*.txt")
	}
	var texts []string
	size := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			Tokens(t)
		}
	}
}
