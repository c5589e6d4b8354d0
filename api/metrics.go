package api

import (
	"bufio"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"
)

// buckets are the upper bounds of the latency histogram, in seconds.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type routeStatus struct {
	route  string
	status int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last one is +Inf
	sum    float64
	n      uint64
}

// metrics counts requests by route and status and their latency by route. It is written
// out in the Prometheus text format by hand (no client library needed for so little).
type metrics struct {
	mu       sync.Mutex
	requests map[routeStatus]uint64
	latency  map[string]*histogram
}

func newMetrics() *metrics {
	return &metrics{requests: map[routeStatus]uint64{}, latency: map[string]*histogram{}}
}

// recorder remembers the status a handler wrote.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		if r.status == 0 {
			r.status = http.StatusOK
		}
		f.Flush()
	}
}

func (r *recorder) wroteHeader() bool { return r.status != 0 }

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (m *metrics) wrap(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		m.observe(route, rec.status, time.Since(start).Seconds())
	})
}

func (m *metrics) observe(route string, status int, secs float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[routeStatus{route, status}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(buckets)+1)}
		m.latency[route] = h
	}
	i := sort.SearchFloat64s(buckets, secs)
	h.counts[i]++
	h.sum += secs
	h.n++
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	bw := bufio.NewWriter(w)
	m := s.metrics
	m.mu.Lock()
	keys := make([]routeStatus, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	fmt.Fprintln(bw, "# HELP griot_http_requests_total HTTP requests by route and status code.")
	fmt.Fprintln(bw, "# TYPE griot_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(bw, "griot_http_requests_total{route=%q,code=\"%d\"} %d\n", k.route, k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	fmt.Fprintln(bw, "# HELP griot_http_request_duration_seconds Latency of HTTP requests by route.")
	fmt.Fprintln(bw, "# TYPE griot_http_request_duration_seconds histogram")
	for _, route := range routes {
		h := m.latency[route]
		var cum uint64
		for i, b := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(bw, "griot_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", route, strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		cum += h.counts[len(buckets)]
		fmt.Fprintf(bw, "griot_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", route, cum)
		fmt.Fprintf(bw, "griot_http_request_duration_seconds_sum{route=%q} %g\n", route, h.sum)
		fmt.Fprintf(bw, "griot_http_request_duration_seconds_count{route=%q} %d\n", route, h.n)
	}
	m.mu.Unlock()
	for _, g := range []struct {
		name, help string
		v          int64
	}{
		{"griot_documents", "Documents stored.", st.Documents},
		{"griot_events", "Events stored.", st.Events},
		{"griot_event_clusters", "Event clusters (real events) stored.", st.Clusters},
		{"griot_actors", "Distinct actors stored.", st.Actors},
		{"griot_quotes", "Quotes stored.", st.Quotes},
	} {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s gauge\n%s %d\n", g.name, g.help, g.name, g.name, g.v)
	}
	return bw.Flush()
}
