//go:build ignore

// assemble writes docs/QUALITY.md and docs/PERFORMANCE.md from the fragments in
// docs/quality and docs/performance, so that each stage keeps its own page and the
// two summaries stay one file each. Run from the repository root:
//
//	go run docs/tools/assemble.go
//
// 00-summary.md opens each document as it is; every other fragment follows in the
// order below with its headings one level lower (its "# Title" becomes "## Title").
// Lines inside code fences are left alone.
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

var docs = []struct {
	out, dir string
	order    []string
}{
	{"docs/QUALITY.md", "docs/quality", []string{"events", "timex", "ner", "quotes", "places"}},
	{"docs/PERFORMANCE.md", "docs/performance", []string{"pipeline", "throughput", "api", "timex", "actors", "places"}},
}

func main() {
	for _, d := range docs {
		if err := assemble(d.out, d.dir, d.order); err != nil {
			fmt.Fprintln(os.Stderr, "assemble:", err)
			os.Exit(1)
		}
	}
}

func assemble(out, dir string, order []string) error {
	head, err := os.ReadFile(filepath.Join(dir, "00-summary.md"))
	if err != nil {
		return err
	}
	var b strings.Builder
	b.Write(head)
	seen := map[string]bool{"00-summary": true}
	for _, name := range order {
		seen[name] = true
		if err := appendDemoted(&b, filepath.Join(dir, name+".md")); err != nil {
			return err
		}
	}
	// Fragments not in the order list still go in, at the end, so none is lost.
	extra, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range extra {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		if !seen[name] {
			if err := appendDemoted(&b, f); err != nil {
				return err
			}
		}
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func appendDemoted(b *strings.Builder, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if !strings.HasSuffix(b.String(), "\n\n") {
		b.WriteString("\n")
	}
	fence := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			fence = !fence
		}
		if !fence && strings.HasPrefix(line, "#") {
			line = "#" + line
		}
		b.WriteString(line)
		b.WriteString("\n")
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintf(b, "\n_Source of this section: `%s`._\n", filepath.ToSlash(path))
	return nil
}
