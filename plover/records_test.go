package plover

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
)

// testDoc is a hand-made reading (no pipeline): two sentences, three actors, two events.
func testDoc() *doc.Document {
	text := "Ruritania's army shelled Borduria on Monday, officials said. According to Agence X, Borduria will ask the UN for help."
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	s1, e1 := at("Ruritania's army shelled Borduria on Monday, officials said.")
	s2, e2 := at("According to Agence X, Borduria will ask the UN for help.")
	d := &doc.Document{ID: "doc1", Lang: "en", Text: text, SHA256: "abc", Source: "Daily Test",
		Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}
	d.Sentences = []doc.Sentence{{Start: s1, End: e1}, {Start: s2, End: e2}}
	d.Actors = []doc.Actor{
		{ID: "RUR", Name: "Ruritania", Kind: "country", Country: "RUR", Sector: []string{"GOV"}},
		{ID: "RUR-mil", Name: "Ruritanian army", Kind: "organization", Country: "RUR", Sector: []string{"MIL"}},
		{ID: "BOR", Name: "Borduria", Kind: "country", Country: "BOR"},
		{ID: "un", Name: "United Nations", Kind: "organization", Sector: []string{"IGO"}, Wikidata: "Q1065"},
		{ID: "agx", Name: "Agence X", Kind: "organization", Sector: []string{"JRN"}},
	}
	m := func(s, actor string, from int) doc.Mention {
		i := from + strings.Index(text[from:], s)
		return doc.Mention{Start: i, End: i + len(s), Text: s, Actor: actor}
	}
	d.Mentions = []doc.Mention{m("Ruritania's army", "RUR-mil", 0), m("Borduria", "BOR", 0),
		m("Agence X", "agx", s2), m("Borduria", "BOR", s2), m("UN", "un", s2)}
	ts, te := at("shelled")
	as, ae := at("will ask")
	d.Events = []doc.Event{
		{ID: "e1", Type: "ASSAULT", Mode: "heavy-weapons", Actor: []string{"RUR-mil"}, Recipient: []string{"BOR"},
			Date: doc.EventDate{Value: "2024-03-04", Precision: "day", From: "timex"}, Factuality: "asserted",
			Evidence: doc.Evidence{Start: s1, End: e1, Text: text[s1:e1]}, Trigger: doc.Span{Start: ts, End: te},
			Mentions: []doc.Evidence{{Start: s1, End: e1, Text: text[s1:e1]}}},
		{ID: "e2", Type: "REQUEST", Mode: "assist", Actor: []string{"BOR"}, Recipient: []string{"un"},
			Date: doc.EventDate{Value: "2024-03", Precision: "month", From: "timex"}, Factuality: "future",
			Attribution: []doc.Attribution{{Source: "agx", Cue: "According to"}},
			Evidence:    doc.Evidence{Start: s2, End: e2, Text: text[s2:e2]}, Trigger: doc.Span{Start: as, End: ae},
			CAMEO: "1031", Goldstein: -5, Quad: 3}, // set by the event stage: kept as is
	}
	return d
}

func TestRecords(t *testing.T) {
	d := testDoc()
	rs := Records(d)
	if len(rs) != 2 {
		t.Fatalf("got %d records, want 2", len(rs))
	}
	r := rs[0]
	if r.ID != "doc1-e1" || r.Date != "2024-03-04" || r.DatePrecision != "day" || r.Event[0] != "ASSAULT" ||
		r.Mode[0] != "heavy-weapons" || r.CAMEO != "194" || r.Goldstein != -10 || r.QuadCode != 4 || r.EventScale != -9.3 {
		t.Errorf("record 1 = %+v", r)
	}
	if len(r.Source) != 1 || r.Source[0].Code != "RUR" || r.Source[0].Sector != "MIL" || r.Source[0].ActorText != "Ruritania's army" {
		t.Errorf("record 1 source = %+v", r.Source)
	}
	if len(r.Recipient) != 1 || r.Recipient[0].Code != "BOR" || r.Recipient[0].Sector != "GOV" || r.Recipient[0].ActorText != "Borduria" {
		t.Errorf("record 1 recipient = %+v", r.Recipient)
	}
	if got := d.Text[r.TextInfo.Start:r.TextInfo.End]; got != r.EventText[0] || r.TextInfo.Sequence != 0 {
		t.Errorf("text_info %+v does not give the evidence %q", r.TextInfo, r.EventText[0])
	}
	if r.TextInfo.Trigger.Text != "shelled" {
		t.Errorf("trigger = %+v", r.TextInfo.Trigger)
	}
	if r.CiteInfo.Publication != "Daily Test" || r.CiteInfo.Published != "2024-03-05" || r.CiteInfo.Codebook != Codebook {
		t.Errorf("cite_info = %+v", r.CiteInfo)
	}

	r = rs[1]
	if r.Date != "2024-03-01" || r.DatePrecision != "month" || r.CAMEO != "1031" || r.QuadCode != 3 || r.Factuality != "future" {
		t.Errorf("record 2 = %+v", r)
	}
	if len(r.Recipient) != 1 || r.Recipient[0].Code != "IGO" || r.Recipient[0].Sector != "" || r.Recipient[0].IdentifierID != "Q1065" || r.Recipient[0].ActorText != "UN" {
		t.Errorf("record 2 recipient = %+v", r.Recipient)
	}
	if r.Source[0].ActorText != "Borduria" || r.TextInfo.Sequence != 1 {
		t.Errorf("record 2 source = %+v, sequence %d", r.Source, r.TextInfo.Sequence)
	}
	if len(r.Attribution) != 1 || r.Attribution[0].Source.GriotID != "agx" || r.Attribution[0].Source.Sector != "JRN" || r.Attribution[0].Via != nil {
		t.Errorf("record 2 attribution = %+v", r.Attribution)
	}
}

func TestRecordID(t *testing.T) {
	tests := []struct{ doc, ev, want string }{
		{"doc1", "e1", "doc1-e1"},
		{"doc1", "doc1-e1", "doc1-e1"},
		{"", "e1", "e1"},
		{"doc1", "", "doc1-e3"},
	}
	for _, tt := range tests {
		if got := recordID(&doc.Document{ID: tt.doc}, &doc.Event{ID: tt.ev}, 2); got != tt.want {
			t.Errorf("recordID(%q, %q) = %q, want %q", tt.doc, tt.ev, got, tt.want)
		}
	}
}

func TestRecordDate(t *testing.T) {
	pub := time.Date(2022, 8, 11, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		value, prec string
		published   time.Time
		want, wantP string
	}{
		{"2022-08-10", "day", pub, "2022-08-10", "day"},
		{"2022-08-10T14:00", "", pub, "2022-08-10", "day"},
		{"2022-08", "month", pub, "2022-08-01", "month"},
		{"2021", "year", pub, "2021-01-01", "year"},
		{"PAST_REF", "unknown", pub, "2022-08-11", "unknown"},
		{"", "", pub, "2022-08-11", "unknown"},
		{"", "", time.Time{}, "", "unknown"},
		{"2022-13-01", "day", time.Time{}, "", "unknown"},
		{"20xx", "year", time.Time{}, "", "unknown"},
	}
	for _, tt := range tests {
		d := &doc.Document{Published: tt.published}
		e := &doc.Event{Date: doc.EventDate{Value: tt.value, Precision: tt.prec}}
		got, gotP := recordDate(d, e)
		if got != tt.want || gotP != tt.wantP {
			t.Errorf("recordDate(%q, %q) = %q %q, want %q %q", tt.value, tt.prec, got, gotP, tt.want, tt.wantP)
		}
	}
}

func TestCode(t *testing.T) {
	tests := []struct {
		a            doc.Actor
		code, sector string
	}{
		{doc.Actor{Kind: "country", Country: "MLI", Sector: []string{"GOV"}}, "MLI", "GOV"},
		{doc.Actor{Kind: "country", Country: "mli"}, "MLI", "GOV"},
		{doc.Actor{Kind: "organization", Sector: []string{"IGO", "MIL"}}, "IGO", "MIL"},
		{doc.Actor{Kind: "organization", Country: "FRA", Sector: []string{"MNC", "BUS"}}, "FRA", "BUS"},
		{doc.Actor{Kind: "person", Country: "RUS", Sector: []string{"GOV", "ELI"}}, "RUS", "GOV"},
		{doc.Actor{Kind: "person"}, "", ""},
	}
	for _, tt := range tests {
		code, sector := Code(&tt.a)
		if code != tt.code || sector != tt.sector {
			t.Errorf("Code(%+v) = %q %q, want %q %q", tt.a, code, sector, tt.code, tt.sector)
		}
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, testDoc()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), buf.String())
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line is not JSON: %v\n%s", err, l)
		}
		// PLOVER's required fields and the ones the issue asks for.
		for _, k := range []string{"id", "date", "source", "recipient", "event", "mode", "context", "event_text",
			"text_info", "cite_info", "quad_code", "cameo", "goldstein", "factuality", "attribution"} {
			if _, ok := m[k]; !ok {
				t.Errorf("record lacks %q: %s", k, l)
			}
		}
	}
	buf.Reset()
	if err := WriteJSONL(&buf, &doc.Document{ID: "empty"}); err != nil || buf.Len() != 0 {
		t.Errorf("a document without events wrote %q, %v", buf.String(), err)
	}
}

func TestRecordsUnknownActorAndNoTables(t *testing.T) {
	d := testDoc()
	d.Events[0].Actor = []string{"ghost"}
	d.Events[0].Trigger = doc.Span{Start: 5, End: 1 << 20} // out of range: ignored
	rs := RecordsWith(nil, d)
	if rs[0].Source[0].GriotID != "ghost" || rs[0].Source[0].Code != "" {
		t.Errorf("unknown actor = %+v", rs[0].Source[0])
	}
	if rs[0].CAMEO != "" || rs[0].TextInfo.Trigger.Text != "" {
		t.Errorf("without tables nothing is derived: %+v", rs[0])
	}
}

func BenchmarkWriteJSONL(b *testing.B) {
	d := testDoc()
	if _, err := Default(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteJSONL(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}
