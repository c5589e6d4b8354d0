// Reads JSON lines {"id", "text"} on stdin and writes {"id", "ents": [[start, end, type]]}
// with character offsets (UTF-16 code units, as JavaScript counts) of the people, places and
// organisations that compromise (English) or fr-compromise (French) finds.
// usage: node peer.js compromise|fr-compromise
const readline = require('readline')
const lib = process.argv[2] || 'compromise'
const nlp = require(lib)

function spans(doc, method, type, out) {
  if (typeof doc[method] !== 'function') return
  for (const m of doc[method]().json({ offset: true })) {
    const terms = m.terms || []
    if (terms.length === 0 || !terms[0].offset) continue
    const first = terms[0].offset, last = terms[terms.length - 1].offset
    out.push([first.start, last.start + last.length, type])
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', (line) => {
  if (!line.trim()) return
  const { id, text } = JSON.parse(line)
  const doc = nlp(text)
  const ents = []
  spans(doc, 'people', 'PER', ents)
  spans(doc, 'places', 'LOC', ents)
  spans(doc, 'organizations', 'ORG', ents)
  process.stdout.write(JSON.stringify({ id, ents }) + '\n')
})
