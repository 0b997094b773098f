#!/usr/bin/env bash
# make bench: times the suite against jq and Miller on the same generated files,
# in one run, and prints throughput, ratios and peak memory. Speed goals are
# checked here, by a person reading the numbers, never as timed assertions in tests.
set -euo pipefail
BIN=${1:?usage: bench.sh BIN_DIR}
cd "$(dirname "$0")/../.."
DATA=${BENCH_DIR:-.build/bench-data}
mkdir -p "$DATA"

# Referral records only, deterministic (seed 42).
referrals() {
  local n=$1 f="$DATA/referrals-only-$1.ndjson"
  [ -s "$f" ] || python3 examples/generate.py --seed 42 --count "$n" > "$f"
  echo "$f"
}
# Peak RSS in MiB; the command's own exit status (missing-child report exits 1 when action is needed) is not a failure here.
rss_mib() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'; }

# BENCH_COUNT: the number of referrals in the main file (500,000; a small number checks the script).
FILE=$(referrals "${BENCH_COUNT:-500000}")
BYTES=$(stat -c %s "$FILE")
COLUMNS=id,received,first-responder,subject.sex,subject.nationality,treated-as
JQ='[.id, .received, ."first-responder", .subject.sex, .subject.nationality, ."treated-as"] | @csv'
# The peers: DuckDB and jaq from PyPI in .build/bench-venv (make bench-deps), gojq if installed.
PEERS=.build/bench-venv/bin
DUCK=()
if [ -x "$PEERS/python" ] && "$PEERS/python" -c 'import duckdb' 2>/dev/null; then
  cat > "$DATA/duck.py" <<'PY'
import sys, duckdb
sql = {
    "flatten": """COPY (SELECT id, received, "first-responder", subject.sex AS "subject.sex", subject.nationality AS "subject.nationality", "treated-as"
        FROM read_json('{src}', format='newline_delimited', columns={{'id':'VARCHAR','received':'VARCHAR','first-responder':'VARCHAR',
        'subject':'STRUCT(sex VARCHAR, nationality VARCHAR)','treated-as':'VARCHAR'}})) TO '{out}' (FORMAT csv, HEADER)""",
    "count": """COPY (SELECT "first-responder", "treated-as", count(*) AS n
        FROM read_json('{src}', format='newline_delimited', columns={{'first-responder':'VARCHAR','treated-as':'VARCHAR'}})
        GROUP BY ALL ORDER BY ALL) TO '{out}' (FORMAT csv, HEADER)""",
}[sys.argv[1]]
duckdb.connect().execute(sql.format(src=sys.argv[2], out=sys.argv[3]))
PY
  DUCK=("$PEERS/python" "$DATA/duck.py")
  # The output must be the same, byte for byte, before any time is compared.
  "$BIN/csv-report" flatten --columns $COLUMNS "$FILE" > "$DATA/ours.csv"
  "${DUCK[@]}" flatten "$FILE" "$DATA/duck.csv"
  if cmp -s "$DATA/ours.csv" "$DATA/duck.csv"; then echo "  flatten output equals DuckDB's, byte for byte"
  else echo "  FAIL: flatten output differs from DuckDB's:"; cmp "$DATA/ours.csv" "$DATA/duck.csv" || true; exit 1; fi
else
  echo "  (DuckDB not installed: make bench-deps puts it in .build/bench-venv)"
fi
PEER_RUNS=()
[ ${#DUCK[@]} -gt 0 ] && PEER_RUNS+=(-n "duckdb COPY" "${DUCK[*]} flatten $FILE /dev/null")
[ -x "$PEERS/jaq" ] && PEER_RUNS+=(-n "jaq @csv" "$PEERS/jaq -r '$JQ' $FILE > /dev/null")
command -v gojq >/dev/null && PEER_RUNS+=(-n "gojq @csv" "gojq -r '$JQ' $FILE > /dev/null")
echo "== csv-report flatten of six columns: $FILE ($(wc -l < "$FILE") records, $((BYTES / 1048576)) MiB)"
JSON="$DATA/hyperfine-flatten.json"
# BASELINE_BIN: an earlier build's binaries, timed in the same run (a change must not be slower).
BASELINE=()
[ -n "${BASELINE_BIN:-}" ] && BASELINE=(-n "baseline flatten" "$BASELINE_BIN/csv-report flatten --columns $COLUMNS $FILE > /dev/null")
hyperfine --warmup 1 --runs 5 --style basic --export-json "$JSON" \
  -n "csv-report flatten" "$BIN/csv-report flatten --columns $COLUMNS $FILE > /dev/null" \
  -n "csv-report --threads 1" "$BIN/csv-report flatten --threads 1 --columns $COLUMNS $FILE > /dev/null" \
  "${BASELINE[@]}" "${PEER_RUNS[@]}" \
  -n "jq @csv" "jq -r '$JQ' $FILE > /dev/null" \
  -n "mlr cut" "mlr --ijsonl --ocsv flatten then cut -o -f $COLUMNS $FILE > /dev/null" > /dev/null
python3 - "$JSON" "$BYTES" "$(nproc)" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
mb = int(sys.argv[2]) / 1e6
t = {r["command"]: r["median"] for r in results}
for name, s in t.items():
    print(f"  {name:24} {s:8.3f} s  {mb / s:8.1f} MB/s")
ours = t["csv-report flatten"]
print(f"  csv-report flatten uses {sys.argv[3]} threads (one a core); --threads 1: {mb / t['csv-report --threads 1']:.1f} MB/s (target 700 MB/s)")
targets = {"duckdb COPY": 1.5, "jq @csv": 15, "jaq @csv": None, "gojq @csv": None, "mlr cut": 15}
for name, target in targets.items():
    if name in t:
        print(f"  ratio: {t[name] / ours:.2f}x faster than {name}" + (f" (target {target}x)" if target else ""))
if "baseline flatten" in t:
    print(f"  against the baseline build: {t['baseline flatten'] / ours:.3f}x its speed (target: no more than 5% slower, 0.95x or more)")
PY
# Peak memory of each, on the same file.
echo "  peak RSS: csv-report flatten $(rss_mib "$BIN/csv-report" flatten --columns $COLUMNS "$FILE") MiB" \
  "; --threads 1 $(rss_mib "$BIN/csv-report" flatten --threads 1 --columns $COLUMNS "$FILE") MiB" \
  "$([ ${#DUCK[@]} -gt 0 ] && echo "; duckdb $(rss_mib "${DUCK[@]}" flatten "$FILE" /dev/null) MiB")" \
  "; jq $(rss_mib jq -r "$JQ" "$FILE") MiB"

if [ ${#DUCK[@]} -gt 0 ]; then
  echo "== count --by first-responder --pivot treated-as against DuckDB's GROUP BY"
  JSON="$DATA/hyperfine-count.json"
  hyperfine --warmup 1 --runs 5 --style basic --export-json "$JSON" \
    -n "csv-report count --pivot" "$BIN/csv-report count --by first-responder --pivot treated-as --no-suppress $FILE > /dev/null" \
    -n "count --threads 1" "$BIN/csv-report count --threads 1 --by first-responder --pivot treated-as --no-suppress $FILE > /dev/null" \
    -n "duckdb GROUP BY" "${DUCK[*]} count $FILE /dev/null" > /dev/null
  python3 - "$JSON" <<'PY'
import json, sys
t = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
for name, s in t.items():
    print(f"  {name:26} {s:8.3f} s")
print(f"  ratio: {t['duckdb GROUP BY'] / t['csv-report count --pivot']:.2f}x faster than DuckDB's GROUP BY (target 1.5x)")
PY
  echo "  peak RSS: csv-report count $(rss_mib "$BIN/csv-report" count --by first-responder --pivot treated-as --no-suppress "$FILE") MiB" \
    "; duckdb $(rss_mib "${DUCK[@]}" count "$FILE" /dev/null) MiB"
fi

echo "== start-up: csv-report --version against a bare Foundation binary"
BARE="$DATA/bare-foundation"
if [ ! -x "$BARE" ]; then
  printf 'import Foundation\nprint(ProcessInfo.processInfo.processName)\n' > "$DATA/bare.swift"
  swiftc -O "$DATA/bare.swift" -o "$BARE"
fi
JSON="$DATA/hyperfine-startup.json"
hyperfine -N --warmup 20 --runs 300 --style basic --export-json "$JSON" \
  -n "csv-report --version" "$BIN/csv-report --version" -n "bare Foundation" "$BARE" > /dev/null
python3 - "$JSON" <<'PY'
import json, sys
t = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
for name, s in t.items():
    print(f"  {name:22} {s * 1000:8.2f} ms")
print(f"  start-up ratio: {t['csv-report --version'] / t['bare Foundation']:.2f}x a bare Foundation binary (target 1.25x or less)")
PY

echo "== peak memory (RSS) of csv-report flatten: flat in the number of records, with one thread and with one a core"
for threads in 1 "$(nproc)"; do
  SMALL=$(rss_mib "$BIN/csv-report" flatten --threads "$threads" --columns $COLUMNS "$(referrals 100000)")
  LARGE=$(rss_mib "$BIN/csv-report" flatten --threads "$threads" --columns $COLUMNS "$(referrals 1000000)")
  python3 -c "print(f'  --threads $threads: 100,000 records: {$SMALL} MiB; 1,000,000 records: {$LARGE} MiB; growth {($LARGE / $SMALL - 1) * 100:+.1f}% (target within 10%); {$LARGE / $threads:.1f} MiB a thread (target under 64)')"
done

echo "== nrm-referral over 500,000 referrals with their decisions"
CASES="$DATA/referrals-decisions-500000.ndjson"
[ -s "$CASES" ] || python3 examples/generate.py --seed 42 --count 500000 --decisions > "$CASES"
JSON="$DATA/hyperfine-nrm.json"
hyperfine --warmup 1 --runs 3 --style basic --export-json "$JSON" \
  -n "nrm-referral status" "$BIN/nrm-referral status --as-of 2026-01-01 $CASES > /dev/null" \
  -n "jq (select referrals)" "jq -c 'select(.kind == \"referral\")' $CASES > /dev/null" > /dev/null
python3 - "$JSON" "$(stat -c %s "$CASES")" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
mb = int(sys.argv[2]) / 1e6
t = {r["command"]: r["median"] for r in results}
for name, s in t.items():
    print(f"  {name:22} {s:8.3f} s  {mb / s:8.1f} MB/s")
print(f"  status (full rule checks and the fold) vs a jq kind filter: {t['jq (select referrals)'] / t['nrm-referral status']:.1f}x")
PY
# A compact fact per referral and per decision, never a line (issue 17).
echo "  peak RSS of nrm-referral status: $(rss_mib "$BIN/nrm-referral" status --as-of 2026-01-01 "$CASES") MiB; validate: $(rss_mib "$BIN/nrm-referral" validate "$CASES") MiB (target: at most 150 MiB; a compact fact per referral and per decision)"
# With --rejects an event keeps where its line is (16 bytes), not the line.
echo "  with --rejects: status $(rss_mib "$BIN/nrm-referral" status --as-of 2026-01-01 --rejects "$DATA/nrm-rejects.ndjson" "$CASES") MiB; validate $(rss_mib "$BIN/nrm-referral" validate --rejects "$DATA/nrm-rejects.ndjson" "$CASES") MiB"

echo "== missing-child report over the same 5,000 children: memory grows with children, not events"
for n in 100000 1000000; do
  f="$DATA/missing-$n.ndjson"
  [ -s "$f" ] || python3 examples/generate_missing.py --seed 42 --events "$n" --children 5000 > "$f"
done
M1=$(rss_mib "$BIN/missing-child" report --as-of 2026-11-20T12:00:00Z "$DATA/missing-100000.ndjson")
M2=$(rss_mib "$BIN/missing-child" report --as-of 2026-11-20T12:00:00Z "$DATA/missing-1000000.ndjson")
python3 -c "print(f'  peak RSS: {$(wc -l < "$DATA/missing-100000.ndjson")} events {$M1} MiB; {$(wc -l < "$DATA/missing-1000000.ndjson")} events {$M2} MiB; growth {($M2 / $M1 - 1) * 100:+.1f}% for 10x the events')"

echo "== duplicate-key check: one 0.87 MB line with 80,000 keys (target under 0.1 s)"
WIDE="$DATA/wide-80000-keys.ndjson"
[ -s "$WIDE" ] || python3 -c "
import json
d = {'kind': 'referral', 'v': 1}
d.update(('k%d' % i, 1) for i in range(80000))
print(json.dumps(d, separators=(',', ':')))" > "$WIDE"
JSON="$DATA/hyperfine-wide.json"
# nrm-referral validate parses the whole line into a tree (every key checked); it exits 65 for the unknown fields.
# csv-report flatten without --columns finds 80,000 columns (the union pass) and checks each for a duplicate as it scans.
hyperfine -N -i --warmup 1 --runs 5 --style basic --export-json "$JSON" \
  -n "nrm-referral validate (80,000 keys)" "$BIN/nrm-referral validate $WIDE" \
  -n "csv-report flatten (80,000 keys)" "$BIN/csv-report flatten --include-personal-data $WIDE" > /dev/null
python3 - "$JSON" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    note = "(target under 0.1 s)" if r["command"].startswith("nrm-referral") else "(also finds and writes 80,000 columns; no target)"
    print(f"  {r['command']:40} {r['median']:8.3f} s {note}")
PY
