#!/bin/sh
# End-to-end throughput of griot (issue 7, acceptance 2) with its peers side by side.
#   bench/throughput/run.sh [MASAKHANEWS_DIR]
# Environment: TARGET (text bytes of the input, default 50000000), OUT (work folder,
# default /tmp/griot-throughput; the input, stores and logs go there, never into the repo),
# PEER_COPIES (copies of the texts the peers read, default 2: they are ~10x slower),
# GO_BENCH=1 (also `go test ./pipeline -bench Pipeline -cpu 1,2`), PROFILE=1 (also a CPU
# profile of extraction + store writes on one copy of the texts: $OUT/store.prof, and of the
# store writes alone on the same copy: $OUT/writes.prof).
#
# 1. builds griot and the helper (main.go here);
# 2. repeats the MasakhaNEWS dev rows (fra + eng) until the texts reach TARGET bytes,
#    " [copy N]" appended to each text so that every copy has its own content hash;
# 3. griot ingest --store sqlite://… --workers 1 with GOMAXPROCS=1, then 2 and 2;
# 4. extraction alone (the default pipeline, no store), 1 and 2 workers;
# 5. compromise (English texts) and fr-compromise (French texts): names only;
# each under /usr/bin/time -v (wall, CPU, peak resident memory), one JSON line per run in
# $OUT/results.jsonl, then a Markdown table (summary.mjs) with the ratios griot/peer.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${1:-$repo/../shared/data/masakhanews-fr-en}
TARGET=${TARGET:-50000000}
OUT=${OUT:-/tmp/griot-throughput}
PEER_COPIES=${PEER_COPIES:-2}
[ -f "$data/fra/dev.tsv" ] || { echo "run.sh: no $data/fra/dev.tsv (MasakhaNEWS, see ../shared/data)" >&2; exit 1; }
mkdir -p "$OUT"
res=$OUT/results.jsonl
: > "$res"

machine() {
  echo "## machine"; echo "nproc: $(nproc)"; lscpu | head -n 15; free -h
  echo "go: $(go version)"; echo "node: $(node --version)"
}
machine > "$OUT/machine.txt"
cat "$OUT/machine.txt"

load() { cut -d' ' -f1 /proc/loadavg; }

# timed NAME CMD…: runs CMD under /usr/bin/time -v; stdout to $OUT/NAME.out, stderr and
# the time report to $OUT/NAME.err; prints "wall cpu maxrss_kB load_before load_after".
timed() {
  name=$1; shift
  l0=$(load)
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" || {
    echo "run.sh: $name failed, see $OUT/$name.err" >&2; tail -n 5 "$OUT/$name.err" >&2; exit 1; }
  l1=$(load)
  awk -v l0="$l0" -v l1="$l1" '
    /User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident/ {m=$NF}
    /Elapsed \(wall clock\)/ {n=split($NF, a, ":"); w=0; for (i=1; i<=n; i++) w=w*60+a[i]}
    END {printf "\"wall_s\":%.2f,\"cpu_s\":%.2f,\"maxrss_kb\":%d,\"load_before\":%s,\"load_after\":%s", w, u+s, m, l0, l1}' "$OUT/$name.time"
}

echo "## build"
cd "$repo"
go build -o "$OUT/griot" ./cmd/griot
go build -o "$OUT/throughput" ./bench/throughput
cd "$here"
[ -d node_modules/compromise ] && [ -d node_modules/fr-compromise ] || npm install --no-audit --no-fund >/dev/null

echo "## input"
gen=$("$OUT/throughput" gen -target "$TARGET" -out "$OUT" "$data")
echo "$gen"
echo "{\"run\":\"input\",$(echo "$gen" | sed 's/^{//')" >> "$res"
tsv=$OUT/masakhanews-repeated.tsv
jsonl=$OUT/masakhanews-repeated.jsonl
bytes=$(echo "$gen" | sed 's/.*"text_bytes":\([0-9]*\).*/\1/')

for w in 1 2; do
  echo "## griot ingest --workers $w (GOMAXPROCS=$w)"
  rm -f "$OUT/x$w.db" "$OUT/x$w.db-wal" "$OUT/x$w.db-shm"
  t=$(GOMAXPROCS=$w timed ingest$w "$OUT/griot" ingest --store "sqlite://$OUT/x$w.db" --workers $w "$tsv")
  line=$(grep '^ingest:' "$OUT/ingest$w.out" || true)
  echo "$line"; grep '^store:' "$OUT/ingest$w.out" || true
  docs=$(echo "$line" | sed -n 's/^ingest: \([0-9]*\) documents read.*/\1/p')
  events=$(echo "$line" | sed -n 's/.* \([0-9]*\) events;.*/\1/p')
  errors=$(echo "$line" | sed -n 's/.* \([0-9]*\) errors;.*/\1/p')
  own=$(echo "$line" | sed -n 's/.*; \([0-9.]*\)s, [0-9]* docs\/s.*/\1/p')
  echo "{\"run\":\"griot ingest\",\"workers\":$w,\"gomaxprocs\":$w,\"documents\":${docs:-0},\"events\":${events:-0},\"errors\":${errors:-0},\"ingest_s\":${own:-0},\"text_bytes\":$bytes,$t}" | tee -a "$res"
done

for w in 1 2; do
  echo "## extraction alone, $w worker(s) (GOMAXPROCS=$w)"
  t=$(GOMAXPROCS=$w timed extract$w "$OUT/throughput" extract -workers $w "$tsv")
  echo "{\"run\":\"griot extract\",$(sed 's/^{//; s/}$//' "$OUT/extract$w.out"),$(echo "$t" | sed 's/"wall_s":[^,]*,"cpu_s":[^,]*,//')}" | tee -a "$res"
done

if [ "${GO_BENCH:-0}" = 1 ]; then
  echo "## go test ./pipeline -bench Pipeline -benchtime 2x -cpu 1,2 (one goroutine; the MasakhaNEWS dev texts once)"
  (cd "$repo" && go test ./pipeline -run XXX -bench 'Pipeline$' -benchtime 2x -cpu 1,2) | tee "$OUT/gobench.txt"
fi

if [ "${PROFILE:-0}" = 1 ]; then
  echo "## CPU profile: extraction + store writes (batches of 64), one copy of the texts, into an empty store"
  "$OUT/throughput" gen -first 1000 -copies 1 -out "$OUT/one" "$data" > /dev/null
  rm -f "$OUT/profile.db" "$OUT/profile.db-wal" "$OUT/profile.db-shm"
  GOMAXPROCS=1 "$OUT/throughput" extract -workers 1 -store "sqlite://$OUT/profile.db" -cpuprofile "$OUT/store.prof" "$OUT/one/masakhanews-repeated.tsv"
  (cd "$repo" && go tool pprof -top -cum -nodecount 40 "$OUT/throughput" "$OUT/store.prof" 2>/dev/null) | grep -E 'sqlstore|pipeline\.\(\*Pipeline\)\.Run|Syscall6$|prepare_v2$|Fts5FlushToDisk|subjournalPage$' || true
  echo "## store writes alone (one copy of the texts read first, then written in batches of 256), into an empty store"
  rm -f "$OUT/writes.db" "$OUT/writes.db-wal" "$OUT/writes.db-shm"
  GOMAXPROCS=1 "$OUT/throughput" store -store "sqlite://$OUT/writes.db" -cpuprofile "$OUT/writes.prof" "$OUT/one/masakhanews-repeated.tsv" | tee "$OUT/writes.out"
  (cd "$repo" && go tool pprof -top -cum -nodecount 60 "$OUT/throughput" "$OUT/writes.prof" 2>/dev/null) | grep -E 'sqlstore|Syscall6$|Fts5Tokenize$|SimHashFolded$|Commit$' || true
fi

for l in fr en; do
  echo "## peer ($l), copies 1..$PEER_COPIES of the texts"
  t=$(timed peer$l node "$here/peer.mjs" $l "$jsonl" "$PEER_COPIES")
  echo "{\"run\":\"peer\",$(sed 's/^{//; s/}$//' "$OUT/peer$l.out"),$(echo "$t" | sed 's/"wall_s":[^,]*,"cpu_s":[^,]*,//')}" | tee -a "$res"
done

echo "## summary ($res)"
node "$here/summary.mjs" "$res"
