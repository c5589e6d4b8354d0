package places_test

import (
	"context"
	"os"
	"testing"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/places"
)

// BenchmarkProcess is the stage's own cost on the Mali article (pipeline run once outside).
func BenchmarkProcess(b *testing.B) {
	for _, f := range []string{"testdata/mali-goita-poutine.txt", "testdata/mali-goita-putin.txt"} {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		p, err := pipeline.Default()
		if err != nil {
			b.Fatal(err)
		}
		gc, err := places.New()
		if err != nil {
			b.Fatal(err)
		}
		d, err := p.Run(context.Background(), string(text), pipeline.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f[len("testdata/mali-goita-p"):]+"/places", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				for j := range d.Events {
					d.Events[j].Location = nil
				}
				if err := gc.Process(d); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(f[len("testdata/mali-goita-p"):]+"/pipeline", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				if _, err := p.Run(context.Background(), string(text), pipeline.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
