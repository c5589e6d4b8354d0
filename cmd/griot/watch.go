package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"time"

	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
)

const watchUsage = "usage: griot watch [--store URL] [--every 5m] [--workers N] [--allow-private] FEED_URL…"

// cmdWatch polls feeds (or any inputs) every --every and stores the new documents until
// interrupted. Documents already stored are skipped by the hash of their text, so an item
// seen at every poll is read once.
func cmdWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("watch", watchUsage, stderr)
	storeURL := storeFlag(fs)
	every := fs.Duration("every", 5*time.Minute, "time between two polls of the feeds (at least 100ms; be polite: minutes)")
	workers := fs.Int("workers", runtime.NumCPU(), "documents read in parallel")
	lang := fs.String("lang", "auto", "language of documents that do not say theirs: fr, en or auto")
	minWords := fs.Int("min-words", 10, "documents with fewer words are skipped as too short (0: keep all)")
	allowPrivate := fs.Bool("allow-private", false, "let feed URLs reach private, loopback and link-local addresses")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return &exitError{2, errors.New("watch takes at least one feed URL (or path)")}
	}
	if *every < 100*time.Millisecond || *workers < 1 {
		return &exitError{2, errors.New("--every must be at least 100ms and --workers at least 1")}
	}
	switch *lang {
	case "fr", "en", "auto":
	default:
		return &exitError{2, fmt.Errorf("unknown --lang %q (want fr, en or auto)", *lang)}
	}
	st, err := store.Open(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := pipeline.Default()
	if err != nil {
		return fmt.Errorf("loading the pipeline: %w", err)
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	// One fetcher for every poll: its per-host pacing holds across polls.
	opts := ingest.Options{MinWords: *minWords, Fetcher: &ingest.Fetcher{AllowPrivate: *allowPrivate}}
	var total ingestSummary
	for poll := 1; ; poll++ {
		sum, err := runIngest(ctx, st, p, fs.Args(), opts, *workers, *lang, log, false, stderr)
		total.Read += sum.Read
		total.Added += sum.Added
		total.Stored += sum.Stored
		total.Short += sum.Short
		total.Errors += sum.Errors
		total.Events += sum.Events
		total.Bytes += sum.Bytes
		total.Duration += sum.Duration
		if errors.Is(err, context.Canceled) || ctx.Err() != nil {
			break
		}
		if err != nil {
			fmt.Fprintln(stdout, "watch:", total)
			return err // the store failed: stop
		}
		log.Info("poll", "n", poll, "added", sum.Added, "stored", sum.Stored, "errors", sum.Errors, "events", sum.Events)
		t := time.NewTimer(*every)
		select {
		case <-ctx.Done():
			t.Stop()
		case <-t.C:
		}
		if ctx.Err() != nil {
			break
		}
	}
	fmt.Fprintln(stdout, "watch:", total)
	return nil
}
