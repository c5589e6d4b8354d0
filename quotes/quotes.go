// Package quotes finds who said what in an article: direct quotations in every quote mark
// of French and English news (« … », “ … ”, " … ", ‹ … ›, ‘ … ’, quotes over several
// paragraphs, nested quotes, dialogue dashes, partial quotes), indirect speech and
// attribution frames ("X a déclaré que …", "…, a-t-il déclaré", "selon X, …", "according to
// X", "X, citing Y"), and the embedded social-media posts whose footer an embed leaves in
// the text ("— Name (@handle) August 10, 2022").
//
// It runs after the actors stage: speakers are the actor ids of the mentions that name them,
// a title ("le ministre") stands for the person named before with that title, and a pronoun
// for the closest preceding person. A speaker stays empty rather than wrong.
//
// What Process leaves in d.Quotes (one doc.Quote per thing said, sorted by position):
//
//   - Kind "direct": words between quote marks (or after a dialogue dash); Text is the words
//     without the marks, one Occurrence per place they stand (the body and, when an embed
//     repeats them, the embedded post). An interrupted quote (« A », dit X, « B ») is one
//     quote whose occurrence runs from A to B.
//   - Kind "partial": a quoted fragment inside a clause ("a qualifié de « provocation »").
//   - Kind "post": the text of an embedded post that the body does not quote.
//   - Kind "indirect": the reported clause of a speech verb ("X a déclaré que …", "…, he
//     said"); Kind "according": the rest of the sentence of "selon X" / "according to X".
//     Their Occurrences are the content, possibly in pieces: the two sides of "…, selon X,
//     …", and a frame's clause minus the quoted fragments inside it (those are quotes of
//     their own with the same speaker and cue).
//
// Cue/CueSpan are the verb group or marker as written ("a-t-il déclaré", "according to");
// SpeakerSpan the words naming the speaker ("le ministre", "he", "who"); Speaker the actor id
// (empty when unclear); Via the actor a speaker cites ("Reuters, citant un communiqué du
// gouvernement russe"). Events whose trigger lies in an occurrence are what Speaker says.
//
// d.Posts gets one doc.Post per embed footer (Twitter/X, Instagram, Bluesky shapes) and per
// quoted tweet without embed ("X tweeted: « … »", no handle, dated by the last full date told).
//
// Cue lexicons (speech verbs of both languages, markers, auxiliaries, roles, source nouns,
// months) are data files in quotes/data, embedded and loaded once by New.
package quotes

import (
	"sort"
	"strings"
	"unicode"

	"github.com/griot-project/griot/doc"
)

// Finder is the quotes stage. Build it once with New; it is safe for concurrent use.
type Finder struct {
	fr, en, both *lexicon
	roles        map[string]bool
	sourceNouns  map[string]bool
	evidence     map[string]bool // "a poll shows …": reports without "that"
	months       map[string]int
	// AnonymousSources: a speaker that names nobody known but is a source by its words
	// ("a Whitehall source", "un expert occidental") gets an actor and a mention of its own
	// (id anon-…, mention form "source"). On by default.
	AnonymousSources bool
}

// New loads the cue lexicons.
func New() (*Finder, error) {
	f := &Finder{fr: newLexicon(), en: newLexicon()}
	if err := f.fr.loadVerbs("speech_fr.txt", "fr"); err != nil {
		return nil, err
	}
	if err := f.en.loadVerbs("speech_en.txt", "en"); err != nil {
		return nil, err
	}
	if err := loadMarkers(f.fr, f.en); err != nil {
		return nil, err
	}
	if err := loadAux(f.fr, f.en); err != nil {
		return nil, err
	}
	var err error
	if f.roles, err = loadSet("roles.txt"); err != nil {
		return nil, err
	}
	if f.months, err = loadMonths(); err != nil {
		return nil, err
	}
	if f.sourceNouns, err = loadSet("sources.txt"); err != nil {
		return nil, err
	}
	if f.evidence, err = loadTagged("sources.txt", "evidence"); err != nil {
		return nil, err
	}
	f.AnonymousSources = true
	f.both = merge(f.fr, f.en)
	for _, l := range []*lexicon{f.fr, f.en, f.both} {
		l.index()
	}
	return f, nil
}

// Name of the stage.
func (f *Finder) Name() string { return "quotes" }

func (f *Finder) lexFor(lang string) *lexicon {
	switch lang {
	case "fr":
		return f.fr
	case "en":
		return f.en
	}
	return f.both
}

// Process fills d.Posts and d.Quotes. It needs d.Tokens and d.Sentences (segment) and reads
// d.Mentions and d.Actors when the actors stage has set them.
func (f *Finder) Process(d *doc.Document) error {
	d.Posts, d.Quotes = nil, nil
	if len(d.Text) == 0 {
		return nil
	}
	v := &view{d: d, lex: f.lexFor(d.Lang), f: f}

	// 1. embedded posts
	footers := f.findFooters(d.Text)
	type postInfo struct {
		body doc.Span
		idx  int
	}
	var posts []postInfo
	var footerSpans []doc.Span
	for _, ft := range footers {
		body := postBody(d.Text, ft.start)
		p := doc.Post{Platform: ft.platform, Author: ft.author, Handle: ft.handle, Date: ft.date, Start: ft.start, End: ft.end}
		if body.Len() > 0 {
			p.Start = body.Start
		}
		p.Actor = mentionActor(d, ft.handleStart, ft.handleEnd)
		if p.Actor == "" {
			p.Actor = mentionActor(d, ft.authorStart, ft.authorEnd)
		}
		d.Posts = append(d.Posts, p)
		posts = append(posts, postInfo{body: body, idx: len(d.Posts) - 1})
		footerSpans = append(footerSpans, doc.Span{Start: ft.start, End: ft.end})
	}

	// 2. quote marks
	raws := findMarks(d.Text, footerSpans)
	for _, r := range raws {
		v.quoted = append(v.quoted, r.content())
	}

	// 3. frames, sentence by sentence
	var frames []frame
	for si := range d.Sentences {
		frames = append(frames, v.frames(si)...)
	}
	// speakers, in text order so that pronouns and "et de poursuivre" see earlier speakers
	sp := newSpeakers(v, raws)
	ids := make([]string, len(frames))
	vias := map[string]viaNote{}
	for k := range frames {
		fr := &frames[k]
		ids[k] = sp.resolve(fr)
		if ids[k] == "" && fr.sp0 == fr.sp1 && fr.pronoun && k > 0 {
			ids[k] = ids[k-1] // "Et de poursuivre :"
		}
		if ids[k] == "" && f.AnonymousSources {
			ids[k] = v.anonymousSource(fr)
		}
		if !sp.inQuote(d.Tokens[fr.cue0].Start) {
			sp.remember(fr, ids[k])
		}
		if fr.via == "" && fr.sp1 > fr.sp0 {
			// "X, citant Y, …" / "X qui, citant Y"
			start := fr.sp1 + boolInt(fr.sp1 < len(d.Tokens) && v.isComma(fr.sp1))
			if via, end := v.citing(start, d.Sentences[fr.sent].Tok1); end > fr.sp1 && via != "" && !(start <= fr.cue0 && fr.cue0 < end) {
				// (not the "citing" frame itself: what it cites is its content)
				fr.via = via
			}
		}
		if ids[k] != "" {
			if fr.via != "" {
				vias[ids[k]] = viaNote{fr.via, fr.sent}
			} else if n, ok := vias[ids[k]]; ok && fr.sent-n.sent <= 3 {
				fr.via = n.via // "Reuters, citant un communiqué… En effet, d'après Reuters, …"
			}
		}
	}
	// a passive "X a été confirmé par Y qui, citant Z" leaves its via on Y for the next frames
	for si := range d.Sentences {
		s := d.Sentences[si]
		for i := s.Tok0; i < s.Tok1; i++ {
			if n := v.norm(i); n == "par" || n == "by" {
				y1 := v.clauseEnd(i+1, s.Tok1)
				who := v.actorIn(i+1, y1, "")
				if who == "" {
					continue
				}
				j := y1
				for j < s.Tok1 && v.isComma(j) {
					j++
				}
				if j < s.Tok1 && (v.norm(j) == "qui" || v.norm(j) == "who") {
					if via, end := v.citing(j, s.Tok1); end > j && via != "" {
						for k := range frames {
							if ids[k] == who && frames[k].via == "" && frames[k].sent > si && frames[k].sent-si <= 3 {
								frames[k].via = via
							}
						}
					}
				}
			}
		}
	}

	// 4. direct quotes with their frames
	type dq struct {
		raw     rawQuote
		q       doc.Quote
		framed  bool // has an incise or an introducing frame of its own
		inFrame int  // the frame whose content holds this quote, or -1
	}
	var direct []*dq
	for _, r := range raws {
		c := r.content()
		x := &dq{raw: r, inFrame: -1}
		x.q = doc.Quote{Text: r.text(d.Text), Kind: "direct", Occurrences: []doc.Span{c}}
		if v.partial(r) {
			x.q.Kind = "partial"
		}
		for k := range frames {
			fr := &frames[k]
			if v.attaches(fr, r) {
				fr.used = true
				x.framed = true
				v.setFrame(&x.q, fr, ids[k])
				break
			}
		}
		if !x.framed && d.Lang != "en" {
			// an incise inside the marks ("« A, dit un expert, B »"): French usage; English
			// closes the quote before its incise, so a "you know" or "they argue" inside the
			// marks is the quoted person's
			for k := range frames {
				fr := &frames[k]
				if fr.kind == fIncise && !fr.used && c.Contains(v.tokSpan(fr.cue0, fr.cue1)) && fr.bnd > 0 && v.isComma(fr.bnd) {
					fr.used = true
					x.framed = true
					v.setFrame(&x.q, fr, ids[k])
					if r.dialogue {
						// "— Nous refusons, a répondu X." : the words stop at the incise
						end := trimSpan(d.Text, doc.Span{Start: c.Start, End: d.Tokens[fr.bnd].Start})
						if end.Len() > 0 {
							x.q.Occurrences[0] = end
							x.q.Text = d.Text[end.Start:end.End]
						}
					}
					break
				}
			}
		}
		if !x.framed {
			// a partial quote inside a frame's content takes its speaker
			for k := range frames {
				fr := &frames[k]
				for _, ct := range fr.content {
					if v.tokSpan(ct[0], ct[1]).Contains(c) && !v.tokSpan(fr.cue0, fr.cue1).Overlaps(c) {
						v.setFrame(&x.q, fr, ids[k])
						x.framed = true
						x.inFrame = k
						break
					}
				}
				if x.framed {
					break
				}
			}
		}
		if !x.framed {
			// a caption "Name: « … »", or a sentence ending in ":" with a frame before
			v.captionSpeaker(&x.q, r)
		}
		direct = append(direct, x)
	}
	// frames whose cue lies inside a direct quote are the quoted person's words
	for k := range frames {
		cs := v.tokSpan(frames[k].cue0, frames[k].cue1)
		for _, x := range direct {
			if x.raw.content().Contains(cs) {
				frames[k].used = true
			}
		}
		for _, p := range posts {
			if p.body.Contains(cs) {
				frames[k].used = true
			}
		}
	}
	// an interrupted quote: « A », dit X, « B » → one quote
	var merged []*dq
	for _, x := range direct {
		if n := len(merged); n > 0 {
			prev := merged[n-1]
			if !x.framed && prev.q.CueSpan != nil && prev.q.CueSpan.Start > prev.raw.close && v.onlyIncise(prev.raw.close, x.raw.open, prev.q) {
				prev.q.Text += " " + x.q.Text
				prev.q.Occurrences[0].End = x.raw.content().End
				prev.raw.close = x.raw.close
				continue
			}
		}
		merged = append(merged, x)
	}
	// scare quotes and titles: partial quotes of a few words with nobody speaking them
	var kept []*dq
	holes := map[int][]doc.Span{} // frame → the quotes inside its content, which are quotes of their own
	for _, x := range merged {
		if x.q.Kind == "partial" && x.q.CueSpan == nil && x.q.Speaker == "" && len(strings.Fields(x.q.Text)) < 10 {
			continue
		}
		if x.inFrame >= 0 {
			holes[x.inFrame] = append(holes[x.inFrame], doc.Span{Start: x.raw.open, End: x.raw.close})
		}
		kept = append(kept, x)
	}

	// 5. posts repeated in the body: one quote, two occurrences
	var quotes []doc.Quote
	for _, x := range kept {
		quotes = append(quotes, x.q)
	}
	for _, p := range posts {
		post := &d.Posts[p.idx]
		body := d.Text[p.body.Start:p.body.End]
		found := false
		for qi := range quotes {
			q := &quotes[qi]
			inside := p.body.Contains(q.Occurrences[0])
			if !inside && similarText(q.Text, body) {
				q.Occurrences = append(q.Occurrences, p.body)
				if q.Speaker == "" {
					q.Speaker = post.Actor
				}
				found = true
				break
			}
		}
		if !found && p.body.Len() > 0 {
			// drop quotes found inside the embed's own text: the post is the quote
			var keep []doc.Quote
			for _, q := range quotes {
				if !p.body.Contains(q.Occurrences[0]) {
					keep = append(keep, q)
				}
			}
			quotes = append(keep, doc.Quote{Text: body, Speaker: post.Actor, Kind: "post", Occurrences: []doc.Span{p.body}})
		}
	}

	// 6. indirect speech and according frames not taken by a direct quote
	for k := range frames {
		fr := &frames[k]
		if fr.used || len(fr.content) == 0 {
			continue
		}
		q := doc.Quote{Kind: "indirect"}
		if fr.kind == fAccording {
			q.Kind = "according"
		}
		var parts []string
		for _, c := range fr.content {
			for _, s := range cut(d.Text, v.tokSpan(c[0], c[1]), holes[k]) {
				q.Occurrences = append(q.Occurrences, s)
				parts = append(parts, d.Text[s.Start:s.End])
			}
		}
		if len(q.Occurrences) == 0 {
			continue
		}
		q.Text = strings.Join(parts, " ")
		v.setFrame(&q, fr, ids[k])
		quotes = append(quotes, q)
	}

	// 7. a quote that opens the sentence right after someone spoke, with no cue of its own,
	// continues that speaker (the convention of quotes over consecutive paragraphs)
	sort.SliceStable(quotes, func(i, j int) bool { return quotes[i].Occurrences[0].Start < quotes[j].Occurrences[0].Start })
	for qi := range quotes {
		q := &quotes[qi]
		if q.Speaker != "" || q.CueSpan != nil || q.Kind != "direct" {
			continue
		}
		open := q.Occurrences[0].Start
		si := d.SentenceAt(open)
		if si <= 0 || v.d.Tokens[d.Sentences[si].Tok0].End < open-1 && d.Sentences[si].Start < open-4 {
			continue // not at the start of its sentence
		}
		for pj := qi - 1; pj >= 0; pj-- {
			p := &quotes[pj]
			end := p.Occurrences[0].End
			if end > open || p.Kind == "post" {
				continue
			}
			if pe := d.SentenceAt(end - 1); pe >= 0 && si-pe <= 1 && p.Speaker != "" {
				q.Speaker = p.Speaker
			}
			break
		}
	}

	// 8. quoted tweets without an embed: "X tweeted: « … »"
	for qi := range quotes {
		q := &quotes[qi]
		if q.CueSpan == nil || q.Kind == "post" || q.Kind == "indirect" || q.Kind == "according" {
			continue
		}
		if !isTweetCue(d.Text[q.CueSpan.Start:q.CueSpan.End]) || len(q.Occurrences) > 1 {
			continue
		}
		author := ""
		if q.SpeakerSpan != nil {
			author = d.Text[q.SpeakerSpan.Start:q.SpeakerSpan.End]
		}
		d.Posts = append(d.Posts, doc.Post{Platform: "twitter", Author: author, Date: v.dateBefore(q.Occurrences[0].Start),
			Start: q.Occurrences[0].Start, End: q.Occurrences[0].End, Actor: q.Speaker})
	}

	sort.SliceStable(quotes, func(i, j int) bool { return quotes[i].Occurrences[0].Start < quotes[j].Occurrences[0].Start })
	sort.SliceStable(d.Posts, func(i, j int) bool { return d.Posts[i].Start < d.Posts[j].Start })
	d.Quotes = quotes
	return nil
}

// anonymousSource gives an unnamed source speaker ("un expert occidental en sécurité", "A
// Whitehall source") an actor and a mention, and returns its id ("" when the speaker tokens
// are no such source).
func (v *view) anonymousSource(fr *frame) string {
	a, b := fr.sp0, fr.sp1
	if a >= b || b-a > 8 || fr.pronoun {
		return ""
	}
	for a < b && v.d.Tokens[a].Kind == doc.Punct {
		a++
	}
	for b > a && v.d.Tokens[b-1].Kind == doc.Punct {
		b--
	}
	if a >= b || v.isPronoun(a) {
		return ""
	}
	found := false
	for k := a; k < b; k++ {
		// a source noun, or a role that speaks for nobody else (an avocat, an analyst; an
		// unresolved "le ministre" stays without speaker)
		found = found || v.f.sourceNouns[v.norm(k)] || v.f.roles[v.norm(k)] && !speaksFor[v.norm(k)]
	}
	if !found {
		return ""
	}
	var slug []string
	for k := v.skipDeterminers(a, b); k < b; k++ {
		if t := letters(v.norm(k)); t != "" {
			slug = append(slug, t)
		}
	}
	if len(slug) == 0 {
		return ""
	}
	id := "anon-" + strings.Join(slug, "-")
	sp := v.tokSpan(a, b)
	d := v.d
	if d.ActorByID(id) == nil {
		d.Actors = append(d.Actors, doc.Actor{ID: id, Name: d.Text[sp.Start:sp.End], Kind: "person", Sector: []string{}})
	}
	m := doc.Mention{Start: sp.Start, End: sp.End, Text: d.Text[sp.Start:sp.End], Type: "PER", Actor: id, Form: "source", Tok0: a, Tok1: b}
	i := sort.Search(len(d.Mentions), func(i int) bool { return d.Mentions[i].Start >= m.Start })
	for j := range d.Mentions {
		if o := &d.Mentions[j]; o.Start < m.End && m.Start < o.End {
			// a mention is already there, unresolved: it now stands for the source
			if o.Actor == "" {
				o.Actor = id
			}
			return id
		}
	}
	d.Mentions = append(d.Mentions, doc.Mention{})
	copy(d.Mentions[i+1:], d.Mentions[i:])
	d.Mentions[i] = m
	return id
}

// cut removes the holes from span s (white space and punctuation left at the cut edges are
// trimmed; pieces without a letter are dropped).
func cut(text string, s doc.Span, holes []doc.Span) []doc.Span {
	pieces := []doc.Span{s}
	for _, h := range holes {
		var next []doc.Span
		for _, p := range pieces {
			if !p.Overlaps(h) {
				next = append(next, p)
				continue
			}
			if h.Start > p.Start {
				next = append(next, doc.Span{Start: p.Start, End: h.Start})
			}
			if h.End < p.End {
				next = append(next, doc.Span{Start: h.End, End: p.End})
			}
		}
		pieces = next
	}
	var out []doc.Span
	for _, p := range pieces {
		p = trimSpan(text, p)
		for p.End > p.Start && strings.ContainsRune(",;:.", rune(text[p.End-1])) {
			p.End--
		}
		for p.End > p.Start && strings.ContainsRune(",;:.", rune(text[p.Start])) {
			p.Start++
		}
		p = trimSpan(text, p)
		if strings.IndexFunc(text[p.Start:p.End], unicode.IsLetter) >= 0 {
			out = append(out, p)
		}
	}
	return out
}

type viaNote struct {
	via  string
	sent int
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isTweetCue(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "tweet") || strings.Contains(s, "twitt")
}

// tokSpan returns the byte span of tokens [a, b).
func (v *view) tokSpan(a, b int) doc.Span {
	if a >= b || a < 0 || b > len(v.d.Tokens) {
		return doc.Span{}
	}
	return doc.Span{Start: v.d.Tokens[a].Start, End: v.d.Tokens[b-1].End}
}

// setFrame copies a frame's cue, speaker and via into a quote.
func (v *view) setFrame(q *doc.Quote, fr *frame, id string) {
	cs := v.tokSpan(fr.cue0, fr.cue1)
	q.Cue = v.d.Text[cs.Start:cs.End]
	q.CueSpan = &cs
	if fr.sp1 > fr.sp0 {
		ss := v.tokSpan(fr.sp0, fr.sp1)
		q.SpeakerSpan = &ss
	}
	q.Speaker = id
	q.Via = fr.via
}

// attaches reports whether frame fr introduces or closes the direct quote r: an incise right
// after the closing mark, or a cue whose content begins at the opening mark.
func (v *view) attaches(fr *frame, r rawQuote) bool {
	if fr.used {
		return false
	}
	switch fr.kind {
	case fIncise:
		a := v.d.Tokens[fr.anchor].Start
		return a >= r.close && onlyPunct(v.d.Text[r.close:a])
	case fPreposed, fAccording, fGerund:
		if len(fr.content) == 0 {
			// "X said:" then the quote; "Said X, « … »"
			ce := v.tokSpan(fr.cue0, fr.cue1).End
			if fr.sp1 > fr.sp0 && v.d.Tokens[fr.sp1-1].End > ce {
				ce = v.d.Tokens[fr.sp1-1].End
			}
			return fr.quoteOnly && ce <= r.open && r.open-ce < 40 && onlyPunctOr(v.d.Text[ce:r.open])
		}
		// the quote must be the whole content, not its first words ("said "Elementary logic" shows…")
		last := fr.content[len(fr.content)-1]
		if ce := v.d.Tokens[last[1]-1].End; ce > r.close && !onlyPunct(v.d.Text[r.close:ce]) {
			return false
		}
		cs := v.d.Tokens[fr.content[0][0]].Start
		if cs <= r.open && r.open-cs < 60 && onlyPunctOr(v.d.Text[cs:r.open]) {
			return true
		}
		// "X a déclaré : « … »" where the colon ended the sentence
		ce := v.tokSpan(fr.cue0, fr.cue1).End
		return ce <= r.open && r.open-ce < 40 && onlyPunctOr(v.d.Text[ce:r.open])
	}
	return false
}

func onlyPunct(s string) bool {
	for _, r := range s {
		if !isSpaceRune(r) && !strings.ContainsRune(",.;:—–-", r) {
			return false
		}
	}
	return true
}

// punctToSpace turns the punctuation onlyPunctOr allows into spaces (built once: a Replacer
// is safe for concurrent use).
var punctToSpace = strings.NewReplacer(",", " ", ":", " ", "—", " ", "–", " ", "\u00a0", " ")

// onlyPunctOr: punctuation, spaces and the words "que"/"that".
func onlyPunctOr(s string) bool {
	for _, w := range strings.Fields(punctToSpace.Replace(s)) {
		lw := strings.ToLower(w)
		if lw != "que" && lw != "that" && lw != "qu’" && lw != "qu'" {
			return false
		}
	}
	return true
}

// onlyIncise: between two quotes stands nothing but the first quote's incise.
func (v *view) onlyIncise(from, to int, q doc.Quote) bool {
	if to <= from || to-from > 200 {
		return false
	}
	gap := v.d.Text[from:to]
	if strings.Count(gap, "\n") > 0 {
		return false
	}
	end := q.CueSpan.End
	if q.SpeakerSpan != nil && q.SpeakerSpan.End > end {
		end = q.SpeakerSpan.End
	}
	if end < from || end > to {
		return false
	}
	// after the incise: at most a short place/time phrase and punctuation
	tail := v.d.Text[end:to]
	return len(strings.Fields(tail)) <= 6 && strings.ContainsAny(tail, ".,:;")
}

// partial: the quote sits inside a clause (a word right before its opening mark).
func (v *view) partial(r rawQuote) bool {
	if r.dialogue {
		return false
	}
	i := v.d.TokenAt(r.open)
	if i <= 0 || i >= len(v.d.Tokens) {
		return false
	}
	p := v.d.Tokens[i-1]
	if p.Sent != v.d.Tokens[i].Sent || strings.ContainsAny(v.d.Text[p.End:r.open], "\n\r") {
		return false
	}
	return p.Kind == doc.Word || p.Kind == doc.Number
}

// captionSpeaker: "Ukraine Energy Minister Herman Halushchenko: « … »" — a short
// sentence head ending in a colon that names a person.
func (v *view) captionSpeaker(q *doc.Quote, r rawQuote) {
	i := v.d.TokenAt(r.open)
	if i <= 0 || i >= len(v.d.Tokens) || v.text(i-1) != ":" {
		return
	}
	s := v.d.Sentences[v.d.Tokens[i].Sent]
	a := s.Tok0
	if v.d.Tokens[i-1].Sent != v.d.Tokens[i].Sent {
		s = v.d.Sentences[v.d.Tokens[i-1].Sent]
		a = s.Tok0
	}
	if i-1-a > 10 || i-1 <= a {
		return
	}
	for k := a; k < i-1; k++ {
		if v.lex.finite[v.norm(k)] != "" || v.lex.aux[v.norm(k)] {
			return
		}
	}
	if id := v.actorIn(a, i-1, "person"); id != "" {
		if act := v.d.ActorByID(id); act != nil && act.Kind == "person" {
			q.Speaker = id
			ss := v.tokSpan(a, i-1)
			q.SpeakerSpan = &ss
			cs := v.tokSpan(i-1, i)
			q.Cue, q.CueSpan = v.text(i-1), &cs
		}
	}
}

// dateBefore returns the last day-precise date told before offset off, else the publication date.
func (v *view) dateBefore(off int) string {
	best := ""
	for _, t := range v.d.Timexes {
		if t.Start < off && t.Type == "DATE" && len(t.Value) == 10 && t.Value[4] == '-' && t.Value[7] == '-' {
			best = t.Value
		}
	}
	if best == "" && !v.d.Published.IsZero() {
		best = v.d.Published.Format("2006-01-02")
	}
	return best
}
