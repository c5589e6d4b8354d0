package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/griot-project/griot/store/storetest"
)

// BenchmarkPutDocument writes the Mali article's full reading (pipeline.Default) again and
// again, each copy under its own hash.
func BenchmarkPutDocument(b *testing.B) {
	d := storetest.BenchReading(b)
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
