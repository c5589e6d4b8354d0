package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"

	"github.com/griot-project/griot/api"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/plover"
	"github.com/griot-project/griot/store"
)

const exportUsage = "usage: griot export [--store URL] [--format plover|events] [--place-country ISO3] [--admin1 REGION]"

// cmdExport writes what a store holds in a stable order that does not depend on the order
// documents were ingested in: plover (one PLOVER JSON line per event cluster, with its
// counts and reports, by date then cluster id) or events (every stored event row as JSON
// lines, by date then id). --place-country and --admin1 keep what happened there: the
// events placed there, or the clusters whose place (their most precise report's) is there.
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", exportUsage, stderr)
	storeURL := storeFlag(fs)
	format := fs.String("format", "plover", "plover (one PLOVER JSON line per event cluster) or events (every stored event row as JSON lines)")
	placeCountry, admin1 := placeFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return &exitError{2, fmt.Errorf("export takes no arguments, got %q", fs.Args())}
	}
	if *format != "plover" && *format != "events" {
		return &exitError{2, fmt.Errorf("unknown --format %q (want plover or events)", *format)}
	}
	q, err := api.ParseExportQuery(url.Values{"place_country": {*placeCountry}, "admin1": {*admin1}})
	if err != nil {
		return &exitError{2, err}
	}
	st, err := store.Open(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer st.Close()
	w := bufio.NewWriterSize(stdout, 1<<16)
	if *format == "events" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if err := st.Export(ctx, q, func(r store.EventRow) error { return enc.Encode(r) }); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return w.Flush()
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	cache := map[string]*doc.Document{}
	err = st.Clusters(ctx, func(c store.Cluster) error {
		if q.PlaceCountry != "" && (c.Location == nil || c.Location.Country != q.PlaceCountry) ||
			q.Admin1 != "" && (c.Location == nil || c.Location.Admin1 != q.Admin1) {
			return nil
		}
		rec, err := clusterRecord(ctx, st, c, cache)
		if err != nil {
			return err
		}
		return enc.Encode(rec)
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return w.Flush()
}

// clusterRecord is a cluster as a PLOVER record: the record of its representative report
// (the member with the smallest event id) with the cluster's counts and every report.
type ploverCluster struct {
	plover.Record
	ClusterID   string `json:"cluster_id"`
	NumMentions int    `json:"num_mentions"`
	NumArticles int    `json:"num_articles"`
	NumSources  int    `json:"num_sources"`
	// ClusterLoc is the place of the cluster (its most precise report's, docs/PLACES.md);
	// event_loc stays the representative report's.
	ClusterLoc *plover.Location `json:"cluster_loc,omitempty"`
	Reports    []clusterReport  `json:"reports"`
}

// clusterReport is a cluster member in the export. The member's near-duplicate canonical
// document is left out: which copy came first depends on ingest order.
type clusterReport struct {
	EventID   string `json:"event_id"`
	DocID     string `json:"doc_id"`
	DocSHA256 string `json:"doc_sha256"`
	Source    string `json:"source"`
	Lang      string `json:"lang"`
	Mentions  int    `json:"mentions"`
}

func clusterRecord(ctx context.Context, st store.Store, c store.Cluster, cache map[string]*doc.Document) (*ploverCluster, error) {
	sha := ""
	for _, m := range c.Members {
		if m.EventID == c.ID {
			sha = m.DocSHA256
		}
	}
	if sha == "" {
		return nil, fmt.Errorf("cluster %s: its representative event is not among its members", c.ID)
	}
	d := cache[sha]
	if d == nil {
		var err error
		if d, err = st.Document(ctx, sha); err != nil {
			return nil, fmt.Errorf("cluster %s: %w", c.ID, err)
		}
		if len(cache) >= 64 {
			clear(cache)
		}
		cache[sha] = d
	}
	recs := plover.Records(d)
	for i := range d.Events {
		if store.EventID(d.SHA256, &d.Events[i], i) == c.ID && i < len(recs) {
			reports := make([]clusterReport, len(c.Members))
			for k, m := range c.Members {
				reports[k] = clusterReport{m.EventID, m.DocID, m.DocSHA256, m.Source, m.Lang, m.Mentions}
			}
			pc := &ploverCluster{Record: recs[i], ClusterID: c.ID, NumMentions: c.NumMentions, NumArticles: c.NumArticles, NumSources: c.NumSources, Reports: reports}
			if l := c.Location; l != nil {
				pc.ClusterLoc = &plover.Location{Name: l.Name, GeonameID: l.GeonameID, Latitude: l.Lat, Longitude: l.Lon,
					CC3: l.Country, Admin1Code: l.Admin1, Admin2Code: l.Admin2}
			}
			return pc, nil
		}
	}
	return nil, fmt.Errorf("cluster %s: event not found in document %s", c.ID, d.ID)
}
