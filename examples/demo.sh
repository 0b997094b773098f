#!/usr/bin/env bash
# make demo: a caseworker's day on the synthetic case file, through real pipes.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(cd "${1:-.build/debug}" && pwd)
export PATH="$BIN:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { printf '\n$ %s\n' "$1"; bash -c "$1"; }

echo "== The synthetic case file: referrals, decisions, a withdrawal, a duty-to-notify record"
run "nrm-referral validate --pass examples/case.ndjson | wc -l"

echo
echo "== Where every referral stands on 23 November 2026 (one nrm-status record each)"
run "nrm-referral status --as-of 2026-11-23 examples/case.ndjson"

echo
echo "== What is overdue, for the morning meeting"
run "nrm-referral status --as-of 2026-11-23 examples/case.ndjson 2>/dev/null | grep '\"overdue\":true' | sed -E 's/.*\"referral\":\"([^\"]+)\".*\"stage\":\"([^\"]+)\".*\"due\":\"([^\"]+)\".*\"overdue-days\":([0-9]+).*/\\1: \\2, due \\3, \\4 days overdue/'"

echo
echo "== A new referral for a child, and the reasonable-grounds decision, appended to a copy of the case file"
cp examples/case.ndjson "$work/case.ndjson"
run "nrm-referral new --id ref-demo --subject S-DEMO --claimed-age 16 --sex male --nationality VN --language vi --interpreter-needed --first-responder la-childrens-services --exploitation criminal --indicator child-history-of-missing --received 2026-11-23 --append $work/case.ndjson"
run "nrm-referral decide ref-demo --stage rg --outcome positive --on 2026-11-25 --id dec-demo --append $work/case.ndjson"
run "nrm-referral status --as-of 2026-11-26 $work/case.ndjson 2>/dev/null | grep ref-demo"
run "ls -l $work/case.ndjson | cut -d' ' -f1"

echo
echo "== An adult who has not signed consent cannot be referred; the tool says what to do instead"
run "nrm-referral new --subject S-ADULT --dob 1990-05-05 --sex female --first-responder salvation-army --exploitation labour --received 2026-11-23 || echo \"exit status \$?\""

echo
echo "== Bad lines are reported with file and line, kept byte for byte, and never stop the good ones"
run "nrm-referral validate --rejects $work/rejects.ndjson examples/bad-lines.ndjson > $work/good.ndjson || echo \"exit status \$?\""
run "wc -l < $work/good.ndjson; wc -l < $work/rejects.ndjson"

echo
echo "== For the analyst: the overdue list as CSV, straight from the status records"
run "nrm-referral status --as-of 2026-11-23 examples/case.ndjson 2>/dev/null | csv-report flatten --columns referral,treated-as,stage,outstanding,due,overdue-days"

echo
echo "== A referral export that is safe to share: personal data left out (stderr says which), ages as bands"
run "csv-report flatten --kind referral --columns id,received,subject.name,subject.dob,subject.sex,subject.nationality,exploitation,account --age-band --as-of 2026-11-23 examples/case.ndjson"

echo
echo "== Published-style NRM table, with small counts suppressed as [c]"
run "csv-report nrm-stats --as-of 2026-11-23 --table exploitation examples/case.ndjson"

echo
echo "== Age: a 29 February birthday falls on 1 March in a common year"
run "age-assess age --dob 2008-02-29 --on 2026-02-28"

echo
echo "== An age assessment with one assessor and no interpreter: check names the gaps, and the person stays a child"
run "age-assess new --id aa-demo --person subj-002 --date 2026-11-20 --claimed-age 16 --documents none --assessor SW-01 --interpreter-needed --appropriate-adult --purpose-explained --adverse-points-put --factor physical,psychological --reasons 'Synthetic reasons' --outcome assessed-older --assessed-age-range 19-21 --conclusion adult --append $work/ages.ndjson 2>/dev/null"
run "age-assess check $work/ages.ndjson || echo \"exit status \$? (gaps found)\""
run "age-assess status --as-of 2026-11-23 $work/ages.ndjson"

echo
echo "== Missing from care: a placement, an episode, the nightly report (exit 1: action needed), and the SSDA903 table"
run "missing-child placement --id plc-demo --child C-DEMO --dob 2010-05-01 --placement 'Synthetic Home 07' --start 2026-11-18 --trafficking-concern --append $work/missing.ndjson 2>/dev/null"
run "missing-child start --id ms-demo --child C-DEMO --last-seen 2026-11-20T18:00:00Z --type missing --from 'Synthetic Home 07' --may-have-been-moved --append $work/missing.ndjson 2>/dev/null"
run "missing-child report --as-of 2026-11-21T07:00:00Z $work/missing.ndjson || echo \"exit status \$? (action needed)\""
run "missing-child return --id mr-demo --child C-DEMO --returned 2026-11-21T09:30:00Z --to placement --append $work/missing.ndjson 2>/dev/null"
run "missing-child ssda903 --year 2027 $work/missing.ndjson"
echo
echo "== The cron job (examples/cron/missing-report.sh) as of now: a dated report file, and a message only when action is needed"
run "bash examples/cron/missing-report.sh $work/missing.ndjson $work/reports; echo \"exit status \$?\"; ls $work/reports"

echo
echo "== Miss G (HESTIA, with synthetic details): her support plan as first made, checked; not yet ready to leave the service"
G=$work/miss-g.ndjson
run "care-plan new --id cp-missg --person S-MISSG --date 2026-10-01 --claimed-age 24 --nationality AL --lead-professional SW-HESTIA-01 --need accommodation,income-benefits,emotional-support,legal-immigration,police-trust,language-interpreter,isolation,medical --risk community-safe=high --risk public-funds=high --risk understands=medium --risk can-keep-safe=high --risk family-friends-risk=high --safety-plan-reviewed 2026-10-01 --agency police,home-office,gp --interpreter independent-professional --public-funds no --additional-need mental-health --append $G 2>/dev/null"
run "care-plan action cp-missg --action act-safe-house --need accommodation --owner Hestia --due 2026-10-08 --date 2026-10-01 --append $G 2>/dev/null"
run "care-plan check --as-of 2026-10-20 $G || echo \"exit status \$? (a rule is broken)\""
run "care-plan exit cp-missg --as-of 2026-10-20 $G || echo \"exit status \$? (not ready)\""

echo
echo "== Two months on: the reviews that meet the exit criteria, and exit says yes"
run "care-plan action cp-missg --action act-safe-house --need accommodation --owner Hestia --due 2026-10-08 --status met --date 2026-10-07 --append $G 2>/dev/null"
run "care-plan review cp-missg --date 2026-12-01 --need accommodation=met,income-benefits=met,emotional-support=met,legal-immigration=signposted,police-trust=met,language-interpreter=met,isolation=met,medical=met --risk community-safe=low --risk public-funds=medium --risk understands=low --risk can-keep-safe=low --risk family-friends-risk=medium --safety-plan-reviewed 2026-12-01 --agency-informed police,home-office,gp --papers-complete --checklist aim-of-service,rights-in-uk,other-services,police-concerns --note 'Synthetic review: court case signposted to the witness service' --append $G 2>/dev/null"
echo
echo "== Every agency informed, but none yet told of the exit: not ready (HESTIA: all agencies are informed about the exit of service)"
run "care-plan exit cp-missg --as-of 2026-12-03 $G || echo \"exit status \$? (not ready)\""
run "care-plan review cp-missg --date 2026-12-04 --exit-informed police,home-office,gp --append $G 2>/dev/null"
run "care-plan exit cp-missg --as-of 2026-12-05 $G"
run "care-plan summary cp-missg --as-of 2026-12-05 $G"

echo
echo "== A child's plan (synthetic): a boy of 17 found in a cannabis farm. Every blank duty is a problem of its own"
C=$work/child.ndjson
run "care-plan new --id cp-demo-child --person C-DEMO2 --date 2026-11-01 --dob 2009-01-20 --nationality VN --lead-professional SW-12 --exploitation criminal --need accommodation,safety --risk community-safe=medium,public-funds=high,understands=medium,can-keep-safe=medium,family-friends-risk=high,abduction=low --safety-plan-reviewed 2026-11-01 --interpreter independent-professional --agency police,home-office --missing-strategy 'Synthetic strategy' --notify-if-missing missing-people --placement-type specialist-foster-care --strategy-meeting-held --risk-considered missing --append $C 2>/dev/null"
run "care-plan check --as-of 2026-11-05 $C | grep -o '\"code\":\"[a-z-]*\"' ; echo \"exit status \${PIPESTATUS[0]} (rules broken)\""
echo
echo "== The review that answers each duty, and the transition action (he turns 18 on 20 January): the plan breaks no rule"
run "care-plan review cp-demo-child --date 2026-11-05 --notify-if-missing police,home-office,missing-people --risk going-missing=high --non-criminalisation-considered 2026-11-05 --police-told yes --cps-told yes --risk-considered cse,trafficking --need education --agency-informed adult-social-care --append $C 2>/dev/null"
run "care-plan action cp-demo-child --action act-transition --kind transition --need safety --owner childrens-services --due 2026-12-20 --date 2026-11-05 --append $C 2>/dev/null"
run "care-plan check --as-of 2026-11-06 $C"
run "care-plan check --as-of 2027-01-20 --safety-plan-days 3650 $C | grep -o '\"treated-as\":\"[a-z]*\",\"made-as\":\"[a-z]*\"'; echo '(on the 18th birthday the plan no longer fits: a new, adult plan is made)'"
