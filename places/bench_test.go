package places

import (
	"bytes"
	"compress/gzip"
	"runtime"
	"testing"
)

func loadFresh(tb testing.TB) *Gazetteer {
	gz, _ := dataFS.ReadFile("data/gazetteer.tsv.gz")
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		tb.Fatal(err)
	}
	a1, _ := dataFS.ReadFile("data/admin1.tsv")
	ct, _ := dataFS.ReadFile("data/countries.tsv")
	ex, _ := dataFS.ReadFile("data/exonyms.tsv")
	g, err := parseGazetteer(zr, bytes.NewReader(a1), bytes.NewReader(ct), bytes.NewReader(ex))
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// BenchmarkLoad parses the embedded gazetteer (what New costs once per process).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		loadFresh(b)
	}
}

// TestLoadMemory reports the heap the gazetteer keeps.
func TestLoadMemory(t *testing.T) {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	g := loadFresh(t)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	kept := int64(m1.HeapAlloc) - int64(m0.HeapAlloc)
	t.Logf("gazetteer: %d places, heap kept %.1f MB", g.NumPlaces(), float64(kept)/1e6)
	if kept > 60e6 {
		t.Errorf("gazetteer keeps %d bytes, more than 60 MB", kept)
	}
	runtime.KeepAlive(g)
}
