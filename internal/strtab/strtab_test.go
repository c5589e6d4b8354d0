package strtab

import (
	"fmt"
	"testing"
)

func TestTable(t *testing.T) {
	tests := []struct {
		name string
		m    map[string]uint64
		miss []string
	}{
		{"empty", map[string]uint64{}, []string{"", "a"}},
		{"one", map[string]uint64{"bamako": 7}, []string{"", "bamak", "bamako ", "Bamako"}},
		{"empty key", map[string]uint64{"": 1, "le caire": 2}, []string{"le", "caire"}},
		{"many", func() map[string]uint64 {
			m := map[string]uint64{}
			for i := range 5000 {
				m[fmt.Sprintf("ville %d", i)] = uint64(i) << 33
			}
			return m
		}(), []string{"ville 5000", "ville -1", "ville"}},
	}
	for _, tc := range tests {
		tb := New(tc.m)
		if tb.Len() != len(tc.m) {
			t.Errorf("%s: Len = %d, want %d", tc.name, tb.Len(), len(tc.m))
		}
		for k, v := range tc.m {
			if got, ok := tb.Get(k); !ok || got != v {
				t.Errorf("%s: Get(%q) = %d, %v; want %d, true", tc.name, k, got, ok, v)
			}
		}
		for _, k := range tc.miss {
			if got, ok := tb.Get(k); ok || tb.Has(k) {
				t.Errorf("%s: Get(%q) = %d, true for a key not in the table", tc.name, k, got)
			}
		}
	}
	var nilTable *Table
	if nilTable.Has("x") || nilTable.Len() != 0 {
		t.Error("a nil table holds nothing")
	}
}
