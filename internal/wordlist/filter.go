package wordlist

// Filter is a Bloom-style filter over a set of words (one hash, 65,536 bits): May(w) is false
// for most words outside the set and always true for the words Added to it. A stage asks it
// before looking a token up in a string-keyed map: most tokens are in no lexicon, and a bit
// test is cheaper than hashing the token for a map.
type Filter struct {
	bits [1 << 10]uint64
}

// NewFilter returns a filter holding the keys of m.
func NewFilter[V any](m map[string]V) *Filter {
	f := &Filter{}
	for w := range m {
		f.Add(w)
	}
	return f
}

// Add puts w into the filter.
func (f *Filter) Add(w string) {
	h := filterHash(w)
	f.bits[h>>6&(1<<10-1)] |= 1 << (h & 63)
}

// May reports whether w may be in the set: false means it is not.
func (f *Filter) May(w string) bool {
	h := filterHash(w)
	return f.bits[h>>6&(1<<10-1)]&(1<<(h&63)) != 0
}

// filterHash mixes the length, the first eight bytes and the last byte of w: enough to
// spread words, cheaper than hashing every byte.
func filterHash(w string) uint32 {
	const prime = 0x100000001b3
	h := uint64(len(w)) * 0x9E3779B97F4A7C15
	n := min(len(w), 8)
	for i := 0; i < n; i++ {
		h = (h ^ uint64(w[i])) * prime
	}
	if len(w) > 8 {
		h = (h ^ uint64(w[len(w)-1])) * prime
	}
	return uint32(h>>32) ^ uint32(h)
}
