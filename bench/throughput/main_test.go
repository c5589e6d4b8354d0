//go:build unix

package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/griot-project/griot/ingest"
)

// devDir lays the project's own rows (testdata/rows/{fra,eng}.tsv, written for these tests)
// out as the MasakhaNEWS dev folders that gen reads: DIR/{fra,eng}/dev.tsv.
func devDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, l := range []string{"fra", "eng"} {
		b, err := os.ReadFile(filepath.Join("testdata", "rows", l+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, l), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, l, "dev.tsv"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGen(t *testing.T) {
	// testdata/rows: 2 French rows with text (and one without), 2 English rows.
	dev := devDir(t)
	const rowBytes = 403 // texts of one copy, before " [copy N]"
	for _, tc := range []struct {
		name          string
		first, copies int
		target        int64
		docs, fr, en  int64
		minBytes      int64
		wantLastCopyN string
	}{
		{"one row", 1, 0, 1, 1, 1, 0, 1, " [copy 1]"},
		{"one copy", 1, 0, rowBytes, 4, 2, 2, rowBytes, " [copy 1]"},
		{"three copies and a row", 1, 0, 3*rowBytes + 3*4*int64(len(" [copy 1]")) + 1, 13, 7, 6, 3*rowBytes + 1, " [copy 4]"},
		{"copy 100", 100, 0, rowBytes, 4, 2, 2, rowBytes, " [copy 100]"},
		{"two copies exactly, whatever the target", 7, 2, 1, 8, 4, 4, 2 * rowBytes, " [copy 8]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			st, err := gen(dev, out, tc.first, tc.copies, tc.target)
			if err != nil {
				t.Fatal(err)
			}
			if st.Docs != tc.docs || st.FrDocs != tc.fr || st.EnDocs != tc.en {
				t.Errorf("documents %d (fr %d, en %d), want %d (%d, %d)", st.Docs, st.FrDocs, st.EnDocs, tc.docs, tc.fr, tc.en)
			}
			if (tc.copies == 0 && st.Bytes < tc.target) || st.Bytes < tc.minBytes || st.Bytes != st.FrBytes+st.EnBytes {
				t.Errorf("text bytes %d (fr %d + en %d), want >= %d", st.Bytes, st.FrBytes, st.EnBytes, max(tc.target, tc.minBytes))
			}

			// griot's own table reader sees the same documents, every one with its own hash.
			f, err := os.Open(filepath.Join(out, "masakhanews-repeated.tsv"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var texts []string
			seen := map[[32]byte]bool{}
			err = ingest.ReadTable(context.Background(), f, "x.tsv", '\t', nil, func(it ingest.Item) error {
				if it.Err != nil {
					t.Errorf("%s: %v", it.Origin, it.Err)
					return nil
				}
				h := sha256.Sum256([]byte(it.Doc.Text))
				if seen[h] {
					t.Errorf("%s: text read twice: %q", it.Origin, it.Doc.Text)
				}
				seen[h] = true
				if !strings.Contains(it.Doc.URL, "#copy-") || it.Doc.Title == "" {
					t.Errorf("%s: url %q title %q", it.Origin, it.Doc.URL, it.Doc.Title)
				}
				texts = append(texts, it.Doc.Text)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if int64(len(texts)) != tc.docs {
				t.Fatalf("TSV has %d documents, want %d", len(texts), tc.docs)
			}
			if last := texts[len(texts)-1]; !strings.HasSuffix(last, tc.wantLastCopyN) {
				t.Errorf("last text %q does not end with %q", last, tc.wantLastCopyN)
			}

			// The JSON lines hold the same texts in the same order, with their language.
			jf, err := os.Open(filepath.Join(out, "masakhanews-repeated.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer jf.Close()
			sc := bufio.NewScanner(jf)
			sc.Buffer(nil, 1<<20)
			i := 0
			for ; sc.Scan(); i++ {
				var r struct{ Lang, Text string }
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					t.Fatal(err)
				}
				if i < len(texts) && r.Text != texts[i] {
					t.Errorf("line %d: %q, TSV has %q", i+1, r.Text, texts[i])
				}
				if (r.Lang == "fr") != strings.Contains(r.Text, "é") {
					t.Errorf("line %d: lang %q for %q", i+1, r.Lang, r.Text)
				}
			}
			if i != len(texts) {
				t.Errorf("%d JSON lines, want %d", i, len(texts))
			}
		})
	}
}

func TestReadDevErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		fra  string // content of fra/dev.tsv ("" : missing file)
		want string
	}{
		{"missing file", "", "no such file"},
		{"no text column", "category\theadline\tbody\turl\nx\ty\tz\tu\n", `no "text" column`},
		{"empty file", "\n", "header"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, l := range []string{"fra", "eng"} {
				if err := os.MkdirAll(filepath.Join(dir, l), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if tc.fra != "" {
				if err := os.WriteFile(filepath.Join(dir, "fra", "dev.tsv"), []byte(tc.fra), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := readDev(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// FuzzReadDev: any bytes as a dev.tsv give rows or an error, never a panic, and every
// row read has a text.
func FuzzReadDev(f *testing.F) {
	for _, l := range []string{"fra", "eng"} {
		b, err := os.ReadFile(filepath.Join("testdata", "rows", l+".tsv"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("category\theadline\ttext\turl\n\"unclosed\t\"x\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		for _, l := range []string{"fra", "eng"} {
			if err := os.MkdirAll(filepath.Join(dir, l), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, l, "dev.tsv"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		rows, err := readDev(dir)
		if err != nil {
			return
		}
		for _, r := range rows {
			if strings.TrimSpace(r.text) == "" {
				t.Fatalf("row without text: %+v", r)
			}
		}
	})
}
