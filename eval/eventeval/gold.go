// Package eventeval scores griot's events against the PLOVER gold-standard records
// (openeventdata/PLOVER, gold_standard_records; JSON lines): event type (accuracy, per-type
// precision/recall/F1, macro F1), actor and recipient (by PLOVER actor code and sector, F1),
// and mode accuracy. `griot eval events --gold FILE [--errors]`.
//
// The gold records are coded with PLOVER 0.5: their types DEMAND, DISAPPROVE and
// INVESTIGATE are read as PLOVER 0.8/2.0's REQUEST, ACCUSE and ACCUSE (mode investigate),
// their modes through the aliases of the plover tables (strike-hun → hunger…); COERCE
// destroy and firearms and FIGHT deport become ASSAULT as PLOVER 0.8 codes them. FIGHT
// otherwise stays FIGHT (griot codes armed clashes as FIGHT). The DOCUMENT record and records without text
// are skipped.
package eventeval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// GoldActor is one source or target actor of a gold record.
type GoldActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// GoldRecord is one PLOVER gold-standard record, as far as scoring needs it.
type GoldRecord struct {
	ID       string
	Type     string // PLOVER 0.8/2.0 type (REQUEST for DEMAND…)
	RawType  string // as written in the gold file
	Mode     string // as written, lower case
	Context  string
	Text     string
	Language string
	Date     string
	Source   []GoldActor
	Target   []GoldActor
	Markup   string
	Line     int
}

type rawRecord struct {
	ID       string          `json:"id"`
	Event    string          `json:"event"`
	Mode     string          `json:"mode"`
	Context  json.RawMessage `json:"context"`
	Text     string          `json:"text"`
	Language string          `json:"language"`
	Date     string          `json:"date"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	TextInfo json.RawMessage `json:"textInfo"`
}

// oldTypes maps PLOVER 0.5 type names of the gold file to the names griot uses.
var oldTypes = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}

// movedModes are PLOVER 0.5 type/mode pairs that PLOVER 0.8 codes under another type:
// destroying property and one-sided shooting (police firing on demonstrators) are ASSAULT,
// mass expulsions are ASSAULT cleansing (CAMEO 1712, 175 and 201 in the OEDA table).
var movedModes = map[[2]string][2]string{
	{"COERCE", "destroy"}:  {"ASSAULT", "destroy"},
	{"COERCE", "firearms"}: {"ASSAULT", "firearms"},
	{"FIGHT", "deport"}:    {"ASSAULT", "cleansing"},
}

// ReadGold reads gold records, one JSON object a line; blank lines are skipped. It returns
// the records to score and how many it skipped (DOCUMENT records, records without text).
func ReadGold(r io.Reader) (recs []GoldRecord, skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		rec, ok, err := ParseGoldLine(line)
		if err != nil {
			return nil, 0, fmt.Errorf("line %d: %w", n, err)
		}
		if !ok {
			skipped++
			continue
		}
		rec.Line = n
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("reading gold records: %w", err)
	}
	return recs, skipped, nil
}

// ParseGoldLine parses one gold record. ok is false for records that are not events to
// score (DOCUMENT, no text, no event type).
func ParseGoldLine(line []byte) (rec GoldRecord, ok bool, err error) {
	var raw rawRecord
	if err := json.Unmarshal(line, &raw); err != nil {
		return rec, false, fmt.Errorf("not a JSON record: %w", err)
	}
	typ := strings.ToUpper(strings.TrimSpace(raw.Event))
	if typ == "" || typ == "DOCUMENT" || strings.TrimSpace(raw.Text) == "" {
		return rec, false, nil
	}
	rec = GoldRecord{ID: raw.ID, RawType: typ, Type: typ, Mode: strings.ToLower(strings.TrimSpace(raw.Mode)),
		Text: raw.Text, Language: raw.Language, Date: raw.Date}
	if t, found := oldTypes[typ]; found {
		rec.Type = t
	}
	if typ == "INVESTIGATE" && rec.Mode == "" {
		rec.Mode = "investigate"
	}
	if to, found := movedModes[[2]string{rec.Type, rec.Mode}]; found {
		rec.Type, rec.Mode = to[0], to[1]
	}
	rec.Context = contextString(raw.Context)
	if rec.Source, err = goldActors(raw.Source); err != nil {
		return rec, false, fmt.Errorf("record %s: source: %w", raw.ID, err)
	}
	if rec.Target, err = goldActors(raw.Target); err != nil {
		return rec, false, fmt.Errorf("record %s: target: %w", raw.ID, err)
	}
	rec.Markup = markup(raw.TextInfo)
	return rec, true, nil
}

// goldActors reads a source or target field: a list of actor objects, or "" / null for none.
func goldActors(raw json.RawMessage) ([]GoldActor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return nil, nil // "" (or a stray word) means no actor
	case '{':
		var a GoldActor
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, err
		}
		return []GoldActor{a}, nil
	}
	var as []GoldActor
	if err := json.Unmarshal(raw, &as); err != nil {
		return nil, err
	}
	return as, nil
}

func contextString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var l []string
	if json.Unmarshal(raw, &l) == nil {
		return strings.Join(l, ", ")
	}
	return ""
}

func markup(raw json.RawMessage) string {
	var ti struct {
		Markup string `json:"markup"`
	}
	if json.Unmarshal(raw, &ti) == nil && ti.Markup != "" {
		return ti.Markup
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return ""
}
