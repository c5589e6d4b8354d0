package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/store"
)

// Document reads back a stored document and its reading (tokens are not stored: run the
// segment stage again if you need them).
func (s *DB) Document(ctx context.Context, idOrSHA string) (*doc.Document, error) {
	var pk int64
	var pub, sents, mentions, timexes, quotes string
	d := &doc.Document{}
	err := s.db.QueryRowContext(ctx, s.rebind(`SELECT pk, sha256, id, lang, published, source, url, title, text, sentences, mentions, timexes, quotes FROM documents WHERE sha256 = ? OR id = ? ORDER BY pk LIMIT 1`), idOrSHA, idOrSHA).
		Scan(&pk, &d.SHA256, &d.ID, &d.Lang, &pub, &d.Source, &d.URL, &d.Title, &d.Text, &sents, &mentions, &timexes, &quotes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", idOrSHA, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", idOrSHA, err)
	}
	if pub != "" {
		d.Published, _ = time.Parse(time.DateOnly, pub)
		d.Anchor = d.Published
	}
	var ss [][3]int
	if err := json.Unmarshal([]byte(sents), &ss); err != nil {
		return nil, fmt.Errorf("document %q: sentences: %w", idOrSHA, err)
	}
	for _, x := range ss {
		d.Sentences = append(d.Sentences, doc.Sentence{Start: x[0], End: x[1], Para: x[2]})
	}
	// The packed layers of schema version 5; "[]" leaves the slice nil.
	for _, l := range []struct {
		name, text string
		dst        any
	}{{"mentions", mentions, &d.Mentions}, {"timexes", timexes, &d.Timexes}, {"quotes", quotes, &d.Quotes}} {
		if l.text == "[]" {
			continue
		}
		if err := json.Unmarshal([]byte(l.text), l.dst); err != nil {
			return nil, fmt.Errorf("document %q: %s: %w", idOrSHA, l.name, err)
		}
	}
	q := func(query string, scan func(*sql.Rows) error) error {
		rows, err := s.db.QueryContext(ctx, s.rebind(query), pk)
		if err != nil {
			return fmt.Errorf("document %q: %w", idOrSHA, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("document %q: %w", idOrSHA, err)
			}
		}
		return rows.Err()
	}
	err = q(`SELECT actor_id, name, kind, country, sector, wikidata, role FROM actors WHERE doc_pk = ? ORDER BY actor_id`, func(r *sql.Rows) error {
		var a doc.Actor
		var sector string
		if err := r.Scan(&a.ID, &a.Name, &a.Kind, &a.Country, &sector, &a.Wikidata, &a.Role); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(sector), &a.Sector); err != nil {
			return err
		}
		d.Actors = append(d.Actors, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = q(`SELECT platform, author, handle, date, start_off, end_off, actor_id FROM posts WHERE doc_pk = ? ORDER BY ord`, func(r *sql.Rows) error {
		var p doc.Post
		if err := r.Scan(&p.Platform, &p.Author, &p.Handle, &p.Date, &p.Start, &p.End, &p.Actor); err != nil {
			return err
		}
		d.Posts = append(d.Posts, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = q(`SELECT body FROM events WHERE doc_pk = ? ORDER BY ord`, func(r *sql.Rows) error {
		var body string
		var e doc.Event
		if err := r.Scan(&body); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return err
		}
		d.Events = append(d.Events, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// Documents lists documents in SHA-256 order after q.After, those holding q.Text's words
// when it has any.
func (s *DB) Documents(ctx context.Context, q store.DocQuery) ([]store.DocInfo, error) {
	limit := q.Limit
	if limit <= 0 || limit > store.MaxLimit {
		limit = store.MaxLimit
	}
	where, args := ` WHERE d.sha256 > ?`, []any{q.After}
	if w := words(q.Text); len(w) > 0 {
		where += ` AND ` + s.d.DocText
		args = append(args, s.d.Query(w))
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT d.id, d.sha256, d.lang, d.published, d.source, d.url, d.title,
		(SELECT COUNT(*) FROM events e WHERE e.doc_pk = d.pk) FROM documents d`+where+` ORDER BY d.sha256 LIMIT ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	defer rows.Close()
	var out []store.DocInfo
	for rows.Next() {
		var d store.DocInfo
		if err := rows.Scan(&d.ID, &d.SHA256, &d.Lang, &d.Published, &d.Source, &d.URL, &d.Title, &d.Events); err != nil {
			return nil, fmt.Errorf("listing documents: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	return out, nil
}

// Actors lists actors across documents, most named first.
func (s *DB) Actors(ctx context.Context, q string, limit, offset int) ([]store.ActorInfo, error) {
	if limit <= 0 || limit > store.MaxLimit {
		limit = 100
	}
	where, args := "", []any{}
	if q = strings.TrimSpace(q); q != "" {
		// Ids are folded already; names are matched case-insensitively on their prefix.
		where = ` WHERE a.actor_id LIKE ? OR LOWER(a.name) LIKE ?`
		args = append(args, likePrefix(fold(q)), likePrefix(strings.ToLower(q)))
	}
	args = append(args, limit, max(0, offset))
	rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT a.actor_id, MAX(a.name), MAX(a.kind), MAX(a.country), MAX(a.sector), MAX(a.wikidata), MAX(a.role),
		COUNT(*) AS docs, (SELECT COUNT(DISTINCT ea.event_pk) FROM event_actors ea WHERE ea.actor_id = a.actor_id)
		FROM actors a`+where+` GROUP BY a.actor_id ORDER BY docs DESC, a.actor_id LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("listing actors: %w", err)
	}
	defer rows.Close()
	var out []store.ActorInfo
	for rows.Next() {
		var a store.ActorInfo
		var sector string
		if err := rows.Scan(&a.ID, &a.Name, &a.Kind, &a.Country, &sector, &a.Wikidata, &a.Role, &a.Documents, &a.Events); err != nil {
			return nil, fmt.Errorf("listing actors: %w", err)
		}
		if err := json.Unmarshal([]byte(sector), &a.Sector); err != nil {
			a.Sector = []string{}
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing actors: %w", err)
	}
	return out, nil
}

// likePrefix escapes LIKE's wildcards and appends one.
func likePrefix(s string) string {
	return strings.NewReplacer("%", "", "_", "").Replace(s) + "%"
}
