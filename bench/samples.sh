#!/usr/bin/env bash
# Reads every sample article of ../shared/samples with griot and checks it with
# ../shared/tools/check_reading.py; prints one line per sample and the totals.
# usage: bench/samples.sh [GRIOT_BINARY]   (default: builds ./griot)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/samples" ] || { echo "bench/samples.sh: ../shared/samples is absent" >&2; exit 1; }
bin=${1:-}
if [ -z "$bin" ]; then
  go build -o /tmp/griot-samples ./cmd/griot
  bin=/tmp/griot-samples
fi
out=$(mktemp -d)
for f in "$shared"/samples/*/*.txt; do
  n=$(basename "$f" .txt)
  meta=${f%.txt}.meta.json
  pub=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['published'])" "$meta")
  lang=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['lang'])" "$meta")
  "$bin" extract --published "$pub" --lang "$lang" "$f" > "$out/$n.json"
  python3 "$shared/tools/check_reading.py" --lenient --stats "${f%.txt}.reading.json" "$out/$n.json" "$f" | grep -E '^(reading|STATS)'
done | python3 -c '
import json, sys
tot = {}
for line in sys.stdin:
    if line.startswith("reading"):
        print(line.rstrip())
    elif line.startswith("STATS "):
        for k, v in json.loads(line[6:]).items():
            tot[k] = tot.get(k, 0) + v
g = lambda k: tot.get(k, 0)
r = g("required") or 1
print("TOTAL required events found %d/%d (%.0f%%), fully right %d (%.0f%%), extra events %d/%d, timexes %d/%d" % (
    g("found"), g("required"), 100.0 * g("found") / r, g("full"), 100.0 * g("full") / r,
    g("output") - g("matched_output"), g("output"), g("timex_ok"), g("timex")))
'
rm -rf "$out"
