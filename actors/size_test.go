package actors

import "testing"

func TestRegistrySize(t *testing.T) {
	r := resolver(t)
	kinds := map[string]int{}
	terms := 0
	for _, e := range r.entries {
		kinds[e.Kind]++
		terms += len(e.terms)
	}
	t.Logf("actors %d %v, office terms %d, patterns %d, roles %d", len(r.entries), kinds, terms, len(r.pats), len(r.roles))
}
