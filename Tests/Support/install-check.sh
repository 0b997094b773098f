#!/usr/bin/env bash
# make install-check: build as `make install` does, install into a temporary
# prefix, and show that the installed binaries need nothing from the Swift
# toolchain: ldd names no library under the toolchain's directory (nor any
# libswift*/libFoundation* library, nor one it cannot find), no RUNPATH points
# into it, and each binary runs with the toolchain off PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
make="${MAKE:-make}"
swift=$(command -v "${SWIFT:-swift}") || { echo "install-check: swift is not on PATH" >&2; exit 1; }
toolchain=$(dirname "$(dirname "$(readlink -f "$swift")")")
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$make" --no-print-directory install PREFIX="$prefix" >/dev/null
fail=0
for t in nrm-referral age-assess missing-child care-plan csv-report; do
  bin="$prefix/bin/$t"
  [ -x "$bin" ] || { echo "install-check: $bin was not installed" >&2; fail=1; continue; }
  [ -f "$prefix/share/man/man1/$t.1" ] || { echo "install-check: the man page $t.1 was not installed" >&2; fail=1; }
  libs=$(ldd "$bin" 2>&1 || true)
  if printf '%s\n' "$libs" | grep -E -e "$toolchain" -e 'libswift|libFoundation|libdispatch|libBlocksRuntime|not found' >&2; then
    echo "install-check: $t needs the libraries above from the Swift toolchain ($toolchain)" >&2
    fail=1
  fi
  if command -v readelf >/dev/null && readelf -d "$bin" | grep -E 'R(UN)?PATH' | grep -F "$toolchain" >&2; then
    echo "install-check: $t looks for libraries in the Swift toolchain ($toolchain)" >&2
    fail=1
  fi
  # Run it as a machine without Swift would: the toolchain off PATH, no library path.
  if ! out=$(env -i PATH=/usr/bin:/bin "$bin" --version 2>&1) || [ "$out" != "$t $(sed -n 's/.*version = "\(.*\)"/\1/p' Sources/SafeguardCLI/Tool.swift)" ]; then
    echo "install-check: the installed $t did not run: $out" >&2
    fail=1
  fi
done
if [ "$fail" = 0 ]; then
  echo "install-check: the 5 installed binaries need nothing from $toolchain:"
  ldd "$prefix/bin/nrm-referral" | sed 's/ (0x[0-9a-f]*)//; s/^/  /'
fi
exit "$fail"
