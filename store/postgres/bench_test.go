package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/griot-project/griot/store/storetest"
)

// BenchmarkPutDocument writes the Mali article's full reading again and again, each copy
// under its own hash, in batches of 1 and 32.
func BenchmarkPutDocument(b *testing.B) {
	d := storetest.BenchReading(b)
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
