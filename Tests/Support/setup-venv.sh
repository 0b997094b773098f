#!/usr/bin/env bash
# The tests' Python: a virtual environment under .build/ holding the independent
# checkers (jsonschema, openpyxl), so the system Python is never changed (PEP 668).
# As root, what the machine lacks is installed with apt; otherwise it is named.
set -euo pipefail
venv=$1
missing=()
command -v jq >/dev/null || missing+=(jq)
# mandoc -Tlint checks the man pages.
command -v mandoc >/dev/null || missing+=(mandoc)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "make test needs: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run it again." >&2
    exit 1
  fi
fi
# rfc3339-validator lets jsonschema check "format": "date-time" (2026-11-22T25:00Z is refused).
# openpyxl is the independent reader of the workbooks csv-report writes (--format xlsx).
if ! "$venv/bin/python3" -c 'import jsonschema, rfc3339_validator, openpyxl' 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check jsonschema rfc3339-validator openpyxl
fi
