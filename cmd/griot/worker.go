package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/queue"
	"github.com/griot-project/griot/store"
)

const workerUsage = "usage: griot worker --queue nats://HOST:4222 [--store URL] [--workers N] [--batch N] [--exit-when-idle DURATION]"

// cmdWorker reads documents from the queue and writes their readings to the store until
// interrupted (or idle for --exit-when-idle). Messages are acknowledged after the store
// committed them: a worker killed mid-batch loses nothing and duplicates nothing.
func cmdWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", workerUsage, stderr)
	queueURL := fs.String("queue", "", "the NATS JetStream queue: nats://HOST:4222 (?stream=NAME to use another stream)")
	storeURL := storeFlag(fs)
	workers := fs.Int("workers", runtime.NumCPU(), "documents read in parallel")
	batch := fs.Int("batch", 64, "messages fetched and written at a time")
	lang := fs.String("lang", "auto", "language of documents that do not say theirs: fr, en or auto")
	idle := fs.Duration("exit-when-idle", 0, "exit after the queue has been empty this long (0: run until interrupted)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *queueURL == "" || fs.NArg() != 0 {
		fs.Usage()
		return &exitError{2, errors.New("worker needs --queue and takes no arguments")}
	}
	if *workers < 1 || *batch < 1 {
		return &exitError{2, errors.New("--workers and --batch must be at least 1")}
	}
	switch *lang {
	case "fr", "en", "auto":
	default:
		return &exitError{2, fmt.Errorf("unknown --lang %q (want fr, en or auto)", *lang)}
	}
	q, err := queue.Open(ctx, *queueURL)
	if err != nil {
		return err
	}
	defer q.Close()
	cons, err := q.Consumer(ctx)
	if err != nil {
		return err
	}
	st, p, err := openReading(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()
	log := slog.New(slog.NewTextHandler(stderr, nil))
	sum, err := runWorker(ctx, cons, st, p, *workers, *batch, *lang, *idle, log)
	fmt.Fprintln(stdout, "worker:", sum)
	if err != nil {
		return err
	}
	if errors.Is(ctx.Err(), context.Canceled) {
		return &exitError{130, errors.New("interrupted: what was written is kept, the rest stays queued")}
	}
	return nil
}

type workItem struct {
	m *queue.Message
	r ingestResult
}

// runWorker fetches, reads and writes in a pipeline: one goroutine fetches, n read, one
// writes batches and acknowledges each message after the transaction that holds its
// document committed.
func runWorker(ctx context.Context, cons *queue.Consumer, st store.Store, p *pipeline.Pipeline, n, batch int, lang string, idle time.Duration, log *slog.Logger) (ingestSummary, error) {
	start := time.Now()
	rctx, stop := context.WithCancel(ctx)
	defer stop()
	// Messages wait in jobs, results and pending before their batch commits: keep them ours
	// for as long as that takes, however slow this machine is.
	kctx, stopKeep := context.WithCancel(context.WithoutCancel(ctx))
	defer stopKeep()
	go cons.KeepAlive(kctx)
	jobs := make(chan *queue.Message, batch)
	results := make(chan workItem, batch)
	go func() {
		defer close(jobs)
		lastWork := time.Now()
		for rctx.Err() == nil {
			msgs, err := cons.Fetch(rctx, batch, 2*time.Second)
			if err != nil && rctx.Err() == nil {
				log.Warn("fetch failed, retrying", "error", err)
				time.Sleep(time.Second)
			}
			if len(msgs) == 0 {
				if idle > 0 && time.Since(lastWork) >= idle {
					return
				}
				continue
			}
			lastWork = time.Now()
			for _, m := range msgs {
				jobs <- m // readers drain jobs even when stopping
			}
		}
	}()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range jobs {
				if rctx.Err() != nil {
					m.Nak() // stopping: leave it to another worker
					continue
				}
				it := ingest.Item{Doc: m.Doc, Origin: "queue:" + m.ID(), Err: m.Err}
				results <- workItem{m, readOne(rctx, st, p, it, lang)}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var sum ingestSummary
	var pending []workItem
	var writeErr error
	lastLog := time.Now()
	flush := func() {
		if len(pending) == 0 {
			return
		}
		if writeErr == nil {
			if err := writeWork(rctx, st, pending, log, &sum); err != nil {
				writeErr = err
				log.Error("store write failed, stopping", "error", err)
				stop()
			}
		} else {
			for _, w := range pending {
				w.m.Nak()
			}
		}
		pending = pending[:0]
	}
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for open := true; open; {
		select {
		case w, ok := <-results:
			if !ok {
				open = false
				break
			}
			pending = append(pending, w)
			if len(pending) >= batch {
				flush()
			}
		case <-tick.C:
			flush()
		}
		if time.Since(lastLog) >= 10*time.Second {
			lastLog = time.Now()
			sum.Duration = time.Since(start)
			progress(nil, log, false, sum)
		}
	}
	flush()
	sum.Duration = time.Since(start)
	return sum, writeErr
}

// writeWork writes the documents of a batch in one transaction, then acknowledges every
// message: Ack when stored (now or before) or skipped for good, Term when the input can
// never be read, Nak when it should be tried again.
func writeWork(ctx context.Context, st store.Store, items []workItem, log *slog.Logger, sum *ingestSummary) error {
	var docs []*doc.Document
	var which []int
	for i, w := range items {
		if w.r.err == nil && !w.r.stored {
			docs = append(docs, w.r.d)
			which = append(which, i)
		}
	}
	res, err := st.PutDocuments(context.WithoutCancel(ctx), docs)
	if err != nil {
		// Nothing of the batch was written: every message will be delivered again.
		for _, w := range items {
			w.m.Nak()
		}
		return fmt.Errorf("store: %w", err)
	}
	written := map[int]store.PutResult{}
	for k, i := range which {
		written[i] = res[k]
	}
	for i, w := range items {
		m, r := w.m, w.r
		sum.Bytes += int64(r.bytes)
		switch {
		case r.err != nil && ctx.Err() != nil && errors.Is(r.err, ctx.Err()):
			m.Nak() // interrupted while reading it: someone else will
		case r.err != nil && errors.Is(r.err, ingest.ErrTooShort):
			sum.Short++
			m.Ack()
		case r.err != nil:
			sum.Errors++
			log.Warn("document not read", "message", m.ID(), "error", r.err)
			m.Term(r.err.Error()) // the same input would fail again: do not redeliver
		case r.stored:
			sum.Read++
			sum.Stored++
			m.Ack()
		default:
			sum.Read++
			switch w := written[i]; {
			case w.Err != nil:
				sum.Errors++
				log.Warn("document not stored", "message", m.ID(), "error", w.Err)
				m.Nak()
			case w.Added:
				sum.Added++
				sum.Events += len(r.d.Events)
				m.Ack()
			default:
				sum.Stored++
				m.Ack()
			}
		}
	}
	return nil
}

// publishAll walks the inputs and puts every document on the queue (griot ingest --queue).
func publishAll(ctx context.Context, q *queue.Queue, paths []string, opts ingest.Options, log *slog.Logger) (ingestSummary, error) {
	start := time.Now()
	var sum ingestSummary
	err := ingest.Walk(ctx, paths, opts, func(it ingest.Item) error {
		switch {
		case it.Err != nil && errors.Is(it.Err, ingest.ErrTooShort):
			sum.Short++
		case it.Err != nil:
			sum.Errors++
			log.Warn("document not read", "input", it.Origin, "error", it.Err)
		default:
			if err := q.Publish(ctx, it.Doc); err != nil {
				if errors.Is(err, queue.ErrTooLarge) {
					sum.Errors++
					log.Warn("document not queued", "input", it.Origin, "error", err)
					return nil
				}
				return fmt.Errorf("%s: %w", it.Origin, err)
			}
			sum.Read++
			sum.Bytes += int64(len(it.Doc.Text))
		}
		return nil
	})
	sum.Duration = time.Since(start)
	return sum, err
}
