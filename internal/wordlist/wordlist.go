// Package wordlist reads the project's plain word lists (the embedded data files of the
// stages): one entry a line, surrounding spaces trimmed, blank lines and lines that start
// with # skipped.
package wordlist

import "strings"

// Lines returns the entries of a word list, in file order.
func Lines(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, line)
	}
	return out
}

// Set returns the entries of a word list as a set.
func Set(data string) map[string]bool {
	lines := Lines(data)
	set := make(map[string]bool, len(lines))
	for _, l := range lines {
		set[l] = true
	}
	return set
}
