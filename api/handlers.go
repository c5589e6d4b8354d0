package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
)

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	q, err := ParseEventQuery(r.URL.Query())
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	p, err := Events(r.Context(), s.st, q)
	if err != nil {
		return err
	}
	return writeJSON(w, p)
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	v, err := EventDetail(r.Context(), s.st, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, v)
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	for k := range v {
		if k != "q" && k != "limit" && k != "offset" {
			return errorf(http.StatusBadRequest, "unknown parameter %q (known: q, limit, offset)", k)
		}
	}
	limit, err := intParam(v, "limit", 50, 1, 1000)
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	offset, err := intParam(v, "offset", 0, 0, 1_000_000)
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	as, err := s.st.Actors(r.Context(), strings.TrimSpace(v.Get("q")), limit, offset)
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	if as == nil {
		as = []store.ActorInfo{}
	}
	return writeJSON(w, map[string]any{"actors": as, "limit": limit, "offset": offset})
}

func (s *Server) actor(w http.ResponseWriter, r *http.Request) error {
	v, err := ActorDetail(r.Context(), s.st, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, v)
}

func (s *Server) relations(w http.ResponseWriter, r *http.Request) error {
	q, err := ParseRelationQuery(r.URL.Query())
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	rel, err := s.rels.get(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, rel)
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	for k := range v {
		if k != "after" && k != "limit" && k != "q" {
			return errorf(http.StatusBadRequest, "unknown parameter %q (known: q, after, limit)", k)
		}
	}
	limit, err := intParam(v, "limit", 50, 1, store.MaxLimit)
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	q := v.Get("q")
	ds, err := s.st.Documents(r.Context(), store.DocQuery{After: v.Get("after"), Limit: limit, Text: q})
	if err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	if ds == nil {
		ds = []store.DocInfo{}
	}
	out := map[string]any{"documents": ds}
	if len(ds) == limit {
		next := url.Values{"after": {ds[len(ds)-1].SHA256}, "limit": {strconv.Itoa(limit)}}
		if q != "" {
			next.Set("q", q)
		}
		out["next"] = "/api/documents?" + next.Encode()
	}
	return writeJSON(w, out)
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	d, err := s.st.Document(r.Context(), id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errorf(http.StatusNotFound, "no document %q", id)
		}
		return fmt.Errorf("document %s: %w", id, err)
	}
	return writeJSON(w, ViewDocument(d))
}

// PostedDocument is the body of POST /api/documents.
type PostedDocument struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD (or RFC 3339)
	Lang      string `json:"lang"`      // fr, en, or "" / auto
	Title     string `json:"title"`
	Source    string `json:"source"`
	Text      string `json:"text"`
}

// PostResult answers POST /api/documents.
type PostResult struct {
	ID     string   `json:"id"`
	SHA256 string   `json:"sha256"`
	Lang   string   `json:"lang"`
	Added  bool     `json:"added"` // false: the same text was already stored
	Events []string `json:"events"`
	URL    string   `json:"url"` // GET it for the reading
}

func (s *Server) postDocument(w http.ResponseWriter, r *http.Request) error {
	if err := s.checkToken(r); err != nil {
		return err
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return errorf(http.StatusUnsupportedMediaType, "Content-Type %q: send application/json", ct)
	}
	body := http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var in PostedDocument
	if err := dec.Decode(&in); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errorf(http.StatusRequestEntityTooLarge, "body larger than %d bytes", s.opts.MaxBody)
		}
		return errorf(http.StatusBadRequest, "bad JSON body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errorf(http.StatusBadRequest, "bad JSON body: one object expected")
	}
	o, err := in.options()
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	if err := pipeline.CheckText(in.Text); err != nil {
		return errorf(http.StatusBadRequest, "text: %v", err)
	}
	p, err := s.pipeline()
	if err != nil {
		return err
	}
	d, err := p.Run(r.Context(), in.Text, o)
	if err != nil {
		return errorf(http.StatusUnprocessableEntity, "reading the text: %v", err)
	}
	added, err := s.st.PutDocument(r.Context(), d)
	if err != nil {
		return fmt.Errorf("storing document %s: %w", d.ID, err)
	}
	if added {
		s.rels.clear()
	}
	res := PostResult{ID: d.ID, SHA256: d.SHA256, Lang: d.Lang, Added: added, Events: []string{}, URL: "/api/documents/" + d.SHA256}
	for i := range d.Events {
		res.Events = append(res.Events, store.EventID(d.SHA256, &d.Events[i], i))
	}
	if added {
		w.Header().Set("Location", res.URL)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
	}
	return writeJSON(w, res)
}

func (in PostedDocument) options() (pipeline.Options, error) {
	o := pipeline.Options{ID: strings.TrimSpace(in.ID), Lang: in.Lang, Source: in.Source, URL: in.URL, Title: in.Title}
	if len(o.ID) > 200 {
		return o, fmt.Errorf("id is %d bytes long: at most 200", len(o.ID))
	}
	switch in.Lang {
	case "", "auto", "fr", "en":
	default:
		return o, fmt.Errorf("lang=%q: want fr, en or auto", in.Lang)
	}
	if in.Published != "" {
		t, err := time.Parse(time.DateOnly, in.Published)
		if err != nil {
			t2, err2 := time.Parse(time.RFC3339, in.Published)
			if err2 != nil {
				return o, fmt.Errorf("published=%q: want YYYY-MM-DD or RFC 3339", in.Published)
			}
			t = t2
		}
		o.Published = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return o, nil
}
