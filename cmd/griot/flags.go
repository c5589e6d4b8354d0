package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// defaultStore is where every command that reads or writes a store looks by default.
const defaultStore = "sqlite://griot.db"

// newFlags makes the flag set of one command: parse errors and usage go to stderr, and the
// usage is the command's usage line, any further lines, then every flag with its default.
func newFlags(name, usage string, stderr io.Writer, more ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		for _, l := range more {
			fmt.Fprintln(stderr, l)
		}
		fs.PrintDefaults()
	}
	return fs
}

// storeFlag adds --store, the same for every command.
func storeFlag(fs *flag.FlagSet) *string {
	return fs.String("store", defaultStore, "the store: sqlite://PATH (one file) or postgres://USER@HOST:PORT/DB (shared between machines)")
}

// placeFlags adds the two place filters of events, relations and export: where the event
// happened, not who took part in it.
func placeFlags(fs *flag.FlagSet) (country, admin1 *string) {
	country = fs.String("place-country", "", "only events that happened in this country (ISO3 of the event's place, not of its actors)")
	admin1 = fs.String("admin1", "", "only events that happened in this first-level region (as the gazetteer names it: Gao, Tillabéri Region)")
	return country, admin1
}

// parseFlags parses args; a bad flag has already been reported on stderr by the flag
// package, so the error only carries the exit code 2.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return &exitError{2, errors.New("")}
	}
	return nil
}
