package normalize

import (
	"testing"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Goïta", "goita"},
		{"GOITA", "goita"},
		{"l’Élysée", "l'elysee"},
		{"Cœur d\u00a0Œuvre", "coeur d oeuvre"},
		{"« Paris »", "\" paris \""},
		{"Kyiv — Moscou", "kyiv - moscou"},
		{"🇲🇱 Mali", "🇲🇱 mali"},
		{"ÇA", "ca"},
	}
	for _, c := range cases {
		f := Fold(c.in)
		if f.Text != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, f.Text, c.want)
		}
		if String(c.in) != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, String(c.in), c.want)
		}
		checkOrig(t, c.in, f)
	}
}

func TestFoldOffsets(t *testing.T) {
	text := "Le président Goïta à Bamako"
	f := Fold(text)
	i := indexOf(f.Text, "goita")
	s, e := f.Orig(i, i+len("goita"))
	if text[s:e] != "Goïta" {
		t.Fatalf("mapped back to %q", text[s:e])
	}
	i = indexOf(f.Text, "bamako")
	s, e = f.Orig(i, i+len("bamako"))
	if text[s:e] != "Bamako" {
		t.Fatalf("mapped back to %q", text[s:e])
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func FuzzFold(f *testing.F) {
	f.Add("Goïta l’Élysée 🇷🇺")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		fd := Fold(s)
		if fd.Text != String(s) {
			t.Fatalf("Fold(%q).Text = %q, want String's %q", s, fd.Text, String(s))
		}
		if len(s) <= 64 {
			checkOrig(t, s, fd)
		}
	})
}

// foldRunes is String's plain definition: every rune through FoldRune.
func foldRunes(s string) string {
	out := ""
	for _, r := range s {
		out += FoldRune(r)
	}
	return out
}

func TestStringIsFoldRune(t *testing.T) {
	for _, s := range []string{"", "plain words", "Bamako", "TAB\there", "Ségou et Kayes", "L’ÉTAT-MAJOR",
		"Ωmega ΣIGMA", "naïve\tCafé", "ﬁnal ligature", "mixed 🇲🇱 ASCII Ü", "\xffBroken\xe2\x80", "Ä\xc3",
		"THE QUICK BROWN FOX JUMPS\tOVER THE LAZY DOG @[`{ AZaz 0123456789", "abcdefgh\tIJKLMNOPQRSTUVWX",
		"Éa@ABYZ[`azAB\tCDEFGHIJ\t\tKLMNOPQRSTUVWXYZ\x7f\x00 end"} {
		if got, want := String(s), foldRunes(s); got != want {
			t.Errorf("String(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("Goïta l’Élysée 🇷🇺")
	f.Add("\xffA\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := String(s), foldRunes(s); got != want {
			t.Fatalf("String(%q) = %q, want %q", s, got, want)
		}
	})
}

// offsetMap is the plain definition of Orig: for every folded byte, the original byte range
// of the rune that produced it.
func offsetMap(text string) (start, end []int) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		for range len(FoldRune(r)) {
			start = append(start, i)
			end = append(end, i+n)
		}
		i += n
	}
	return start, end
}

// checkOrig compares f.Orig over every folded range (and a few out-of-range ones) with
// offsetMap.
func checkOrig(t *testing.T, text string, f doc.Folded) {
	t.Helper()
	start, end := offsetMap(text)
	if len(start) != len(f.Text) {
		t.Fatalf("Fold(%q): %d folded bytes, the map has %d", text, len(f.Text), len(start))
	}
	for fs := -1; fs <= len(f.Text)+1; fs++ {
		for fe := fs - 1; fe <= len(f.Text); fe++ {
			ws, we := 0, 0
			switch {
			case fs < 0 || fs >= len(start):
			case fs >= fe:
				ws, we = start[fs], start[fs]
			default:
				ws, we = start[fs], end[fe-1]
			}
			if s, e := f.Orig(fs, fe); s != ws || e != we {
				t.Fatalf("Fold(%q).Orig(%d, %d) = %d, %d; want %d, %d", text, fs, fe, s, e, ws, we)
			}
		}
	}
}

func TestOrigOutOfRange(t *testing.T) {
	f := Fold("Goïta")
	if s, e := f.Orig(2, 99); s != 2 || e != len("Goïta") {
		t.Errorf("Orig(2, 99) = %d, %d; want the range clamped to the text", s, e)
	}
	var zero doc.Folded
	if s, e := zero.Orig(0, 1); s != 0 || e != 0 {
		t.Errorf("zero Folded: Orig = %d, %d", s, e)
	}
}
