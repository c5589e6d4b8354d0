#!/bin/sh
# Peer comparison for griot's quotes stage (issue 5): compromise's quotation finder and griot
# on the same PolNeAR split, scored by the same code (griot eval quotes).
#   bench/quotes/run.sh [POLNEAR_ROOT] [SPLIT]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$here/../../../shared/data/polnear-quotes-en}
split=${2:-dev}
cd "$here"
[ -d node_modules/compromise ] || npm install --no-audit --no-fund >/dev/null
go build -o "$here/griot.bin" ../../cmd/griot
node compromise_quotes.mjs "$root/data/$split" > "$here/compromise.$split.jsonl"
echo "== compromise $(node -p 'require("./node_modules/compromise/package.json").version') (quotations only: no source, no cue)"
./griot.bin eval quotes --gold "$root" --split "$split" --pred "$here/compromise.$split.jsonl"
echo "== griot"
./griot.bin eval quotes --gold "$root" --split "$split"
rm -f "$here/griot.bin"
