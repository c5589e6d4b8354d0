// Times the peers of bench/throughput on the texts of one language of the JSON lines
// written by `throughput gen`: compromise for English, fr-compromise for French, each
// doing what it does (people, places and organisations: names only, no events, no dates,
// no quotes, no offsets into the original text), on one core (Node runs JavaScript on
// one thread). Prints one JSON line: documents, text bytes, seconds, documents/s, MB/s.
//   node peer.mjs en|fr FILE.jsonl [COPIES]
// With COPIES, only the texts of copies 1..COPIES (" [copy N]" at their end) are read:
// the peers are slow enough that a few copies of the texts give a stable rate.
import fs from 'node:fs'
import readline from 'node:readline'
import en from 'compromise'
import fr from 'fr-compromise'

const [lang, file, copiesArg] = process.argv.slice(2)
const copies = copiesArg ? Number(copiesArg) : Infinity
if (!['en', 'fr'].includes(lang) || !file) {
  console.error('usage: node peer.mjs en|fr FILE.jsonl [COPIES]')
  process.exit(2)
}
const nlp = lang === 'fr' ? fr : en
const lib = lang === 'fr' ? 'fr-compromise' : 'compromise'
const version = JSON.parse(fs.readFileSync(new URL(`./node_modules/${lib}/package.json`, import.meta.url))).version

// Read the texts first: the timer covers the library only, not JSON parsing.
const texts = []
const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
for await (const line of rl) {
  if (!line) continue
  const r = JSON.parse(line)
  const m = / \[copy (\d+)\]$/.exec(r.text)
  if (r.lang === lang && (!m || Number(m[1]) <= copies)) texts.push(r.text)
}
let bytes = 0
for (const t of texts) bytes += Buffer.byteLength(t, 'utf8')

let names = 0
const cpu0 = process.cpuUsage()
const t0 = process.hrtime.bigint()
for (const t of texts) {
  const d = nlp(t)
  names += d.people().out('array').length + d.places().out('array').length + d.organizations().out('array').length
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9
const c = process.cpuUsage(cpu0)
const cpu = (c.user + c.system) / 1e6
const r2 = x => Math.round(x * 100) / 100
console.log(JSON.stringify({
  peer: lib, version, lang, documents: texts.length, text_bytes: bytes, names,
  wall_s: r2(secs), cpu_s: r2(cpu),
  docs_per_s: r2(texts.length / secs), mb_per_s: r2(bytes / 1e6 / secs),
  docs_per_cpu_s: r2(texts.length / cpu), mb_per_cpu_s: r2(bytes / 1e6 / cpu),
}))
