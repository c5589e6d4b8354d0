package api

import (
	"context"
	"sync"
	"time"

	"github.com/griot-project/griot/store"
)

// relCache keeps recent relation answers. A relation reads every event of a dyad, which
// the store answers in about a second at 100k events; analysts and the UI ask the same few
// dyads again and again. An answer is served while the store's document and event counts
// are unchanged (checked at most once a second, so a write by another process shows
// within a second; a POST to this server clears the cache at once).
type relCache struct {
	st  store.Store
	max int

	mu       sync.Mutex
	entries  map[RelationQuery]*Relation
	inflight map[RelationQuery]*flight
	order    []RelationQuery // oldest first
	gen      [2]int64        // documents, events when the entries were computed
	checked  time.Time
}

func newRelCache(st store.Store, max int) *relCache {
	return &relCache{st: st, max: max, entries: map[RelationQuery]*Relation{}, inflight: map[RelationQuery]*flight{}}
}

// flight is a relation being computed.
type flight struct {
	done chan struct{}
	r    *Relation
	err  error
}

// get returns the relation, from the cache when the store has not changed.
func (c *relCache) get(ctx context.Context, q RelationQuery) (*Relation, error) {
	if c.max <= 0 {
		return Relations(ctx, c.st, q)
	}
	c.mu.Lock()
	if time.Since(c.checked) > time.Second {
		// One request checks the store; the others meanwhile use what is kept.
		c.checked = time.Now()
		c.mu.Unlock()
		s, err := c.st.Stats(ctx)
		c.mu.Lock()
		if err != nil || [2]int64{s.Documents, s.Events} != c.gen {
			c.clearLocked()
			if err == nil {
				c.gen = [2]int64{s.Documents, s.Events}
			} else {
				c.checked = time.Time{}
			}
		}
	}
	if r, ok := c.entries[q]; ok {
		c.mu.Unlock()
		return r, nil
	}
	// The same question asked while it is being answered waits for that answer.
	if w, ok := c.inflight[q]; ok {
		c.mu.Unlock()
		select {
		case <-w.done:
			return w.r, w.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	w := &flight{done: make(chan struct{})}
	c.inflight[q] = w
	gen := c.gen
	c.mu.Unlock()
	r, err := Relations(ctx, c.st, q)
	w.r, w.err = r, err
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.inflight, q)
	close(w.done)
	if err != nil {
		return nil, err
	}
	if c.gen == gen {
		if _, ok := c.entries[q]; !ok {
			c.order = append(c.order, q)
		}
		c.entries[q] = r
		for len(c.order) > c.max {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
	}
	return r, nil
}

// clear forgets every answer (after a write).
func (c *relCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearLocked()
	c.checked = time.Time{}
}

func (c *relCache) clearLocked() {
	clear(c.entries)
	c.order = c.order[:0]
}
