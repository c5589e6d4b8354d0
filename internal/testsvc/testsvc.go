// Package testsvc finds the real services the integration tests run against — PostgreSQL
// and NATS JetStream — and gives each test a fresh place in them. When a service does not
// answer, the test is skipped with a message that says how to start it, or fails when
// GRIOT_REQUIRE_SERVICES=1 (CI).
package testsvc

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Unavailable skips the test, or fails it when GRIOT_REQUIRE_SERVICES=1.
func Unavailable(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("GRIOT_REQUIRE_SERVICES") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// PostgresURL is the server the tests use: GRIOT_TEST_POSTGRES, else the local test database.
func PostgresURL() string {
	if u := os.Getenv("GRIOT_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// PostgresSchemas makes one fresh schema per prefix, dropped when the test ends, and
// returns store URLs that use them.
func PostgresSchemas(t testing.TB, prefixes ...string) []string {
	t.Helper()
	base := PostgresURL()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		Unavailable(t, fmt.Sprintf("PostgreSQL unreachable at %s (%v): start it with `pg_ctlcluster 15 main start` (or `docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres`), or set GRIOT_TEST_POSTGRES", base, err))
	}
	defer conn.Close(context.Background())
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	var urls []string
	for _, p := range prefixes {
		schema := fmt.Sprintf("%s_%d_%d", p, os.Getpid(), time.Now().UnixNano())
		if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if c, err := pgx.Connect(context.Background(), base); err == nil {
				c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
				c.Close(context.Background())
			}
		})
		urls = append(urls, base+sep+"search_path="+schema)
	}
	return urls
}

// NATSHost is the NATS server the tests use (GRIOT_TEST_NATS, else 127.0.0.1:4222), once it
// answers.
func NATSHost(t testing.TB) string {
	t.Helper()
	host := os.Getenv("GRIOT_TEST_NATS")
	if host == "" {
		host = "127.0.0.1:4222"
	}
	c, err := net.DialTimeout("tcp", host, 2*time.Second)
	if err != nil {
		Unavailable(t, fmt.Sprintf("NATS unreachable at %s (%v): start it with `nats-server -js` (or `docker run -p 4222:4222 nats -js`), or set GRIOT_TEST_NATS", host, err))
	}
	c.Close()
	return host
}
