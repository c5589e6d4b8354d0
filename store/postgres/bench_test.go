package postgres

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store/storetest"
)

// BenchmarkPutDocument writes the Mali article's full reading again and again, each copy
// under its own hash, in batches of 1 and 32.
func BenchmarkPutDocument(b *testing.B) {
	text, err := os.ReadFile("../../ingest/testdata/mali/mali-goita-poutine.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	d, err := p.Run(context.Background(), string(text), pipeline.Options{Lang: "fr"})
	if err != nil {
		b.Fatal(err)
	}
	for _, batch := range []int{1, 32} {
		b.Run(fmt.Sprintf("batch%d", batch), func(b *testing.B) {
			u := freshSchemaB(b)
			s, err := Open(context.Background(), u)
			if err != nil {
				b.Fatal(err)
			}
			storetest.Bench(b, s, d, batch)
		})
	}
}
