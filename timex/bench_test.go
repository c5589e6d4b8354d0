package timex

import (
	"encoding/csv"
	"io"
	"os"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/segment"
)

// masakhane reads the text column of the MasakhaNEWS dev splits (French and English).
// The corpus stays outside the repository: the benchmark skips without it.
func masakhane(b *testing.B) []*doc.Document {
	b.Helper()
	var docs []*doc.Document
	seg := segment.New()
	for _, lang := range []string{"fra", "eng"} {
		f, err := os.Open("../../shared/data/masakhanews-fr-en/" + lang + "/dev.tsv")
		if err != nil {
			b.Skip("../shared/data/masakhanews-fr-en not present")
		}
		r := csv.NewReader(f)
		r.Comma = '\t'
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		first := true
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				b.Fatal(err)
			}
			if first || len(rec) < 3 {
				first = false
				continue
			}
			d := &doc.Document{Text: rec[2], Lang: lang[:2], Anchor: time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)}
			d.Fold = normalize.Fold(d.Text)
			if err := seg.Process(d); err != nil {
				b.Fatal(err)
			}
			docs = append(docs, d)
		}
		f.Close()
	}
	return docs
}

// BenchmarkTag measures the stage alone (folding and segmentation done beforehand).
func BenchmarkTag(b *testing.B) {
	docs := masakhane(b)
	tg := tagger(b)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := tg.Process(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, c0, n)
}

// reportCPU adds MB per CPU second (all goroutines of the process, GC included).
func reportCPU(b *testing.B, c0 time.Duration, n int64) {
	if c := cpuTime() - c0; c > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/c.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkTagWithSegmentation measures Tag from raw text: folding, segmentation, tagging.
func BenchmarkTagWithSegmentation(b *testing.B) {
	docs := masakhane(b)
	tg := tagger(b)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			tg.Tag(d.Text, d.Lang, d.Anchor)
		}
	}
	reportCPU(b, c0, n)
}
