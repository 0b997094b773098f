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
# the duty team a plain-English summary, or prints it when no mail command is
# set up. Its subject says what needs doing ("2 children missing, 1 return
# interview overdue"); bad lines (exit 65) and failures are mentioned as well,
# never instead. Any files after MAIL-TO are other tools' case files, read for
# their NRM referrals (--case).
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

rejects="$REPORTS/missing-report-$day.rejects"
[ -s "$rejects" ] || rm -f "$rejects"
[ "$status" = 0 ] && exit 0

# Only this run's children who need action, counted for the subject.
plural() { if [ "$1" = 1 ]; then printf '%s %s' "$1" "$2"; else printf '%s %s' "$1" "$3"; fi; }
needing=$(grep '"kind":"missing-status"' "$run" | grep '"action-needed":true' || true)
count() { printf '%s\n' "$needing" | grep -c "$1" || true; }
children=$(count '"action-needed":true')
missing=$(printf '%s\n' "$needing" | grep '"missing-now":true' | grep -c '"type":"missing"' || true)
away=$(printf '%s\n' "$needing" | grep '"missing-now":true' | grep -c '"type":"away"' || true)
overdue=$(count '"interview-overdue":true')
untold=$(count '"police-not-notified":true')
bad=$([ -s "$rejects" ] && wc -l < "$rejects" | tr -d ' ' || echo 0)
parts=()
[ "$children" -gt 0 ] && parts+=("$(plural "$children" "child needs" "children need") action")
[ "$missing" -gt 0 ] && parts+=("$(plural "$missing" child children) missing")
[ "$away" -gt 0 ] && parts+=("$(plural "$away" child children) away")
[ "$overdue" -gt 0 ] && parts+=("$(plural "$overdue" "return interview" "return interviews") overdue")
[ "$untold" -gt 0 ] && parts+=("$(plural "$untold" child children) not reported to the police")
[ "$bad" -gt 0 ] && parts+=("$(plural "$bad" "bad line" "bad lines") in the case file")
case $status in
  1|65) ;;
  *) parts+=("the report failed (exit status $status)") ;;
esac
subject=$(IFS=,; printf 'Missing from care %s: %s' "$day" "${parts[*]}" | sed 's/,/, /g')

# Each child's id, then each action's code and message, taken field by field
# (so no other field of the line can follow); then the run's diagnostics,
# which never print a field's value.
body=$(
  printf '%s.\n' "$subject"
  printf '%s\n' "$needing" | while IFS= read -r line; do
    [ -n "$line" ] || continue
    child=$(printf '%s' "$line" | grep -o '^{"kind":"missing-status","v":1,"child":"[A-Za-z0-9._:-]*"' | cut -d'"' -f10)
    printf '\nChild %s:\n' "$child"
    printf '%s' "$line" | grep -o '"code":"[a-z-]*","message":"[^"\\]*"' | sed 's/^"code":"\([a-z-]*\)","message":"\(.*\)"$/  - \1: \2/'
  done
  if [ "$bad" -gt 0 ]; then
    printf '\n%s of the case file could not be read (kept byte for byte in %s): the report leaves them out, so correct the case file.\n' \
      "$(plural "$bad" line lines)" "$rejects"
  fi
  if [ -s "$errs" ]; then printf '\nMessages from missing-child report:\n'; cat "$errs"; fi
)
if [ -n "$MAILTO" ] && command -v mail >/dev/null 2>&1; then
  printf '%s\n\nFull report: %s\n' "$body" "$out" | mail -s "$subject" "$MAILTO"
else
  printf '%s\n\nFull report: %s\n' "$body" "$out"
fi
exit "$status"
