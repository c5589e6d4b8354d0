package main

import (
	"io"

	"github.com/griot-project/griot/doc"
)

func writePLOVER(w io.Writer, d *doc.Document) error {
	return nil
}
