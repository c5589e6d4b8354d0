package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/griot-project/griot/eval/nereval"
)

const trainUsage = `usage: griot train KIND [flags]
  ner  --format conll|iob|hipe|meantime --train FILE[,FILE] --out MODEL [--lang en|fr] [--heldout N]
       an averaged-perceptron name tagger (package ner); griot eval ner --model MODEL scores it
`

func cmdTrain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, trainUsage)
		return &exitError{2, errors.New("train needs a KIND")}
	}
	switch args[0] {
	case "ner":
		return nereval.RunTrain(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprint(stderr, trainUsage)
	return &exitError{2, fmt.Errorf("unknown train kind %q", args[0])}
}
