// Command evalrun runs `griot eval timex` without the rest of the CLI (a development aid).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/griot-project/griot/eval/timexeval"
)

func main() {
	if err := timexeval.Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
