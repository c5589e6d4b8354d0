package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readTiny reads testdata/tiny.txt: "TOKEN TAG" lines, blank lines between sentences, "=="
// between documents. Words in capitals get a hint, as a registry would give.
func readTiny(t testing.TB) []Doc {
	f, err := os.Open(filepath.Join("testdata", "tiny.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []Doc
	var d Doc
	var s Sentence
	var tags []string
	endSent := func() {
		if len(s) > 0 {
			d.Sents, d.Tags = append(d.Sents, s), append(d.Tags, tags)
		}
		s, tags = nil, nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case line == "":
			endSent()
		case line == "==":
			endSent()
			docs, d = append(docs, d), Doc{}
		default:
			w, tag, _ := strings.Cut(line, " ")
			var hints []string
			if w == "Oslo" || w == "Bergen" {
				hints = []string{"reg:LOC-B"}
			}
			s, tags = append(s, Token{Text: w, Hints: hints}), append(tags, tag)
		}
	}
	endSent()
	return append(docs, d)
}

func sentsOf(docs []Doc) [][]Sentence {
	var out [][]Sentence
	for _, d := range docs {
		out = append(out, d.Sents)
	}
	return out
}

// TestLearnsFixture: trained on a tiny corpus, the tagger tags it back.
func TestLearnsFixture(t *testing.T) {
	docs := readTiny(t)
	m, err := Train(docs, Options{Lang: "xx", Epochs: 20})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Types(), []string{"LOC", "ORG", "PER"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("types %v, want %v", got, want)
	}
	for di, d := range docs {
		got := m.Tag(d.Sents)
		for si := range d.Sents {
			if !reflect.DeepEqual(Entities(got[si]), Entities(d.Tags[si])) {
				t.Errorf("doc %d sentence %d: got %v, want %v", di, si, got[si], d.Tags[si])
			}
		}
	}
}

// TestRoundTrip: a written model reads back with the same tags, and training twice gives the
// same file.
func TestRoundTrip(t *testing.T) {
	docs := readTiny(t)
	var files [2]bytes.Buffer
	var models [2]*Model
	for i := range files {
		m, err := Train(docs, Options{Lang: "xx", Epochs: 5, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&files[i]); err != nil {
			t.Fatal(err)
		}
		models[i] = m
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Error("two trainings with the same options wrote different models")
	}
	back, err := Read(bytes.NewReader(files[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.Lang != "xx" || !reflect.DeepEqual(back.Tags, models[0].Tags) || back.NumFeatures() != models[0].NumFeatures() {
		t.Fatalf("read back %q %v %d, want xx %v %d", back.Lang, back.Tags, back.NumFeatures(), models[0].Tags, models[0].NumFeatures())
	}
	for _, sents := range sentsOf(docs) {
		if a, b := models[0].Tag(sents), back.Tag(sents); !reflect.DeepEqual(a, b) {
			t.Errorf("tags differ after the round trip: %v vs %v", a, b)
		}
	}
}

// TestPartial: tokens tagged "?" are left to the model; the known names are still learnt.
func TestPartial(t *testing.T) {
	docs := readTiny(t)
	// forget the tags of the last sentence of each document
	for _, d := range docs {
		last := d.Tags[len(d.Tags)-1]
		for i := range last {
			last[i] = "?"
		}
	}
	m, err := Train(docs, Options{Epochs: 20})
	if err != nil {
		t.Fatal(err)
	}
	got := m.Tag(docs[0].Sents[:1])
	if want := []Entity{{0, 2, "PER"}, {4, 5, "LOC"}}; !reflect.DeepEqual(Entities(got[0]), want) {
		t.Errorf("got %v, want %v", Entities(got[0]), want)
	}
}

func TestTrainErrors(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
	}{
		{"empty", nil},
		{"rows", []Doc{{Sents: []Sentence{{{Text: "a"}}}}}},
		{"length", []Doc{{Sents: []Sentence{{{Text: "a"}}}, Tags: [][]string{{"O", "O"}}}}},
		{"bad tag", []Doc{{Sents: []Sentence{{{Text: "a"}}}, Tags: [][]string{{"PER"}}}}},
	}
	for _, tc := range tests {
		if _, err := Train(tc.docs, Options{}); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestEntitiesBIO(t *testing.T) {
	tests := []struct {
		tags []string
		want []Entity
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC", "B-LOC"}, []Entity{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "LOC"}}},
		{[]string{"O", "I-ORG", "I-ORG", "I-PER"}, []Entity{{1, 3, "ORG"}, {3, 4, "PER"}}},
		{[]string{"O", "O"}, nil},
	}
	for _, tc := range tests {
		got := Entities(tc.tags)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Entities(%v) = %v, want %v", tc.tags, got, tc.want)
		}
		if tc.want == nil {
			continue
		}
		back, err := BIO(len(tc.tags), got)
		if err != nil || !reflect.DeepEqual(Entities(back), got) {
			t.Errorf("BIO(%v) = %v, %v", got, back, err)
		}
	}
	if _, err := BIO(2, []Entity{{1, 3, "PER"}}); err == nil {
		t.Error("BIO: entity past the end, no error")
	}
}

// TestViterbiConstraint: whatever the scores, no I-X follows O or another type.
func TestViterbiConstraint(t *testing.T) {
	tags := makeTags([]string{"A", "B"})
	nt := len(tags)
	allow := buildAllow(tags)
	trans := make([]float32, (nt+1)*nt)
	// scores that prefer I-B everywhere
	n := 4
	scores := make([]float32, n*nt)
	for i := 0; i < n; i++ {
		scores[i*nt+4] = 10
	}
	path := viterbi(scores, n, nt, trans, allow, nil)
	got := make([]string, n)
	for i, p := range path {
		got[i] = tags[p]
	}
	if want := []string{"B-B", "I-B", "I-B", "I-B"}; !reflect.DeepEqual(got, want) {
		t.Errorf("path %v, want %v", got, want)
	}
	fixed := []int{-1, 0, -1, -1}
	path = viterbi(scores, n, nt, trans, allow, fixed)
	if tags[path[1]] != "O" || tags[path[2]] != "B-B" {
		t.Errorf("fixed path %v", path)
	}
}

func TestReadErrors(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	for name, b := range map[string][]byte{
		"not gzip":  []byte("hello"),
		"bad magic": gz("hello world\n"),
		"truncated": gz(magic + "\x02en"),
		"no tags":   gz(magic + "\x02en\x00"),
	} {
		if _, err := Read(bytes.NewReader(b)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzRead(f *testing.F) {
	docs := readTiny(f)
	m, err := Train(docs, Options{Epochs: 2})
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		// a model that reads must tag without panicking
		m.Tag([]Sentence{{{Text: "Oslo"}, {Text: "is"}, {Text: "cold"}}})
	})
}

func TestEmbedded(t *testing.T) {
	m, err := Embedded("fr")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Types(); !reflect.DeepEqual(got, []string{"LOC", "ORG", "PER"}) {
		t.Errorf("fr model types %v", got)
	}
	if _, err := Embedded("xx"); err == nil {
		t.Error("Embedded(xx): no error")
	}
}

func BenchmarkTag(b *testing.B) {
	m, err := Embedded("fr")
	if err != nil {
		b.Fatal(err)
	}
	docs := readTiny(b)
	var sents []Sentence
	n := 0
	for range 20 {
		for _, d := range docs {
			for _, s := range d.Sents {
				sents = append(sents, s)
				for _, t := range s {
					n += len(t.Text) + 1
				}
			}
		}
	}
	b.SetBytes(int64(n))
	c0 := cpuTime()
	for b.Loop() {
		m.Tag(sents)
	}
	if c := cpuTime() - c0; c > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/c.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkEmbedded: decoding the shipped French model (once per process).
func BenchmarkEmbedded(b *testing.B) {
	c0 := cpuTime()
	for b.Loop() {
		if _, err := Embedded("fr"); err != nil {
			b.Fatal(err)
		}
	}
	if c := cpuTime() - c0; c > 0 {
		b.ReportMetric(float64(c.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// cpuTime is the user+system CPU time of this process (the machine is shared: wall time
// counts the other processes too).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
