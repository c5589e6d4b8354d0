package pipeline

import (
	"fmt"

	"github.com/griot-project/griot/events"
	"github.com/griot-project/griot/timex"
)

// Default returns the full reading pipeline with every stage's data loaded:
// normalize → langid → segment → timex → events.
func Default() (*Pipeline, error) {
	stages := Base()
	tx, err := timex.New()
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	ev, err := events.New(nil)
	if err != nil {
		return nil, err
	}
	stages = append(stages, tx, ev)
	return New(stages...), nil
}
