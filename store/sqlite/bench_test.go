package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store/storetest"
)

// BenchmarkPutDocument writes the Mali article's full reading (pipeline.Default) again and
// again, each copy under its own hash.
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
			s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			storetest.Bench(b, s, d, batch)
		})
	}
}
