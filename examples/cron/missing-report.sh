#!/usr/bin/env bash
# Nightly missing-from-care report, for cron. For example, in the crontab of the
# account that owns the case file:
#
#   15 6 * * *  /usr/local/share/safeguard/missing-report.sh /srv/cases/missing.ndjson /srv/reports duty-team@example.invalid
#
# It appends the night's report to a dated file (mode 0600), and when
# `missing-child report` exits 1 (a child is missing now, a return interview is
# overdue, or the police were not told) it mails the duty team what needs
# action, or prints it when no mail command is set up. Bad lines (exit 65) and
# failures are reported the same way.
set -uo pipefail
CASES=${1:?usage: missing-report.sh CASE-FILE REPORT-DIR [MAIL-TO]}
REPORTS=${2:?usage: missing-report.sh CASE-FILE REPORT-DIR [MAIL-TO]}
MAILTO=${3:-}
# cron's PATH is short: add where `make install` puts the tools.
PATH="/usr/local/bin:$PATH"
umask 077
mkdir -p "$REPORTS"
day=$(date +%Y-%m-%d)
out="$REPORTS/missing-report-$day.ndjson"

# The report holds personal data: the same rules as the tools' own outputs.
# The directory must be ours and closed to others (so no one can swap a file
# in it between the checks and the write); the report must be a regular file
# of ours, never a link, FIFO or device; a wider mode is narrowed to 0600.
refuse() { echo "missing-report.sh: cannot write to $1: $2. Nothing was written." >&2; exit 73; }
[ -O "$REPORTS" ] && [ ! -L "$REPORTS" ] || refuse "$REPORTS" "the directory belongs to another user or is a symbolic link"
case $(stat -c %A "$REPORTS") in d????-??-?) ;; *) refuse "$REPORTS" "others can write to the directory" ;; esac
if [ -L "$out" ]; then refuse "$out" "it is a symbolic link"
elif [ -e "$out" ]; then
  [ -f "$out" ] || refuse "$out" "it is not a regular file"
  [ -O "$out" ] || refuse "$out" "it belongs to another user"
  [ "$(stat -c %a "$out")" = 600 ] || { chmod 600 "$out"; echo "missing-report.sh: $out could be read by others; its mode is now 0600" >&2; }
fi
run=$(mktemp) errs=$(mktemp)
trap 'rm -f "$run" "$errs"' EXIT

missing-child report --as-of "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --placements --rejects "$REPORTS/missing-report-$day.rejects" "$CASES" > "$run" 2> "$errs"
status=$?
cat "$run" >> "$out"

case $status in
  0) [ -s "$REPORTS/missing-report-$day.rejects" ] || rm -f "$REPORTS/missing-report-$day.rejects"; exit 0 ;;
  1) subject="Missing from care: action needed ($day)" ;;
  65) subject="Missing from care: the case file has bad lines ($day)" ;;
  *) subject="Missing from care: the report failed with status $status ($day)" ;;
esac

# Only this run's children who need action, and its messages; the full report stays in $out.
body=$(grep '"action-needed":true' "$run"; cat "$errs")
if [ -n "$MAILTO" ] && command -v mail >/dev/null 2>&1; then
  printf '%s\n\nFull report: %s\n' "$body" "$out" | mail -s "$subject" "$MAILTO"
else
  printf '%s\n%s\nFull report: %s\n' "$subject" "$body" "$out"
fi
exit "$status"
