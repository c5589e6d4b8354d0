package ner

// table maps feature hashes to weight rows: open addressing with linear probing, at most half
// full, so that a lookup (mostly a miss: most words of a text have no weight) touches one or
// two slots. Key 0 marks an empty slot; a feature hashing to 0 is stored as 1.
type table struct {
	keys []uint64
	vals []int32
	mask uint64
	n    int
}

func newTable(n int) table {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return table{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
}

func slot(h uint64) uint64 { return (h ^ h>>31) * 0x9e3779b97f4a7c15 >> 7 }

// put sets the row of h (the table must have room: built for its final size).
func (t *table) put(h uint64, v int32) {
	if h == 0 {
		h = 1
	}
	for i := slot(h) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			t.keys[i], t.vals[i] = h, v
			t.n++
			return
		case h:
			t.vals[i] = v
			return
		}
	}
}

func (t *table) get(h uint64) (int32, bool) {
	if h == 0 {
		h = 1
	}
	if len(t.keys) == 0 {
		return 0, false
	}
	for i := slot(h) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}
