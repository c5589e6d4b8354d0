// Command dump prints the mentions and actors griot's actors stage finds in a text file
// (a development aid): go run ./actors/internal/dump [-date YYYY-MM-DD] FILE
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/griot-project/griot/actors"
	"github.com/griot-project/griot/pipeline"
)

func main() {
	date := flag.String("date", "", "publication date YYYY-MM-DD")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: dump [-date YYYY-MM-DD] FILE")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r, err := actors.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var o pipeline.Options
	if *date != "" {
		if o.Published, err = time.Parse("2006-01-02", *date); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	p := pipeline.New(append(pipeline.Base(), r)...)
	d, err := p.Run(context.Background(), string(b), o)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, m := range d.Mentions {
		fmt.Printf("%-45q %-4s %-8s %s\n", m.Text, m.Type, m.Form, m.Actor)
	}
	fmt.Println("--")
	for _, a := range d.Actors {
		fmt.Printf("%-28s %-30s %-12s %-4s %v %s %s\n", a.ID, a.Name, a.Kind, a.Country, a.Sector, a.Role, a.Wikidata)
	}
}
