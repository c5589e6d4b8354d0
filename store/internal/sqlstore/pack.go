package sqlstore

import (
	"strconv"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
)

// The packed columns of schema version 5 (a document's sentences, mentions, time
// expressions and quotes) are written by hand-made encoders: encoding/json's reflection
// was most of the cost of building a document's row. Their output is byte for byte
// encoding/json's (TestPackSameAsJSON), so that what is stored and read back does not
// change.

// packSentences is the JSON array of the sentences' [start, end, paragraph].
func packSentences(ss []doc.Sentence) string {
	b := make([]byte, 0, 16*len(ss)+2)
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.Para), 10)
		b = append(b, ']')
	}
	return string(append(b, ']'))
}

// packMentions is jsonArray(ms).
func packMentions(ms []doc.Mention) string {
	if len(ms) == 0 {
		return "[]"
	}
	b := make([]byte, 0, 96*len(ms))
	b = append(b, '[')
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"start":`...)
		b = strconv.AppendInt(b, int64(m.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(m.End), 10)
		b = append(b, `,"text":`...)
		b = appendJSONString(b, m.Text)
		b = append(b, `,"type":`...)
		b = appendJSONString(b, m.Type)
		b = append(b, `,"actor":`...)
		b = appendJSONString(b, m.Actor)
		if m.Form != "" {
			b = append(b, `,"form":`...)
			b = appendJSONString(b, m.Form)
		}
		b = append(b, '}')
	}
	return string(append(b, ']'))
}

// packTimexes is jsonArray(ts).
func packTimexes(ts []doc.Timex) string {
	if len(ts) == 0 {
		return "[]"
	}
	b := make([]byte, 0, 96*len(ts))
	b = append(b, '[')
	for i, t := range ts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"start":`...)
		b = strconv.AppendInt(b, int64(t.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(t.End), 10)
		b = append(b, `,"text":`...)
		b = appendJSONString(b, t.Text)
		b = append(b, `,"type":`...)
		b = appendJSONString(b, t.Type)
		b = append(b, `,"value":`...)
		b = appendJSONString(b, t.Value)
		if t.Mod != "" {
			b = append(b, `,"mod":`...)
			b = appendJSONString(b, t.Mod)
		}
		if t.Begin {
			b = append(b, `,"begin":true`...)
		}
		b = append(b, '}')
	}
	return string(append(b, ']'))
}

func appendSpan(b []byte, s doc.Span) []byte {
	b = append(b, `{"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, '}')
}

// packQuotes is jsonArray(qs).
func packQuotes(qs []doc.Quote) string {
	if len(qs) == 0 {
		return "[]"
	}
	b := make([]byte, 0, 256*len(qs))
	b = append(b, '[')
	for i, q := range qs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = appendJSONString(b, q.Text)
		b = append(b, `,"speaker":`...)
		b = appendJSONString(b, q.Speaker)
		b = append(b, `,"cue":`...)
		b = appendJSONString(b, q.Cue)
		if q.Via != "" {
			b = append(b, `,"via":`...)
			b = appendJSONString(b, q.Via)
		}
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, q.Kind)
		b = append(b, `,"occurrences":`...)
		if q.Occurrences == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for j, s := range q.Occurrences {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendSpan(b, s)
			}
			b = append(b, ']')
		}
		if q.CueSpan != nil {
			b = append(b, `,"cue_span":`...)
			b = appendSpan(b, *q.CueSpan)
		}
		if q.SpeakerSpan != nil {
			b = append(b, `,"speaker_span":`...)
			b = appendSpan(b, *q.SpeakerSpan)
		}
		b = append(b, '}')
	}
	return string(append(b, ']'))
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as encoding/json writes a string (HTML-safe: <, > and &
// escaped; invalid UTF-8 as \ufffd; U+2028 and U+2029 escaped).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
