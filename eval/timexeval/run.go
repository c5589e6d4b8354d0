package timexeval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/griot-project/griot/timex"
)

// Prediction is one line of a --predictions file: the spans another tagger found in the
// document called Name (the path relative to --gold, as --dump writes it).
type Prediction struct {
	Name    string `json:"name"`
	Timexes []Span `json:"timexes"`
}

// LoadDir reads every .tml file under dir, sorted by path; names are relative to dir.
func LoadDir(dir string) ([]*Doc, error) {
	var docs []*Doc
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || !strings.HasSuffix(path, ".tml") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		d, err := ParseTML(rel, data)
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading gold %s: %w", dir, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no .tml files under %s", dir)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	return docs, nil
}

// ParseDCT reads a TIMEX3 creation-time value (YYYY-MM-DD, with an optional time part,
// or YYYYMMDD).
func ParseDCT(v string) (time.Time, error) {
	if len(v) >= 10 {
		if t, err := time.Parse(time.DateOnly, v[:10]); err == nil {
			return t, nil
		}
	}
	if len(v) >= 8 {
		if t, err := time.Parse("20060102", v[:8]); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad creation time %q", v)
}

const usage = `usage: griot eval timex --gold DIR [--lang fr|en|auto] [--predictions FILE.jsonl] [--dump FILE.jsonl] [--errors] [--all]`

// Run implements `griot eval timex`.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("eval timex", flag.ContinueOnError)
	fset.SetOutput(stderr)
	gold := fset.String("gold", "", "directory of ISO-TimeML .tml files (read recursively)")
	lang := fset.String("lang", "auto", "language of the texts: fr, en or auto")
	preds := fset.String("predictions", "", "score this JSONL of another tagger's spans instead of running griot")
	dump := fset.String("dump", "", "write the gold documents (name, dct, text, timexes) as JSONL to FILE and stop")
	showErrors := fset.Bool("errors", false, "list every missed, spurious or wrongly valued expression")
	showAll := fset.Bool("all", false, "with the error list, list the right expressions too (kind ok)")
	fset.Usage = func() { fmt.Fprintln(stderr, usage); fset.PrintDefaults() }
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *gold == "" {
		fset.Usage()
		return errors.New("eval timex needs --gold DIR")
	}
	switch *lang {
	case "fr", "en", "auto":
	default:
		return fmt.Errorf("unknown --lang %q (want fr, en or auto)", *lang)
	}
	docs, err := LoadDir(*gold)
	if err != nil {
		return err
	}
	if *dump != "" {
		return dumpDocs(*dump, docs)
	}
	c := NewCounts()
	c.KeepMismatch = *showErrors || *showAll
	c.KeepMatch = *showAll
	var bytes int
	var elapsed time.Duration
	if *preds != "" {
		p, err := loadPredictions(*preds)
		if err != nil {
			return err
		}
		for _, d := range docs {
			c.Add(d.Name, d.Timexes, p[d.Name])
		}
	} else {
		tg, err := timex.New()
		if err != nil {
			return err
		}
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			dct, err := ParseDCT(d.DCT)
			if err != nil {
				return fmt.Errorf("%s: %w", d.Name, err)
			}
			t0 := time.Now()
			got := tg.Tag(d.Text, *lang, dct)
			elapsed += time.Since(t0)
			bytes += len(d.Text)
			sys := make([]Span, len(got))
			for i, x := range got {
				sys[i] = Span{Start: x.Start, End: x.End, Text: x.Text, Type: x.Type, Value: x.Value}
			}
			c.Add(d.Name, d.Timexes, sys)
		}
	}
	if *showErrors || *showAll {
		for _, m := range c.Mismatch {
			if *showAll {
				fmt.Fprintf(stdout, "%-8s %s@%d\tgold %s\tsys %s\n", m.Kind, m.Doc, m.At, m.Gold, m.Sys)
				continue
			}
			fmt.Fprintf(stdout, "%-8s %s\tgold %s\tsys %s\n", m.Kind, m.Doc, m.Gold, m.Sys)
		}
	}
	fmt.Fprintf(stdout, "%d documents from %s\n", len(docs), *gold)
	if elapsed > 0 {
		fmt.Fprintf(stdout, "griot tagging (with folding and segmentation): %d bytes in %v, %.1f MB/s\n", bytes, elapsed.Round(time.Millisecond), float64(bytes)/1e6/elapsed.Seconds())
	}
	c.Report(stdout)
	return nil
}

func dumpDocs(path string, docs []*Doc) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func loadPredictions(path string) (map[string][]Span, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]Span{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p Prediction
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		sort.Slice(p.Timexes, func(i, j int) bool { return p.Timexes[i].Start < p.Timexes[j].Start })
		out[p.Name] = append(out[p.Name], p.Timexes...)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
