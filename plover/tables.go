// Package plover holds griot's PLOVER tables — the event types, their modes and contexts,
// and the CAMEO code, Goldstein score and QuadClass each of them derives — and writes
// readings as PLOVER JSONL records.
//
// The tables are data (data/types.tsv and data/cameo.tsv, embedded), documented with their
// sources: the PLOVER manual (draft 0.8, Open Event Data Alliance), the OEDA CAMEO-to-PLOVER
// conversion table and the CAMEO codebook with its Goldstein scale. See docs/PLOVER.md.
package plover

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Type is one PLOVER event type.
type Type struct {
	Name       string
	Quad       int     // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Score      float64 // PLOVER conflict-cooperation score of the type
	Recipient  bool    // PLOVER requires a recipient
	CAMEO      string  // CAMEO code of the type without mode or context
	Definition string
	Griot      bool // a griot addition to PLOVER (FIGHT)
}

// Mode is one mode of a type, or a context that refines the CAMEO code.
type Mode struct {
	Name        string
	CAMEO       string
	Description string
	Griot       bool // a griot addition to PLOVER's mode list
}

// CAMEOCode is one CAMEO event code with its Goldstein score and PLOVER equivalent.
type CAMEOCode struct {
	Code      string
	Goldstein float64
	Type      string // PLOVER type
	Mode      string // PLOVER mode, or ""
	Name      string
}

// Tables are the PLOVER and CAMEO mapping tables. They are read-only once loaded and safe
// for concurrent use.
type Tables struct {
	types    map[string]*Type
	order    []string                     // type names in file order
	modes    map[string][]Mode            // type → modes in file order
	contexts map[string]map[string]Mode   // type → context → refinement
	aliases  map[string]map[string]string // type → alias → mode
	cameo    map[string]CAMEOCode
}

// Load reads the embedded tables and checks them: every CAMEO code a type, mode or context
// names must exist in the CAMEO table.
func Load() (*Tables, error) {
	t := &Tables{
		types:    map[string]*Type{},
		modes:    map[string][]Mode{},
		contexts: map[string]map[string]Mode{},
		aliases:  map[string]map[string]string{},
		cameo:    map[string]CAMEOCode{},
	}
	if err := readTSV("data/cameo.tsv", 5, t.addCAMEO); err != nil {
		return nil, err
	}
	if err := readTSV("data/types.tsv", 4, t.addType); err != nil {
		return nil, err
	}
	for _, name := range t.order {
		typ := t.types[name]
		if _, ok := t.cameo[typ.CAMEO]; !ok {
			return nil, fmt.Errorf("plover: type %s: CAMEO code %s not in data/cameo.tsv", name, typ.CAMEO)
		}
		for _, m := range t.modes[name] {
			if _, ok := t.cameo[m.CAMEO]; !ok {
				return nil, fmt.Errorf("plover: %s/%s: CAMEO code %s not in data/cameo.tsv", name, m.Name, m.CAMEO)
			}
		}
		for _, m := range t.contexts[name] {
			if _, ok := t.cameo[m.CAMEO]; !ok {
				return nil, fmt.Errorf("plover: %s context %s: CAMEO code %s not in data/cameo.tsv", name, m.Name, m.CAMEO)
			}
		}
	}
	for typ, as := range t.aliases {
		for a, m := range as {
			if !t.HasMode(typ, m) {
				return nil, fmt.Errorf("plover: alias %s/%s names unknown mode %q", typ, a, m)
			}
		}
	}
	for _, c := range t.cameo {
		if _, ok := t.types[c.Type]; !ok && c.Type != "" {
			return nil, fmt.Errorf("plover: CAMEO %s: unknown PLOVER type %q", c.Code, c.Type)
		}
	}
	return t, nil
}

func readTSV(name string, minFields int, add func(f []string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return fmt.Errorf("plover: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < minFields {
			return fmt.Errorf("plover: %s:%d: want at least %d tab-separated fields, got %d", name, n, minFields, len(fields))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := add(fields); err != nil {
			return fmt.Errorf("plover: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("plover: reading %s: %w", name, err)
	}
	return nil
}

func (t *Tables) addCAMEO(f []string) error {
	g, err := strconv.ParseFloat(f[1], 64)
	if err != nil || g < -10 || g > 10 {
		return fmt.Errorf("bad Goldstein score %q", f[1])
	}
	if _, dup := t.cameo[f[0]]; dup {
		return fmt.Errorf("CAMEO code %s listed twice", f[0])
	}
	t.cameo[f[0]] = CAMEOCode{Code: f[0], Goldstein: g, Type: f[2], Mode: f[3], Name: f[4]}
	return nil
}

func (t *Tables) addType(f []string) error {
	griot := f[len(f)-1] == "griot"
	switch f[0] {
	case "type":
		if len(f) < 7 {
			return fmt.Errorf("type row wants 7 fields")
		}
		quad, err := strconv.Atoi(f[2])
		if err != nil || quad < 1 || quad > 4 {
			return fmt.Errorf("bad quad %q", f[2])
		}
		score, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return fmt.Errorf("bad score %q", f[3])
		}
		if f[4] != "yes" && f[4] != "no" {
			return fmt.Errorf("recipient must be yes or no, not %q", f[4])
		}
		if _, dup := t.types[f[1]]; dup {
			return fmt.Errorf("type %s listed twice", f[1])
		}
		t.types[f[1]] = &Type{Name: f[1], Quad: quad, Score: score, Recipient: f[4] == "yes", CAMEO: f[5],
			Definition: f[6], Griot: strings.HasPrefix(f[6], "griot:")}
		t.order = append(t.order, f[1])
	case "mode", "context":
		if _, ok := t.types[f[1]]; !ok {
			return fmt.Errorf("%s for unknown type %s", f[0], f[1])
		}
		m := Mode{Name: f[2], CAMEO: f[3], Griot: griot}
		if len(f) > 4 {
			m.Description = f[4]
		}
		if f[0] == "mode" {
			if t.HasMode(f[1], f[2]) {
				return fmt.Errorf("mode %s/%s listed twice", f[1], f[2])
			}
			t.modes[f[1]] = append(t.modes[f[1]], m)
		} else {
			if t.contexts[f[1]] == nil {
				t.contexts[f[1]] = map[string]Mode{}
			}
			t.contexts[f[1]][f[2]] = m
		}
	case "alias":
		if _, ok := t.types[f[1]]; !ok {
			return fmt.Errorf("alias for unknown type %s", f[1])
		}
		if t.aliases[f[1]] == nil {
			t.aliases[f[1]] = map[string]string{}
		}
		t.aliases[f[1]][f[2]] = f[3]
	default:
		return fmt.Errorf("unknown row kind %q", f[0])
	}
	return nil
}

// Types returns the PLOVER types in codebook order (the 16 of PLOVER, then FIGHT).
func (t *Tables) Types() []string { return append([]string(nil), t.order...) }

// Type returns the description of a type, or nil.
func (t *Tables) Type(typ string) *Type {
	if x, ok := t.types[typ]; ok {
		c := *x
		return &c
	}
	return nil
}

// Modes returns the modes of a type (PLOVER's and griot's additions), in codebook order.
func (t *Tables) Modes(typ string) []string {
	var out []string
	for _, m := range t.modes[typ] {
		out = append(out, m.Name)
	}
	return out
}

// ModeInfo returns the description of one mode of a type.
func (t *Tables) ModeInfo(typ, mode string) (Mode, bool) {
	mode = t.CanonicalMode(typ, mode)
	for _, m := range t.modes[typ] {
		if m.Name == mode {
			return m, true
		}
	}
	return Mode{}, false
}

// HasMode reports whether mode (or an alias of it) is a mode of typ.
func (t *Tables) HasMode(typ, mode string) bool {
	mode = t.CanonicalMode(typ, mode)
	for _, m := range t.modes[typ] {
		if m.Name == mode {
			return true
		}
	}
	return false
}

// CanonicalMode maps an older or alternative mode name (PLOVER 0.5 "strike-hun", "host"…)
// to the mode griot writes; other names are returned unchanged.
func (t *Tables) CanonicalMode(typ, mode string) string {
	mode = strings.ToLower(strings.TrimSpace(mode))
	if m, ok := t.aliases[typ][mode]; ok {
		return m
	}
	return mode
}

// NeedsRecipient reports whether PLOVER requires a recipient for events of the type
// (COOPERATE, AID and SANCTION).
func (t *Tables) NeedsRecipient(typ string) bool {
	x, ok := t.types[typ]
	return ok && x.Recipient
}

// Quad returns the QuadClass of a type (0 for an unknown type).
func (t *Tables) Quad(typ string) int {
	if x, ok := t.types[typ]; ok {
		return x.Quad
	}
	return 0
}

// Score returns PLOVER's conflict-cooperation score of a type (manual 0.8).
func (t *Tables) Score(typ string) (float64, bool) {
	x, ok := t.types[typ]
	if !ok {
		return 0, false
	}
	return x.Score, true
}

// Derive returns the CAMEO code, Goldstein score and QuadClass of an event of type typ and
// mode mode. An empty or unknown mode falls back to the type's own CAMEO code; ok is false
// only for an unknown type. A context name given as mode (AID "military", COOPERATE
// "economic"…) picks the finer CAMEO code of that context.
func (t *Tables) Derive(typ, mode string) (cameo string, goldstein float64, quad int, ok bool) {
	return t.DeriveContext(typ, mode, nil)
}

// DeriveContext is Derive with the event's PLOVER contexts, which refine the CAMEO code of
// types without a fitting mode (AGREE, COOPERATE, AID, SANCTION).
func (t *Tables) DeriveContext(typ, mode string, contexts []string) (cameo string, goldstein float64, quad int, ok bool) {
	x, ok := t.types[typ]
	if !ok {
		return "", 0, 0, false
	}
	code := x.CAMEO
	if m, found := t.ModeInfo(typ, mode); found {
		code = m.CAMEO
	} else if c, found := t.contexts[typ][strings.ToLower(mode)]; found {
		code = c.CAMEO
	} else {
		for _, ctx := range contexts {
			if c, found := t.contexts[typ][ctx]; found {
				code = c.CAMEO
				break
			}
		}
	}
	return code, t.cameo[code].Goldstein, x.Quad, true
}

// CAMEO returns one CAMEO code of the table.
func (t *Tables) CAMEO(code string) (CAMEOCode, bool) {
	c, ok := t.cameo[strings.TrimSpace(code)]
	return c, ok
}

// FromCAMEO maps a CAMEO event code to its PLOVER type and mode (the reverse mapping, after
// the OEDA conversion table), so that CAMEO-coded data (GDELT, ICEWS, PETRARCH) can be
// compared with griot's events. A code more specific than the table knows falls back to its
// parent ("1384x" → "1384" → "138"). CAMEO 01 and 02 (statements, appeals) have no PLOVER
// type: ok is false. CAMEO 19 maps to ASSAULT, as PLOVER 0.8 does; griot's FIGHT is its own.
func (t *Tables) FromCAMEO(code string) (typ, mode string, ok bool) {
	code = strings.TrimSpace(code)
	for len(code) >= 2 {
		if c, found := t.cameo[code]; found {
			return c.Type, c.Mode, true
		}
		code = code[:len(code)-1]
	}
	return "", "", false
}

// CAMEOCodes returns every CAMEO code of the table, sorted.
func (t *Tables) CAMEOCodes() []string {
	out := make([]string, 0, len(t.cameo))
	for c := range t.cameo {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Intent returns the type and mode PLOVER codes an event with: an act the text tells in the
// future tense is coded by what it is at the time of the report, a statement of intention.
// PLOVER's AGREE covers "all cooperative actions reported in future tense" (manual 0.8): a
// visit, support, cooperation, aid or a yielding that "will" happen is AGREE. Its THREATEN
// covers threats to restrict, ban, arrest, impose curfews or martial law, halt relations or
// use force: a sanction, coercion, protest or violence that "will" happen is THREATEN.
// Concessions stay CONCEDE ("including promises of future concessions") and mobilisation
// stays MOBILIZE (a planned deployment is already a show of force); verbal conflict (requests,
// accusations, refusals, threats) keeps its type. Only the factuality "future" (an announced
// act) is recoded: a hedged or hypothetical act ("may send", "could impose") is no commitment.
// griot's own output keeps the act with factuality future; the PLOVER records and the PLOVER
// scorer use this coding.
func (t *Tables) Intent(typ, mode, factuality string) (string, string) {
	if factuality != "future" {
		return typ, mode
	}
	switch typ {
	case "AGREE", "CONCEDE", "MOBILIZE":
		return typ, mode
	}
	switch t.Quad(typ) {
	case 1, 2:
		return "AGREE", ""
	case 4:
		return "THREATEN", ""
	}
	return typ, mode
}
