package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/griot-project/griot/cluster"
	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/store"
)

// nearDuplicate records the document's SimHash and returns the pk of the document it is a
// near duplicate of (the earliest stored), or its own pk.
func (s *DB) nearDuplicate(ctx context.Context, tx *sql.Tx, pk int64, d *doc.Document) (int64, error) {
	var h uint64
	var ok bool
	if d.Fold.Text != "" {
		h, ok = cluster.SimHashFolded(d.Fold.Text) // the normalize stage's fold of d.Text
	} else {
		h, ok = cluster.SimHash(d.Text)
	}
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
// or a new one, and brings the touched clusters' counts up to date. It reads the candidate
// clusters of all the document's events in one query and writes in bulk, so that the
// number of statements (round trips to PostgreSQL) does not grow with the events. pks maps
// the ids of the document's events to their pks.
func (s *DB) clusterEvents(ctx context.Context, tx *sql.Tx, docPK, canonical int64, d *doc.Document, pks map[string]int64) error {
	if len(d.Events) == 0 {
		return nil
	}

	type ev struct {
		id, key, lo, hi, country string
		pk                       int64
		mentions                 int
	}
	evs := make([]ev, len(d.Events))
	keys := map[string]bool{}
	var keyArgs []any
	minLo, maxHi := "", ""
	for i := range d.Events {
		e := &d.Events[i]
		x := ev{id: store.EventID(d.SHA256, e, i), key: cluster.Key(e), mentions: cluster.Mentions(e)}
		var ok bool
		if x.pk, ok = pks[x.id]; !ok {
			return fmt.Errorf("event %s not written", x.id)
		}
		x.lo, x.hi, _, _ = store.DateRange(e.Date.Value)
		if e.Location != nil {
			x.country = e.Location.Country
		}
		evs[i] = x
		if x.lo == "" {
			continue
		}
		if minLo == "" || x.lo < minLo {
			minLo = x.lo
		}
		if x.hi > maxHi {
			maxHi = x.hi
		}
		if !keys[x.key] {
			keys[x.key] = true
			keyArgs = append(keyArgs, x.key)
		}
	}

	type cl struct {
		pk                int64
		key, lo, hi, ctry string
		changed           bool
	}
	var cands []*cl
	if len(keyArgs) > 0 {
		keyArgs = padPow2(keyArgs)
		args := append(keyArgs, shiftDay(maxHi, 1), shiftDay(minLo, -1))
		rows, err := s.txQuery(ctx, tx, `SELECT pk, key, date_lo, date_hi, country FROM clusters WHERE key IN (`+
			strings.Repeat("?, ", len(keyArgs)-1)+`?) AND date_lo <> '' AND date_lo <= ? AND date_hi >= ? ORDER BY pk`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			c := &cl{}
			if err := rows.Scan(&c.pk, &c.key, &c.lo, &c.hi, &c.ctry); err != nil {
				rows.Close()
				return err
			}
			cands = append(cands, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}

	// Assign each event to the first compatible cluster, stored or opened by an earlier
	// event of this document; the others open clusters.
	assigned := make([]*cl, len(evs))
	var opened []*cl
	openedBy := map[*cl]int{}
	for i, x := range evs {
		if x.lo != "" {
			for _, c := range cands {
				if c.key == x.key && cluster.DatesCompatible(x.lo, x.hi, c.lo, c.hi) && cluster.PlaceCompatible(x.country, c.ctry) {
					assigned[i] = c
					break
				}
			}
		}
		if c := assigned[i]; c != nil {
			nlo, nhi := cluster.Narrower(x.lo, x.hi, c.lo, c.hi)
			if nlo != c.lo || nhi != c.hi || (c.ctry == "" && x.country != "") {
				c.lo, c.hi, c.changed = nlo, nhi, true
				if c.ctry == "" {
					c.ctry = x.country
				}
			}
			continue
		}
		c := &cl{key: x.key, lo: x.lo, hi: x.hi, ctry: x.country}
		assigned[i] = c
		opened = append(opened, c)
		openedBy[c] = i
		if x.lo != "" {
			cands = append(cands, c)
		}
	}

	if len(opened) > 0 {
		rows := make([][]any, len(opened))
		for k, c := range opened {
			i := openedBy[c]
			rows[k] = []any{d.Events[i].Type, c.key, c.lo, c.hi, c.ctry, evs[i].id}
		}
		byRep := map[string]int64{}
		err := s.insertReturning(ctx, tx, "clusters", []string{"type", "key", "date_lo", "date_hi", "country", "num_mentions", "num_articles", "num_sources", "rep_event"},
			[]string{"?", "?", "?", "?", "?", "0", "0", "0", "?"}, rows, "pk, rep_event", func(rows *sql.Rows) error {
				var pk int64
				var rep string
				if err := rows.Scan(&pk, &rep); err != nil {
					return err
				}
				byRep[rep] = pk
				return nil
			})
		if err != nil {
			return err
		}
		for _, c := range opened {
			if c.pk = byRep[evs[openedBy[c]].id]; c.pk == 0 {
				return fmt.Errorf("cluster of event %s not written", evs[openedBy[c]].id)
			}
			c.changed = false
		}
	}
	for _, c := range cands {
		if c.changed {
			if _, err := s.txExec(ctx, tx, `UPDATE clusters SET date_lo = ?, date_hi = ?, country = ? WHERE pk = ?`, c.lo, c.hi, c.ctry, c.pk); err != nil {
				return err
			}
		}
	}

	// Counts are brought up to date by deltas: the document's mentions, one article if no
	// member shares its canonical document, one source if no member shares its outlet
	// (looked up before its own members are written).
	source := cluster.SourceOf(d)
	type delta struct {
		m   int
		rep string
	}
	deltas := map[int64]*delta{}
	var tpks []int64
	members := make([][]any, len(evs))
	for i, x := range evs {
		c := assigned[i]
		members[i] = []any{x.pk, c.pk, x.id, docPK, canonical, source, d.Lang, x.mentions}
		dl := deltas[c.pk]
		if dl == nil {
			dl = &delta{rep: x.id}
			deltas[c.pk] = dl
			tpks = append(tpks, c.pk)
		}
		dl.m += x.mentions
		dl.rep = min(dl.rep, x.id)
	}
	slices.Sort(tpks)
	args := []any{canonical, source}
	for _, pk := range tpks {
		args = append(args, pk)
	}
	args = append(args[:2], padPow2(args[2:])...)
	in := strings.Repeat("?, ", len(args)-3) + "?"
	frows, err := s.txQuery(ctx, tx, `SELECT c.pk,
		EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_pk = c.pk AND m.canonical_pk = ?),
		EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_pk = c.pk AND m.source = ?)
		FROM clusters c WHERE c.pk IN (`+in+`)`, args...)
	if err != nil {
		return err
	}
	seenArticle, seenSource := map[int64]bool{}, map[int64]bool{}
	for frows.Next() {
		var pk int64
		var a, src bool
		if err := frows.Scan(&pk, &a, &src); err != nil {
			frows.Close()
			return err
		}
		seenArticle[pk], seenSource[pk] = a, src
	}
	frows.Close()
	if err := frows.Err(); err != nil {
		return err
	}
	if err := s.insertRows(ctx, tx, "cluster_members", []string{"event_pk", "cluster_pk", "event_id", "doc_pk", "canonical_pk", "source", "lang", "mentions"}, nil, members); err != nil {
		return err
	}
	// One UPDATE per power-of-two chunk of the touched clusters, so that its few shapes stay
	// prepared.
	for lo := 0; lo < len(tpks); {
		n := 1 << (bits.Len(uint(len(tpks)-lo)) - 1)
		var b strings.Builder
		b.WriteString(`UPDATE clusters SET num_mentions = clusters.num_mentions + v.column2,
		num_articles = clusters.num_articles + v.column3, num_sources = clusters.num_sources + v.column4,
		rep_event = CASE WHEN clusters.rep_event < v.column5 THEN clusters.rep_event ELSE v.column5 END
		FROM (VALUES `)
		args = args[:0]
		for k, pk := range tpks[lo : lo+n] {
			if k > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS TEXT))`)
			a, src := 1, 1
			if seenArticle[pk] {
				a = 0
			}
			if seenSource[pk] {
				src = 0
			}
			args = append(args, pk, deltas[pk].m, a, src, deltas[pk].rep)
		}
		b.WriteString(`) AS v WHERE clusters.pk = v.column1`)
		if _, err := s.txExec(ctx, tx, b.String(), args...); err != nil {
			return err
		}
		lo += n
	}
	return nil
}

// padPow2 repeats the last of a list of IN (…) values up to a power of two, so that the
// query has few shapes and stays prepared; the repeats change nothing in what IN matches.
func padPow2(vals []any) []any {
	n := 1
	for n < len(vals) {
		n *= 2
	}
	for len(vals) < n {
		vals = append(vals, vals[len(vals)-1])
	}
	return vals
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
	places := make([][]doc.Location, len(out))
	for lo := 0; lo < len(pks); lo += 500 {
		hi := min(len(pks), lo+500)
		mrows, err := s.db.QueryContext(ctx, s.rebind(`SELECT m.cluster_pk, m.event_id, d.id, d.sha256, m.source, m.lang, m.mentions, c.sha256,
			e.place_country, e.place_admin1, e.place_admin2, e.place_name, e.place_geonameid, e.place_precision, e.place_lat, e.place_lon
			FROM cluster_members m JOIN documents d ON d.pk = m.doc_pk JOIN documents c ON c.pk = m.canonical_pk JOIN events e ON e.pk = m.event_pk
			WHERE m.cluster_pk IN (`+strings.Repeat("?, ", hi-lo-1)+`?) ORDER BY m.cluster_pk, m.event_id`), pks[lo:hi]...)
		if err != nil {
			return nil, err
		}
		for mrows.Next() {
			var cpk int64
			var m store.ClusterMember
			var l doc.Location
			var lat, lon sql.NullFloat64
			if err := mrows.Scan(&cpk, &m.EventID, &m.DocID, &m.DocSHA256, &m.Source, &m.Lang, &m.Mentions, &m.Canonical,
				&l.Country, &l.Admin1, &l.Admin2, &l.Name, &l.GeonameID, &l.Precision, &lat, &lon); err != nil {
				mrows.Close()
				return nil, err
			}
			i := index[cpk]
			out[i].Members = append(out[i].Members, m)
			if l.Precision > 0 {
				l.Lat, l.Lon = lat.Float64, lon.Float64
				places[i] = append(places[i], l)
			}
		}
		mrows.Close()
		if err := mrows.Err(); err != nil {
			return nil, err
		}
	}
	for i := range out {
		out[i].Location = clusterPlace(places[i])
	}
	return out, nil
}

// clusterPlace chooses the place of a cluster among its reports' places (in event id
// order): the most precise; among equally precise ones, the one most reports name; then
// the first. The choice does not depend on the order reports were stored in.
func clusterPlace(ls []doc.Location) *doc.Location {
	var best *doc.Location
	bestVotes := 0
	for i := range ls {
		l := &ls[i]
		votes := 0
		for j := range ls {
			if ls[j] == *l {
				votes++
			}
		}
		if best == nil || l.Precision < best.Precision || l.Precision == best.Precision && votes > bestVotes {
			best, bestVotes = l, votes
		}
	}
	if best == nil {
		return nil
	}
	c := *best
	return &c
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
