#!/usr/bin/env node
// Builds the evaluation-side Wikidata lookup read by `griot eval places --coords FILE`:
// one line per Wikidata id, "qid<TAB>kind<TAB>lat<TAB>lon<TAB>country<TAB>admin1<TAB>name".
// It is gold-side data for scoring only: griot never reads it, and it is written outside the
// repository's tracked files (bench/out/ is gitignored). Run from the repository root:
//
//   mkdir -p /tmp/cc && cd /tmp/cc && npm pack @rapideditor/country-coder@5.6.1
//   for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//   cd - && node bench/places/coords.js /tmp/cc bench/out/wikidata-coords.tsv [EXTRA.tsv…]
//
// Source: npm @rapideditor/country-coder@5.6.1 (ISC; borders from OpenStreetMap and
// Wikidata), whose 392 features each carry a Wikidata id: every country and territory
// (Q142 → FRA, Q39 → CHE, Q21 England → GBR) becomes a "country" line, with no point
// (griot never gives a country a point either).
//
// EXTRA files (same seven columns, '#' comments allowed) are merged after it, a later line
// winning: a place with a point is a "town" or "region" line ("Q90	town	48.8567	2.3522	FRA
// Île-de-France	Paris"). No package reachable from the npm registry, the Go module proxy or
// Debian carries Wikidata ids with coordinates for towns (checked 2026-11: @countrystatecity/
// countries@1.0.9 declares wikiDataId but ships none, country-state-city@3.2.1,
// countries-states-cities@1.0.6 and countries-states-cities-service@1.5.1 drop it); a town
// file made from a Wikidata export elsewhere can be given here.
'use strict'
const fs = require('fs')
const path = require('path')

const dir = process.argv[2] || '/tmp/cc'
const out = process.argv[3] || 'bench/out/wikidata-coords.tsv'
const extra = process.argv.slice(4)
const borders = JSON.parse(fs.readFileSync(path.join(dir, 'rapideditor-country-coder-5.6.1/package/src/data/borders.json')))

const byA2 = {}
for (const f of borders.features) if (f.properties.iso1A2) byA2[f.properties.iso1A2] = f.properties
const clean = s => String(s || '').replace(/[\t\r\n]/g, ' ')
const rows = new Map()
let countries = 0
for (const f of borders.features) {
  const p = f.properties
  if (!p.wikidata || p.level && p.level !== 'territory' && p.level !== 'subterritory' && p.level !== 'subcountryGroup') continue
  let a3 = p.iso1A3
  if (!a3 && p.country && byA2[p.country]) a3 = byA2[p.country].iso1A3
  if (!a3) continue
  rows.set(p.wikidata, [p.wikidata, 'country', '', '', a3, '', clean(p.nameEn)])
  countries++
}
let extraN = 0
for (const file of extra) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const f = line.split('\t')
    if (f.length !== 7 || !/^Q\d+$/.test(f[0])) throw new Error(`${file}: bad line ${JSON.stringify(line)}`)
    rows.set(f[0], f)
    extraN++
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true })
const head = '# Wikidata id → place, for griot eval places --coords (gold side only); built by bench/places/coords.js\n' +
  '# from npm @rapideditor/country-coder@5.6.1 (ISC)' + (extra.length ? ' + ' + extra.join(', ') : '') + '\n' +
  '# qid\tkind\tlat\tlon\tcountry\tadmin1\tname\n'
fs.writeFileSync(out, head + [...rows.values()].map(r => r.join('\t')).join('\n') + '\n')
console.error(`wrote ${rows.size} ids to ${out} (${countries} countries and territories, ${extraN} extra lines)`)
