package queue

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/internal/testsvc"
)

// TestURL returns a queue URL on a fresh stream for one test, or skips the test when no
// NATS server answers at 127.0.0.1:4222 (GRIOT_TEST_NATS to use another), unless
// GRIOT_REQUIRE_SERVICES=1, then it fails.
func testURL(t *testing.T) string {
	t.Helper()
	host := testsvc.NATSHost(t)
	u := fmt.Sprintf("nats://%s?stream=GRIOT_TEST_%d_%d", host, os.Getpid(), time.Now().UnixNano())
	t.Cleanup(func() {
		if q, err := Open(context.Background(), u); err == nil {
			q.DeleteStream(context.Background())
			q.Close()
		}
	})
	return u
}

func TestOpenErrors(t *testing.T) {
	for _, u := range []string{"", "http://x:4222", "nats://", "nats://127.0.0.1:1"} {
		if q, err := Open(context.Background(), u); err == nil {
			q.Close()
			t.Errorf("Open(%q): want an error", u)
		}
	}
}

func TestPublishFetchAck(t *testing.T) {
	ctx := context.Background()
	q, err := Open(ctx, testURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	docs := []*ingest.Doc{
		{ID: "a", Lang: "fr", Text: "Le ministre a parlé.", Published: time.Date(2022, 8, 10, 0, 0, 0, 0, time.UTC)},
		{ID: "b", Text: "The minister spoke."},
		{ID: "a-again", Text: "Le ministre a parlé."}, // same text: dropped by the duplicate window
	}
	for _, d := range docs {
		if err := q.Publish(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := q.Pending(ctx); err != nil || n != 2 {
		t.Errorf("Pending = %d, %v; want 2 (the same text twice is one message)", n, err)
	}
	big := &ingest.Doc{Text: string(make([]byte, 2<<20))}
	if err := q.Publish(ctx, big); err == nil {
		t.Error("publishing a document over max_payload: want an error")
	}
	c, err := q.Consumer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(ctx, 10, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || msgs[0].Doc.ID != "a" || !msgs[0].Doc.Published.Equal(docs[0].Published) || msgs[1].Doc.Lang != "" {
		t.Fatalf("fetched %+v", msgs)
	}
	if d, ok := msgs[0].Delivered(); !ok || d != 1 {
		t.Errorf("Delivered = %d, %v", d, ok)
	}
	msgs[0].Ack()
	msgs[1].Nak() // delivered again
	again, err := c.Fetch(ctx, 10, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || again[0].Doc.ID != "b" {
		t.Fatalf("after Nak, fetched %+v", again)
	}
	again[0].Ack()
	time.Sleep(100 * time.Millisecond)
	if n, _ := q.Pending(ctx); n != 0 {
		t.Errorf("after acks, %d messages pending in the work queue", n)
	}
}

// TestKeepAlive: a message held longer than AckWait is not delivered again while
// KeepAlive runs, and is delivered again once it is released without an Ack.
func TestKeepAlive(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	q, err := Open(ctx, testURL(t)+"&ackwait=1s")
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.Publish(ctx, &ingest.Doc{ID: "slow", Text: "Le ministre a parlé longtemps."}); err != nil {
		t.Fatal(err)
	}
	c, err := q.Consumer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	go c.KeepAlive(ctx)
	msgs, err := c.Fetch(ctx, 1, time.Second)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("fetch: %d messages, %v", len(msgs), err)
	}
	// held for 2.5 AckWaits: without KeepAlive it would be delivered again
	again, err := c.Fetch(ctx, 1, 2500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 0 {
		t.Fatalf("a held message was delivered again: %+v", again[0].Doc)
	}
	msgs[0].Nak()
	again, err = c.Fetch(ctx, 1, 2*time.Second)
	if err != nil || len(again) != 1 || again[0].Doc.ID != "slow" {
		t.Fatalf("after Nak: %d messages, %v", len(again), err)
	}
	if d, _ := again[0].Delivered(); d != 2 {
		t.Errorf("Delivered = %d, want 2", d)
	}
	again[0].Ack()
}
