// Package timexeval scores griot's time expressions against ISO-TimeML gold files
// (FR-TimeBank, TempEval-3) the way TempEval-3 does: strict and relaxed span match,
// type and value accuracy on matched spans, and value F1.
package timexeval

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// GoldTimex is one TIMEX3 of the gold text, with byte offsets into Doc.Text.
type GoldTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Doc is one ISO-TimeML document: the plain text inside <TEXT>, its creation time and its
// time expressions.
type Doc struct {
	Name    string      `json:"name"`
	DCT     string      `json:"dct"` // value of the CREATION_TIME TIMEX3 (YYYY-MM-DD...)
	Text    string      `json:"text"`
	Timexes []GoldTimex `json:"timexes"`
}

// ParseTML reads one ISO-TimeML file. It is a small tolerant scanner, not a validating XML
// parser: tags inside <TEXT> are dropped, entities are decoded, TIMEX3 elements become spans.
func ParseTML(name string, data []byte) (*Doc, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8", name)
	}
	s := string(data)
	d := &Doc{Name: name}
	// creation time: the first TIMEX3 tag with functionInDocument="CREATION_TIME"
	for i := 0; ; {
		j := strings.Index(s[i:], "<TIMEX3")
		if j < 0 {
			break
		}
		j += i
		k := strings.IndexByte(s[j:], '>')
		if k < 0 {
			break
		}
		attrs := parseAttrs(s[j+len("<TIMEX3") : j+k])
		if attrs["functionInDocument"] == "CREATION_TIME" {
			d.DCT = attrs["value"]
			break
		}
		i = j + k
	}
	open := strings.Index(s, "<TEXT>")
	if open < 0 {
		return nil, fmt.Errorf("%s: no <TEXT> element", name)
	}
	body := s[open+len("<TEXT>"):]
	if end := strings.Index(body, "</TEXT>"); end >= 0 {
		body = body[:end]
	} else {
		return nil, fmt.Errorf("%s: <TEXT> is not closed", name)
	}
	var b strings.Builder
	b.Grow(len(body))
	var stack []GoldTimex // open TIMEX3 elements (nesting is tolerated)
	for i := 0; i < len(body); {
		c := body[i]
		switch c {
		case '<':
			k := strings.IndexByte(body[i:], '>')
			if k < 0 {
				return nil, fmt.Errorf("%s: unclosed tag at byte %d of <TEXT>", name, i)
			}
			tag := body[i+1 : i+k]
			i += k + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3"):
				a := parseAttrs(tag[len("TIMEX3"):])
				t := GoldTimex{Start: b.Len(), Type: a["type"], Value: a["value"]}
				if strings.HasSuffix(tag, "/") { // empty TIMEX3: no span
					continue
				}
				stack = append(stack, t)
			case tag == "/TIMEX3":
				if len(stack) == 0 {
					return nil, fmt.Errorf("%s: </TIMEX3> without <TIMEX3>", name)
				}
				t := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				t.End = b.Len()
				t.Text = b.String()[t.Start:t.End]
				if t.End > t.Start {
					d.Timexes = append(d.Timexes, t)
				}
			}
		case '&':
			k := strings.IndexByte(body[i:], ';')
			if k > 0 && k < 12 {
				if r, ok := entity(body[i+1 : i+k]); ok {
					b.WriteString(r)
					i += k + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%s: unclosed <TIMEX3>", name)
	}
	d.Text = b.String()
	if !utf8.ValidString(d.Text) {
		return nil, fmt.Errorf("%s: an entity breaks UTF-8", name)
	}
	sortGold(d.Timexes)
	return d, nil
}

func sortGold(ts []GoldTimex) {
	// insertion sort: gold lists are short and nearly sorted
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Start < ts[j-1].Start; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func entity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	}
	if strings.HasPrefix(name, "#") {
		var n uint64
		var err error
		if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err == nil && utf8.ValidRune(rune(n)) {
			return string(rune(n)), true
		}
	}
	return "", false
}

// parseAttrs reads name="value" pairs of a tag.
func parseAttrs(s string) map[string]string {
	m := map[string]string{}
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '/') {
			i++
		}
		j := i
		for j < len(s) && s[j] != '=' && s[j] != ' ' {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			return m
		}
		key := s[i:j]
		j++
		if j >= len(s) || (s[j] != '"' && s[j] != '\'') {
			return m
		}
		q := s[j]
		k := strings.IndexByte(s[j+1:], q)
		if k < 0 {
			return m
		}
		val := s[j+1 : j+1+k]
		if v, err := unescapeAttr(val); err == nil {
			val = v
		}
		m[key] = val
		i = j + 1 + k + 1
	}
	return m
}

var errEntity = errors.New("bad entity")

func unescapeAttr(v string) (string, error) {
	if !strings.Contains(v, "&") {
		return v, nil
	}
	var b strings.Builder
	for i := 0; i < len(v); {
		if v[i] == '&' {
			k := strings.IndexByte(v[i:], ';')
			if k > 0 {
				if r, ok := entity(v[i+1 : i+k]); ok {
					b.WriteString(r)
					i += k + 1
					continue
				}
			}
			return "", errEntity
		}
		b.WriteByte(v[i])
		i++
	}
	return b.String(), nil
}
