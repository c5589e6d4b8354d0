package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/plover"
	"github.com/griot-project/griot/store"
)

// TestMakeLoadStore writes a synthetic store for load tests (docs/PERFORMANCE.md) when
// GRIOT_LOADSTORE names one (sqlite://PATH): GRIOT_LOADDOCS documents (default 5,000) of
// 20 events each between 30 countries over four years, with every layer the API reads.
// Its numbers mean nothing; only their amount and spread matter.
func TestMakeLoadStore(t *testing.T) {
	url := os.Getenv("GRIOT_LOADSTORE")
	if url == "" {
		t.Skip("set GRIOT_LOADSTORE=sqlite://PATH to write a load-test store")
	}
	ndocs := 5000
	if s := os.Getenv("GRIOT_LOADDOCS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		ndocs = n
	}
	ctx := context.Background()
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tables, err := plover.Default()
	if err != nil {
		t.Fatal(err)
	}
	types := tables.Types()
	countries := strings.Fields("MLI FRA RUS USA CHN GBR DEU UKR NGA SEN CIV BFA NER TCD DZA MAR EGY ETH KEN ZAF IND PAK IRN ISR TUR BRA MEX JPN KOR CAN")
	facts := []string{"asserted", "asserted", "asserted", "asserted", "hedged", "historical", "negated", "future"}
	r := rand.New(rand.NewPCG(1, 2))
	// Places come from a second generator, so that the rest of the store is the one the
	// figures of docs/API.md were measured on: half the events at a town, a fifth in a
	// country only, the rest unplaced.
	rp := rand.New(rand.NewPCG(3, 4))
	towns := []doc.Location{
		{Name: "Gao", GeonameID: 2457163, Country: "MLI", Admin1: "Gao", Lat: 16.2717, Lon: -0.0447},
		{Name: "Bamako", GeonameID: 2460596, Country: "MLI", Admin1: "Bamako", Lat: 12.65, Lon: -8},
		{Name: "Djibo", GeonameID: 2361177, Country: "BFA", Admin1: "Sahel", Lat: 14.0994, Lon: -1.6255},
		{Name: "Niamey", GeonameID: 2440485, Country: "NER", Admin1: "Niamey", Lat: 13.5137, Lon: 2.1098},
		{Name: "Paris", GeonameID: 2988507, Country: "FRA", Admin1: "Île-de-France", Lat: 48.8534, Lon: 2.3488},
		{Name: "Kyiv", GeonameID: 703448, Country: "UKR", Admin1: "Kyiv City", Lat: 50.4547, Lon: 30.5238},
		{Name: "Maiduguri", GeonameID: 2331447, Country: "NGA", Admin1: "Borno", Lat: 11.8464, Lon: 13.1603},
		{Name: "Moscow", GeonameID: 524901, Country: "RUS", Admin1: "Moscow", Lat: 55.7522, Lon: 37.6156},
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	const sentence = "Le gouvernement a annoncé une mesure importante concernant ses voisins. "
	var batch []*doc.Document
	for i := range ndocs {
		pub := start.AddDate(0, 0, r.IntN(4*365))
		d := &doc.Document{ID: fmt.Sprintf("load-%06d", i), Lang: []string{"fr", "en"}[i%2], Published: pub, Anchor: pub,
			Source: fmt.Sprintf("outlet-%d", i%40), URL: fmt.Sprintf("https://example.org/%d", i)}
		var text strings.Builder
		fmt.Fprintf(&text, "Article %d. ", i)
		used := map[string]bool{}
		for k := range 20 {
			a, b := countries[r.IntN(len(countries))], countries[r.IntN(len(countries))]
			for b == a {
				b = countries[r.IntN(len(countries))]
			}
			typ := types[r.IntN(len(types))]
			cameo, gold, quad, _ := tables.Derive(typ, "")
			s0 := text.Len()
			text.WriteString(sentence)
			d.Sentences = append(d.Sentences, doc.Sentence{Start: s0, End: s0 + len(sentence) - 1})
			day := pub.AddDate(0, 0, -r.IntN(30)).Format(time.DateOnly)
			d.Events = append(d.Events, doc.Event{ID: fmt.Sprintf("e%d", k+1), Type: typ, Actor: []string{a}, Recipient: []string{b},
				Date: doc.EventDate{Value: day, Precision: "day", From: "publication"}, Factuality: facts[r.IntN(len(facts))],
				Evidence: doc.Evidence{Start: s0, End: s0 + 15, Text: sentence[:15]}, Trigger: doc.Span{Start: s0 + 19, End: s0 + 27},
				CAMEO: cameo, Goldstein: gold, Quad: quad})
			switch x := rp.IntN(10); {
			case x < 5:
				l := towns[rp.IntN(len(towns))]
				l.Text, l.Precision = "à "+l.Name, 1+rp.IntN(2)
				d.Events[k].Location = &l
			case x < 7:
				d.Events[k].Location = &doc.Location{Text: "au " + a, Name: a, Country: a, Precision: 4}
			}
			for _, c := range []string{a, b} {
				if !used[c] {
					used[c] = true
					d.Actors = append(d.Actors, doc.Actor{ID: c, Name: c, Kind: "country", Country: c})
				}
			}
		}
		d.Text = text.String()
		sum := sha256.Sum256([]byte(d.Text))
		d.SHA256 = hex.EncodeToString(sum[:])
		batch = append(batch, d)
		if len(batch) == 200 || i == ndocs-1 {
			res, err := st.PutDocuments(ctx, batch)
			if err != nil {
				t.Fatal(err)
			}
			for k, x := range res {
				if x.Err != nil {
					t.Fatalf("%s: %v", batch[k].ID, x.Err)
				}
			}
			batch = batch[:0]
		}
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d documents, %d events", url, s.Documents, s.Events)
}
