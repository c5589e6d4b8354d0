package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
)

// maxInput bounds what extract reads into memory.
const maxInput = 64 << 20

func cmdExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "usage: griot extract [--lang fr|en|auto] [--published YYYY-MM-DD] [--id ID] [--format json|pretty|plover] FILE|-", stderr)
	lang := fs.String("lang", "auto", "language of the text: fr, en or auto")
	published := fs.String("published", "", "publication date YYYY-MM-DD (anchor for relative dates; default today)")
	id := fs.String("id", "", "document id (default: the start of the text's SHA-256)")
	format := fs.String("format", "json", "output: json, pretty or plover (PLOVER JSONL)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return &exitError{2, errors.New("extract takes one FILE, or - for standard input")}
	}
	switch *format {
	case "json", "pretty", "plover":
	default:
		return &exitError{2, fmt.Errorf("unknown --format %q (want json, pretty or plover)", *format)}
	}
	switch *lang {
	case "fr", "en", "auto":
	default:
		return &exitError{2, fmt.Errorf("unknown --lang %q (want fr, en or auto)", *lang)}
	}
	var pub time.Time
	if *published != "" {
		t, err := time.Parse(time.DateOnly, *published)
		if err != nil {
			return &exitError{2, fmt.Errorf("bad --published %q: want a date as YYYY-MM-DD", *published)}
		}
		pub = t
	}
	name := fs.Arg(0)
	text, err := readInput(name, stdin)
	if err != nil {
		return err
	}
	p, err := pipeline.Default()
	if err != nil {
		return fmt.Errorf("loading the pipeline: %w", err)
	}
	docID := *id
	if docID == "" && name != "-" {
		docID = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	d, err := p.Run(ctx, text, pipeline.Options{ID: docID, Lang: *lang, Published: pub})
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(name), err)
	}
	return writeReading(stdout, d, *format)
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// readInput reads FILE or standard input, at most maxInput bytes.
func readInput(name string, stdin io.Reader) (string, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("cannot read input: %w", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return "", fmt.Errorf("%s is a directory: extract reads one file (griot ingest reads folders)", name)
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", displayName(name), err)
	}
	if len(b) > maxInput {
		return "", fmt.Errorf("%s is larger than %d MiB: split it, or use griot ingest", displayName(name), maxInput>>20)
	}
	return string(b), nil
}

func writeReading(w io.Writer, d *doc.Document, format string) error {
	switch format {
	case "pretty":
		return writePretty(w, d)
	case "plover":
		return writePLOVER(w, d)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d.Reading())
}

// writePretty prints a short human summary: one line per event.
func writePretty(w io.Writer, d *doc.Document) error {
	r := d.Reading()
	names := map[string]string{}
	for _, a := range r.Actors {
		names[a.ID] = a.Name
	}
	list := func(ids []string) string {
		if len(ids) == 0 {
			return "—"
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			if n := names[id]; n != "" {
				out[i] = n
			} else {
				out[i] = id
			}
		}
		return strings.Join(out, " + ")
	}
	fmt.Fprintf(w, "%s (%s, published %s): %d sentences, %d actors, %d time expressions, %d quotes, %d events\n",
		r.Doc.ID, r.Doc.Lang, orDash(r.Doc.Published), len(r.Sentences), len(r.Actors), len(r.Timexes), len(r.Quotes), len(r.Events))
	for _, e := range r.Events {
		typ := e.Type
		if e.Mode != "" {
			typ += "/" + e.Mode
		}
		var acc []string
		for _, a := range e.Attribution {
			s := list([]string{a.Source})
			if a.Via != "" {
				s += " citing " + list([]string{a.Via})
			}
			acc = append(acc, s)
		}
		line := fmt.Sprintf("%-10s %-22s %-18s → %-22s %-12s", orDash(e.Date.Value), list(e.Actor), typ, list(e.Recipient), e.Factuality)
		if e.Location != nil {
			line += fmt.Sprintf(" in %s (precision %d)", e.Location.Name, e.Location.Precision)
		}
		if len(acc) > 0 {
			line += " according to " + strings.Join(acc, "; ")
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		fmt.Fprintf(w, "           “%s”\n", e.Evidence.Text)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
