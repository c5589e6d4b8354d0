package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/griot-project/griot/plover"
	"github.com/griot-project/griot/store"
)

const exportUsage = "usage: griot export [--store URL] [--format plover|events]"

// cmdExport writes every stored event in a stable order that does not depend on the order
// documents were ingested in: plover (PLOVER JSON lines, documents in SHA-256 order, events
// in document order) or events (the store's event rows as JSON lines, by date then id).
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	storeURL := fs.String("store", "sqlite://griot.db", "the store: sqlite://PATH or postgres://USER@HOST:PORT/DB")
	format := fs.String("format", "plover", "plover (PLOVER JSON lines) or events (stored event rows as JSON lines)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, exportUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return &exitError{2, errors.New("")}
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return &exitError{2, fmt.Errorf("export takes no arguments, got %q", fs.Args())}
	}
	if *format != "plover" && *format != "events" {
		return &exitError{2, fmt.Errorf("unknown --format %q (want plover or events)", *format)}
	}
	st, err := store.Open(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()
	w := bufio.NewWriterSize(stdout, 1<<16)
	if *format == "events" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if err := st.Export(ctx, func(r store.EventRow) error { return enc.Encode(r) }); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return w.Flush()
	}
	for after := ""; ; {
		page, err := st.Documents(ctx, after, 500)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if len(page) == 0 {
			break
		}
		for _, info := range page {
			if info.Events == 0 {
				continue
			}
			d, err := st.Document(ctx, info.SHA256)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if err := plover.WriteJSONL(w, d); err != nil {
				return fmt.Errorf("export %s: %w", info.ID, err)
			}
		}
		after = page[len(page)-1].SHA256
	}
	return w.Flush()
}
