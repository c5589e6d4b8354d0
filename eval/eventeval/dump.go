package eventeval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// DumpLine is one line of --dump: a record's gold coding and griot's chosen event, in the
// keys scored, so that two runs can be compared line by line.
type DumpLine struct {
	ID         string   `json:"id"`
	GoldType   string   `json:"gold_type"`
	GoldMode   string   `json:"gold_mode"`
	GoldActor  []string `json:"gold_actor"`
	GoldRecip  []string `json:"gold_recipient"`
	Type       string   `json:"type"`
	Mode       string   `json:"mode"`
	Actor      []string `json:"actor"`
	Recipient  []string `json:"recipient"`
	Factuality string   `json:"factuality"`
	Events     []string `json:"events"` // the types of every event griot coded
	Errors     []string `json:"errors"`
}

// Dump writes one DumpLine per item.
func Dump(w io.Writer, items []Item) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	strs := func(ks []Key) []string {
		out := make([]string, len(ks))
		for i, k := range ks {
			out[i] = k.String()
		}
		return out
	}
	for _, it := range items {
		l := DumpLine{ID: it.Gold.ID, GoldType: it.Gold.Type, GoldMode: it.GoldMode, GoldActor: strs(it.GoldSrc),
			GoldRecip: strs(it.GoldTgt), Type: it.Type, Mode: it.Mode, Actor: strs(it.Actor), Recipient: strs(it.Recipient),
			Factuality: it.Factuality, Events: append([]string{}, it.AllTypes...), Errors: append([]string{}, itemErrors(it)...)}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}

func writeDump(path string, items []Item) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Dump(f, items); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

// WriteErrors lists every item griot gets wrong — wrong or missing type, wrong mode, or an
// actor or recipient that does not match — with the text, the gold coding, griot's chosen
// event and its other events, so that triggers and roles can be tuned. Items are grouped by
// gold type.
func WriteErrors(w io.Writer, items []Item) {
	n := 0
	for _, it := range items {
		kinds := itemErrors(it)
		if len(kinds) == 0 {
			continue
		}
		n++
		g := it.Gold
		gm := g.Mode
		if gm == "" {
			gm = "-"
		}
		fmt.Fprintf(w, "%s  [%s]\n", g.ID, strings.Join(kinds, "; "))
		fmt.Fprintf(w, "  text:  %s\n", oneLine(g.Text))
		if g.Markup != "" {
			fmt.Fprintf(w, "  gold:  %s/%s %s → %s   %s\n", g.Type, gm, keysString(it.GoldSrc), keysString(it.GoldTgt), oneLine(g.Markup))
		} else {
			fmt.Fprintf(w, "  gold:  %s/%s %s → %s\n", g.Type, gm, keysString(it.GoldSrc), keysString(it.GoldTgt))
		}
		if it.Type == "" {
			fmt.Fprintln(w, "  griot: no event")
		} else {
			m := it.Mode
			if m == "" {
				m = "-"
			}
			fmt.Fprintf(w, "  griot: %s/%s %s → %s (%s)\n", it.Type, m, keysString(it.Actor), keysString(it.Recipient), it.Factuality)
		}
		for _, o := range it.Others {
			fmt.Fprintf(w, "    also: %s\n", o)
		}
	}
	fmt.Fprintf(w, "%d of %d records with an error\n\n", n, len(items))
}

// itemErrors names what is wrong with one item; empty when it is fully right.
func itemErrors(it Item) []string {
	var out []string
	switch {
	case it.Type == "":
		out = append(out, "missed")
	case it.Type != it.Gold.Type:
		out = append(out, "type "+it.Type+" for "+it.Gold.Type)
	case it.GoldMode != "" && it.Mode != it.GoldMode:
		out = append(out, "mode")
	}
	if it.Type != "" {
		out = append(out, actorErrors(it)...)
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
