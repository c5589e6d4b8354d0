package nereval

import (
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseMEANTIMEDir reads every MEANTIME (NewsReader CAT XML) file under dir, in path order.
func ParseMEANTIMEDir(dir string) ([]Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".xml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var docs []Doc
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := ParseMEANTIME(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		d.ID = filepath.Base(p)
		docs = append(docs, d)
	}
	return docs, nil
}

// ParseMEANTIME reads one MEANTIME document and turns its entity mentions into CoNLL-style
// names (tag "?" for the names of products and financial entities, whose CoNLL type is unsure). MEANTIME marks whole noun phrases ("U.S. automaker Chrysler", syntactic type NAM,
// with "U.S." a PRE.NAM mention of its own); a CoNLL name is the capitalised words. So each
// mention of a person, organisation, place, product or financial entity
// gives the last run of capitalised words inside it (connectors such as "of" or "de" may sit
// between two capitalised words; a leading "The" is dropped), and overlapping runs keep the
// longer one.
func ParseMEANTIME(r io.Reader) (Doc, error) {
	type anchor struct {
		T string `xml:"t_id,attr"`
	}
	type mention struct {
		MID     string   `xml:"m_id,attr"`
		Syn     string   `xml:"syntactic_type,attr"`
		Anchors []anchor `xml:"token_anchor"`
	}
	type entity struct {
		MID  string `xml:"m_id,attr"`
		Type string `xml:"ent_type,attr"`
	}
	type ref struct {
		MID string `xml:"m_id,attr"`
	}
	type refersTo struct {
		Sources []ref `xml:"source"`
		Target  ref   `xml:"target"`
	}
	type token struct {
		TID  string `xml:"t_id,attr"`
		Sent string `xml:"sentence,attr"`
		Text string `xml:",chardata"`
	}
	var x struct {
		Tokens    []token    `xml:"token"`
		Mentions  []mention  `xml:"Markables>ENTITY_MENTION"`
		Entities  []entity   `xml:"Markables>ENTITY"`
		RefersTos []refersTo `xml:"Relations>REFERS_TO"`
	}
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return Doc{}, err
	}
	var d Doc
	pos := map[string]int{}
	for i, t := range x.Tokens {
		pos[t.TID] = i
		eos := i+1 == len(x.Tokens) || x.Tokens[i+1].Sent != t.Sent
		d.Tokens = append(d.Tokens, Token{Text: strings.TrimSpace(t.Text), Tag: "O", EOS: eos})
	}
	etype := map[string]string{}
	for _, e := range x.Entities {
		etype[e.MID] = e.Type
	}
	mtype := map[string]string{}
	for _, rt := range x.RefersTos {
		if t, ok := etype[rt.Target.MID]; ok {
			for _, s := range rt.Sources {
				mtype[s.MID] = t
			}
		}
	}
	typeOf := map[string]string{"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PRO": "?", "FIN": "?"}
	var spans []Entity
	for _, m := range x.Mentions {
		typ, ok := typeOf[mtype[m.MID]]
		if !ok || len(m.Anchors) == 0 {
			continue
		}
		var idx []int
		for _, a := range m.Anchors {
			i, ok := pos[a.T]
			if !ok {
				return Doc{}, fmt.Errorf("mention %s: unknown token %s", m.MID, a.T)
			}
			idx = append(idx, i)
		}
		sort.Ints(idx)
		t0, t1 := idx[0], idx[len(idx)-1]+1
		s, e, ok := lastCapRun(d.Tokens, t0, t1)
		if !ok {
			continue
		}
		// a name, or a phrase that is all name but its article; products and financial
		// entities only when the phrase ends with the name ("Boeing 737s", not "a US$ 40
		// billion contract")
		for t0 < s && determiner[strings.ToLower(d.Tokens[t0].Text)] {
			t0++
		}
		switch {
		case m.Syn != "NAM" && m.Syn != "PRE.NAM" && (s != t0 || e != t1):
			continue
		case typ == "?" && e != t1:
			continue
		}
		spans = append(spans, Entity{s, e, typ})
	}
	// longer spans first; a span overlapping one already kept is dropped
	sort.SliceStable(spans, func(i, j int) bool {
		li, lj := spans[i].End-spans[i].Start, spans[j].End-spans[j].Start
		if li != lj {
			return li > lj
		}
		return spans[i].Start < spans[j].Start
	})
	taken := make([]bool, len(d.Tokens))
	for _, e := range spans {
		free := true
		for i := e.Start; i < e.End; i++ {
			free = free && !taken[i]
		}
		if !free {
			continue
		}
		for i := e.Start; i < e.End; i++ {
			taken[i] = true
			d.Tokens[i].Tag = "I-" + e.Type
			if e.Type == "?" {
				d.Tokens[i].Tag = "?"
			}
		}
		if e.Type != "?" {
			d.Tokens[e.Start].Tag = "B-" + e.Type
		}
	}
	return d, nil
}

var determiner = map[string]bool{"the": true, "a": true, "an": true}

var capConnector = map[string]bool{"of": true, "de": true, "du": true, "des": true, "la": true, "&": true, "for": true, "von": true, "van": true, "der": true, "al": true, "bin": true, "-": true}

func capWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) && strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// lastCapRun finds the last run of capitalised words in tokens [t0, t1) (connectors allowed
// between two capitalised words, no sentence break inside), without a leading "The".
func lastCapRun(toks []Token, t0, t1 int) (int, int, bool) {
	e := t1
	for e > t0 && !capWord(toks[e-1].Text) {
		e--
	}
	if e == t0 {
		return 0, 0, false
	}
	s := e - 1
	for s > t0 {
		if toks[s-1].EOS {
			break
		}
		if capWord(toks[s-1].Text) {
			s--
			continue
		}
		if s-2 >= t0 && capConnector[strings.ToLower(toks[s-1].Text)] && capWord(toks[s-2].Text) {
			s -= 2
			continue
		}
		break
	}
	if toks[s].Text == "The" || toks[s].Text == "A" {
		s++
	}
	if s >= e {
		return 0, 0, false
	}
	return s, e, true
}
