package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// Queued is a statement of a write transaction whose result is not read, held until the
// transaction's next query, the end of its batch or its commit, and then sent with the
// others held in one round trip (Dialect.Pipeline). Query has its placeholders numbered.
type Queued struct {
	Query string
	Args  []any
}

// pipe is a pipelined write transaction: the connection it runs on and what it holds.
type pipe struct {
	conn  *sql.Conn
	stmts []Queued
}

// beginPipelined starts a write transaction whose statements without results are queued
// and sent together (Dialect.Pipeline); done must be called when it is over. Without a
// Pipeline it is begin.
func (s *DB) beginPipelined(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	if s.d.Pipeline == nil || s.d.OneWriter {
		return s.begin(ctx)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if tx, err = conn.BeginTx(ctx, nil); err != nil {
		conn.Close()
		return nil, nil, err
	}
	s.pmu.Lock()
	if s.pipes == nil {
		s.pipes = map[*sql.Tx]*pipe{}
	}
	s.pipes[tx] = &pipe{conn: conn}
	s.pmu.Unlock()
	return tx, func() {
		s.pmu.Lock()
		delete(s.pipes, tx)
		s.pmu.Unlock()
		conn.Close()
	}, nil
}

func (s *DB) pipeOf(tx *sql.Tx) *pipe {
	s.pmu.Lock()
	defer s.pmu.Unlock()
	return s.pipes[tx]
}

// queue holds a statement without result when tx is pipelined, and reports whether it did.
// args are copied: callers reuse their slices.
func (s *DB) queue(tx *sql.Tx, query string, args []any) bool {
	p := s.pipeOf(tx)
	if p == nil {
		return false
	}
	p.stmts = append(p.stmts, Queued{Query: s.rebind(query), Args: slices.Clone(args)})
	return true
}

// flush sends the statements tx holds, in one round trip; the first that fails fails the
// transaction.
func (s *DB) flush(ctx context.Context, tx *sql.Tx) error {
	p := s.pipeOf(tx)
	if p == nil || len(p.stmts) == 0 {
		return nil
	}
	q := p.stmts
	p.stmts = nil
	if err := p.conn.Raw(func(dc any) error { return s.d.Pipeline(ctx, dc, q) }); err != nil {
		return fmt.Errorf("pipelined statements: %w", err)
	}
	return nil
}

// exec runs a statement without result inside tx, unprepared (queries built in many
// sizes), or queues it when tx is pipelined.
func (s *DB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	if s.queue(tx, query, args) {
		return nil
	}
	_, err := tx.ExecContext(ctx, s.rebind(query), args...)
	return err
}
