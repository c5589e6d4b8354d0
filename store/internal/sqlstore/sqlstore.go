// Package sqlstore is the store.Store written once over database/sql for SQLite and
// PostgreSQL; a Dialect says what differs (primary keys, placeholders, full-text search).
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/griot-project/griot/cluster"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
	"github.com/griot-project/griot/store"
)

// Dialect is what differs between SQL engines.
type Dialect struct {
	Name string
	// PK is the column type of an auto-increment primary key.
	PK string
	// Dollar numbers placeholders $1, $2… instead of ?.
	Dollar bool
	// MigrateLock is run first in the migration transaction (serialises concurrent
	// migrations), or "".
	MigrateLock string
	// FTS are the statements that add full-text search to schema version 1.
	FTS []string
	// V4 are the dialect's own statements of schema version 4, run after schemaV4's
	// (SQLite: ClusteredV4 and full-text tables without positions).
	V4 []string
	// V5 fills schema version 5's packed columns from the old tables (PackV5), between
	// adding the columns and dropping the tables.
	V5 []string
	// V6 are the dialect's statements of schema version 6 (SQLite: sqlite.FTS6; none on
	// PostgreSQL).
	V6 []string
	// Writer is the SQL expression of the doc_totals row a write transaction adds its
	// counts to: SQLite has one writer at a time ("0"); on PostgreSQL each connection has its
	// row (pg_backend_pid()), so that concurrent writers never wait for each other's.
	Writer string
	// AfterDocuments are run after documents and their events are inserted, with the
	// documents' pks as a JSON array as their one argument (SQLite fills its FTS5 tables
	// this way: one statement a batch, since FTS5 flushes its pending terms at the start
	// of every statement that writes to it).
	AfterDocuments []string
	// KeyLocks, run in every write transaction once its documents' rows are inserted and
	// before their events are put in clusters, with the sorted lock ids of the batch's
	// cluster keys as its one argument, makes concurrent writers of the same cluster keys
	// wait for each other (PostgreSQL advisory locks), or "" (SQLite has one writer at a
	// time).
	KeyLocks string
	// TSV adds a tsv column (to_tsvector('simple', folded text)) to document and event
	// inserts (PostgreSQL).
	TSV bool
	// EventText and DocText are SQL conditions (one placeholder) matching a full-text
	// query over event evidence (alias e) or document text (alias d); Query turns the
	// user's words into the placeholder's argument.
	EventText, DocText string
	Query              func(words []string) string
	// LocationField is the expression of the field of the location object in the JSON
	// text column events.body, as text or number (NULL when absent): used once, to fill the
	// place columns of events stored before schema version 3.
	LocationField func(field string) string
	// OneWriter writes every batch through the same connection (SQLite: a connection's
	// page cache is dropped whenever another connection has written since it last read, so
	// writes through whichever pooled connection is free kept re-reading the file).
	OneWriter bool
	// NextPK is the query of the pk the next document row will likely be given (SQLite:
	// the largest plus one; PostgreSQL: the identity sequence's next value). It is a guess:
	// a document's row is written with its near-duplicate canonical pk, which may be the
	// pk of the row itself or of an earlier row of the batch, and the rows guessed wrong
	// (a document of the batch stored already, another writer taking the pk) are corrected
	// after the INSERT.
	NextPK string
	// Pipeline, when not nil, runs statements of a write transaction whose results are not
	// read in one round trip on the transaction's driver connection (sql.Conn.Raw), in
	// order, failing at the first that fails (PostgreSQL: a pgx batch): the roll-up, the
	// locks, the layers without generated keys and the cluster members of a batch are sent
	// together before its next query and its commit.
	Pipeline func(ctx context.Context, driverConn any, stmts []Queued) error
}

// DB is a store.Store over a database/sql handle.
type DB struct {
	db *sql.DB
	d  Dialect

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared fixed statements of the write path

	wmu   sync.Mutex // held while a batch is written through wconn (Dialect.OneWriter)
	wconn *sql.Conn

	// has is HasDocument's query, prepared once by New: before any writer can hold a
	// connection, and outside mu (preparing under mu could wait forever for the one
	// connection of a one-connection pool, held by a writer that needs mu).
	has *sql.Stmt

	pmu   sync.Mutex
	pipes map[*sql.Tx]*pipe // write transactions whose statements are queued (Dialect.Pipeline)
}

const hasDocument = `SELECT 1 FROM documents WHERE sha256 = ?`

// begin starts a write transaction; done must be called when it is over.
func (s *DB) begin(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	if !s.d.OneWriter {
		tx, err = s.db.BeginTx(ctx, nil)
		return tx, func() {}, err
	}
	s.wmu.Lock()
	if s.wconn == nil {
		if s.wconn, err = s.db.Conn(ctx); err != nil {
			s.wmu.Unlock()
			return nil, nil, err
		}
	}
	if tx, err = s.wconn.BeginTx(ctx, nil); err != nil {
		s.wconn.Close() // a new connection next time
		s.wconn = nil
		s.wmu.Unlock()
		return nil, nil, err
	}
	return tx, s.wmu.Unlock, nil
}

// prepared returns the statement for a query, prepared once. The cache is not bounded:
// queries are fixed, or built in a few sizes (insertReturning, clusterEvents), never from
// data.
func (s *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.stmts[query]; st != nil {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, s.rebind(query))
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = st
	return st, nil
}

// txStmt returns the statement of a query inside tx. A pool of one connection (an
// in-memory SQLite store) cannot prepare outside the transaction that holds its only
// connection — that would wait for it forever — so there the statement is prepared on
// the transaction and closed with it.
func (s *DB) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if s.db.Stats().MaxOpenConnections == 1 {
		return tx.PrepareContext(ctx, s.rebind(query))
	}
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return tx.StmtContext(ctx, st), nil
}

// txExec runs a prepared statement inside tx, or queues it when tx is pipelined (the
// Result is then nil).
func (s *DB) txExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if s.queue(tx, query, args) {
		return nil, nil
	}
	st, err := s.txStmt(ctx, tx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (s *DB) txQuery(ctx context.Context, tx *sql.Tx, query string, args ...any) (*sql.Rows, error) {
	if err := s.flush(ctx, tx); err != nil {
		return nil, err
	}
	st, err := s.txStmt(ctx, tx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

var _ store.Store = (*DB)(nil)

// New wraps an open database and migrates it.
func New(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d}
	if err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	has, err := db.PrepareContext(ctx, s.rebind(hasDocument))
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("preparing the document lookup: %w", err)
	}
	s.has = has
	return s, nil
}

// SQL returns the underlying handle (for tests and tools).
func (s *DB) SQL() *sql.DB { return s.db }

func (s *DB) rebind(q string) string {
	if !s.d.Dollar {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// migrations are the schema versions in order.
func (s *DB) migrations() [][]string {
	v1 := statements(strings.ReplaceAll(schemaV1, "PKCOL", s.d.PK))
	v1 = append(v1, s.d.FTS...)
	v2 := statements(strings.ReplaceAll(schemaV2, "PKCOL", s.d.PK))
	v3 := append(statements(schemaV3), placeBackfill(s.d.LocationField))
	v4 := append(statements(schemaV4), s.d.V4...)
	v5 := append(append(statements(schemaV5Add), s.d.V5...), statements(schemaV5Drop)...)
	return [][]string{v1, v2, v3, v4, v5, s.d.V6, statements(schemaV7)}
}

// Migrate applies the schema versions not yet recorded in schema_migrations.
func (s *DB) Migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if s.d.MigrateLock != "" {
		if _, err := tx.ExecContext(ctx, s.d.MigrateLock); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: creating schema_migrations: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("migrate: reading version: %w", err)
	}
	for i, stmts := range s.migrations() {
		v := i + 1
		if v <= have {
			continue
		}
		for _, st := range stmts {
			if _, err := tx.ExecContext(ctx, st); err != nil {
				return fmt.Errorf("migrate to version %d: %w\n%s", v, err, st)
			}
		}
		if _, err := tx.ExecContext(ctx, s.rebind(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), v, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("migrate to version %d: %w", v, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit: %w", err)
	}
	return nil
}

// Close closes the database.
func (s *DB) Close() error {
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.mu.Unlock()
	if s.has != nil {
		s.has.Close()
	}
	s.wmu.Lock()
	if s.wconn != nil {
		s.wconn.Close()
		s.wconn = nil
	}
	s.wmu.Unlock()
	return s.db.Close()
}

// HasDocument reports whether a document with that SHA-256 is stored.
func (s *DB) HasDocument(ctx context.Context, sha string) (bool, error) {
	var one int
	err := s.has.QueryRowContext(ctx, sha).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("looking up document %s: %w", sha, err)
	}
	return true, nil
}

// insertRows writes rows with multi-row INSERTs. exprs, when not nil, gives each
// column's value expression (default "?").
func (s *DB) insertRows(ctx context.Context, tx *sql.Tx, table string, cols, exprs []string, rows [][]any) error {
	return s.insertReturning(ctx, tx, table, cols, exprs, rows, "", "", nil)
}

// insertReturning writes rows with multi-row INSERTs (with the conflict clause, when not
// "") and, when returning is not "", hands each returned row to scan. The statements have a few fixed sizes, so that they stay
// prepared: chunkRows rows, then what is left in powers of two (at most log2(chunkRows)+1
// statement shapes a table).
func (s *DB) insertReturning(ctx context.Context, tx *sql.Tx, table string, cols, exprs []string, rows [][]any, conflict, returning string, scan func(*sql.Rows) error) error {
	if len(rows) == 0 {
		return nil
	}
	row := "(" + strings.Repeat("?, ", len(cols)-1) + "?)"
	if exprs != nil {
		row = "(" + strings.Join(exprs, ", ") + ")"
	}
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	tail := ""
	if conflict != "" {
		tail = " " + conflict
	}
	if returning != "" {
		tail += " RETURNING " + returning
	}
	per := chunkRows(len(cols))
	args := make([]any, 0, min(per, len(rows))*len(cols))
	for lo := 0; lo < len(rows); {
		n := min(per, 1<<(bits.Len(uint(len(rows)-lo))-1))
		query := head + strings.Repeat(row+", ", n-1) + row + tail
		args = args[:0]
		for _, r := range rows[lo : lo+n] {
			args = append(args, r...)
		}
		lo += n
		if scan == nil {
			if _, err := s.txExec(ctx, tx, query, args...); err != nil {
				return fmt.Errorf("writing %s: %w", table, err)
			}
			continue
		}
		res, err := s.txQuery(ctx, tx, query, args...)
		if err != nil {
			return fmt.Errorf("writing %s: %w", table, err)
		}
		for res.Next() {
			if err := scan(res); err != nil {
				res.Close()
				return fmt.Errorf("writing %s: %w", table, err)
			}
		}
		res.Close()
		if err := res.Err(); err != nil {
			return fmt.Errorf("writing %s: %w", table, err)
		}
	}
	return nil
}

// chunkRows is how many rows of cols columns the largest INSERT writes: a power of two,
// at most 128 rows and about 2,000 values.
func chunkRows(cols int) int {
	n := 1
	for n < 128 && 2*n*cols <= 2000 {
		n *= 2
	}
	return n
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

func fold(s string) string { return normalize.String(s) }

// PutDocument writes d and its reading in one transaction, unless its hash is stored.
func (s *DB) PutDocument(ctx context.Context, d *doc.Document) (bool, error) {
	if d != nil && d.SHA256 != "" {
		// Stored already: answer without taking the write lock.
		if ok, err := s.HasDocument(ctx, d.SHA256); err != nil || ok {
			return false, err
		}
	}
	res, err := s.PutDocuments(ctx, []*doc.Document{d})
	if err != nil {
		return false, err
	}
	return res[0].Added, res[0].Err
}

// PutDocuments writes documents in one transaction. Documents are written in SHA-256
// order, cluster keys locked in order and roll-up rows updated in order, so that
// concurrent writers (PostgreSQL) never wait on each other in a cycle; a deadlock or
// serialization failure anyway is retried. The batch is written as a whole, each table's
// rows in a few multi-row statements that stay prepared; when a document of it fails, the
// transaction is rolled back and the batch written again one document at a time, each
// inside its own savepoint, so that the document that fails is rolled back alone and its
// error returned in its result.
func (s *DB) PutDocuments(ctx context.Context, docs []*doc.Document) ([]store.PutResult, error) {
	for attempt := 0; ; attempt++ {
		res, err := s.putDocuments(ctx, docs, false)
		var df *docFailure
		if errors.As(err, &df) {
			res, err = s.putDocuments(ctx, docs, true)
		}
		if err == nil || attempt == 4 || !retryable(err) {
			return res, err
		}
		time.Sleep(time.Duration(50*(attempt+1)) * time.Millisecond)
	}
}

// docFailure is a write failing in a batch written as a whole: the batch is written again
// one document at a time to find the document at fault.
type docFailure struct{ err error }

func (e *docFailure) Error() string { return e.err.Error() }
func (e *docFailure) Unwrap() error { return e.err }

// retryable reports a PostgreSQL deadlock or serialization failure.
func retryable(err error) bool {
	m := err.Error()
	return strings.Contains(m, "40P01") || strings.Contains(m, "40001")
}

// checkDocument is the error of a document that cannot be written at all.
func checkDocument(d *doc.Document) error {
	switch {
	case d == nil:
		return errors.New("put document: nil document")
	case d.SHA256 == "":
		return fmt.Errorf("put document %s: no SHA256 (make documents with pipeline.NewDocument)", d.ID)
	}
	return nil
}

// putDocuments writes docs in one transaction: as a whole, or (perDoc) one document at a
// time inside savepoints.
func (s *DB) putDocuments(ctx context.Context, docs []*doc.Document, perDoc bool) ([]store.PutResult, error) {
	res := make([]store.PutResult, len(docs))
	if len(docs) == 0 {
		return res, nil
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sha := func(i int) string {
		if docs[i] == nil {
			return ""
		}
		return docs[i].SHA256
	}
	sort.SliceStable(order, func(a, b int) bool { return sha(order[a]) < sha(order[b]) })
	// A batch as a whole is pipelined; one document at a time is not, so that each
	// document's failure is known before its savepoint is released.
	begin := s.beginPipelined
	if perDoc {
		begin = s.begin
	}
	tx, done, err := begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	defer done()
	defer tx.Rollback()
	if perDoc {
		// One document at a time, each finding its clusters before the next is inserted:
		// the locks are taken first, as a whole.
		if err := s.lockKeys(ctx, tx, docs); err != nil {
			return nil, fmt.Errorf("put documents: %w", err)
		}
	}
	total := map[dyadKey]*dyadVal{}
	var tot docTotals
	if perDoc {
		if err := s.putEach(ctx, tx, docs, order, res, total, &tot); err != nil {
			return nil, err
		}
	} else if err := s.putBatch(ctx, tx, docs, order, res, total, &tot); err != nil {
		if retryable(err) {
			return nil, fmt.Errorf("put documents: %w", err)
		}
		return nil, &docFailure{fmt.Errorf("put documents: %w", err)}
	}
	if err := s.putDyads(ctx, tx, total); err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	if err := s.putTotals(ctx, tx, tot); err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	if err := s.flush(ctx, tx); err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put documents: commit: %w", err)
	}
	return res, nil
}

// putBatch writes the documents (in order) as a whole: the documents' rows one by one, then
// every table's rows of the batch together, then each document's full-text entries, near
// duplicates and clusters, in the same order. Any error fails the batch.
func (s *DB) putBatch(ctx context.Context, tx *sql.Tx, docs []*doc.Document, order []int, res []store.PutResult, total map[dyadKey]*dyadVal, tot *docTotals) error {
	type put struct {
		i  int
		pk int64
	}
	var puts []put
	var w layerRows
	var ok []int
	var ds []*doc.Document
	for _, i := range order {
		if err := checkDocument(docs[i]); err != nil {
			res[i].Err = err
			continue
		}
		ok = append(ok, i)
		ds = append(ds, docs[i])
	}
	dws, err := s.insertDocuments(ctx, tx, ds)
	if err != nil {
		return err
	}
	var ws []written
	for k, i := range ok {
		if pk := dws[k].pk; pk != 0 {
			addDyads(total, s.putLayers(pk, docs[i], &w))
			puts = append(puts, put{i, pk})
			ws = append(ws, dws[k])
		}
	}
	events, err := s.writeLayers(ctx, tx, &w)
	if err != nil {
		return err
	}
	pks := make([]int64, len(puts))
	for k, p := range puts {
		pks[k] = p.pk
	}
	if err := s.afterDocuments(ctx, tx, pks); err != nil {
		return err
	}
	// Only now, with the batch's rows inserted, wait for the writers of the same cluster
	// keys: concurrent writers insert their documents, events and layers in parallel and
	// take turns for the clusters and the commit alone.
	if err := s.lockKeys(ctx, tx, ds); err != nil {
		return err
	}
	dups, err := s.finishBatch(ctx, tx, ws, events)
	if err != nil {
		return err
	}
	// What the batch's documents queued fails the batch here, to be written again one
	// document at a time.
	if err := s.flush(ctx, tx); err != nil {
		return err
	}
	for _, p := range puts {
		res[p.i].Added = true
		tot.add(docs[p.i])
	}
	tot.nearDuplicates += dups
	return nil
}

// putEach writes the documents (in order) one at a time, each inside its own savepoint: a
// document that fails is rolled back alone and its error returned in its result.
func (s *DB) putEach(ctx context.Context, tx *sql.Tx, docs []*doc.Document, order []int, res []store.PutResult, total map[dyadKey]*dyadVal, tot *docTotals) error {
	for _, i := range order {
		d := docs[i]
		if err := checkDocument(d); err != nil {
			res[i].Err = err
			continue
		}
		if _, err := s.txExec(ctx, tx, `SAVEPOINT griot_doc`); err != nil {
			return fmt.Errorf("put documents: %w", err)
		}
		added, dyads, dups, err := s.putOne(ctx, tx, d)
		if err != nil {
			if retryable(err) {
				return fmt.Errorf("put documents: %w", err)
			}
			res[i].Err = fmt.Errorf("put document %s: %w", d.ID, err)
			if _, rerr := s.txExec(ctx, tx, `ROLLBACK TO SAVEPOINT griot_doc`); rerr != nil {
				return fmt.Errorf("put documents: %w (after %w)", rerr, err)
			}
		}
		res[i].Added = added && err == nil
		if res[i].Added {
			addDyads(total, dyads)
			tot.add(d)
			tot.nearDuplicates += dups
		}
		if _, err := s.txExec(ctx, tx, `RELEASE SAVEPOINT griot_doc`); err != nil {
			return fmt.Errorf("put documents: %w", err)
		}
	}
	return nil
}

// addDyads adds a document's roll-up deltas to the batch's.
func addDyads(total, dyads map[dyadKey]*dyadVal) {
	for k, v := range dyads {
		t := total[k]
		if t == nil {
			t = &dyadVal{}
			total[k] = t
		}
		t.events += v.events
		t.goldstein += v.goldstein
		for q := range t.quad {
			t.quad[q] += v.quad[q]
		}
	}
}

// lockKeys takes the dialect's locks on the cluster keys of the documents' events
// (Dialect.KeyLocks), held until the transaction ends. Every lock a writer waits for is
// taken in this one statement, after which it only inserts rows of its own or touches
// clusters of its keys and roll-up rows in key order: writers never wait on each other in
// a cycle.
func (s *DB) lockKeys(ctx context.Context, tx *sql.Tx, docs []*doc.Document) error {
	if s.d.KeyLocks == "" {
		return nil
	}
	if err := s.exec(ctx, tx, s.d.KeyLocks, ClusterLocks(docs)); err != nil {
		return fmt.Errorf("locking cluster keys: %w", err)
	}
	return nil
}

// ClusterLocks are the lock ids of the cluster keys of the documents' events, sorted: the
// argument of Dialect.KeyLocks.
func ClusterLocks(docs []*doc.Document) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, d := range docs {
		if d == nil {
			continue
		}
		for i := range d.Events {
			h := fnv.New64a()
			h.Write([]byte(cluster.Key(&d.Events[i])))
			k := int64(h.Sum64())
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
}

// putDyads adds a batch's roll-up deltas, in key order.
func (s *DB) putDyads(ctx context.Context, tx *sql.Tx, dyads map[dyadKey]*dyadVal) error {
	keys := make([]dyadKey, 0, len(dyads))
	for k := range dyads {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		x, y := keys[a], keys[b]
		return x.actor+"\x00"+x.recipient+"\x00"+x.day+"\x00"+x.precision+"\x00"+x.factuality <
			y.actor+"\x00"+y.recipient+"\x00"+y.day+"\x00"+y.precision+"\x00"+y.factuality
	})
	// One statement per 300 rows, rows in key order (so row locks are taken in order).
	for lo := 0; lo < len(keys); lo += 300 {
		hi := min(len(keys), lo+300)
		var b strings.Builder
		b.WriteString(`INSERT INTO dyad_day (actor, recipient, day, precision, factuality, events, q0, q1, q2, q3, q4, goldstein) VALUES `)
		args := make([]any, 0, 12*(hi-lo))
		for i, k := range keys[lo:hi] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
			v := dyads[k]
			args = append(args, k.actor, k.recipient, k.day, k.precision, k.factuality, v.events, v.quad[0], v.quad[1], v.quad[2], v.quad[3], v.quad[4], v.goldstein)
		}
		b.WriteString(` ON CONFLICT (actor, recipient, day, precision, factuality) DO UPDATE SET
			events = dyad_day.events + excluded.events, q0 = dyad_day.q0 + excluded.q0,
			q1 = dyad_day.q1 + excluded.q1, q2 = dyad_day.q2 + excluded.q2,
			q3 = dyad_day.q3 + excluded.q3, q4 = dyad_day.q4 + excluded.q4,
			goldstein = dyad_day.goldstein + excluded.goldstein`)
		if err := s.exec(ctx, tx, b.String(), args...); err != nil {
			return fmt.Errorf("updating dyad_day: %w", err)
		}
	}
	return nil
}

// putOne writes one document inside tx; added is false when its hash is stored, dups 1
// when it is a near duplicate of an earlier one.
func (s *DB) putOne(ctx context.Context, tx *sql.Tx, d *doc.Document) (added bool, dyads map[dyadKey]*dyadVal, dups int64, err error) {
	ws, err := s.insertDocuments(ctx, tx, []*doc.Document{d})
	if err != nil || ws[0].pk == 0 {
		return false, nil, 0, err
	}
	pk := ws[0].pk
	var w layerRows
	dyads = s.putLayers(pk, d, &w)
	events, err := s.writeLayers(ctx, tx, &w)
	if err != nil {
		return false, nil, 0, err
	}
	if err := s.afterDocuments(ctx, tx, []int64{pk}); err != nil {
		return false, nil, 0, err
	}
	if dups, err = s.finishBatch(ctx, tx, ws, events); err != nil {
		return false, nil, 0, err
	}
	return true, dyads, dups, nil
}

// docTotals are the counts of a write transaction's documents, added to doc_totals.
type docTotals struct{ documents, mentions, timexes, quotes, nearDuplicates int64 }

func (t *docTotals) add(d *doc.Document) {
	t.documents++
	t.mentions += int64(len(d.Mentions))
	t.timexes += int64(len(d.Timexes))
	t.quotes += int64(len(d.Quotes))
}

// putTotals adds a write transaction's counts to its writer's row of doc_totals (schema
// version 7), which Stats sums instead of reading every document's row.
func (s *DB) putTotals(ctx context.Context, tx *sql.Tx, t docTotals) error {
	if t.documents == 0 {
		return nil
	}
	_, err := s.txExec(ctx, tx, `INSERT INTO doc_totals (writer, documents, mentions, timexes, quotes, near_duplicates) VALUES (`+s.d.Writer+`, ?, ?, ?, ?, ?)
		ON CONFLICT (writer) DO UPDATE SET documents = doc_totals.documents + excluded.documents,
		mentions = doc_totals.mentions + excluded.mentions, timexes = doc_totals.timexes + excluded.timexes,
		quotes = doc_totals.quotes + excluded.quotes, near_duplicates = doc_totals.near_duplicates + excluded.near_duplicates`,
		t.documents, t.mentions, t.timexes, t.quotes, t.nearDuplicates)
	if err != nil {
		return fmt.Errorf("updating doc_totals: %w", err)
	}
	return nil
}

// documentRow is the columns of a document's row and their values.
func (s *DB) documentRow(d *doc.Document) (cols, exprs []string, args []any) {
	published := ""
	if !d.Published.IsZero() {
		published = d.Published.UTC().Format(time.DateOnly)
	}
	cols = []string{"sha256", "id", "lang", "published", "source", "url", "title", "text", "sentences", "ingested_at", "mentions", "timexes", "quotes", "n_mentions", "n_timexes", "n_quotes"}
	args = []any{d.SHA256, d.ID, d.Lang, published, d.Source, d.URL, d.Title, d.Text, packSentences(d.Sentences), time.Now().UTC().Format(time.RFC3339),
		packMentions(d.Mentions), packTimexes(d.Timexes), packQuotes(d.Quotes), len(d.Mentions), len(d.Timexes), len(d.Quotes)}
	if s.d.TSV {
		cols = append(cols, "tsv")
		exprs = make([]string, len(cols))
		for i := range exprs {
			exprs[i] = "?"
		}
		exprs[len(exprs)-1] = "to_tsvector('simple', ?)"
		args = append(args, fold(d.Title+"\n"+d.Text))
	}
	return cols, exprs, args
}

// insertDocuments writes the documents' rows in order, in a few multi-row INSERTs, and
// returns them as written: pk 0 for a document whose hash is stored (or was meanwhile by
// another writer, or comes earlier in ds). Each row is written once, with its SimHash and
// its near-duplicate canonical pk (nearBatch): the pks the rows will be given are guessed
// first (Dialect.NextPK), and the rows guessed wrong corrected after.
func (s *DB) insertDocuments(ctx context.Context, tx *sql.Tx, ds []*doc.Document) ([]written, error) {
	if len(ds) == 0 {
		return nil, nil
	}
	nb, err := s.nearLookup(ctx, tx, ds)
	if err != nil {
		return nil, err
	}
	var next int64
	if err := s.queryRows(ctx, tx, s.d.NextPK, nil, func(r *sql.Rows) error { return r.Scan(&next) }); err != nil {
		return nil, fmt.Errorf("next document pk: %w", err)
	}
	guess := make([]int64, len(ds))
	first := make(map[string]bool, len(ds))
	for k, d := range ds {
		if !first[d.SHA256] {
			first[d.SHA256] = true
			guess[k] = next
			next++
		}
	}
	canonical := nb.canonicals(guess)
	var cols, exprs []string
	rows := make([][]any, len(ds))
	for k, d := range ds {
		cols, exprs, rows[k] = s.documentRow(d)
		rows[k] = append(rows[k], int64(nb.hs[k]), canonical[k]) // hs[k] is 0 without a SimHash
	}
	cols = append(cols, "simhash", "canonical_pk")
	if exprs != nil {
		exprs = append(exprs, "?", "?")
	}
	bySHA := make(map[string]int64, len(ds))
	err = s.insertReturning(ctx, tx, "documents", cols, exprs, rows, "ON CONFLICT (sha256) DO NOTHING", "pk, sha256", func(r *sql.Rows) error {
		var pk int64
		var sha string
		if err := r.Scan(&pk, &sha); err != nil {
			return err
		}
		bySHA[sha] = pk
		return nil
	})
	if err != nil {
		return nil, err
	}
	pks := make([]int64, len(ds))
	for k, d := range ds {
		pks[k] = bySHA[d.SHA256]
		delete(bySHA, d.SHA256) // a second copy in ds is not added
	}
	if !slices.Equal(pks, guess) {
		if canonical, err = s.fixCanonicals(ctx, tx, nb, pks, canonical); err != nil {
			return nil, fmt.Errorf("near duplicates: %w", err)
		}
	}
	ws := make([]written, len(ds))
	for k, d := range ds {
		ws[k] = written{pk: pks[k], d: d, h: nb.hs[k], ok: nb.oks[k], canonical: canonical[k]}
	}
	return ws, nil
}

// fixCanonicals finds the documents' canonical pks again from the pks their rows were
// given, corrects the rows written with another, and returns them.
func (s *DB) fixCanonicals(ctx context.Context, tx *sql.Tx, nb *nearBatch, pks, written []int64) ([]int64, error) {
	right := nb.canonicals(pks)
	var fix []int
	for k, pk := range pks {
		if pk != 0 && right[k] != written[k] {
			fix = append(fix, k)
		}
	}
	err := chunks(len(fix), 64, func(lo, hi int) error {
		var b strings.Builder
		args := make([]any, 0, 2*(hi-lo))
		b.WriteString(`UPDATE documents SET canonical_pk = v.column2 FROM (VALUES `)
		for j, k := range fix[lo:hi] {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`(CAST(? AS BIGINT), CAST(? AS BIGINT))`)
			args = append(args, pks[k], right[k])
		}
		b.WriteString(`) AS v WHERE documents.pk = v.column1`)
		_, err := s.txExec(ctx, tx, b.String(), args...)
		return err
	})
	return right, err
}

// afterDocuments runs the dialect's AfterDocuments statements on the documents written.
func (s *DB) afterDocuments(ctx context.Context, tx *sql.Tx, pks []int64) error {
	if len(pks) == 0 || len(s.d.AfterDocuments) == 0 {
		return nil
	}
	arg := jsonText(pks)
	for _, st := range s.d.AfterDocuments {
		if _, err := s.txExec(ctx, tx, st, arg); err != nil {
			return fmt.Errorf("indexing: %w", err)
		}
	}
	return nil
}

type dyadKey struct{ actor, recipient, day, precision, factuality string }

type dyadVal struct {
	events    int
	quad      [5]int
	goldstein float64
}

// layerRows are the rows of the layers of one or more documents, to be written together.
type layerRows struct {
	actors, posts, events [][]any
	// roles are event_actors rows with the event id in place of the event pk.
	roles [][]any
}

// putLayers adds the rows of the document's layers to w and returns its roll-up deltas.
func (s *DB) putLayers(pk int64, d *doc.Document, w *layerRows) map[dyadKey]*dyadVal {
	seen := map[string]bool{}
	country := map[string]string{}
	for _, a := range d.Actors {
		if a.ID == "" || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		country[a.ID] = a.Country
		sector := a.Sector
		if sector == nil {
			sector = []string{}
		}
		w.actors = append(w.actors, []any{pk, a.ID, a.Name, a.Kind, a.Country, jsonText(sector), a.Wikidata, a.Role})
	}
	for i, p := range d.Posts {
		w.posts = append(w.posts, []any{pk, i, p.Platform, p.Author, p.Handle, p.Date, p.Start, p.End, p.Actor})
	}

	dyads := map[dyadKey]*dyadVal{}
	for i := range d.Events {
		e := d.Events[i]
		id := store.EventID(d.SHA256, &e, i)
		lo, hi, prec, _ := store.DateRange(e.Date.Value)
		row := []any{id, pk, i, e.Type, e.Mode, e.Factuality, e.Quad, e.Goldstein, e.CAMEO, e.Date.Value, lo, hi, prec, e.Evidence.Start, e.Evidence.End, e.Evidence.Text, jsonText(e)}
		row = append(row, placeValues(e.Location)...)
		if s.d.TSV {
			row = append(row, fold(e.Evidence.Text))
		}
		w.events = append(w.events, row)
		rs := map[[2]string]bool{}
		for _, set := range []struct {
			role string
			ids  []string
		}{{"actor", e.Actor}, {"recipient", e.Recipient}} {
			for _, a := range set.ids {
				if a == "" || rs[[2]string{set.role, a}] {
					continue
				}
				rs[[2]string{set.role, a}] = true
				w.roles = append(w.roles, []any{id, set.role, a, country[a]})
			}
		}
		if lo == "" {
			continue // the roll-up is by day: events without a date stay out of it
		}
		pairs := map[[2]string]bool{}
		for _, a := range e.Actor {
			for _, r := range e.Recipient {
				if a == "" || r == "" || a == r || pairs[[2]string{a, r}] {
					continue
				}
				pairs[[2]string{a, r}] = true
				k := dyadKey{a, r, lo, prec, e.Factuality}
				v := dyads[k]
				if v == nil {
					v = &dyadVal{}
					dyads[k] = v
				}
				v.events++
				q := e.Quad
				if q < 1 || q > 4 {
					q = 0
				}
				v.quad[q]++
				v.goldstein += e.Goldstein
			}
		}
	}
	return dyads
}

// writeLayers writes w's rows and returns the pks of the events written, by event id.
func (s *DB) writeLayers(ctx context.Context, tx *sql.Tx, w *layerRows) (map[string]int64, error) {
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"actors", []string{"doc_pk", "actor_id", "name", "kind", "country", "sector", "wikidata", "role"}, w.actors},
		{"posts", []string{"doc_pk", "ord", "platform", "author", "handle", "date", "start_off", "end_off", "actor_id"}, w.posts},
	} {
		if err := s.insertRows(ctx, tx, t.table, t.cols, nil, t.rows); err != nil {
			return nil, err
		}
	}

	evCols := []string{"event_id", "doc_pk", "ord", "type", "mode", "factuality", "quad", "goldstein", "cameo", "date_value", "date_lo", "date_hi", "precision", "ev_start", "ev_end", "evidence", "body",
		"place_country", "place_admin1", "place_admin2", "place_name", "place_geonameid", "place_precision", "place_lat", "place_lon"}
	var evExprs []string
	if s.d.TSV {
		evCols = append(evCols, "tsv")
		evExprs = make([]string, len(evCols))
		for i := range evExprs {
			evExprs[i] = "?"
		}
		evExprs[len(evExprs)-1] = "to_tsvector('simple', ?)"
	}
	pks := make(map[string]int64, len(w.events))
	err := s.insertReturning(ctx, tx, "events", evCols, evExprs, w.events, "", "pk, event_id", func(rows *sql.Rows) error {
		var pk int64
		var id string
		if err := rows.Scan(&pk, &id); err != nil {
			return err
		}
		pks[id] = pk
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, r := range w.roles {
		id := r[0].(string)
		pk, ok := pks[id]
		if !ok {
			return nil, fmt.Errorf("writing event_actors: event %s not written", id)
		}
		r[0] = pk
	}
	if err := s.insertRows(ctx, tx, "event_actors", []string{"event_pk", "role", "actor_id", "country"}, nil, w.roles); err != nil {
		return nil, err
	}
	return pks, nil
}

// placeValues are the place columns of an event's location (see schemaV3).
func placeValues(l *doc.Location) []any {
	if l == nil {
		return []any{"", "", "", "", 0, 0, nil, nil}
	}
	var lat, lon any
	if l.Lat != 0 || l.Lon != 0 {
		lat, lon = l.Lat, l.Lon
	}
	return []any{l.Country, l.Admin1, l.Admin2, l.Name, l.GeonameID, l.Precision, lat, lon}
}

// words splits a full-text query into folded words.
func words(q string) []string {
	return strings.FieldsFunc(fold(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// where builds the WHERE clause of an event query.
func (s *DB) where(q store.EventQuery) (string, []any) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	// Actor filters are uncorrelated IN sub-queries: the engines read them once through the
	// event_actors indexes, where a correlated EXISTS was run once per event (seconds on
	// 100k events).
	if q.Actor != "" {
		add(`e.pk IN (SELECT event_pk FROM event_actors WHERE actor_id = ?)`, q.Actor)
	}
	if q.Country != "" {
		add(`e.pk IN (SELECT event_pk FROM event_actors WHERE country = ?)`, q.Country)
	}
	if q.Dyad[0] != "" && q.Dyad[1] != "" {
		x, y := q.Dyad[0], q.Dyad[1]
		add(`e.pk IN (SELECT a.event_pk FROM event_actors a JOIN event_actors b ON b.event_pk = a.event_pk
			WHERE a.role = 'actor' AND b.role = 'recipient'
			AND ((a.actor_id = ? OR a.country = ?) AND (b.actor_id = ? OR b.country = ?)
			  OR (a.actor_id = ? OR a.country = ?) AND (b.actor_id = ? OR b.country = ?)))`,
			x, x, y, y, y, y, x, x)
	}
	if q.PlaceCountry != "" {
		add(`e.place_country = ?`, q.PlaceCountry)
	}
	if q.Admin1 != "" {
		add(`e.place_admin1 = ?`, q.Admin1)
	}
	if q.GeonameID != 0 {
		add(`e.place_geonameid = ?`, q.GeonameID)
	}
	if q.Type != "" {
		add(`e.type = ?`, q.Type)
	}
	if q.Quad != 0 {
		add(`e.quad = ?`, q.Quad)
	}
	if len(q.Factuality) > 0 {
		c := `e.factuality IN (` + strings.Repeat("?, ", len(q.Factuality)-1) + `?)`
		a := make([]any, len(q.Factuality))
		for i, f := range q.Factuality {
			a[i] = f
		}
		add(c, a...)
	}
	if q.From != "" {
		add(`e.date_lo >= ?`, q.From)
	}
	if q.To != "" {
		add(`e.date_lo <> '' AND e.date_lo <= ?`, q.To)
	}
	if w := words(q.Text); len(w) > 0 {
		add(s.d.EventText, s.d.Query(w))
	}
	if q.Source != "" {
		add(`d.source = ?`, q.Source)
	}
	if q.Lang != "" {
		add(`d.lang = ?`, q.Lang)
	}
	if q.DocSHA256 != "" {
		add(`d.sha256 = ?`, q.DocSHA256)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

const eventCols = `SELECT e.event_id, e.body, e.date_lo, e.date_hi, d.id, d.sha256, d.source, d.url, d.lang, d.published FROM events e JOIN documents d ON d.pk = e.doc_pk`

func scanEvents(rows *sql.Rows) ([]store.EventRow, error) {
	defer rows.Close()
	var out []store.EventRow
	for rows.Next() {
		var r store.EventRow
		var id, body, pub string
		if err := rows.Scan(&id, &body, &r.DateLo, &r.DateHi, &r.DocID, &r.DocSHA256, &r.Source, &r.URL, &r.Lang, &pub); err != nil {
			return nil, fmt.Errorf("reading events: %w", err)
		}
		if err := json.Unmarshal([]byte(body), &r.Event); err != nil {
			return nil, fmt.Errorf("reading event %s: %w", id, err)
		}
		r.Event.ID = id
		if pub != "" {
			r.Published, _ = time.Parse(time.DateOnly, pub)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading events: %w", err)
	}
	return out, nil
}

// Events returns one page of the events matching q.
func (s *DB) Events(ctx context.Context, q store.EventQuery) ([]store.EventRow, error) {
	w, args := s.where(q)
	order := ` ORDER BY e.date_lo, e.event_id`
	if q.Order == store.DateDesc {
		order = ` ORDER BY e.date_lo DESC, e.event_id`
	}
	args = append(args, q.PageLimit(), max(0, q.Offset))
	rows, err := s.db.QueryContext(ctx, s.rebind(eventCols+w+order+` LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("querying events: %w", err)
	}
	return scanEvents(rows)
}

// Export calls fn for every event matching q's filters in (date, event id) order, reading
// in pages by key.
func (s *DB) Export(ctx context.Context, q store.EventQuery, fn func(store.EventRow) error) error {
	w, args := s.where(q)
	and := " WHERE "
	if w != "" {
		and = w + " AND "
	}
	lastDate, lastID := "", ""
	first := true
	for {
		var rows *sql.Rows
		var err error
		if first {
			rows, err = s.db.QueryContext(ctx, s.rebind(eventCols+w+` ORDER BY e.date_lo, e.event_id LIMIT ?`), append(args[:len(args):len(args)], 1000)...)
		} else {
			rows, err = s.db.QueryContext(ctx, s.rebind(eventCols+and+`(e.date_lo > ? OR (e.date_lo = ? AND e.event_id > ?)) ORDER BY e.date_lo, e.event_id LIMIT ?`),
				append(args[:len(args):len(args)], lastDate, lastDate, lastID, 1000)...)
		}
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		page, err := scanEvents(rows)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(page) < 1000 {
			return nil
		}
		first = false
		lastDate, lastID = page[len(page)-1].DateLo, page[len(page)-1].Event.ID
	}
}

// Places counts the events matching q per place, most events first.
func (s *DB) Places(ctx context.Context, q store.EventQuery) ([]store.PlaceCount, error) {
	w, args := s.where(q)
	if w == "" {
		w = " WHERE e.place_precision > 0"
	} else {
		w += " AND e.place_precision > 0"
	}
	const place = `e.place_precision, e.place_country, e.place_admin1, e.place_name, e.place_geonameid, e.place_lat, e.place_lon`
	rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT `+place+`, COUNT(*), SUM(COALESCE(m.mentions, 1))
		FROM events e JOIN documents d ON d.pk = e.doc_pk LEFT JOIN cluster_members m ON m.event_pk = e.pk`+w+`
		GROUP BY `+place+` ORDER BY COUNT(*) DESC, e.place_country, e.place_admin1, e.place_name, e.place_precision LIMIT ?`), append(args, q.PageLimit())...)
	if err != nil {
		return nil, fmt.Errorf("counting places: %w", err)
	}
	defer rows.Close()
	out := []store.PlaceCount{}
	for rows.Next() {
		var p store.PlaceCount
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&p.Precision, &p.Country, &p.Admin1, &p.Name, &p.GeonameID, &lat, &lon, &p.Events, &p.Mentions); err != nil {
			return nil, fmt.Errorf("counting places: %w", err)
		}
		p.Lat, p.Lon = lat.Float64, lon.Float64
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting places: %w", err)
	}
	return out, nil
}

// Dyads returns roll-up rows matching q, by day.
func (s *DB) Dyads(ctx context.Context, q store.DyadQuery) ([]store.DyadDay, error) {
	var conds []string
	var args []any
	switch {
	case q.A != "" && q.B != "" && q.Both:
		conds = append(conds, `((actor = ? AND recipient = ?) OR (actor = ? AND recipient = ?))`)
		args = append(args, q.A, q.B, q.B, q.A)
	case q.A != "" && q.B != "":
		conds = append(conds, `actor = ? AND recipient = ?`)
		args = append(args, q.A, q.B)
	case q.A != "" && q.Both:
		conds = append(conds, `(actor = ? OR recipient = ?)`)
		args = append(args, q.A, q.A)
	case q.A != "":
		conds = append(conds, `actor = ?`)
		args = append(args, q.A)
	case q.B != "":
		conds = append(conds, `recipient = ?`)
		args = append(args, q.B)
	}
	if q.From != "" {
		conds = append(conds, `day >= ?`)
		args = append(args, q.From)
	}
	if q.To != "" {
		conds = append(conds, `day <= ?`)
		args = append(args, q.To)
	}
	if len(q.Factuality) > 0 {
		conds = append(conds, `factuality IN (`+strings.Repeat("?, ", len(q.Factuality)-1)+`?)`)
		for _, f := range q.Factuality {
			args = append(args, f)
		}
	}
	query := `SELECT actor, recipient, day, precision, factuality, events, q0, q1, q2, q3, q4, goldstein FROM dyad_day`
	if len(conds) > 0 {
		query += ` WHERE ` + strings.Join(conds, " AND ")
	}
	query += ` ORDER BY day, actor, recipient, precision, factuality`
	rows, err := s.db.QueryContext(ctx, s.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("querying dyads: %w", err)
	}
	defer rows.Close()
	var out []store.DyadDay
	for rows.Next() {
		var r store.DyadDay
		if err := rows.Scan(&r.Actor, &r.Recipient, &r.Day, &r.Precision, &r.Factuality, &r.Events, &r.Quad[0], &r.Quad[1], &r.Quad[2], &r.Quad[3], &r.Quad[4], &r.Goldstein); err != nil {
			return nil, fmt.Errorf("reading dyads: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading dyads: %w", err)
	}
	return out, nil
}

// Stats counts stored rows. The documents' counts are the sums of doc_totals (schema
// version 7): summing them over the documents' rows read every row whole, text included,
// at the end of every ingest.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(documents), 0), COALESCE(SUM(mentions), 0), COALESCE(SUM(timexes), 0), COALESCE(SUM(quotes), 0),
		COALESCE(SUM(near_duplicates), 0) FROM doc_totals`).
		Scan(&st.Documents, &st.Mentions, &st.Timexes, &st.Quotes, &st.NearDuplicates); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	for _, c := range []struct {
		q   string
		dst *int64
	}{
		{`SELECT COUNT(*) FROM events`, &st.Events},
		{`SELECT COUNT(DISTINCT actor_id) FROM actors`, &st.Actors},
		{`SELECT COUNT(*) FROM posts`, &st.Posts},
		{`SELECT COUNT(*) FROM dyad_day`, &st.DyadDays},
		{`SELECT COUNT(*) FROM clusters`, &st.Clusters},
	} {
		if err := s.db.QueryRowContext(ctx, c.q).Scan(c.dst); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
	}
	return st, nil
}
