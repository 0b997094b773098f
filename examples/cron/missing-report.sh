#!/usr/bin/env bash
# Nightly missing-from-care report, for cron. For example, in the crontab of the
# account that owns the case file:
#
#   15 6 * * *  /usr/local/share/safeguard/missing-report.sh /srv/cases/missing.ndjson /srv/reports duty-team@example.invalid
#
# It appends the night's report to a dated file (mode 0600), and when
# `missing-child report` exits 1 (a child is missing now, a return interview is
# overdue, or the police were not told) it mails the duty team what needs
# action, or prints it when no mail command is set up: a plain-English summary
# naming children by id only, its subject saying what needs doing ("2 children
# missing, 1 return interview overdue"). Bad lines (exit 65) and failures are
# mentioned as well.
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

rejects="$REPORTS/missing-report-$day.rejects"
[ -s "$rejects" ] || rm -f "$rejects"
[ "$status" = 0 ] && exit 0

# The mail says what needs doing in plain English, naming children by their
# pseudonymous ids only: no placement, name or other personal field. The full
# report stays in $out. Bad lines are mentioned as well, never instead.
plural() { if [ "$1" = 1 ]; then printf '%s %s' "$1" "$2"; else printf '%s %s' "$1" "$3"; fi; }
field() { printf '%s\n' "$1" | sed -n "s/.*\"$2\":\"\{0,1\}\([^\",}]*\).*/\\1/p"; }
needing=$(grep '"action-needed":true' "$run" || true)
missing=$(printf '%s\n' "$needing" | grep '"missing-now":true' | grep -c '"type":"missing"' || true)
away=$(printf '%s\n' "$needing" | grep '"missing-now":true' | grep -c '"type":"away"' || true)
overdue=$(printf '%s\n' "$needing" | grep -c '"interview-overdue":true' || true)
untold=$(printf '%s\n' "$needing" | grep -c '"police-not-notified":true' || true)
bad=$([ -s "$rejects" ] && wc -l < "$rejects" | tr -d ' ' || echo 0)
parts=()
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

summary() {
  printf '%s\n' "$subject."
  printf '%s\n' "$needing" | while IFS= read -r line; do
    [ -n "$line" ] || continue
    child=$(field "$line" child)
    todo=()
    if [ "$(field "$line" missing-now)" = true ]; then
      todo+=("$(field "$line" type) since $(field "$line" since), $(field "$line" hours-missing) hours")
      [ "$(field "$line" police-not-notified)" = true ] && todo+=("not reported to the police: report now")
      agencies=$(printf '%s\n' "$line" | sed -n 's/.*"notify":\[\([^]]*\)\].*/\1/p' | tr -d '"' | sed 's/,/, /g')
      [ -n "$agencies" ] && todo+=("trafficking concern: tell $agencies")
    fi
    [ "$(field "$line" interview-overdue)" = true ] && todo+=("return interview overdue (due $(field "$line" interview-due)): hold it")
    (IFS=';'; printf -- '- %s: %s.\n' "$child" "${todo[*]}" | sed 's/;/; /g')
  done
  if [ "$bad" -gt 0 ]; then
    printf '%s\n' "$(plural "$bad" "line" "lines") of the case file could not be read (kept byte for byte in $rejects): the report above leaves them out, so correct the case file."
  fi
  if [ -s "$errs" ]; then
    printf '\nMessages from missing-child report:\n'
    cat "$errs"
  fi
  printf '\nFull report: %s\n' "$out"
}

if [ -n "$MAILTO" ] && command -v mail >/dev/null 2>&1; then
  summary | mail -s "$subject" "$MAILTO"
else
  summary
fi
exit "$status"
