#!/usr/bin/env bash
# Scores griot's time tagger against chrono-node and Microsoft Recognizers-Text on the same
# ISO-TimeML gold files, with the same scorer (griot eval timex), and reports their speed.
#   bench/timex/run.sh [GOLD_FR_DIR] [GOLD_EN_DIR]
# Defaults: ../shared/data/fr-timebank/dev and ../shared/data/tempeval3-en/Training (from the
# repository root). Needs go, node and npm; installs the peers into bench/timex/node_modules.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fr="${1:-$root/../shared/data/fr-timebank/dev}"
en="${2:-$root/../shared/data/tempeval3-en/Training}"
out="$here/out"
mkdir -p "$out"
(cd "$here" && npm install --no-audit --no-fund --silent)
(cd "$root" && go build -o "$out/griot" ./cmd/griot)

summary() { tail -1 | sed 's/^timex: //'; }
printf '| corpus | tagger | strict F1 | relaxed F1 | value F1 | type acc | speed |\n|---|---|---|---|---|---|---|\n' > "$out/table.md"
for pair in "fr:$fr" "en:$en"; do
  lang="${pair%%:*}"; gold="${pair#*:}"
  "$out/griot" eval timex --gold "$gold" --dump "$out/docs-$lang.jsonl"
  g="$("$out/griot" eval timex --gold "$gold" --lang "$lang")"
  speed="$(grep -oE '[0-9.e+-]+ MB/s' <<<"$g" | head -1)"
  echo "$g" | summary | awk -v c="$lang" -v s="$speed" '{split($0,a," "); for(i in a){split(a[i],kv,"="); v[kv[1]]=kv[2]} printf "| %s | griot | %s | %s | %s | %s | %s |\n", c, v["strict_f1"], v["relaxed_f1"], v["value_f1"], v["type_acc"], s}' >> "$out/table.md"
  for tool in chrono recognizers; do
    speed="$(node "$here/tag.js" "$tool" "$lang" "$out/docs-$lang.jsonl" "$out/$tool-$lang.jsonl" | grep -oE '[0-9.e+-]+ MB/s')"
    "$out/griot" eval timex --gold "$gold" --predictions "$out/$tool-$lang.jsonl" | summary |
      awk -v c="$lang" -v t="$tool" -v s="$speed" '{split($0,a," "); for(i in a){split(a[i],kv,"="); v[kv[1]]=kv[2]} printf "| %s | %s | %s | %s | %s | %s | %s |\n", c, t, v["strict_f1"], v["relaxed_f1"], v["value_f1"], v["type_acc"], s}' >> "$out/table.md"
  done
done
cat "$out/table.md"
