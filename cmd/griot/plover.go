package main

import (
	"io"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/plover"
)

// writePLOVER writes the reading's events as PLOVER JSON lines (docs/PLOVER.md).
func writePLOVER(w io.Writer, d *doc.Document) error {
	return plover.WriteJSONL(w, d)
}
