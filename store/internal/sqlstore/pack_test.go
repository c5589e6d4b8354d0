package sqlstore

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/griot-project/griot/doc"
)

// TestPackSameAsJSON checks the hand-made encoders of the packed columns against
// encoding/json, on strings that need escaping and on random ones.
func TestPackSameAsJSON(t *testing.T) {
	strs := []string{"", "plain", "Goïta a déclaré", `a "quoted" \ backslash`, "tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f",
		"<b>&amp;</b>", "line\u2028para\u2029end", "bad \xff\xfe utf-8 \xe2\x82", "emoji 🙂 and «guillemets» — dash", "’apostrophe’"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune{'a', 'é', '"', '\\', '<', '>', '&', '\n', '\t', 0x01, 0x7f, '\u2028', '\u2029', '🙂', 'ß', ' '}
	for range 300 {
		var r []byte
		for range rng.IntN(12) {
			if rng.IntN(10) == 0 {
				r = append(r, byte(0x80+rng.IntN(0x80))) // a stray byte: invalid UTF-8
				continue
			}
			r = append(r, string(alphabet[rng.IntN(len(alphabet))])...)
		}
		strs = append(strs, string(r))
	}
	pick := func() string { return strs[rng.IntN(len(strs))] }
	for _, s := range strs {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
	for n := range 60 {
		var ss []doc.Sentence
		var ms []doc.Mention
		var ts []doc.Timex
		var qs []doc.Quote
		for i := range n % 7 {
			ss = append(ss, doc.Sentence{Start: i * 10, End: i*10 + 9, Para: i / 2, Tok0: i, Tok1: i + 1})
			ms = append(ms, doc.Mention{Start: i, End: i + n, Text: pick(), Type: pick(), Actor: pick(), Form: []string{"", pick()}[i%2], Tok0: 3})
			ts = append(ts, doc.Timex{Start: -i, End: i, Text: pick(), Type: pick(), Value: pick(), Mod: []string{"", pick()}[n%2], Begin: i%3 == 0})
			q := doc.Quote{Text: pick(), Speaker: pick(), Cue: pick(), Via: []string{"", pick()}[i%2], Kind: pick()}
			if i%4 != 0 {
				q.Occurrences = []doc.Span{}
				for j := range i {
					q.Occurrences = append(q.Occurrences, doc.Span{Start: j, End: j + 1})
				}
			}
			if i%2 == 1 {
				q.CueSpan = &doc.Span{Start: 1, End: 2}
			}
			if i%3 == 1 {
				q.SpeakerSpan = &doc.Span{Start: 3, End: 4}
			}
			qs = append(qs, q)
		}
		sents := make([][3]int, len(ss))
		for i, x := range ss {
			sents[i] = [3]int{x.Start, x.End, x.Para}
		}
		for _, c := range []struct{ name, got, want string }{
			{"sentences", packSentences(ss), jsonText(sents)},
			{"mentions", packMentions(ms), jsonArray(ms)},
			{"timexes", packTimexes(ts), jsonArray(ts)},
			{"quotes", packQuotes(qs), jsonArray(qs)},
		} {
			if c.got != c.want {
				t.Fatalf("%s:\n%s\nwant (encoding/json)\n%s", c.name, c.got, c.want)
			}
		}
	}
}

// jsonArray is the JSON array of xs by encoding/json, "[]" when there are none: what the
// packed columns held before their hand-made encoders.
func jsonArray[T any](xs []T) string {
	if len(xs) == 0 {
		return "[]"
	}
	return jsonText(xs)
}
