package sqlstore

import (
	"cmp"
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

// written is a document of a batch whose rows are written: its pk, its reading, and what
// its row was given by the near-duplicate pass (nearBatch): its SimHash (ok is false
// without one) and the pk of the document it is a near duplicate of, or its own.
type written struct {
	pk        int64
	d         *doc.Document
	h         uint64
	ok        bool
	canonical int64
}

// finishBatch records the near-duplicate bands and finds the event clusters of a batch's
// documents, whose rows are written (events maps event ids to their pks). The result is
// the one of finishing the documents one at a time in order, each seeing the ones before
// it: what is stored is read for the whole batch at once, the documents are taken in order
// in memory, and what they change is written at the end, in a few statements a batch
// where it was some eight a document. dups counts the documents that are near duplicates
// of an earlier one.
func (s *DB) finishBatch(ctx context.Context, tx *sql.Tx, docs []written, events map[string]int64) (dups int64, err error) {
	if len(docs) == 0 {
		return 0, nil
	}
	var bands [][]any
	canonical := make([]int64, len(docs))
	for k, w := range docs {
		canonical[k] = w.canonical
		if w.canonical != w.pk {
			dups++
		}
		if w.ok {
			for i := range cluster.Bands {
				bands = append(bands, []any{i, cluster.Band(w.h, i), w.pk})
			}
		}
	}
	if err := s.insertRows(ctx, tx, "doc_bands", []string{"band", "value", "doc_pk"}, nil, bands); err != nil {
		return 0, fmt.Errorf("near duplicates: %w", err)
	}
	if err := s.clusterBatch(ctx, tx, docs, canonical, events); err != nil {
		return 0, fmt.Errorf("clusters: %w", err)
	}
	return dups, nil
}

// chunks calls fn with the bounds of successive chunks of n items: at most max items, then
// what is left in powers of two, so that statements built per chunk have a few shapes and
// stay prepared.
func chunks(n, max int, fn func(lo, hi int) error) error {
	for lo := 0; lo < n; {
		k := min(max, 1<<(bits.Len(uint(n-lo))-1))
		if err := fn(lo, lo+k); err != nil {
			return err
		}
		lo += k
	}
	return nil
}

// queryRows runs a query inside tx and hands each row to scan.
func (s *DB) queryRows(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.txQuery(ctx, tx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

type bandKey struct{ band, value int }

// dupCand is a document that shares a SimHash band value with one being written.
type dupCand struct {
	pk, canonical int64
	h             uint64
}

// nearCandidates is how many documents of one band value are looked at, oldest first:
// cheap even when a value is shared by many documents.
const nearCandidates = 16

// nearBatch is what the near-duplicate pass knows of a batch's documents before their
// rows are written: their SimHashes and the stored documents sharing a band value with
// one of them (the batch's documents have no bands yet). Each document's row is then
// written once, with its SimHash and canonical pk (an UPDATE of both after the INSERT
// rewrote the whole row, text and packed layers, a second time).
type nearBatch struct {
	hs     []uint64
	oks    []bool
	stored map[bandKey][]dupCand
}

// nearLookup computes the SimHashes of ds and reads the stored candidates of their bands.
func (s *DB) nearLookup(ctx context.Context, tx *sql.Tx, ds []*doc.Document) (*nearBatch, error) {
	nb := &nearBatch{hs: make([]uint64, len(ds)), oks: make([]bool, len(ds)), stored: map[bandKey][]dupCand{}}
	var keys []bandKey
	seen := map[bandKey]bool{}
	for k, d := range ds {
		if d.Fold.Text != "" {
			nb.hs[k], nb.oks[k] = cluster.SimHashFolded(d.Fold.Text) // the normalize stage's fold of d.Text
		} else {
			nb.hs[k], nb.oks[k] = cluster.SimHash(d.Text)
		}
		if !nb.oks[k] {
			continue
		}
		for i := range cluster.Bands {
			key := bandKey{i, cluster.Band(nb.hs[k], i)}
			if !seen[key] {
				seen[key] = true
				keys = append(keys, key)
			}
		}
	}
	// The oldest stored documents of each band value, 64 band values a statement (a batch
	// of 64 documents has 256: 16 statements, each a round trip, when it was 16 a statement).
	var pks []any
	var keyOf = map[int64][]bandKey{}
	err := chunks(len(keys), 64, func(lo, hi int) error {
		var b strings.Builder
		args := make([]any, 0, 2*(hi-lo))
		for j, key := range keys[lo:hi] {
			if j > 0 {
				b.WriteString(" UNION ALL ")
			}
			fmt.Fprintf(&b, `SELECT * FROM (SELECT band, value, doc_pk FROM doc_bands WHERE band = ? AND value = ? ORDER BY doc_pk LIMIT %d) b%d`, nearCandidates, j)
			args = append(args, key.band, key.value)
		}
		return s.queryRows(ctx, tx, b.String(), args, func(rows *sql.Rows) error {
			var key bandKey
			var pk int64
			if err := rows.Scan(&key.band, &key.value, &pk); err != nil {
				return err
			}
			if keyOf[pk] == nil {
				pks = append(pks, pk)
			}
			keyOf[pk] = append(keyOf[pk], key)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("near duplicates: %w", err)
	}
	err = chunks(len(pks), 256, func(lo, hi int) error {
		return s.queryRows(ctx, tx, `SELECT pk, simhash, canonical_pk FROM documents WHERE pk IN (`+strings.Repeat("?, ", hi-lo-1)+`?)`, pks[lo:hi], func(rows *sql.Rows) error {
			var c dupCand
			var h int64
			if err := rows.Scan(&c.pk, &h, &c.canonical); err != nil {
				return err
			}
			c.h = uint64(h)
			for _, key := range keyOf[c.pk] {
				nb.stored[key] = append(nb.stored[key], c)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("near duplicates: %w", err)
	}
	for _, cs := range nb.stored {
		slices.SortFunc(cs, byPK)
	}
	return nb, nil
}

func byPK(a, b dupCand) int { return cmp.Compare(a.pk, b.pk) }

// canonicals returns, for each document of the batch with its pk in pks (0: not written),
// the pk of the document it is a near duplicate of (the earliest stored, or written
// before it in the batch), or its own pk; 0 for a document not written. Each document is
// taken in order, against the stored ones and those of the batch before it.
func (nb *nearBatch) canonicals(pks []int64) []int64 {
	batch := map[bandKey][]dupCand{}
	canonical := make([]int64, len(pks))
	var cands []dupCand
	for k, pk := range pks {
		canonical[k] = pk
		if pk == 0 || !nb.oks[k] {
			continue
		}
		h := nb.hs[k]
		for i := range cluster.Bands {
			key := bandKey{i, cluster.Band(h, i)}
			cands = append(append(cands[:0], nb.stored[key]...), batch[key]...)
			slices.SortFunc(cands, byPK)
			for _, c := range cands[:min(len(cands), nearCandidates)] {
				if c.pk != pk && cluster.NearDuplicate(h, c.h) && c.canonical < canonical[k] {
					canonical[k] = c.canonical
				}
			}
		}
		for i := range cluster.Bands {
			key := bandKey{i, cluster.Band(h, i)}
			batch[key] = append(batch[key], dupCand{pk, canonical[k], h})
		}
	}
	return canonical
}

func shiftDay(day string, n int) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format(time.DateOnly)
}

// batchCluster is a cluster a batch's events are put in: stored (pk > 0) or opened by the
// batch.
type batchCluster struct {
	pk                int64
	typ, key          string
	lo, hi, ctry      string
	stored            bool
	rep               string
	mentions, arts, n int // what the batch adds: mentions, articles, sources (n)
	opener            string
}

// clusterBatch puts each event of the batch's documents into the cluster of the same real
// event, or a new one, and brings the clusters' counts up to date: each document in order,
// as if the ones before it were stored. canonical holds each document's near-duplicate
// canonical pk; events maps event ids to their pks.
func (s *DB) clusterBatch(ctx context.Context, tx *sql.Tx, docs []written, canonical []int64, events map[string]int64) error {
	type ev struct {
		id, key, lo, hi, country string
		pk                       int64
		mentions                 int
	}
	evs := make([][]ev, len(docs))
	var keys []any
	seenKey := map[string]bool{}
	minLo, maxHi := "", ""
	for k, w := range docs {
		d := w.d
		evs[k] = make([]ev, len(d.Events))
		for i := range d.Events {
			e := &d.Events[i]
			x := ev{id: store.EventID(d.SHA256, e, i), key: cluster.Key(e), mentions: cluster.Mentions(e)}
			var ok bool
			if x.pk, ok = events[x.id]; !ok {
				return fmt.Errorf("event %s not written", x.id)
			}
			x.lo, x.hi, _, _ = store.DateRange(e.Date.Value)
			if e.Location != nil {
				x.country = e.Location.Country
			}
			evs[k][i] = x
			if x.lo == "" {
				continue
			}
			if minLo == "" || x.lo < minLo {
				minLo = x.lo
			}
			if x.hi > maxHi {
				maxHi = x.hi
			}
			if !seenKey[x.key] {
				seenKey[x.key] = true
				keys = append(keys, x.key)
			}
		}
	}

	// The stored clusters any dated event of the batch could join, by key, in pk order
	// (a cluster's dates only narrow, so one outside the batch's dates stays outside).
	var cands []*batchCluster
	err := chunks(len(keys), 64, func(lo, hi int) error {
		args := append(slices.Clone(keys[lo:hi]), shiftDay(maxHi, 1), shiftDay(minLo, -1))
		return s.queryRows(ctx, tx, `SELECT pk, key, date_lo, date_hi, country, rep_event FROM clusters WHERE key IN (`+
			strings.Repeat("?, ", hi-lo-1)+`?) AND date_lo <> '' AND date_lo <= ? AND date_hi >= ?`, args, func(rows *sql.Rows) error {
			c := &batchCluster{stored: true}
			if err := rows.Scan(&c.pk, &c.key, &c.lo, &c.hi, &c.ctry, &c.rep); err != nil {
				return err
			}
			cands = append(cands, c)
			return nil
		})
	})
	if err != nil {
		return err
	}
	slices.SortFunc(cands, func(a, b *batchCluster) int { return cmp.Compare(a.pk, b.pk) })
	byKey := map[string][]*batchCluster{}
	for _, c := range cands {
		byKey[c.key] = append(byKey[c.key], c)
	}

	// Each document's events in order: the first compatible cluster, stored or opened
	// before (clusters opened later have larger pks), else a new one.
	assigned := make([][]*batchCluster, len(docs))
	var opened []*batchCluster
	isTouched := map[*batchCluster]bool{}
	sources := make([]string, len(docs))
	for k, w := range docs {
		assigned[k] = make([]*batchCluster, len(evs[k]))
		sources[k] = cluster.SourceOf(w.d)
		for i, x := range evs[k] {
			var c *batchCluster
			if x.lo != "" {
				for _, o := range byKey[x.key] {
					if cluster.DatesCompatible(x.lo, x.hi, o.lo, o.hi) && cluster.PlaceCompatible(x.country, o.ctry) {
						c = o
						break
					}
				}
			}
			if c != nil {
				nlo, nhi := cluster.Narrower(x.lo, x.hi, c.lo, c.hi)
				c.lo, c.hi = nlo, nhi
				if c.ctry == "" {
					c.ctry = x.country
				}
			} else {
				c = &batchCluster{typ: w.d.Events[i].Type, key: x.key, lo: x.lo, hi: x.hi, ctry: x.country, rep: x.id, opener: x.id}
				opened = append(opened, c)
				if x.lo != "" {
					byKey[x.key] = append(byKey[x.key], c)
				}
			}
			assigned[k][i] = c
			isTouched[c] = true
		}
	}

	// Whether a stored member of each touched stored cluster shares an article (canonical
	// document) or an outlet with a document of the batch.
	type pair struct {
		pk  int64
		can int64
		src string
	}
	type seenArt struct {
		c   *batchCluster
		can int64
	}
	type seenSrc struct {
		c   *batchCluster
		src string
	}
	var pairs []pair
	pairSeen := map[pair]bool{}
	for k := range docs {
		for _, c := range assigned[k] {
			if p := (pair{c.pk, canonical[k], sources[k]}); c.stored && !pairSeen[p] {
				pairSeen[p] = true
				pairs = append(pairs, p)
			}
		}
	}
	arts, srcs := map[seenArt]bool{}, map[seenSrc]bool{}
	clusterOf := map[int64]*batchCluster{}
	for _, c := range cands {
		clusterOf[c.pk] = c
	}
	err = chunks(len(pairs), 64, func(lo, hi int) error {
		var b strings.Builder
		args := make([]any, 0, 3*(hi-lo))
		b.WriteString(`SELECT v.column1, v.column2, v.column3,
		EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_pk = v.column1 AND m.canonical_pk = v.column2),
		EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_pk = v.column1 AND m.source = v.column3)
		FROM (VALUES `)
		for j, p := range pairs[lo:hi] {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT))`)
			args = append(args, p.pk, p.can, p.src)
		}
		b.WriteString(`) AS v`)
		return s.queryRows(ctx, tx, b.String(), args, func(rows *sql.Rows) error {
			var p pair
			var a, src bool
			if err := rows.Scan(&p.pk, &p.can, &p.src, &a, &src); err != nil {
				return err
			}
			c := clusterOf[p.pk]
			if a {
				arts[seenArt{c, p.can}] = true
			}
			if src {
				srcs[seenSrc{c, p.src}] = true
			}
			return nil
		})
	})
	if err != nil {
		return err
	}

	// Counts by deltas, each document in order: its mentions; one article if no member
	// before it shares its canonical document, one source if none shares its outlet.
	for k := range docs {
		var mine []*batchCluster
		for i, x := range evs[k] {
			c := assigned[k][i]
			c.mentions += x.mentions
			c.rep = min(c.rep, x.id)
			if !slices.Contains(mine, c) {
				mine = append(mine, c)
			}
		}
		for _, c := range mine {
			if a := (seenArt{c, canonical[k]}); !arts[a] {
				arts[a] = true
				c.arts++
			}
			if sr := (seenSrc{c, sources[k]}); !srcs[sr] {
				srcs[sr] = true
				c.n++
			}
		}
	}

	if len(opened) > 0 {
		rows := make([][]any, len(opened))
		for k, c := range opened {
			rows[k] = []any{c.typ, c.key, c.lo, c.hi, c.ctry, c.mentions, c.arts, c.n, c.rep}
		}
		byRep := make(map[string]*batchCluster, len(opened))
		for _, c := range opened {
			byRep[c.rep] = c
		}
		err := s.insertReturning(ctx, tx, "clusters", []string{"type", "key", "date_lo", "date_hi", "country", "num_mentions", "num_articles", "num_sources", "rep_event"},
			nil, rows, "", "pk, rep_event", func(rows *sql.Rows) error {
				var pk int64
				var rep string
				if err := rows.Scan(&pk, &rep); err != nil {
					return err
				}
				if c := byRep[rep]; c != nil {
					c.pk = pk
				}
				return nil
			})
		if err != nil {
			return err
		}
		for _, c := range opened {
			if c.pk == 0 {
				return fmt.Errorf("cluster of event %s not written", c.opener)
			}
		}
	}
	var members [][]any
	for k, w := range docs {
		for i, x := range evs[k] {
			members = append(members, []any{x.pk, assigned[k][i].pk, x.id, w.pk, canonical[k], sources[k], w.d.Lang, x.mentions})
		}
	}
	if err := s.insertRows(ctx, tx, "cluster_members", []string{"event_pk", "cluster_pk", "event_id", "doc_pk", "canonical_pk", "source", "lang", "mentions"}, nil, members); err != nil {
		return err
	}

	// The stored clusters touched, in pk order: dates and country, counts by deltas.
	var upd []*batchCluster
	for _, c := range cands {
		if isTouched[c] {
			upd = append(upd, c)
		}
	}
	return chunks(len(upd), 64, func(lo, hi int) error {
		var b strings.Builder
		args := make([]any, 0, 8*(hi-lo))
		b.WriteString(`UPDATE clusters SET date_lo = v.column2, date_hi = v.column3, country = v.column4,
		num_mentions = clusters.num_mentions + v.column5, num_articles = clusters.num_articles + v.column6,
		num_sources = clusters.num_sources + v.column7,
		rep_event = CASE WHEN clusters.rep_event < v.column8 THEN clusters.rep_event ELSE v.column8 END
		FROM (VALUES `)
		for j, c := range upd[lo:hi] {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS TEXT))`)
			args = append(args, c.pk, c.lo, c.hi, c.ctry, c.mentions, c.arts, c.n, c.rep)
		}
		b.WriteString(`) AS v WHERE clusters.pk = v.column1`)
		_, err := s.txExec(ctx, tx, b.String(), args...)
		return err
	})
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
