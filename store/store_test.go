package store

import (
	"context"
	"strings"
	"testing"
)

func TestDateRange(t *testing.T) {
	tests := []struct {
		in, lo, hi, prec string
		ok               bool
	}{
		{"2022-08-10", "2022-08-10", "2022-08-10", "day", true},
		{"2022-08-10T16:15", "2022-08-10", "2022-08-10", "day", true},
		{"2022-08", "2022-08-01", "2022-08-31", "month", true},
		{"2024-02", "2024-02-01", "2024-02-29", "month", true},
		{"2021", "2021-01-01", "2021-12-31", "year", true},
		{"2022-W41", "2022-10-10", "2022-10-16", "week", true},
		{"2022-W26-WE", "2022-06-27", "2022-07-03", "week", true},
		{"2022-SU", "2022-06-01", "2022-08-31", "season", true},
		{"2022-WI", "2022-12-01", "2023-02-28", "season", true},
		{"2022-Q3", "2022-07-01", "2022-09-30", "quarter", true},
		{"2022-H2", "2022-07-01", "2022-12-31", "half", true},
		{"PAST_REF", "", "", "", false},
		{"", "", "", "", false},
		{"P3D", "", "", "", false},
		{"2022-13", "2022-01-01", "2022-12-31", "year", true},
	}
	for _, tc := range tests {
		lo, hi, prec, ok := DateRange(tc.in)
		if lo != tc.lo || hi != tc.hi || prec != tc.prec || ok != tc.ok {
			t.Errorf("DateRange(%q) = %q %q %q %v, want %q %q %q %v", tc.in, lo, hi, prec, ok, tc.lo, tc.hi, tc.prec, tc.ok)
		}
	}
}

func FuzzDateRange(f *testing.F) {
	for _, s := range []string{"2022-08-10", "2022-W41", "2022-SU", "2021", "XXXX-08", "2022-W9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lo, hi, _, ok := DateRange(s)
		if ok && (len(lo) != 10 || len(hi) != 10 || hi < lo) {
			t.Errorf("DateRange(%q) = %q..%q", s, lo, hi)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	for _, u := range []string{"", "griot.db", "mysql://x"} {
		if _, err := Open(context.Background(), u); err == nil {
			t.Errorf("Open(%q): want an error", u)
		}
	}
	if got := redact("postgres://bob:secret@host/db"); strings.Contains(got, "secret") {
		t.Errorf("redact left the password: %s", got)
	}
}
