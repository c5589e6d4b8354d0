package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// examplesStore ingests the Mali article (both languages) into a temporary store.
func examplesStore(t *testing.T) string {
	t.Helper()
	url := "sqlite://" + filepath.Join(t.TempDir(), "griot.db")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"ingest", "--store", url, filepath.Join("..", "..", "examples")}, nil, &out, &errb); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errb.String())
	}
	return url
}

func TestServeAndShutdown(t *testing.T) {
	url := examplesStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb syncBuffer
	done := make(chan error, 1)
	go func() { done <- cmdServe(ctx, []string{"--store", url, "--addr", "127.0.0.1:0"}, &out, &errb) }()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = "http://" + m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, errb.String())
		default:
		}
	}
	if base == "" {
		t.Fatalf("serve did not say where it listens: %q", out.String())
	}
	for path, want := range map[string]string{
		"/healthz":                   `"ok"`,
		"/api/relations?a=MLI&b=RUS": `"period":"2022-08"`,
		"/relations?a=MLI&b=RUS":     "<svg",
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d, lacks %q", path, resp.StatusCode, want)
		}
	}
	// Without a token, ingest over HTTP is refused.
	resp, err := http.Post(base+"/api/documents", "application/json", strings.NewReader(`{"text":"a b c"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST without a configured token: %d, want 403", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	if !strings.Contains(out.String(), "stopped") {
		t.Errorf("no stop message: %q", out.String())
	}
}

func TestEventsAndRelationsCommands(t *testing.T) {
	url := examplesStore(t)
	ctx := context.Background()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"events", "--store", url, "--dyad", "MLI,RUS", "--type", "consult"}, []string{"CONSULT", "assimi-goita", "2022-08-10"}},
		{[]string{"events", "--store", url, "--country", "MLI", "--format", "jsonl", "--limit", "1"}, []string{`"doc_sha256"`}},
		{[]string{"relations", "--store", url, "MLI", "RUS", "--interval", "month"}, []string{"2022-08", "total"}},
		{[]string{"relations", "--store", url, "--format", "json", "RUS", "MLI"}, []string{`"period": "2022-08"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[3:], " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(ctx, tt.args, nil, &out, &errb); err != nil {
				t.Fatalf("%v\n%s", err, errb.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
	var out bytes.Buffer
	if err := run(ctx, []string{"relations", "--store", url, "--format", "json", "MLI", "RUS"}, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	var rel struct{ Total struct{ Events int } }
	if err := json.Unmarshal(out.Bytes(), &rel); err != nil || rel.Total.Events < 2 {
		t.Errorf("relations json: %v, %d events", err, rel.Total.Events)
	}
	for _, args := range [][]string{
		{"events", "--quad", "9"},
		{"events", "--format", "xml"},
		{"events", "extra"},
		{"relations", "MLI"},
		{"relations", "MLI", "RUS", "--interval", "decade"},
		{"serve", "extra"},
	} {
		err := run(ctx, args, nil, io.Discard, io.Discard)
		var ee *exitError
		if err == nil || !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: %v, want a usage error (exit 2)", args, err)
		}
	}
}
