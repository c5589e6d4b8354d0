// Package cluster finds what is told more than once: near-duplicate documents (re-published
// wire copy, small edits) by SimHash, and events from different documents that report the
// same real event (same PLOVER type, same actors and recipients, compatible dates and
// places), in French and English alike since actor ids do not depend on the language.
//
// The functions are pure; the store applies them at write time so that cluster counts
// (NumMentions, NumArticles, NumSources) stay current as articles arrive.
package cluster

import (
	"math/bits"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
)

// MaxDistance is the largest Hamming distance between the SimHashes of two near-duplicate
// documents. With 64-bit hashes over word 3-shingles, 3 bits is a copy with small edits.
const MaxDistance = 3

// Bands is how many 16-bit bands a SimHash is cut in for lookup: two hashes within
// MaxDistance bits share at least one band exactly (pigeonhole: 4 bands > 3 bits).
const Bands = 4

// minShingles: below this many shingles a text is too short for a meaningful SimHash.
const minShingles = 8

// SimHash is the 64-bit SimHash of a text's folded word 3-shingles, and ok is false when
// the text is too short to have one.
func SimHash(text string) (h uint64, ok bool) {
	return SimHashFolded(normalize.String(text))
}

// asciiWord tells the ASCII bytes that are letters or digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// SimHashFolded is SimHash of a text already folded by normalize (normalize.String, or a
// document's Fold.Text). Words are the runs of letters and digits; each shingle is hashed
// with 64-bit FNV-1a over its three words joined by NUL bytes.
func SimHashFolded(folded string) (h uint64, ok bool) {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	// ones[b] counts the shingle hashes with bit b set. Bit j of each byte of a hash is
	// added into lane k (byte k) of acc[j], 8 bits at a time, and the lanes are emptied into
	// ones before they can overflow.
	var ones [64]int
	var acc [8]uint64
	pending, shingles := 0, 0
	flush := func() {
		for j := range 8 {
			for k := range 8 {
				ones[8*k+j] += int(acc[j] >> (8 * k) & 0xff)
			}
			acc[j] = 0
		}
		pending = 0
	}
	var w0, w1 string // the two words before the newest
	n := 0            // words seen
	for i := 0; i < len(folded); {
		// Skip to the next word, then find its end.
		start, end := -1, len(folded)
		for i < len(folded) {
			c := folded[i]
			size := 1
			var word bool
			if c < utf8.RuneSelf {
				word = asciiWord[c]
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(folded[i:])
				word = unicode.IsLetter(r) || unicode.IsNumber(r)
			}
			if word && start < 0 {
				start = i
			} else if !word && start >= 0 {
				end = i
				i += size
				break
			}
			i += size
		}
		if start < 0 {
			break
		}
		w2 := folded[start:end]
		if n++; n < 3 {
			w0, w1 = w1, w2
			continue
		}
		x := uint64(offset64)
		for _, c := range []byte(w0) {
			x = (x ^ uint64(c)) * prime64
		}
		x *= prime64 // the NUL byte between words: x ^= 0, then multiply
		for _, c := range []byte(w1) {
			x = (x ^ uint64(c)) * prime64
		}
		x *= prime64
		for _, c := range []byte(w2) {
			x = (x ^ uint64(c)) * prime64
		}
		w0, w1 = w1, w2
		acc[0] += x & 0x0101010101010101
		acc[1] += x >> 1 & 0x0101010101010101
		acc[2] += x >> 2 & 0x0101010101010101
		acc[3] += x >> 3 & 0x0101010101010101
		acc[4] += x >> 4 & 0x0101010101010101
		acc[5] += x >> 5 & 0x0101010101010101
		acc[6] += x >> 6 & 0x0101010101010101
		acc[7] += x >> 7 & 0x0101010101010101
		shingles++
		if pending++; pending == 255 {
			flush()
		}
	}
	if n-2 < minShingles {
		return 0, false
	}
	flush()
	for b := range 64 {
		if 2*ones[b] > shingles { // more hashes with the bit set than without
			h |= 1 << b
		}
	}
	return h, true
}

// Band returns band i (0..Bands-1) of a SimHash.
func Band(h uint64, i int) int { return int(h >> (16 * i) & 0xffff) }

// Distance is the Hamming distance between two SimHashes.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// NearDuplicate reports whether two SimHashes are within MaxDistance.
func NearDuplicate(a, b uint64) bool { return Distance(a, b) <= MaxDistance }

// Key is what events must share to be one real event: the PLOVER type and the sets of
// actors and recipients (sorted, so the order they were named in does not matter).
func Key(e *doc.Event) string {
	a := slices.Clone(e.Actor)
	r := slices.Clone(e.Recipient)
	slices.Sort(a)
	slices.Sort(r)
	a = slices.Compact(a)
	r = slices.Compact(r)
	return e.Type + "|" + strings.Join(a, ",") + "|" + strings.Join(r, ",")
}

// Slack is how far apart two reports' dates may be and still tell one event (time zones,
// "yesterday" read against a publication date a day late).
const Slack = 24 * time.Hour

// DatesCompatible reports whether an event dated [lo, hi] can be one with a cluster dated
// [clo, chi] (days as YYYY-MM-DD): the ranges overlap once widened by Slack. Unknown
// dates ("") are never compatible: without a date nothing says two reports are one event.
func DatesCompatible(lo, hi, clo, chi string) bool {
	if lo == "" || hi == "" || clo == "" || chi == "" {
		return false
	}
	l, err1 := time.Parse(time.DateOnly, lo)
	h, err2 := time.Parse(time.DateOnly, hi)
	cl, err3 := time.Parse(time.DateOnly, clo)
	ch, err4 := time.Parse(time.DateOnly, chi)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return false
	}
	return !l.After(ch.Add(Slack)) && !cl.After(h.Add(Slack))
}

// Narrower returns the more precise of two date ranges, the earlier of two as precise: a
// cluster takes the range of its most precise report, so that a month-long range does not
// chain daily events together, and the result does not depend on which report came first.
func Narrower(lo, hi, clo, chi string) (string, string) {
	a, b := span(lo, hi), span(clo, chi)
	if a < b || a == b && lo < clo {
		return lo, hi
	}
	return clo, chi
}

func span(lo, hi string) time.Duration {
	l, err1 := time.Parse(time.DateOnly, lo)
	h, err2 := time.Parse(time.DateOnly, hi)
	if err1 != nil || err2 != nil {
		return 1 << 62
	}
	return h.Sub(l)
}

// PlaceCompatible reports whether two event places (country codes, "" when unknown) can be
// the same place.
func PlaceCompatible(a, b string) bool { return a == "" || b == "" || a == b }

// SourceOf names the outlet of a document for NumSources: its source, else its URL's host
// (without www.), else the document itself.
func SourceOf(d *doc.Document) string {
	if s := strings.TrimSpace(d.Source); s != "" {
		return strings.ToLower(s)
	}
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return "doc:" + d.SHA256
}

// Mentions is how many times an event is told in its document (at least once).
func Mentions(e *doc.Event) int { return max(1, len(e.Mentions)) }
