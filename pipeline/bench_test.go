package pipeline_test

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
)

// corpus returns the texts benchmarks read: the MasakhaNEWS dev articles (French and
// English) when ../shared is there, else the project's example article.
func corpus(b *testing.B) []string {
	b.Helper()
	return corpusTexts(b)
}

// corpusTexts reads the MasakhaNEWS dev texts, or the example article when ../shared is absent.
func corpusTexts(b testing.TB) []string {
	b.Helper()
	var texts []string
	for _, lang := range []string{"fra", "eng"} {
		f, err := os.Open(filepath.Join("..", "..", "shared", "data", "masakhanews-fr-en", lang, "dev.tsv"))
		if err != nil {
			continue
		}
		r := csv.NewReader(f)
		r.Comma = '\t'
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		header := true
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			if header {
				header = false
				continue
			}
			if len(rec) >= 3 && len(rec[2]) > 0 {
				texts = append(texts, rec[1]+"\n"+rec[2])
			}
		}
		f.Close()
	}
	if len(texts) == 0 {
		for _, name := range []string{"mali-goita-poutine.txt", "mali-goita-putin.txt"} {
			t, err := os.ReadFile(filepath.Join("..", "examples", name))
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, string(t))
		}
	}
	return texts
}

// BenchmarkPipeline reads every text of the corpus through the full pipeline, on one
// goroutine; MB/s is over the text bytes.
func BenchmarkPipeline(b *testing.B) {
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	texts := corpus(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	pub := time.Date(2022, 8, 11, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, err := p.Run(context.Background(), t, pipeline.Options{Published: pub}); err != nil && err != pipeline.ErrEmpty {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkStages times each stage alone over the corpus (the stages before it run
// outside the timer), so that their costs can be compared.
func BenchmarkStages(b *testing.B) {
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	texts := corpus(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	pub := time.Date(2022, 8, 11, 0, 0, 0, 0, time.UTC)
	stages := p.StageList()
	for k, st := range stages {
		b.Run(st.Name(), func(b *testing.B) {
			// documents annotated up to the stage before this one
			docs := make([]*doc.Document, 0, len(texts))
			for _, t := range texts {
				d, err := pipeline.NewDocument(t, pipeline.Options{Published: pub})
				if err != nil {
					continue
				}
				for _, prev := range stages[:k] {
					if err := prev.Process(d); err != nil {
						b.Fatal(err)
					}
				}
				docs = append(docs, d)
			}
			b.SetBytes(int64(size))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					if err := st.Process(d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
