package web_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/griot-project/griot/pipeline"
	"github.com/griot-project/griot/store"
	"github.com/griot-project/griot/store/storetest"
)

// putSahel adds the Sahel reports of api/testdata (events in Gao, near Djibo, in
// Ouagadougou, in Ouallam, in the Tillabéri region, in Niamey) to a store.
func putSahel(t *testing.T, st store.Store) {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	storetest.PutArticles(t, st, p, filepath.Join("..", "api", "testdata"), "sahel-fr", "sahel-en")
}

// sahelPoint matches a town point drawn in a Sahel country.
var sahelPoint = regexp.MustCompile(`<circle class="pt p[12]" cx="[0-9.]+" cy="[0-9.]+" r="[0-9.]+" data-country="(MLI|BFA|NER|TCD|MRT)" data-name="([^"]+)"`)

func TestMapPage(t *testing.T) {
	srv, st := newServer(t)
	putSahel(t, st)
	tests := []struct {
		path string
		code int
		want []string
		not  []string
	}{
		// Towns as points linking to their events; the Tillabéri region as a ring; Mali,
		// placed at country level by the Mali article, shaded and never a point.
		{"/map", 200, []string{"<svg", `data-name="Gao"`, `class="pt p2"`, `data-name="Djibo"`, `<circle class="reg"`, `class="land sh`, `href="/events?geonameid=2457163"`, "Towns and sites", "Countries only", `aria-current="page">Map`}, []string{`data-name="Mali"`}},
		{"/map?place_country=NER", 200, []string{`data-name="Niamey"`, `data-country="NER"`}, []string{`data-name="Gao"`, `class="land sh`}},
		{"/map?place_country=NER&type=&view=world", 200, []string{`viewBox="0 0 960 379"`, `href="/events?geonameid=`, "zoom to the events"}, nil},
		{"/map?admin1=Gao", 200, []string{`data-name="Gao"`, `href="/events?admin1=Gao&amp;geonameid=2457163"`}, []string{`data-name="Niamey"`}},
		{"/map?place_country=FRA", 200, []string{"No event matching the filters is placed"}, []string{"<circle"}},
		{"/map?place_country=France", 400, []string{`role="alert"`, "place_country"}, nil},
		{"/map?offset=3", 400, []string{`role="alert"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body, _ := get(t, srv.URL+tt.path)
			if code != tt.code {
				t.Fatalf("status %d, want %d\n%s", code, tt.code, plain(body))
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("page has %q", w)
				}
			}
		})
	}
	// Every drawn point links to events that are there.
	_, body, _ := get(t, srv.URL+"/map")
	if m := sahelPoint.FindAllStringSubmatch(body, -1); len(m) < 3 {
		t.Errorf("%d Sahel points drawn, want Gao, Djibo, Niamey…", len(m))
	}
	links := regexp.MustCompile(`<a href="(/events\?geonameid=[0-9]+)"`).FindAllStringSubmatch(body, -1)
	if len(links) == 0 {
		t.Fatal("no point links")
	}
	for _, l := range links {
		code, page, _ := get(t, srv.URL+strings.ReplaceAll(l[1], "&amp;", "&"))
		if code != 200 || !strings.Contains(page, `<table class="events"`) || strings.Contains(page, "No event matches") {
			t.Errorf("%s: %d, no events", l[1], code)
		}
	}
}
