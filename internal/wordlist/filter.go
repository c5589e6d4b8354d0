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
	h := filterHash(w) // 16 bits
	f.bits[h>>6] |= 1 << (h & 63)
}

// May reports whether w may be in the set: false means it is not.
func (f *Filter) May(w string) bool {
	h := filterHash(w) // 16 bits
	return f.bits[h>>6]>>(h&63)&1 != 0
}

// filterHash mixes the length and up to sixteen bytes of w (the first and last eight; every
// byte of a word of up to sixteen) with one multiplication: cheaper than hashing every byte.
func filterHash(w string) uint16 {
	n := len(w)
	var x uint64
	switch {
	case n >= 8:
		x = load64(w) ^ load64(w[n-8:])*0x100000001b3
	case n >= 4:
		x = uint64(load32(w)) | uint64(load32(w[n-4:]))<<32
	case n > 0:
		x = uint64(w[0]) | uint64(w[n>>1])<<8 | uint64(w[n-1])<<16
	}
	return uint16((x ^ uint64(n)<<56) * 0x9E3779B97F4A7C15 >> 48)
}

func load64(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

func load32(w string) uint32 {
	_ = w[3]
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}
