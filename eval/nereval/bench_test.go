package nereval

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/griot-project/griot/actors"
	"github.com/griot-project/griot/ner"
)

// benchNames reads the first 50 documents of the Europeana set (skipped without ../shared)
// and runs tag over all of them in each loop, reporting MB of text per CPU-second too.
func benchNames(b *testing.B, tag func(Doc) error) {
	f, err := os.Open("../../../shared/data/europeana-ner-fr/enp_FR.bnf.bio")
	if err != nil {
		b.Skip("no ../shared data")
	}
	defer f.Close()
	docs, err := ParseIOB(f)
	if err != nil {
		b.Fatal(err)
	}
	docs = docs[:min(50, len(docs))]
	n := 0
	for _, d := range docs {
		t, _, _ := DocText(d)
		n += len(t)
	}
	b.SetBytes(int64(n))
	c0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if err := tag(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	if c := cpuTime() - c0; c > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/c.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkTagger tags the documents with the embedded French model (hints included).
func BenchmarkTagger(b *testing.B) {
	fz, err := NewFeaturizer()
	if err != nil {
		b.Fatal(err)
	}
	m, err := ner.Embedded("fr")
	if err != nil {
		b.Fatal(err)
	}
	benchNames(b, func(d Doc) error { _, err := fz.Tag(m, d, "fr"); return err })
}

// BenchmarkRules reads the same documents by the rules alone (the actors stage).
func BenchmarkRules(b *testing.B) {
	r, err := actors.New()
	if err != nil {
		b.Fatal(err)
	}
	benchNames(b, func(d Doc) error { _, _, err := Predict(r, d, "fr", false); return err })
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
