// Package sqlite is griot's embedded store: one SQLite file through the pure-Go
// modernc.org/sqlite driver, in WAL mode, with FTS5 full-text search (accents and case
// ignored). Importing it registers the sqlite:// scheme with store.Open:
//
//	sqlite://griot.db            a file relative to the working directory
//	sqlite:///var/lib/griot.db   an absolute path
//	sqlite://:memory:            a private in-memory store (tests)
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/griot-project/griot/store"
	"github.com/griot-project/griot/store/internal/sqlstore"
)

func init() {
	store.Register("sqlite", func(ctx context.Context, u string) (store.Store, error) {
		return Open(ctx, strings.TrimPrefix(u, "sqlite://"))
	})
}

var dialect = sqlstore.Dialect{
	Name: "sqlite",
	PK:   "INTEGER PRIMARY KEY",
	FTS: []string{
		`CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='pk', tokenize='unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', content_rowid='pk', tokenize='unicode61 remove_diacritics 2')`,
	},
	// Schema version 4: the tables keyed by document and ordinal without rowids.
	V4: sqlstore.ClusteredV4,
	// Schema version 5: mentions, time expressions and quotes packed on the document row.
	V5: sqlstore.PackV5(
		func(object, ord string) string { return `json_group_array(` + object + ` ORDER BY ` + ord + `)` },
		func(kv ...string) string { return `json_object(` + strings.Join(kv, ", ") + `)` },
		func(x string) string { return `json(CASE WHEN ` + x + ` <> 0 THEN 'true' ELSE 'false' END)` },
		func(x string) string { return `json(` + x + `)` }),
	// Schema version 6: the documents' full-text table keeps which documents hold a word,
	// not where (detail=none). No query asks for a phrase or a position in document text
	// (a query's words are matched each on its own: Query), and the positions were most of
	// what indexing a document wrote.
	V6:     FTS6,
	Writer: "0",
	// The rowid SQLite gives a row inserted without one.
	NextPK: `SELECT COALESCE(MAX(pk), 0) + 1 FROM documents`,
	AfterDocuments: []string{
		`INSERT INTO documents_fts (rowid, title, text) SELECT pk, title, text FROM documents WHERE pk IN (SELECT value FROM json_each(?)) ORDER BY pk`,
		`INSERT INTO events_fts (rowid, evidence) SELECT pk, evidence FROM events WHERE doc_pk IN (SELECT value FROM json_each(?)) ORDER BY pk`,
	},
	LocationField: func(f string) string { return `json_extract(body, '$.location.` + f + `')` },
	EventText:     `e.pk IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`,
	DocText:       `d.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`,
	Query: func(words []string) string {
		// Every word quoted: the user's text is never read as FTS5 query syntax.
		q := make([]string, len(words))
		for i, w := range words {
			q[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		}
		return strings.Join(q, " ")
	},
}

// FTS6 is schema version 6 of SQLite: documents_fts again with detail=none, filled from
// the documents already stored. The statements can run again (schema_migrations is taken
// back by tests).
var FTS6 = []string{
	`DROP TABLE IF EXISTS documents_fts`,
	`CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='pk', detail=none, tokenize='unicode61 remove_diacritics 2')`,
	`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`,
}

// Open opens (creating it if needed) the SQLite store at path and migrates it.
func Open(ctx context.Context, path string) (*sqlstore.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite store: empty path (want sqlite://PATH)")
	}
	q := url.Values{}
	// temp_store and cache_size keep the per-document savepoint journals and the hot pages in
	// memory: on a 50 MB ingest the store was paying for pwrite and pread more than for SQL.
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(OFF)", "temp_store(MEMORY)", "cache_size(-65536)", "wal_autocheckpoint(10000)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	memory := path == ":memory:"
	if memory {
		dsn = "file::memory:?" + q.Encode()
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	d := dialect
	if memory {
		db.SetMaxOpenConns(1) // each connection would be its own database
	} else {
		d.OneWriter = true
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	return sqlstore.New(ctx, db, d)
}
