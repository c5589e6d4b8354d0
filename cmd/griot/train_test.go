package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrainCommand: griot train ner writes a model that griot eval ner --model reads; bad
// uses exit 2 with the usage.
func TestTrainCommand(t *testing.T) {
	gold := filepath.Join("..", "..", "eval", "nereval", "testdata", "mini.conll")
	model := filepath.Join(t.TempDir(), "m.gz")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"train", "ner", "-q", "--train", gold, "--out", model}, nil, &out, &errb); err != nil {
		t.Fatalf("train: %v (%s)", err, errb.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"eval", "ner", "--gold", gold, "--model", model}, nil, &out, &errb); err != nil {
		t.Fatalf("eval: %v (%s)", err, errb.String())
	}
	if !strings.Contains(out.String(), "ner: f1=") {
		t.Errorf("eval output %q", out.String())
	}
	for _, args := range [][]string{{"train"}, {"train", "pos"}} {
		err := run(context.Background(), args, nil, &out, &errb)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: %v, want exit 2", args, err)
		}
	}
}
