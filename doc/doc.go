// Package doc holds griot's document model: the original text of one article and every
// annotation that the pipeline stages add to it. Every annotation keeps byte offsets into
// the original UTF-8 text (Text), so that Text[Start:End] is exactly the annotated words.
//
// Stages never modify Text. They append to the annotation layers in pipeline order:
// normalize (Fold) → langid (Lang) → segment (Sentences, Tokens) → actors (Mentions,
// Actors) → timex (Timexes) → quotes (Quotes, Posts) → events (Events) → places
// (Event.Location).
package doc

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
	"unicode/utf8"
)

// Document is one article and its reading.
type Document struct {
	ID        string    `json:"id"`
	Lang      string    `json:"lang"`   // "fr" or "en"
	Published time.Time `json:"-"`      // publication date (UTC midnight); zero when unknown
	Anchor    time.Time `json:"-"`      // reference date for relative expressions (Published, else today)
	Text      string    `json:"-"`      // original text, never modified
	SHA256    string    `json:"sha256"` // hex digest of Text
	Source    string    `json:"source,omitempty"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`

	Fold      Folded     `json:"-"`
	Sentences []Sentence `json:"-"`
	Tokens    []Token    `json:"-"`
	Mentions  []Mention  `json:"-"`
	Actors    []Actor    `json:"-"`
	Timexes   []Timex    `json:"-"`
	Quotes    []Quote    `json:"-"`
	Posts     []Post     `json:"-"`
	Events    []Event    `json:"-"`
}

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Folded is a normalised copy of the text for matching: NFKD with combining marks removed,
// lower case, typographic apostrophes as ', every kind of space as ' ' (normalize.Fold makes
// it). Orig maps a folded byte range back to the original text.
type Folded struct {
	Text string
	orig string            // the original text
	fold func(rune) string // the fold of one rune (normalize.FoldRune); Text is the concatenation over orig
}

// NewFolded returns the fold of orig: text is the concatenation of fold(r) over the runes r
// of orig.
func NewFolded(text, orig string, fold func(rune) string) Folded {
	return Folded{Text: text, orig: orig, fold: fold}
}

// Orig maps a folded byte range [fs, fe) back to the original text's byte range: from the
// start of the rune that produced folded byte fs to the end of the one that produced byte
// fe-1 (an empty range at the start of fs's rune when fs >= fe). It walks the original text
// from the start: meant for occasional use, not for every token.
func (f *Folded) Orig(fs, fe int) (int, int) {
	if fs < 0 || fs >= len(f.Text) || f.fold == nil {
		return 0, 0
	}
	fe = min(fe, len(f.Text))
	start, end := -1, -1
	k := 0 // folded offset of the current rune's fold
	for i := 0; i < len(f.orig); {
		r, n := utf8.DecodeRuneInString(f.orig[i:])
		var m int // bytes of the rune's fold
		if c := f.orig[i]; c < utf8.RuneSelf {
			m = 1
		} else {
			m = len(f.fold(r))
		}
		if start < 0 && fs < k+m {
			start = i
			if fs >= fe {
				return start, start
			}
		}
		if start >= 0 && fe-1 < k+m {
			end = i + n
			break
		}
		k += m
		i += n
	}
	if start < 0 || end < 0 {
		return 0, 0
	}
	return start, end
}

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word TokenKind = iota
	Number
	Punct
	Symbol
	Hashtag
	Handle
	URL
	Emoji
)

func (k TokenKind) String() string {
	return [...]string{"word", "number", "punct", "symbol", "hashtag", "handle", "url", "emoji"}[k]
}

// Token is one word, number, punctuation mark, hashtag, @handle, URL or emoji (flags are one
// token). French elisions are their own token: "l’Ukraine" is "l’" + "Ukraine".
type Token struct {
	Start int       `json:"start"`
	End   int       `json:"end"`
	Norm  string    `json:"norm"` // folded form: lower case, no accents, ’ → '
	Kind  TokenKind `json:"kind"`
	Sent  int       `json:"-"` // index of the sentence holding the token
}

// Sentence is a sentence span with the range of its tokens [Tok0, Tok1).
type Sentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
	Tok0  int `json:"-"`
	Tok1  int `json:"-"`
	Para  int `json:"-"` // paragraph index (paragraphs are separated by line breaks)
}

// Mention is a span that names or designates an actor or a place.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`           // PER ORG LOC GPE MISC
	Actor string `json:"actor"`          // actor id, "" when unresolved
	Form  string `json:"form,omitempty"` // name, alias, role, demonym, capital, handle, flag, pronoun, acronym
	Tok0  int    `json:"-"`              // token range [Tok0, Tok1)
	Tok1  int    `json:"-"`
}

// Span returns the mention's byte range.
func (m Mention) Span() Span { return Span{m.Start, m.End} }

// Actor is someone who acts: a person, an organisation, a country (its government), a
// collective of countries, or a place.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"` // person organization country collective place
	Country  string   `json:"country"`
	Sector   []string `json:"sector"`
	Wikidata string   `json:"wikidata,omitempty"`
	Role     string   `json:"role,omitempty"` // e.g. "president", for persons known by their office
}

// Timex is a time expression normalised to TIMEX3.
type Timex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`          // DATE TIME DURATION SET
	Value string `json:"value"`         // TIMEX3 value: 2022-08-10, 2022-02, 2021, P3D, PAST_REF…
	Mod   string `json:"mod,omitempty"` // TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER
	// Begin is set for "depuis 2021" / "since 2021": the expression opens a period.
	Begin bool `json:"begin,omitempty"`
}

// Span returns the timex's byte range.
func (t Timex) Span() Span { return Span{t.Start, t.End} }

// Quote is one quotation, direct or indirect, with every place it occurs.
type Quote struct {
	Text        string `json:"text"`
	Speaker     string `json:"speaker"`       // actor id, "" when unclear
	Cue         string `json:"cue"`           // the speech verb or marker, as written
	Via         string `json:"via,omitempty"` // actor id the speaker cites ("Reuters, citing a Kremlin statement")
	Kind        string `json:"kind"`          // direct, indirect, partial, post
	Occurrences []Span `json:"occurrences"`
	CueSpan     *Span  `json:"cue_span,omitempty"`
	SpeakerSpan *Span  `json:"speaker_span,omitempty"`
}

// Post is an embedded social-media post (the footer an embed leaves in article text).
type Post struct {
	Platform string `json:"platform"`
	Author   string `json:"author"`
	Handle   string `json:"handle"`
	Date     string `json:"date"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Actor    string `json:"actor,omitempty"`
}

// EventDate is the date of an event and where it came from.
type EventDate struct {
	Value     string `json:"value"`
	Precision string `json:"precision"` // day month year unknown
	From      string `json:"from"`      // timex publication
}

// Attribution says according to whom an event is told.
type Attribution struct {
	Source string `json:"source"` // actor id
	Cue    string `json:"cue"`
	Via    string `json:"via"` // actor id the source cites, or ""
}

// Evidence is a span of text that shows the event.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Event is one coded event: who did what to whom, when, how sure, according to whom.
type Event struct {
	ID          string        `json:"id"`
	Type        string        `json:"type"` // PLOVER type
	Mode        string        `json:"mode"`
	Context     []string      `json:"context"`
	Actor       []string      `json:"actor"`
	Recipient   []string      `json:"recipient"`
	Date        EventDate     `json:"date"`
	Factuality  string        `json:"factuality"` // asserted negated hedged future hypothetical historical question
	Attribution []Attribution `json:"attribution"`
	Evidence    Evidence      `json:"evidence"`
	Mentions    []Evidence    `json:"mentions,omitempty"` // every place the event is told, Evidence first
	Trigger     Span          `json:"trigger"`
	CAMEO       string        `json:"cameo"`
	Goldstein   float64       `json:"goldstein"`
	Quad        int           `json:"quad"`
	Location    *Location     `json:"location,omitempty"`
}

// Location is where an event happened, as precisely as the text says.
type Location struct {
	Text      string  `json:"text"`
	GeonameID int     `json:"geonameid,omitempty"`
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1,omitempty"`
	Admin2    string  `json:"admin2,omitempty"`
	Lat       float64 `json:"lat,omitempty"`
	Lon       float64 `json:"lon,omitempty"`
	Precision int     `json:"precision"`
}

// ActorByID returns the actor with that id, or nil.
func (d *Document) ActorByID(id string) *Actor {
	for i := range d.Actors {
		if d.Actors[i].ID == id {
			return &d.Actors[i]
		}
	}
	return nil
}

// SentenceAt returns the index of the sentence holding byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// TokenAt returns the index of the first token that ends after off (the token holding off,
// or the next one), or len(Tokens).
func (d *Document) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// TokenText returns the original text of token i.
func (d *Document) TokenText(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// SpanText returns the original text of a byte range.
func (d *Document) SpanText(s Span) string { return d.Text[s.Start:s.End] }

// ContentHash is the hex SHA-256 of a document's text, the key documents are stored, queued
// and deduplicated by. The text goes to the hash through a buffer on the stack:
// sha256.Sum256([]byte(text)) would copy the whole text to the heap first.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [4096]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}
