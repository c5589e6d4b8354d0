package plover

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustLoad(t testing.TB) *Tables {
	t.Helper()
	tb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// The 16 PLOVER types and griot's FIGHT, in codebook order.
var wantTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"}

func TestTypes(t *testing.T) {
	tb := mustLoad(t)
	got := tb.Types()
	if strings.Join(got, " ") != strings.Join(wantTypes, " ") {
		t.Fatalf("Types() = %v, want %v", got, wantTypes)
	}
	for _, typ := range got {
		x := tb.Type(typ)
		if x == nil || x.Definition == "" {
			t.Errorf("%s: no definition", typ)
		}
		if (typ == "FIGHT") != x.Griot {
			t.Errorf("%s: Griot = %v", typ, x.Griot)
		}
	}
}

// Every type and every mode derives a CAMEO code of the table, a Goldstein score in range
// and a QuadClass; the Goldstein sign agrees with the quad (cooperation > 0, conflict < 0),
// and the type's CAMEO root maps back to the type.
func TestEveryTypeAndModeDerives(t *testing.T) {
	tb := mustLoad(t)
	for _, typ := range tb.Types() {
		modes := append([]string{""}, tb.Modes(typ)...)
		for _, mode := range modes {
			cameo, g, quad, ok := tb.Derive(typ, mode)
			if !ok {
				t.Errorf("Derive(%s, %q) not ok", typ, mode)
				continue
			}
			c, found := tb.CAMEO(cameo)
			if !found {
				t.Errorf("Derive(%s, %q) = CAMEO %s, not in the table", typ, mode, cameo)
				continue
			}
			if c.Goldstein != g || g < -10 || g > 10 {
				t.Errorf("Derive(%s, %q): Goldstein %v, table says %v", typ, mode, g, c.Goldstein)
			}
			if quad < 1 || quad > 4 {
				t.Errorf("Derive(%s, %q): quad %d", typ, mode, quad)
			}
			if coop := quad <= 2; coop != (g > 0) {
				t.Errorf("Derive(%s, %q): quad %d disagrees with Goldstein %v (CAMEO %s)", typ, mode, quad, g, cameo)
			}
			back, _, ok := tb.FromCAMEO(cameo)
			if !ok {
				t.Errorf("FromCAMEO(%s) not ok", cameo)
			}
			if back != typ && !crossType[typ+"/"+mode] && !(typ == "FIGHT" && back == "ASSAULT") {
				t.Errorf("Derive(%s, %q) = %s, which maps back to %s", typ, mode, cameo, back)
			}
		}
	}
}

// Modes whose nearest CAMEO code sits under another PLOVER type in the OEDA table.
var crossType = map[string]bool{
	"SANCTION/convict": true, // CAMEO 116 find guilty: DISAPPROVE in CAMEO
	"FIGHT/occupy":     true, // CAMEO 192 occupy territory: COERCE seize in the OEDA table
	"FIGHT/blockade":   true, // CAMEO 191 blockade: COERCE restrict in the OEDA table
}

func TestTypeQuadAndScoreSigns(t *testing.T) {
	tb := mustLoad(t)
	wantQuad := map[string]int{"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2,
		"RETREAT": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
		"MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4}
	for typ, q := range wantQuad {
		if got := tb.Quad(typ); got != q {
			t.Errorf("Quad(%s) = %d, want %d", typ, got, q)
		}
		s, ok := tb.Score(typ)
		if !ok || (q <= 2) != (s > 0) {
			t.Errorf("Score(%s) = %v, %v: sign disagrees with quad %d", typ, s, ok, q)
		}
	}
	if tb.Quad("DEMAND") != 0 {
		t.Error("Quad of an unknown type should be 0")
	}
}

func TestDerive(t *testing.T) {
	tb := mustLoad(t)
	tests := []struct {
		typ, mode string
		ctx       []string
		cameo     string
		g         float64
		quad      int
		ok        bool
	}{
		{"CONSULT", "phone", nil, "041", 1.0, 1, true},
		{"CONSULT", "visit", nil, "042", 1.9, 1, true},
		{"CONSULT", "host", nil, "042", 1.9, 1, true}, // PLOVER 0.5 alias
		{"CONSULT", "", nil, "040", 1.0, 1, true},
		{"CONSULT", "no-such-mode", nil, "040", 1.0, 1, true},
		{"AID", "", nil, "070", 7.0, 2, true},
		{"AID", "military", nil, "072", 8.3, 2, true}, // a context given as mode
		{"AID", "", []string{"humanitarian"}, "073", 7.4, 2, true},
		{"COOPERATE", "", []string{"diplomatic", "legal"}, "063", 7.4, 2, true},
		{"RETREAT", "release", nil, "0841", 7.0, 2, true},
		{"RETREAT", "withdraw", nil, "0874", 10.0, 2, true},
		{"REQUEST", "meet", nil, "106", -5.0, 3, true},
		{"ACCUSE", "investigate", nil, "090", -2.0, 3, true},
		{"REJECT", "meet", nil, "125", -5.0, 3, true},
		{"THREATEN", "violence", nil, "138", -7.0, 3, true},
		{"THREATEN", "", nil, "130", -4.4, 3, true},
		{"PROTEST", "strike-hun", nil, "142", -6.5, 4, true},
		{"PROTEST", "obstruct", nil, "144", -7.5, 4, true},
		{"SANCTION", "", []string{"economic"}, "163", -8.0, 4, true},
		{"MOBILIZE", "troops", nil, "154", -7.2, 4, true},
		{"COERCE", "arrest", nil, "173", -5.0, 4, true},
		{"COERCE", "expel", nil, "174", -5.0, 4, true},
		{"COERCE", "seize", nil, "171", -9.2, 4, true},
		{"ASSAULT", "aerial", nil, "195", -10.0, 4, true},
		{"ASSAULT", "beat", nil, "182", -9.5, 4, true},
		{"FIGHT", "", nil, "190", -10.0, 4, true},
		{"DEMAND", "", nil, "", 0, 0, false},
		{"", "", nil, "", 0, 0, false},
	}
	for _, tt := range tests {
		cameo, g, quad, ok := tb.DeriveContext(tt.typ, tt.mode, tt.ctx)
		if cameo != tt.cameo || g != tt.g || quad != tt.quad || ok != tt.ok {
			t.Errorf("DeriveContext(%s, %q, %v) = %s %v %d %v, want %s %v %d %v",
				tt.typ, tt.mode, tt.ctx, cameo, g, quad, ok, tt.cameo, tt.g, tt.quad, tt.ok)
		}
	}
}

func TestModes(t *testing.T) {
	tb := mustLoad(t)
	tests := []struct {
		typ  string
		want []string
	}{
		{"CONSULT", []string{"visit", "third-party", "multilateral", "phone"}},
		{"AGREE", nil},
		{"REQUEST", []string{"assist", "change", "yield", "meet"}},
		{"NOPE", nil},
	}
	for _, tt := range tests {
		if got := tb.Modes(tt.typ); strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Modes(%s) = %v, want %v", tt.typ, got, tt.want)
		}
	}
	for _, m := range []string{"beat", "firearms", "explosives", "aerial", "assassinate"} {
		if !tb.HasMode("ASSAULT", m) {
			t.Errorf("ASSAULT lacks mode %s", m)
		}
	}
	for _, m := range []string{"seize", "arrest", "expel", "deport", "curfew"} {
		if !tb.HasMode("COERCE", m) {
			t.Errorf("COERCE lacks mode %s", m)
		}
	}
	if tb.HasMode("CONSULT", "beat") {
		t.Error("CONSULT has mode beat")
	}
}

func TestNeedsRecipient(t *testing.T) {
	tb := mustLoad(t)
	for _, typ := range tb.Types() {
		want := typ == "COOPERATE" || typ == "AID" || typ == "SANCTION"
		if got := tb.NeedsRecipient(typ); got != want {
			t.Errorf("NeedsRecipient(%s) = %v, want %v", typ, got, want)
		}
	}
	if tb.NeedsRecipient("NOPE") {
		t.Error("unknown type needs a recipient")
	}
}

func TestFromCAMEO(t *testing.T) {
	tb := mustLoad(t)
	tests := []struct {
		code, typ, mode string
		ok              bool
	}{
		{"042", "CONSULT", "visit", true},
		{"0841", "RETREAT", "release", true},
		{"0831", "CONCEDE", "", true},
		{"1123", "ACCUSE", "allege", true},
		{"091", "ACCUSE", "investigate", true},
		{"1056", "REQUEST", "yield", true},
		{"163", "COERCE", "restrict", true},
		{"193", "ASSAULT", "firearms", true},
		{"1384", "THREATEN", "violence", true},
		{"13849", "THREATEN", "violence", true}, // falls back to its parent
		{"20", "ASSAULT", "", true},
		{"010", "", "", false},
		{"024", "", "", false},
		{"", "", "", false},
		{"x", "", "", false},
	}
	for _, tt := range tests {
		typ, mode, ok := tb.FromCAMEO(tt.code)
		if typ != tt.typ || mode != tt.mode || ok != tt.ok {
			t.Errorf("FromCAMEO(%q) = %s %q %v, want %s %q %v", tt.code, typ, mode, ok, tt.typ, tt.mode, tt.ok)
		}
	}
}

// Every CAMEO code of the table: Goldstein sign agrees with the QuadClass of its PLOVER
// type, except the CAMEO yields that PLOVER counts as material (none today) — a check that
// the hand-kept Goldstein column has no slip.
func TestCAMEOTableConsistency(t *testing.T) {
	tb := mustLoad(t)
	codes := tb.CAMEOCodes()
	if len(codes) < 250 {
		t.Fatalf("only %d CAMEO codes", len(codes))
	}
	for _, code := range codes {
		c, _ := tb.CAMEO(code)
		q := tb.Quad(c.Type)
		if q == 0 {
			t.Errorf("CAMEO %s: unknown type %q", code, c.Type)
			continue
		}
		if (q <= 2) != (c.Goldstein > 0) {
			t.Errorf("CAMEO %s (%s, Goldstein %v) disagrees with quad %d of %s", code, c.Name, c.Goldstein, q, c.Type)
		}
		if c.Mode != "" && !tb.HasMode(c.Type, c.Mode) {
			t.Errorf("CAMEO %s: mode %s not a mode of %s", code, c.Mode, c.Type)
		}
		if len(code) > 2 {
			parent, ok := tb.CAMEO(code[:2])
			if !ok {
				t.Errorf("CAMEO %s has no root %s", code, code[:2])
			} else if (parent.Goldstein > 0) != (c.Goldstein > 0) {
				t.Errorf("CAMEO %s Goldstein %v has another sign than its root (%v)", code, c.Goldstein, parent.Goldstein)
			}
		}
	}
}

func BenchmarkDerive(b *testing.B) {
	tb := mustLoad(b)
	for b.Loop() {
		tb.Derive("ASSAULT", "aerial")
	}
}

// docs/PLOVER.md lists every type and mode of the tables.
func TestDocsListEveryMode(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "docs", "PLOVER.md"))
	if err != nil {
		t.Skip("docs/PLOVER.md not found:", err)
	}
	docs := string(b)
	tb := mustLoad(t)
	for _, typ := range tb.Types() {
		if !strings.Contains(docs, "| "+typ+" |") {
			t.Errorf("docs/PLOVER.md lacks type %s", typ)
		}
		for _, m := range tb.Modes(typ) {
			if !strings.Contains(docs, "| "+typ+" | `"+m+"`") {
				t.Errorf("docs/PLOVER.md lacks mode %s/%s", typ, m)
			}
		}
	}
}

func FuzzDerive(f *testing.F) {
	tb := mustLoad(f)
	f.Add("CONSULT", "phone", "")
	f.Add("AID", "", "humanitarian")
	f.Add("", "", "")
	f.Add("ASSAULT", "AERIAL ", "x")
	f.Fuzz(func(t *testing.T, typ, mode, ctx string) {
		cameo, g, quad, ok := tb.DeriveContext(typ, mode, []string{ctx})
		if ok != (tb.Type(typ) != nil) {
			t.Fatalf("ok %v for type %q", ok, typ)
		}
		if ok {
			if _, found := tb.CAMEO(cameo); !found || quad < 1 || quad > 4 || g < -10 || g > 10 {
				t.Fatalf("DeriveContext(%q, %q, %q) = %q %v %d", typ, mode, ctx, cameo, g, quad)
			}
		}
		tb.FromCAMEO(mode)
		tb.CanonicalMode(typ, mode)
	})
}

// An act told in the future tense is coded as PLOVER codes an intention.
func TestIntent(t *testing.T) {
	tb := mustLoad(t)
	for _, tc := range []struct{ typ, mode, fact, wantTyp, wantMode string }{
		{"AID", "", "future", "AGREE", ""},
		{"CONSULT", "visit", "future", "AGREE", ""},
		{"RETREAT", "withdraw", "future", "AGREE", ""},
		{"SANCTION", "", "future", "THREATEN", ""},
		{"COERCE", "curfew", "future", "THREATEN", ""},
		{"FIGHT", "aerial", "future", "THREATEN", ""},
		{"CONCEDE", "", "future", "CONCEDE", ""},
		{"MOBILIZE", "troops", "future", "MOBILIZE", "troops"},
		{"REJECT", "", "future", "REJECT", ""},
		{"AID", "", "hypothetical", "AID", ""},
		{"CONSULT", "visit", "asserted", "CONSULT", "visit"},
		{"ASSAULT", "", "hedged", "ASSAULT", ""},
	} {
		if typ, mode := tb.Intent(tc.typ, tc.mode, tc.fact); typ != tc.wantTyp || mode != tc.wantMode {
			t.Errorf("Intent(%s, %s, %s) = %s/%s, want %s/%s", tc.typ, tc.mode, tc.fact, typ, mode, tc.wantTyp, tc.wantMode)
		}
	}
}
