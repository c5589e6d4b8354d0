package quotes

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/griot-project/griot/doc"
	"github.com/griot-project/griot/normalize"
)

// Footers that embeds leave in article text.
//
//	— Name (@handle) August 10, 2022            Twitter/X (also 10 août 2022, 10 August 2022)
//	A post shared by Name (@handle) on Aug 10, 2022 at 3:15pm PDT      Instagram
//	Une publication partagée par Name (@handle) le 10 août 2022        Instagram (fr)
//	— Name (@handle.bsky.social) 10 Aug 2022                           Bluesky and the like
const dateRe = `(?P<date>(?:\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}(?:er)?\s+\p{L}+\.?,?\s+\d{4})|(?:\d{4}-\d{2}-\d{2}))`

var (
	tweetFooter = regexp.MustCompile(`[—–―]\s*(?P<author>[^\n—–―()]{1,80}?)\s*\((?P<handle>@[A-Za-z0-9_.\-]{1,60})\)\s*(?:on\s+|le\s+)?` + dateRe)
	instaFooter = regexp.MustCompile(`(?i:a post shared by|une publication partagée par)\s+(?P<author>[^\n()]{1,80}?)\s*\((?P<handle>@[A-Za-z0-9_.]{1,60})\)\s*(?:on\s+|le\s+)?` + dateRe + `(?:\s+(?:at|à)\s+[0-9:]+\s*(?:[ap]m)?(?:\s+[A-Z]{2,4})?)?`)
)

// postFooter is one footer found in the text.
type postFooter struct {
	platform             string
	author, handle, date string
	start, end           int // the footer itself
	handleStart          int
	handleEnd            int
	authorStart          int
	authorEnd            int
}

func (f *Finder) findFooters(text string) []postFooter {
	var out []postFooter
	// every footer holds "(@": run the patterns on the lines that have one
	lastLine := -1
	for i := 0; ; {
		k := strings.Index(text[i:], "(@")
		if k < 0 {
			break
		}
		at := i + k
		ls := strings.LastIndexByte(text[:at], '\n') + 1
		le := strings.IndexByte(text[at:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += at
		}
		i = le
		if ls == lastLine {
			continue
		}
		lastLine = ls
		out = append(out, f.footersIn(text, ls, le)...)
	}
	return out
}

// footersIn finds the footers of line text[ls:le].
func (f *Finder) footersIn(text string, ls, le int) []postFooter {
	var out []postFooter
	s := text[:le]
	for _, re := range []*regexp.Regexp{tweetFooter, instaFooter} {
		platform := "twitter"
		if re == instaFooter {
			platform = "instagram"
		}
		for _, m := range re.FindAllStringSubmatchIndex(text[ls:le], -1) {
			for j := range m {
				if m[j] >= 0 {
					m[j] += ls
				}
			}
			ai, hi, di := re.SubexpIndex("author"), re.SubexpIndex("handle"), re.SubexpIndex("date")
			date, ok := f.parseDate(s[m[2*di]:m[2*di+1]])
			if !ok {
				continue
			}
			h := s[m[2*hi]:m[2*hi+1]]
			p := platform
			if strings.HasSuffix(h, ".bsky.social") {
				p = "bluesky"
			}
			out = append(out, postFooter{
				platform: p, author: strings.TrimSpace(s[m[2*ai]:m[2*ai+1]]), handle: h, date: date,
				start: m[0], end: m[1], handleStart: m[2*hi], handleEnd: m[2*hi+1],
				authorStart: m[2*ai], authorEnd: m[2*ai+1],
			})
		}
	}
	return out
}

var dateParts = regexp.MustCompile(`^(?:(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:er)?\s+(\p{L}+)\.?,?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))$`)

// parseDate reads "August 10, 2022", "10 août 2022", "Aug. 10 2022" or "2022-08-10" as YYYY-MM-DD.
func (f *Finder) parseDate(s string) (string, bool) {
	m := dateParts.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	var month, day, year int
	var err1, err2 error
	switch {
	case m[1] != "":
		month = f.months[normalize.String(m[1])]
		day, err1 = strconv.Atoi(m[2])
		year, err2 = strconv.Atoi(m[3])
	case m[5] != "":
		month = f.months[normalize.String(m[5])]
		day, err1 = strconv.Atoi(m[4])
		year, err2 = strconv.Atoi(m[6])
	default:
		year, err1 = strconv.Atoi(m[7])
		month, _ = strconv.Atoi(m[8])
		day, err2 = strconv.Atoi(m[9])
	}
	if err1 != nil || err2 != nil || month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2200 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}

// postBody returns the span of the embedded post's own text: the text before the footer on
// its line, or the paragraph just before when the footer opens its line.
func postBody(s string, footerStart int) doc.Span {
	lineStart := strings.LastIndexAny(s[:footerStart], "\n\r") + 1
	if strings.TrimSpace(s[lineStart:footerStart]) != "" {
		return trimSpan(s, doc.Span{Start: lineStart, End: footerStart})
	}
	// previous non-empty line
	end := lineStart
	for end > 0 && (s[end-1] == '\n' || s[end-1] == '\r' || s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	start := strings.LastIndexAny(s[:end], "\n\r") + 1
	return trimSpan(s, doc.Span{Start: start, End: end})
}

// similarText reports whether two texts say the same words, allowing small differences
// (an emoji, a final full stop, a link): folded letters and digits compared by their common
// prefix and suffix.
func similarText(a, b string) bool {
	x, y := letters(a), letters(b)
	if len(x) < 12 || len(y) < 12 {
		return x == y && x != ""
	}
	n := min(len(x), len(y))
	p := 0
	for p < n && x[p] == y[p] {
		p++
	}
	q := 0
	for q < n-p && x[len(x)-1-q] == y[len(y)-1-q] {
		q++
	}
	longer := max(len(x), len(y))
	return float64(p+q) >= 0.9*float64(longer)
}

func letters(s string) string {
	var b strings.Builder
	for _, r := range normalize.String(s) {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mentionActor returns the actor of the first resolved mention overlapping [start, end).
func mentionActor(d *doc.Document, start, end int) string {
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Actor != "" && m.Start < end && start < m.End {
			return m.Actor
		}
	}
	return ""
}
