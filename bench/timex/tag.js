// Tags the gold texts dumped by `griot eval timex --dump` with a peer tagger and writes
// predictions that `griot eval timex --predictions` scores with griot's own scorer.
//   node tag.js chrono|recognizers fr|en DOCS.jsonl OUT.jsonl
// Offsets are converted from JavaScript string indexes to UTF-8 byte offsets.
'use strict';
const fs = require('fs');

const [tool, lang, inPath, outPath] = process.argv.slice(2);
if (!tool || !lang || !inPath || !outPath) {
  console.error('usage: node tag.js chrono|recognizers fr|en DOCS.jsonl OUT.jsonl');
  process.exit(2);
}
const docs = fs.readFileSync(inPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const pad = (n, w = 2) => String(n).padStart(w, '0');
const ymd = (y, m, d) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const y = d.getUTCFullYear();
  const w = Math.ceil(((d - Date.UTC(y, 0, 1)) / 86400000 + 1) / 7);
  return `${y}-W${pad(w)}`;
}

// ---- chrono-node ----
let chrono;
function chronoTag(text, ref) {
  const parser = lang === 'fr' ? chrono.fr : chrono.en;
  const out = [];
  for (const r of parser.parse(text, ref, { forwardDate: false })) {
    const k = r.start.knownValues;
    const v = (x) => r.start.get(x);
    let value;
    let type = 'DATE';
    if ('hour' in k) {
      value = `${ymd(v('year'), v('month'), v('day'))}T${pad(v('hour'))}:${pad(v('minute') || 0)}`;
      type = 'TIME';
    } else if ('day' in k || 'weekday' in k) {
      value = ymd(v('year'), v('month'), v('day'));
    } else if ('month' in k) {
      value = `${pad(v('year'), 4)}-${pad(v('month'))}`;
    } else if ('year' in k) {
      value = pad(v('year'), 4);
    } else {
      value = ymd(v('year'), v('month'), v('day'));
    }
    out.push({ index: r.index, text: r.text, type, value });
  }
  return out;
}

// ---- Microsoft Recognizers-Text ----
let R;
function recValue(res, ref) {
  const vals = res.resolution && res.resolution.values;
  if (!vals || vals.length === 0) return null;
  const v = vals[0]; // ambiguous expressions list the past reading first
  const t = v.timex || '';
  switch (v.type) {
    case 'duration':
      return { type: 'DURATION', value: t };
    case 'set':
      return { type: 'SET', value: t };
    case 'date':
      return { type: 'DATE', value: t.includes('X') ? v.value : t };
    case 'datetime':
      if (/_REF$/.test(t)) return { type: 'DATE', value: t };
      return { type: 'TIME', value: (v.value || t).replace(' ', 'T').replace(/:00$/, '') };
    case 'time':
      return { type: 'TIME', value: `${ref.toISOString().slice(0, 10)}T${(v.value || '').slice(0, 5)}` };
    case 'daterange': {
      if (t && !t.startsWith('(') && !t.includes('X')) return { type: 'DATE', value: t };
      const m = /,(P[^)]*)\)$/.exec(t);
      const start = v.start || '';
      if (m && start) {
        const [y, mo] = start.split('-');
        if (m[1] === 'P1M') return { type: 'DATE', value: `${y}-${mo}` };
        if (m[1] === 'P1Y') return { type: 'DATE', value: y };
        if (m[1] === 'P3M') return { type: 'DATE', value: `${y}-Q${Math.floor((+mo - 1) / 3) + 1}` };
        if (m[1] === 'P7D' || m[1] === 'P1W') return { type: 'DATE', value: isoWeek(new Date(start + 'T00:00:00Z')) };
      }
      return { type: 'DATE', value: start || t };
    }
    case 'datetimerange':
    case 'timerange':
      return { type: 'TIME', value: t || v.start || '' };
  }
  return { type: 'DATE', value: t };
}

function recTag(text, ref) {
  const culture = lang === 'fr' ? R.Culture.French : R.Culture.English;
  const out = [];
  for (const r of R.recognizeDateTime(text, culture, undefined, ref)) {
    const tv = recValue(r, ref);
    if (!tv) continue;
    out.push({ index: r.start, text: text.slice(r.start, r.end + 1), type: tv.type, value: tv.value });
  }
  return out;
}

let tag;
if (tool === 'chrono') {
  chrono = require('chrono-node');
  tag = chronoTag;
} else if (tool === 'recognizers') {
  R = require('@microsoft/recognizers-text-date-time');
  tag = recTag;
} else {
  console.error(`unknown tool ${tool}`);
  process.exit(2);
}

const lines = [];
let bytes = 0;
let ms = 0;
for (const d of docs) {
  const ref = new Date(d.dct.slice(0, 10) + 'T00:00:00Z');
  const t0 = process.hrtime.bigint();
  const found = tag(d.text, ref);
  ms += Number(process.hrtime.bigint() - t0) / 1e6;
  bytes += Buffer.byteLength(d.text);
  const timexes = [];
  for (const f of found) {
    // trim the punctuation and spaces some taggers keep at the edges
    let s = f.index;
    let txt = f.text;
    const lead = txt.length - txt.trimStart().length;
    s += lead;
    txt = txt.trim().replace(/[,.;:]+$/, '');
    if (!txt) continue;
    const start = Buffer.byteLength(d.text.slice(0, s));
    timexes.push({ start, end: start + Buffer.byteLength(txt), text: txt, type: f.type, value: f.value });
  }
  timexes.sort((a, b) => a.start - b.start);
  lines.push(JSON.stringify({ name: d.name, timexes }));
}
fs.writeFileSync(outPath, lines.join('\n') + '\n');
console.log(`${tool} ${lang}: ${docs.length} documents, ${bytes} bytes in ${ms.toFixed(0)} ms, ${(bytes / 1e6 / (ms / 1e3)).toPrecision(3)} MB/s`);
