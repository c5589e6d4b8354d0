package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/store"
	"github.com/griot-project/griot/store/internal/sqlstore"
	"github.com/griot-project/griot/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.Open(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "griot.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestMigration(t *testing.T) {
	storetest.RunMigration(t, storetest.ReopenURL(func(t *testing.T) string {
		return "sqlite://" + filepath.Join(t.TempDir(), "griot.db")
	}))
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "griot.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.Corpus(t)[0]
	if _, err := s.PutDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopening (migrations must not run twice): %v", err)
	}
	defer s.Close()
	if ok, err := s.HasDocument(ctx, d.SHA256); err != nil || !ok {
		t.Errorf("after reopening, HasDocument = %v, %v", ok, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"griot.db", "nosuch://x", "sqlite://", "sqlite://" + filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if s, err := store.Open(ctx, u); err == nil {
			s.Close()
			t.Errorf("Open(%q): want an error", u)
		}
	}
}

// TestMemory runs the whole store suite on in-memory stores: their pool has one
// connection, which a write must not wait for while its own transaction holds it
// (`griot ingest --store sqlite://:memory:` once hung that way).
func TestMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.Open(context.Background(), "sqlite://:memory:")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// unpackV5 refills schema version 4's tables from the packed columns of version 5.
var unpackV5 = []string{
	`INSERT INTO mentions SELECT d.pk, j.key, j.value ->> 'start', j.value ->> 'end', j.value ->> 'text', j.value ->> 'type', j.value ->> 'actor', COALESCE(j.value ->> 'form', '') FROM documents d, json_each(d.mentions) j`,
	`INSERT INTO timexes SELECT d.pk, j.key, j.value ->> 'start', j.value ->> 'end', j.value ->> 'text', j.value ->> 'type', j.value ->> 'value', COALESCE(j.value ->> 'mod', ''), COALESCE(j.value ->> 'begin', 0) FROM documents d, json_each(d.timexes) j`,
	`INSERT INTO quotes SELECT d.pk, j.key, j.value ->> 'speaker', j.value ->> 'kind', j.value ->> 'text', j.value FROM documents d, json_each(d.quotes) j`,
}

// TestMigrationV5 takes a store back to schema version 4 (mentions, time expressions and
// quotes in their own tables) and checks that version 5 packs them on the documents' rows.
func TestMigrationV5(t *testing.T) {
	storetest.RunMigrationV5(t, storetest.ReopenURL(func(t *testing.T) string {
		return "sqlite://" + filepath.Join(t.TempDir(), "griot.db")
	}), unpackV5)
}

// twoStores opens a fresh store and one at a path of its own, both holding the suite's
// corpus: the second is taken back to an older schema, reopened and compared with the first.
// The fresh store is closed when the test ends; the caller closes the other.
func twoStores(ctx context.Context, t *testing.T) (docs []*doc.Document, fresh, old *sqlstore.DB, path string) {
	t.Helper()
	docs = storetest.Corpus(t)
	fresh, err := Open(ctx, filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fresh.Close() })
	path = filepath.Join(t.TempDir(), "old.db")
	if old, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*sqlstore.DB{fresh, old} {
		if _, err := s.PutDocuments(ctx, docs); err != nil {
			t.Fatal(err)
		}
	}
	return docs, fresh, old, path
}

// TestMigrationV4 takes a store back to schema version 3 (rowid tables, the mention and
// quote indexes) and checks that versions 4 and 5 rebuild its tables without rowids and
// read back the same documents, counts and events as a store written now.
func TestMigrationV4(t *testing.T) {
	ctx := context.Background()
	docs, fresh, old, path := twoStores(ctx, t)
	tables := []string{"actors", "mentions", "timexes", "quotes", "posts", "event_actors", "doc_bands", "cluster_members"}
	down := slices.Concat(storetest.DownToV4, unpackV5, []string{
		`ALTER TABLE documents DROP COLUMN mentions`, `ALTER TABLE documents DROP COLUMN timexes`, `ALTER TABLE documents DROP COLUMN quotes`,
		`ALTER TABLE documents DROP COLUMN n_mentions`, `ALTER TABLE documents DROP COLUMN n_timexes`, `ALTER TABLE documents DROP COLUMN n_quotes`})
	for _, tb := range tables {
		down = append(down, `CREATE TABLE `+tb+`_old AS SELECT * FROM `+tb, `DROP TABLE `+tb, `ALTER TABLE `+tb+`_old RENAME TO `+tb)
	}
	down = append(down, `CREATE INDEX mentions_actor ON mentions (actor_id)`, `CREATE INDEX quotes_speaker ON quotes (speaker)`,
		`DELETE FROM schema_migrations WHERE version >= 4`)
	for _, q := range down {
		if _, err := old.SQL().ExecContext(ctx, q); err != nil {
			t.Fatalf("taking the store back to version 3: %s: %v", q, err)
		}
	}
	if _, err := old.SQL().ExecContext(ctx, `SELECT rowid FROM mentions`); err != nil {
		t.Fatalf("back at version 3, mentions has no rowid: %v", err)
	}
	old.Close()
	migrated, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating to version 4: %v", err)
	}
	defer migrated.Close()
	for _, tb := range []string{"actors", "posts", "event_actors", "doc_bands", "cluster_members"} { // the others are gone in version 5
		if _, err := migrated.SQL().ExecContext(ctx, `SELECT rowid FROM `+tb); err == nil {
			t.Errorf("after migrating, %s still has rowids", tb)
		}
	}
	var n int
	if err := migrated.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name IN ('mentions_actor', 'quotes_speaker', 'actors_actor', 'event_actors_actor', 'event_actors_country', 'cluster_members_canonical', 'cluster_members_source')`).Scan(&n); err != nil || n != 5 {
		t.Errorf("after migrating, %d of the expected indexes (%v); want the 5 kept", n, err)
	}
	storetest.SameReadBack(ctx, t, fresh, migrated, docs)
	exp := func(s store.Store) []string {
		var out []string
		if err := s.Export(ctx, store.EventQuery{}, func(r store.EventRow) error {
			out = append(out, r.Event.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		var cl []string
		if err := s.Clusters(ctx, func(c store.Cluster) error {
			j, err := json.Marshal(c)
			cl = append(cl, string(j))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return append(out, cl...)
	}
	if got, want := exp(migrated), exp(fresh); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("events and clusters after migrating:\n%v\nwant\n%v", got, want)
	}
}

// TestMigrationV6 takes a store back to schema version 5 (the documents' full-text table
// with positions) and checks that version 6 rebuilds it without positions and that it
// finds the same documents for the same words, as does a store written at version 6.
func TestMigrationV6(t *testing.T) {
	ctx := context.Background()
	_, fresh, old, path := twoStores(ctx, t)
	for _, q := range []string{
		`DROP TABLE documents_fts`,
		`CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='pk', tokenize='unicode61 remove_diacritics 2')`,
		`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`,
		`DELETE FROM schema_migrations WHERE version >= 6`,
	} {
		if _, err := old.SQL().ExecContext(ctx, q); err != nil {
			t.Fatalf("taking the store back to version 5: %s: %v", q, err)
		}
	}
	// Words of the corpus's texts (accents and case ignored), two words matched each on
	// its own, and a word no document holds.
	queries := [][]string{{"entretien"}, {"telephonique"}, {"TÉLÉPHONIQUE"}, {"russia", "mali"}, {"mali", "france"}, {"zzyzx"}}
	match := func(s *sqlstore.DB) [][]int64 {
		var out [][]int64
		for _, w := range queries {
			rows, err := s.SQL().QueryContext(ctx, `SELECT d.sha256, d.pk FROM documents d WHERE `+dialect.DocText+` ORDER BY d.pk`, dialect.Query(w))
			if err != nil {
				t.Fatalf("documents matching %q: %v", w, err)
			}
			pks := []int64{}
			for rows.Next() {
				var sha string
				var pk int64
				if err := rows.Scan(&sha, &pk); err != nil {
					t.Fatal(err)
				}
				pks = append(pks, pk)
			}
			rows.Close()
			out = append(out, pks)
		}
		return out
	}
	before := match(old)
	old.Close()
	migrated, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating to version 6: %v", err)
	}
	defer migrated.Close()
	for _, s := range []*sqlstore.DB{fresh, migrated} {
		var def string
		if err := s.SQL().QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = 'documents_fts'`).Scan(&def); err != nil || !strings.Contains(def, "detail=none") {
			t.Errorf("documents_fts is %q (%v); want detail=none", def, err)
		}
	}
	after, now := match(migrated), match(fresh)
	if !reflect.DeepEqual(after, before) || !reflect.DeepEqual(now, before) {
		t.Errorf("documents matching %q: at version 5 %v, migrated %v, written at version 6 %v", queries, before, after, now)
	}
	if len(before[0]) != 1 || len(before[3]) != 3 || len(before[4]) != 2 || len(before[5]) != 0 {
		t.Errorf("documents matching %q at version 5: %v; want 1, 3, 2 and none", queries, before)
	}
}

// TestMigrationV7 takes a store back to schema version 6 (no doc_totals: the documents'
// counts summed over their rows) and checks that version 7 fills doc_totals from the
// stored documents, so that Stats counts what it counted before, and that later writes
// add to it.
func TestMigrationV7(t *testing.T) {
	ctx := context.Background()
	docs, fresh, old, path := twoStores(ctx, t)
	want, err := old.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE doc_totals`, `DELETE FROM schema_migrations WHERE version >= 7`} {
		if _, err := old.SQL().ExecContext(ctx, q); err != nil {
			t.Fatalf("taking the store back to version 6: %s: %v", q, err)
		}
	}
	old.Close()
	migrated, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating to version 7: %v", err)
	}
	defer migrated.Close()
	if got, err := migrated.Stats(ctx); err != nil || got != want || got.Documents != int64(len(docs)) || got.Mentions == 0 || got.Quotes == 0 {
		t.Errorf("stats after migrating: %+v, %v; want %+v, as before, with %d documents", got, err, want, len(docs))
	}
	storetest.SameReadBack(ctx, t, fresh, migrated, docs)
	more := storetest.Fixture(t, "v7-more", "en", "2022-08-20", "Mali and Russia signed a new agreement in Moscow on Friday.")
	for _, s := range []*sqlstore.DB{fresh, migrated} {
		if _, err := s.PutDocuments(ctx, []*doc.Document{more}); err != nil {
			t.Fatal(err)
		}
	}
	storetest.SameReadBack(ctx, t, fresh, migrated, append(docs, more))
}
