package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/griot-project/griot/eval/eventeval"
	"github.com/griot-project/griot/eval/nereval"
	"github.com/griot-project/griot/eval/placeeval"
	"github.com/griot-project/griot/eval/quoteeval"
	"github.com/griot-project/griot/eval/timexeval"
)

const evalUsage = `usage: griot eval KIND [flags]
  timex   --gold DIR                 ISO-TimeML (FR-TimeBank, TempEval-3)
  ner     --format conll|iob|hipe|meantime --gold FILE [--model embedded|rules|FILE] [--heldout N]
  quotes  --gold DIR                 PolNeAR brat files
  events  --gold FILE [--split dev|test|all]  PLOVER gold-standard records (JSONL)
  places  --gold FILE[,FILE…]        sentence cases (.jsonl) or HIPE-2022 TSV (.tsv) [-v] [--audit] [--coords FILE]
`

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, evalUsage)
		return &exitError{2, errors.New("eval needs a KIND")}
	}
	switch args[0] {
	case "timex":
		return timexeval.Run(ctx, args[1:], stdout, stderr)
	case "ner":
		return nereval.Run(ctx, args[1:], stdout, stderr)
	case "events":
		return eventeval.Run(ctx, args[1:], stdout, stderr)
	case "quotes":
		return quoteeval.Run(ctx, args[1:], stdout, stderr)
	case "places":
		return placeeval.Run(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprint(stderr, evalUsage)
	return &exitError{2, fmt.Errorf("unknown eval kind %q", args[0])}
}
