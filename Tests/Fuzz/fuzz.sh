#!/usr/bin/env bash
# make fuzz: builds one libFuzzer binary per parser (with AddressSanitizer) and
# runs each for FUZZ_SECONDS (default 600), two at a time, from the seed corpus
# in Tests/Fuzz/corpus. New inputs found go to .build/fuzz/corpus-NAME, not the
# repo; a crash is saved as .build/fuzz/crash-NAME-* and fails the run: add it to
# the tests as a regression case.
set -euo pipefail
# A crash in a target ends in fatalError; Swift's own crash reporter is not wanted under the sanitizer.
export SWIFT_BACKTRACE=enable=no
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-600}
OUT=.build/fuzz
mkdir -p "$OUT"
rm -f "$OUT"/crash-* "$OUT"/fuzz-json "$OUT"/fuzz-csv "$OUT"/fuzz-dates "$OUT"/fuzz-args
# Build from a snapshot of the sources, so editing the tree meanwhile cannot break the build.
rm -rf "$OUT/src" && mkdir -p "$OUT/src" && cp -R Sources/SafeguardCore Sources/SafeguardCLI Tests/Fuzz/*.swift "$OUT/src/" && cp Tests/SafeguardCoreTests/CSVReader.swift "$OUT/src/SafeguardCore/"
# One module: the command-line layer's import of the core goes.
sed -i '/^import SafeguardCore$/d' "$OUT"/src/SafeguardCLI/*.swift
CORE=$(find "$OUT/src/SafeguardCore" "$OUT/src/SafeguardCLI" -name '*.swift')
TARGETS=${FUZZ_TARGETS:-"json csv dates args"}
for t in $TARGETS; do
  echo "building fuzz-$t"
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name Fuzz "$OUT/src/fuzz_$t.swift" $CORE -o "$OUT/fuzz-$t" 2>&1 | grep -v "ld.gold: warning" || true
  [ -x "$OUT/fuzz-$t" ] || { echo "fuzz-$t did not build" >&2; exit 1; }
done
run() {
  local t=$1 work="$OUT/corpus-$1"
  mkdir -p "$work"
  "$OUT/fuzz-$t" "$work" "Tests/Fuzz/corpus/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/crash-$t-" -print_final_stats=1 > "$OUT/fuzz-$t.log" 2>&1
}
status=0
set -- $TARGETS
while [ $# -gt 0 ]; do
  run "$1" & a=$!
  if [ $# -gt 1 ]; then run "$2" & b=$!; else b=; fi
  wait $a || status=1
  [ -z "$b" ] || wait $b || status=1
  shift; [ $# -gt 0 ] && shift || true
done
for t in $TARGETS; do
  runs=$(grep -E '^stat::number_of_executed_units' "$OUT/fuzz-$t.log" | awk '{print $2}')
  rate=$(grep -E '^stat::average_exec_per_sec' "$OUT/fuzz-$t.log" | awk '{print $2}')
  crashes=$(find "$OUT" -name "crash-$t-*" | wc -l)
  echo "fuzz-$t: ${runs:-?} executions, ${rate:-?} per second, $SECONDS_EACH s, $crashes crash(es)"
done
exit $status
