package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const watchItem = `<item><title>%s</title><guid>%s</guid><pubDate>Mon, 20 Jun 2022 10:00:00 +0000</pubDate><description>%s</description></item>`

// TestWatch polls a feed that grows between polls: every item is stored once.
func TestWatch(t *testing.T) {
	var polls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := polls.Add(1)
		items := fmt.Sprintf(watchItem, "Rencontre", "r1", "Les ministres du Mali et du Niger se sont rencontrés lundi à Niamey pour parler de sécurité.")
		if n > 1 {
			items += fmt.Sprintf(watchItem, "Visite", "r2", "Le président nigérien a reçu mardi à Niamey une délégation malienne conduite par le Premier ministre.")
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><language>fr</language>%s</channel></rss>`, items)
	}))
	defer srv.Close()
	db := "sqlite://" + filepath.Join(t.TempDir(), "g.db")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out, errb bytes.Buffer
	go func() {
		done <- run(ctx, []string{"watch", "--store", db, "--every", "200ms", "--allow-private", srv.URL + "/feed"}, strings.NewReader(""), &out, &errb)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for polls.Load() < 4 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("watch: %v\n%s", err, errb.String())
	}
	if n := countDocs(t, db); n != 2 {
		t.Errorf("after %d polls the store holds %d documents, want 2\n%s\n%s", polls.Load(), n, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "watch: ingest:") {
		t.Errorf("no summary: %q", out.String())
	}
}

func TestWatchUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"--every", "1ms", "x"}, {"--lang", "de", "x"}} {
		if _, _, err := run2(t, append([]string{"watch"}, args...)...); err == nil {
			t.Errorf("watch %v: want an error", args)
		}
	}
}
