// Package api serves a griot store over HTTP: a JSON API for events, actors, relations
// between two actors over time, documents with every annotation, ingest of one article,
// streaming exports (PLOVER, GDELT, ACLED-style and flat CSV), an OpenAPI description,
// a health check and Prometheus metrics. The web UI (package web) is mounted at / through
// Options.UI.
package api

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
)

// Options configure the handler.
type Options struct {
	// Token is the bearer token POST /api/documents requires. Empty: ingest is refused.
	Token string
	// MaxBody bounds the body of POST /api/documents in bytes (default 4 MiB).
	MaxBody int64
	// Pipeline reads posted documents; nil: pipeline.Default(), loaded on first use.
	Pipeline *pipeline.Pipeline
	// UI is mounted at / (the web UI); nil: / answers 404 outside /api.
	UI http.Handler
	// Log receives one line per failed request (5xx); nil: slog.Default().
	Log *slog.Logger
	// RelationCache is how many relation answers are kept while the store does not change
	// (default 256; negative: none).
	RelationCache int
}

// DefaultMaxBody is the default limit on a posted document.
const DefaultMaxBody = 4 << 20

//go:embed openapi.json
var openapiJSON []byte

// Server holds what the handlers share.
type Server struct {
	st      store.Store
	opts    Options
	metrics *metrics
	rels    *relCache

	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
}

// New returns the HTTP handler of the API (and of Options.UI at /) over a store.
func New(st store.Store, opts Options) http.Handler {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.RelationCache == 0 {
		opts.RelationCache = 256
	}
	s := &Server{st: st, opts: opts, metrics: newMetrics(), rels: newRelCache(st, opts.RelationCache)}
	if opts.Pipeline != nil {
		s.pipe = opts.Pipeline
		s.pipeOnce.Do(func() {})
	}
	mux := http.NewServeMux()
	handle := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		route := pattern
		if _, p, ok := strings.Cut(pattern, " "); ok {
			route = p
		}
		mux.Handle(pattern, s.metrics.wrap(route, s.guard(h)))
	}
	handle("GET /api/events", s.events)
	handle("GET /api/events/{id}", s.event)
	handle("GET /api/actors", s.actors)
	handle("GET /api/actors/{id}", s.actor)
	handle("GET /api/relations", s.relations)
	handle("GET /api/places", s.places)
	handle("GET /api/documents", s.documents)
	handle("GET /api/documents/{id}", s.document)
	handle("POST /api/documents", s.postDocument)
	handle("GET /api/export", s.export)
	handle("GET /api/stats", s.stats)
	handle("GET /api/openapi.json", func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Content-Type", "application/json")
		_, err := w.Write(openapiJSON)
		return err
	})
	handle("GET /healthz", s.healthz)
	handle("GET /metrics", s.serveMetrics)
	handle("/api/", func(w http.ResponseWriter, r *http.Request) error {
		return errorf(http.StatusNotFound, "no such endpoint: %s %s (see /api/openapi.json)", r.Method, r.URL.Path)
	})
	if opts.UI != nil {
		mux.Handle("/", s.metrics.wrap("/", opts.UI))
	}
	return mux
}

// httpError is an error with an HTTP status.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &httpError{status, fmt.Sprintf(format, args...)}
}

// Status returns the HTTP status an error maps to.
func Status(err error) int {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// guard turns a handler's error (or panic) into a JSON error body.
func (s *Server) guard(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				s.opts.Log.Error("panic serving request", "path", r.URL.Path, "panic", p)
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		if err := h(w, r); err != nil {
			st := Status(err)
			msg := err.Error()
			if st >= 500 {
				s.opts.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
				if st == http.StatusInternalServerError {
					msg = "internal error: " + msg
				}
			}
			writeError(w, st, msg)
		}
	})
}

// writeError writes {"error": msg}. When part of a response was already written (a
// streaming export), the status cannot change any more; the body is then cut short.
func writeError(w http.ResponseWriter, status int, msg string) {
	if ew, ok := w.(interface{ wroteHeader() bool }); ok && ew.wroteHeader() {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.st.Documents(ctx, store.DocQuery{Limit: 1}); err != nil {
		return errorf(http.StatusServiceUnavailable, "store unavailable: %v", err)
	}
	return writeJSON(w, map[string]string{"status": "ok"})
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, st)
}

// checkToken enforces the bearer token of writes.
func (s *Server) checkToken(r *http.Request) error {
	if s.opts.Token == "" {
		return errorf(http.StatusForbidden, "ingest is disabled: start griot serve with --token or GRIOT_TOKEN")
	}
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		return errorf(http.StatusUnauthorized, "missing bearer token: send Authorization: Bearer TOKEN")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.opts.Token)) != 1 {
		return errorf(http.StatusUnauthorized, "wrong bearer token")
	}
	return nil
}

func (s *Server) pipeline() (*pipeline.Pipeline, error) {
	s.pipeOnce.Do(func() { s.pipe, s.pipeErr = pipeline.Default() })
	if s.pipeErr != nil {
		return nil, fmt.Errorf("loading the pipeline: %w", s.pipeErr)
	}
	return s.pipe, nil
}
