package quotes

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/griot-project/griot/doc"
)

var (
	dupont  = actor{"dupont", "person", []string{"Marie Dupont", "Dupont", "Mme Dupont"}}
	okafor  = actor{"okafor", "person", []string{"James Okafor", "Okafor", "Mr Okafor"}}
	reuters = actor{"reuters", "organization", []string{"Reuters", "l’agence Reuters", "l'agence Reuters"}}
	afp     = actor{"afp", "organization", []string{"AFP"}}
	senegal = actor{"senegal", "country", []string{"Sénégal", "Senegal", "gouvernement sénégalais", "Senegalese government", "Dakar"}}
	unicef  = actor{"unicef", "organization", []string{"Unicef", "UNICEF"}}
)

// TestDirectQuotes: every quote mark, with the words said and the speaker of the incise.
func TestDirectQuotes(t *testing.T) {
	tests := []struct {
		name, lang, text string
		actors           []actor
		want             string // quote text
		kind, speaker    string
		cue              string
	}{
		{"guillemets with spaces", "fr", "« Nous ne céderons pas », a déclaré Marie Dupont mardi.", []actor{dupont},
			"Nous ne céderons pas", "direct", "dupont", "a déclaré"},
		{"guillemets without spaces", "fr", "«Nous ne céderons pas», a déclaré Marie Dupont.", []actor{dupont},
			"Nous ne céderons pas", "direct", "dupont", "a déclaré"},
		{"narrow no-break spaces", "fr", "«\u202fLe dialogue reste ouvert\u202f», affirme Marie Dupont.", []actor{dupont},
			"Le dialogue reste ouvert", "direct", "dupont", "affirme"},
		{"curly quotes", "en", "“We will not back down,” James Okafor said on Monday.", []actor{okafor},
			"We will not back down,", "direct", "okafor", "said"},
		{"straight quotes inverted incise", "en", "\"The talks have failed,\" said James Okafor.", []actor{okafor},
			"The talks have failed,", "direct", "okafor", "said"},
		{"single angle quotes", "fr", "‹ Rien n’est décidé ›, a précisé Marie Dupont.", []actor{dupont},
			"Rien n’est décidé", "direct", "dupont", "a précisé"},
		{"single curly quotes", "en", "‘Nobody is above the law,’ James Okafor told reporters.", []actor{okafor},
			"Nobody is above the law,", "direct", "okafor", "told"},
		{"low-high quotes", "en", "„We are ready“, James Okafor said.", []actor{okafor},
			"We are ready", "direct", "okafor", "said"},
		{"speaker before with colon", "fr", "Marie Dupont a déclaré : « Le peuple a parlé. »", []actor{dupont},
			"Le peuple a parlé.", "direct", "dupont", "a déclaré"},
		{"speaker before with colon en", "en", "James Okafor said: \"The vote was free.\"", []actor{okafor},
			"The vote was free.", "direct", "okafor", "said"},
		{"inverted pronoun", "fr", "Marie Dupont est arrivée à Dakar. « Je suis confiante », a-t-elle déclaré.", []actor{dupont},
			"Je suis confiante", "direct", "dupont", "a-t-elle déclaré"},
		{"inverted pronoun present", "fr", "Marie Dupont est arrivée. « La route est longue », estime-t-elle.", []actor{dupont},
			"La route est longue", "direct", "dupont", "estime-t-elle"},
		{"pronoun incise en", "en", "James Okafor arrived in Lagos. \"It is a good day,\" he said.", []actor{okafor},
			"It is a good day,", "direct", "okafor", "said"},
		{"partial quote", "fr", "Marie Dupont a qualifié de « provocation inacceptable » la décision de Dakar.", []actor{dupont, senegal},
			"provocation inacceptable", "partial", "dupont", "a qualifié"},
		{"partial quote en", "en", "James Okafor said the decision was \"a grave mistake for the region\".", []actor{okafor},
			"a grave mistake for the region", "partial", "okafor", "said"},
		{"role after incise", "fr", "Le ministre de l’Intérieur, Marie Dupont, s’est rendu à Dakar. « Aucune violence ne sera tolérée », a indiqué le ministre.", []actor{dupont, senegal},
			"Aucune violence ne sera tolérée", "direct", "dupont", "a indiqué"},
		{"role en", "en", "The foreign minister, James Okafor, flew to Dakar. \"We want peace,\" the minister said.", []actor{okafor, senegal},
			"We want peace,", "direct", "okafor", "said"},
		{"time and addressee before the speaker", "fr", "« Nous sommes prêts », a assuré jeudi à l’AFP Marie Dupont.", []actor{dupont},
			"Nous sommes prêts", "direct", "dupont", "a assuré"},
		{"organisation speaker", "fr", "« Les frontières restent fermées », a annoncé le gouvernement sénégalais.", []actor{senegal},
			"Les frontières restent fermées", "direct", "senegal", "a annoncé"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, tc.lang, tc.text, tc.actors...)
			checkOffsets(t, d)
			q := quoteWith(t, d, tc.want)
			if q == nil {
				return
			}
			if q.Text != tc.want || q.Kind != tc.kind || q.Speaker != tc.speaker || q.Cue != tc.cue {
				t.Errorf("got text=%q kind=%s speaker=%q cue=%q, want %q %s %q %q", q.Text, q.Kind, q.Speaker, q.Cue, tc.want, tc.kind, tc.speaker, tc.cue)
			}
		})
	}
}

// TestQuoteShapes: quotes over paragraphs, nested quotes, interrupted quotes, dialogue.
func TestQuoteShapes(t *testing.T) {
	tests := []struct {
		name, lang, text string
		actors           []actor
		want             string // the one quote holding this
		occ              int
		speaker          string
		count            int // quotes in the document (direct, partial, post; 0 = do not check)
	}{
		{"multi-paragraph en", "en", "James Okafor spoke to the press.\n\"The first thing is security.\n\"The second thing is the economy.\n\"The third thing is trust,\" he said.\nThe meeting ended.", []actor{okafor},
			"The first thing is security.\nThe second thing is the economy.\nThe third thing is trust,", 1, "okafor", 1},
		{"multi-paragraph fr", "fr", "Marie Dupont a pris la parole.\n« La sécurité d’abord.\n« Ensuite l’économie », a-t-elle ajouté.", []actor{dupont},
			"La sécurité d’abord.\nEnsuite l’économie", 1, "dupont", 1},
		{"nested fr", "fr", "« Quand il m’a dit “partez”, j’ai refusé », raconte Marie Dupont.", []actor{dupont},
			"Quand il m’a dit “partez”, j’ai refusé", 1, "dupont", 1},
		{"nested en", "en", "\"He told me 'leave now' and I stayed,\" James Okafor said.", []actor{okafor},
			"He told me 'leave now' and I stayed,", 1, "okafor", 1},
		{"nested single curly", "en", "“He told me ‘leave now’ and I stayed,” James Okafor said.", []actor{okafor},
			"He told me ‘leave now’ and I stayed,", 1, "okafor", 1},
		{"interrupted en", "en", "\"We are running out of time,\" James Okafor said in Abuja. \"Every day counts.\"", []actor{okafor},
			"We are running out of time, Every day counts.", 1, "okafor", 1},
		{"interrupted fr", "fr", "« Le temps presse », a dit Marie Dupont à Dakar, « chaque jour compte ».", []actor{dupont, senegal},
			"Le temps presse chaque jour compte", 1, "dupont", 1},
		{"incise inside the marks", "fr", "« Le problème, explique Marie Dupont, c’est le financement. »", []actor{dupont},
			"Le problème, explique Marie Dupont, c’est le financement.", 1, "dupont", 1},
		{"dialogue dash", "fr", "Le débat a commencé.\n— Nous refusons ce texte, a répondu Marie Dupont.\nLa séance fut suspendue.", []actor{dupont},
			"Nous refusons ce texte", 1, "dupont", 0},
		{"said: then the quote in the next paragraph", "en", "James Okafor said:\n“We will stay in this city.”", []actor{okafor},
			"We will stay in this city.", 1, "okafor", 1},
		{"own-sentence incise after the quote", "en", "“We will stay in this city.” Okafor said.", []actor{okafor},
			"We will stay in this city.", 1, "okafor", 1},
		{"mixed marks", "en", "“We will stay in this city,\" Okafor said.", []actor{okafor},
			"We will stay in this city,", 1, "okafor", 1},
		{"typewriter double quotes", "en", "''We will stay in this city,'' Okafor said.", []actor{okafor},
			"We will stay in this city,", 1, "okafor", 1},
		{"sentence-initial inverted cue", "en", "Said James Okafor, “The border will reopen.”", []actor{okafor},
			"The border will reopen.", 1, "okafor", 1},
		{"incise with a long adjunct holding 'that'", "en", "“We will win,” James Okafor said in his victory speech that night.", []actor{okafor},
			"We will win,", 1, "okafor", 1},
		{"continued by the next paragraph", "en", "James Okafor said he would stay.\n\"Nobody will push us out of this city.\"", []actor{okafor},
			"Nobody will push us out of this city.", 1, "okafor", 0},
		{"unbalanced closer ignored", "fr", "« La situation empire », explique Marie Dupont. Les attaques augmentent.\" Le reste suit.", []actor{dupont},
			"La situation empire", 1, "dupont", 1},
		{"scare quotes are no quote", "fr", "L’opération « Barkhane » a pris fin.", nil, "", 0, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, tc.lang, tc.text, tc.actors...)
			checkOffsets(t, d)
			if tc.want == "" {
				for _, q := range d.Quotes {
					if q.Kind != "indirect" && q.Kind != "according" {
						t.Errorf("unexpected quote %q (%s)", q.Text, q.Kind)
					}
				}
				return
			}
			if tc.count > 0 {
				n := 0
				for _, q := range d.Quotes {
					if q.Kind == "direct" || q.Kind == "partial" || q.Kind == "post" {
						n++
					}
				}
				if n != tc.count {
					t.Errorf("%d quotes, want %d:\n%s", n, tc.count, dump(d))
				}
			}
			q := quoteWith(t, d, strings.SplitN(tc.want, "\n", 2)[0])
			if q == nil {
				return
			}
			if q.Text != tc.want || len(q.Occurrences) != tc.occ || q.Speaker != tc.speaker {
				t.Errorf("got text=%q occ=%d speaker=%q, want %q %d %q", q.Text, len(q.Occurrences), q.Speaker, tc.want, tc.occ, tc.speaker)
			}
		})
	}
}

// TestFrames: indirect speech, incises without marks, selon/according to, citing.
func TestFrames(t *testing.T) {
	tests := []struct {
		name, lang, text string
		actors           []actor
		content          string // text of the frame (content spans joined)
		kind             string
		speaker, cue     string
		via              string
	}{
		{"a déclaré que", "fr", "Marie Dupont a déclaré que les élections auraient lieu en mars.", []actor{dupont},
			"les élections auraient lieu en mars", "indirect", "dupont", "a déclaré", ""},
		{"affirme infinitive", "fr", "Marie Dupont affirme avoir rencontré le président sénégalais.", []actor{dupont},
			"avoir rencontré le président sénégalais", "indirect", "dupont", "affirme", ""},
		{"apposition", "fr", "Marie Dupont, ministre des Affaires étrangères du Sénégal, assure que le dialogue continue.", []actor{dupont, senegal},
			"le dialogue continue", "indirect", "dupont", "assure", ""},
		{"indirect object before que", "fr", "Marie Dupont a expliqué à la presse que le budget serait voté.", []actor{dupont},
			"le budget serait voté", "indirect", "dupont", "a expliqué", ""},
		{"incise fr", "fr", "Les troupes quitteront la ville avant l’été, a indiqué Marie Dupont.", []actor{dupont},
			"Les troupes quitteront la ville avant l’été", "indirect", "dupont", "a indiqué", ""},
		{"incise pronoun fr", "fr", "Marie Dupont était à Dakar. Les troupes partiront bientôt, a-t-elle précisé.", []actor{dupont, senegal},
			"Les troupes partiront bientôt", "indirect", "dupont", "a-t-elle précisé", ""},
		{"said that", "en", "James Okafor said that the troops would leave by June.", []actor{okafor},
			"the troops would leave by June", "indirect", "okafor", "said", ""},
		{"told reporters", "en", "James Okafor told reporters on Tuesday that talks had stalled.", []actor{okafor},
			"talks had stalled", "indirect", "okafor", "told", ""},
		{"warned", "en", "Unicef has warned that the outbreak could spread.", []actor{unicef},
			"the outbreak could spread", "indirect", "unicef", "has warned", ""},
		{"he said", "en", "James Okafor visited the camp. The situation is getting worse, he said.", []actor{okafor},
			"The situation is getting worse", "indirect", "okafor", "said", ""},
		{"coordinated after a quote", "en", "James Okafor called the plan \"weak\" and said the border would reopen.", []actor{okafor},
			"the border would reopen", "indirect", "okafor", "said", ""},
		{"second subject after a comma", "en", "James Okafor said the talks failed, but officials said the border would reopen.", []actor{okafor},
			"the border would reopen", "indirect", "anon-officials", "said", ""},
		{"subordinate clause", "en", "While James Okafor says the talks failed, Unicef said the border would reopen.", []actor{okafor, unicef},
			"the border would reopen", "indirect", "unicef", "said", ""},
		{"relative clause", "en", "James Okafor, who said the talks had failed, said the border would reopen.", []actor{okafor},
			"the talks had failed", "indirect", "okafor", "said", ""},
		{"after a relative clause", "en", "James Okafor, who said the talks had failed, said the border would reopen.", []actor{okafor},
			"the border would reopen", "indirect", "okafor", "said", ""},
		{"dashes", "en", "James Okafor — the envoy of the union — said the border would reopen.", []actor{okafor},
			"the border would reopen", "indirect", "okafor", "said", ""},
		{"selon lui", "fr", "Marie Dupont a rencontré les syndicats. Selon lui, les élections auront lieu en mars.", []actor{dupont},
			"les élections auront lieu en mars", "according", "dupont", "Selon", ""},
		{"à en croire", "fr", "À en croire Marie Dupont, le budget sera voté lundi.", []actor{dupont},
			"le budget sera voté lundi", "according", "dupont", "À en croire", ""},
		{"role and name apposition", "fr", "Le porte-parole du gouvernement, Marie Dupont, a annoncé que le couvre-feu serait levé.", []actor{dupont},
			"le couvre-feu serait levé", "indirect", "dupont", "a annoncé", ""},
		{"impersonal on with a source", "fr", "Deux villages ont été attaqués, a-t-on appris de source militaire.", nil,
			"Deux villages ont été attaqués", "indirect", "anon-source-militaire", "a-t-on appris", ""},
		{"lawyer of someone is not that someone", "fr", "Un avocat de la chanteuse, Marie Dupont, confirme que sa cliente est rentrée. Son avocat indique qu’un tribunal a statué.", []actor{dupont},
			"un tribunal a statué", "indirect", "anon-avocat-de-la-chanteuse", "indique", ""},
		{"relative qui", "fr", "La nouvelle a été confirmée par le gouvernement sénégalais qui accuse les rebelles de mentir.", []actor{senegal},
			"les rebelles de mentir", "indirect", "senegal", "accuse", ""},
		{"headline name and colon", "en", "Okafor: No talks before the vote\nThe envoy spoke on Monday.", []actor{okafor},
			"No talks before the vote", "indirect", "okafor", ":", ""},
		{"asked whether", "en", "Asked whether the border would reopen, James Okafor said it would.", []actor{okafor},
			"whether the border would reopen", "indirect", "", "Asked", ""},
		{"a poll shows", "en", "A new poll shows James Okafor leading by ten points.", []actor{okafor},
			"James Okafor leading by ten points", "indirect", "", "shows", ""},
		{"pour X", "fr", "Pour l’Unicef, la situation humanitaire est catastrophique.", []actor{unicef},
			"la situation humanitaire est catastrophique", "according", "unicef", "Pour", ""},
		{"a denial after mais ends the claim", "fr", "Le gouvernement sénégalais affirme avoir repoussé l’attaque, mais les rebelles démentent.", []actor{senegal},
			"avoir repoussé l’attaque", "indirect", "senegal", "affirme", ""},
		{"à leur avis after a group", "fr", "Les observateurs s’attendent à un accord. À leur avis, les deux camps doivent parler d’une même voix.", nil,
			"les deux camps doivent parler d’une même voix", "according", "anon-observateurs", "À leur avis", ""},
		{"in his view", "en", "James Okafor visited the camp. In his view, the border should reopen.", []actor{okafor},
			"the border should reopen", "according", "okafor", "In his view", ""},
		{"-s form after a name", "en", "James Okafor vows that the border will reopen.", []actor{okafor},
			"the border will reopen", "indirect", "okafor", "vows", ""},
		{"base form after a plural subject", "en", "Many voters doubt that the border will reopen.", nil,
			"the border will reopen", "indirect", "", "doubt", ""},
		{"mid-sentence incise", "en", "Over the years, James Okafor said, the border has stayed open.", []actor{okafor},
			"Over the years the border has stayed open", "indirect", "okafor", "said", ""},
		{"by saying", "en", "James Okafor has won voters by saying that the system is rigged.", []actor{okafor},
			"the system is rigged", "indirect", "okafor", "saying", ""},
		{"en affirmant", "fr", "Marie Dupont a surpris la salle en affirmant que le scrutin serait reporté.", []actor{dupont},
			"le scrutin serait reporté", "indirect", "dupont", "affirmant", ""},
		{"coordinated cue", "en", "James Okafor met the envoy and said the border would reopen.", []actor{okafor},
			"the border would reopen", "indirect", "okafor", "said", ""},
		{"selon heading", "fr", "Selon l’agence Reuters, l’armée a quitté la ville.", []actor{reuters},
			"l’armée a quitté la ville", "according", "reuters", "Selon", ""},
		{"d'après after opener", "fr", "En effet, d’après l’agence Reuters, deux soldats ont été blessés.", []actor{reuters},
			"deux soldats ont été blessés", "according", "reuters", "d’après", ""},
		{"selon trailing", "fr", "Deux soldats ont été blessés, selon l’AFP.", []actor{afp},
			"Deux soldats ont été blessés", "according", "afp", "selon", ""},
		{"according to heading", "en", "According to Reuters, the army left the city on Monday.", []actor{reuters},
			"the army left the city on Monday", "according", "reuters", "According to", ""},
		{"according to trailing", "en", "The army left the city, according to AFP.", []actor{afp},
			"The army left the city", "according", "afp", "according to", ""},
		{"according to middle", "en", "The army, according to AFP, left the city at dawn.", []actor{afp},
			"The army left the city at dawn", "according", "afp", "according to", ""},
		{"citing", "en", "Reuters, citing the Senegalese government, said the talks would resume.", []actor{reuters, senegal},
			"the talks would resume", "indirect", "reuters", "said", "senegal"},
		{"selon X citant Y", "fr", "Selon Reuters, citant le gouvernement sénégalais, les pourparlers reprendront.", []actor{reuters, senegal},
			"les pourparlers reprendront", "according", "reuters", "Selon", "senegal"},
		{"qui citant carried to the next sentence", "fr", "La nouvelle a été confirmée par l’agence Reuters qui, citant le gouvernement sénégalais, donne des détails. D’après Reuters, les pourparlers reprendront lundi.", []actor{reuters, senegal},
			"les pourparlers reprendront lundi", "according", "reuters", "D’après", "senegal"},
		{"declare war is no speech", "fr", "Le gouvernement sénégalais déclare la guerre aux trafiquants. Selon l’AFP, trois ports sont fermés.", []actor{senegal, afp},
			"trois ports sont fermés", "according", "afp", "Selon", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, tc.lang, tc.text, tc.actors...)
			checkOffsets(t, d)
			var hit []int
			for i, q := range d.Quotes {
				if q.Text == tc.content {
					hit = append(hit, i)
				}
			}
			if len(hit) != 1 {
				t.Fatalf("frames with content %q: %d, want 1; got:\n%s", tc.content, len(hit), dump(d))
			}
			q := d.Quotes[hit[0]]
			if q.Kind != tc.kind || q.Speaker != tc.speaker || q.Cue != tc.cue || q.Via != tc.via {
				t.Errorf("got kind=%s speaker=%q cue=%q via=%q, want %s %q %q %q", q.Kind, q.Speaker, q.Cue, q.Via, tc.kind, tc.speaker, tc.cue, tc.via)
			}
			if q.SpeakerSpan == nil && tc.speaker != "" {
				t.Errorf("no speaker span")
			}
			for _, o := range q.Occurrences {
				if !strings.Contains(tc.content, d.Text[o.Start:o.End]) {
					t.Errorf("occurrence %q is not in the content", d.Text[o.Start:o.End])
				}
			}
			if tc.name == "declare war is no speech" {
				for _, q := range d.Quotes {
					if strings.Contains(q.Cue, "déclare") {
						t.Errorf("\"déclare la guerre\" read as speech: %q", q.Text)
					}
				}
			}
		})
	}
}

// TestAnonymousSource: an unnamed source gets an actor of its own, the same for every frame.
func TestAnonymousSource(t *testing.T) {
	for _, tc := range []struct{ lang, text, content, name string }{
		{"en", "The talks stalled, a senior Western diplomat said. The deal is off, the senior Western diplomat added.", "The talks stalled", "a senior Western diplomat"},
		{"fr", "« Le cessez-le-feu ne tiendra pas », estime un expert occidental en sécurité qui a requis l’anonymat.", "Le cessez-le-feu ne tiendra pas", "un expert occidental en sécurité"},
	} {
		d := read(t, tc.lang, tc.text)
		q := quoteWith(t, d, tc.content)
		if q == nil {
			continue
		}
		a := d.ActorByID(q.Speaker)
		if a == nil || a.Name != tc.name || !strings.HasPrefix(a.ID, "anon-") {
			t.Errorf("%q: speaker %q (%+v), want an anon- actor named %q", tc.text, q.Speaker, a, tc.name)
			continue
		}
		n := 0
		for _, m := range d.Mentions {
			if m.Actor == a.ID && m.Form == "source" && d.Text[m.Start:m.End] == m.Text {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%q: no mention for the source", tc.text)
		}
		for _, q2 := range d.Quotes {
			if q2.Speaker != "" && q2.Speaker != a.ID && strings.HasPrefix(q2.Speaker, "anon-") {
				t.Errorf("%q: a second source actor %q", tc.text, q2.Speaker)
			}
		}
	}
	// a named speaker gets no anonymous actor
	d := read(t, "en", "The talks stalled, James Okafor said.", okafor)
	for _, a := range d.Actors {
		if strings.HasPrefix(a.ID, "anon-") {
			t.Errorf("named speaker made anonymous actor %q", a.ID)
		}
	}
}

// TestNoFrame: a country before a colon is a dateline, "shows" without "that" or evidence is
// no report.
func TestNoFrame(t *testing.T) {
	noQuotes(t, senegal, []langText{
		{"fr", "Sénégal : cinq soldats tués dans une embuscade\nL'armée a ouvert une enquête."},
		{"en", "The minister shows the way to the exit."},
		{"en", "The claims of the opposition were dismissed as rumours by the court of appeal."},
		{"fr", "Pour la première fois, les deux camps se sont parlé."},
		{"fr", "Le coût des travaux est estimé à trois millions d’euros."},
		// a text that opens on an -ing word: nothing before it to take the stance
		{"en", "Asking prices have dropped this year, down by 2%, because of a summer lull."},
	})
}

// TestNoSpeaker: pronouns with no fitting antecedent and plural pronouns stay empty.
func TestNoSpeaker(t *testing.T) {
	for _, tc := range []struct{ lang, text, content string }{
		{"en", "The storm hit the coast. \"We lost everything,\" they said.", "We lost everything,"},
		{"fr", "La tempête a frappé la côte. « Nous avons tout perdu », ont-ils dit.", "Nous avons tout perdu"},
		{"en", "The storm hit the coast. \"We lost everything,\" she said.", "We lost everything,"},
	} {
		d := read(t, tc.lang, tc.text, senegal)
		q := quoteWith(t, d, tc.content)
		if q != nil && q.Speaker != "" {
			t.Errorf("%q: speaker %q, want none", tc.text, q.Speaker)
		}
	}
}

// TestPosts: embed footers in both languages, the post repeated in the body.
func TestPosts(t *testing.T) {
	minister := actor{"diallo", "person", []string{"Awa Diallo", "@AwaDiallo", "Diallo"}}
	tests := []struct {
		name, lang, text               string
		platform, author, handle, date string
		body                           string
		quoteOcc                       int
		speaker                        string
	}{
		{"tweet en", "en", "The minister wrote on her account. \"We signed the deal today,\" the post said.\nWe signed the deal today. 🇸🇳\n— Awa Diallo (@AwaDiallo) March 3, 2023\nMore talks are planned.",
			"twitter", "Awa Diallo", "@AwaDiallo", "2023-03-03", "We signed the deal today. 🇸🇳", 2, "diallo"},
		{"tweet fr month", "fr", "Awa Diallo s’est exprimée sur Twitter.\nNous avons signé l’accord aujourd’hui.\n— Awa Diallo (@AwaDiallo) 3 mars 2023\nD’autres réunions suivront.",
			"twitter", "Awa Diallo", "@AwaDiallo", "2023-03-03", "Nous avons signé l’accord aujourd’hui.", 1, "diallo"},
		{"tweet same line with link", "en", "Awa Diallo reacted.\nThe deal is signed pic.twitter.com/abc123 — Awa Diallo (@AwaDiallo) 3 March 2023",
			"twitter", "Awa Diallo", "@AwaDiallo", "2023-03-03", "The deal is signed pic.twitter.com/abc123", 1, "diallo"},
		{"instagram fr", "fr", "Elle a publié une photo.\nUne belle journée à Dakar.\nUne publication partagée par Awa Diallo (@awadiallo) le 12 juin 2021",
			"instagram", "Awa Diallo", "@awadiallo", "2021-06-12", "Une belle journée à Dakar.", 1, "diallo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, tc.lang, tc.text, minister)
			checkOffsets(t, d)
			if len(d.Posts) != 1 {
				t.Fatalf("%d posts, want 1", len(d.Posts))
			}
			p := d.Posts[0]
			if p.Platform != tc.platform || p.Author != tc.author || p.Handle != tc.handle || p.Date != tc.date || p.Actor != tc.speaker {
				t.Errorf("post %+v, want %s %s %s %s actor %s", p, tc.platform, tc.author, tc.handle, tc.date, tc.speaker)
			}
			if !strings.HasPrefix(d.Text[p.Start:p.End], tc.body) || !strings.Contains(d.Text[p.Start:p.End], tc.handle) {
				t.Errorf("post span %q does not cover the body and footer", d.Text[p.Start:p.End])
			}
			q := quoteWith(t, d, strings.Fields(tc.body)[0]+" "+strings.Fields(tc.body)[1])
			if q == nil {
				return
			}
			if len(q.Occurrences) != tc.quoteOcc || q.Speaker != tc.speaker {
				t.Errorf("quote %q: %d occurrences, speaker %q; want %d %q", q.Text, len(q.Occurrences), q.Speaker, tc.quoteOcc, tc.speaker)
			}
		})
	}
}

// TestQuotedTweet: "X tweeted: « … »" is a post without handle, dated by the text.
func TestQuotedTweet(t *testing.T) {
	d := read(t, "en", "James Okafor tweeted: \"Proud of our soldiers, as ever.\"", okafor)
	if len(d.Posts) != 1 || d.Posts[0].Platform != "twitter" || d.Posts[0].Handle != "" || d.Posts[0].Actor != "okafor" {
		t.Fatalf("posts %+v, want one twitter post by okafor without handle", d.Posts)
	}
}

// TestSampleMali: the project's own article (French original and English translation): the
// tweet is one post, its words one quote with two occurrences by Goïta, Reuters a source.
func TestSampleMali(t *testing.T) {
	goita := actor{"goita", "person", []string{"Assimi Goïta", "Assimi Goita", "Goita", "Colonel Assimi GOITA", "@GoitaAssimi"}}
	putin := actor{"putin", "person", []string{"Vladimir Poutine", "Poutine", "Vladimir Putin", "Putin"}}
	reu := actor{"reuters", "organization", []string{"Reuters"}}
	russia := actor{"russia", "country", []string{"gouvernement russe", "Russian government", "Russie", "Russia"}}
	for _, tc := range []struct{ file, lang, begins, reutersContent string }{
		{"testdata/mali-goita-poutine.txt", "fr", "J’ai eu un entretien téléphonique", "Vladimir Poutine, président de la Russie, a évoqué"},
		{"testdata/mali-goita-putin.txt", "en", "I had a telephone conversation", "Vladimir Putin, President of Russia, raised"},
	} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		d := read(t, tc.lang, string(b), goita, putin, reu, russia)
		checkOffsets(t, d)
		if len(d.Posts) != 1 || d.Posts[0].Handle != "@GoitaAssimi" || d.Posts[0].Date != "2022-08-10" || d.Posts[0].Actor != "goita" {
			t.Errorf("%s: posts %+v", tc.file, d.Posts)
		}
		q := quoteWith(t, d, tc.begins)
		if q != nil && (len(q.Occurrences) != 2 || q.Speaker != "goita") {
			t.Errorf("%s: tweet quote has %d occurrences, speaker %q", tc.file, len(q.Occurrences), q.Speaker)
		}
		r := quoteWith(t, d, tc.reutersContent)
		if r != nil && (r.Speaker != "reuters" || r.Via != "russia") {
			t.Errorf("%s: Reuters frame speaker %q via %q, want reuters via russia", tc.file, r.Speaker, r.Via)
		}
		if tc.lang == "fr" {
			if f := quoteWith(t, d, "s’être entretenu"); f != nil && f.Speaker != "goita" {
				t.Errorf("affirme frame speaker %q", f.Speaker)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"August 10, 2022": "2022-08-10", "10 août 2022": "2022-08-10", "1er janvier 2021": "2021-01-01",
		"Aug. 3 2020": "2020-08-03", "2022-08-10": "2022-08-10", "Smarch 3, 2020": "", "August 40, 2022": "",
	} {
		got, ok := finder.parseDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseDate(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}

func TestSimilarText(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Nous avons évoqué l’appui de la Russie à la transition.", "Nous avons évoqué l’appui de la Russie 🇷🇺 à la transition", true},
		{"We signed the deal today and we are proud", "We signed the deal today and we are proud.", true},
		{"We signed the deal today and we are proud", "They rejected the deal today and left the room", false},
		{"Yes", "No", false},
	} {
		if got := similarText(tc.a, tc.b); got != tc.want {
			t.Errorf("similarText(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"« Non », a-t-il dit.", "\"Yes,\" he said. \"", "— Name (@h) May 1, 2020", "selon , .", "according to",
		"“‘’”«»‹›„\"", "— \n— «", "X, citant Y, a dit que", "Le 1er janvier 2021 — A (@a) 1er janvier 2021",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.TrimSpace(s) == "" {
			return
		}
		d := read(t, "", s, dupont)
		for _, q := range d.Quotes {
			for _, o := range q.Occurrences {
				if o.Start < 0 || o.End > len(s) || o.Start > o.End {
					t.Fatalf("bad occurrence %v in %q", o, s)
				}
			}
		}
		for _, p := range d.Posts {
			if p.Start < 0 || p.End > len(s) || p.Start > p.End {
				t.Fatalf("bad post span %+v in %q", p, s)
			}
		}
	})
}

func BenchmarkProcess(b *testing.B) {
	for _, c := range []struct{ lang, file string }{{"fr", "mali-goita-poutine.txt"}, {"en", "mali-goita-putin.txt"}} {
		b.Run(c.lang, func(b *testing.B) { benchProcess(b, c.lang, "testdata/"+c.file) })
	}
}

func benchProcess(b *testing.B, lang, file string) {
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	d := read(b, lang, string(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := finder.Process(d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSpans: the cue, speaker and content spans of the frames PolNeAR annotates beyond
// speech verbs (testdata/spans.tsv): agentless and raising verbs, gerunds after a noun,
// "citing", polls, unlisted verbs closing a quote, object relatives.
func TestSpans(t *testing.T) {
	b, err := os.ReadFile("testdata/spans.tsv")
	if err != nil {
		t.Fatal(err)
	}
	all := []actor{okafor, dupont, reuters, senegal}
	for n, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			t.Fatalf("testdata/spans.tsv line %d: %d fields, want 7", n+1, len(f))
		}
		name, lang, text, cue, speaker, content, id := f[0], f[1], f[2], f[3], f[4], f[5], f[6]
		t.Run(name, func(t *testing.T) {
			d := read(t, lang, text, all...)
			checkOffsets(t, d)
			var q *doc.Quote
			for i := range d.Quotes {
				if d.Quotes[i].Cue == cue {
					q = &d.Quotes[i]
				}
			}
			if q == nil {
				t.Fatalf("no quote with cue %q; got:\n%s", cue, dump(d))
			}
			if q.Text != content {
				t.Errorf("content %q, want %q", q.Text, content)
			}
			gotSp := "-"
			if q.SpeakerSpan != nil {
				gotSp = d.Text[q.SpeakerSpan.Start:q.SpeakerSpan.End]
			}
			if gotSp != speaker {
				t.Errorf("speaker span %q, want %q", gotSp, speaker)
			}
			if want := strings.TrimPrefix(id, "-"); q.Speaker != want {
				t.Errorf("speaker %q, want %q", q.Speaker, want)
			}
		})
	}
}

// TestNotCue: phrases that hold a cue's word but report nothing.
func TestNotCue(t *testing.T) {
	noQuotes(t, okafor, []langText{
		{"en", "James Okafor appeared on television on Monday."},
		{"en", "James Okafor continues to face pressure over the budget."},
		{"en", "James Okafor won 45 percent, compared with 39 percent for the mayor."},
		{"en", "The party gained seats, thanks to James Okafor."},
		{"en", "Investors turned to so-called boutique banks for advice."},
		{"en", "The tax will be paid in ten states that voted for it."},
		{"en", "James Okafor gained ground in the polls this week."},
		{"en", "James Okafor is a fellow at a liberal think tank."},
		{"en", "Should Okafor step back in, he would keep his seat."},
		{"en", "James Okafor maintains a narrow lead among older voters."},
		{"en", "Lawyers lost track of thousands of Okafor emails held on a private server."},
		{"en", "He tweets @okafor_news."},
		{"en", "The deal pleased farmers in an early caucus state, with surveys showing a tie."},
		{"en", "Since the coup, the country has been ruled by an army council."},
	})
}

type langText struct{ lang, text string }

// noQuotes reads each text with the given actor and fails on any quote found.
func noQuotes(t *testing.T, a actor, cases []langText) {
	t.Helper()
	for _, tc := range cases {
		d := read(t, tc.lang, tc.text, a)
		for _, q := range d.Quotes {
			t.Errorf("%q: unexpected %s %q (cue %q)", tc.text, q.Kind, q.Text, q.Cue)
		}
	}
}

// TestEnglishInciseInsideMarks: in English the words between the marks are the quoted
// person's, "they argue" included; in French « A, dit X, B » is X's quote.
func TestEnglishInciseInsideMarks(t *testing.T) {
	d := read(t, "en", "“The plan, they argue, is dead.”", okafor)
	if q := quoteWith(t, d, "The plan"); q != nil && q.Cue != "" {
		t.Errorf("English quote took the incise inside its marks: cue %q", q.Cue)
	}
	d = read(t, "fr", "« Le plan, explique Marie Dupont, est mort. »", dupont)
	if q := quoteWith(t, d, "Le plan"); q != nil && (q.Cue != "explique" || q.Speaker != "dupont") {
		t.Errorf("French incise inside the marks: cue %q speaker %q", q.Cue, q.Speaker)
	}
}

// TestTextOpensWithCue: a cue as the very first token (a gerund, a raising verb, a poll
// preposition, an unlisted verb) reads without failing and with valid offsets.
func TestTextOpensWithCue(t *testing.T) {
	for _, text := range []string{
		"Citing security concerns, Reuters closed its office.",
		"Saying nothing, James Okafor left.",
		"Seems to work.",
		"In a new Reuters poll, James Okafor leads.",
		"Surmised.",
		"which James Okafor denied.",
	} {
		d := read(t, "en", text, okafor, reuters)
		checkOffsets(t, d)
	}
}
