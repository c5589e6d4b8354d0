package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

type meta struct {
	Lang      string `json:"lang"`
	Published string `json:"published"`
}

func readMeta(t *testing.T, path string) meta {
	t.Helper()
	b, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".meta.json")
	if err != nil {
		t.Fatal(err)
	}
	var m meta
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func extract(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), append([]string{"extract"}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

// TestGolden holds the whole reading of the project's example article in both languages.
// Run `go test ./cmd/griot -run Golden -update` after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	for _, name := range []string{"mali-goita-poutine", "mali-goita-putin"} {
		t.Run(name, func(t *testing.T) {
			src := filepath.Join("..", "..", "examples", name+".txt")
			m := readMeta(t, src)
			got, stderr, err := extract(t, "--published", m.Published, "--lang", m.Lang, src)
			if err != nil {
				t.Fatalf("extract: %v (%s)", err, stderr)
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("reading of %s differs from %s; run with -update and review the diff", name, golden)
			}
			checkOffsets(t, src, got)
		})
	}
}

// checkOffsets: every span of the reading points at the text it claims.
func checkOffsets(t *testing.T, src, reading string) {
	t.Helper()
	text, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Mentions []struct {
			Start, End int
			Text       string
		}
		Timexes []struct {
			Start, End int
			Text       string
		}
		Events []struct {
			Evidence struct {
				Start, End int
				Text       string
			}
			Mentions []struct {
				Start, End int
				Text       string
			}
		}
	}
	if err := json.Unmarshal([]byte(reading), &r); err != nil {
		t.Fatal(err)
	}
	check := func(kind string, s, e int, want string) {
		if s < 0 || e > len(text) || s > e || string(text[s:e]) != want {
			t.Errorf("%s %d:%d does not hold %q", kind, s, e, want)
		}
	}
	for _, m := range r.Mentions {
		check("mention", m.Start, m.End, m.Text)
	}
	for _, x := range r.Timexes {
		check("timex", x.Start, x.End, x.Text)
	}
	for _, e := range r.Events {
		check("evidence", e.Evidence.Start, e.Evidence.End, e.Evidence.Text)
		for _, m := range e.Mentions {
			check("event mention", m.Start, m.End, m.Text)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("Bonjour\nle monde \xff ici"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte(" \n\t "), 0o644)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Le Niger a accusé le Bénin."), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, "no such file"},
		{[]string{bad}, "invalid UTF-8 at byte 17 (line 2, column 10)"},
		{[]string{empty}, "empty text"},
		{[]string{"--published", "2022-02-30", good}, "bad --published"},
		{[]string{"--lang", "de", good}, "unknown --lang"},
		{[]string{"--format", "xml", good}, "unknown --format"},
		{[]string{dir}, "is a directory"},
		{[]string{}, "one FILE"},
	}
	for _, c := range cases {
		_, _, err := extract(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("extract %v: error %v, want one that says %q", c.args, err, c.want)
		}
	}
}

func TestExtractFormats(t *testing.T) {
	src := filepath.Join("..", "..", "examples", "mali-goita-poutine.txt")
	pretty, _, err := extract(t, "--published", "2022-08-11", "--format", "pretty", src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(pretty, "mali-goita-poutine (fr, published 2022-08-11)") {
		t.Errorf("pretty output starts %q", firstLine(pretty))
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"extract", "--published", "2022-08-11", "-"}, strings.NewReader("Le Niger a accusé le Bénin."), &out, &errb); err != nil {
		t.Fatalf("stdin: %v", err)
	}
	var r map[string]any
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("stdin output is not JSON: %v", err)
	}
}

func firstLine(s string) string {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return s
	}
	return s[:i]
}

// TestSamples runs ../shared/tools/check_reading.py over every sample article (CI has
// ../shared; a user's clone does not, and the test then skips). The project's own article,
// in both languages, must pass every check; the other samples are reported.
func TestSamples(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	checker := filepath.Join(shared, "tools", "check_reading.py")
	if _, err := os.Stat(checker); err != nil {
		t.Skip("../shared is absent: the sample check runs where ../shared/samples is")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "samples", "*", "*.txt"))
	must := map[string]bool{"mali-goita-poutine": true, "mali-goita-putin": true}
	for _, src := range files {
		name := strings.TrimSuffix(filepath.Base(src), ".txt")
		m := readMeta(t, src)
		got, stderr, err := extract(t, "--published", m.Published, "--lang", m.Lang, src)
		if err != nil {
			t.Fatalf("%s: %v (%s)", name, err, stderr)
		}
		outFile := filepath.Join(t.TempDir(), name+".json")
		os.WriteFile(outFile, []byte(got), 0o644)
		cmd := exec.Command(py, checker, strings.TrimSuffix(src, ".txt")+".reading.json", outFile, src)
		res, err := cmd.CombinedOutput()
		if must[name] && err != nil {
			t.Errorf("%s does not pass check_reading.py:\n%s", name, res)
		} else {
			t.Logf("%s: %s", name, lastLine(string(res)))
		}
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// TestTranslationSameEvents: the English translation of the example article gives the same
// events as the French original — same types, actors' and recipients' countries, dates and
// factuality (issue 2, acceptance 2).
func TestTranslationSameEvents(t *testing.T) {
	sig := func(name string) []string {
		src := filepath.Join("..", "..", "examples", name+".txt")
		m := readMeta(t, src)
		out, stderr, err := extract(t, "--published", m.Published, "--lang", m.Lang, src)
		if err != nil {
			t.Fatalf("%s: %v (%s)", name, err, stderr)
		}
		var r struct {
			Actors []struct{ ID, Country string }
			Events []struct {
				Type, Factuality string
				Actor, Recipient []string
				Date             struct{ Value string }
			}
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		country := map[string]string{}
		for _, a := range r.Actors {
			country[a.ID] = a.Country
			if a.Country == "" {
				country[a.ID] = a.ID
			}
		}
		side := func(ids []string) string {
			var cs []string
			for _, id := range ids {
				cs = append(cs, country[id])
			}
			return strings.Join(cs, "+")
		}
		var out2 []string
		for _, e := range r.Events {
			out2 = append(out2, strings.Join([]string{e.Type, side(e.Actor), side(e.Recipient), e.Date.Value, e.Factuality}, " "))
		}
		return out2
	}
	fr, en := sig("mali-goita-poutine"), sig("mali-goita-putin")
	if strings.Join(fr, "\n") != strings.Join(en, "\n") {
		t.Errorf("French and English readings differ:\nfr:\n  %s\nen:\n  %s", strings.Join(fr, "\n  "), strings.Join(en, "\n  "))
	}
	if len(fr) < 6 {
		t.Errorf("only %d events", len(fr))
	}
}
