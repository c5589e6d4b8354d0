package sqlstore

import "strings"

// schemaV1 is the first schema, written once for both dialects. PKCOL is replaced by the
// dialect's auto-increment primary key.
const schemaV1 = `
CREATE TABLE documents (
	pk PKCOL,
	sha256 TEXT NOT NULL UNIQUE,
	id TEXT NOT NULL,
	lang TEXT NOT NULL,
	published TEXT NOT NULL,
	source TEXT NOT NULL,
	url TEXT NOT NULL,
	title TEXT NOT NULL,
	text TEXT NOT NULL,
	sentences TEXT NOT NULL,
	ingested_at TEXT NOT NULL
);
CREATE INDEX documents_id ON documents (id);
CREATE INDEX documents_source ON documents (source);
CREATE TABLE actors (
	doc_pk BIGINT NOT NULL,
	actor_id TEXT NOT NULL,
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	country TEXT NOT NULL,
	sector TEXT NOT NULL,
	wikidata TEXT NOT NULL,
	role TEXT NOT NULL,
	PRIMARY KEY (doc_pk, actor_id)
);
CREATE INDEX actors_actor ON actors (actor_id);
CREATE TABLE mentions (
	doc_pk BIGINT NOT NULL,
	ord INTEGER NOT NULL,
	start_off INTEGER NOT NULL,
	end_off INTEGER NOT NULL,
	text TEXT NOT NULL,
	type TEXT NOT NULL,
	actor_id TEXT NOT NULL,
	form TEXT NOT NULL,
	PRIMARY KEY (doc_pk, ord)
);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE TABLE timexes (
	doc_pk BIGINT NOT NULL,
	ord INTEGER NOT NULL,
	start_off INTEGER NOT NULL,
	end_off INTEGER NOT NULL,
	text TEXT NOT NULL,
	type TEXT NOT NULL,
	value TEXT NOT NULL,
	mod TEXT NOT NULL,
	begin_period INTEGER NOT NULL,
	PRIMARY KEY (doc_pk, ord)
);
CREATE TABLE quotes (
	doc_pk BIGINT NOT NULL,
	ord INTEGER NOT NULL,
	speaker TEXT NOT NULL,
	kind TEXT NOT NULL,
	text TEXT NOT NULL,
	body TEXT NOT NULL,
	PRIMARY KEY (doc_pk, ord)
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE TABLE posts (
	doc_pk BIGINT NOT NULL,
	ord INTEGER NOT NULL,
	platform TEXT NOT NULL,
	author TEXT NOT NULL,
	handle TEXT NOT NULL,
	date TEXT NOT NULL,
	start_off INTEGER NOT NULL,
	end_off INTEGER NOT NULL,
	actor_id TEXT NOT NULL,
	PRIMARY KEY (doc_pk, ord)
);
CREATE TABLE events (
	pk PKCOL,
	event_id TEXT NOT NULL UNIQUE,
	doc_pk BIGINT NOT NULL,
	ord INTEGER NOT NULL,
	type TEXT NOT NULL,
	mode TEXT NOT NULL,
	factuality TEXT NOT NULL,
	quad INTEGER NOT NULL,
	goldstein DOUBLE PRECISION NOT NULL,
	cameo TEXT NOT NULL,
	date_value TEXT NOT NULL,
	date_lo TEXT NOT NULL,
	date_hi TEXT NOT NULL,
	precision TEXT NOT NULL,
	ev_start INTEGER NOT NULL,
	ev_end INTEGER NOT NULL,
	evidence TEXT NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX events_date ON events (date_lo, event_id);
CREATE INDEX events_type ON events (type, date_lo);
CREATE INDEX events_doc ON events (doc_pk, ord);
CREATE TABLE event_actors (
	event_pk BIGINT NOT NULL,
	role TEXT NOT NULL,
	actor_id TEXT NOT NULL,
	country TEXT NOT NULL,
	PRIMARY KEY (event_pk, role, actor_id)
);
CREATE INDEX event_actors_actor ON event_actors (actor_id, role);
CREATE INDEX event_actors_country ON event_actors (country, role);
CREATE TABLE dyad_day (
	actor TEXT NOT NULL,
	recipient TEXT NOT NULL,
	day TEXT NOT NULL,
	precision TEXT NOT NULL,
	factuality TEXT NOT NULL,
	events INTEGER NOT NULL,
	q0 INTEGER NOT NULL,
	q1 INTEGER NOT NULL,
	q2 INTEGER NOT NULL,
	q3 INTEGER NOT NULL,
	q4 INTEGER NOT NULL,
	goldstein DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (actor, recipient, day, precision, factuality)
);
CREATE INDEX dyad_day_recipient ON dyad_day (recipient, actor, day);
`

// schemaV2 adds near-duplicate documents and cross-document event clusters.
const schemaV2 = `
ALTER TABLE documents ADD COLUMN simhash BIGINT NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN canonical_pk BIGINT NOT NULL DEFAULT 0;
CREATE TABLE doc_bands (
	band INTEGER NOT NULL,
	value INTEGER NOT NULL,
	doc_pk BIGINT NOT NULL,
	PRIMARY KEY (band, value, doc_pk)
);
CREATE TABLE clusters (
	pk PKCOL,
	type TEXT NOT NULL,
	key TEXT NOT NULL,
	date_lo TEXT NOT NULL,
	date_hi TEXT NOT NULL,
	country TEXT NOT NULL,
	num_mentions INTEGER NOT NULL,
	num_articles INTEGER NOT NULL,
	num_sources INTEGER NOT NULL,
	rep_event TEXT NOT NULL
);
CREATE INDEX clusters_key ON clusters (key, date_lo);
CREATE INDEX clusters_order ON clusters (date_lo, rep_event);
CREATE TABLE cluster_members (
	event_pk BIGINT PRIMARY KEY,
	cluster_pk BIGINT NOT NULL,
	event_id TEXT NOT NULL,
	doc_pk BIGINT NOT NULL,
	canonical_pk BIGINT NOT NULL,
	source TEXT NOT NULL,
	lang TEXT NOT NULL,
	mentions INTEGER NOT NULL
);
CREATE INDEX cluster_members_canonical ON cluster_members (cluster_pk, canonical_pk);
CREATE INDEX cluster_members_source ON cluster_members (cluster_pk, source);
`

// statements splits a script on semicolons at line ends (the scripts here hold no
// semicolons inside literals).
func statements(script string) []string {
	var out []string
	for _, s := range strings.Split(script, ";\n") {
		if s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ";")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// schemaV3 keeps each event's place (the places stage's Event.Location) in columns, so
// that events can be filtered and mapped by place: country (ISO3) and admin1 of the place,
// not of the actors; precision 1 town … 4 country, 0 unplaced; lat/lon NULL when the place
// has no point (a country, a part of a country, a place the gazetteer lacks). Events
// written before it are filled from their stored JSON body (Dialect.JSON).
const schemaV3 = `
ALTER TABLE events ADD COLUMN place_country TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_admin1 TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_admin2 TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_name TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN place_geonameid BIGINT NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN place_precision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN place_lat DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN place_lon DOUBLE PRECISION;
CREATE INDEX events_place ON events (place_country, place_admin1, date_lo);
`

// placeBackfill fills the place columns of events stored before schema version 3 from
// their JSON body; json(field) is the dialect's expression for body.location.field
// (Dialect.LocationField).
func placeBackfill(json func(field string) string) string {
	num := func(f, typ, def string) string {
		return "COALESCE(CAST(" + json(f) + " AS " + typ + "), " + def + ")"
	}
	// A point's zero coordinate is left out of the JSON (omitempty): lat and lon are NULL
	// only when both are missing.
	point := func(f string) string {
		return "CASE WHEN " + json("lat") + " IS NULL AND " + json("lon") + " IS NULL THEN NULL ELSE " + num(f, "DOUBLE PRECISION", "0") + " END"
	}
	return `UPDATE events SET
	place_country = COALESCE(` + json("country") + `, ''),
	place_admin1 = COALESCE(` + json("admin1") + `, ''),
	place_admin2 = COALESCE(` + json("admin2") + `, ''),
	place_name = COALESCE(` + json("name") + `, ''),
	place_geonameid = ` + num("geonameid", "BIGINT", "0") + `,
	place_precision = ` + num("precision", "INTEGER", "0") + `,
	place_lat = ` + point("lat") + `,
	place_lon = ` + point("lon") + `
	WHERE body LIKE '%"location":%'`
}

// schemaV4 drops two indexes that no query reads (mentions by actor, quotes by speaker):
// every document wrote some forty mention entries and a dozen quote entries into them for
// nothing. Dialect.V4 adds what a dialect does besides.
const schemaV4 = `
DROP INDEX IF EXISTS mentions_actor;
DROP INDEX IF EXISTS quotes_speaker;
`

// ClusteredV4 is SQLite's part of schema version 4. The tables keyed by (document,
// ordinal) and the like become WITHOUT ROWID tables: one B-tree ordered by the key, where
// a rowid table kept the rows in one B-tree and the key again in an index, so each row was
// written twice. Rows and keys are the same; the statements can run again on tables
// already rebuilt (schema_migrations is taken back by tests).
var ClusteredV4 = clustered([]clusteredTable{
	{"actors", "doc_pk BIGINT NOT NULL, actor_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL, sector TEXT NOT NULL, wikidata TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (doc_pk, actor_id)",
		[]string{"CREATE INDEX actors_actor ON actors (actor_id)"}},
	{"mentions", "doc_pk BIGINT NOT NULL, ord INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, actor_id TEXT NOT NULL, form TEXT NOT NULL, PRIMARY KEY (doc_pk, ord)", nil},
	{"timexes", "doc_pk BIGINT NOT NULL, ord INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT NOT NULL, begin_period INTEGER NOT NULL, PRIMARY KEY (doc_pk, ord)", nil},
	{"quotes", "doc_pk BIGINT NOT NULL, ord INTEGER NOT NULL, speaker TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (doc_pk, ord)", nil},
	{"posts", "doc_pk BIGINT NOT NULL, ord INTEGER NOT NULL, platform TEXT NOT NULL, author TEXT NOT NULL, handle TEXT NOT NULL, date TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (doc_pk, ord)", nil},
	{"event_actors", "event_pk BIGINT NOT NULL, role TEXT NOT NULL, actor_id TEXT NOT NULL, country TEXT NOT NULL, PRIMARY KEY (event_pk, role, actor_id)",
		[]string{"CREATE INDEX event_actors_actor ON event_actors (actor_id, role)", "CREATE INDEX event_actors_country ON event_actors (country, role)"}},
	{"doc_bands", "band INTEGER NOT NULL, value INTEGER NOT NULL, doc_pk BIGINT NOT NULL, PRIMARY KEY (band, value, doc_pk)", nil},
	{"cluster_members", "event_pk BIGINT PRIMARY KEY, cluster_pk BIGINT NOT NULL, event_id TEXT NOT NULL, doc_pk BIGINT NOT NULL, canonical_pk BIGINT NOT NULL, source TEXT NOT NULL, lang TEXT NOT NULL, mentions INTEGER NOT NULL",
		[]string{"CREATE INDEX cluster_members_canonical ON cluster_members (cluster_pk, canonical_pk)", "CREATE INDEX cluster_members_source ON cluster_members (cluster_pk, source)"}},
})

type clusteredTable struct {
	name, def string // def: the column definitions and the primary key
	indexes   []string
}

// clustered rebuilds each table as a WITHOUT ROWID table with the same columns, rows and
// indexes.
func clustered(tables []clusteredTable) []string {
	var out []string
	for _, t := range tables {
		var cols []string
		defs, _, _ := strings.Cut(t.def, ", PRIMARY KEY (")
		for _, c := range strings.Split(defs, ", ") {
			cols = append(cols, strings.Fields(c)[0])
		}
		list := strings.Join(cols, ", ")
		out = append(out,
			"DROP TABLE IF EXISTS "+t.name+"_v4",
			"CREATE TABLE "+t.name+"_v4 ("+t.def+") WITHOUT ROWID",
			"INSERT INTO "+t.name+"_v4 ("+list+") SELECT "+list+" FROM "+t.name,
			"DROP TABLE "+t.name,
			"ALTER TABLE "+t.name+"_v4 RENAME TO "+t.name,
		)
		out = append(out, t.indexes...)
	}
	return out
}

// schemaV5Add and schemaV5Drop are schema version 5, around the dialect's Dialect.V5
// (which fills the new columns from the old tables). A document's mentions, time
// expressions and quotes are only ever read back whole (Document) or counted (Stats), so
// they are kept as one JSON array each on the document's row, with their counts, instead
// of some seventy rows a document in three tables: those rows were most of what a
// document wrote.
const schemaV5Add = `
ALTER TABLE documents ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN timexes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN quotes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN n_mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN n_timexes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN n_quotes INTEGER NOT NULL DEFAULT 0;
`

const schemaV5Drop = `
DROP TABLE mentions;
DROP TABLE timexes;
DROP TABLE quotes;
`

// PackV5 is schema version 5's filling of the packed columns from the rows of the old
// tables, in the dialect's JSON functions: array(object, ord) aggregates the JSON values
// object of the rows in ord order into a JSON array text ('[]' when there are none),
// object(k1, v1, …) builds a JSON object, boolean(x) turns an integer into a JSON boolean
// and json(x) reads a JSON text column as a JSON value. The objects have the keys of
// doc.Mention, doc.Timex (the encoding the write path uses) and quotes' stored bodies.
func PackV5(array func(object, ord string) string, object func(kv ...string) string, boolean, json func(string) string) []string {
	col := func(table, value string) string {
		return `COALESCE((SELECT ` + array(value, "x.ord") + ` FROM ` + table + ` x WHERE x.doc_pk = documents.pk), '[]')`
	}
	count := func(table string) string {
		return `(SELECT COUNT(*) FROM ` + table + ` x WHERE x.doc_pk = documents.pk)`
	}
	mention := object("'start'", "x.start_off", "'end'", "x.end_off", "'text'", "x.text", "'type'", "x.type", "'actor'", "x.actor_id", "'form'", "x.form")
	timex := object("'start'", "x.start_off", "'end'", "x.end_off", "'text'", "x.text", "'type'", "x.type", "'value'", "x.value", "'mod'", "x.mod", "'begin'", boolean("x.begin_period"))
	return []string{`UPDATE documents SET
	mentions = ` + col("mentions", mention) + `, n_mentions = ` + count("mentions") + `,
	timexes = ` + col("timexes", timex) + `, n_timexes = ` + count("timexes") + `,
	quotes = ` + col("quotes", json("x.body")) + `, n_quotes = ` + count("quotes")}
}

// schemaV7 keeps the documents' counts that Stats reports in doc_totals, added to by each
// write transaction (Dialect.Writer), filled here from the documents already stored:
// summing them over the documents' rows read every row whole, text included. The
// statements can run again (schema_migrations is taken back by tests).
const schemaV7 = `
DROP TABLE IF EXISTS doc_totals;
CREATE TABLE doc_totals (
	writer BIGINT PRIMARY KEY,
	documents BIGINT NOT NULL,
	mentions BIGINT NOT NULL,
	timexes BIGINT NOT NULL,
	quotes BIGINT NOT NULL,
	near_duplicates BIGINT NOT NULL
);
INSERT INTO doc_totals (writer, documents, mentions, timexes, quotes, near_duplicates)
	SELECT 0, COUNT(*), COALESCE(SUM(n_mentions), 0), COALESCE(SUM(n_timexes), 0), COALESCE(SUM(n_quotes), 0),
	COALESCE(SUM(CASE WHEN canonical_pk <> pk AND canonical_pk <> 0 THEN 1 ELSE 0 END), 0) FROM documents;
`
