package langid

import "testing"

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
