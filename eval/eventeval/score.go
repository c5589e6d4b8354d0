package eventeval

import (
	"sort"
	"strings"
)

// Key is an actor as scored: PLOVER actor code (ISO alpha-3 country or IGO NGO ISM IMG MNC)
// and primary sector.
type Key struct {
	Code   string
	Sector string
}

func (k Key) String() string {
	c := k.Code
	if c == "" {
		c = "?"
	}
	if k.Sector == "" {
		return c
	}
	return c + "/" + k.Sector
}

// codeAliases fixes the non-ISO country codes of the gold file.
var codeAliases = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

// sectorAliases maps retired or variant sector codes to PLOVER 0.8's: ELI (elites) is now
// CVL, as is the CIV spelling; HLH (CAMEO health) is MED.
var sectorAliases = map[string]string{"ELI": "CVL", "CIV": "CVL", "HLH": "MED"}

// NormCode normalises an actor code: upper case, known aliases resolved.
func NormCode(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if a, ok := codeAliases[c]; ok {
		return a
	}
	return c
}

// NormSector normalises a sector: its primary 3-letter code in upper case ("CVLalb" → CVL,
// "REFKUR" → REF), aliases resolved, "***" (unknown) as "".
func NormSector(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 3 {
		s = s[:3]
	}
	s = strings.ToUpper(s)
	if strings.Trim(s, "*") == "" {
		return ""
	}
	if a, ok := sectorAliases[s]; ok {
		return a
	}
	return s
}

// GoldKeys turns gold actors into keys.
func GoldKeys(as []GoldActor) []Key {
	out := make([]Key, 0, len(as))
	for _, a := range as {
		out = append(out, Key{NormCode(a.Code), NormSector(a.Sector)})
	}
	return out
}

// keyMatch: the codes are equal and the sectors agree. A gold actor without a sector (a
// country or organisation coded without one) matches any sector; a griot actor without a
// sector (an organisation such as the UN known only as IGO) matches a gold GOV, its
// governing body, as a country without a sector is its government.
func keyMatch(gold, pred Key) bool {
	if gold.Code == "" || gold.Code != pred.Code {
		return false
	}
	return gold.Sector == "" || gold.Sector == pred.Sector || (pred.Sector == "" && gold.Sector == "GOV")
}

// MatchCounts counts true positives, false positives and false negatives between a gold and
// a predicted list of actors, matching each gold actor to at most one predicted actor
// (exact matches first, so that a sectorless gold actor does not take the place of a
// sectored one). codeOnly compares actor codes alone.
func MatchCounts(gold, pred []Key, codeOnly bool) (tp, fp, fn int) {
	used := make([]bool, len(pred))
	matched := make([]bool, len(gold))
	for pass := 0; pass < 2; pass++ {
		for i, g := range gold {
			if matched[i] {
				continue
			}
			for j, p := range pred {
				if used[j] {
					continue
				}
				var ok bool
				switch {
				case codeOnly:
					ok = g.Code != "" && g.Code == p.Code
				case pass == 0:
					ok = g.Code != "" && g == p
				default:
					ok = keyMatch(g, p)
				}
				if ok {
					used[j], matched[i] = true, true
					tp++
					break
				}
			}
		}
	}
	return tp, len(pred) - tp, len(gold) - tp
}

// PRF is precision, recall and F1 from counts (0 where undefined).
func PRF(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Add adds counts.
func (c *Counts) Add(tp, fp, fn int) { c.TP += tp; c.FP += fp; c.FN += fn }

// F1 of the counts.
func (c Counts) F1() float64 { _, _, f := PRF(c.TP, c.FP, c.FN); return f }

// Item is one scored gold record with griot's chosen event ("" type: griot coded nothing).
type Item struct {
	Gold       GoldRecord
	GoldMode   string // the gold mode in griot's names, "" when the gold has none PLOVER 0.8 knows
	GoldSrc    []Key
	GoldTgt    []Key
	Type       string
	Mode       string
	Actor      []Key
	Recipient  []Key
	Factuality string
	NEvents    int      // events griot coded for the text
	AllTypes   []string // their types
	Others     []string // the other events, one line each (for --errors)
}

// TypeRow is the per-type line of the report.
type TypeRow struct {
	Type       string
	Gold, Pred int
	Correct    int
	P, R, F1   float64
}

// Confusion is one kind of type error and how often it occurs.
type Confusion struct {
	Gold, Pred string // Pred "none" when griot coded nothing
	N          int
}

// Scores are the results over all items.
type Scores struct {
	N           int
	Coded       int // items where griot coded at least one event
	Several     int // items where griot coded more than one
	TypeCorrect int
	TypeAcc     float64
	MacroF1     float64
	PerType     []TypeRow
	AnyType     int // items whose gold type is among any of griot's events (diagnostic)
	Actor       Counts
	Recipient   Counts
	ActorCode   Counts
	RecipCode   Counts
	ModeN       int // items with a gold mode griot can code
	ModeCorrect int
	ModeAcc     float64
	ModeUnknown int // gold modes PLOVER 0.8 has no name for
	Confusions  []Confusion
	ActorErrors map[string]int
}

// Score computes every figure of the report from scored items.
func Score(items []Item) Scores {
	s := Scores{N: len(items), ActorErrors: map[string]int{}}
	gold := map[string]int{}
	pred := map[string]int{}
	correct := map[string]int{}
	conf := map[[2]string]int{}
	for _, it := range items {
		g := it.Gold.Type
		gold[g]++
		if it.NEvents > 0 {
			s.Coded++
		}
		if it.NEvents > 1 {
			s.Several++
		}
		if it.Type != "" {
			pred[it.Type]++
		}
		if it.Type == g {
			correct[g]++
			s.TypeCorrect++
		} else {
			p := it.Type
			if p == "" {
				p = "none"
			}
			conf[[2]string{g, p}]++
		}
		for _, t := range it.AllTypes {
			if t == g {
				s.AnyType++
				break
			}
		}
		s.Actor.Add(MatchCounts(it.GoldSrc, it.Actor, false))
		s.Recipient.Add(MatchCounts(it.GoldTgt, it.Recipient, false))
		s.ActorCode.Add(MatchCounts(it.GoldSrc, it.Actor, true))
		s.RecipCode.Add(MatchCounts(it.GoldTgt, it.Recipient, true))
		if it.Type != "" { // misses are counted among the type errors
			for _, e := range actorErrors(it) {
				s.ActorErrors[e]++
			}
		}
		if it.GoldMode != "" {
			s.ModeN++
			if it.Type == g && it.Mode == it.GoldMode {
				s.ModeCorrect++
			}
		} else if it.Gold.Mode != "" {
			s.ModeUnknown++
		}
	}
	if s.N > 0 {
		s.TypeAcc = float64(s.TypeCorrect) / float64(s.N)
	}
	if s.ModeN > 0 {
		s.ModeAcc = float64(s.ModeCorrect) / float64(s.ModeN)
	}
	types := map[string]bool{}
	for t := range gold {
		types[t] = true
	}
	for t := range pred {
		types[t] = true
	}
	var names []string
	for t := range types {
		names = append(names, t)
	}
	sort.Strings(names)
	sum := 0.0
	for _, t := range names {
		row := TypeRow{Type: t, Gold: gold[t], Pred: pred[t], Correct: correct[t]}
		row.P, row.R, row.F1 = PRF(correct[t], pred[t]-correct[t], gold[t]-correct[t])
		s.PerType = append(s.PerType, row)
		sum += row.F1
	}
	if len(names) > 0 {
		s.MacroF1 = sum / float64(len(names))
	}
	for k, n := range conf {
		s.Confusions = append(s.Confusions, Confusion{Gold: k[0], Pred: k[1], N: n})
	}
	sort.Slice(s.Confusions, func(i, j int) bool {
		a, b := s.Confusions[i], s.Confusions[j]
		if a.N != b.N {
			return a.N > b.N
		}
		if a.Gold != b.Gold {
			return a.Gold < b.Gold
		}
		return a.Pred < b.Pred
	})
	return s
}

// actorErrors names the kinds of actor and recipient errors of one item.
func actorErrors(it Item) []string {
	var out []string
	check := func(role string, gold, pred, other []Key) {
		tp, fp, fn := MatchCounts(gold, pred, false)
		ctp, _, _ := MatchCounts(gold, pred, true)
		if fn == 0 && fp == 0 {
			return
		}
		switch {
		case len(pred) == 0 && len(gold) > 0:
			out = append(out, role+" missing")
		case len(gold) == 0 && len(pred) > 0:
			out = append(out, role+" where gold has none")
		case ctp > tp:
			out = append(out, role+" right country, wrong sector")
		default:
			if t, _, _ := MatchCounts(other, pred, true); t > 0 {
				out = append(out, role+" swapped with the other role")
			} else if fn > 0 && fp > 0 {
				out = append(out, role+" wrong actor")
			} else if fn > 0 {
				out = append(out, role+" incomplete")
			} else {
				out = append(out, role+" extra actor")
			}
		}
	}
	check("actor", it.GoldSrc, it.Actor, it.GoldTgt)
	check("recipient", it.GoldTgt, it.Recipient, it.GoldSrc)
	return out
}
