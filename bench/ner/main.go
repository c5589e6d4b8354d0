// Command ner scores peer named-entity recognisers on the gold files griot is scored on, with
// griot's own scorer (eval/nereval): exact token span and type, P/R/F1 per type.
//
//	go run . --peer compromise|fr-compromise|prose --format conll|iob|hipe --gold FILE
//
// compromise and fr-compromise run in node (peer.js, `npm ci` here first); prose runs in Go.
// It is a module of its own so that the peers stay out of griot's dependencies.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/griot-project/griot/eval/nereval"
	"github.com/jdkato/prose/v2"
)

func main() {
	peer := flag.String("peer", "compromise", "compromise, fr-compromise or prose")
	format := flag.String("format", "conll", "conll, iob or hipe")
	gold := flag.String("gold", "", "gold file")
	limit := flag.Int("limit", 0, "first N documents only")
	held := flag.Int("heldout", 0, "score only every N-th document (as griot eval ner --heldout N)")
	flag.Parse()
	if err := run(*peer, *format, *gold, *limit, *held, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ner:", err)
		os.Exit(1)
	}
}

func run(peer, format, gold string, limit, held int, w io.Writer) error {
	f, err := os.Open(gold)
	if err != nil {
		return err
	}
	defer f.Close()
	var docs []nereval.Doc
	switch format {
	case "conll":
		docs, err = nereval.ParseCoNLL(f)
	case "iob":
		docs, err = nereval.ParseIOB(f)
	case "hipe":
		docs, err = nereval.ParseHIPE(f)
	default:
		return fmt.Errorf("unknown format %q", format)
	}
	if err != nil {
		return err
	}
	docs = nereval.HeldOut(docs, held, true)
	if limit > 0 && len(docs) > limit {
		docs = docs[:limit]
	}
	texts := make([]string, len(docs))
	starts := make([][]int, len(docs))
	ends := make([][]int, len(docs))
	for i, d := range docs {
		texts[i], starts[i], ends[i] = nereval.DocText(d)
	}
	t0 := time.Now()
	var preds [][][3]any
	switch peer {
	case "prose":
		preds, err = runProse(texts)
	case "compromise", "fr-compromise":
		preds, err = runNode(peer, texts)
	default:
		return fmt.Errorf("unknown peer %q", peer)
	}
	if err != nil {
		return err
	}
	el := time.Since(t0)
	misc := format == "conll"
	sc := nereval.NewScore()
	for i, d := range docs {
		var pred []nereval.Entity
		for _, p := range preds[i] {
			e, ok := nereval.TokenSpan(starts[i], ends[i], p[0].(int), p[1].(int), p[2].(string))
			if ok {
				pred = append(pred, e)
			}
		}
		sc.Add(nereval.KeepTypes(nereval.Entities(d.Tokens, format == "iob"), misc), nereval.KeepTypes(pred, misc))
	}
	sc.Write(w)
	p, r, f1 := sc.Overall()
	fmt.Fprintf(os.Stderr, "%s: %d documents in %v\n", peer, len(docs), el.Round(time.Millisecond))
	fmt.Fprintf(w, "ner: f1=%.3f p=%.3f r=%.3f\n", f1, p, r)
	return nil
}

func runProse(texts []string) ([][][3]any, error) {
	out := make([][][3]any, len(texts))
	for i, t := range texts {
		d, err := prose.NewDocument(t, prose.WithSegmentation(false), prose.WithTagging(true))
		if err != nil {
			return nil, err
		}
		// prose gives entity texts, not offsets: find them in order in the text
		at := 0
		for _, e := range d.Entities() {
			typ := map[string]string{"PERSON": "PER", "GPE": "LOC", "ORG": "ORG", "LOC": "LOC"}[e.Label]
			if typ == "" {
				continue
			}
			k := indexFrom(t, e.Text, at)
			if k < 0 {
				continue
			}
			out[i] = append(out[i], [3]any{k, k + len(e.Text), typ})
			at = k + len(e.Text)
		}
	}
	return out, nil
}

func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	for k := from; k+len(sub) <= len(s); k++ {
		if s[k:k+len(sub)] == sub {
			return k
		}
	}
	return -1
}

type nodeOut struct {
	ID   int      `json:"id"`
	Ents [][3]any `json:"ents"`
}

func runNode(lib string, texts []string) ([][][3]any, error) {
	cmd := exec.Command("node", "peer.js", lib)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		enc := json.NewEncoder(in)
		for i, t := range texts {
			enc.Encode(map[string]any{"id": i, "text": t})
		}
		in.Close()
	}()
	out := make([][][3]any, len(texts))
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var o nodeOut
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			return nil, err
		}
		if o.ID < 0 || o.ID >= len(texts) {
			return nil, fmt.Errorf("node: bad id %d", o.ID)
		}
		for _, e := range o.Ents {
			s, _ := e[0].(float64)
			en, _ := e[1].(float64)
			typ, _ := e[2].(string)
			bs, be := byteOffset(texts[o.ID], int(s)), byteOffset(texts[o.ID], int(en))
			out[o.ID] = append(out[o.ID], [3]any{bs, be, typ})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, cmd.Wait()
}

// byteOffset converts a JavaScript string index (UTF-16 code units) to a byte offset.
func byteOffset(s string, u16 int) int {
	n := 0
	for i, r := range s {
		if n >= u16 {
			return i
		}
		n += len(utf16.Encode([]rune{r}))
	}
	_ = utf8.RuneLen
	return len(s)
}
