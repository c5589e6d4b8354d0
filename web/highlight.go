package web

import (
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
)

// Mark is an annotation to highlight: a byte range of the text, a CSS class, a tooltip,
// and optionally an anchor id (set on the first piece of the mark).
type Mark struct {
	Start, End int
	Class      string
	Title      string
	ID         string
}

// Highlight renders text[lo:hi] as HTML with every mark that overlaps the window wrapped
// in spans. Overlapping marks split the text into pieces; each piece carries the classes
// and titles of every mark covering it, so that nested annotations (a name inside an
// event's evidence inside a quote) all show. Offsets outside the text or inside a UTF-8
// sequence are ignored rather than trusted.
func Highlight(text string, lo, hi int, marks []Mark) template.HTML {
	if lo < 0 || hi > len(text) || lo > hi {
		return ""
	}
	ok := func(i int) bool { return i >= lo && i <= hi && (i == len(text) || utf8.RuneStart(text[i])) }
	var ms []Mark
	cuts := []int{lo, hi}
	for _, m := range marks {
		m.Start, m.End = max(m.Start, lo), min(m.End, hi)
		if m.Start >= m.End || !ok(m.Start) || !ok(m.End) {
			continue
		}
		ms = append(ms, m)
		cuts = append(cuts, m.Start, m.End)
	}
	sort.Ints(cuts)
	var b strings.Builder
	anchored := map[string]bool{}
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		var classes, titles []string
		id := ""
		for _, m := range ms {
			if m.Start <= s && e <= m.End {
				classes = append(classes, m.Class)
				if m.Title != "" {
					titles = append(titles, m.Title)
				}
				if m.ID != "" && !anchored[m.ID] && m.Start == s {
					anchored[m.ID] = true
					id = m.ID
				}
			}
		}
		piece := template.HTMLEscapeString(text[s:e])
		if len(classes) == 0 && id == "" {
			b.WriteString(piece)
			continue
		}
		b.WriteString(`<span`)
		if id != "" {
			b.WriteString(` id="` + template.HTMLEscapeString(id) + `"`)
		}
		if len(classes) > 0 {
			b.WriteString(` class="` + template.HTMLEscapeString(strings.Join(dedupe(classes), " ")) + `"`)
		}
		if len(titles) > 0 {
			b.WriteString(` title="` + template.HTMLEscapeString(strings.Join(dedupe(titles), " · ")) + `"`)
		}
		b.WriteString(`>` + piece + `</span>`)
	}
	return template.HTML(b.String())
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// DocumentMarks are the marks of every annotation of a document: mentions (by type),
// time expressions, quotes, event evidence and triggers. eventIDs are the store-wide ids
// of d.Events (anchors ev-ID on the evidence).
func DocumentMarks(d *doc.Document, eventIDs []string) []Mark {
	var ms []Mark
	for _, m := range d.Mentions {
		title := m.Type
		if a := d.ActorByID(m.Actor); a != nil {
			title = a.Name + " (" + a.Kind + ")"
		} else if m.Actor != "" {
			title = m.Actor
		}
		ms = append(ms, Mark{Start: m.Start, End: m.End, Class: "m m-" + strings.ToLower(m.Type), Title: title})
	}
	for _, t := range d.Timexes {
		ms = append(ms, Mark{Start: t.Start, End: t.End, Class: "tx", Title: t.Type + " " + t.Value})
	}
	for _, q := range d.Quotes {
		sp := q.Speaker
		if a := d.ActorByID(sp); a != nil {
			sp = a.Name
		}
		if sp == "" {
			sp = "unknown speaker"
		}
		for _, o := range q.Occurrences {
			ms = append(ms, Mark{Start: o.Start, End: o.End, Class: "qt", Title: q.Kind + " quote of " + sp})
		}
	}
	for i, e := range d.Events {
		id := ""
		if i < len(eventIDs) {
			id = "ev-" + eventIDs[i]
		}
		ms = append(ms, Mark{Start: e.Evidence.Start, End: e.Evidence.End, Class: "ev ev-q" + string(rune('0'+e.Quad%10)), Title: "event " + e.Type + " (" + e.Factuality + ")", ID: id})
		ms = append(ms, Mark{Start: e.Trigger.Start, End: e.Trigger.End, Class: "trig"})
	}
	return ms
}

// EventMarks are the marks that show one event in its document: the evidence, the trigger,
// the mentions of its actors and recipients, and time expressions inside the evidence.
func EventMarks(d *doc.Document, e doc.Event) []Mark {
	ms := []Mark{{Start: e.Evidence.Start, End: e.Evidence.End, Class: "ev ev-q" + string(rune('0'+e.Quad%10)), Title: "evidence"}}
	for _, m := range e.Mentions {
		if m.Start != e.Evidence.Start || m.End != e.Evidence.End {
			ms = append(ms, Mark{Start: m.Start, End: m.End, Class: "ev2", Title: "also told here"})
		}
	}
	ms = append(ms, Mark{Start: e.Trigger.Start, End: e.Trigger.End, Class: "trig", Title: "trigger"})
	role := map[string]string{}
	for _, a := range e.Actor {
		role[a] = "actor"
	}
	for _, a := range e.Recipient {
		role[a] = "recipient"
	}
	ev := doc.Span{Start: e.Evidence.Start, End: e.Evidence.End}
	for _, m := range d.Mentions {
		if r, ok := role[m.Actor]; ok && ev.Overlaps(m.Span()) {
			ms = append(ms, Mark{Start: m.Start, End: m.End, Class: "m role-" + r, Title: r + ": " + m.Actor})
		}
	}
	for _, t := range d.Timexes {
		if ev.Overlaps(t.Span()) {
			ms = append(ms, Mark{Start: t.Start, End: t.End, Class: "tx", Title: t.Value})
		}
	}
	return ms
}
