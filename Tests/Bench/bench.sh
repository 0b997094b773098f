#!/usr/bin/env bash
# make bench: times the suite against jq and Miller on the same generated file,
# in one run, and prints throughput, ratios and peak memory. Speed goals are
# checked here, by a person reading the numbers, never as timed assertions in tests.
set -euo pipefail
BIN=${1:?usage: bench.sh BIN_DIR}
cd "$(dirname "$0")/../.."
DATA=${BENCH_DIR:-.build/bench-data}
mkdir -p "$DATA"
COUNT=${BENCH_COUNT:-500000}
FILE="$DATA/referrals-$COUNT.ndjson"
[ -s "$FILE" ] || python3 examples/generate.py --seed 42 --count "$COUNT" --decisions > "$FILE"
BYTES=$(stat -c %s "$FILE")
echo "bench file: $FILE ($(wc -l < "$FILE") records, $((BYTES / 1048576)) MiB)"

JSON="$DATA/hyperfine.json"
hyperfine --warmup 1 --runs 3 --style basic --export-json "$JSON" \
  -n "nrm-referral validate" "$BIN/nrm-referral validate $FILE > /dev/null" \
  -n "nrm-referral status" "$BIN/nrm-referral status --as-of 2026-01-01 $FILE > /dev/null" \
  -n "jq (select referrals)" "jq -c 'select(.kind == \"referral\")' $FILE > /dev/null" \
  -n "mlr (filter referrals)" "mlr --ijsonl --ojsonl filter '\$kind == \"referral\"' $FILE > /dev/null" >/dev/null

python3 - "$JSON" "$BYTES" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2]) / 1e6
by = {r["command"]: r["median"] for r in results}
print(f"{'command':28} {'median s':>9} {'MB/s':>8}")
for name, t in by.items():
    print(f"{name:28} {t:9.3f} {size / t:8.1f}")
v = by["nrm-referral validate"]
print(f"validate vs jq:  {by['jq (select referrals)'] / v:5.1f}x faster (full rule checks vs a kind filter)")
print(f"validate vs mlr: {by['mlr (filter referrals)'] / v:5.1f}x faster")
PY

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
for n in 100000 1000000; do
  f="$DATA/referrals-$n.ndjson"
  [ -s "$f" ] || python3 examples/generate.py --seed 42 --count "$n" --decisions > "$f"
  echo "peak RSS, nrm-referral validate, $n referrals: $(( $(rss "$BIN/nrm-referral" validate "$f") / 1024 )) MiB"
done
