package normalize

import "testing"

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
		if len(f.Start) != len(f.Text) || len(f.End) != len(f.Text) {
			t.Fatalf("offset map length %d/%d for %d bytes", len(f.Start), len(f.End), len(f.Text))
		}
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
		if len(fd.Start) != len(fd.Text) {
			t.Fatal("map length")
		}
		for i := range fd.Start {
			if fd.Start[i] < 0 || int(fd.End[i]) > len(s) || fd.Start[i] >= fd.End[i] {
				t.Fatalf("bad map at %d", i)
			}
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
		"Ωmega ΣIGMA", "naïve\tCafé", "ﬁnal ligature", "mixed 🇲🇱 ASCII Ü", "\xffBroken\xe2\x80", "Ä\xc3"} {
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
