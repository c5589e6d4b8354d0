package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"

	"github.com/griot-project/griot/internal/testsvc"
	"github.com/griot-project/griot/store"
	"github.com/griot-project/griot/store/internal/sqlstore"
	"github.com/griot-project/griot/store/storetest"
)

// freshSchema makes an empty schema for one test and drops it afterwards. It skips the
// test when PostgreSQL is unreachable, unless GRIOT_REQUIRE_SERVICES=1.
func freshSchema(t *testing.T) string { return freshSchemaB(t) }

func freshSchemaB(t testing.TB) string {
	t.Helper()
	return testsvc.PostgresSchemas(t, "griot_test")[0]
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.Open(context.Background(), freshSchema(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestMigration(t *testing.T) {
	storetest.RunMigration(t, storetest.ReopenURL(freshSchema))
}

// TestMigrationV5 takes a store back to schema version 4 (mentions, time expressions and
// quotes in their own tables) and checks that version 5 packs them on the documents' rows.
func TestMigrationV5(t *testing.T) {
	elems := func(col string) string {
		return ` FROM documents d, json_array_elements(d.` + col + `::json) WITH ORDINALITY AS j(v, n)`
	}
	storetest.RunMigrationV5(t, storetest.ReopenURL(freshSchema), []string{
		`INSERT INTO mentions SELECT d.pk, j.n - 1, (j.v ->> 'start')::int, (j.v ->> 'end')::int, j.v ->> 'text', j.v ->> 'type', j.v ->> 'actor', COALESCE(j.v ->> 'form', '')` + elems("mentions"),
		`INSERT INTO timexes SELECT d.pk, j.n - 1, (j.v ->> 'start')::int, (j.v ->> 'end')::int, j.v ->> 'text', j.v ->> 'type', j.v ->> 'value', COALESCE(j.v ->> 'mod', ''), CASE WHEN (j.v ->> 'begin')::boolean THEN 1 ELSE 0 END` + elems("timexes"),
		`INSERT INTO quotes SELECT d.pk, j.n - 1, j.v ->> 'speaker', j.v ->> 'kind', j.v ->> 'text', j.v::text` + elems("quotes"),
	})
}

func TestConcurrentMigrate(t *testing.T) {
	u := freshSchema(t)
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			s, err := Open(context.Background(), u)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent open+migrate: %v", err)
		}
	}
}

// TestKeyLocksPerStore holds one store's locks on a document's cluster keys, as a writer
// of that store does while it puts the document's events in clusters: a store in another
// schema of the same database writes the same document without waiting, and the store's
// own writer waits.
func TestKeyLocksPerStore(t *testing.T) {
	ctx := context.Background()
	urls := testsvc.PostgresSchemas(t, "griot_lock_a", "griot_lock_b")
	a, err := Open(ctx, urls[0])
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, urls[1])
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	d := storetest.Corpus(t)[0]
	tx, err := a.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, strings.Replace(dialect.KeyLocks, "?", "$1", 1), sqlstore.ClusterLocks([]*doc.Document{d})); err != nil {
		t.Fatal(err)
	}

	other, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if res, err := b.PutDocuments(other, []*doc.Document{d}); err != nil || res[0].Err != nil || !res[0].Added {
		t.Fatalf("another schema's store, same cluster keys: %v, %+v; want the document added at once", err, res)
	}

	same, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if _, err := a.PutDocuments(same, []*doc.Document{d}); err == nil {
		t.Fatal("the same store's writer did not wait for the cluster keys' locks")
	}
}

// TestPipelinedFailure makes a statement of a pipelined batch fail (PostgreSQL text holds
// no NUL byte; an actor's row is only queued when the batch's documents are inserted): the
// batch is written again one document at a time, the other documents are added and the
// failing one is rolled back alone, with its error.
func TestPipelinedFailure(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, freshSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := storetest.Corpus(t)
	bad := *docs[1]
	bad.Actors = append([]doc.Actor{}, bad.Actors...)
	bad.Actors[0].Name = "Ma\x00li"
	batch := []*doc.Document{docs[0], &bad, docs[2]}
	res, err := s.PutDocuments(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if fail := i == 1; (r.Err != nil) != fail || r.Added == fail {
			t.Errorf("document %d: %+v; want added: %v", i, r, !fail)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 {
		t.Errorf("stored %d documents, want 2", st.Documents)
	}
}
