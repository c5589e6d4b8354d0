//go:build unix

// Command throughput makes the input of bench/throughput/run.sh and times griot's
// extraction alone (no store) on it.
//
//	go run ./bench/throughput gen -target 50000000 -out /tmp/griot-throughput ../shared/data/masakhanews-fr-en
//	go run ./bench/throughput extract -workers 2 /tmp/griot-throughput/masakhanews-repeated.tsv
//
// gen repeats the rows of the MasakhaNEWS dev files (fra/dev.tsv, eng/dev.tsv) until the
// texts reach -target bytes. Copy N of a row gets " [copy N]" appended to its text and
// "#copy-N" to its url, so that every copy has its own content hash and griot ingest reads
// it instead of skipping it as already stored. It writes the same rows twice: as a TSV
// with the MasakhaNEWS header (what griot ingest reads) and as JSON lines {lang, text}
// (what the peers in peer.mjs read), and prints the number of rows and text bytes.
//
// extract reads the TSV with griot's own table reader and runs the default pipeline on
// -workers goroutines, like griot ingest without the store, and prints one JSON line:
// documents, text bytes, wall and CPU seconds, documents/s and MB/s, and per language
// (with -workers 1, where per-document times add up to the wall time) the MB/s of each.
package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/pipeline"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: throughput gen|extract …")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = cmdGen(os.Args[2:])
	case "extract":
		err = cmdExtract(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q (gen or extract)", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "throughput:", err)
		os.Exit(1)
	}
}

// row is one MasakhaNEWS article.
type row struct {
	lang                       string // from the folder: fr or en
	category, title, text, url string
}

// readDev reads DIR/{fra,eng}/dev.tsv (category, headline, text, url).
func readDev(dir string) ([]row, error) {
	var rows []row
	for _, l := range []struct{ folder, lang string }{{"fra", "fr"}, {"eng", "en"}} {
		path := filepath.Join(dir, l.folder, "dev.tsv")
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		r := csv.NewReader(f)
		r.Comma = '\t'
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		header, err := r.Read()
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: header: %w", path, err)
		}
		col := map[string]int{}
		for i, h := range header {
			col[strings.ToLower(strings.TrimSpace(h))] = i
		}
		for _, name := range []string{"category", "headline", "text", "url"} {
			if _, ok := col[name]; !ok {
				f.Close()
				return nil, fmt.Errorf("%s: no %q column in %q", path, name, header)
			}
		}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil && !errors.Is(err, csv.ErrFieldCount) {
				continue // a malformed row: griot ingest would count it as an error too
			}
			get := func(name string) string {
				if i := col[name]; i < len(rec) {
					return rec[i]
				}
				return ""
			}
			if strings.TrimSpace(get("text")) == "" {
				continue
			}
			rows = append(rows, row{lang: l.lang, category: get("category"), title: get("headline"), text: get("text"), url: get("url")})
		}
		f.Close()
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no rows in %s/{fra,eng}/dev.tsv", dir)
	}
	return rows, nil
}

func cmdGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	target := fs.Int64("target", 50_000_000, "text bytes to reach")
	out := fs.String("out", filepath.Join(os.TempDir(), "griot-throughput"), "output folder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: throughput gen [-target BYTES] [-out DIR] MASAKHANEWS_DIR")
	}
	rows, err := readDev(fs.Arg(0))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	tf, err := os.Create(filepath.Join(*out, "masakhanews-repeated.tsv"))
	if err != nil {
		return err
	}
	defer tf.Close()
	jf, err := os.Create(filepath.Join(*out, "masakhanews-repeated.jsonl"))
	if err != nil {
		return err
	}
	defer jf.Close()
	tw := csv.NewWriter(tf)
	tw.Comma = '\t'
	if err := tw.Write([]string{"category", "headline", "text", "url"}); err != nil {
		return err
	}
	je := json.NewEncoder(jf)
	var n, size int64
	byLang := map[string][2]int64{}
	for copyN := 1; size < *target; copyN++ {
		for _, r := range rows {
			text := fmt.Sprintf("%s [copy %d]", strings.TrimSpace(r.text), copyN)
			if err := tw.Write([]string{r.category, r.title, text, fmt.Sprintf("%s#copy-%d", r.url, copyN)}); err != nil {
				return err
			}
			if err := je.Encode(struct {
				Lang string `json:"lang"`
				Text string `json:"text"`
			}{r.lang, text}); err != nil {
				return err
			}
			n++
			size += int64(len(text))
			c := byLang[r.lang]
			byLang[r.lang] = [2]int64{c[0] + 1, c[1] + int64(len(text))}
			if size >= *target {
				break
			}
		}
	}
	tw.Flush()
	if err := tw.Error(); err != nil {
		return err
	}
	if err := tf.Close(); err != nil {
		return err
	}
	if err := jf.Close(); err != nil {
		return err
	}
	fmt.Printf("{\"documents\":%d,\"text_bytes\":%d,\"fr_documents\":%d,\"fr_bytes\":%d,\"en_documents\":%d,\"en_bytes\":%d,\"dir\":%q}\n",
		n, size, byLang["fr"][0], byLang["fr"][1], byLang["en"][0], byLang["en"][1], *out)
	return nil
}

// langStat adds up one language's documents, bytes and reading time.
type langStat struct {
	Docs    int     `json:"documents"`
	Bytes   int64   `json:"text_bytes"`
	Seconds float64 `json:"seconds"`
	MBps    float64 `json:"mb_per_s"`
}

func cmdExtract(args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	workers := fs.Int("workers", 1, "documents read in parallel")
	minWords := fs.Int("min-words", 10, "skip documents with fewer words, like griot ingest")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *workers < 1 {
		return errors.New("usage: throughput extract [-workers N] FILE.tsv")
	}
	p, err := pipeline.Default()
	if err != nil {
		return fmt.Errorf("building the pipeline: %w", err)
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()

	type result struct {
		lang  string
		bytes int
		dur   time.Duration
		err   error
	}
	jobs := make(chan *ingest.Doc, 64)
	results := make(chan result, 64)
	ctx := context.Background()
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				t0 := time.Now()
				out, err := p.Run(ctx, d.Text, pipeline.Options{ID: d.ID, Lang: d.Lang, Published: d.Published, Source: d.Source, URL: d.URL, Title: d.Title})
				r := result{bytes: len(d.Text), dur: time.Since(t0), err: err}
				if out != nil {
					r.lang = out.Lang
				}
				results <- r
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	cpu0 := cpuSeconds()
	start := time.Now()
	var readErr error
	go func() {
		defer close(jobs)
		readErr = ingest.ReadTable(ctx, f, fs.Arg(0), '\t', nil, func(it ingest.Item) error {
			if it.Err != nil || it.Doc == nil {
				return nil // counted as an error by griot ingest; none in the generated input
			}
			if *minWords > 0 && len(strings.Fields(it.Doc.Text)) < *minWords {
				return nil
			}
			jobs <- it.Doc
			return nil
		})
	}()
	var docs, errs int
	var size int64
	byLang := map[string]*langStat{}
	for r := range results {
		if r.err != nil && !errors.Is(r.err, pipeline.ErrEmpty) {
			errs++
			continue
		}
		docs++
		size += int64(r.bytes)
		s := byLang[r.lang]
		if s == nil {
			s = &langStat{}
			byLang[r.lang] = s
		}
		s.Docs++
		s.Bytes += int64(r.bytes)
		s.Seconds += r.dur.Seconds()
	}
	wall := time.Since(start).Seconds()
	cpu := cpuSeconds() - cpu0
	if readErr != nil {
		return fmt.Errorf("reading %s: %w", fs.Arg(0), readErr)
	}
	langs := make([]string, 0, len(byLang))
	for l, s := range byLang {
		if s.Seconds > 0 {
			s.MBps = float64(s.Bytes) / 1e6 / s.Seconds
		}
		langs = append(langs, l)
	}
	sort.Strings(langs)
	out := map[string]any{
		"workers": *workers, "gomaxprocs": runtime.GOMAXPROCS(0),
		"documents": docs, "errors": errs, "text_bytes": size,
		"wall_s": round(wall), "cpu_s": round(cpu),
		"docs_per_s": round(float64(docs) / wall), "mb_per_s": round(float64(size) / 1e6 / wall),
		"docs_per_cpu_s": round(float64(docs) / cpu), "mb_per_cpu_s": round(float64(size) / 1e6 / cpu),
		"by_lang": byLang,
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	fmt.Println(string(b))
	return nil
}

// cpuSeconds is the user+system CPU time of this process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

func round(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }
