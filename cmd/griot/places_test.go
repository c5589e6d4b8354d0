package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// placesStore ingests the Mali article and the Sahel reports of api/testdata (events in
// Gao, near Djibo, in Ouagadougou, in the Tillabéri region, in Niamey).
func placesStore(t *testing.T) string {
	t.Helper()
	url := "sqlite://" + filepath.Join(t.TempDir(), "griot.db")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"ingest", "--store", url, filepath.Join("..", "..", "examples"), filepath.Join("..", "..", "api", "testdata")}, nil, &out, &errb); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errb.String())
	}
	return url
}

// TestPlaceFlags: --place-country and --admin1 on events, relations and export keep what
// happened there.
func TestPlaceFlags(t *testing.T) {
	url := placesStore(t)
	ctx := context.Background()
	type loc struct {
		Country string `json:"country"`
		Admin1  string `json:"admin1"`
	}
	lines := func(args ...string) []string {
		t.Helper()
		var out, errb bytes.Buffer
		if err := run(ctx, append(args, "--store", url), nil, &out, &errb); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errb.String())
		}
		return strings.Split(strings.TrimSpace(out.String()), "\n")
	}
	tests := []struct {
		args            []string
		country, admin1 string
		cluster         bool
	}{
		{[]string{"events", "--format", "jsonl", "--place-country", "ner"}, "NER", "", false},
		{[]string{"events", "--format", "jsonl", "--place-country", "BFA", "--admin1", "Sahel"}, "BFA", "Sahel", false},
		{[]string{"export", "--format", "events", "--place-country", "MLI"}, "MLI", "", false},
		{[]string{"export", "--format", "events", "--admin1", "Tillabéri Region"}, "NER", "Tillabéri Region", false},
		{[]string{"export", "--format", "plover", "--admin1", "Gao"}, "MLI", "Gao", true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			ls := lines(tt.args...)
			if len(ls) == 0 || ls[0] == "" {
				t.Fatal("nothing written")
			}
			for _, l := range ls {
				var r struct {
					Location   *loc `json:"location"`
					ClusterLoc *struct {
						CC3    string `json:"cc3"`
						Admin1 string `json:"admin1 code"`
					} `json:"cluster_loc"`
				}
				if err := json.Unmarshal([]byte(l), &r); err != nil {
					t.Fatalf("%v in %s", err, l)
				}
				got := loc{}
				if tt.cluster && r.ClusterLoc != nil {
					got = loc{r.ClusterLoc.CC3, r.ClusterLoc.Admin1}
				} else if !tt.cluster && r.Location != nil {
					got = *r.Location
				}
				if got.Country != tt.country || tt.admin1 != "" && got.Admin1 != tt.admin1 {
					t.Errorf("placed in %+v, want %s %s: %s", got, tt.country, tt.admin1, l)
				}
			}
		})
	}
	// Relations: Burkina Faso's accusation of Mali was made in Burkina Faso, not in Niger.
	var rel struct{ Total struct{ Events int } }
	if err := json.Unmarshal([]byte(strings.Join(lines("relations", "--format", "json", "--place-country", "BFA", "BFA", "MLI"), "\n")), &rel); err != nil || rel.Total.Events == 0 {
		t.Errorf("relations BFA MLI in BFA: %v, %d events", err, rel.Total.Events)
	}
	if err := json.Unmarshal([]byte(strings.Join(lines("relations", "--format", "json", "--place-country", "NER", "BFA", "MLI"), "\n")), &rel); err != nil || rel.Total.Events != 0 {
		t.Errorf("relations BFA MLI in NER: %v, %d events, want 0", err, rel.Total.Events)
	}
	if out := strings.Join(lines("relations", "--admin1", "Centre", "BFA", "MLI"), "\n"); !strings.Contains(out, "events in Centre") {
		t.Errorf("the relations table does not say where: %s", out)
	}
	for _, args := range [][]string{
		{"events", "--place-country", "Mali"},
		{"relations", "--place-country", "12", "MLI", "RUS"},
		{"export", "--place-country", "FR"},
	} {
		err := run(ctx, args, nil, io.Discard, io.Discard)
		var ee *exitError
		if err == nil || !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: %v, want a usage error (exit 2)", args, err)
		}
	}
}
