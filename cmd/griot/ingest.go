package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/queue"
	"github.com/griot-project/griot/store"
	_ "github.com/griot-project/griot/store/postgres" // postgres:// stores
	_ "github.com/griot-project/griot/store/sqlite"   // sqlite:// stores
)

const ingestUsage = "usage: griot ingest [--store URL | --queue nats://HOST:4222] [--workers N] [--lang fr|en|auto] [--columns FIELD=COLUMN,…] [--min-words N] PATH|URL|-…"

// ingestSummary counts what a run did.
type ingestSummary struct {
	Read     int // documents read from the inputs
	Added    int
	Stored   int // skipped: already in the store
	Short    int // skipped: too short to be an article
	Errors   int
	Events   int // events of the added documents
	Bytes    int64
	Duration time.Duration
}

func (s ingestSummary) String() string {
	secs := max(s.Duration.Seconds(), 1e-9)
	return fmt.Sprintf("ingest: %d documents read, %d added, %d already stored, %d too short, %d errors; %d events; %.1fs, %.0f docs/s, %.2f MB/s",
		s.Read, s.Added, s.Stored, s.Short, s.Errors, s.Events, s.Duration.Seconds(), float64(s.Read)/secs, float64(s.Bytes)/1e6/secs)
}

type ingestJob struct {
	it ingest.Item
}

type ingestResult struct {
	origin string
	d      *doc.Document
	stored bool // already in the store: not read again
	bytes  int
	err    error
}

func cmdIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", ingestUsage, stderr, "Inputs: text files (NAME.meta.json beside them gives id, lang, published, source), JSON lines, TSV/CSV with a header, HTML, RSS/Atom/JSON feeds, WARC, any of them gzipped; folders are walked, globs expanded, http(s) URLs fetched (30 s timeout, one request per host a second), - is standard input.")
	storeURL := storeFlag(fs)
	workers := fs.Int("workers", runtime.NumCPU(), "documents read in parallel")
	lang := fs.String("lang", "auto", "language of documents that do not say theirs: fr, en or auto")
	columns := fs.String("columns", "", "TSV/CSV column names for document fields, e.g. text=body,published=date")
	minWords := fs.Int("min-words", 10, "documents with fewer words are skipped as too short (0: keep all)")
	maxBytes := fs.Int64("max-bytes", 16<<20, "largest document (or JSON line) read, in bytes")
	allowPrivate := fs.Bool("allow-private", false, "let http(s) URLs reach private, loopback and link-local addresses")
	queueURL := fs.String("queue", "", "put documents on this NATS JetStream queue (nats://HOST:4222) for griot worker instead of reading them here")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{2, errors.New("ingest takes at least one PATH, or - for standard input")}
	}
	if *workers < 1 {
		return &exitError{2, fmt.Errorf("--workers %d: want at least 1", *workers)}
	}
	switch *lang {
	case "fr", "en", "auto":
	default:
		return &exitError{2, fmt.Errorf("unknown --lang %q (want fr, en or auto)", *lang)}
	}
	cols := map[string]string{}
	if *columns != "" {
		for _, kv := range strings.Split(*columns, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" || v == "" {
				return &exitError{2, fmt.Errorf("bad --columns item %q: want FIELD=COLUMN", kv)}
			}
			switch k {
			case "id", "url", "published", "lang", "title", "text", "source":
			default:
				return &exitError{2, fmt.Errorf("bad --columns field %q: want id, url, published, lang, title, text or source", k)}
			}
			cols[k] = v
		}
	}

	log := slog.New(slog.NewTextHandler(stderr, nil))
	opts := ingest.Options{Columns: cols, MaxBytes: *maxBytes, Stdin: stdin, MinWords: *minWords,
		Fetcher: &ingest.Fetcher{AllowPrivate: *allowPrivate}}
	if *queueURL != "" {
		q, err := queue.Open(ctx, *queueURL)
		if err != nil {
			return err
		}
		defer q.Close()
		sum, err := publishAll(ctx, q, fs.Args(), opts, log)
		fmt.Fprintf(stdout, "ingest: %d documents queued, %d too short, %d errors; %.1fs, %.0f docs/s\n",
			sum.Read, sum.Short, sum.Errors, sum.Duration.Seconds(), float64(sum.Read)/max(sum.Duration.Seconds(), 1e-9))
		if errors.Is(err, context.Canceled) {
			return &exitError{130, errors.New("interrupted: what was queued stays queued")}
		}
		return err
	}

	st, p, err := openReading(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()

	tty := false
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		tty = true
	}
	sum, err := runIngest(ctx, st, p, fs.Args(), opts, *workers, *lang, log, tty, stderr)
	fmt.Fprintln(stdout, sum)
	if s, serr := st.Stats(context.WithoutCancel(ctx)); serr == nil {
		fmt.Fprintf(stdout, "store: %d documents (%d near duplicates), %d events in %d clusters, %d actors, %d quotes, %d dyad-days\n",
			s.Documents, s.NearDuplicates, s.Events, s.Clusters, s.Actors, s.Quotes, s.DyadDays)
	}
	if errors.Is(err, context.Canceled) {
		return &exitError{130, errors.New("interrupted: what was written is kept")}
	}
	return err
}

// runIngest walks the inputs, reads documents in parallel and writes them from one
// goroutine. Interrupted by ctx, it writes the documents already read and returns
// ctx's error.
func runIngest(ctx context.Context, st store.Store, p *pipeline.Pipeline, paths []string, opts ingest.Options, workers int, lang string, log *slog.Logger, tty bool, stderr io.Writer) (ingestSummary, error) {
	start := time.Now()
	var total int64
	var done atomic.Int64
	if tty {
		total = ingest.Size(ctx, paths)
		opts.Done = func(_ string, size int64) { done.Add(size) }
	}
	rctx, stop := context.WithCancel(ctx) // stops the reading when the store fails
	defer stop()
	jobs := make(chan ingestJob, workers*4)
	results := make(chan ingestResult, workers*4)
	var walkErr error
	go func() {
		defer close(jobs)
		walkErr = ingest.Walk(rctx, paths, opts, func(it ingest.Item) error {
			select {
			case jobs <- ingestJob{it}:
				return nil
			case <-rctx.Done():
				return rctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if rctx.Err() != nil {
					continue // drain: the walk is stopping
				}
				results <- readOne(rctx, st, p, j.it, lang)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var sum ingestSummary
	wctx := context.WithoutCancel(ctx) // what was read is written even after Ctrl-C
	last := time.Now()
	var writeErr error
	var batch []ingestResult
	flush := func() {
		if len(batch) == 0 || writeErr != nil {
			batch = batch[:0]
			return
		}
		docs := make([]*doc.Document, len(batch))
		for i, r := range batch {
			docs[i] = r.d
		}
		res, err := st.PutDocuments(wctx, docs)
		if err != nil {
			// The store is failing: stop reading, report what was done.
			writeErr = err
			log.Error("store write failed, stopping", "error", err)
			stop()
			batch = batch[:0]
			return
		}
		for i, r := range res {
			switch {
			case r.Err != nil:
				sum.Errors++
				log.Warn("document not stored", "input", batch[i].origin, "error", r.Err)
			case r.Added:
				sum.Added++
				sum.Events += len(docs[i].Events)
			default:
				sum.Stored++
			}
		}
		batch = batch[:0]
	}
	tick := time.NewTicker(flushEvery)
	defer tick.Stop()
	for open := true; open; {
		select {
		case r, ok := <-results:
			if !ok {
				open = false
				break
			}
			sum.Bytes += int64(r.bytes)
			switch {
			case r.err != nil && errors.Is(r.err, ingest.ErrTooShort):
				sum.Short++
				log.Debug("skipped", "input", r.origin, "reason", r.err)
			case r.err != nil && rctx.Err() != nil && errors.Is(r.err, rctx.Err()):
				// interrupted while being read: not an error of the document
			case r.err != nil:
				sum.Errors++
				log.Warn("document not read", "input", r.origin, "error", r.err)
			case r.stored:
				sum.Read++
				sum.Stored++
			default:
				sum.Read++
				batch = append(batch, r)
				if len(batch) >= writeBatch {
					flush()
				}
			}
		case <-tick.C:
			flush()
		}
		if now := time.Now(); now.Sub(last) >= progressEvery(tty) {
			last = now
			sum.Duration = now.Sub(start)
			progress(stderr, log, tty, sum)
			if tty && total > 0 {
				fmt.Fprint(stderr, eta(done.Load(), total, sum.Duration))
			}
		}
	}
	flush()
	if tty {
		fmt.Fprint(stderr, "\r\033[K")
	}
	sum.Duration = time.Since(start)
	if writeErr != nil {
		return sum, writeErr
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return sum, walkErr
	}
	return sum, ctx.Err()
}

// writeBatch is how many documents are written in one transaction (at most; a batch is
// also written every flushEvery). Larger batches cost less a document: each commit writes
// the pages it touched to the WAL and each batch adds a segment to the full-text index.
const writeBatch = 256

// flushEvery is how often the documents read are written even when a batch is not full.
const flushEvery = time.Second

// eta is the share of input bytes read and the time left at the pace so far.
func eta(done, total int64, elapsed time.Duration) string {
	if done <= 0 || total <= 0 {
		return ""
	}
	f := min(1, float64(done)/float64(total))
	left := time.Duration(float64(elapsed) * (1 - f) / f).Round(time.Second)
	return fmt.Sprintf(" · %.0f%% · ETA %s", 100*f, left)
}

func progressEvery(tty bool) time.Duration {
	if tty {
		return 200 * time.Millisecond
	}
	return 10 * time.Second
}

// progress shows where a run is: one rewritten line on a terminal, a log line otherwise.
func progress(w io.Writer, log *slog.Logger, tty bool, s ingestSummary) {
	secs := max(s.Duration.Seconds(), 1e-9)
	if tty {
		fmt.Fprintf(w, "\r\033[K%d docs (%d new, %d stored) · %d events · %d errors · %.0f docs/s · %.2f MB/s",
			s.Read, s.Added, s.Stored, s.Events, s.Errors, float64(s.Read)/secs, float64(s.Bytes)/1e6/secs)
		return
	}
	log.Info("progress", "documents", s.Read, "added", s.Added, "stored", s.Stored, "events", s.Events, "errors", s.Errors,
		"docs_per_s", int(float64(s.Read)/secs), "mb_per_s", fmt.Sprintf("%.2f", float64(s.Bytes)/1e6/secs))
}

// readOne reads one document unless its text is already stored.
func readOne(ctx context.Context, st store.Store, p *pipeline.Pipeline, it ingest.Item, lang string) ingestResult {
	r := ingestResult{origin: it.Origin, err: it.Err}
	if it.Err != nil || it.Doc == nil {
		if r.err == nil {
			r.err = errors.New("no document")
		}
		return r
	}
	d := it.Doc
	r.bytes = len(d.Text)
	ok, err := st.HasDocument(ctx, doc.ContentHash(d.Text))
	if err != nil {
		r.err = err
		return r
	}
	if ok {
		r.stored = true
		return r
	}
	l := d.Lang
	if l == "" {
		l = lang
	}
	r.d, r.err = p.Run(ctx, d.Text, pipeline.Options{ID: d.ID, Lang: l, Published: d.Published, Source: d.Source, URL: d.URL, Title: d.Title})
	return r
}

// openReading opens the store readings go to and loads the pipeline that reads them
// (ingest and worker both write readings).
func openReading(ctx context.Context, storeURL string) (store.Store, *pipeline.Pipeline, error) {
	st, err := store.Open(ctx, storeURL)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.Default()
	if err != nil {
		st.Close()
		return nil, nil, fmt.Errorf("loading the pipeline: %w", err)
	}
	return st, p, nil
}
