package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/store"
	"github.com/griot-project/griot/web"
)

const serveUsage = "usage: griot serve [--store URL] [--addr 127.0.0.1:8080] [--token T]"

// cmdServe serves the JSON API and the web UI over a store until ctx ends, then shuts down
// gracefully (requests in flight get 10 s to finish).
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", serveUsage, stderr)
	storeURL := storeFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", os.Getenv("GRIOT_TOKEN"), "bearer token that POST /api/documents requires (default $GRIOT_TOKEN; empty: ingest over HTTP is off)")
	maxBody := fs.Int64("max-body", api.DefaultMaxBody, "largest POST /api/documents body, in bytes")
	relCache := fs.Int("relation-cache", 256, "relation answers kept while the store does not change (0: none)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return &exitError{2, fmt.Errorf("serve takes no arguments, got %q", fs.Args())}
	}
	st, err := store.Open(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()
	log := slog.New(slog.NewTextHandler(stderr, nil))
	rc := *relCache
	if rc <= 0 {
		rc = -1
	}
	h := api.New(st, api.Options{Token: *token, MaxBody: *maxBody, UI: web.New(st), Log: log, RelationCache: rc})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "griot serving %s on http://%s/ (API under /api, OpenAPI at /api/openapi.json)\n", *storeURL, ln.Addr())
	if *token == "" {
		fmt.Fprintln(stdout, "no --token or GRIOT_TOKEN: POST /api/documents is off")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	fmt.Fprintln(stdout, "griot serve: stopped")
	return nil
}
