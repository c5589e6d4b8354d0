package doc

import "time"

// Reading is the JSON output contract of griot extract (docs/FORMAT.md): one object per
// document. Empty layers are written as [] rather than null.
type Reading struct {
	Doc       ReadingDoc `json:"doc"`
	Sentences []Span     `json:"sentences"`
	Actors    []Actor    `json:"actors"`
	Mentions  []Mention  `json:"mentions"`
	Timexes   []Timex    `json:"timexes"`
	Quotes    []Quote    `json:"quotes"`
	Posts     []Post     `json:"posts"`
	Events    []Event    `json:"events"`
}

// ReadingDoc is the document header of a Reading.
type ReadingDoc struct {
	ID        string `json:"id"`
	Lang      string `json:"lang"`
	Published string `json:"published"`
	SHA256    string `json:"sha256"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Reading returns the document's reading in the output contract's shape.
func (d *Document) Reading() Reading {
	r := Reading{
		Doc: ReadingDoc{ID: d.ID, Lang: d.Lang, SHA256: d.SHA256, Source: d.Source, URL: d.URL, Title: d.Title},
	}
	if !d.Published.IsZero() {
		r.Doc.Published = d.Published.Format(time.DateOnly)
	}
	r.Sentences = make([]Span, len(d.Sentences))
	for i, s := range d.Sentences {
		r.Sentences[i] = Span{s.Start, s.End}
	}
	r.Actors = orEmpty(d.Actors)
	for i := range r.Actors {
		r.Actors[i].Sector = orEmpty(r.Actors[i].Sector)
	}
	r.Mentions = orEmpty(d.Mentions)
	r.Timexes = orEmpty(d.Timexes)
	r.Quotes = orEmpty(d.Quotes)
	r.Posts = orEmpty(d.Posts)
	r.Events = orEmpty(d.Events)
	for i := range r.Events {
		e := &r.Events[i]
		e.Context = orEmpty(e.Context)
		e.Actor = orEmpty(e.Actor)
		e.Recipient = orEmpty(e.Recipient)
		e.Attribution = orEmpty(e.Attribution)
	}
	return r
}
