// Builds web/data from npm packages (no npm dependency; run from the repository root):
//
//   mkdir -p /tmp/wa && cd /tmp/wa && npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0
//   for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//   cd - && node web/data/build.js /tmp/wa
//
// It copies world-atlas's countries-50m.json (Natural Earth 1:50m admin-0 countries as
// TopoJSON, ids are ISO 3166-1 numeric codes) unchanged, and writes iso-numeric.tsv (numeric
// code → ISO3, from i18n-iso-countries) so that griot can shade a country by its ISO3 code.
"use strict";
const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node web/data/build.js DIR (the unpacked npm packages)");
  process.exit(2);
}
const out = path.join(__dirname);
const atlas = path.join(dir, "world-atlas-2.0.2", "package");
const topo = fs.readFileSync(path.join(atlas, "countries-50m.json"));
JSON.parse(topo); // fails loudly on a broken download
fs.writeFileSync(path.join(out, "countries-50m.json"), topo);

const codes = JSON.parse(fs.readFileSync(path.join(dir, "i18n-iso-countries-7.14.0", "package", "codes.json"), "utf8"));
const lines = ["# ISO 3166-1 numeric → alpha-3, via npm i18n-iso-countries@7.14.0 (MIT); built by web/data/build.js", "# numeric\tiso3"];
for (const [, a3, num] of codes.sort((a, b) => a[2].localeCompare(b[2]))) lines.push(num + "\t" + a3);
fs.writeFileSync(path.join(out, "iso-numeric.tsv"), lines.join("\n") + "\n");
console.log("wrote countries-50m.json (" + topo.length + " bytes) and iso-numeric.tsv (" + codes.length + " codes)");
