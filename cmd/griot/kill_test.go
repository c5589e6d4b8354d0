package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/griot-project/griot/internal/testsvc"
	"github.com/griot-project/griot/store"
)

// TestMain lets the tests run the test binary as the griot command (GRIOT_TEST_MAIN=1),
// so that a real process can be killed mid-run.
func TestMain(m *testing.M) {
	if os.Getenv("GRIOT_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// killInput writes n distinct articles as JSON lines.
func killInput(t *testing.T, n int) string {
	t.Helper()
	fr, err := os.ReadFile("../../ingest/testdata/mali/mali-goita-poutine.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		enc.Encode(map[string]string{"id": fmt.Sprintf("k%d", i), "lang": "fr", "published": "2022-08-11",
			"text": string(fr) + fmt.Sprintf("\n(Dépêche %d.)", i)})
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func countDocs(t *testing.T, url string) int64 {
	s, err := store.Open(context.Background(), url)
	if err != nil {
		return -1
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	if err != nil {
		return -1
	}
	return st.Documents
}

// killMidRun starts griot ingest in a child process, SIGKILLs it once some documents are
// stored, ingests again to the end, and checks the store equals one written in one go.
func killMidRun(t *testing.T, killed, clean string) {
	// enough articles that the run cannot finish between two looks at the store (a fast
	// machine wrote 200 in under the first poll)
	const total = 1000
	input := killInput(t, total)
	cmd := exec.Command(os.Args[0], "ingest", "--store", killed, "--workers", "2", input)
	cmd.Env = append(os.Environ(), "GRIOT_TEST_MAIN=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		time.Sleep(50 * time.Millisecond)
		if n := countDocs(t, killed); n >= 5 || time.Now().After(deadline) {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the ingest process was not killed (it finished first: %v); stderr:\n%s", err, errb.String())
	}
	n := countDocs(t, killed)
	if n < 1 || n >= total {
		t.Fatalf("after the kill the store holds %d documents, want some but not all", n)
	}
	t.Logf("killed after %d of %d documents", n, total)
	out, errOut, err := ingestRun(t, "", "--store", killed, input)
	if err != nil {
		t.Fatalf("ingest after the kill: %v\n%s", err, errOut)
	}
	if s := summary(t, out); s[1] != fmt.Sprint(total-n) || s[2] != fmt.Sprint(n) {
		t.Errorf("after the kill: %s; want %d added and %d already stored", out, total-n, n)
	}
	if _, errOut, err := ingestRun(t, "", "--store", clean, input); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, errOut)
	}
	a, b := export(t, killed, "events"), export(t, clean, "events")
	if a != b {
		t.Error("the store killed mid-run and completed differs from one written in one go")
	}
	if !strings.Contains(a, "CONSULT") {
		t.Error("no events in the export")
	}
}

func TestKillSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 2,000 articles")
	}
	dir := t.TempDir()
	killMidRun(t, "sqlite://"+filepath.Join(dir, "killed.db"), "sqlite://"+filepath.Join(dir, "clean.db"))
}

// pgSchemas makes fresh PostgreSQL schemas for one test (internal/testsvc).
func pgSchemas(t *testing.T, names ...string) []string {
	t.Helper()
	prefixes := make([]string, len(names))
	for i, n := range names {
		prefixes[i] = "griot_cmd_" + n
	}
	return testsvc.PostgresSchemas(t, prefixes...)
}

func TestKillPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 2,000 articles")
	}
	u := pgSchemas(t, "killed", "clean")
	killMidRun(t, u[0], u[1])
}
