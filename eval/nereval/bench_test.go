package nereval

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/griot-project/griot/actors"

	"github.com/griot-project/griot/ner"
)

// BenchmarkTagger tags the first documents of the Europeana set with the embedded French
// model (hints included); skipped without ../shared.
func BenchmarkTagger(b *testing.B) {
	f, err := os.Open("../../../shared/data/europeana-ner-fr/enp_FR.bnf.bio")
	if err != nil {
		b.Skip("no ../shared data")
	}
	defer f.Close()
	docs, err := ParseIOB(f)
	if err != nil {
		b.Fatal(err)
	}
	docs = docs[:50]
	fz, err := NewFeaturizer()
	if err != nil {
		b.Fatal(err)
	}
	m, err := ner.Embedded("fr")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		t, _, _ := DocText(d)
		n += len(t)
	}
	b.SetBytes(int64(n))
	c0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if _, err := fz.Tag(m, d, "fr"); err != nil {
				b.Fatal(err)
			}
		}
	}
	if c := cpuTime() - c0; c > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/c.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkRules is BenchmarkTagger's documents read by the rules alone (the actors stage).
func BenchmarkRules(b *testing.B) {
	f, err := os.Open("../../../shared/data/europeana-ner-fr/enp_FR.bnf.bio")
	if err != nil {
		b.Skip("no ../shared data")
	}
	defer f.Close()
	docs, err := ParseIOB(f)
	if err != nil {
		b.Fatal(err)
	}
	docs = docs[:50]
	r, err := actors.New()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		t, _, _ := DocText(d)
		n += len(t)
	}
	b.SetBytes(int64(n))
	c0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if _, _, err := Predict(r, d, "fr", false); err != nil {
				b.Fatal(err)
			}
		}
	}
	if c := cpuTime() - c0; c > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/c.Seconds()/1e6, "cpu-MB/s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
