package timexeval

import (
	"fmt"
	"io"
	"sort"
	"strconv"
)

// Span is a predicted time expression, byte offsets into the gold text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Counts accumulates the TempEval-3 counts.
type Counts struct {
	Gold, Sys       int
	StrictGold      int // gold spans matched exactly
	StrictSys       int
	RelaxedGold     int // gold spans overlapped by a system span (one-to-one)
	RelaxedSys      int
	TypeOK, ValueOK int // on relaxed matches
	PerType         map[string]*TypeCounts
	Mismatch        []Mismatch
	KeepMismatch    bool
	KeepMatch       bool // with KeepMismatch: list the right values too, as kind "ok"
}

// TypeCounts are the counts for one TIMEX3 type: gold by gold type, system by system type.
type TypeCounts struct {
	Gold, Sys, StrictGold, StrictSys, RelaxedGold, RelaxedSys, ValueOK int
}

// Mismatch is one error for the error listing.
type Mismatch struct {
	Doc, Kind, Gold, Sys string
	At                   int // byte offset of the gold span (of the system span when spurious)
}

// NewCounts makes empty counts.
func NewCounts() *Counts { return &Counts{PerType: map[string]*TypeCounts{}} }

func (c *Counts) typ(t string) *TypeCounts {
	if t == "" {
		t = "?"
	}
	tc := c.PerType[t]
	if tc == nil {
		tc = &TypeCounts{}
		c.PerType[t] = tc
	}
	return tc
}

// Add scores one document's system spans against its gold spans.
func (c *Counts) Add(name string, gold []GoldTimex, sys []Span) {
	c.Gold += len(gold)
	c.Sys += len(sys)
	for _, g := range gold {
		c.typ(g.Type).Gold++
	}
	for _, s := range sys {
		c.typ(s.Type).Sys++
	}
	usedS := make([]bool, len(sys))
	gm := make([]int, len(gold))
	for i := range gm {
		gm[i] = -1
	}
	// exact matches first, then the largest overlap
	for gi, g := range gold {
		for si, s := range sys {
			if !usedS[si] && s.Start == g.Start && s.End == g.End {
				usedS[si], gm[gi] = true, si
				c.StrictGold++
				c.StrictSys++
				c.typ(g.Type).StrictGold++
				c.typ(s.Type).StrictSys++
				break
			}
		}
	}
	for gi, g := range gold {
		if gm[gi] >= 0 {
			continue
		}
		best, bestOv := -1, 0
		for si, s := range sys {
			if usedS[si] {
				continue
			}
			ov := min(s.End, g.End) - max(s.Start, g.Start)
			if ov > bestOv {
				best, bestOv = si, ov
			}
		}
		if best >= 0 {
			usedS[best], gm[gi] = true, best
		}
	}
	for gi, g := range gold {
		si := gm[gi]
		if si < 0 {
			if c.KeepMismatch {
				c.Mismatch = append(c.Mismatch, Mismatch{name, "missed", fmt.Sprintf("%q %s %s", g.Text, g.Type, g.Value), "", g.Start})
			}
			continue
		}
		s := sys[si]
		c.RelaxedGold++
		c.RelaxedSys++
		c.typ(g.Type).RelaxedGold++
		c.typ(s.Type).RelaxedSys++
		if s.Type == g.Type {
			c.TypeOK++
		}
		if sameValue(s.Value, g.Value) {
			c.ValueOK++
			c.typ(g.Type).ValueOK++
			if c.KeepMatch {
				c.Mismatch = append(c.Mismatch, Mismatch{name, "ok", fmt.Sprintf("%q %s %s", g.Text, g.Type, g.Value), fmt.Sprintf("%q %s %s", s.Text, s.Type, s.Value), g.Start})
			}
		} else if c.KeepMismatch {
			c.Mismatch = append(c.Mismatch, Mismatch{name, "value", fmt.Sprintf("%q %s %s", g.Text, g.Type, g.Value), fmt.Sprintf("%q %s %s", s.Text, s.Type, s.Value), g.Start})
		}
	}
	if c.KeepMismatch {
		for si, s := range sys {
			if !usedS[si] {
				c.Mismatch = append(c.Mismatch, Mismatch{name, "spurious", "", fmt.Sprintf("%q %s %s", s.Text, s.Type, s.Value), s.Start})
			}
		}
	}
}

func prf(okSys, sys, okGold, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(okSys) / float64(sys)
	}
	if gold > 0 {
		r = float64(okGold) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Result holds the headline scores.
type Result struct {
	StrictP, StrictR, StrictF    float64
	RelaxedP, RelaxedR, RelaxedF float64
	TypeAcc, ValueAcc            float64
	ValueP, ValueR, ValueF       float64
}

// Result computes the scores.
func (c *Counts) Result() Result {
	var r Result
	r.StrictP, r.StrictR, r.StrictF = prf(c.StrictSys, c.Sys, c.StrictGold, c.Gold)
	r.RelaxedP, r.RelaxedR, r.RelaxedF = prf(c.RelaxedSys, c.Sys, c.RelaxedGold, c.Gold)
	if c.RelaxedGold > 0 {
		r.TypeAcc = float64(c.TypeOK) / float64(c.RelaxedGold)
		r.ValueAcc = float64(c.ValueOK) / float64(c.RelaxedGold)
	}
	r.ValueP, r.ValueR, r.ValueF = prf(c.ValueOK, c.Sys, c.ValueOK, c.Gold)
	return r
}

// Report prints the per-type table and the overall scores, last line first-class.
func (c *Counts) Report(w io.Writer) {
	fmt.Fprintf(w, "%-9s %5s %5s  %-20s %-20s %s\n", "type", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "value R")
	types := make([]string, 0, len(c.PerType))
	for t := range c.PerType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		tc := c.PerType[t]
		sp, sr, sf := prf(tc.StrictSys, tc.Sys, tc.StrictGold, tc.Gold)
		rp, rr, rf := prf(tc.RelaxedSys, tc.Sys, tc.RelaxedGold, tc.Gold)
		vr := 0.0
		if tc.Gold > 0 {
			vr = float64(tc.ValueOK) / float64(tc.Gold)
		}
		fmt.Fprintf(w, "%-9s %5d %5d  %.3f/%.3f/%.3f  %.3f/%.3f/%.3f  %.3f\n", t, tc.Gold, tc.Sys, sp, sr, sf, rp, rr, rf, vr)
	}
	r := c.Result()
	fmt.Fprintf(w, "%-9s %5d %5d  %.3f/%.3f/%.3f  %.3f/%.3f/%.3f  %.3f\n", "all", c.Gold, c.Sys, r.StrictP, r.StrictR, r.StrictF, r.RelaxedP, r.RelaxedR, r.RelaxedF, r.ValueR)
	fmt.Fprintf(w, "type accuracy %.3f, value accuracy %.3f (on %d relaxed matches); value P/R/F1 %.3f/%.3f/%.3f\n",
		r.TypeAcc, r.ValueAcc, c.RelaxedGold, r.ValueP, r.ValueR, r.ValueF)
	fmt.Fprintf(w, "timex: strict_f1=%.3f relaxed_f1=%.3f value_f1=%.3f type_acc=%.3f\n", r.StrictF, r.RelaxedF, r.ValueF, r.TypeAcc)
}

// sameValue tells whether two TIMEX3 values are the same value, written the same way or in
// one of the corpora's other notations of it: a week number with or without its leading
// zero (2000-W7, 2000-W07), a clock hour with or without its minutes (…T17, …T17:00), a
// decade or century with or without trailing Xs (196X, 196; 19XX, 19), and a duration in
// another unit of exactly the same length (P1E, P1DE, P10Y; P3Q, P9M; P2L, P2000Y; PXC,
// PXCE). Nothing else is equated: a year is not a month of that year (1949 ≠ 1949-XX),
// nor a week a month, nor P1D PT24H.
func sameValue(a, b string) bool {
	return a == b || canonValue(a) == canonValue(b)
}

// canonValue writes a TIMEX3 value in one notation (see sameValue).
func canonValue(v string) string {
	n := len(v)
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	// decade 196X, century 19XX
	if n == 4 && isDigit(v[0]) && isDigit(v[1]) && isDigit(v[2]) && v[3] == 'X' {
		return v[:3]
	}
	if n == 4 && isDigit(v[0]) && isDigit(v[1]) && v[2] == 'X' && v[3] == 'X' {
		return v[:2]
	}
	// week without its leading zero: YYYY-Wd, YYYY-Wd-…
	if n >= 7 && v[4] == '-' && v[5] == 'W' && isDigit(v[6]) && (n == 7 || v[7] == '-') {
		return v[:6] + "0" + v[6:]
	}
	// a clock hour without minutes: …THH
	if n >= 4 && v[n-3] == 'T' && isDigit(v[n-2]) && isDigit(v[n-1]) && isDigit(v[0]) {
		return v + ":00"
	}
	if n >= 3 && v[0] == 'P' && v[1] != 'T' {
		return canonDuration(v)
	}
	return v
}

// durUnit are the calendar units of a date duration with their length in the base unit
// (years, months or days); E, C and L are TimeBank's older letters for DE, CE and ML.
var durUnit = map[string]struct {
	base string
	mult int
}{
	"Y": {"Y", 1}, "DE": {"Y", 10}, "E": {"Y", 10}, "CE": {"Y", 100}, "C": {"Y", 100},
	"ML": {"Y", 1000}, "L": {"Y", 1000}, "M": {"M", 1}, "Q": {"M", 3}, "D": {"D", 1}, "W": {"D", 7},
}

// canonDuration rewrites a one-unit date duration (PnU or PXU) in its base unit; X counts
// keep their unit (only its spelling is unified): PXE and PXDE are both "some decades".
func canonDuration(v string) string {
	num := v[1:]
	i := 0
	for i < len(num) && (num[i] >= '0' && num[i] <= '9' || num[i] == '.') {
		i++
	}
	if i == 0 && len(num) > 0 && num[0] == 'X' {
		i = 1
	}
	if i == 0 || i == len(num) {
		return v
	}
	u, ok := durUnit[num[i:]]
	if !ok {
		return v
	}
	if num[:i] == "X" {
		switch num[i:] {
		case "E", "DE":
			return "PXDE"
		case "C", "CE":
			return "PXCE"
		case "L", "ML":
			return "PXML"
		}
		return v
	}
	n, err := strconv.Atoi(num[:i])
	if err != nil {
		return v
	}
	return "P" + strconv.Itoa(n*u.mult) + u.base
}
