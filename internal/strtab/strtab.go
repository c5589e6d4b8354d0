// Package strtab is a read-only table from strings to uint64 values for large lexicons
// that live as long as the process. Unlike a map[string]T it holds no pointer per entry
// (the keys are offsets into one string), so the garbage collector has three objects to
// look at instead of one or two per key at every cycle.
package strtab

import (
	"hash/maphash"
	"math"
	"strings"
)

// Table maps strings to uint64 values. It is safe for concurrent use.
type Table struct {
	keys  string   // every key, one after the other
	ents  []entry  // in no particular order
	slots []uint64 // open addressing: 0 when empty, else high 32 bits of the hash << 32 | entry index + 1
	seed  maphash.Seed
}

type entry struct {
	off, n uint32 // the key is keys[off : off+n]
	val    uint64
}

// New builds a table holding m. It panics when the keys add up to 4 GB or more.
func New(m map[string]uint64) *Table {
	t := &Table{seed: maphash.MakeSeed()}
	var b strings.Builder
	t.ents = make([]entry, 0, len(m))
	for k, v := range m {
		if b.Len()+len(k) > math.MaxUint32 {
			panic("strtab: keys too long")
		}
		t.ents = append(t.ents, entry{off: uint32(b.Len()), n: uint32(len(k)), val: v})
		b.WriteString(k)
	}
	t.keys = b.String()
	n := 2
	for n < 2*len(t.ents) {
		n *= 2
	}
	t.slots = make([]uint64, n)
	mask := uint64(n - 1)
	for i, e := range t.ents {
		h := maphash.String(t.seed, t.keys[e.off:e.off+e.n])
		j := h & mask
		for t.slots[j] != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = h>>32<<32 | uint64(i+1)
	}
	return t
}

// Get returns the value of key k and whether k is in the table.
func (t *Table) Get(k string) (uint64, bool) {
	if t == nil || len(t.ents) == 0 {
		return 0, false
	}
	h := maphash.String(t.seed, k)
	mask := uint64(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s == 0 {
			return 0, false
		}
		if s>>32 != h>>32 {
			continue
		}
		e := &t.ents[uint32(s)-1]
		if int(e.n) == len(k) && t.keys[e.off:e.off+e.n] == k {
			return e.val, true
		}
	}
}

// Has reports whether k is in the table.
func (t *Table) Has(k string) bool {
	_, ok := t.Get(k)
	return ok
}

// Len returns the number of keys.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return len(t.ents)
}
