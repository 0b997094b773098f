#!/usr/bin/env bash
# Regenerates examples/case.ndjson, the synthetic demo case file, with the
# tool itself, so the sample is exactly what nrm-referral writes:
#
#   bash examples/make-case.sh [BIN_DIR] > examples/case.ndjson
#
# BIN_DIR holds the built nrm-referral (default: .build/debug beside this
# directory). Every id and date is fixed, so the output never changes.
# Every person, name and account here is synthetic.
#
# The story, for a status report as of 2026-11-23 (the demo date):
#   ref-001  child (dob), sexual: RG positive 2026-10-05, recovery period ends
#            2026-11-19, CG positive 2026-11-20 (after the 45-day period)
#   ref-002  age disputed, claims 19, still treated as a child: RG positive
#            2026-10-09, recovery period ends (and CG due) 2026-11-23
#   ref-003  adult with signed consent: RG negative 2026-10-16
#   ref-004  child (claimed age 15), UK national, criminal exploitation:
#            RG positive 2026-10-23, recovery period running
#   ref-005  adult with signed consent, labour: RG positive 2026-11-05,
#            withdrawn 2026-11-18
#   dtn-001  an adult who refused consent: anonymous duty to notify
#   ref-006  child, received 2026-11-16: RG due 2026-11-21, overdue on 2026-11-23
#   ref-007  child, received 2026-11-20: RG due 2026-11-25, not yet overdue
#   mis-001  a record of another kind, passed through with --pass
set -euo pipefail

BIN_DIR=${1:-"$(cd "$(dirname "$0")/.." && pwd)/.build/debug"}
NRM="$BIN_DIR/nrm-referral"
if [ ! -x "$NRM" ]; then
    echo "make-case.sh: $NRM is not an executable; build first, or give BIN_DIR" >&2
    exit 66
fi

nrm() { "$NRM" "$@" </dev/null; }

nrm new --id ref-001 --received 2026-10-01 --first-responder police --competent-authority ukhtc \
    --subject subj-001 --name "Synthetic Person A" --dob 2010-05-14 --sex female \
    --nationality AL --language sq --interpreter-needed \
    --exploitation sexual --indicator child-history-of-missing,child-unexplained-phone-calls \
    --account "Synthetic account A for the demo; no real person."

nrm decide ref-001 --id dec-001 --stage rg --outcome positive --on 2026-10-05

nrm new --id ref-002 --received 2026-10-06 --first-responder la-childrens-services --competent-authority ukba \
    --subject subj-002 --name "Synthetic Person B" --claimed-age 19 --age-disputed --sex male \
    --nationality VN --language vi --interpreter-needed \
    --exploitation criminal --indicator documents-removed,debt-bondage,child-prepared-story \
    --account "Synthetic account B: found at a cannabis farm, says he is 19; age disputed, so treated as a child. No real person."

nrm decide ref-002 --id dec-002 --stage rg --outcome positive --on 2026-10-09

nrm new --id ref-003 --received 2026-10-12 --first-responder salvation-army --competent-authority ukhtc \
    --subject subj-003 --name "Synthetic Person C" --dob 1994-08-30 --sex female \
    --nationality NG --language en,yo \
    --exploitation sexual --indicator adult-controlled-by-pimp,threats-to-family \
    --consent-signed 2026-10-12 \
    --account "Synthetic account C for the demo, with a comma and \"quotes\"; no real person."

nrm decide ref-003 --id dec-003 --stage rg --outcome negative --on 2026-10-16

nrm new --id ref-004 --received 2026-10-20 --first-responder barnardos --competent-authority ukhtc \
    --subject subj-004 --name "Synthetic Person D" --claimed-age 15 --sex male \
    --nationality GB --language en \
    --exploitation criminal --indicator child-history-of-missing,child-unexplained-money-goods \
    --account "Synthetic account D for the demo; no real person."

nrm decide ref-004 --id dec-004 --stage rg --outcome positive --on 2026-10-23

nrm new --id ref-005 --received 2026-11-02 --first-responder gangmasters-licensing-authority --competent-authority ukhtc \
    --subject subj-005 --name "Synthetic Person E" --claimed-age 34 --sex male \
    --nationality RO --language ro --interpreter-needed \
    --exploitation labour --indicator adult-no-days-off,adult-employer-holds-id,debt-bondage \
    --consent-signed 2026-11-01

nrm decide ref-005 --id dec-005 --stage rg --outcome positive --on 2026-11-05

nrm notify --id dtn-001 --on 2026-11-09 --first-responder police --sex male \
    --nationality AL --exploitation labour --indicator adult-overcrowded

nrm new --id ref-006 --received 2026-11-16 --first-responder immigration --competent-authority ukba \
    --subject subj-006 --name "Synthetic Person F" --dob 2009-12-03 --sex female \
    --nationality ER --language ti --interpreter-needed \
    --exploitation not-specified

nrm withdraw ref-005 --id wdr-001 --on 2026-11-18

nrm new --id ref-007 --received 2026-11-20 --first-responder la-childrens-services \
    --subject subj-007 --name "Synthetic Person G" --dob 2011-03-21 --sex female \
    --nationality GB --language en \
    --exploitation domestic-servitude --indicator child-excessive-housework,child-no-school

nrm decide ref-001 --id dec-006 --stage cg --outcome positive --on 2026-11-20

echo '{"kind":"missing-episode","v":1,"id":"mis-001","note":"another tool'\''s record, passed through with --pass"}'
