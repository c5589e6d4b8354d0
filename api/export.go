package api

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/plover"
	"github.com/griot-project/griot/store"
)

// Formats are the export formats.
var Formats = []string{"plover", "gdelt", "acled", "csv"}

// ExportParams are the parameters of GET /api/export: the format and the filters of GET
// /api/events (its paging and order aside: an export is every matching event in date order).
var ExportParams = exportParams()

func exportParams() []string {
	out := []string{"format"}
	for _, p := range EventParams {
		switch p {
		case "limit", "offset", "sort":
		default:
			out = append(out, p)
		}
	}
	return out
}

// ParseExportQuery reads the filters of GET /api/export.
func ParseExportQuery(v url.Values) (store.EventQuery, error) {
	known := map[string]bool{}
	for _, k := range ExportParams {
		known[k] = true
	}
	f := url.Values{}
	for k, x := range v {
		if !known[k] {
			return store.EventQuery{}, fmt.Errorf("unknown parameter %q (known: %s)", k, strings.Join(ExportParams, ", "))
		}
		if k != "format" {
			f[k] = x
		}
	}
	return ParseEventQuery(f)
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q, err := ParseExportQuery(v)
	if err != nil {
		return errorf(http.StatusBadRequest, "%v", err)
	}
	format := v.Get("format")
	if format == "" {
		format = "plover"
	}
	ct, ext := "", ""
	switch format {
	case "plover":
		ct, ext = "application/x-ndjson", "jsonl"
	case "gdelt":
		ct, ext = "text/tab-separated-values; charset=utf-8", "tsv"
	case "acled", "csv":
		ct, ext = "text/csv; charset=utf-8", "csv"
	default:
		return errorf(http.StatusBadRequest, "format=%q: want %s", format, strings.Join(Formats, ", "))
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=griot-%s.%s", format, ext))
	return Export(r.Context(), s.st, format, q, w)
}

// docCache keeps the last documents read, for the names and countries of actors.
type docCache struct {
	st   store.Store
	docs map[string]*doc.Document
}

func (c *docCache) get(ctx context.Context, sha string) (*doc.Document, error) {
	if d := c.docs[sha]; d != nil {
		return d, nil
	}
	d, err := c.st.Document(ctx, sha)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", sha, err)
	}
	if len(c.docs) >= 256 {
		clear(c.docs)
	}
	c.docs[sha] = d
	return d, nil
}

// Export writes every stored event that matches q's filters (each report of each event, in
// the store's stable order: date, then id) in a format: plover (PLOVER JSON lines), gdelt
// (GDELT 2.0 event table columns, tab-separated, no header), acled (ACLED-style CSV of
// conflict and protest events) or csv (one flat row per event).
func Export(ctx context.Context, st store.Store, format string, q store.EventQuery, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cache := &docCache{st: st, docs: map[string]*doc.Document{}}
	var fn func(store.EventRow) error
	var cw *csv.Writer
	switch format {
	case "plover":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		fn = func(r store.EventRow) error {
			d, err := cache.get(ctx, r.DocSHA256)
			if err != nil {
				return err
			}
			recs := plover.Records(d)
			for i := range d.Events {
				if store.EventID(d.SHA256, &d.Events[i], i) == r.ID && i < len(recs) {
					return enc.Encode(recs[i])
				}
			}
			return nil
		}
	case "gdelt":
		cw = csv.NewWriter(bw)
		cw.Comma = '\t'
		fn = func(r store.EventRow) error {
			d, err := cache.get(ctx, r.DocSHA256)
			if err != nil {
				return err
			}
			return cw.Write(gdeltRow(d, r))
		}
	case "acled":
		cw = csv.NewWriter(bw)
		if err := cw.Write(acledHeader); err != nil {
			return err
		}
		fn = func(r store.EventRow) error {
			typ, sub, ok := acledType(r)
			if !ok {
				return nil
			}
			d, err := cache.get(ctx, r.DocSHA256)
			if err != nil {
				return err
			}
			return cw.Write(acledRow(d, r, typ, sub))
		}
	case "csv":
		cw = csv.NewWriter(bw)
		if err := cw.Write(csvHeader); err != nil {
			return err
		}
		fn = func(r store.EventRow) error { return cw.Write(csvRow(r)) }
	default:
		return errorf(http.StatusBadRequest, "format=%q: want %s", format, strings.Join(Formats, ", "))
	}
	n := 0
	err := st.Export(ctx, q, func(r store.EventRow) error {
		if err := fn(r); err != nil {
			return err
		}
		n++
		if n%1000 == 0 {
			if cw != nil {
				cw.Flush()
			}
			return bw.Flush() // a failed client write stops the export
		}
		return nil
	})
	if cw != nil {
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

var csvHeader = []string{"event_id", "date", "date_lo", "date_hi", "date_precision", "type", "mode", "context", "actor", "recipient", "factuality", "quad", "goldstein", "cameo", "attribution", "location", "country", "evidence_start", "evidence_end", "evidence", "doc_id", "doc_sha256", "source", "url", "lang"}

func csvRow(r store.EventRow) []string {
	var attr []string
	for _, a := range r.Attribution {
		s := a.Source
		if a.Via != "" {
			s += ">" + a.Via
		}
		attr = append(attr, s)
	}
	loc, cc := "", ""
	if r.Location != nil {
		loc, cc = r.Location.Name, r.Location.Country
	}
	return []string{r.ID, r.Date.Value, r.DateLo, r.DateHi, r.Date.Precision, r.Type, r.Mode, strings.Join(r.Context, ";"),
		strings.Join(r.Actor, ";"), strings.Join(r.Recipient, ";"), r.Factuality, strconv.Itoa(r.Quad),
		strconv.FormatFloat(r.Goldstein, 'f', -1, 64), r.CAMEO, strings.Join(attr, ";"), loc, cc,
		strconv.Itoa(r.Evidence.Start), strconv.Itoa(r.Evidence.End), oneLine(r.Evidence.Text), r.DocID, r.DocSHA256, r.Source, r.URL, r.Lang}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// actorCodes returns the CAMEO-style code (country + sector), name and country of the
// first of ids.
func actorCodes(d *doc.Document, ids []string) (code, name, country, sector string) {
	if len(ids) == 0 {
		return
	}
	a := d.ActorByID(ids[0])
	if a == nil {
		return "", ids[0], "", ""
	}
	c, sec := plover.Code(a)
	return c + sec, a.Name, a.Country, sec
}

// gdeltRow is an event as the 61 columns of a GDELT 2.0 event record. Columns griot does
// not know (religion, ethnicity, tone, geo feature ids) are empty; NumMentions counts the
// places this report tells the event, NumSources and NumArticles are 1 (one report).
func gdeltRow(d *doc.Document, r store.EventRow) []string {
	row := make([]string, 61)
	row[0] = r.ID
	if r.DateLo != "" {
		day := strings.ReplaceAll(r.DateLo, "-", "")
		row[1], row[2], row[3] = day, day[:6], day[:4]
		if y, err := strconv.Atoi(day[:4]); err == nil {
			m, _ := strconv.Atoi(day[4:6])
			dd, _ := strconv.Atoi(day[6:8])
			row[4] = strconv.FormatFloat(float64(y)+float64((m-1)*30+dd)/365, 'f', 4, 64)
		}
	}
	put := func(at int, ids []string) {
		code, name, country, sector := actorCodes(d, ids)
		row[at], row[at+1], row[at+2] = code, strings.ToUpper(name), country
		row[at+7] = sector
	}
	put(5, r.Actor)
	put(15, r.Recipient)
	row[25] = "1"
	cameo := r.CAMEO
	row[26] = cameo
	if len(cameo) >= 3 {
		row[27] = cameo[:3]
	} else {
		row[27] = cameo
	}
	if len(cameo) >= 2 {
		row[28] = cameo[:2]
	}
	row[29] = strconv.Itoa(r.Quad)
	row[30] = strconv.FormatFloat(r.Goldstein, 'f', 1, 64)
	row[31] = strconv.Itoa(max(1, len(r.Mentions)))
	row[32], row[33] = "1", "1"
	if l := r.Location; l != nil {
		geo := row[51:59]
		geo[0] = "4"
		if l.Admin1 == "" {
			geo[0] = "1"
		}
		geo[1], geo[2], geo[3], geo[4] = l.Name, l.Country, l.Admin1, l.Admin2
		if l.Lat != 0 || l.Lon != 0 {
			geo[5], geo[6] = strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
		}
		if l.GeonameID != 0 {
			geo[7] = strconv.Itoa(l.GeonameID)
		}
	}
	if !d.Published.IsZero() {
		row[59] = d.Published.Format("20060102150405")
	}
	row[60] = r.URL
	if row[60] == "" {
		row[60] = d.ID
	}
	return row
}

var acledHeader = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "iso3", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "tags", "griot_type", "griot_factuality", "griot_doc_id"}

// acledType maps an event to ACLED's event type and sub-event type. ACLED codes political
// violence, demonstrations and some strategic developments: only material conflict (quad
// 4), protests and mobilisation are exported.
func acledType(r store.EventRow) (typ, sub string, ok bool) {
	switch r.Type {
	case "PROTEST":
		return "Protests", "Peaceful protest", true
	case "MOBILIZE":
		return "Strategic developments", "Change to group/activity", true
	case "ASSAULT":
		return "Violence against civilians", "Attack", true
	case "COERCE":
		switch r.Mode {
		case "arrest", "detain":
			return "Strategic developments", "Arrests", true
		case "seize":
			return "Strategic developments", "Non-violent transfer of territory", true
		}
		return "Strategic developments", "Other", true
	}
	if r.Quad == 4 {
		return "Strategic developments", "Other", true
	}
	return "", "", false
}

func acledRow(d *doc.Document, r store.EventRow, typ, sub string) []string {
	prec := "3"
	switch r.Date.Precision {
	case "day":
		prec = "1"
	case "month", "week":
		prec = "2"
	}
	_, a1, _, _ := actorCodes(d, r.Actor)
	_, a2, _, _ := actorCodes(d, r.Recipient)
	iso, country, admin1, admin2, loc, lat, lon, gp := "", "", "", "", "", "", "", ""
	if l := r.Location; l != nil {
		iso, country, admin1, admin2, loc = l.Country, l.Country, l.Admin1, l.Admin2, l.Name
		if l.Lat != 0 || l.Lon != 0 {
			lat, lon = strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64)
		}
		gp = strconv.Itoa(l.Precision)
	}
	year := ""
	if len(r.DateLo) >= 4 {
		year = r.DateLo[:4]
	}
	disorder := "Political violence"
	if typ == "Protests" {
		disorder = "Demonstrations"
	} else if typ == "Strategic developments" {
		disorder = "Strategic developments"
	}
	src := r.Source
	if src == "" {
		src = r.URL
	}
	return []string{r.ID, r.DateLo, year, prec, disorder, typ, sub, a1, a2, iso, country, admin1, admin2, loc, lat, lon, gp, src, oneLine(r.Evidence.Text), "", "", r.Type, r.Factuality, r.DocID}
}
