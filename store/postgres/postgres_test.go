package postgres

import (
	"context"
	"testing"

	"github.com/griot-project/griot/internal/testsvc"
	"github.com/griot-project/griot/store"
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
