package eventeval

import (
	"fmt"
	"io"
	"strings"
)

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
