package sqlstore

import (
	"testing"

	"github.com/griot-project/griot/doc"
)

func TestClusterPlace(t *testing.T) {
	gao := doc.Location{GeonameID: 2457163, Name: "Gao", Country: "MLI", Admin1: "Gao", Lat: 16.27, Lon: -0.04, Precision: 1}
	nearGao := gao
	nearGao.Precision = 2
	ansongo := doc.Location{GeonameID: 2460954, Name: "Ansongo", Country: "MLI", Admin1: "Gao", Lat: 15.66, Lon: 0.5, Precision: 1}
	mali := doc.Location{Name: "Mali", Country: "MLI", Precision: 4}
	tests := []struct {
		name string
		in   []doc.Location
		want *doc.Location
	}{
		{"no report placed", nil, nil},
		{"one", []doc.Location{mali}, &mali},
		{"most precise, whatever the order", []doc.Location{mali, nearGao, gao}, &gao},
		{"most precise before most named", []doc.Location{mali, mali, mali, nearGao}, &nearGao},
		{"equally precise: most named", []doc.Location{gao, ansongo, ansongo}, &ansongo},
		{"equally precise and named: the first report's", []doc.Location{ansongo, gao}, &ansongo},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := clusterPlace(tc.in)
			if (got == nil) != (tc.want == nil) || got != nil && *got != *tc.want {
				t.Errorf("clusterPlace = %+v, want %+v", got, tc.want)
			}
		})
	}
}
