package langid

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Le président a rencontré les ministres à Bamako pour parler de la sécurité.", "fr"},
		{"The president met the ministers in Bamako to talk about security.", "en"},
		{"Bonjour", "fr"},
		{"Troops withdrew", "en"},
		{"L’armée malienne a repris Kidal", "fr"},
		{"Putin does not rule out sending fuel", "en"},
	}
	for _, c := range cases {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// countsRef is counts as it was written first (strings.Fields of the lower-cased sample,
// strings.Trim, strings.ContainsAny): counts must score every text the same.
func countsRef(sample string) (fr, en int) {
	for _, w := range strings.Fields(strings.ToLower(sample)) {
		w = strings.Trim(w, ".,;:!?«»\"“”()'’")
		if frWords[w] {
			fr++
		}
		if enWords[w] {
			en++
		}
		if strings.ContainsAny(w, "éèêàçùâîôû") || strings.HasPrefix(w, "l’") || strings.HasPrefix(w, "d’") || strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") || strings.HasPrefix(w, "qu'") || strings.HasPrefix(w, "qu’") {
			fr++
		}
		if len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly")) || w == "not" || w == "does" || w == "out" {
			en++
		}
	}
	return fr, en
}

var countTexts = []string{
	"",
	"   \t\n ",
	"« Nous ne céderons pas », a déclaré la porte-parole, jeudi, devant L’Assemblée.",
	"LE MINISTRE ÉTAIT À GAO ; IL A PARLÉ (BRIÈVEMENT) AVEC « LES ÉLUS ».",
	"Qu'il pleuve ou non, l'équipe d’Abidjan jouera ; qu’en pensent-ils ?",
	"“It’s not over,” she said, quietly adding that the talks were ongoing.",
	"THE ENVOY DOES NOT EXPECT A DEAL; \"Nothing is settled\" (yet).",
	"non\u00a0breaking\u00a0spaces\u2028and a line separator: l’été",
	"invalid \xff bytes \xc3 and a cut \xc3\xa9 é «\xe2\x80»",
	"«»“”()'’ ... ,,, !!!",
	"ÇA VA ? OÙ ÊTES-VOUS ? ÎLE, CÔTE, FLÛTE, HÔTEL",
	"İstanbul ΣΟΦΙΑ Straße ǅemal",
}

func TestCountsAsReference(t *testing.T) {
	for _, s := range countTexts {
		fr, en := counts(s)
		if rf, re := countsRef(s); fr != rf || en != re {
			t.Errorf("counts(%q) = %d, %d; the reference gives %d, %d", s, fr, en, rf, re)
		}
	}
}

func FuzzCountsAsReference(f *testing.F) {
	for _, s := range countTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fr, en := counts(s)
		if rf, re := countsRef(s); fr != rf || en != re {
			t.Errorf("counts(%q) = %d, %d; the reference gives %d, %d", s, fr, en, rf, re)
		}
	})
}
