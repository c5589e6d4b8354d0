package pipeline

import (
	"fmt"

	"github.com/griot-project/griot/actors"
	"github.com/griot-project/griot/events"
	"github.com/griot-project/griot/places"
	"github.com/griot-project/griot/plover"
	"github.com/griot-project/griot/quotes"
	"github.com/griot-project/griot/timex"
)

// Default returns the full reading pipeline with every stage's data loaded:
// normalize → langid → segment → actors → timex → quotes → events → places.
func Default() (*Pipeline, error) {
	stages := Base()
	ar, err := actors.New()
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	tx, err := timex.New()
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	qf, err := quotes.New()
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	tables, err := plover.Load()
	if err != nil {
		return nil, fmt.Errorf("plover tables: %w", err)
	}
	ev, err := events.New(tables)
	if err != nil {
		return nil, err
	}
	pl, err := places.New()
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	stages = append(stages, ar, tx, qf, ev, pl)
	return New(stages...), nil
}
