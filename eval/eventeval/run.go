package eventeval

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/plover"
)

const usage = `usage: griot eval events --gold FILE [--split dev|test|all] [--errors] [--limit N] [--merge-fight]
  --gold FILE     PLOVER gold-standard records, one JSON object a line (plover_gsr.jsonl)
  --split S       dev: records on even line indexes of FILE (0, 2, 4…, counting from 0), the half to
                  tune on; test: odd line indexes, the held-out half; all (default): every record
  --errors        list every record griot gets wrong (text, gold, griot's events) before the scores
  --limit N       score only the first N records
  --merge-fight   score FIGHT as ASSAULT on both sides (PLOVER 0.8's 16 types)
  --dump FILE     write one JSON line per record (gold and griot's event) to compare runs`

// Run implements `griot eval events`.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "", "PLOVER gold-standard records (JSONL)")
	showErrors := fs.Bool("errors", false, "list the records griot gets wrong")
	limit := fs.Int("limit", 0, "score only the first N records (0: all)")
	dump := fs.String("dump", "", "write one JSON line per record (gold and griot) to FILE")
	mergeFight := fs.Bool("merge-fight", false, "score FIGHT as ASSAULT (PLOVER 0.8 has no FIGHT)")
	split := fs.String("split", "all", "dev (even line indexes), test (odd) or all")
	fs.Usage = func() { fmt.Fprintln(stderr, usage) }
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	if *gold == "" || fs.NArg() != 0 {
		fs.Usage()
		return errors.New("eval events: --gold FILE is required (and takes no other argument)")
	}
	f, err := os.Open(*gold)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	defer f.Close()
	recs, skipped, err := ReadGold(f)
	if err != nil {
		return fmt.Errorf("eval events: %s: %w", *gold, err)
	}
	recs, out, err := Split(recs, *split)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	skipped += out
	if len(recs) == 0 {
		return fmt.Errorf("eval events: no gold records with text in %s (split %s)", *gold, *split)
	}
	if *limit > 0 && *limit < len(recs) {
		skipped += len(recs) - *limit
		recs = recs[:*limit]
	}
	p, err := pipeline.Default()
	if err != nil {
		return fmt.Errorf("eval events: loading the pipeline: %w", err)
	}
	tables, err := plover.Load()
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	items := make([]Item, 0, len(recs))
	start := time.Now()
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return err
		}
		it, err := Code(ctx, p, tables, rec)
		if err != nil {
			return fmt.Errorf("eval events: %s: %w", rec.ID, err)
		}
		items = append(items, it)
	}
	elapsed := time.Since(start)
	if *mergeFight {
		MergeFight(items)
	}
	if *dump != "" {
		if err := writeDump(*dump, items); err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
	}
	if *showErrors {
		WriteErrors(stdout, items)
	}
	s := Score(items)
	WriteReport(stdout, s, skipped, elapsed)
	return nil
}

// Split keeps the records of one half of the gold file: "dev" the records on even line indexes
// (0, 2, 4…, the first line being index 0), "test" those on odd ones, "all" every record. The
// halves are fixed by the file, not drawn at random, so a figure on one half can be re-run; rules
// are tuned by reading the dev half's errors only, and the test half tells how well they carry
// over. It returns the kept records and how many it left out.
func Split(recs []GoldRecord, split string) ([]GoldRecord, int, error) {
	var want int
	switch split {
	case "all", "":
		return recs, 0, nil
	case "dev":
		want = 0
	case "test":
		want = 1
	default:
		return nil, 0, fmt.Errorf("--split %q: want dev, test or all", split)
	}
	kept := make([]GoldRecord, 0, len(recs)/2+1)
	for _, r := range recs {
		if (r.Line-1)%2 == want {
			kept = append(kept, r)
		}
	}
	return kept, len(recs) - len(kept), nil
}

// Code reads one gold record's text through the pipeline and returns the item to score:
// the gold in griot's terms and the event griot's reading gives for it (see Pick).
func Code(ctx context.Context, p *pipeline.Pipeline, t *plover.Tables, rec GoldRecord) (Item, error) {
	it := Item{Gold: rec, GoldSrc: GoldKeys(rec.Source), GoldTgt: GoldKeys(rec.Target)}
	if m := t.CanonicalMode(rec.Type, rec.Mode); m != "" && t.HasMode(rec.Type, m) {
		it.GoldMode = m
	}
	lang := rec.Language
	if lang != "fr" && lang != "en" {
		lang = "en"
	}
	o := pipeline.Options{ID: rec.ID, Lang: lang}
	if d, err := time.Parse(time.DateOnly, rec.Date); err == nil {
		o.Published = d
	} else {
		o.Now = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // the gold's placeholder date
	}
	d, err := p.Run(ctx, rec.Text, o)
	if err != nil {
		return it, err
	}
	it.NEvents = len(d.Events)
	for _, e := range d.Events {
		it.AllTypes = append(it.AllTypes, e.Type)
	}
	i := Pick(d.Events)
	if i < 0 {
		return it, nil
	}
	e := d.Events[i]
	typ, mode := t.Intent(e.Type, e.Mode, e.Factuality) // PLOVER codes an announced act as AGREE or THREATEN
	it.Type = typ
	it.Mode = t.CanonicalMode(typ, mode)
	it.Factuality = e.Factuality
	it.Actor = predKeys(d, e.Actor)
	it.Recipient = predKeys(d, e.Recipient)
	for j, o := range d.Events {
		if j != i {
			it.Others = append(it.Others, describe(d, &o))
		}
	}
	return it, nil
}

// MergeFight scores FIGHT as ASSAULT, gold and griot alike: PLOVER 0.8 folds CAMEO's FIGHT
// into ASSAULT; scoring both together shows what the FIGHT/ASSAULT line costs.
func MergeFight(items []Item) {
	for i := range items {
		it := &items[i]
		if it.Gold.Type == "FIGHT" {
			it.Gold.Type = "ASSAULT"
		}
		if it.Type == "FIGHT" {
			it.Type = "ASSAULT"
		}
		for j, t := range it.AllTypes {
			if t == "FIGHT" {
				it.AllTypes[j] = "ASSAULT"
			}
		}
	}
}

// Pick chooses griot's event for a gold record, which codes one event per sentence: events
// that are not negated before negated ones (a gold refusal is REJECT, not a negated event),
// then the event told first (the earliest trigger: the main clause of a news lead). Ranking
// events with an actor or a recipient first was tried and scored lower on the gold records.
// It returns -1 when griot coded no event (a miss for every figure). The choice never looks
// at the gold record.
func Pick(events []doc.Event) int {
	best := -1
	for i := range events {
		if best < 0 || before(&events[i], &events[best]) {
			best = i
		}
	}
	return best
}

func before(a, b *doc.Event) bool {
	if na, nb := a.Factuality == "negated", b.Factuality == "negated"; na != nb {
		return nb
	}
	return a.Trigger.Start < b.Trigger.Start
}

func predKeys(d *doc.Document, ids []string) []Key {
	out := make([]Key, 0, len(ids))
	for _, id := range ids {
		a := d.ActorByID(id)
		if a == nil {
			out = append(out, Key{})
			continue
		}
		code, sector := plover.Code(a)
		out = append(out, Key{NormCode(code), NormSector(sector)})
	}
	return out
}

func describe(d *doc.Document, e *doc.Event) string {
	typ := e.Type
	if e.Mode != "" {
		typ += "/" + e.Mode
	}
	return fmt.Sprintf("%s %s → %s (%s) “%s”", typ, keysString(predKeys(d, e.Actor)), keysString(predKeys(d, e.Recipient)),
		e.Factuality, d.Text[e.Trigger.Start:min(max(e.Trigger.End, e.Trigger.Start), len(d.Text))])
}

func keysString(ks []Key) string {
	if len(ks) == 0 {
		return "—"
	}
	s := ""
	for i, k := range ks {
		if i > 0 {
			s += "+"
		}
		s += k.String()
	}
	return s
}

// WriteReport prints the per-type table, the most frequent errors, and as its last line
// `events: type_macro_f1=… type_acc=… actor_f1=… recipient_f1=…`.
func WriteReport(w io.Writer, s Scores, skipped int, elapsed time.Duration) {
	fmt.Fprintf(w, "PLOVER gold-standard records: %d scored, %d skipped (DOCUMENT, no text, --limit, --split)\n", s.N, skipped)
	fmt.Fprintf(w, "griot coded an event for %d (%.1f%%), several events for %d; %.0f records/s\n",
		s.Coded, pct(s.Coded, s.N), s.Several, float64(s.N)/max(elapsed.Seconds(), 1e-9))
	fmt.Fprintf(w, "\n%-10s %5s %6s %7s %6s %6s %6s\n", "type", "gold", "griot", "correct", "P", "R", "F1")
	for _, r := range s.PerType {
		fmt.Fprintf(w, "%-10s %5d %6d %7d %6.3f %6.3f %6.3f\n", r.Type, r.Gold, r.Pred, r.Correct, r.P, r.R, r.F1)
	}
	fmt.Fprintf(w, "macro F1 over %d types: %.3f\n", len(s.PerType), s.MacroF1)

	fmt.Fprintln(w, "\nmost frequent type errors (gold → griot):")
	for i, c := range s.Confusions {
		if i == 12 {
			break
		}
		fmt.Fprintf(w, "  %4d  %s → %s\n", c.N, c.Gold, c.Pred)
	}
	if len(s.ActorErrors) > 0 {
		fmt.Fprintln(w, "actor and recipient errors (records where griot coded an event):")
		type kv struct {
			k string
			n int
		}
		var kvs []kv
		for k, n := range s.ActorErrors {
			kvs = append(kvs, kv{k, n})
		}
		sort.Slice(kvs, func(i, j int) bool {
			if kvs[i].n != kvs[j].n {
				return kvs[i].n > kvs[j].n
			}
			return kvs[i].k < kvs[j].k
		})
		for _, x := range kvs {
			fmt.Fprintf(w, "  %4d  %s\n", x.n, x.k)
		}
	}
	fmt.Fprintf(w, "\nactor: P=%.3f R=%.3f (country code only: F1=%.3f); recipient: P=%.3f R=%.3f (country code only: F1=%.3f)\n",
		prec(s.Actor), rec(s.Actor), s.ActorCode.F1(), prec(s.Recipient), rec(s.Recipient), s.RecipCode.F1())
	fmt.Fprintf(w, "mode: acc=%.3f over %d records with a gold mode (%d gold modes unknown to PLOVER 0.8 left out)\n",
		s.ModeAcc, s.ModeN, s.ModeUnknown)
	fmt.Fprintf(w, "diagnostic (not a score): the gold type is among griot's events for %d records (%.1f%%)\n",
		s.AnyType, pct(s.AnyType, s.N))
	fmt.Fprintf(w, "events: type_macro_f1=%.3f type_acc=%.3f actor_f1=%.3f recipient_f1=%.3f\n",
		s.MacroF1, s.TypeAcc, s.Actor.F1(), s.Recipient.F1())
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func prec(c Counts) float64 { p, _, _ := PRF(c.TP, c.FP, c.FN); return p }
func rec(c Counts) float64  { _, r, _ := PRF(c.TP, c.FP, c.FN); return r }
