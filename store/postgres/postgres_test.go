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
