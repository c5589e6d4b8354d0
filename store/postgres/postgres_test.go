package postgres

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/griot-project/griot/store"
	"github.com/griot-project/griot/store/storetest"
)

// testURL is the server the tests use: GRIOT_TEST_POSTGRES, else the local test database.
func testURL() string {
	if u := os.Getenv("GRIOT_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// freshSchema makes an empty schema for one test and drops it afterwards. It skips the
// test when PostgreSQL is unreachable, unless GRIOT_REQUIRE_SERVICES=1.
func freshSchema(t *testing.T) string { return freshSchemaB(t) }

func freshSchemaB(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, testURL())
	if err != nil {
		msg := fmt.Sprintf("PostgreSQL unreachable at %s (%v). Start it with `pg_ctlcluster 15 main start` (or `docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres`), or set GRIOT_TEST_POSTGRES", testURL(), err)
		if os.Getenv("GRIOT_REQUIRE_SERVICES") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	defer conn.Close(context.Background())
	name := fmt.Sprintf("griot_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), testURL())
		if err != nil {
			return
		}
		defer c.Close(context.Background())
		c.Exec(context.Background(), "DROP SCHEMA "+name+" CASCADE")
	})
	sep := "?"
	if strings.Contains(testURL(), "?") {
		sep = "&"
	}
	return testURL() + sep + "search_path=" + name
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
