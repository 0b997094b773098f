#!/usr/bin/env bash
# Nightly missing-from-care report, for cron. For example, in the crontab of the
# account that owns the case file:
#
#   15 6 * * *  /usr/local/share/safeguard/missing-report.sh /srv/cases/missing.ndjson /srv/reports duty-team@example.invalid /srv/cases/nrm.ndjson
#
# It appends the night's report to a dated file (mode 0600), and when
# `missing-child report` exits 1 (something needs action: a child missing now,
# an overdue interview, the police or another agency not told, a repeat pattern
# with no review, an unchecked release, a concern with no NRM referral) it mails
# the duty team what needs action, or prints it when no mail command is set up.
# Bad lines (exit 65) and failures are reported the same way. Any files after
# MAIL-TO are other tools' case files, read for their NRM referrals (--case).
#
# The location never travels by e-mail (SOLACE L265, L594): the message holds
# child ids, counts and what to do (the report's action codes and messages,
# which hold no personal field), never a placement name or any other field of
# the report; the full report stays in the dated file on this machine.
set -uo pipefail
usage="usage: missing-report.sh CASE-FILE REPORT-DIR [MAIL-TO [REFERRAL-FILE...]]"
CASES=${1:?$usage}
REPORTS=${2:?$usage}
MAILTO=${3:-}
referrals=()
for f in "${@:4}"; do referrals+=(--case "$f"); done
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

missing-child report --as-of "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --placements ${referrals[@]+"${referrals[@]}"} --rejects "$REPORTS/missing-report-$day.rejects" "$CASES" > "$run" 2> "$errs"
status=$?
cat "$run" >> "$out"

case $status in
  0) [ -s "$REPORTS/missing-report-$day.rejects" ] || rm -f "$REPORTS/missing-report-$day.rejects"; exit 0 ;;
  1) subject="Missing from care: action needed ($day)" ;;
  65) subject="Missing from care: the case file has bad lines ($day)" ;;
  *) subject="Missing from care: the report failed with status $status ($day)" ;;
esac

# Only this run's children who need action: each child's id, then each action's
# code and message, taken field by field (so no other field of the line can
# follow); then the run's diagnostics, which never print a field's value.
needing=$(grep '"kind":"missing-status"' "$run" | grep '"action-needed":true')
children=$(printf '%s' "$needing" | grep -c '"action-needed":true')
missing_now=$(printf '%s' "$needing" | grep -c '"missing-now":true')
body=$(
  printf '%s child(ren) need action, %s of them missing or away now.\n' "$children" "$missing_now"
  printf '%s\n' "$needing" | while IFS= read -r line; do
    [ -n "$line" ] || continue
    child=$(printf '%s' "$line" | grep -o '^{"kind":"missing-status","v":1,"child":"[A-Za-z0-9._:-]*"' | cut -d'"' -f10)
    printf '\nChild %s:\n' "$child"
    printf '%s' "$line" | grep -o '"code":"[a-z-]*","message":"[^"\\]*"' | sed 's/^"code":"\([a-z-]*\)","message":"\(.*\)"$/  - \1: \2/'
  done
  if [ -s "$errs" ]; then printf '\nMessages:\n'; cat "$errs"; fi
)
if [ -n "$MAILTO" ] && command -v mail >/dev/null 2>&1; then
  printf '%s\n\nFull report: %s\n' "$body" "$out" | mail -s "$subject" "$MAILTO"
else
  printf '%s\n%s\nFull report: %s\n' "$subject" "$body" "$out"
fi
exit "$status"
