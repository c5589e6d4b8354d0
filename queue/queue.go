// Package queue is griot's work queue on NATS JetStream: `griot ingest --queue` publishes
// documents to a work-queue stream, and any number of `griot worker` processes, on any
// machines, fetch them, read them and write them to a shared store.
//
// Delivery is at least once: a worker acknowledges a message only after the store has
// committed its document, and a worker that dies leaves its messages to be redelivered
// after AckWait. Writes are idempotent by content hash, so a redelivered document is
// never stored twice. Publishing sets the message id to the text's hash, so JetStream's
// duplicate window also drops the same document published twice.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/ingest"
)

// Defaults for the stream and consumer names; a URL's query can change them, and the ack
// wait: nats://HOST:4222?stream=NAME&consumer=NAME&ackwait=30s.
const (
	DefaultStream   = "GRIOT_DOCS"
	DefaultConsumer = "griot-workers"
)

// AckWait is how long a fetched message may stay unacknowledged before it is delivered
// to another worker: how long the documents of a killed worker wait.
const AckWait = 60 * time.Second

// Queue is a connection to the stream.
type Queue struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	stream   string
	consumer string
	subject  string
	ackWait  time.Duration
}

// Open connects to nats://HOST:PORT and makes sure the work-queue stream exists.
func Open(ctx context.Context, rawURL string) (*Queue, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "nats" && u.Scheme != "tls") || u.Host == "" {
		return nil, fmt.Errorf("queue URL %q: want nats://HOST:PORT", rawURL)
	}
	q := &Queue{stream: DefaultStream, consumer: DefaultConsumer, ackWait: AckWait}
	if v := u.Query().Get("ackwait"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second {
			return nil, fmt.Errorf("queue URL %q: bad ackwait %q (want a duration of at least 1s)", rawURL, v)
		}
		q.ackWait = d
	}
	if v := u.Query().Get("stream"); v != "" {
		q.stream = v
	}
	if v := u.Query().Get("consumer"); v != "" {
		q.consumer = v
	}
	q.subject = "griot.docs." + q.stream
	server := url.URL{Scheme: u.Scheme, Host: u.Host, User: u.User}
	q.nc, err = nats.Connect(server.String(), nats.Name("griot"), nats.Timeout(5*time.Second), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", u.Host, err)
	}
	q.js, err = jetstream.New(q.nc)
	if err != nil {
		q.nc.Close()
		return nil, fmt.Errorf("queue %s: %w", u.Host, err)
	}
	_, err = q.js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       q.stream,
		Subjects:   []string{q.subject},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: 10 * time.Minute,
	})
	if err != nil {
		q.nc.Close()
		return nil, fmt.Errorf("queue %s: creating stream %s: %w", u.Host, q.stream, err)
	}
	return q, nil
}

// Close closes the connection (after flushing what was published).
func (q *Queue) Close() {
	q.nc.Flush()
	q.nc.Close()
}

// ErrTooLarge is wrapped by Publish's error for a document over the server's payload limit.
var ErrTooLarge = errors.New("document too large for the queue")

// Publish puts a document on the queue, with the hash of its text as message id.
func (q *Queue) Publish(ctx context.Context, d *ingest.Doc) error {
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	if max := q.nc.MaxPayload(); int64(len(b)) > max {
		return fmt.Errorf("%w: %d bytes, the server takes %d (raise max_payload)", ErrTooLarge, len(b), max)
	}
	if _, err := q.js.Publish(ctx, q.subject, b, jetstream.WithMsgID(doc.ContentHash(d.Text))); err != nil {
		return fmt.Errorf("queue: publishing: %w", err)
	}
	return nil
}

// Pending returns how many messages wait in the stream.
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	s, err := q.js.Stream(ctx, q.stream)
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	return info.State.Msgs, nil
}

// Message is a fetched document. Ack after the store committed it; Term when it can never
// be read (bad input); Nak to have it delivered again.
type Message struct {
	Doc *ingest.Doc
	Err error // the message could not be decoded
	msg jetstream.Msg
	c   *Consumer
}

func (m *Message) Ack() error                { m.c.release(m); return m.msg.Ack() }
func (m *Message) Nak() error                { m.c.release(m); return m.msg.Nak() }
func (m *Message) Term(reason string) error  { m.c.release(m); return m.msg.TermWithReason(reason) }
func (m *Message) InProgress() error         { return m.msg.InProgress() }
func (m *Message) ID() string                { return m.msg.Headers().Get(jetstream.MsgIDHeader) }
func (m *Message) Delivered() (uint64, bool) { md, err := m.msg.Metadata(); return deliveries(md, err) }

func deliveries(md *jetstream.MsgMetadata, err error) (uint64, bool) {
	if err != nil || md == nil {
		return 0, false
	}
	return md.NumDelivered, true
}

// Consumer fetches documents for workers; all workers share one durable consumer, so each
// message goes to one of them.
type Consumer struct {
	c       jetstream.Consumer
	ackWait time.Duration

	mu   sync.Mutex
	held map[*Message]struct{} // fetched, not yet acknowledged: KeepAlive extends them
}

// Consumer returns the shared durable pull consumer, creating it if needed.
func (q *Queue) Consumer(ctx context.Context) (*Consumer, error) {
	c, err := q.js.CreateOrUpdateConsumer(ctx, q.stream, jetstream.ConsumerConfig{
		Durable:       q.consumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.ackWait,
		MaxDeliver:    10,
		MaxAckPending: 10000,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: consumer %s: %w", q.consumer, err)
	}
	return &Consumer{c: c, ackWait: q.ackWait, held: map[*Message]struct{}{}}, nil
}

// KeepAlive tells the server, every third of AckWait until ctx ends, that each fetched and
// not yet acknowledged message is still being worked on. Without it, a worker slower than
// AckWait (a loaded machine, a long batch behind a slow store) has its messages delivered
// again to itself or another worker while it still holds them: no document is lost or
// stored twice (writes are idempotent), but the same work is done again and again, and a
// busy worker may never see the queue idle.
func (c *Consumer) KeepAlive(ctx context.Context) {
	t := time.NewTicker(max(c.ackWait/3, 100*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c.mu.Lock()
			held := make([]*Message, 0, len(c.held))
			for m := range c.held {
				held = append(held, m)
			}
			c.mu.Unlock()
			for _, m := range held {
				m.msg.InProgress() // a message acknowledged meanwhile: the server ignores it
			}
		}
	}
}

func (c *Consumer) hold(m *Message) {
	c.mu.Lock()
	c.held[m] = struct{}{}
	c.mu.Unlock()
}

func (c *Consumer) release(m *Message) {
	if c == nil {
		return
	}
	c.mu.Lock()
	delete(c.held, m)
	c.mu.Unlock()
}

// Fetch waits up to wait for at most n messages.
func (c *Consumer) Fetch(ctx context.Context, n int, wait time.Duration) ([]*Message, error) {
	batch, err := c.c.Fetch(n, jetstream.FetchMaxWait(wait))
	if err != nil {
		return nil, fmt.Errorf("queue: fetch: %w", err)
	}
	var out []*Message
	for m := range batch.Messages() {
		msg := &Message{msg: m, c: c}
		c.hold(msg)
		var d ingest.Doc
		if err := json.Unmarshal(m.Data(), &d); err != nil {
			msg.Err = fmt.Errorf("queue: message is not a document: %w", err)
		} else {
			msg.Doc = &d
		}
		out = append(out, msg)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		return out, fmt.Errorf("queue: fetch: %w", err)
	}
	return out, ctx.Err()
}

// DeleteStream removes the stream and everything queued in it (tests, resets).
func (q *Queue) DeleteStream(ctx context.Context) error {
	if err := q.js.DeleteStream(ctx, q.stream); err != nil {
		return fmt.Errorf("queue: deleting stream %s: %w", q.stream, err)
	}
	return nil
}
