package segment

import (
	"strings"
	"testing"
)

func norms(text string) []string {
	var out []string
	for _, t := range Tokens(text) {
		if text[t.Start:t.End] == "" {
			panic("empty token")
		}
		out = append(out, text[t.Start:t.End])
	}
	return out
}

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"l’Ukraine et l'Europe", "l’|Ukraine|et|l'|Europe"},
		{"Il n’exclut pas qu’il vienne", "Il|n’|exclut|pas|qu’|il|vienne"},
		{"jusqu'à aujourd'hui", "jusqu'|à|aujourd'hui"},
		{"#Mali et @GoitaAssimi 🇷🇺!", "#Mali|et|@GoitaAssimi|🇷🇺|!"},
		{"Russia's army didn't move", "Russia|'s|army|did|n't|move"},
		{"voir https://example.org/a?b=1. Puis", "voir|https://example.org/a?b=1|.|Puis"},
		{"2 000 soldats, 3.200 déplacés", "2|000|soldats|,|3.200|déplacés"},
		{"on Sept 30th.https://t.co/abcd more", "on|Sept|30th.|https://t.co/abcd|more"},
	}
	for _, c := range cases {
		got := strings.Join(norms(c.in), "|")
		if got != c.want {
			t.Errorf("Tokens(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestTokenKindsAndNorm(t *testing.T) {
	toks := Tokens("#Mali @GoitaAssimi 🇲🇱 Goïta 45")
	kinds := []string{"hashtag", "handle", "emoji", "word", "number"}
	if len(toks) != len(kinds) {
		t.Fatalf("got %d tokens", len(toks))
	}
	for i, k := range kinds {
		if toks[i].Kind.String() != k {
			t.Errorf("token %d kind %s, want %s", i, toks[i].Kind, k)
		}
	}
	if toks[3].Norm != "goita" || toks[0].Norm != "#mali" {
		t.Errorf("norms %q %q", toks[3].Norm, toks[0].Norm)
	}
}

func sents(text string) []string {
	s := New()
	toks := Tokens(text)
	var out []string
	for _, x := range s.Sentences(text, toks) {
		out = append(out, text[x.Start:x.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"M. Dupont est arrivé. Mme Durand aussi.", []string{"M. Dupont est arrivé.", "Mme Durand aussi."}},
		{"Col. Smith met Gen. Jones in the U.S. Senate. They talked.", []string{"Col. Smith met Gen. Jones in the U.S. Senate.", "They talked."}},
		{"Dr. Who? Yes! « Non. » Fin", []string{"Dr. Who?", "Yes!", "« Non. »", "Fin"}},
		{"John F. Kennedy spoke.\nNew paragraph", []string{"John F. Kennedy spoke.", "New paragraph"}},
		{"a title without stop\nthe body. more text", []string{"a title without stop", "the body. more text"}},
		{"Il a dit « Assez ! » et il est parti.", []string{"Il a dit « Assez ! » et il est parti."}},
		{"Talks run until 9 a.m. Tuesday. Then they stop.", []string{"Talks run until 9 a.m. Tuesday.", "Then they stop."}},
		{"The envoy flew back to the U.S. He will report on Monday.", []string{"The envoy flew back to the U.S.", "He will report on Monday."}},
		{"Voting closed at 8 p.m. The count began at once.", []string{"Voting closed at 8 p.m.", "The count began at once."}},
		{"Le convoi est parti pour les U.S. Il arrivera lundi.", []string{"Le convoi est parti pour les U.S.", "Il arrivera lundi."}},
		{"The U.S. Army and U.S. Secretary Blinken met at 9 a.m. Friday.", []string{"The U.S. Army and U.S. Secretary Blinken met at 9 a.m. Friday."}},
	}
	for _, c := range cases {
		got := sents(c.in)
		if strings.Join(got, "⏎") != strings.Join(c.want, "⏎") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	text := "One. Two.\nThree."
	s := New()
	toks := Tokens(text)
	ss := s.Sentences(text, toks)
	if len(ss) != 3 || ss[0].Para != 0 || ss[1].Para != 0 || ss[2].Para != 1 {
		t.Fatalf("paragraphs wrong: %+v", ss)
	}
	for i, tk := range toks {
		if tk.Sent < 0 || tk.Sent >= len(ss) || ss[tk.Sent].Tok0 > i || ss[tk.Sent].Tok1 <= i {
			t.Fatalf("token %d has sentence %d", i, tk.Sent)
		}
	}
}

func FuzzSegment(f *testing.F) {
	f.Add("M. Goïta a dit « oui ». l’Ukraine #Mali @x https://a.b/c 🇷🇺")
	f.Add("'''’’’ n't 's")
	f.Add("30th.https://t.co/x glued.www.a.b")
	f.Add("pֿpwww.ֻֿp.ֻֿ")
	s := New()
	f.Fuzz(func(t *testing.T, text string) {
		if !validUTF8(text) {
			return
		}
		toks := Tokens(text)
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
				t.Fatalf("bad token %+v", tk)
			}
			prev = tk.End
		}
		ss := s.Sentences(text, toks)
		n := 0
		for _, x := range ss {
			n += x.Tok1 - x.Tok0
		}
		if n != len(toks) {
			t.Fatalf("sentences hold %d of %d tokens", n, len(toks))
		}
	})
}

func TestHasApostrophe(t *testing.T) {
	for _, w := range []string{"", "word", "l'Etat", "l’armée", "ʼokina", "don't", "\xe2\x80", "\xe2\x80\x98", "\xca", "\xf0\xe2\x80\x99",
		"é’", "’", "‘quoted’", "\xcaʼ", "ĊĊ"} {
		if got, want := hasApostrophe(w), strings.ContainsAny(w, "'’ʼ"); got != want {
			t.Errorf("hasApostrophe(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzHasApostrophe(f *testing.F) {
	f.Add("l’armée")
	f.Add("\xe2\x80\x99\xca\xbc'")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := hasApostrophe(w), strings.ContainsAny(w, "'’ʼ"); got != want {
			t.Fatalf("hasApostrophe(%q) = %v, want %v", w, got, want)
		}
	})
}

func TestHasLineBreak(t *testing.T) {
	for _, s := range []string{"", " ", "  \u00a0", "\n", " \r\n ", "a\rb", "x y"} {
		if got, want := hasLineBreak(s), strings.ContainsAny(s, "\n\r"); got != want {
			t.Errorf("hasLineBreak(%q) = %v, want %v", s, got, want)
		}
	}
}
