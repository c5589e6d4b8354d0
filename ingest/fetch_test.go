package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

func TestFetch(t *testing.T) {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile("testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Les ministres se sont rencontrés lundi à Niamey pour parler de sécurité."))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("mot ", 5000)))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/page", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	o := Options{Fetcher: &Fetcher{AllowPrivate: true, PerHost: time.Millisecond}, MaxBytes: 4000}
	docs, errs, _ := collect(t, []string{srv.URL + "/page", srv.URL + "/feed", srv.URL + "/text", srv.URL + "/missing", srv.URL + "/big", srv.URL + "/moved"}, o)
	if d := docs[srv.URL+"/page"]; d == nil || d.Title != "Minister visits Dakar" || d.URL != srv.URL+"/page" || !strings.Contains(d.Text, "Macky Sall") {
		t.Errorf("page: %+v", d)
	}
	if d := docs[srv.URL+"/moved"]; d == nil || d.URL != srv.URL+"/page" {
		t.Errorf("redirected page: %+v (its URL should be where it was found)", d)
	}
	if d := docs[srv.URL+"/feed#item1"]; d == nil || d.ID != "r1" {
		t.Errorf("feed item: %+v; docs %v", d, docs)
	}
	if d := docs[srv.URL+"/text"]; d == nil || d.URL != srv.URL+"/text" || !strings.Contains(d.Text, "Niamey") {
		t.Errorf("text: %+v", d)
	}
	if err := errs[srv.URL+"/missing"]; err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing page: error %v, want HTTP 404", err)
	}
	if err := errs[srv.URL+"/big"]; !errors.Is(err, ErrTooLarge) {
		t.Errorf("big page: error %v, want ErrTooLarge", err)
	}

	// Without AllowPrivate the loopback server is refused, whatever the URL says.
	_, errs, _ = collect(t, []string{srv.URL + "/page", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/page"}, Options{})
	if len(errs) != 2 {
		t.Fatalf("private addresses: %v", errs)
	}
	for origin, err := range errs {
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("%s: error %v, want ErrPrivateAddress", origin, err)
		}
	}
}

func TestFetchPerHostRate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("Un texte assez long pour être un article de presse sur la diplomatie au Sahel."))
	}))
	defer srv.Close()
	f := &Fetcher{AllowPrivate: true, PerHost: 150 * time.Millisecond}
	start := time.Now()
	for i := range 3 {
		if err := f.Fetch(context.Background(), srv.URL+"/"+string(rune('a'+i)), Options{}, func(Item) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("3 requests to one host in %v, want at least 2 intervals of 150 ms", d)
	}
}
