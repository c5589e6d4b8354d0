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
// -workers goroutines, like griot ingest without the store (with -store, it also writes
// the readings in batches of 64 and times the writes apart; -cpuprofile profiles the run),
// and prints one JSON line:
// documents, text bytes, wall and CPU seconds, documents/s and MB/s, and per language
// (with -workers 1, where per-document times add up to the wall time) the MB/s of each.
//
// store reads the whole TSV first (keeping every reading in memory: ~40 MB a MB of text,
// so a few MB, not run.sh's whole table), then writes the readings to -store in batches of
// -batch (256, like griot ingest) and prints the CPU seconds of the writes alone
// (-cpuprofile profiles only them), then writes them all again to check that nothing is
// added. It also prints what the writes allocated on the Go heap (MB, objects) and the
// collections they cost, figures that do not move with the machine's load. -save FILE
// keeps the readings (encoding/gob) and -load reads them back instead of a TSV, so that the
// writes can be timed again without the extraction, or counted under callgrind (whose
// --toggle-collect does not follow goroutines across threads: count the whole run, the
// same readings loaded each time):
//
//	go run ./bench/throughput store -store sqlite:///tmp/s.db -save /tmp/r.gob /tmp/griot-throughput/masakhanews-repeated.tsv
//	go run ./bench/throughput store -store sqlite:///tmp/s2.db -load /tmp/r.gob
package main

import (
	"context"
	"encoding/csv"
	"encoding/gob"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/ingest"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
	_ "github.com/griot-project/griot/store/postgres" // postgres:// stores
	_ "github.com/griot-project/griot/store/sqlite"   // sqlite:// stores
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: throughput gen|extract|store …")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = cmdGen(os.Args[2:])
	case "extract":
		err = cmdExtract(os.Args[2:])
	case "store":
		err = cmdStore(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q (gen, extract or store)", os.Args[1])
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
	first := fs.Int("first", 1, "number of the first copy (copies of another run have other hashes)")
	copies := fs.Int("copies", 0, "write exactly this many copies of every row instead of reaching -target")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: throughput gen [-target BYTES] [-out DIR] MASAKHANEWS_DIR")
	}
	st, err := gen(fs.Arg(0), *out, *first, *copies, *target)
	if err != nil {
		return err
	}
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	fmt.Println(string(b))
	return nil
}

// genStats says what gen wrote.
type genStats struct {
	Docs    int64  `json:"documents"`
	Bytes   int64  `json:"text_bytes"`
	FrDocs  int64  `json:"fr_documents"`
	FrBytes int64  `json:"fr_bytes"`
	EnDocs  int64  `json:"en_documents"`
	EnBytes int64  `json:"en_bytes"`
	Dir     string `json:"dir"`
}

// gen writes OUT/masakhanews-repeated.{tsv,jsonl}: the rows of DIR/{fra,eng}/dev.tsv
// repeated until their texts reach target bytes (or exactly copies times when copies > 0),
// copies numbered from first.
func gen(dir, out string, first, copies int, target int64) (genStats, error) {
	st := genStats{Dir: out}
	rows, err := readDev(dir)
	if err != nil {
		return st, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return st, err
	}
	tf, err := os.Create(filepath.Join(out, "masakhanews-repeated.tsv"))
	if err != nil {
		return st, err
	}
	defer tf.Close()
	jf, err := os.Create(filepath.Join(out, "masakhanews-repeated.jsonl"))
	if err != nil {
		return st, err
	}
	defer jf.Close()
	tw := csv.NewWriter(tf)
	tw.Comma = '\t'
	if err := tw.Write([]string{"category", "headline", "text", "url"}); err != nil {
		return st, err
	}
	je := json.NewEncoder(jf)
	more := func(copyN int) bool {
		if copies > 0 {
			return copyN < first+copies
		}
		return st.Bytes < target
	}
	for copyN := first; more(copyN); copyN++ {
		for _, r := range rows {
			text := fmt.Sprintf("%s [copy %d]", strings.TrimSpace(r.text), copyN)
			if err := tw.Write([]string{r.category, r.title, text, fmt.Sprintf("%s#copy-%d", r.url, copyN)}); err != nil {
				return st, err
			}
			if err := je.Encode(struct {
				Lang string `json:"lang"`
				Text string `json:"text"`
			}{r.lang, text}); err != nil {
				return st, err
			}
			st.Docs++
			st.Bytes += int64(len(text))
			if r.lang == "fr" {
				st.FrDocs++
				st.FrBytes += int64(len(text))
			} else {
				st.EnDocs++
				st.EnBytes += int64(len(text))
			}
			if copies <= 0 && st.Bytes >= target {
				break
			}
		}
	}
	tw.Flush()
	if err := tw.Error(); err != nil {
		return st, err
	}
	if err := tf.Close(); err != nil {
		return st, err
	}
	return st, jf.Close()
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
	storeURL := fs.String("store", "", "also write the readings to this store (sqlite://PATH…) in batches of 64, like griot ingest, timing the writes apart")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
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
	ctx := context.Background()
	var st store.Store
	if *storeURL != "" {
		if st, err = store.Open(ctx, *storeURL); err != nil {
			return fmt.Errorf("opening the store: %w", err)
		}
		defer st.Close()
	}
	if *cpuProfile != "" {
		pf, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}

	type result struct {
		d     *doc.Document
		lang  string
		bytes int
		dur   time.Duration
		err   error
	}
	jobs := make(chan *ingest.Doc, 64)
	results := make(chan result, 64)
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
					if st != nil {
						r.d = out
					}
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
			if *minWords > 0 && ingest.Words(it.Doc.Text, *minWords) < *minWords {
				return nil
			}
			jobs <- it.Doc
			return nil
		})
	}()
	var docs, errs, storeErrs int
	var size int64
	byLang := map[string]*langStat{}
	var batch []*doc.Document
	var storeTime time.Duration
	var storeErr error
	flush := func() {
		if len(batch) == 0 || storeErr != nil {
			return
		}
		t0 := time.Now()
		res, err := st.PutDocuments(ctx, batch)
		storeTime += time.Since(t0)
		if err != nil {
			storeErr = err
		}
		for _, r := range res {
			if r.Err != nil {
				storeErrs++
			}
		}
		batch = batch[:0]
	}
	for r := range results {
		if r.err != nil && !errors.Is(r.err, pipeline.ErrEmpty) {
			errs++
			continue
		}
		if r.d != nil {
			batch = append(batch, r.d)
			if len(batch) >= 64 {
				flush()
			}
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
	if st != nil {
		flush()
	}
	wall := time.Since(start).Seconds()
	cpu := cpuSeconds() - cpu0
	if readErr != nil {
		return fmt.Errorf("reading %s: %w", fs.Arg(0), readErr)
	}
	if storeErr != nil {
		return fmt.Errorf("writing to the store: %w", storeErr)
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
	if st != nil {
		out["store_s"] = round(storeTime.Seconds())
		out["store_errors"] = storeErrs
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	fmt.Println(string(b))
	return nil
}

func cmdStore(args []string) error {
	fs := flag.NewFlagSet("store", flag.ContinueOnError)
	minWords := fs.Int("min-words", 10, "skip documents with fewer words, like griot ingest")
	storeURL := fs.String("store", "", "the store to write the readings to (sqlite://PATH, postgres://…)")
	batchSize := fs.Int("batch", 256, "documents a PutDocuments call")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the writes to this file (go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a profile of what was allocated up to the end of the timed writes to this file (go tool pprof -sample_index=alloc_space)")
	save := fs.String("save", "", "also save the readings to this file (encoding/gob), for -load")
	load := fs.Bool("load", false, "read the readings saved by -save from the file argument instead of running the pipeline on a TSV")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *storeURL == "" || *batchSize < 1 {
		return errors.New("usage: throughput store -store URL [-batch N] [-cpuprofile FILE] [-save FILE] FILE.tsv | -load FILE.gob")
	}
	ctx := context.Background()
	var docs []*doc.Document
	var size int64
	var err error
	if *load {
		docs, err = loadReadings(fs.Arg(0))
		for _, d := range docs {
			size += int64(len(d.Text))
		}
	} else {
		docs, size, err = readReadings(ctx, fs.Arg(0), *minWords)
	}
	if err != nil {
		return err
	}
	if *save != "" {
		if err := saveReadings(*save, docs); err != nil {
			return err
		}
	}
	st, err := store.Open(ctx, *storeURL)
	if err != nil {
		return fmt.Errorf("opening the store: %w", err)
	}
	defer st.Close()
	return timeWrites(ctx, st, docs, size, *batchSize, *cpuProfile, *memProfile)
}

// saveReadings writes docs to path (encoding/gob). What comes back is what the store reads,
// but for two things: the normalize stage's fold keeps only its text (all the store reads
// of it), and empty lists come back nil, so an event's JSON body may say null where it
// said [] — enough to time the writes, not to compare what they store.
func saveReadings(path string, docs []*doc.Document) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("saving the readings: %w", err)
	}
	if err := gob.NewEncoder(f).Encode(docs); err != nil {
		f.Close()
		return fmt.Errorf("saving the readings to %s: %w", path, err)
	}
	return f.Close()
}

// loadReadings reads what saveReadings wrote.
func loadReadings(path string) ([]*doc.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("loading the readings: %w", err)
	}
	defer f.Close()
	var docs []*doc.Document
	if err := gob.NewDecoder(f).Decode(&docs); err != nil {
		return nil, fmt.Errorf("loading the readings from %s: %w", path, err)
	}
	return docs, nil
}

// readReadings runs the default pipeline on the rows of the TSV at path.
func readReadings(ctx context.Context, path string, minWords int) ([]*doc.Document, int64, error) {
	p, err := pipeline.Default()
	if err != nil {
		return nil, 0, fmt.Errorf("building the pipeline: %w", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var docs []*doc.Document
	var size int64
	err = ingest.ReadTable(ctx, f, path, '\t', nil, func(it ingest.Item) error {
		if it.Err != nil || it.Doc == nil {
			return nil
		}
		d := it.Doc
		if minWords > 0 && ingest.Words(d.Text, minWords) < minWords {
			return nil
		}
		out, err := p.Run(ctx, d.Text, pipeline.Options{ID: d.ID, Lang: d.Lang, Published: d.Published, Source: d.Source, URL: d.URL, Title: d.Title})
		if err != nil {
			return nil
		}
		out.Tokens = nil // not stored: a smaller heap while the writes are timed
		docs = append(docs, out)
		size += int64(len(out.Text))
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", path, err)
	}
	return docs, size, nil
}

// timeWrites writes docs to st in batches, timed (and profiled to cpuProfile and memProfile
// when not ""), then again, and prints the figures.
func timeWrites(ctx context.Context, st store.Store, docs []*doc.Document, size int64, batchSize int, cpuProfile, memProfile string) error {
	write := func() (added, errs int, err error) {
		for lo := 0; lo < len(docs); lo += batchSize {
			res, err := st.PutDocuments(ctx, docs[lo:min(len(docs), lo+batchSize)])
			if err != nil {
				return added, errs, err
			}
			for _, r := range res {
				if r.Err != nil {
					errs++
				} else if r.Added {
					added++
				}
			}
		}
		return added, errs, nil
	}
	runtime.GC()
	if cpuProfile != "" {
		pf, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
	}
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	cpu0, start := cpuSeconds(), time.Now()
	added, errs, err := write()
	cpu, wall := cpuSeconds()-cpu0, time.Since(start).Seconds()
	runtime.ReadMemStats(&m1)
	if cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return fmt.Errorf("writing to the store: %w", err)
	}
	if memProfile != "" {
		f, err := os.Create(memProfile)
		if err != nil {
			return err
		}
		runtime.GC() // the allocs profile is as of the last collection
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("memory profile: %w", err)
		}
	}
	again, _, err := write()
	if err != nil {
		return fmt.Errorf("writing to the store again: %w", err)
	}
	b, err := json.Marshal(map[string]any{
		"documents": len(docs), "added": added, "store_errors": errs, "added_again": again, "text_bytes": size,
		"batch": batchSize, "gomaxprocs": runtime.GOMAXPROCS(0),
		"store_wall_s": round(wall), "store_cpu_s": round(cpu), "mb_per_store_cpu_s": round(float64(size) / 1e6 / cpu),
		// The Go heap's share of the writes (the SQLite driver's own memory is not Go's):
		// what they allocated and the collections it cost, a figure that load does not move.
		"store_alloc_mb": round(float64(m1.TotalAlloc-m0.TotalAlloc) / 1e6), "store_mallocs": m1.Mallocs - m0.Mallocs, "store_gcs": m1.NumGC - m0.NumGC,
	})
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
