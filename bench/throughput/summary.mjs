// Prints the Markdown tables of bench/throughput/run.sh from its results.jsonl.
//   node summary.mjs RESULTS.jsonl
import fs from 'node:fs'

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l))
const f = (x, d = 2) => (x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(d))
const input = rows.find(r => r.run === 'input')
const runs = rows.filter(r => r.run !== 'input')

console.log(`input: ${input.documents} documents, ${f(input.text_bytes / 1e6, 1)} MB of text (fr ${input.fr_documents} / ${f(input.fr_bytes / 1e6, 1)} MB, en ${input.en_documents} / ${f(input.en_bytes / 1e6, 1)} MB)\n`)
console.log('| run | workers / GOMAXPROCS | documents | MB | wall s | CPU s | documents/s | MB/s | MB per CPU-second | peak RSS MB | load avg before → after |')
console.log('|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of runs) {
  const mb = r.text_bytes / 1e6
  const name = r.run === 'peer' ? `${r.peer} ${r.version} (${r.lang}, names only)` : r.run
  const wk = r.run === 'peer' ? '1 thread' : `${r.workers} / ${r.gomaxprocs}`
  console.log(`| ${name} | ${wk} | ${r.documents} | ${f(mb, 1)} | ${f(r.wall_s, 1)} | ${f(r.cpu_s, 1)} | ${f(r.documents / r.wall_s, 0)} | ${f(mb / r.wall_s)} | ${f(mb / r.cpu_s)} | ${f(r.maxrss_kb / 1024, 0)} | ${r.load_before} → ${r.load_after} |`)
}

// Per language: griot's extraction on one worker (per-document times, so wall time of
// that language alone) against the peer of that language.
const ex1 = runs.find(r => r.run === 'griot extract' && r.workers === 1)
const ing1 = runs.find(r => r.run === 'griot ingest' && r.workers === 1)
console.log('\n| language | griot extraction, 1 worker: MB/s | peer | peer MB/s | griot/peer (wall) | griot/peer (per CPU-second, whole run) |')
console.log('|---|---|---|---|---|---|')
for (const p of runs.filter(r => r.run === 'peer')) {
  const g = ex1?.by_lang?.[p.lang]
  const gcpu = ex1 ? ex1.text_bytes / 1e6 / ex1.cpu_s : NaN
  const pcpu = p.text_bytes / 1e6 / p.cpu_s
  console.log(`| ${p.lang} | ${f(g?.mb_per_s)} | ${p.peer} | ${f(p.mb_per_s)} | ${f(g?.mb_per_s / p.mb_per_s, 1)} | ${f(gcpu / pcpu, 1)} |`)
}
if (ing1) {
  const allPeer = runs.filter(r => r.run === 'peer')
  const pb = allPeer.reduce((a, r) => a + r.text_bytes, 0), pw = allPeer.reduce((a, r) => a + r.wall_s, 0)
  console.log(`\nend to end (griot ingest, 1 worker, both languages, store included): ${f(ing1.text_bytes / 1e6 / ing1.wall_s)} MB/s vs the two peers together ${f(pb / 1e6 / pw)} MB/s: ${f((ing1.text_bytes / ing1.wall_s) / (pb / pw), 1)}x`)
}

console.log('\naim: >= 5 MB/s per core end to end, peak memory < 1 GB')
for (const r of runs.filter(r => r.run === 'griot ingest')) {
  const perCore = r.text_bytes / 1e6 / r.wall_s / r.workers
  const perCPU = r.text_bytes / 1e6 / r.cpu_s
  console.log(`- ingest, ${r.workers} worker(s): ${f(perCore)} MB/s per core (wall), ${f(perCPU)} MB per CPU-second: ${perCPU >= 5 ? 'met' : 'NOT met'}; peak ${f(r.maxrss_kb / 1024, 0)} MB: ${r.maxrss_kb < 1024 * 1024 ? 'met' : 'NOT met'}`)
}

// Where the CPU goes: extraction alone against the whole ingest (same documents); the rest
// is the store (one writer goroutine, so it does not spread over cores).
const ex = runs.filter(r => r.run === 'griot extract')
const exCPU = ex.length ? Math.min(...ex.map(r => r.cpu_s / r.documents)) : NaN
if (ing1) {
  const ingCPU = ing1.cpu_s / ing1.documents
  const storeCPU = ingCPU - exCPU
  console.log(`\nCPU per document: ${f(ingCPU * 1000)} ms end to end = ${f(exCPU * 1000)} ms extraction + ${f(storeCPU * 1000)} ms store (${f(100 * storeCPU / ingCPU, 0)}% store)`)
}

console.log('\nGDELT daily volume (250,000 articles):')
for (const r of runs.filter(r => r.run === 'griot ingest')) {
  const dps = r.documents / r.wall_s
  console.log(`- ingest, ${r.workers} worker(s): ${f(250000 / dps / 60, 0)} min at the measured ${f(dps, 0)} documents/s (shared machine)`)
}
if (ing1) {
  const storeCPU = ing1.cpu_s / ing1.documents - exCPU
  for (const cores of [2, 4]) {
    // extraction spreads over the cores; the store is one writer
    const dps = Math.min(cores / (exCPU + storeCPU), 1 / storeCPU)
    console.log(`- estimate on ${cores} idle cores (extraction on every core, one store writer): ${f(dps, 0)} documents/s, ${f(250000 / dps / 60, 0)} min`)
  }
  const dpsEx = 2 / exCPU
  console.log(`- extraction alone on 2 idle cores: ${f(dpsEx, 0)} documents/s, ${f(250000 / dpsEx / 60, 1)} min`)
}
