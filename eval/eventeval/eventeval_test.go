package eventeval

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/griot-project/griot/doc"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestParseGoldLine(t *testing.T) {
	tests := []struct {
		name, line string
		ok         bool
		wantErr    bool
		typ, mode  string
		src, tgt   string
	}{
		{"list actors", `{"id":"a","event":"DEMAND","text":"X asked Y.","source":[{"actorText":"X","code":"RUR","sector":"GOV"}],"target":[{"actorText":"Y","code":"bor"}]}`,
			true, false, "REQUEST", "", "RUR/GOV", "BOR"},
		{"empty target string", `{"id":"b","event":"AGREE","text":"X and Y agreed.","source":[{"code":"RUR"},{"code":"BOR","sector":"CVLabc"}],"target":""}`,
			true, false, "AGREE", "", "RUR+BOR/CVL", "—"},
		{"null target, investigate", `{"id":"c","event":"INVESTIGATE","mode":"","text":"A court opened a probe.","source":[{"code":"JAP","sector":"JUD"}],"target":null}`,
			true, false, "ACCUSE", "investigate", "JPN/JUD", "—"},
		{"single object", `{"id":"d","event":"PROTEST","mode":"Strike-Hun","text":"Prisoners refused food.","source":{"code":"RUR","sector":"***"}}`,
			true, false, "PROTEST", "strike-hun", "RUR", "—"},
		{"document record", `{"id":"e","event":"DOCUMENT","eventText":"notes"}`, false, false, "", "", "", ""},
		{"no text", `{"id":"f","event":"AGREE","source":[]}`, false, false, "", "", "", ""},
		{"not JSON", `{"id":`, false, true, "", "", "", ""},
		{"bad source", `{"id":"g","event":"AGREE","text":"t","source":[1,2]}`, false, true, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, ok, err := ParseGoldLine([]byte(tt.line))
			if (err != nil) != tt.wantErr || ok != tt.ok {
				t.Fatalf("ParseGoldLine = ok %v, err %v; want ok %v, error %v", ok, err, tt.ok, tt.wantErr)
			}
			if !ok {
				return
			}
			if rec.Type != tt.typ || rec.Mode != tt.mode {
				t.Errorf("type/mode = %s/%s, want %s/%s", rec.Type, rec.Mode, tt.typ, tt.mode)
			}
			if s := keysString(GoldKeys(rec.Source)); s != tt.src {
				t.Errorf("source = %s, want %s", s, tt.src)
			}
			if s := keysString(GoldKeys(rec.Target)); s != tt.tgt {
				t.Errorf("target = %s, want %s", s, tt.tgt)
			}
		})
	}
}

func TestReadGold(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, skipped, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || skipped != 1 {
		t.Fatalf("got %d records, %d skipped; want 4 and 1", len(recs), skipped)
	}
	if recs[0].Line != 2 || recs[0].Markup == "" {
		t.Errorf("first record: line %d, markup %q", recs[0].Line, recs[0].Markup)
	}
	if _, _, err := ReadGold(strings.NewReader("{}\n{bad\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a bad line should be reported with its number, got %v", err)
	}
}

func TestMatchCounts(t *testing.T) {
	k := func(c, s string) Key { return Key{c, s} }
	tests := []struct {
		name       string
		gold, pred []Key
		codeOnly   bool
		tp, fp, fn int
	}{
		{"exact", []Key{k("RUR", "GOV")}, []Key{k("RUR", "GOV")}, false, 1, 0, 0},
		{"wrong sector", []Key{k("RUR", "MIL")}, []Key{k("RUR", "GOV")}, false, 0, 1, 1},
		{"wrong sector, code only", []Key{k("RUR", "MIL")}, []Key{k("RUR", "GOV")}, true, 1, 0, 0},
		{"gold without sector matches any", []Key{k("RUR", "")}, []Key{k("RUR", "MIL")}, false, 1, 0, 0},
		{"sectorless gold does not steal the exact match", []Key{k("RUR", ""), k("RUR", "MIL")},
			[]Key{k("RUR", "MIL"), k("RUR", "GOV")}, false, 2, 0, 0},
		{"extra and missing", []Key{k("RUR", "GOV"), k("BOR", "GOV")}, []Key{k("RUR", "GOV"), k("SYL", "GOV")}, false, 1, 1, 1},
		{"griot actor without sector matches gold GOV", []Key{k("IGO", "GOV")}, []Key{k("IGO", "")}, false, 1, 0, 0},
		{"but no other sector", []Key{k("IGO", "MIL")}, []Key{k("IGO", "")}, false, 0, 1, 1},
		{"unresolved prediction", []Key{k("RUR", "GOV")}, []Key{{}}, false, 0, 1, 1},
		{"nothing", nil, nil, false, 0, 0, 0},
	}
	for _, tt := range tests {
		tp, fp, fn := MatchCounts(tt.gold, tt.pred, tt.codeOnly)
		if tp != tt.tp || fp != tt.fp || fn != tt.fn {
			t.Errorf("%s: MatchCounts = %d %d %d, want %d %d %d", tt.name, tp, fp, fn, tt.tp, tt.fp, tt.fn)
		}
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{"CVLalb": "CVL", "REFKUR": "REF", "***": "", "": "", "ELI": "CVL", "gov": "GOV", "HLH": "MED", "ELIibo": "CVL"} {
		if got := NormSector(in); got != want {
			t.Errorf("NormSector(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"jap": "JPN", "ITL": "ITA", "usa": "USA", " IGO ": "IGO"} {
		if got := NormCode(in); got != want {
			t.Errorf("NormCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// Hand-made predictions with known scores.
func TestScore(t *testing.T) {
	k := func(c, s string) []Key { return []Key{{c, s}} }
	g := func(typ, mode string) GoldRecord { return GoldRecord{Type: typ, Mode: mode} }
	items := []Item{
		// right type, mode, actor and recipient
		{Gold: g("ASSAULT", "firearms"), GoldMode: "firearms", GoldSrc: k("RUR", "MIL"), GoldTgt: k("BOR", "CVL"),
			Type: "ASSAULT", Mode: "firearms", Actor: k("RUR", "MIL"), Recipient: k("BOR", "CVL"), NEvents: 1, AllTypes: []string{"ASSAULT"}},
		// right type, wrong mode, recipient with wrong sector
		{Gold: g("ASSAULT", "beat"), GoldMode: "beat", GoldSrc: k("RUR", "COP"), GoldTgt: k("BOR", "CVL"),
			Type: "ASSAULT", Mode: "firearms", Actor: k("RUR", "COP"), Recipient: k("BOR", "GOV"), NEvents: 2, AllTypes: []string{"ASSAULT", "COERCE"}},
		// wrong type (REQUEST for THREATEN); actor and recipient swapped
		{Gold: g("THREATEN", ""), GoldSrc: k("RUR", "GOV"), GoldTgt: k("BOR", "GOV"),
			Type: "REQUEST", Actor: k("BOR", "GOV"), Recipient: k("RUR", "GOV"), NEvents: 2, AllTypes: []string{"REQUEST", "THREATEN"}},
		// missed
		{Gold: g("AGREE", ""), GoldSrc: k("RUR", "GOV")},
	}
	s := Score(items)
	if s.N != 4 || s.Coded != 3 || s.Several != 2 || s.TypeCorrect != 2 || !near(s.TypeAcc, 0.5) || s.AnyType != 3 {
		t.Errorf("counts: %+v", s)
	}
	// Per type: ASSAULT P=R=F1=1; THREATEN 0; AGREE 0; REQUEST 0 (a false positive).
	f1 := map[string]float64{}
	for _, r := range s.PerType {
		f1[r.Type] = r.F1
	}
	if len(s.PerType) != 4 || !near(f1["ASSAULT"], 1) || f1["THREATEN"] != 0 || f1["AGREE"] != 0 || f1["REQUEST"] != 0 {
		t.Errorf("per type: %+v", s.PerType)
	}
	if !near(s.MacroF1, 0.25) {
		t.Errorf("macro F1 = %v, want 0.25", s.MacroF1)
	}
	// Actors: gold 4, predicted 3, right 2 → P 2/3, R 1/2, F1 4/7.
	if s.Actor != (Counts{2, 1, 2}) || !near(s.Actor.F1(), 4.0/7) {
		t.Errorf("actor counts %+v F1 %v", s.Actor, s.Actor.F1())
	}
	// Recipients: gold 3, predicted 3, right 1 → F1 1/3; by code only: 2 right.
	if s.Recipient != (Counts{1, 2, 2}) || !near(s.Recipient.F1(), 1.0/3) || s.RecipCode.TP != 2 {
		t.Errorf("recipient counts %+v F1 %v, code-only %+v", s.Recipient, s.Recipient.F1(), s.RecipCode)
	}
	if s.ModeN != 2 || s.ModeCorrect != 1 || !near(s.ModeAcc, 0.5) {
		t.Errorf("mode %d/%d = %v", s.ModeCorrect, s.ModeN, s.ModeAcc)
	}
	if len(s.Confusions) != 2 || s.Confusions[0].N != 1 {
		t.Errorf("confusions %+v", s.Confusions)
	}
	want := map[string]int{"recipient right country, wrong sector": 1, "actor swapped with the other role": 1,
		"recipient swapped with the other role": 1, "actor missing": 0} // the miss is a type error only
	for k, n := range want {
		if s.ActorErrors[k] != n {
			t.Errorf("actor errors %v, want %s=%d", s.ActorErrors, k, n)
		}
	}
	if z := Score(nil); z.TypeAcc != 0 || z.MacroF1 != 0 || z.N != 0 {
		t.Errorf("empty score %+v", z)
	}
}

func TestPick(t *testing.T) {
	ev := func(typ string, start int, actor, recip bool, fact string) doc.Event {
		e := doc.Event{Type: typ, Trigger: doc.Span{Start: start, End: start + 3}, Factuality: fact}
		if actor {
			e.Actor = []string{"a"}
		}
		if recip {
			e.Recipient = []string{"b"}
		}
		return e
	}
	tests := []struct {
		name   string
		events []doc.Event
		want   int
	}{
		{"none", nil, -1},
		{"one", []doc.Event{ev("AGREE", 5, false, false, "asserted")}, 0},
		{"earliest of equals", []doc.Event{ev("AGREE", 20, true, true, "asserted"), ev("REJECT", 5, true, true, "asserted")}, 1},
		{"earliest even without actor", []doc.Event{ev("AGREE", 5, false, false, "asserted"), ev("REJECT", 20, true, true, "asserted")}, 0},
		{"first of the same place", []doc.Event{ev("AGREE", 5, true, false, "asserted"), ev("REJECT", 5, true, true, "future")}, 0},
		{"negated last", []doc.Event{ev("ASSAULT", 5, true, true, "negated"), ev("THREATEN", 20, false, false, "hedged")}, 1},
	}
	for _, tt := range tests {
		if got := Pick(tt.events); got != tt.want {
			t.Errorf("%s: Pick = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	k := func(c, s string) []Key { return []Key{{c, s}} }
	items := []Item{
		{Gold: GoldRecord{ID: "ok", Type: "AGREE", Text: "fine"}, GoldSrc: k("RUR", "GOV"), Type: "AGREE", Actor: k("RUR", "GOV")},
		{Gold: GoldRecord{ID: "miss", Type: "AGREE", Text: "Ruritania  and\nBorduria agreed."}, GoldSrc: k("RUR", "GOV")},
		{Gold: GoldRecord{ID: "wrong", Type: "PROTEST", Mode: "strike-hun", Text: "t"}, GoldMode: "hunger", Type: "PROTEST",
			Mode: "demo", Others: []string{"COERCE —"}},
	}
	var buf bytes.Buffer
	WriteErrors(&buf, items)
	out := buf.String()
	for _, want := range []string{"miss  [missed]", "Ruritania and Borduria agreed.", "griot: no event", "wrong  [mode]",
		"gold:  PROTEST/strike-hun", "also: COERCE —", "2 of 3 records with an error"} {
		if !strings.Contains(out, want) {
			t.Errorf("errors output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ok  [") {
		t.Errorf("a right item was listed:\n%s", out)
	}
}

var lastLine = regexp.MustCompile(`^events: type_macro_f1=[0-9.]+ type_acc=[0-9.]+ actor_f1=[0-9.]+ recipient_f1=[0-9.]+$`)

func checkReport(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if !lastLine.MatchString(lines[len(lines)-1]) {
		t.Errorf("last line %q does not match %s", lines[len(lines)-1], lastLine)
	}
	if !strings.Contains(out, "macro F1 over") || !strings.Contains(out, "most frequent type errors") {
		t.Errorf("report lacks the per-type table or the confusions:\n%s", out)
	}
}

// Run end to end on the fixture of hand-written records.
func TestRunFixture(t *testing.T) {
	var out, errOut bytes.Buffer
	dump := filepath.Join(t.TempDir(), "dump.jsonl")
	if err := Run(context.Background(), []string{"--gold", filepath.Join("testdata", "gold.jsonl"), "--errors", "--dump", dump}, &out, &errOut); err != nil {
		t.Fatalf("Run: %v\n%s", err, errOut.String())
	}
	checkReport(t, out.String())
	if !strings.Contains(out.String(), "4 scored, 1 skipped") {
		t.Errorf("report:\n%s", out.String())
	}
	out.Reset()
	if err := Run(context.Background(), []string{"--gold", filepath.Join("testdata", "gold.jsonl"), "--split", "test"}, &out, &errOut); err != nil {
		t.Fatalf("Run --split test: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "2 scored, 3 skipped") {
		t.Errorf("report with --split test:\n%s", out.String())
	}
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 4 || !strings.Contains(lines[1], `"gold_type":"FIGHT","gold_mode":"heavy-weapons","gold_actor":["SDN/MIL"],"gold_recipient":["SDN/REB"]`) {
		t.Errorf("dump:\n%s", b)
	}
}

// The halves of the fixture (line indexes from 0: 0 DOCUMENT, 1 AGREE, 2 FIGHT, 3 blank,
// 4 DEMAND, 5 PROTEST): dev keeps the even indexes, test the odd ones.
func TestSplit(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, _, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		split string
		want  string
		out   int
	}{
		{"all", "T-AGREE-0001 T-FIGHT-0001 T-DEMAND-0001 T-PROTEST-0001", 0},
		{"", "T-AGREE-0001 T-FIGHT-0001 T-DEMAND-0001 T-PROTEST-0001", 0},
		{"dev", "T-FIGHT-0001 T-DEMAND-0001", 2},
		{"test", "T-AGREE-0001 T-PROTEST-0001", 2},
	} {
		kept, out, err := Split(recs, tc.split)
		if err != nil {
			t.Fatalf("Split(%q): %v", tc.split, err)
		}
		var ids []string
		for _, r := range kept {
			ids = append(ids, r.ID)
		}
		if got := strings.Join(ids, " "); got != tc.want || out != tc.out {
			t.Errorf("Split(%q) = %q, %d left out; want %q, %d", tc.split, got, out, tc.want, tc.out)
		}
	}
	if _, _, err := Split(recs, "train"); err == nil {
		t.Error("Split(train) succeeded")
	}
}

func TestRunBadArgs(t *testing.T) {
	for _, args := range [][]string{nil, {"--gold"}, {"--gold", "testdata/nope.jsonl"}, {"--gold", "testdata/gold.jsonl", "extra"}, {"--bogus"},
		{"--gold", "testdata/gold.jsonl", "--split", "train"}} {
		var out, errOut bytes.Buffer
		if err := Run(context.Background(), args, &out, &errOut); err == nil {
			t.Errorf("Run(%q) succeeded", args)
		}
	}
}

// The real PLOVER gold-standard records, when ../shared is there.
func TestRunPLOVERGold(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "plover-gsr", "plover_gsr.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skip("PLOVER gold records not available:", err)
	}
	var out, errOut bytes.Buffer
	if err := Run(context.Background(), []string{"--gold", path, "--limit", "40"}, &out, &errOut); err != nil {
		t.Fatalf("Run: %v\n%s", err, errOut.String())
	}
	checkReport(t, out.String())
	if !strings.Contains(out.String(), "40 scored") {
		t.Errorf("report:\n%s", out.String())
	}
}

func FuzzParseGoldLine(f *testing.F) {
	f.Add([]byte(`{"id":"a","event":"DEMAND","text":"X asked Y.","source":[{"code":"RUR","sector":"GOV"}],"target":""}`))
	f.Add([]byte(`{"id":"b","event":"AGREE","text":"t","source":{"code":"X"},"target":null,"context":["a","b"],"textInfo":"m"}`))
	f.Add([]byte(`{"event":"DOCUMENT"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, line []byte) {
		rec, ok, err := ParseGoldLine(line)
		if err != nil && ok {
			t.Fatal("ok with an error")
		}
		if ok {
			GoldKeys(rec.Source)
			GoldKeys(rec.Target)
			if rec.Type == "" || rec.Text == "" {
				t.Fatalf("ok record without type or text: %+v", rec)
			}
		}
	})
}

func TestMovedModes(t *testing.T) {
	rec, ok, err := ParseGoldLine([]byte(`{"id":"m","event":"COERCE","mode":"destroy","text":"Troops razed a village."}`))
	if err != nil || !ok || rec.Type != "ASSAULT" || rec.Mode != "destroy" || rec.RawType != "COERCE" {
		t.Errorf("COERCE/destroy read as %s/%s (%v %v)", rec.Type, rec.Mode, ok, err)
	}
}

func TestMergeFight(t *testing.T) {
	items := []Item{
		{Gold: GoldRecord{Type: "FIGHT"}, Type: "ASSAULT", AllTypes: []string{"ASSAULT"}},
		{Gold: GoldRecord{Type: "ASSAULT"}, Type: "FIGHT", AllTypes: []string{"FIGHT", "COERCE"}},
		{Gold: GoldRecord{Type: "FIGHT"}, Type: "", AllTypes: nil},
	}
	if s := Score(items); s.TypeCorrect != 0 {
		t.Fatalf("before merging: %d correct", s.TypeCorrect)
	}
	MergeFight(items)
	s := Score(items)
	if s.TypeCorrect != 2 || len(s.PerType) != 1 || s.PerType[0].Type != "ASSAULT" || s.PerType[0].Gold != 3 || items[1].AllTypes[0] != "ASSAULT" {
		t.Errorf("after merging: %+v", s)
	}
}
