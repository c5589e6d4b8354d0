package events_test

import (
	"context"
	"testing"
	"time"

	"github.com/griot-project/griot/pipeline"
)

// FuzzProcess reads any text through the whole pipeline (the event stage runs last on what
// every other stage made of it) in both languages: no panic, and every event's spans lie
// inside the text.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"Les rebelles du Nord-Kivu ont attaqué Goma. Darfur rebels",
		"Since January, fighting between the Chadian army and rebels has killed hundreds.",
		"Le Portugal a promis de reprendre son aide navale au Mozambique.",
		"threatened to cut off electricity to",
		"rejected an offer from",
		"police in", "le président", "UN Secretary-General", "« » ( ) — ? ! …",
		"La CEDEAO a levé les sanctions contre la Guinée. Les sanctions avaient été imposées en mars. Ladite",
		"",
	} {
		f.Add(s)
	}
	p, err := pipeline.Default()
	if err != nil {
		f.Fatal(err)
	}
	pub := time.Date(2023, 5, 10, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"fr", "en"} {
			d, err := p.Run(context.Background(), s, pipeline.Options{Lang: lang, Published: pub})
			if err != nil {
				continue
			}
			for _, e := range d.Events {
				if e.Trigger.Start < 0 || e.Trigger.End > len(d.Text) || e.Trigger.Start > e.Trigger.End {
					t.Fatalf("%s: trigger %+v outside the text (%d bytes)", lang, e.Trigger, len(d.Text))
				}
				if e.Evidence.Start < 0 || e.Evidence.End > len(d.Text) || e.Evidence.Start > e.Evidence.End {
					t.Fatalf("%s: evidence %+v outside the text (%d bytes)", lang, e.Evidence, len(d.Text))
				}
			}
		}
	})
}
