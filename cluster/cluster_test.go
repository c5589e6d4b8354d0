package cluster

import (
	"hash/fnv"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
)

const wire = `Le président de la transition malien, le colonel Assimi Goïta, a annoncé mercredi avoir eu un entretien téléphonique avec son homologue russe, Vladimir Poutine. Les deux dirigeants ont évoqué la sécurité au Sahel et les livraisons de céréales et d'engrais, selon un communiqué de la présidence.`

func TestSimHashNearDuplicates(t *testing.T) {
	base, ok := SimHash(wire)
	if !ok {
		t.Fatal("no SimHash for a paragraph")
	}
	tests := []struct {
		name string
		text string
		near bool
	}{
		{"same text, other case and accents", strings.ToUpper(normalizeAccents(wire)), true},
		{"a word changed", strings.Replace(wire, "mercredi", "jeudi", 1), true},
		{"an outlet's byline added", "(AFP) " + wire, true},
		{"another article", "Les ministres des Affaires étrangères de l'Union africaine se sont réunis à Addis-Abeba pour préparer le sommet de février consacré au financement des opérations de paix sur le continent et à la réforme du Conseil.", false},
	}
	for _, tc := range tests {
		h, ok := SimHash(tc.text)
		if !ok {
			t.Fatalf("%s: no SimHash", tc.name)
		}
		if got := NearDuplicate(base, h); got != tc.near {
			t.Errorf("%s: near duplicate = %v (distance %d), want %v", tc.name, got, Distance(base, h), tc.near)
		}
		if tc.near {
			shared := false
			for i := range Bands {
				shared = shared || Band(base, i) == Band(h, i)
			}
			if !shared {
				t.Errorf("%s: near duplicates share no band", tc.name)
			}
		}
	}
	if _, ok := SimHash("Trop court."); ok {
		t.Error("a two-word text has a SimHash")
	}
}

func normalizeAccents(s string) string {
	return strings.NewReplacer("é", "e", "ï", "i", "è", "e").Replace(s)
}

func TestKey(t *testing.T) {
	a := &doc.Event{Type: "CONSULT", Actor: []string{"MLI", "goita"}, Recipient: []string{"RUS"}}
	b := &doc.Event{Type: "CONSULT", Actor: []string{"goita", "MLI", "MLI"}, Recipient: []string{"RUS"}}
	c := &doc.Event{Type: "CONSULT", Actor: []string{"RUS"}, Recipient: []string{"MLI", "goita"}}
	d := &doc.Event{Type: "ACCUSE", Actor: []string{"MLI", "goita"}, Recipient: []string{"RUS"}}
	if Key(a) != Key(b) {
		t.Errorf("order and repeats matter: %q vs %q", Key(a), Key(b))
	}
	if Key(a) == Key(c) || Key(a) == Key(d) {
		t.Error("direction or type ignored")
	}
}

func TestDatesCompatible(t *testing.T) {
	tests := []struct {
		lo, hi, clo, chi string
		want             bool
	}{
		{"2022-08-10", "2022-08-10", "2022-08-10", "2022-08-10", true},
		{"2022-08-11", "2022-08-11", "2022-08-10", "2022-08-10", true},
		{"2022-08-12", "2022-08-12", "2022-08-10", "2022-08-10", false},
		{"2022-08-01", "2022-08-31", "2022-08-10", "2022-08-10", true},
		{"2022-09-01", "2022-09-30", "2022-08-10", "2022-08-10", false},
		{"", "", "2022-08-10", "2022-08-10", false},
		{"bad", "2022-08-10", "2022-08-10", "2022-08-10", false},
	}
	for _, tc := range tests {
		if got := DatesCompatible(tc.lo, tc.hi, tc.clo, tc.chi); got != tc.want {
			t.Errorf("DatesCompatible(%s..%s, %s..%s) = %v, want %v", tc.lo, tc.hi, tc.clo, tc.chi, got, tc.want)
		}
	}
	if lo, hi := Narrower("2022-08-01", "2022-08-31", "2022-08-10", "2022-08-10"); lo != "2022-08-10" || hi != "2022-08-10" {
		t.Errorf("Narrower kept %s..%s", lo, hi)
	}
}

func TestSourceOf(t *testing.T) {
	tests := []struct {
		d    doc.Document
		want string
	}{
		{doc.Document{Source: "BBC Afrique"}, "bbc afrique"},
		{doc.Document{URL: "https://www.lemonde.fr/afrique/x.html"}, "lemonde.fr"},
		{doc.Document{SHA256: "abc"}, "doc:abc"},
	}
	for _, tc := range tests {
		if got := SourceOf(&tc.d); got != tc.want {
			t.Errorf("SourceOf(%+v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// simHashRef is SimHash written the plain way (the definition SimHashFolded must keep).
func simHashRef(text string) (h uint64, ok bool) {
	words := strings.FieldsFunc(normalize.String(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(words)-2 < minShingles {
		return 0, false
	}
	var v [64]int
	f := fnv.New64a()
	for i := 0; i+3 <= len(words); i++ {
		f.Reset()
		f.Write([]byte(words[i] + "\x00" + words[i+1] + "\x00" + words[i+2]))
		x := f.Sum64()
		for b := range 64 {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	for b := range 64 {
		if v[b] > 0 {
			h |= 1 << b
		}
	}
	return h, true
}

func TestSimHashReference(t *testing.T) {
	data, err := os.ReadFile("testdata/simhash.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, text := range strings.Split(string(data), "\n\n") {
		if strings.HasPrefix(text, "#") {
			continue
		}
		n++
		wantH, wantOK := simHashRef(text)
		h, ok := SimHash(text)
		if h != wantH || ok != wantOK {
			t.Errorf("SimHash(%.40q) = %016x, %v; want %016x, %v", text, h, ok, wantH, wantOK)
		}
		if h2, ok2 := SimHashFolded(normalize.String(text)); h2 != h || ok2 != ok {
			t.Errorf("SimHashFolded(%.40q) = %016x, %v; want %016x, %v", text, h2, ok2, h, ok)
		}
	}
	if n < 5 {
		t.Fatalf("read %d texts from testdata/simhash.txt", n)
	}
}

func BenchmarkSimHash(b *testing.B) {
	text := strings.Repeat(wire+" ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		SimHash(text)
	}
}

func FuzzSimHash(f *testing.F) {
	f.Add(wire)
	f.Add("")
	f.Add("a\xffb c d e f g h i j k l m n")
	f.Fuzz(func(t *testing.T, s string) {
		h, ok := SimHash(s)
		if !ok && h != 0 {
			t.Error("hash without ok")
		}
		if wh, wok := simHashRef(s); h != wh || ok != wok {
			t.Errorf("SimHash = %016x, %v; the reference gives %016x, %v", h, ok, wh, wok)
		}
		if ok {
			if h2, _ := SimHash(s); h2 != h {
				t.Error("not deterministic")
			}
		}
	})
}

func BenchmarkSimHashRef(b *testing.B) {
	text := strings.Repeat(wire+" ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		simHashRef(text)
	}
}

func BenchmarkSimHashFolded(b *testing.B) {
	text := normalize.String(strings.Repeat(wire+" ", 20))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		SimHashFolded(text)
	}
}
