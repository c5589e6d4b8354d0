#!/bin/bash
# Scale-out (issue 7, docs/SCALING.md): queues the MasakhaNEWS dev files on NATS JetStream,
# starts K `griot worker` processes on a fresh PostgreSQL schema, and prints the time until
# the store holds every document. Needs the services of the tests (PostgreSQL on
# 127.0.0.1:5432 with database test, NATS with JetStream on 127.0.0.1:4222) and ../shared.
# usage: bench/scale.sh K [GRIOT_BINARY]   (default binary: builds /tmp/griot-scale)
set -euo pipefail
cd "$(dirname "$0")/.."
K=${1:?usage: bench/scale.sh K [GRIOT_BINARY]}; S=griot_scale_$$
G=${2:-}
if [ -z "$G" ]; then go build -o /tmp/griot-scale ./cmd/griot; G=/tmp/griot-scale; fi
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $S" >/dev/null
STORE="postgres://postgres@127.0.0.1:5432/test?sslmode=disable&search_path=$S"
Q="nats://127.0.0.1:4222?stream=GRIOT_SCALE_$$"
$G ingest --queue "$Q" ../shared/data/masakhanews-fr-en > /dev/null 2>&1
$G export --store "$STORE" --format events > /dev/null
t0=$(date +%s.%N)
for i in $(seq $K); do $G worker --queue "$Q" --store "$STORE" --workers 1 --exit-when-idle 3s > /dev/null 2>&1 & done
while :; do n=$(psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $S.documents"); [ "$n" -ge 682 ] && break; sleep 0.1; done
t1=$(date +%s.%N); wait
echo "K=$K docs=$n seconds=$(echo "$t1 - $t0" | bc) docs/s=$(echo "$n / ($t1 - $t0)" | bc)"
psql -q -h 127.0.0.1 -U postgres -d test -c "SET client_min_messages = warning; DROP SCHEMA $S CASCADE" >/dev/null
