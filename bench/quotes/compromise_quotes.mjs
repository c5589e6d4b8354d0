// compromise's quotation finder over PolNeAR articles, written as griot eval predictions.
//
//   node compromise_quotes.mjs DIR > compromise.jsonl
//
// DIR is a split folder holding text/ (e.g. polnear-quotes-en/data/dev). Each output line is
// {"name": ARTICLE, "spans": [{"kind": "Content", "start": S, "end": E}]} with offsets in
// Unicode code points (PolNeAR's brat offsets). compromise finds quotations only: it gives no
// source and no cue, so those kinds get no predictions.
import fs from 'node:fs'
import path from 'node:path'
import nlp from 'compromise'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: node compromise_quotes.mjs SPLIT_DIR')
  process.exit(2)
}
const textDir = path.join(dir, 'text')
const marks = /^[\s"'“”‘’«»`]+|[\s"'“”‘’«»`]+$/g

// codePoint maps a UTF-16 index of s to a code point index.
function codePointIndex(s) {
  const idx = new Int32Array(s.length + 1)
  let cp = 0
  for (let i = 0; i < s.length; i++) {
    idx[i] = cp
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      idx[i + 1] = cp
      i++
    }
    cp++
  }
  idx[s.length] = cp
  return idx
}

const t0 = process.hrtime.bigint()
let n = 0
for (const f of fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
  const text = fs.readFileSync(path.join(textDir, f), 'utf8')
  const cp = codePointIndex(text)
  const spans = []
  for (const q of nlp(text).quotations().json({ offset: true })) {
    // compromise's offset points near the match; find its text there
    const from = Math.max(0, q.offset.start - 4)
    let at = text.indexOf(q.text, from)
    if (at < 0 || at > q.offset.start + 4) continue
    let s = at, e = at + q.text.length
    const inner = q.text.replace(marks, '')
    if (!inner) continue
    s = text.indexOf(inner, s)
    e = s + inner.length
    spans.push({ kind: 'Content', start: cp[s], end: cp[e] })
  }
  process.stdout.write(JSON.stringify({ name: f.slice(0, -4), spans }) + '\n')
  n++
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6
console.error(`compromise ${n} articles in ${ms.toFixed(0)} ms (${(n / (ms / 1000)).toFixed(0)} articles/s)`)
