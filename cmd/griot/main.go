// Command griot turns news articles into political event data.
//
//	griot extract [flags] FILE|-     the reading of one article (JSON, pretty or PLOVER)
//	griot eval KIND [flags]          score a stage against a gold corpus
//	griot version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

const usage = `griot turns news articles into political event data.

Usage:
  griot extract [--lang fr|en|auto] [--published YYYY-MM-DD] [--id ID] [--format json|pretty|plover] FILE|-
                                  the reading of one article
  griot ingest [--store URL | --queue nats://HOST:4222] [--workers N] [--allow-private] PATH|URL|-…
                                  read and store articles (text, HTML, feeds, WARC, JSONL, TSV/CSV, gzip, folders)
  griot watch [--store URL] [--every 5m] FEED_URL…
                                  poll feeds, store new items
  griot worker --queue nats://HOST:4222 [--store URL] [--workers N]
                                  read queued documents into a store
  griot export [--store URL] [--format plover|events]
                                  every event cluster (plover) or event, in a stable order
  griot events [filters]          list stored events
  griot relations A B [--interval month]
                                  cooperation and conflict between two actors over time
  griot serve [--store URL] [--addr 127.0.0.1:8080] [--token T]
                                  the HTTP API and the web UI
  griot eval timex|ner|quotes|events|places [flags]
                                  score a stage against a gold corpus (docs/QUALITY.md)
  griot train ner --format conll|iob|hipe|meantime --train FILE[,FILE] --out MODEL
                                  train the name tagger on your own gold files
  griot version

The default store is sqlite://griot.db; postgres://… works wherever a store is taken.
Run 'griot COMMAND -h' for a command's flags.
`

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// exitError carries an exit code through to main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// gcPercent is the garbage collector's target when GOGC is not set: a reading keeps little
// alive between documents, so collecting half as often as Go's default (100) saves about 6 %
// of an ingest's CPU for about 17 % more peak memory (docs/performance/throughput.md, pass 10).
const gcPercent = 200

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err != nil {
		code := 1
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
		if err.Error() != "" {
			fmt.Fprintln(os.Stderr, "griot:", err)
		}
		os.Exit(code)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return &exitError{2, errors.New("no command given")}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return cmdExtract(ctx, rest, stdin, stdout, stderr)
	case "ingest":
		return cmdIngest(ctx, rest, stdin, stdout, stderr)
	case "export":
		return cmdExport(ctx, rest, stdout, stderr)
	case "watch":
		return cmdWatch(ctx, rest, stdout, stderr)
	case "worker":
		return cmdWorker(ctx, rest, stdout, stderr)
	case "eval":
		return cmdEval(ctx, rest, stdout, stderr)
	case "train":
		return cmdTrain(ctx, rest, stdout, stderr)
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "events":
		return cmdEvents(ctx, rest, stdout, stderr)
	case "relations":
		return cmdRelations(ctx, rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "griot", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return &exitError{2, fmt.Errorf("unknown command %q", cmd)}
}
