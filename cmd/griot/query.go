package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"text/tabwriter"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/store"
)

const eventsUsage = "usage: griot events [--store URL] [--actor ID] [--country ISO3] [--place-country ISO3] [--admin1 REGION] [--dyad A,B] [--type T] [--quad N] [--factuality F,…] [--from D] [--to D] [--source S] [--lang fr|en] [--q WORDS] [--limit N] [--offset N] [--sort date|-date] [--format table|jsonl]"

// cmdEvents prints the events of a store that match filters: the filters of GET
// /api/events, as flags.
func cmdEvents(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("events", eventsUsage, stderr)
	storeURL := storeFlag(fs)
	format := fs.String("format", "table", "table (one line per event) or jsonl (one JSON event per line)")
	vals := map[string]*string{}
	for _, p := range api.EventParams {
		// API parameters are snake_case (place_country), flags kebab-case (--place-country).
		help := "filter as in GET /api/events?" + p + "="
		vals[p] = fs.String(strings.ReplaceAll(p, "_", "-"), "", help)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return &exitError{2, fmt.Errorf("events takes flags only, got %q", fs.Args())}
	}
	if *format != "table" && *format != "jsonl" {
		return &exitError{2, fmt.Errorf("unknown --format %q (want table or jsonl)", *format)}
	}
	v := url.Values{}
	for k, p := range vals {
		if *p != "" {
			v.Set(k, *p)
		}
	}
	q, err := api.ParseEventQuery(v)
	if err != nil {
		return &exitError{2, err}
	}
	st, err := store.Open(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := st.Events(ctx, q)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	w := bufio.NewWriter(stdout)
	if *format == "jsonl" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return w.Flush()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tACTOR\tTYPE\tRECIPIENT\tFACTUALITY\tQUAD\tGOLDSTEIN\tID\tEVIDENCE")
	for _, r := range rows {
		date := r.Date.Value
		if date == "" {
			date = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%+.1f\t%s\t%s\n", date, dash(strings.Join(r.Actor, ",")), r.Type, dash(strings.Join(r.Recipient, ",")),
			r.Factuality, r.Quad, r.Goldstein, r.ID, clip(strings.Join(strings.Fields(r.Evidence.Text), " "), 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(rows) == q.PageLimit() {
		fmt.Fprintf(w, "(first %d events from offset %d: --offset %d for more)\n", len(rows), q.Offset, q.Offset+len(rows))
	}
	return w.Flush()
}

const relationsUsage = "usage: griot relations [--store URL] [--interval day|week|month|quarter|year] [--from D] [--to D] [--include-hedged] [--place-country ISO3] [--admin1 REGION] [--format table|json] A B"

// cmdRelations prints how two actors (ids or country codes) dealt with each other per
// period, as GET /api/relations does.
func cmdRelations(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("relations", relationsUsage, stderr)
	storeURL := storeFlag(fs)
	interval := fs.String("interval", "month", "period of the points: day, week, month, quarter or year")
	from := fs.String("from", "", "first day (YYYY-MM-DD, YYYY-MM or YYYY)")
	to := fs.String("to", "", "last day")
	hedged := fs.Bool("include-hedged", false, "count hedged events too (asserted only by default)")
	placeCountry, admin1 := placeFlags(fs)
	format := fs.String("format", "table", "table or json")
	// Flags may come after the two actors: griot relations MLI FRA --interval year.
	var pos []string
	rest := args
	for {
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(pos) != 2 {
		fs.Usage()
		return &exitError{2, fmt.Errorf("relations takes two actors A B, got %q", pos)}
	}
	if *format != "table" && *format != "json" {
		return &exitError{2, fmt.Errorf("unknown --format %q (want table or json)", *format)}
	}
	v := url.Values{"a": {pos[0]}, "b": {pos[1]}, "interval": {*interval}}
	if *from != "" {
		v.Set("from", *from)
	}
	if *to != "" {
		v.Set("to", *to)
	}
	if *hedged {
		v.Set("include_hedged", "1")
	}
	if *placeCountry != "" {
		v.Set("place_country", *placeCountry)
	}
	if *admin1 != "" {
		v.Set("admin1", *admin1)
	}
	q, err := api.ParseRelationQuery(v)
	if err != nil {
		return &exitError{2, err}
	}
	st, err := store.Open(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()
	rel, err := api.Relations(ctx, st, q)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rel)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "PERIOD\tEVENTS\tVERB.COOP\tMAT.COOP\tVERB.CONF\tMAT.CONF\tGOLDSTEIN SUM\tMEAN\tPLOVER\t")
	for _, p := range append(rel.Points, rel.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%+.1f\t%+.2f\t%+.2f\t\n", p.Period, p.Events, p.Quad.VerbalCooperation, p.Quad.MaterialCooperation,
			p.Quad.VerbalConflict, p.Quad.MaterialConflict, p.GoldsteinSum, p.GoldsteinMean, p.PLOVERScore)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	where := ""
	if q.PlaceCountry != "" || q.Admin1 != "" {
		where = " in " + strings.Trim(q.Admin1+", "+q.PlaceCountry, ", ")
	}
	fmt.Fprintf(stdout, "%s %s–%s events%s; %d less precise than a %s, %d undated (in the total only)\n", strings.Join(rel.Factuality, "+"), q.A, q.B, where, rel.Coarse, q.Interval, rel.Undated)
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
