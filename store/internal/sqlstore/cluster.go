package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/griot-project/griot/cluster"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/store"
)

// nearDuplicate records the document's SimHash and returns the pk of the document it is a
// near duplicate of (the earliest stored), or its own pk.
func (s *DB) nearDuplicate(ctx context.Context, tx *sql.Tx, pk int64, d *doc.Document) (int64, error) {
	h, ok := cluster.SimHash(d.Text)
	if !ok {
		_, err := s.txExec(ctx, tx, `UPDATE documents SET canonical_pk = ? WHERE pk = ?`, pk, pk)
		return pk, err
	}
	// Each band is looked up on its own, oldest documents first, a few at a time: cheap
	// even when a band value is shared by many documents.
	var subs []string
	var args []any
	for i := range cluster.Bands {
		subs = append(subs, fmt.Sprintf(`SELECT doc_pk FROM (SELECT doc_pk FROM doc_bands WHERE band = ? AND value = ? ORDER BY doc_pk LIMIT 16) b%d`, i))
		args = append(args, i, cluster.Band(h, i))
	}
	rows, err := s.txQuery(ctx, tx, `SELECT pk, simhash, canonical_pk FROM documents WHERE pk IN (`+strings.Join(subs, " UNION ")+`) ORDER BY pk`, args...)
	if err != nil {
		return 0, err
	}
	canonical := pk
	for rows.Next() {
		var opk, osh, ocan int64
		if err := rows.Scan(&opk, &osh, &ocan); err != nil {
			rows.Close()
			return 0, err
		}
		if opk != pk && cluster.NearDuplicate(h, uint64(osh)) && ocan < canonical {
			canonical = ocan
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if _, err := s.txExec(ctx, tx, `UPDATE documents SET simhash = ?, canonical_pk = ? WHERE pk = ?`, int64(h), canonical, pk); err != nil {
		return 0, err
	}
	bands := make([][]any, 0, cluster.Bands)
	for i := range cluster.Bands {
		bands = append(bands, []any{i, cluster.Band(h, i), pk})
	}
	return canonical, s.insertRows(ctx, tx, "doc_bands", []string{"band", "value", "doc_pk"}, nil, bands)
}

func shiftDay(day string, n int) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format(time.DateOnly)
}

// clusterEvents puts each event of the document into the cluster of the same real event,
// or a new one, and brings the touched clusters' counts up to date.
func (s *DB) clusterEvents(ctx context.Context, tx *sql.Tx, docPK, canonical int64, d *doc.Document) error {
	if len(d.Events) == 0 {
		return nil
	}
	pks := map[string]int64{}
	rows, err := s.txQuery(ctx, tx, `SELECT pk, event_id FROM events WHERE doc_pk = ?`, docPK)
	if err != nil {
		return err
	}
	for rows.Next() {
		var pk int64
		var id string
		if err := rows.Scan(&pk, &id); err != nil {
			rows.Close()
			return err
		}
		pks[id] = pk
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	source := cluster.SourceOf(d)
	for i := range d.Events {
		e := &d.Events[i]
		id := store.EventID(d.SHA256, e, i)
		epk, ok := pks[id]
		if !ok {
			return fmt.Errorf("event %s not written", id)
		}
		key := cluster.Key(e)
		lo, hi, _, _ := store.DateRange(e.Date.Value)
		country := ""
		if e.Location != nil {
			country = e.Location.Country
		}
		cpk := int64(0)
		if lo != "" {
			cand, err := s.txQuery(ctx, tx, `SELECT pk, date_lo, date_hi, country FROM clusters WHERE key = ? AND date_lo <> '' AND date_lo <= ? AND date_hi >= ? ORDER BY pk`,
				key, shiftDay(hi, 1), shiftDay(lo, -1))
			if err != nil {
				return err
			}
			var clo, chi, ccountry string
			for cand.Next() {
				var pk int64
				var a, b, c string
				if err := cand.Scan(&pk, &a, &b, &c); err != nil {
					cand.Close()
					return err
				}
				if cpk == 0 && cluster.DatesCompatible(lo, hi, a, b) && cluster.PlaceCompatible(country, c) {
					cpk, clo, chi, ccountry = pk, a, b, c
				}
			}
			cand.Close()
			if err := cand.Err(); err != nil {
				return err
			}
			if cpk != 0 {
				nlo, nhi := cluster.Narrower(lo, hi, clo, chi)
				if ccountry == "" {
					ccountry = country
				}
				if _, err := s.txExec(ctx, tx, `UPDATE clusters SET date_lo = ?, date_hi = ?, country = ? WHERE pk = ?`, nlo, nhi, ccountry, cpk); err != nil {
					return err
				}
			}
		}
		if cpk == 0 {
			err := s.txQueryRow(ctx, tx, `INSERT INTO clusters (type, key, date_lo, date_hi, country, num_mentions, num_articles, num_sources, rep_event) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?) RETURNING pk`,
				e.Type, key, lo, hi, country, id).Scan(&cpk)
			if err != nil {
				return err
			}
		}
		// Counts are brought up to date incrementally: a new article if no member shares
		// its canonical document, a new source if no member shares its outlet.
		var newArticle, newSource int
		if err := s.txQueryRow(ctx, tx, (`SELECT
			CASE WHEN EXISTS (SELECT 1 FROM cluster_members WHERE cluster_pk = ? AND canonical_pk = ?) THEN 0 ELSE 1 END,
			CASE WHEN EXISTS (SELECT 1 FROM cluster_members WHERE cluster_pk = ? AND source = ?) THEN 0 ELSE 1 END`),
			cpk, canonical, cpk, source).Scan(&newArticle, &newSource); err != nil {
			return err
		}
		if _, err := s.txExec(ctx, tx, `INSERT INTO cluster_members (event_pk, cluster_pk, event_id, doc_pk, canonical_pk, source, lang, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			epk, cpk, id, docPK, canonical, source, d.Lang, cluster.Mentions(e)); err != nil {
			return err
		}
		if _, err := s.txExec(ctx, tx, (`UPDATE clusters SET num_mentions = num_mentions + ?, num_articles = num_articles + ?,
			num_sources = num_sources + ?, rep_event = CASE WHEN rep_event < ? THEN rep_event ELSE ? END WHERE pk = ?`),
			cluster.Mentions(e), newArticle, newSource, id, id, cpk); err != nil {
			return err
		}
	}
	return nil
}

const clusterCols = `SELECT pk, type, date_lo, date_hi, country, num_mentions, num_articles, num_sources, rep_event FROM clusters`

// scanClusters reads cluster rows and then their members.
func (s *DB) scanClusters(ctx context.Context, rows *sql.Rows) ([]store.Cluster, error) {
	var out []store.Cluster
	index := map[int64]int{}
	var pks []any
	for rows.Next() {
		var c store.Cluster
		var pk int64
		if err := rows.Scan(&pk, &c.Type, &c.DateLo, &c.DateHi, &c.Country, &c.NumMentions, &c.NumArticles, &c.NumSources, &c.ID); err != nil {
			rows.Close()
			return nil, err
		}
		index[pk] = len(out)
		pks = append(pks, pk)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for lo := 0; lo < len(pks); lo += 500 {
		hi := min(len(pks), lo+500)
		mrows, err := s.db.QueryContext(ctx, s.rebind(`SELECT m.cluster_pk, m.event_id, d.id, d.sha256, m.source, m.lang, m.mentions, c.sha256
			FROM cluster_members m JOIN documents d ON d.pk = m.doc_pk JOIN documents c ON c.pk = m.canonical_pk
			WHERE m.cluster_pk IN (`+strings.Repeat("?, ", hi-lo-1)+`?) ORDER BY m.cluster_pk, m.event_id`), pks[lo:hi]...)
		if err != nil {
			return nil, err
		}
		for mrows.Next() {
			var cpk int64
			var m store.ClusterMember
			if err := mrows.Scan(&cpk, &m.EventID, &m.DocID, &m.DocSHA256, &m.Source, &m.Lang, &m.Mentions, &m.Canonical); err != nil {
				mrows.Close()
				return nil, err
			}
			c := &out[index[cpk]]
			c.Members = append(c.Members, m)
		}
		mrows.Close()
		if err := mrows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Clusters calls fn for every cluster in (date, representative event id) order.
func (s *DB) Clusters(ctx context.Context, fn func(store.Cluster) error) error {
	lastDate, lastID, first := "", "", true
	for {
		var rows *sql.Rows
		var err error
		if first {
			rows, err = s.db.QueryContext(ctx, s.rebind(clusterCols+` ORDER BY date_lo, rep_event LIMIT ?`), 500)
		} else {
			rows, err = s.db.QueryContext(ctx, s.rebind(clusterCols+` WHERE date_lo > ? OR (date_lo = ? AND rep_event > ?) ORDER BY date_lo, rep_event LIMIT ?`), lastDate, lastDate, lastID, 500)
		}
		if err != nil {
			return fmt.Errorf("clusters: %w", err)
		}
		page, err := s.scanClusters(ctx, rows)
		if err != nil {
			return fmt.Errorf("clusters: %w", err)
		}
		for _, c := range page {
			if err := fn(c); err != nil {
				return err
			}
		}
		if len(page) < 500 {
			return nil
		}
		first = false
		lastDate, lastID = page[len(page)-1].DateLo, page[len(page)-1].ID
	}
}

// ClusterOf returns the cluster that holds an event (store-wide event id).
func (s *DB) ClusterOf(ctx context.Context, eventID string) (store.Cluster, error) {
	rows, err := s.db.QueryContext(ctx, s.rebind(clusterCols+` WHERE pk = (SELECT cluster_pk FROM cluster_members WHERE event_id = ?)`), eventID)
	if err != nil {
		return store.Cluster{}, fmt.Errorf("cluster of %s: %w", eventID, err)
	}
	cs, err := s.scanClusters(ctx, rows)
	if err != nil {
		return store.Cluster{}, fmt.Errorf("cluster of %s: %w", eventID, err)
	}
	if len(cs) == 0 {
		return store.Cluster{}, fmt.Errorf("cluster of %s: %w", eventID, store.ErrNotFound)
	}
	return cs[0], nil
}
