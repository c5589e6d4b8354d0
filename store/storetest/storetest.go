// Package storetest is the test suite every store.Store back end must pass. A back end's
// test calls Run with a function that opens a fresh, empty store.
package storetest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
)

// Opener opens a fresh, empty, migrated store; the suite closes it.
type Opener func(t *testing.T) store.Store

// span returns the span of the n-th (0-based) occurrence of sub in text.
func span(t *testing.T, text, sub string) doc.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", sub)
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

// event is a compact fixture event.
type event struct {
	id, typ, fact, date, evidence string
	actor, recipient              []string
	quad                          int
	goldstein                     float64
	// place is where the event happened; nil gives the fixture's default place (a
	// country-wide Bamako of precision 3), noPlace none at all.
	place   *doc.Location
	noPlace bool
}

// Places of the fixtures (GeoNames ids and points as the gazetteer has them).
var (
	placeBamako = &doc.Location{Text: "à Bamako", GeonameID: 2460596, Name: "Bamako", Country: "MLI", Admin1: "Bamako", Lat: 12.65, Lon: -8, Precision: 1}
	placeGao    = &doc.Location{Text: "près de Gao", GeonameID: 2457163, Name: "Gao", Country: "MLI", Admin1: "Gao", Admin2: "Gao", Lat: 16.2717, Lon: -0.0447, Precision: 2}
	placeMoscow = &doc.Location{Text: "in Moscow", GeonameID: 524901, Name: "Moscow", Country: "RUS", Admin1: "Moscow", Lat: 55.7522, Lon: 37.6156, Precision: 1}
	placeMali   = &doc.Location{Text: "au Mali", Name: "Mali", Country: "MLI", Precision: 4}
)

// Fixture builds a document the way the pipeline would leave it: every layer filled, every
// offset pointing at its words. It is exported so that other packages' tests can use it.
func Fixture(t *testing.T, id, lang, published, text string, evs ...event) *doc.Document {
	t.Helper()
	pub, err := time.Parse(time.DateOnly, published)
	if err != nil {
		t.Fatal(err)
	}
	d, err := pipeline.NewDocument(text, pipeline.Options{ID: id, Lang: lang, Published: pub, Source: "test-outlet", URL: "https://example.org/" + id, Title: "Title of " + id})
	if err != nil {
		t.Fatal(err)
	}
	d.Sentences = []doc.Sentence{{Start: 0, End: len(text), Tok0: 0, Tok1: 0, Para: 0}}
	actors := map[string]doc.Actor{
		"MLI":   {ID: "MLI", Name: "Mali", Kind: "country", Country: "MLI", Sector: []string{"GOV"}, Wikidata: "Q912"},
		"RUS":   {ID: "RUS", Name: "Russia", Kind: "country", Country: "RUS", Sector: []string{"GOV"}, Wikidata: "Q159"},
		"FRA":   {ID: "FRA", Name: "France", Kind: "country", Country: "FRA", Sector: []string{"GOV"}},
		"goita": {ID: "goita", Name: "Assimi Goïta", Kind: "person", Country: "MLI", Sector: []string{"GOV", "MIL"}, Role: "president"},
	}
	used := map[string]bool{}
	for _, e := range evs {
		for _, a := range append(append([]string{}, e.actor...), e.recipient...) {
			if !used[a] {
				used[a] = true
				d.Actors = append(d.Actors, actors[a])
			}
		}
	}
	for _, a := range d.Actors {
		name := a.Name
		if i := strings.Index(text, name); i >= 0 {
			d.Mentions = append(d.Mentions, doc.Mention{Start: i, End: i + len(name), Text: name, Type: "GPE", Actor: a.ID, Form: "name"})
		}
	}
	if i := strings.Index(text, "mercredi"); i >= 0 {
		d.Timexes = append(d.Timexes, doc.Timex{Start: i, End: i + len("mercredi"), Text: "mercredi", Type: "DATE", Value: "2022-08-10"})
	}
	if i := strings.Index(text, "Wednesday"); i >= 0 {
		d.Timexes = append(d.Timexes, doc.Timex{Start: i, End: i + len("Wednesday"), Text: "Wednesday", Type: "DATE", Value: "2022-08-10", Begin: true})
	}
	if i := strings.Index(text, "« "); i >= 0 {
		j := strings.Index(text, " »")
		cue := span(t, text, "a déclaré")
		d.Quotes = append(d.Quotes, doc.Quote{Text: text[i+len("« ") : j], Speaker: "goita", Cue: "a déclaré", Kind: "direct", Occurrences: []doc.Span{{Start: i + len("« "), End: j}}, CueSpan: &cue})
		d.Posts = append(d.Posts, doc.Post{Platform: "twitter", Author: "Assimi Goïta", Handle: "@GoitaAssimi", Date: "August 10, 2022", Start: i, End: j + len(" »"), Actor: "goita"})
	}
	for _, e := range evs {
		ev := span(t, text, e.evidence)
		place := &doc.Location{Text: "Bamako", Name: "Bamako", Country: "MLI", Precision: 3}
		switch {
		case e.noPlace:
			place = nil
		case e.place != nil:
			c := *e.place
			place = &c
		}
		d.Events = append(d.Events, doc.Event{
			ID: e.id, Type: e.typ, Mode: "", Context: []string{}, Actor: e.actor, Recipient: e.recipient,
			Date:        doc.EventDate{Value: e.date, Precision: "day", From: "timex"},
			Factuality:  e.fact,
			Attribution: []doc.Attribution{{Source: e.actor[0], Cue: "said"}},
			Evidence:    doc.Evidence{Start: ev.Start, End: ev.End, Text: e.evidence},
			Mentions:    []doc.Evidence{{Start: ev.Start, End: ev.End, Text: e.evidence}},
			Trigger:     doc.Span{Start: ev.Start, End: ev.Start + 1},
			CAMEO:       "040", Goldstein: e.goldstein, Quad: e.quad,
			Location: place,
		})
	}
	return d
}

// Corpus is the suite's documents: three articles, two languages, four events.
func Corpus(t *testing.T) []*doc.Document {
	t.Helper()
	fr := "Le président Assimi Goïta a eu mercredi un entretien téléphonique avec la Russia. Il a déclaré « nous avons parlé de sécurité » sur Twitter. Le Mali a aussi critiqué la France."
	en := "Mali's leader spoke to Russia by phone on Wednesday, Reuters said. Mali also accused France of spying."
	other := "Russia sent grain to Mali in 2021, a statement said."
	return []*doc.Document{
		Fixture(t, "fr-call", "fr", "2022-08-11", fr,
			event{id: "e1", typ: "CONSULT", fact: "asserted", date: "2022-08-10", evidence: "a eu mercredi un entretien téléphonique", actor: []string{"goita"}, recipient: []string{"RUS"}, quad: 1, goldstein: 1, place: placeBamako},
			event{id: "e2", typ: "DISAPPROVE", fact: "asserted", date: "2022-08-10", evidence: "Le Mali a aussi critiqué la France", actor: []string{"MLI"}, recipient: []string{"FRA"}, quad: 3, goldstein: -2, place: placeMali}),
		Fixture(t, "en-call", "en", "2022-08-11", en,
			event{id: "e1", typ: "CONSULT", fact: "asserted", date: "2022-08-10", evidence: "spoke to Russia by phone on Wednesday", actor: []string{"MLI"}, recipient: []string{"RUS"}, quad: 1, goldstein: 1, place: placeMoscow},
			event{id: "e2", typ: "ACCUSE", fact: "hedged", date: "2022-08", evidence: "Mali also accused France of spying", actor: []string{"MLI"}, recipient: []string{"FRA"}, quad: 3, goldstein: -2, noPlace: true}),
		Fixture(t, "grain", "en", "2022-08-12", other,
			event{id: "aid", typ: "AID", fact: "historical", date: "2021", evidence: "Russia sent grain to Mali in 2021", actor: []string{"RUS"}, recipient: []string{"MLI"}, quad: 2, goldstein: 5.2, place: placeGao}),
	}
}

// Run runs the whole suite against the back end open opens.
func Run(t *testing.T, open Opener) {
	ctx := context.Background()
	t.Run("PutIdempotent", func(t *testing.T) { testPut(ctx, t, open(t)) })
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(ctx, t, open(t)) })
	t.Run("Queries", func(t *testing.T) { testQueries(ctx, t, open(t)) })
	t.Run("Order", func(t *testing.T) { testOrder(ctx, t, open(t)) })
	t.Run("RollUp", func(t *testing.T) { testRollUp(ctx, t, open(t)) })
	t.Run("Places", func(t *testing.T) { testPlaces(ctx, t, open(t)) })
	t.Run("ExportStable", func(t *testing.T) { testExport(ctx, t, open(t), open(t)) })
	t.Run("Clusters", func(t *testing.T) { testClusters(ctx, t, open(t), open(t)) })
	t.Run("NearDuplicatesAfterStored", func(t *testing.T) { testNearAfterStored(ctx, t, open(t), open(t)) })
	t.Run("ConcurrentBatches", func(t *testing.T) { testConcurrentBatches(ctx, t, open(t), open(t)) })
	t.Run("ConcurrentSameDocument", func(t *testing.T) { testConcurrent(ctx, t, open(t)) })
}

func put(ctx context.Context, t *testing.T, s store.Store, docs ...*doc.Document) {
	t.Helper()
	for _, d := range docs {
		if _, err := s.PutDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
}

func testPut(ctx context.Context, t *testing.T, s store.Store) {
	defer s.Close()
	docs := Corpus(t)
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	for _, d := range docs {
		if ok, err := s.HasDocument(ctx, d.SHA256); err != nil || ok {
			t.Fatalf("HasDocument before put = %v, %v; want false", ok, err)
		}
		added, err := s.PutDocument(ctx, d)
		if err != nil || !added {
			t.Fatalf("first PutDocument(%s) = %v, %v; want true", d.ID, added, err)
		}
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Stats{Documents: 3, Events: 5, Actors: 4, Mentions: 0, Timexes: 2, Quotes: 1, Posts: 1, DyadDays: 0, Clusters: 5}
	for _, d := range docs {
		want.Mentions += int64(len(d.Mentions))
		added, err := s.PutDocument(ctx, d)
		if err != nil || added {
			t.Fatalf("second PutDocument(%s) = %v, %v; want false", d.ID, added, err)
		}
		if ok, err := s.HasDocument(ctx, d.SHA256); err != nil || !ok {
			t.Fatalf("HasDocument after put = %v, %v; want true", ok, err)
		}
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("second put changed the store: %+v → %+v", before, after)
	}
	// Dyad-days: goita→RUS 08-10, MLI→FRA 08-10 asserted, MLI→RUS 08-10, MLI→FRA 08-01 month hedged, RUS→MLI 2021.
	want.DyadDays = 5
	if after != want {
		t.Errorf("Stats = %+v, want %+v", after, want)
	}
	if _, err := s.PutDocument(ctx, &doc.Document{ID: "x"}); err == nil {
		t.Error("PutDocument without a hash: want an error")
	}
	// A batch: a new document, a stored one, a broken one (two events with one id), the
	// new one again. The broken one is rolled back alone.
	fresh := Fixture(t, "batch-new", "en", "2022-08-13", "France and Mali held talks in Paris on Friday about the withdrawal.",
		event{id: "e1", typ: "CONSULT", fact: "asserted", date: "2022-08-12", evidence: "France and Mali held talks", actor: []string{"FRA"}, recipient: []string{"MLI"}, quad: 1, goldstein: 1})
	broken := Fixture(t, "batch-broken", "en", "2022-08-13", "Mali and France clashed and clashed again over the withdrawal of troops.",
		event{id: "e1", typ: "DISAPPROVE", fact: "asserted", date: "2022-08-12", evidence: "clashed", actor: []string{"MLI"}, recipient: []string{"FRA"}, quad: 3, goldstein: -2},
		event{id: "e1", typ: "DISAPPROVE", fact: "asserted", date: "2022-08-12", evidence: "clashed again", actor: []string{"MLI"}, recipient: []string{"FRA"}, quad: 3, goldstein: -2})
	res, err := s.PutDocuments(ctx, []*doc.Document{fresh, docs[0], broken, fresh, nil})
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].Added || res[0].Err != nil || res[1].Added || res[1].Err != nil || res[2].Added || res[2].Err == nil || res[3].Added || res[3].Err != nil || res[4].Err == nil {
		t.Errorf("PutDocuments results = %+v; want added, stored, error, stored, error", res)
	}
	if ok, _ := s.HasDocument(ctx, broken.SHA256); ok {
		t.Error("the broken document was half-written")
	}
	final, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if final.Documents != after.Documents+1 || final.Events != after.Events+1 {
		t.Errorf("after the batch: %+v, want one more document and one more event than %+v", final, after)
	}
	// A batch written as a whole (nothing broken) holding a new document twice.
	twice := Fixture(t, "batch-twice", "fr", "2022-08-14", "Le Mali et la France ont discuté samedi à Bamako du retrait des troupes.",
		event{id: "e1", typ: "CONSULT", fact: "asserted", date: "2022-08-13", evidence: "Le Mali et la France ont discuté", actor: []string{"MLI"}, recipient: []string{"FRA"}, quad: 1, goldstein: 1})
	res, err = s.PutDocuments(ctx, []*doc.Document{twice, docs[1], twice})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || !res[0].Added || res[0].Err != nil || res[1].Added || res[1].Err != nil || res[2].Added || res[2].Err != nil {
		t.Errorf("PutDocuments results = %+v; want added, stored, stored", res)
	}
	if st, err := s.Stats(ctx); err != nil || st.Documents != final.Documents+1 || st.Events != final.Events+1 {
		t.Errorf("after a batch with a document twice: %+v, %v; want one more document and one more event than %+v", st, err, final)
	}
}

func testRoundTrip(ctx context.Context, t *testing.T, s store.Store) {
	defer s.Close()
	docs := Corpus(t)
	put(ctx, t, s, docs...)
	for _, want := range docs {
		for _, key := range []string{want.ID, want.SHA256} {
			got, err := s.Document(ctx, key)
			if err != nil {
				t.Fatalf("Document(%s): %v", key, err)
			}
			if got.Text != want.Text || got.SHA256 != want.SHA256 || got.Lang != want.Lang || !got.Published.Equal(want.Published) || got.URL != want.URL || got.Title != want.Title || got.Source != want.Source {
				t.Errorf("Document(%s) header differs: %+v", key, got)
			}
			g, w := got.Reading(), want.Reading()
			w.Actors = sortedActors(w.Actors)
			gj, _ := json.Marshal(g)
			wj, _ := json.Marshal(w)
			if string(gj) != string(wj) {
				t.Errorf("Document(%s) reading differs:\n got %s\nwant %s", key, gj, wj)
			}
			for _, m := range got.Mentions {
				if got.Text[m.Start:m.End] != m.Text {
					t.Errorf("mention offsets %d-%d give %q, want %q", m.Start, m.End, got.Text[m.Start:m.End], m.Text)
				}
			}
		}
	}
	var listed []store.DocInfo
	for after := ""; ; {
		page, err := s.Documents(ctx, store.DocQuery{After: after, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		listed = append(listed, page...)
		after = page[len(page)-1].SHA256
	}
	if len(listed) != len(docs) {
		t.Fatalf("Documents listed %d, want %d", len(listed), len(docs))
	}
	for i, d := range listed {
		if i > 0 && listed[i-1].SHA256 >= d.SHA256 {
			t.Errorf("Documents not in SHA-256 order")
		}
		var want *doc.Document
		for _, x := range docs {
			if x.SHA256 == d.SHA256 {
				want = x
			}
		}
		if want == nil || d.ID != want.ID || d.Events != len(want.Events) || d.Published != want.Published.Format(time.DateOnly) || d.Title != want.Title {
			t.Errorf("Documents: %+v does not describe %v", d, want)
		}
	}
	// Full text over the documents' own words (title and text), not only the evidence.
	for _, c := range []struct {
		name, q string
		want    []string
	}{
		{"a word only outside any evidence", "Reuters", []string{"en-call"}},
		{"accents and case ignored", "SECURITE", []string{"fr-call"}},
		{"every word", "statement grain", []string{"grain"}},
		{"a word no document holds", "Reuters grain", nil},
		{"syntax is not syntax", `grain" OR NEAR(`, nil},
		{"no word: every document", " ,; ", []string{"en-call", "fr-call", "grain"}},
	} {
		page, err := s.Documents(ctx, store.DocQuery{Text: c.q})
		if err != nil {
			t.Fatalf("Documents(%q): %v", c.q, err)
		}
		var ids []string
		for _, d := range page {
			ids = append(ids, d.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, c.want) {
			t.Errorf("Documents text %s (%q) = %v, want %v", c.name, c.q, ids, c.want)
		}
	}
	actors, err := s.Actors(ctx, "", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, a := range actors {
		got = append(got, fmt.Sprintf("%s:%s:%d:%d", a.ID, a.Name, a.Documents, a.Events))
	}
	// MLI is named in all three documents and in four events; RUS in three and three.
	if want := []string{"MLI:Mali:3:4", "RUS:Russia:3:3", "FRA:France:2:2", "goita:Assimi Goïta:1:1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Actors = %v, want %v", got, want)
	}
	if a, err := s.Actors(ctx, "assimi", 10, 0); err != nil || len(a) != 1 || a[0].ID != "goita" || len(a[0].Sector) != 2 {
		t.Errorf("Actors(assimi) = %+v, %v", a, err)
	}
	if a, err := s.Actors(ctx, "", 2, 1); err != nil || len(a) != 2 || a[0].ID != "RUS" {
		t.Errorf("Actors page 2 = %+v, %v", a, err)
	}
	if _, err := s.Document(ctx, "no-such-document"); err == nil || !strings.Contains(err.Error(), store.ErrNotFound.Error()) {
		t.Errorf("Document(missing) error = %v, want not found", err)
	}
}

func sortedActors(a []doc.Actor) []doc.Actor {
	out := append([]doc.Actor{}, a...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].ID < out[j-1].ID; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func ids(rows []store.EventRow) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.DocID+"/"+r.Event.ID[strings.IndexByte(r.Event.ID, '-')+1:])
	}
	return out
}

func testQueries(ctx context.Context, t *testing.T, s store.Store) {
	defer s.Close()
	put(ctx, t, s, Corpus(t)...)
	tests := []struct {
		name string
		q    store.EventQuery
		want []string
	}{
		{"all", store.EventQuery{}, []string{"en-call/e1", "en-call/e2", "fr-call/e1", "fr-call/e2", "grain/aid"}},
		{"actor", store.EventQuery{Actor: "goita"}, []string{"fr-call/e1"}},
		{"country", store.EventQuery{Country: "FRA"}, []string{"en-call/e2", "fr-call/e2"}},
		{"dyad either direction, persons by their country", store.EventQuery{Dyad: [2]string{"RUS", "MLI"}}, []string{"en-call/e1", "fr-call/e1", "grain/aid"}},
		{"dyad of a person", store.EventQuery{Dyad: [2]string{"RUS", "goita"}, From: "2022-01-01"}, []string{"fr-call/e1"}},
		{"type", store.EventQuery{Type: "CONSULT"}, []string{"en-call/e1", "fr-call/e1"}},
		{"quad", store.EventQuery{Quad: 3}, []string{"en-call/e2", "fr-call/e2"}},
		{"factuality", store.EventQuery{Factuality: []string{"hedged", "historical"}}, []string{"en-call/e2", "grain/aid"}},
		{"date range", store.EventQuery{From: "2022-08-05", To: "2022-08-10"}, []string{"en-call/e1", "fr-call/e1", "fr-call/e2"}},
		{"full text, accents ignored", store.EventQuery{Text: "TELEPHONIQUE"}, []string{"fr-call/e1"}},
		{"full text, several words", store.EventQuery{Text: "accused spying"}, []string{"en-call/e2"}},
		{"full text, syntax is not syntax", store.EventQuery{Text: `grain" OR NEAR(`}, []string{}},
		{"language", store.EventQuery{Lang: "fr"}, []string{"fr-call/e1", "fr-call/e2"}},
		{"combined", store.EventQuery{Actor: "MLI", Quad: 1}, []string{"en-call/e1"}},
		// Where, not who: the call of Mali's leader placed in Moscow is a Russian place,
		// the country-wide Malian criticism of France a Malian one.
		{"place country", store.EventQuery{PlaceCountry: "MLI"}, []string{"fr-call/e1", "fr-call/e2", "grain/aid"}},
		{"place country is not the actors' country", store.EventQuery{PlaceCountry: "RUS"}, []string{"en-call/e1"}},
		{"place country of nothing placed there", store.EventQuery{PlaceCountry: "FRA"}, []string{}},
		{"admin1", store.EventQuery{Admin1: "Gao"}, []string{"grain/aid"}},
		{"place country and admin1", store.EventQuery{PlaceCountry: "MLI", Admin1: "Bamako"}, []string{"fr-call/e1"}},
		{"admin1 of another country", store.EventQuery{PlaceCountry: "RUS", Admin1: "Gao"}, []string{}},
		{"place and actor country", store.EventQuery{PlaceCountry: "MLI", Country: "RUS"}, []string{"fr-call/e1", "grain/aid"}},
		{"geonameid", store.EventQuery{GeonameID: 524901}, []string{"en-call/e1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Events(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(rows)
			sort.Strings(got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Events(%+v) = %v, want %v", tc.q, got, tc.want)
			}
			// Export applies the same filters.
			var exported []store.EventRow
			if err := s.Export(ctx, tc.q, func(r store.EventRow) error { exported = append(exported, r); return nil }); err != nil {
				t.Fatal(err)
			}
			if !sort.SliceIsSorted(exported, func(i, j int) bool {
				return exported[i].DateLo < exported[j].DateLo || exported[i].DateLo == exported[j].DateLo && exported[i].Event.ID < exported[j].Event.ID
			}) {
				t.Errorf("Export(%+v) not in (date, id) order: %v", tc.q, ids(exported))
			}
			gx := ids(exported)
			sort.Strings(gx)
			if !reflect.DeepEqual(gx, got) {
				t.Errorf("Export(%+v) = %v, want the events of Events %v", tc.q, gx, got)
			}
			for _, r := range rows {
				if tc.q.PlaceCountry != "" && (r.Location == nil || r.Location.Country != tc.q.PlaceCountry) {
					t.Errorf("event %s placed in %+v, want %s", r.Event.ID, r.Location, tc.q.PlaceCountry)
				}
			}
			for _, r := range rows {
				d, err := s.Document(ctx, r.DocSHA256)
				if err != nil {
					t.Fatal(err)
				}
				if d.Text[r.Evidence.Start:r.Evidence.End] != r.Evidence.Text {
					t.Errorf("event %s: evidence offsets do not give its text", r.Event.ID)
				}
			}
		})
	}
}

// testOrder checks the sort orders and paging against the order the events must have.
func testOrder(ctx context.Context, t *testing.T, s store.Store) {
	defer s.Close()
	put(ctx, t, s, Corpus(t)...)
	all, err := s.Events(ctx, store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 {
		t.Fatalf("%d events, want 5", len(all))
	}
	asc := sort.SliceIsSorted(all, func(i, j int) bool {
		return all[i].DateLo < all[j].DateLo || all[i].DateLo == all[j].DateLo && all[i].Event.ID < all[j].Event.ID
	})
	if !asc || all[0].DateLo != "2021-01-01" || all[1].DateLo != "2022-08-01" {
		t.Errorf("default order is not (date, id): %v", ids(all))
	}
	desc, err := s.Events(ctx, store.EventQuery{Order: store.DateDesc})
	if err != nil {
		t.Fatal(err)
	}
	if len(desc) != 5 || desc[0].DateLo != "2022-08-10" || desc[4].DateLo != "2021-01-01" {
		t.Errorf("newest first: %v", ids(desc))
	}
	var paged []store.EventRow
	for off := 0; off < 6; off += 2 {
		page, err := s.Events(ctx, store.EventQuery{Limit: 2, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) > 2 {
			t.Fatalf("page of %d rows with limit 2", len(page))
		}
		paged = append(paged, page...)
	}
	if !reflect.DeepEqual(ids(paged), ids(all)) {
		t.Errorf("pages of 2 = %v, want %v", ids(paged), ids(all))
	}
}

func testPlaces(ctx context.Context, t *testing.T, s store.Store) {
	defer s.Close()
	put(ctx, t, s, Corpus(t)...)
	// A second report of the call placed in Bamako, told twice in its article.
	again := Fixture(t, "again", "fr", "2022-08-11", "Assimi Goïta a parlé à la Russia mercredi. Goïta a parlé à la Russia, a-t-il répété.",
		event{id: "e1", typ: "CONSULT", fact: "asserted", date: "2022-08-10", evidence: "a parlé à la Russia mercredi", actor: []string{"goita"}, recipient: []string{"RUS"}, quad: 1, goldstein: 1, place: placeBamako})
	again.Events[0].Mentions = append(again.Events[0].Mentions, doc.Evidence{Start: 44, End: 65, Text: again.Text[44:65]})
	put(ctx, t, s, again)
	summary := func(q store.EventQuery) []string {
		ps, err := s.Places(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		out := []string{}
		for _, p := range ps {
			out = append(out, fmt.Sprintf("%s/%s/%s p%d %d@%.2f,%.2f events=%d mentions=%d", p.Country, p.Admin1, p.Name, p.Precision, p.GeonameID, p.Lat, p.Lon, p.Events, p.Mentions))
		}
		return out
	}
	want := []string{
		"MLI/Bamako/Bamako p1 2460596@12.65,-8.00 events=2 mentions=3",
		"MLI//Mali p4 0@0.00,0.00 events=1 mentions=1",
		"MLI/Gao/Gao p2 2457163@16.27,-0.04 events=1 mentions=1",
		"RUS/Moscow/Moscow p1 524901@55.75,37.62 events=1 mentions=1",
	}
	if got := summary(store.EventQuery{}); !reflect.DeepEqual(got, want) {
		t.Errorf("Places() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := summary(store.EventQuery{Type: "CONSULT", PlaceCountry: "MLI"}); !reflect.DeepEqual(got, want[:1]) {
		t.Errorf("Places(CONSULT in Mali) = %v, want %v", got, want[:1])
	}
	if got := summary(store.EventQuery{Limit: 2}); len(got) != 2 {
		t.Errorf("Places(limit 2) = %v", got)
	}
}

func testRollUp(ctx context.Context, t *testing.T, s store.Store) {
	defer s.Close()
	docs := Corpus(t)
	put(ctx, t, s, docs...)
	// A fourth article adds a second MLI→RUS consultation on 2022-08-10: the row grows.
	more := Fixture(t, "more", "en", "2022-08-11", "Mali held talks with Russia on Wednesday.",
		event{id: "e1", typ: "CONSULT", fact: "asserted", date: "2022-08-10", evidence: "Mali held talks with Russia", actor: []string{"MLI"}, recipient: []string{"RUS"}, quad: 1, goldstein: 1.5})
	put(ctx, t, s, more)
	rows, err := s.Dyads(ctx, store.DyadQuery{A: "MLI", B: "RUS", Both: true})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s>%s %s %s %s n=%d q=%v g=%.1f", r.Actor, r.Recipient, r.Day, r.Precision, r.Factuality, r.Events, r.Quad, r.Goldstein))
	}
	want := []string{
		"RUS>MLI 2021-01-01 year historical n=1 q=[0 0 1 0 0] g=5.2",
		"MLI>RUS 2022-08-10 day asserted n=2 q=[0 2 0 0 0] g=2.5",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Dyads(MLI,RUS both) =\n%v\nwant\n%v", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rows, err = s.Dyads(ctx, store.DyadQuery{A: "MLI", B: "FRA", Factuality: []string{"asserted"}, From: "2022-08-10", To: "2022-08-10"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Quad[3] != 1 || rows[0].Goldstein != -2 {
		t.Errorf("Dyads(MLI→FRA asserted) = %+v, want one row, one verbal conflict, -2", rows)
	}
	// The roll-up agrees with the events it sums.
	evs, err := s.Events(ctx, store.EventQuery{Dyad: [2]string{"MLI", "RUS"}, Factuality: []string{"asserted"}, Type: "CONSULT", From: "2022-08-10", To: "2022-08-10", Actor: "MLI"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 {
		t.Errorf("events behind the MLI→RUS roll-up row: %d, want 2", len(evs))
	}
}

func export(ctx context.Context, t *testing.T, s store.Store) string {
	t.Helper()
	var b strings.Builder
	err := s.Export(ctx, store.EventQuery{}, func(r store.EventRow) error {
		j, err := json.Marshal(r)
		b.Write(j)
		b.WriteByte('\n')
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func testExport(ctx context.Context, t *testing.T, a, b store.Store) {
	defer a.Close()
	defer b.Close()
	docs := Corpus(t)
	put(ctx, t, a, docs...)
	for i := len(docs) - 1; i >= 0; i-- {
		put(ctx, t, b, docs[i])
	}
	ea, eb := export(ctx, t, a), export(ctx, t, b)
	if ea != eb {
		t.Errorf("export depends on write order:\n%s\nvs\n%s", ea, eb)
	}
	if n := strings.Count(ea, "\n"); n != 5 {
		t.Errorf("export wrote %d events, want 5", n)
	}
	put(ctx, t, a, docs...)
	if again := export(ctx, t, a); again != ea {
		t.Error("export changed after writing the same documents again")
	}
	stop := fmt.Errorf("stop")
	n := 0
	if err := a.Export(ctx, store.EventQuery{}, func(store.EventRow) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Export with a failing callback: err %v after %d calls, want stop after 1", err, n)
	}
}

func testConcurrent(ctx context.Context, t *testing.T, s store.Store) {
	defer s.Close()
	d := Corpus(t)[0]
	var wg sync.WaitGroup
	var mu sync.Mutex
	added, errs := 0, []error{}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := s.PutDocument(ctx, d)
			mu.Lock()
			defer mu.Unlock()
			if ok {
				added++
			}
			if err != nil {
				errs = append(errs, err)
			}
		}()
	}
	wg.Wait()
	if added != 1 || len(errs) > 0 {
		t.Errorf("4 concurrent puts of one document: %d added, errors %v; want 1 added, no error", added, errs)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 1 || st.Events != 2 {
		t.Errorf("after concurrent puts: %+v, want 1 document and 2 events", st)
	}
}

// BenchReading is the document the store benchmarks write: the full reading of the
// project's example article (read from ingest/testdata, relative to a store/X package).
func BenchReading(b *testing.B) *doc.Document {
	b.Helper()
	text, err := os.ReadFile("../../ingest/testdata/mali/mali-goita-poutine.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	d, err := p.Run(context.Background(), string(text), pipeline.Options{Lang: "fr"})
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// Bench measures PutDocuments of copies of d (each under its own hash) into a fresh
// store, batch documents a transaction.
func Bench(b *testing.B, s store.Store, d *doc.Document, batch int) {
	defer s.Close()
	ctx := context.Background()
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		var docs []*doc.Document
		for j := i; j < min(b.N, i+batch); j++ {
			c := *d
			c.SHA256 = fmt.Sprintf("%016x%048x", j, 0)
			c.ID = fmt.Sprintf("bench-%d", j)
			docs = append(docs, &c)
		}
		res, err := s.PutDocuments(ctx, docs)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil || !r.Added {
				b.Fatal(r)
			}
		}
	}
	b.ReportMetric(float64(len(d.Events)), "events/doc")
}

// outlet makes a document of one outlet reporting events.
func outlet(t *testing.T, id, lang, source, text string, evs ...event) *doc.Document {
	d := Fixture(t, id, lang, "2022-08-11", text, evs...)
	d.Source = source
	return d
}

func clusterCorpus(t *testing.T) []*doc.Document {
	call := func(evidence, date string, place ...*doc.Location) event {
		e := event{id: "call", typ: "CONSULT", fact: "asserted", date: date, evidence: evidence, actor: []string{"goita"}, recipient: []string{"RUS"}, quad: 1, goldstein: 1}
		if len(place) > 0 {
			e.place = place[0]
		}
		return e
	}
	blame := event{id: "blame", typ: "ACCUSE", fact: "asserted", date: "2022-08-10", evidence: "accused Russia", actor: []string{"goita"}, recipient: []string{"RUS"}, quad: 3, goldstein: -2}
	wire := "Assimi Goïta a eu mercredi un entretien téléphonique avec Vladimir Poutine, a annoncé la présidence malienne dans un communiqué publié sur les réseaux sociaux dans la soirée."
	return []*doc.Document{
		outlet(t, "fr-1", "fr", "Le Monde", wire, call("a eu mercredi un entretien téléphonique", "2022-08-10")),
		outlet(t, "fr-2", "fr", "RFI", "Selon RFI, Assimi Goïta s'est entretenu jeudi par téléphone avec Vladimir Poutine au sujet de la sécurité et des livraisons de céréales au Mali.", call("s'est entretenu jeudi par téléphone", "2022-08-11", placeBamako)),
		outlet(t, "en-1", "en", "Reuters", "Mali's Assimi Goita spoke with Vladimir Putin by phone in August, and later accused Russia of delays.", call("spoke with Vladimir Putin by phone", "2022-08", placeMali), blame),
		// Le Monde's wire copy re-published by another outlet with a small edit.
		outlet(t, "fr-1-copy", "fr", "Le Point", strings.Replace(wire, "dans la soirée", "dans la nuit", 1), call("a eu mercredi un entretien téléphonique", "2022-08-10")),
		// The same call a month later is another event.
		outlet(t, "fr-3", "fr", "RFI", "Assimi Goïta a eu un nouvel entretien téléphonique avec Vladimir Poutine le 12 septembre, selon la présidence malienne et des sources diplomatiques.", call("a eu un nouvel entretien téléphonique", "2022-09-12")),
	}
}

func testClusters(ctx context.Context, t *testing.T, s, r store.Store) {
	defer s.Close()
	defer r.Close()
	docs := clusterCorpus(t)
	put(ctx, t, s, docs...)
	var got []store.Cluster
	if err := s.Clusters(ctx, func(c store.Cluster) error { got = append(got, c); return nil }); err != nil {
		t.Fatal(err)
	}
	summary := []string{}
	for _, c := range got {
		docsOf := []string{}
		for _, m := range c.Members {
			docsOf = append(docsOf, m.DocID)
		}
		sort.Strings(docsOf)
		summary = append(summary, fmt.Sprintf("%s %s..%s mentions=%d articles=%d sources=%d %v", c.Type, c.DateLo, c.DateHi, c.NumMentions, c.NumArticles, c.NumSources, docsOf))
	}
	want := []string{
		// Four reports of the call: the copy counts as an article once, Le Point as a source.
		"CONSULT 2022-08-10..2022-08-10 mentions=4 articles=3 sources=4 [en-1 fr-1 fr-1-copy fr-2]",
		"ACCUSE 2022-08-10..2022-08-10 mentions=1 articles=1 sources=1 [en-1]",
		"CONSULT 2022-09-12..2022-09-12 mentions=1 articles=1 sources=1 [fr-3]",
	}
	sort.Strings(summary)
	sort.Strings(want)
	if !reflect.DeepEqual(summary, want) {
		t.Errorf("clusters:\n%s\nwant\n%s", strings.Join(summary, "\n"), strings.Join(want, "\n"))
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.NearDuplicates != 1 || st.Clusters != 3 {
		t.Errorf("Stats: %d near duplicates, %d clusters; want 1 and 3", st.NearDuplicates, st.Clusters)
	}
	c, err := s.ClusterOf(ctx, store.EventID(docs[2].SHA256, &docs[2].Events[0], 0))
	if err != nil {
		t.Fatal(err)
	}
	if c.NumSources != 4 || len(c.Members) != 4 {
		t.Errorf("ClusterOf(the English report of the call) = %+v", c)
	}
	// The call's reports place it in Mali (precision 4), in a Bamako of precision 3 (two
	// reports) and in the town of Bamako (precision 1): the most precise wins.
	want1 := *placeBamako
	want1.Text = ""
	if c.Location == nil || *c.Location != want1 {
		t.Errorf("the call's cluster is placed at %+v, want %+v", c.Location, want1)
	}
	if _, err := s.ClusterOf(ctx, "no-such-event"); err == nil {
		t.Error("ClusterOf(missing): want an error")
	}
	// The three outlets of acceptance 4 (two French, one English): one cluster, three sources.
	put(ctx, t, r, docs[2], docs[1], docs[0])
	var three []store.Cluster
	if err := r.Clusters(ctx, func(c store.Cluster) error { three = append(three, c); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(three) != 2 || three[0].Type != "CONSULT" && three[1].Type != "CONSULT" {
		t.Fatalf("three outlets: %+v", three)
	}
	for _, c := range three {
		if c.Type == "CONSULT" && (c.NumSources != 3 || c.NumArticles != 3 || c.DateLo != "2022-08-10") {
			t.Errorf("three outlets, the call: %+v", c)
		}
	}
}

// canonicals maps each clustered document's id to its canonical document's SHA-256.
func canonicals(ctx context.Context, t *testing.T, s store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	if err := s.Clusters(ctx, func(c store.Cluster) error {
		for _, m := range c.Members {
			out[m.DocID] = m.Canonical
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// testNearAfterStored writes, in one batch, documents of which some are stored already
// (their rows are not written again, so the pks the others' rows are given are not the
// ones guessed for them) and a near duplicate of a document written before it in the
// batch: each document's canonical and the count of near duplicates are the ones of the
// documents written in one go on an empty store.
func testNearAfterStored(ctx context.Context, t *testing.T, s, r store.Store) {
	defer s.Close()
	defer r.Close()
	cc := clusterCorpus(t)
	if _, err := s.PutDocuments(ctx, cc); err != nil {
		t.Fatal(err)
	}
	all := append(Corpus(t), cc...)
	var before []*doc.Document
	for _, d := range all {
		if d.ID != "fr-1" && d.ID != "fr-1-copy" {
			before = append(before, d)
		}
	}
	if _, err := r.PutDocuments(ctx, before); err != nil {
		t.Fatal(err)
	}
	res, err := r.PutDocuments(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	added := 0
	for _, x := range res {
		if x.Err != nil {
			t.Fatal(x.Err)
		}
		if x.Added {
			added++
		}
	}
	if added != 2 {
		t.Errorf("second batch added %d documents, want 2", added)
	}
	// A third copy (the second's words), written later: its canonical is read from the
	// copies' rows.
	third := outlet(t, "fr-1-copy-2", "fr", "Le Figaro", cc[3].Text+"\n",
		event{id: "call", typ: "CONSULT", fact: "asserted", date: "2022-08-10", evidence: "a eu mercredi un entretien téléphonique", actor: []string{"goita"}, recipient: []string{"RUS"}, quad: 1, goldstein: 1})
	cc = append(cc, third)
	put(ctx, t, s, third)
	put(ctx, t, r, third)
	want, got := canonicals(ctx, t, s), canonicals(ctx, t, r)
	// In a batch the documents are taken in SHA-256 order: the first of the two copies is
	// the other's canonical.
	if first := min(cc[0].SHA256, cc[3].SHA256); want["fr-1"] != first || want["fr-1-copy"] != first || want["fr-1-copy-2"] != first {
		t.Errorf("written in one go, the copies' canonicals are %s, %s and %s, want %s", want["fr-1"], want["fr-1-copy"], want["fr-1-copy-2"], first)
	}
	for _, d := range cc {
		if got[d.ID] != want[d.ID] {
			t.Errorf("%s: canonical %s, want %s", d.ID, got[d.ID], want[d.ID])
		}
	}
	for _, st := range []store.Store{s, r} {
		n, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n.NearDuplicates != 2 {
			t.Errorf("Stats: %d near duplicates, want 2", n.NearDuplicates)
		}
	}
}

// testConcurrentBatches writes overlapping batches from four goroutines in different
// orders (several workers on one PostgreSQL) and checks the store equals one written in
// one go: no error, no deadlock, no document, event, cluster or roll-up count twice.
func testConcurrentBatches(ctx context.Context, t *testing.T, s, r store.Store) {
	defer s.Close()
	defer r.Close()
	docs := append(Corpus(t), clusterCorpus(t)...)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			batch := make([]*doc.Document, len(docs))
			for i := range docs {
				batch[i] = docs[(i*(g+1)+g)%len(docs)] // each goroutine its own order
			}
			for lo := 0; lo < len(batch); lo += 3 {
				res, err := s.PutDocuments(ctx, batch[lo:min(len(batch), lo+3)])
				if err != nil {
					errs <- err
					return
				}
				for _, x := range res {
					if x.Err != nil {
						errs <- x.Err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent batches: %v", err)
	}
	put(ctx, t, r, docs...)
	a, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Errorf("concurrent writers: %+v, one writer: %+v", a, b)
	}
	da, _ := s.Dyads(ctx, store.DyadQuery{})
	db, _ := r.Dyads(ctx, store.DyadQuery{})
	if !reflect.DeepEqual(da, db) {
		t.Errorf("roll-up differs:\n%+v\n%+v", da, db)
	}
	sum := func(st store.Store) []string {
		var out []string
		st.Clusters(ctx, func(c store.Cluster) error {
			out = append(out, fmt.Sprintf("%s %s %s %d %d %d %+v", c.ID, c.DateLo, c.DateHi, c.NumMentions, c.NumArticles, c.NumSources, c.Location))
			return nil
		})
		return out
	}
	if ca, cb := sum(s), sum(r); !reflect.DeepEqual(ca, cb) {
		t.Errorf("clusters differ:\n%v\n%v", ca, cb)
	}
}

// Reopener opens a fresh, empty, migrated store and returns it with a function that opens
// the same store again (as the next griot process would).
type Reopener func(t *testing.T) (s store.Store, reopen func() store.Store)

// ReopenURL is the Reopener of a back end whose fresh store lives at the URL fresh(t)
// gives: the store and its reopening both open that URL.
func ReopenURL(fresh func(t *testing.T) string) Reopener {
	return func(t *testing.T) (store.Store, func() store.Store) {
		u := fresh(t)
		open := func() store.Store {
			s, err := store.Open(context.Background(), u)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		return open(), open
	}
}

// DownToV4 takes a store back to schema version 4's tables of mentions, time expressions
// and quotes, left empty, and drops the packed columns of version 5 (RunMigration compares
// events and places, not those layers; RunMigrationV5 gets the rows back too).
var DownToV4 = []string{
	`CREATE TABLE mentions (doc_pk BIGINT NOT NULL, ord INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, actor_id TEXT NOT NULL, form TEXT NOT NULL, PRIMARY KEY (doc_pk, ord))`,
	`CREATE TABLE timexes (doc_pk BIGINT NOT NULL, ord INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT NOT NULL, begin_period INTEGER NOT NULL, PRIMARY KEY (doc_pk, ord))`,
	`CREATE TABLE quotes (doc_pk BIGINT NOT NULL, ord INTEGER NOT NULL, speaker TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (doc_pk, ord))`,
}

// dropV5 drops the packed columns of schema version 5 and its record.
var dropV5 = []string{
	`ALTER TABLE documents DROP COLUMN mentions`,
	`ALTER TABLE documents DROP COLUMN timexes`,
	`ALTER TABLE documents DROP COLUMN quotes`,
	`ALTER TABLE documents DROP COLUMN n_mentions`,
	`ALTER TABLE documents DROP COLUMN n_timexes`,
	`ALTER TABLE documents DROP COLUMN n_quotes`,
	`DELETE FROM schema_migrations WHERE version >= 5`,
}

// downToV2 takes a store back to schema version 2, as a griot from before the place
// columns left it: the events' places are only in their JSON bodies.
var downToV2 = []string{
	`DROP INDEX events_place`,
	`ALTER TABLE events DROP COLUMN place_country`,
	`ALTER TABLE events DROP COLUMN place_admin1`,
	`ALTER TABLE events DROP COLUMN place_admin2`,
	`ALTER TABLE events DROP COLUMN place_name`,
	`ALTER TABLE events DROP COLUMN place_geonameid`,
	`ALTER TABLE events DROP COLUMN place_precision`,
	`ALTER TABLE events DROP COLUMN place_lat`,
	`ALTER TABLE events DROP COLUMN place_lon`,
	`DELETE FROM schema_migrations WHERE version >= 3`,
}

// RunMigration checks that a store written at schema version 2 (before events kept their
// place in columns) opens, migrates, and then answers place queries and places clusters
// exactly as a store written at the current version does. The back end must expose its
// database handle (SQL() *sql.DB).
func RunMigration(t *testing.T, open Reopener) {
	ctx := context.Background()
	docs := append(Corpus(t), clusterCorpus(t)...)
	fresh, _ := open(t)
	defer fresh.Close()
	put(ctx, t, fresh, docs...)

	old, reopen := open(t)
	put(ctx, t, old, docs...)
	h, ok := old.(interface{ SQL() *sql.DB })
	if !ok {
		t.Fatalf("%T does not expose its database handle", old)
	}
	for _, q := range slices.Concat(DownToV4, dropV5, downToV2) {
		if _, err := h.SQL().ExecContext(ctx, q); err != nil {
			t.Fatalf("taking the store back to version 2: %s: %v", q, err)
		}
	}
	old.Close()
	migrated := reopen()
	defer migrated.Close()
	var version int
	if err := migrated.(interface{ SQL() *sql.DB }).SQL().QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&version); err != nil || version < 3 {
		t.Fatalf("after reopening: schema version %d, %v; want 3 or more", version, err)
	}
	for _, q := range []store.EventQuery{
		{PlaceCountry: "MLI"}, {PlaceCountry: "RUS"}, {Admin1: "Gao"}, {PlaceCountry: "MLI", Admin1: "Bamako"}, {},
	} {
		want, err := fresh.Events(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := migrated.Events(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ids(got), ids(want)) || len(want) == 0 {
			t.Errorf("Events(%+v) after migrating = %v, want %v as written now", q, ids(got), ids(want))
		}
	}
	places := func(s store.Store) []string {
		var out []string
		if err := s.Clusters(ctx, func(c store.Cluster) error {
			out = append(out, fmt.Sprintf("%s %+v", c.ID, c.Location))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got, want := places(migrated), places(fresh); !reflect.DeepEqual(got, want) {
		t.Errorf("cluster places after migrating:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// RunMigrationV5 checks that a store taken back to schema version 4 by unpack (statements
// that refill the tables of DownToV4 from the packed columns, in the back end's JSON
// functions) migrates to version 5 and then reads back the same documents and counts as a
// store written at version 5, and that the old tables are gone.
func RunMigrationV5(t *testing.T, open Reopener, unpack []string) {
	ctx := context.Background()
	docs := Corpus(t)
	fresh, _ := open(t)
	defer fresh.Close()
	put(ctx, t, fresh, docs...)
	old, reopen := open(t)
	put(ctx, t, old, docs...)
	h := old.(interface{ SQL() *sql.DB }).SQL()
	for _, q := range slices.Concat(DownToV4, unpack, dropV5) {
		if _, err := h.ExecContext(ctx, q); err != nil {
			t.Fatalf("taking the store back to version 4: %s: %v", q, err)
		}
	}
	var rows int
	if err := h.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM mentions) + (SELECT COUNT(*) FROM timexes) + (SELECT COUNT(*) FROM quotes)`).Scan(&rows); err != nil || rows == 0 {
		t.Fatalf("back at version 4: %d rows of mentions, time expressions and quotes (%v); want some", rows, err)
	}
	old.Close()
	migrated := reopen()
	defer migrated.Close()
	for _, tb := range []string{"mentions", "timexes", "quotes"} {
		if _, err := migrated.(interface{ SQL() *sql.DB }).SQL().ExecContext(ctx, `SELECT 1 FROM `+tb); err == nil {
			t.Errorf("after migrating, table %s is still there", tb)
		}
	}
	SameReadBack(ctx, t, fresh, migrated, docs)
	if ws, _ := fresh.Stats(ctx); ws.Mentions == 0 || ws.Timexes == 0 || ws.Quotes == 0 {
		t.Errorf("stats of the fresh store: %+v; want mentions, time expressions and quotes", ws)
	}
}

// SameReadBack fails t unless the migrated store reads back every one of docs as the fresh
// store does, with the same counts.
func SameReadBack(ctx context.Context, t *testing.T, fresh, migrated store.Store, docs []*doc.Document) {
	t.Helper()
	for _, d := range docs {
		want, err := fresh.Document(ctx, d.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		got, err := migrated.Document(ctx, d.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("document %s after migrating:\n%+v\nwant\n%+v", d.ID, got, want)
		}
	}
	ws, _ := fresh.Stats(ctx)
	gs, err := migrated.Stats(ctx)
	if err != nil || gs != ws {
		t.Errorf("stats after migrating: %+v, %v; want %+v", gs, err, ws)
	}
}

// PutArticles reads each DIR/NAME.txt with its NAME.meta.json (id, lang, published,
// source) through p and stores the reading: the fixture set-up of the api and web tests.
func PutArticles(t testing.TB, st store.Store, p *pipeline.Pipeline, dir string, names ...string) {
	t.Helper()
	ctx := context.Background()
	for _, name := range names {
		text, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		var meta struct{ ID, Lang, Published, Source string }
		b, err := os.ReadFile(filepath.Join(dir, name+".meta.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &meta); err != nil {
			t.Fatalf("%s.meta.json: %v", name, err)
		}
		pub, _ := time.Parse(time.DateOnly, meta.Published)
		d, err := p.Run(ctx, string(text), pipeline.Options{ID: meta.ID, Lang: meta.Lang, Published: pub, Source: meta.Source})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.PutDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
}
