package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/griot-project/griot/internal/testsvc"
	"github.com/griot-project/griot/queue"
)

// natsURL returns a queue URL on a fresh stream (short ack wait), or skips the test when
// NATS does not answer, unless GRIOT_REQUIRE_SERVICES=1.
func natsURL(t *testing.T) string {
	t.Helper()
	host := testsvc.NATSHost(t)
	u := fmt.Sprintf("nats://%s?stream=GRIOT_CMD_%d_%d&ackwait=3s", host, os.Getpid(), time.Now().UnixNano())
	t.Cleanup(func() {
		if q, err := queue.Open(context.Background(), u); err == nil {
			q.DeleteStream(context.Background())
			q.Close()
		}
	})
	return u
}

// killWorker queues 2,000 articles, SIGKILLs a worker process once some are stored, lets a
// second worker finish, and checks the store equals one written by a plain ingest.
func killWorker(t *testing.T, killed, clean string) {
	// enough articles that the worker cannot store them all between two looks at the store
	const total = 2000
	q := natsURL(t)
	input := killInput(t, total)
	out, errOut, err := ingestRun(t, "", "--queue", q, input)
	if err != nil || !strings.Contains(out, fmt.Sprintf("%d documents queued", total)) {
		t.Fatalf("queueing: %v\n%s\n%s", err, out, errOut)
	}
	cmd := exec.Command(os.Args[0], "worker", "--queue", q, "--store", killed, "--workers", "2", "--batch", "8")
	cmd.Env = append(os.Environ(), "GRIOT_TEST_MAIN=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for countDocs(t, killed) < 10 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the worker was not killed; stderr:\n%s", errb.String())
	}
	n := countDocs(t, killed)
	if n < 1 || n >= total {
		t.Fatalf("after the kill the store holds %d documents, want some but not all", n)
	}
	t.Logf("worker killed after %d of %d documents", n, total)
	var out2, err2 bytes.Buffer
	if err := run(context.Background(), []string{"worker", "--queue", q, "--store", killed, "--workers", "2", "--exit-when-idle", "6s"}, strings.NewReader(""), &out2, &err2); err != nil {
		t.Fatalf("second worker: %v\n%s", err, err2.String())
	}
	if got := countDocs(t, killed); got != total {
		t.Errorf("after the second worker: %d documents, want %d\n%s\n%s", got, total, out2.String(), err2.String())
	}
	if _, errOut, err := ingestRun(t, "", "--store", clean, input); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, errOut)
	}
	for _, format := range []string{"events", "plover"} {
		if a, b := export(t, killed, format), export(t, clean, format); a != b {
			os.WriteFile(filepath.Join(os.TempDir(), "griot-kill-a-"+format), []byte(a), 0o644)
			os.WriteFile(filepath.Join(os.TempDir(), "griot-kill-b-"+format), []byte(b), 0o644)
			t.Errorf("%s export: the store a killed worker wrote differs from a plain ingest", format)
		}
	}
}

func TestWorkerKillSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 400 articles")
	}
	dir := t.TempDir()
	killWorker(t, "sqlite://"+filepath.Join(dir, "killed.db"), "sqlite://"+filepath.Join(dir, "clean.db"))
}

func TestWorkerKillPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 400 articles")
	}
	u := pgSchemas(t, "wkilled", "wclean")
	killWorker(t, u[0], u[1])
}

func TestWorkerUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"--queue", "nats://127.0.0.1:4222", "extra"}, {"--queue", "x", "--workers", "0"}, {"--queue", "http://x"}} {
		if _, _, err := run2(t, append([]string{"worker"}, args...)...); err == nil {
			t.Errorf("worker %v: want an error", args)
		}
	}
}
