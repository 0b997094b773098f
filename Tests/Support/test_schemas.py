#!/usr/bin/env python3
"""Self-test of Schemas/ and validate_records.py (stdlib unittest + jsonschema).

Run from the repository root:  python3 Tests/Support/test_schemas.py
"""

import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCHEMA_DIR = os.path.join(ROOT, "Schemas")
SCRIPT = os.path.join(HERE, "validate_records.py")
sys.path.insert(0, HERE)

import validate_records  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402

KINDS = ["referral", "duty-to-notify", "nrm-decision", "nrm-withdrawal", "nrm-status", "indicator",
         "age-assessment", "assessment-check", "age-status", "age-on-date", "claimed-age-range",
         "placement", "missing-start", "missing-return", "return-interview", "missing-status", "placement-summary",
         "trafficking-concern", "missing-notification", "missing-review", "void",
         "care-plan", "care-plan-review", "care-plan-action", "care-plan-check", "care-plan-exit", "care-plan-summary"]

CHILD_REFERRAL = {
    "kind": "referral", "v": 1, "id": "ref-7KQ2M9XD4B", "received": "2026-11-20",
    "first-responder": "la-childrens-services", "competent-authority": "ukhtc",
    "subject": {
        "id": "S-1042", "name": "Test Person", "dob": "2009-05-01", "age-disputed": False,
        "sex": "female", "nationality": "AL", "languages": ["sq", "en"], "interpreter-needed": True,
    },
    "treated-as": "child", "age-basis": "under-18",
    "exploitation": ["sexual"], "indicators": ["control-methods"],
    "consent": {"status": "not-required-child"},
    "account": "Synthetic account text.",
}

ADULT_REFERRAL = {
    "kind": "referral", "v": 1, "id": "ref-2ABCDEFGHJ", "received": "2026-11-20",
    "first-responder": "salvation-army",
    "subject": {
        "id": "S-2001", "claimed-age": 30, "age-disputed": False, "sex": "male",
        "languages": [], "interpreter-needed": False,
    },
    "treated-as": "adult", "age-basis": "claimed-18-or-over",
    "exploitation": ["labour", "criminal"], "indicators": [],
    "consent": {"status": "signed", "signed-on": "2026-11-19"},
}

DISPUTED_REFERRAL = {
    "kind": "referral", "v": 1, "id": "ref-DISPUTED01", "received": "2026-11-20",
    "first-responder": "immigration",
    "subject": {
        "id": "S-3003", "claimed-age": 19, "age-disputed": True, "sex": "not-known",
        "languages": ["pt-br"], "interpreter-needed": True,
    },
    "treated-as": "child", "age-basis": "age-disputed",
    "exploitation": ["not-specified"], "indicators": [],
    "consent": {"status": "not-required-child"},
}

DUTY_TO_NOTIFY = {
    "kind": "duty-to-notify", "v": 1, "id": "dtn-7KQ2M9XD4B", "notified-on": "2026-11-20",
    "first-responder": "police", "treated-as": "adult", "consent": "refused",
    "sex": "female", "nationality": "RO", "exploitation": ["sexual"], "indicators": ["massage-parlours"],
}

DECISION = {
    "kind": "nrm-decision", "v": 1, "id": "dec-1", "referral": "ref-7KQ2M9XD4B",
    "stage": "rg", "outcome": "positive", "on": "2026-11-25",
}

RECONSIDERED = dict(DECISION, id="dec-2", on="2026-12-01", reconsideration=True)

VOID = {"kind": "void", "v": 1, "id": "void-1", "voids": "dec-1", "reason": "Entered on the wrong referral", "on": "2026-11-26"}

WITHDRAWAL = {
    "kind": "nrm-withdrawal", "v": 1, "id": "wdr-1", "referral": "ref-7KQ2M9XD4B", "on": "2026-12-01",
}

STATUS_PENDING = {
    "kind": "nrm-status", "v": 1, "referral": "ref-7KQ2M9XD4B", "subject": "S-1042",
    "as-of": "2026-11-23", "treated-as": "child", "received": "2026-11-20",
    "stage": "rg-pending", "rg-due": "2026-11-25",
    "outstanding": "rg-decision", "due": "2026-11-25", "overdue": False, "overdue-days": 0,
}

STATUS_CG_DECIDED = {
    "kind": "nrm-status", "v": 1, "referral": "ref-7KQ2M9XD4B", "subject": "S-1042",
    "as-of": "2027-02-01", "treated-as": "child", "received": "2026-11-20",
    "stage": "cg-negative", "rg-due": "2026-11-25",
    "rg-decided": "2026-11-24", "rg-outcome": "positive", "recovery-ends": "2027-01-08",
    "cg-due": "2027-01-08", "cg-decided": "2027-01-20", "cg-outcome": "negative",
    "overdue": False, "overdue-days": 0,
}

# Issue 12, rule 8: a CG decision dated inside the recovery period.
STATUS_EARLY_CG = {
    "kind": "nrm-status", "v": 1, "referral": "ref-7KQ2M9XD4B", "subject": "S-1042",
    "as-of": "2026-12-20", "treated-as": "child", "received": "2026-11-20",
    "stage": "rg-positive", "rg-due": "2026-11-25",
    "rg-decided": "2026-11-24", "rg-outcome": "positive", "recovery-ends": "2027-01-08",
    "cg-due": "2027-01-08", "cg-decided": "2026-12-15", "cg-outcome": "negative",
    "overdue": False, "overdue-days": 0, "early-cg": True, "action": "confirm-or-challenge-early-cg",
}

STATUS_WITHDRAWN = {
    "kind": "nrm-status", "v": 1, "referral": "ref-7KQ2M9XD4B", "subject": "S-1042",
    "as-of": "2026-12-05", "treated-as": "adult", "received": "2026-11-20",
    "stage": "withdrawn", "rg-due": "2026-11-25", "withdrawn": "2026-12-01",
    "overdue": False, "overdue-days": 0,
}

STATUS_OVERDUE = {
    "kind": "nrm-status", "v": 1, "referral": "ref-7KQ2M9XD4B", "subject": "S-1042",
    "as-of": "2026-11-28", "treated-as": "child", "received": "2026-11-20",
    "stage": "rg-pending", "rg-due": "2026-11-25",
    "outstanding": "rg-decision", "due": "2026-11-25", "overdue": True, "overdue-days": 3,
}

# Age assessment records, as age-assess writes them.
ASSESSMENT_WITH_GAPS = {
    "kind": "age-assessment", "v": 1, "id": "aa-1", "person": "S-7", "date": "2026-11-20",
    "claimed": {"age": 16}, "documents": "none", "assessors": [{"id": "SW-1", "trained": True}],
    "interpreter-needed": True, "interpreter": "none", "appropriate-adult": False, "purpose-explained": False,
    "adverse-points-put": False, "factors": ["physical", "psychological"], "reasons": "x",
    "outcome": "assessed-older", "assessed": {"min-age": 19, "max-age": 21}, "conclusion": "adult",
}

ASSESSMENT_SOUND = {
    "kind": "age-assessment", "v": 1, "id": "aa-2", "person": "S-8", "date": "2026-11-20",
    "claimed": {"dob": "2010-03-01"}, "documents": "genuine",
    "assessors": [{"id": "SW-1", "trained": True}, {"id": "SW-2", "trained": True}, {"id": "SW-3", "trained": False}],
    "interpreter-needed": True, "interpreter": "independent-professional", "appropriate-adult": True,
    "purpose-explained": True, "adverse-points-put": True, "factors": ["psychological", "cultural"],
    "reasons": "Synthetic reasons.", "outcome": "assessed-older", "assessed": {"dob": "2007-01-01"}, "conclusion": "adult",
}

ASSESSMENT_BARE = {
    "kind": "age-assessment", "v": 1, "id": "aa-3", "person": "S-9", "date": "2026-11-20",
    "claimed": {"age": 15}, "documents": "false-or-doubtful", "assessors": [],
    "interpreter-needed": False, "interpreter": "none", "appropriate-adult": False, "purpose-explained": False,
    "adverse-points-put": False, "factors": [], "outcome": "inconclusive", "conclusion": "child",
}

CHECK_WITH_GAPS = {
    "kind": "assessment-check", "v": 1, "assessment": "aa-1", "person": "S-7", "date": "2026-11-20", "sound": False,
    "gaps": [
        {"code": "fewer-than-two-trained-assessors", "message": "Fewer than two trained assessors took part."},
        {"code": "no-interpreter", "message": "The person needs an interpreter but none was used."},
    ],
}

CHECK_SOUND = {
    "kind": "assessment-check", "v": 1, "assessment": "aa-2", "person": "S-8", "date": "2026-11-20",
    "sound": True, "gaps": [],
}

AGE_STATUS_NO_SOUND = {
    "kind": "age-status", "v": 1, "person": "S-7", "as-of": "2026-11-23", "treated-as": "child",
    "basis": "age-disputed-no-sound-assessment", "assessments": 1, "latest-assessment": "aa-1",
    "latest-gaps": ["fewer-than-two-trained-assessors", "no-interpreter"],
    "why": [{"code": "no-sound-assessment", "assessment": "aa-1",
             "message": "No completed assessment free of gaps was made by the date: the person is treated as a child (SOLACE L312)."}],
}

AGE_STATUS_NO_ASSESSMENTS = {
    "kind": "age-status", "v": 1, "person": "S-11", "as-of": "2026-11-23", "treated-as": "child",
    "basis": "age-disputed-no-sound-assessment", "assessments": 0, "latest-gaps": [],
    "why": [{"code": "no-assessment", "message": "No age assessment was made by the date."}],
}

AGE_STATUS_SOUND_ADULT = {
    "kind": "age-status", "v": 1, "person": "S-8", "as-of": "2026-11-23", "treated-as": "adult",
    "basis": "sound-assessment", "assessment": "aa-2", "youngest-age": 19, "turns-18": "2025-01-01",
    "assessments": 1, "latest-assessment": "aa-2", "latest-gaps": [],
    "why": [{"code": "sound-assessment-decides", "assessment": "aa-2", "message": "The latest completed assessment is free of gaps."}],
}

AGE_STATUS_SOUND_CHILD = {
    "kind": "age-status", "v": 1, "person": "S-10", "as-of": "2026-11-23", "treated-as": "child",
    "basis": "sound-assessment", "assessment": "aa-4", "youngest-age": 15, "turns-18": "2029-11-20",
    "assessments": 2, "latest-assessment": "aa-5", "latest-gaps": ["no-reasons"],
    "why": [{"code": "sound-assessment-decides", "assessment": "aa-4", "message": "The latest completed assessment is free of gaps."},
            {"code": "later-inconclusive", "assessment": "aa-5", "message": "A later assessment was inconclusive."}],
}

# An age-status written before `why` existed still validates (an optional field keeps v 1).
AGE_STATUS_BEFORE_WHY = {k: v for k, v in AGE_STATUS_SOUND_ADULT.items() if k != "why"}

# Issue 12, rule 3: a sound adult finding, then a later finding of under 18.
AGE_STATUS_REOPENED = {
    "kind": "age-status", "v": 1, "person": "S-12", "as-of": "2026-11-23", "treated-as": "child",
    "basis": "reopened-by-later-assessment", "assessments": 2, "latest-assessment": "aa-7",
    "latest-gaps": ["physical-not-considered", "psychological-not-considered", "cultural-not-considered"],
    "why": [{"code": "later-finding-under-18", "assessment": "aa-7", "message": "A later completed assessment found the person under 18."},
            {"code": "earlier-sound-assessment-set-aside", "assessment": "aa-6", "message": "This earlier sound assessment no longer settles the age."}],
}

AGE_ON_DATE = {
    "kind": "age-on-date", "v": 1, "on": "2026-02-28", "age": 17, "treated-as": "child",
    "eighteenth-birthday": "2026-03-01",
}

AGE_ON_DATE_FROM_RECORD = {
    "kind": "age-on-date", "v": 1, "record": "ref-MEFHZYV8N1", "person": "S-1", "on": "2026-11-23", "age": 26,
    "treated-as": "adult", "eighteenth-birthday": "2018-01-01",
}

CLAIMED_AGE_RANGE = {
    "kind": "claimed-age-range", "v": 1, "on": "2026-11-23", "claimed-age": 16,
    "earliest-dob": "2009-11-24", "latest-dob": "2010-11-23", "treated-as": "child",
}

# Missing-from-care records, as missing-child writes them.
PLACEMENT = {
    "kind": "placement", "v": 1, "id": "plc-F8Y0P651CH", "child": "C-1", "dob": "2010-03-04",
    "placement": "Oak House", "start": "2026-11-20", "trafficking-concern": True,
}

MISSING_START_REPORTED = {
    "kind": "missing-start", "v": 1, "id": "ms-63K9V39WBN", "child": "C-1", "last-seen": "2026-11-22T21:00:00Z",
    "type": "missing", "from": "Oak House", "reported-to-police": "2026-11-22T22:15:00Z",
    "police-reference": "PR/123", "may-have-been-moved": True,
}

MISSING_START_AWAY = {
    "kind": "missing-start", "v": 1, "id": "ms-J6NSNGPC32", "child": "C-3", "last-seen": "2026-11-22T23:00:00-05:00",
    "type": "away", "may-have-been-moved": False,
}

MISSING_RETURN = {
    "kind": "missing-return", "v": 1, "id": "mr-NAKST1QHX3", "child": "C-2", "returned": "2026-11-11T09:00:00Z",
    "found-at": "Town centre",
}

MISSING_RETURN_BARE = {
    "kind": "missing-return", "v": 1, "id": "mr-BY7MQX2V7T", "child": "C-4", "returned": "2026-11-02T08:00:00.5+01:00",
}

MISSING_RETURN_TO_PLACEMENT = {
    "kind": "missing-return", "v": 1, "id": "mr-PL4CEMENT1", "child": "C-2", "returned": "2026-11-11T09:00:00Z", "to": "placement",
}

MISSING_RETURN_RELEASED = {
    "kind": "missing-return", "v": 1, "id": "mr-RELEASED01", "child": "C-2", "returned": "2026-11-11T09:00:00Z", "to": "other-adult",
    "enquiries-done": True, "child-photo-id": True, "adult-photo-id": False,
}

CONCERN_LIFTED = {
    "kind": "trafficking-concern", "v": 1, "id": "tc-1", "child": "C-1", "concern": "lifted", "on": "2026-12-01",
    "reason": "Synthetic reason.",
}

CONCERN_RAISED = {"kind": "trafficking-concern", "v": 1, "id": "tc-2", "child": "C-1", "concern": "raised", "on": "2026-12-02"}

NOTIFICATION = {
    "kind": "missing-notification", "v": 1, "id": "mn-1", "child": "C-1", "agency": "home-office", "at": "2026-11-22T23:00:00Z",
}

MISSING_REVIEW = {
    "kind": "missing-review", "v": 1, "id": "mrv-1", "child": "C-1", "held": "2026-11-25", "by": ["police", "childrens-social-care"],
}

INTERVIEW_DONE = {
    "kind": "return-interview", "v": 1, "id": "ri-R1E8DD7RBJ", "child": "C-2", "status": "done",
    "at": "2026-11-12T10:00:00Z", "by": "SW-7", "independent": True,
}

INTERVIEW_REFUSED = {
    "kind": "return-interview", "v": 1, "id": "ri-7D91XB5D3X", "child": "C-4", "status": "refused",
    "at": "2026-11-03T08:00:00Z", "independent": False,
}

STATUS_MISSING_NOW = {
    "kind": "missing-status", "v": 1, "child": "C-1", "as-of": "2026-11-23T08:00:00Z", "missing-now": True,
    "type": "missing", "since": "2026-11-22T21:00:00Z", "hours-missing": 11, "police-not-notified": False,
    "episodes-in-window": 1, "window-days": 90, "repeat": False, "interview-outstanding": False,
    "interview-overdue": False, "trafficking-concern": True, "placement": "Oak House", "placement-start": "2026-11-20",
    "high-risk-window": True, "notify": ["police", "home-office", "missing-people"], "not-notified": ["missing-people"],
    "nrm-referral": True, "action-needed": True,
    "actions": [{"code": "missing-now", "message": "missing since 2026-11-22T21:00:00Z (11 hours)"},
                {"code": "agencies-not-notified", "message": "not told: missing-people"}],
}

STATUS_RETURNED_INTERVIEWED = {
    "kind": "missing-status", "v": 1, "child": "C-2", "as-of": "2026-11-23T08:00:00Z", "missing-now": False,
    "police-not-notified": False, "episodes-in-window": 1, "window-days": 90, "repeat": False,
    "last-returned": "2026-11-11T09:00:00Z", "interview": "done", "interview-due": "2026-11-14T09:00:00Z",
    "interview-outstanding": False, "interview-overdue": False, "trafficking-concern": False,
    "placement": "Elm Lodge", "placement-start": "2026-09-01", "high-risk-window": False, "review-outstanding": False,
    "release-unchecked": False, "action-needed": False, "actions": [],
}

STATUS_INTERVIEW_OVERDUE = {
    "kind": "missing-status", "v": 1, "child": "C-5", "as-of": "2026-11-23T08:00:00Z", "missing-now": False,
    "police-not-notified": False, "episodes-in-window": 1, "window-days": 90, "repeat": False,
    "last-returned": "2026-11-16T08:00:00Z", "interview": "offered", "interview-due": "2026-11-19T08:00:00Z",
    "interview-outstanding": True, "interview-overdue": True, "trafficking-concern": True, "placement": "Elm Lodge",
    "placement-start": "2026-10-01", "high-risk-window": False, "notify": [], "not-notified": [], "nrm-referral": True,
    "action-needed": True, "actions": [{"code": "interview-overdue", "message": "the return interview is overdue"}],
}

STATUS_POLICE_NOT_TOLD = {
    "kind": "missing-status", "v": 1, "child": "C-3", "as-of": "2026-11-23T08:00:00Z", "missing-now": True,
    "type": "missing", "since": "2026-11-22T23:00:00-05:00", "hours-missing": 4, "police-not-notified": True,
    "episodes-in-window": 1, "window-days": 90, "repeat": False, "interview-outstanding": False,
    "interview-overdue": False, "trafficking-concern": False, "high-risk-window": False, "action-needed": True,
}

STATUS_MISSING_AGAIN = {
    "kind": "missing-status", "v": 1, "child": "D-1", "as-of": "2026-11-23T08:00:00Z", "missing-now": True,
    "type": "away", "since": "2026-11-22T10:00:00Z", "hours-missing": 22, "police-not-notified": False,
    "episodes-in-window": 4, "window-days": 90, "repeat": True, "last-returned": "2026-11-09T20:00:00Z",
    "interview-due": "2026-11-12T20:00:00Z", "interview-outstanding": True, "interview-overdue": True,
    "trafficking-concern": True, "placement": "Ash Court", "placement-start": "2026-11-21", "high-risk-window": True,
    "notify": ["police", "home-office"], "not-notified": [], "nrm-referral": True, "action-needed": True,
}

STATUS_REPEAT_NO_REVIEW = {
    "kind": "missing-status", "v": 1, "child": "D-2", "as-of": "2026-11-23T08:00:00Z", "missing-now": False,
    "police-not-notified": False, "episodes-in-window": 3, "window-days": 90, "repeat": True, "last-review": "2026-10-01",
    "review-outstanding": True, "last-returned": "2026-11-20T20:00:00Z", "release-unchecked": True, "interview": "done",
    "interview-due": "2026-11-23T20:00:00Z", "interview-outstanding": False, "interview-overdue": False,
    "trafficking-concern": True, "high-risk-window": False, "notify": [], "not-notified": [], "nrm-referral": False,
    "action-needed": True,
    "actions": [{"code": "review-outstanding", "message": "repeat: 3 episodes in 90 days; no review since 20 Nov 2026"},
                {"code": "release-unchecked", "message": "released to other-adult without adult-photo-id"},
                {"code": "no-nrm-referral", "message": "trafficking concern and no NRM referral"}],
}

PLACEMENT_SUMMARY = {
    "kind": "placement-summary", "v": 1, "placement": "Elm Lodge", "as-of": "2026-11-23T08:00:00Z",
    "window-days": 90, "episodes": 2, "children": 2, "hours-missing": 34,
}

PLACEMENT_SUMMARY_NOT_RECORDED = {
    "kind": "placement-summary", "v": 1, "placement": "(not recorded)", "as-of": "2026-11-23T08:00:00Z",
    "window-days": 90, "episodes": 2, "children": 2, "hours-missing": 24,
}

# Care-plan records, as care-plan writes them (Miss G's plan from HESTIA, and a child's).
ADULT_PLAN = {
    "kind": "care-plan", "v": 1, "id": "cp-1", "person": "S-1", "date": "2026-10-01", "treated-as": "adult",
    "nationality": "AL", "lead-professional": "SW-1",
    "needs": [{"domain": "accommodation", "status": "open"}, {"domain": "income-benefits", "status": "open"}],
    "risk": {"community-safe": "high", "understands": "medium"}, "safety-plan-reviewed": "2026-10-01",
    "agencies": [{"agency": "police", "informed": False}], "papers-complete": False,
    "interpreter": {"arrangement": "independent-professional", "knows-person": False},
    "adult": {"recourse-to-public-funds": False, "additional-needs": ["mental-health"]},
}

CHILD_PLAN = {
    "kind": "care-plan", "v": 1, "id": "cp-2", "person": "S-2", "date": "2026-10-01", "treated-as": "child",
    "nationality": "VN", "lead-professional": "SW-2", "needs": [{"domain": "safety", "status": "open"}],
    "risk": {"abduction": "high"}, "agencies": [], "papers-complete": False,
    "interpreter": {"arrangement": "independent-professional", "knows-person": False},
    "child": {
        "missing-strategy": "Synthetic strategy.", "notify-if-missing": ["police", "home-office"],
        "placement": "specialist-foster-care", "safe-house-needed": False, "head-of-service-notified": False,
        "strategy-meeting-held": True, "family-role-assessed": False,
    },
}

CHILD_PLAN_BARE = {
    "kind": "care-plan", "v": 1, "id": "cp-3", "person": "S-3", "date": "2026-10-01", "treated-as": "child",
    "needs": [], "risk": {}, "agencies": [], "papers-complete": False,
    "interpreter": {"arrangement": "not-needed", "knows-person": False},
    "child": {"notify-if-missing": [], "head-of-service-notified": False, "strategy-meeting-held": False, "family-role-assessed": False},
}

# A child's plan with the fields added for issue 14 (the plans above are older ones, which still read).
CHILD_PLAN_FULL = {
    "kind": "care-plan", "v": 1, "id": "cp-5", "person": "S-5", "date": "2026-10-01", "treated-as": "child",
    "claimed-age-range": {"earliest-dob": "2009-10-02", "latest-dob": "2010-10-01"}, "age-disputed": True,
    "lead-professional": "SW-2", "exploitation": ["criminal", "labour"],
    "needs": [{"domain": "education", "status": "open"}],
    "risk": {"community-safe": "low", "public-funds": "medium", "understands": "low", "can-keep-safe": "low",
             "family-friends-risk": "high", "abduction": "low", "going-missing": "high"},
    "agencies": [{"agency": "police", "informed": True}, {"agency": "adult-social-care", "informed": False}],
    "exit-informed": [{"agency": "police", "date": "2026-12-01"}], "support-checklist": ["aim-of-service", "rights-in-uk"],
    "papers-complete": False, "interpreter": {"arrangement": "independent-professional", "knows-person": False},
    "non-criminalisation": {"considered": "2026-10-02", "police-told": True, "cps-told": False},
    "child": {
        "notify-if-missing": ["police", "home-office"], "placement": "private-fostering", "placement-start": "2026-10-01",
        "private-fostering-notified": "2026-10-02", "head-of-service-notified": False, "strategy-meeting-held": True,
        "family-role-assessed": True, "family-complicit": True, "household-children": [{"child": "S-6", "assessed": False}],
        "risks-considered": ["cse", "missing", "trafficking"],
    },
}

CHILD_PLAN_WITH_DOB = {**CHILD_PLAN_BARE, "id": "cp-6", "dob": "2011-01-01", "age-disputed": False}

PLAN_REVIEW_EXIT = {
    "kind": "care-plan-review", "v": 1, "id": "rv-EX1T000001", "plan": "cp-5", "date": "2026-12-02",
    "changes": {
        "exit-informed": [{"agency": "adult-social-care", "date": "2026-12-02"}], "support-checklist": ["other-services", "police-concerns"],
        "non-criminalisation": {"cps-told": True}, "exploitation": ["criminal"],
        "child": {"household-children": [{"child": "S-6", "assessed": True}], "risks-considered": ["cse"], "family-complicit": False},
    },
}

PLAN_CHECK_STATUS = {
    "kind": "care-plan-check", "v": 1, "plan": "cp-7", "as-of": "2028-01-20", "treated-as": "adult", "made-as": "child",
    "age-basis": "18-or-over",
    "problems": [{"code": "age-group-changed", "message": "x", "detail": "made as child; treated as adult on 2028-01-20 (18-or-over)"}],
}

PLAN_EXIT_RULES = {
    "kind": "care-plan-exit", "v": 1, "plan": "cp-5", "as-of": "2026-12-05", "treated-as": "child", "made-as": "child", "ready": False,
    "unmet": [
        {"criterion": "every-agency-informed", "message": "x", "detail": "not told of the exit: adult-social-care"},
        {"criterion": "plan-rules-kept", "problem": "household-child-not-assessed", "message": "x", "detail": "household-child-not-assessed: child S-6"},
        {"criterion": "plan-rules-kept", "problem": "cps-not-told-of-trafficking", "message": "x", "detail": "cps-not-told-of-trafficking: recorded as not told"},
    ],
}

PLAN_REVIEW = {
    "kind": "care-plan-review", "v": 1, "id": "rv-B7F36F4GQ8", "plan": "cp-1", "date": "2026-11-01",
    "changes": {
        "needs": [{"domain": "accommodation", "status": "met"}], "risk": {"community-safe": "low"},
        "agencies": [{"agency": "police", "informed": True}], "papers-complete": True,
    },
    "note": "Synthetic note.",
}

PLAN_REVIEW_CHILD = {
    "kind": "care-plan-review", "v": 1, "id": "rv-7AJN94WWEP", "plan": "cp-2", "date": "2026-11-01",
    "changes": {
        "interpreter": {"arrangement": "community", "knows-person": True},
        "child": {"missing-strategy": "Synthetic strategy.", "head-of-service-notified": True},
    },
}

PLAN_REVIEW_NOTE_ONLY = {
    "kind": "care-plan-review", "v": 1, "id": "rv-7N1GW9A1M0", "plan": "cp-3", "date": "2026-11-01",
    "changes": {}, "note": "Synthetic note.",
}

PLAN_ACTION = {
    "kind": "care-plan-action", "v": 1, "id": "pa-1Q05E2H94Z", "plan": "cp-1", "date": "2026-10-01", "action": "act-1",
    "need": "accommodation", "description": "Synthetic description.", "owner": "Hestia", "due": "2026-10-15", "status": "open",
}

PLAN_ACTION_BARE = {
    "kind": "care-plan-action", "v": 1, "id": "pa-J66WJYTH3N", "plan": "cp-1", "date": "2026-10-01", "action": "act-2",
    "need": "income-benefits", "owner": "DWP", "due": "2026-12-15", "status": "signposted",
}

PLAN_ACTION_KIND = {**PLAN_ACTION_BARE, "id": "pa-KIND000001", "action": "act-9", "action-kind": "transition"}

PLAN_CHECK = {
    "kind": "care-plan-check", "v": 1, "plan": "cp-3", "as-of": "2026-11-20",
    "problems": [
        {"code": "child-no-missing-strategy", "message": "A child's plan must say how going missing will be prevented and managed."},
        {"code": "action-overdue", "message": "An action is past its due date.", "detail": "action act-1 (accommodation, Hestia) was due 2026-10-15"},
        {"code": "action-overdue", "message": "An action is past its due date.", "detail": "action act-3 (medical, GP) was due 2026-10-20"},
        {"code": "safety-plan-stale", "message": "The safety plan has not been reviewed recently enough.", "detail": "there is no safety plan"},
    ],
}

PLAN_CHECK_CLEAN = {"kind": "care-plan-check", "v": 1, "plan": "cp-4", "as-of": "2026-11-20", "problems": []}

PLAN_EXIT = {
    "kind": "care-plan-exit", "v": 1, "plan": "cp-1", "as-of": "2026-11-20", "ready": False,
    "unmet": [
        {"criterion": "targets-met-or-signposted", "message": "Every target of the plan is met, or signposted elsewhere",
         "detail": "needs open: income-benefits; actions open: act-1, act-2"},
        {"criterion": "safety-plan-current", "message": "The safety plan is current", "detail": "last reviewed 2026-10-01"},
    ],
}

PLAN_EXIT_READY = {"kind": "care-plan-exit", "v": 1, "plan": "cp-4", "as-of": "2026-11-20", "ready": True, "unmet": []}

PLAN_SUMMARY = {
    "kind": "care-plan-summary", "v": 1, "as-of": "2026-11-20",
    "plan": {**ADULT_PLAN, "needs": [{"domain": "accommodation", "status": "met"}, {"domain": "income-benefits", "status": "open"}],
             "risk": {"community-safe": "low", "understands": "medium"}, "agencies": [{"agency": "police", "informed": True}],
             "papers-complete": True},
    "actions": [PLAN_ACTION, {**PLAN_ACTION_BARE, "status": "open"}],
    "problems": ["action-overdue", "safety-plan-stale"],
    "unmet-exit-criteria": ["targets-met-or-signposted", "safety-plan-current"],
}

PLAN_SUMMARY_CHILD = {
    "kind": "care-plan-summary", "v": 1, "as-of": "2026-11-20", "plan": CHILD_PLAN, "actions": [],
    "problems": ["abduction-risk-no-safe-house", "safety-plan-stale"],
    "unmet-exit-criteria": ["risk-significantly-reduced", "every-agency-informed", "targets-met-or-signposted",
                            "safety-plan-current", "papers-complete"],
}

VALID = [CHILD_REFERRAL, ADULT_REFERRAL, DISPUTED_REFERRAL, DUTY_TO_NOTIFY, DECISION, RECONSIDERED, VOID, WITHDRAWAL,
         STATUS_PENDING, STATUS_CG_DECIDED, STATUS_WITHDRAWN, STATUS_OVERDUE, STATUS_EARLY_CG,
         ASSESSMENT_WITH_GAPS, ASSESSMENT_SOUND, ASSESSMENT_BARE, CHECK_WITH_GAPS, CHECK_SOUND,
         AGE_STATUS_NO_SOUND, AGE_STATUS_NO_ASSESSMENTS, AGE_STATUS_SOUND_ADULT, AGE_STATUS_SOUND_CHILD, AGE_STATUS_REOPENED,
         AGE_STATUS_BEFORE_WHY,
         AGE_ON_DATE, AGE_ON_DATE_FROM_RECORD, CLAIMED_AGE_RANGE,
         PLACEMENT, MISSING_START_REPORTED, MISSING_START_AWAY, MISSING_RETURN, MISSING_RETURN_BARE,
         INTERVIEW_DONE, INTERVIEW_REFUSED, STATUS_MISSING_NOW, STATUS_RETURNED_INTERVIEWED, STATUS_INTERVIEW_OVERDUE,
         STATUS_POLICE_NOT_TOLD, STATUS_MISSING_AGAIN, PLACEMENT_SUMMARY, PLACEMENT_SUMMARY_NOT_RECORDED,
         MISSING_RETURN_TO_PLACEMENT, MISSING_RETURN_RELEASED, CONCERN_LIFTED, CONCERN_RAISED, NOTIFICATION, MISSING_REVIEW,
         STATUS_REPEAT_NO_REVIEW,
         ADULT_PLAN, CHILD_PLAN, CHILD_PLAN_BARE, PLAN_REVIEW, PLAN_REVIEW_CHILD, PLAN_REVIEW_NOTE_ONLY,
         PLAN_ACTION, PLAN_ACTION_BARE, PLAN_CHECK, PLAN_CHECK_CLEAN, PLAN_EXIT, PLAN_EXIT_READY,
         PLAN_SUMMARY, PLAN_SUMMARY_CHILD, CHILD_PLAN_FULL, CHILD_PLAN_WITH_DOB, PLAN_REVIEW_EXIT, PLAN_ACTION_KIND,
         PLAN_CHECK_STATUS, PLAN_EXIT_RULES,
         {**PLAN_SUMMARY_CHILD, "plan": CHILD_PLAN_FULL, "treated-as": "child", "made-as": "child", "age-basis": "age-disputed",
          "problems": ["household-child-not-assessed", "cps-not-told-of-trafficking"],
          "unmet-exit-criteria": ["every-agency-informed", "plan-rules-kept"], "actions": [PLAN_ACTION_KIND]}]


def edit(record, change):
    """A deep copy of record with change(copy) applied."""
    r = copy.deepcopy(record)
    change(r)
    return r


def setting(**fields):
    return lambda r: r.update({k.replace("_", "-"): v for k, v in fields.items()})


def dropping(*names):
    return lambda r: [r.pop(n) for n in names]


def in_subject(change):
    return lambda r: change(r["subject"])


def inside(name, change):
    return lambda r: change(r[name])


INVALID = {
    # referral: consent and age rules
    "adult referral without consent": edit(ADULT_REFERRAL, setting(consent={"status": "not-required-child"})),
    "adult referral with no consent field": edit(ADULT_REFERRAL, dropping("consent")),
    "adult referral on a child age basis": edit(ADULT_REFERRAL, setting(age_basis="claimed-under-18")),
    "child referral on an adult age basis": edit(CHILD_REFERRAL, setting(age_basis="18-or-over")),
    "child referral recorded as signed": edit(CHILD_REFERRAL, setting(consent={"status": "signed", "signed-on": "2026-11-20"})),
    "signed consent without a date": edit(ADULT_REFERRAL, setting(consent={"status": "signed"})),
    "not-required-child with a signed-on date": edit(CHILD_REFERRAL, setting(consent={"status": "not-required-child", "signed-on": "2026-11-20"})),
    "consent status unknown": edit(ADULT_REFERRAL, setting(consent={"status": "verbal", "signed-on": "2026-11-19"})),
    "referral with both dob and claimed-age": edit(CHILD_REFERRAL, in_subject(setting(claimed_age=16))),
    "referral with neither dob nor claimed-age": edit(CHILD_REFERRAL, in_subject(dropping("dob"))),
    "claimed age over 120": edit(ADULT_REFERRAL, in_subject(setting(claimed_age=121))),
    "claimed age not an integer": edit(ADULT_REFERRAL, in_subject(setting(claimed_age=30.5))),
    "age-basis age-disputed but subject not disputed": edit(DISPUTED_REFERRAL, in_subject(setting(age_disputed=False))),
    "subject disputed but age-basis by claim": edit(DISPUTED_REFERRAL, setting(age_basis="claimed-under-18")),
    "dob basis without dob": edit(ADULT_REFERRAL, setting(age_basis="18-or-over")),
    "subject without age-disputed": edit(CHILD_REFERRAL, in_subject(dropping("age-disputed"))),
    "subject without languages": edit(CHILD_REFERRAL, in_subject(dropping("languages"))),
    "repeated language": edit(CHILD_REFERRAL, in_subject(setting(languages=["en", "en"]))),
    "bad language tag": edit(CHILD_REFERRAL, in_subject(setting(languages=["EN"]))),
    "lower-case nationality": edit(CHILD_REFERRAL, in_subject(setting(nationality="al"))),
    "unknown sex code": edit(CHILD_REFERRAL, in_subject(setting(sex="f"))),
    "unknown first responder": edit(CHILD_REFERRAL, setting(first_responder="school")),
    "unknown competent authority": edit(CHILD_REFERRAL, setting(competent_authority="home-office")),
    "unknown exploitation code": edit(CHILD_REFERRAL, setting(exploitation=["slavery"])),
    "empty exploitation": edit(CHILD_REFERRAL, setting(exploitation=[])),
    "repeated exploitation": edit(CHILD_REFERRAL, setting(exploitation=["sexual", "sexual"])),
    "indicator not kebab-case": edit(CHILD_REFERRAL, setting(indicators=["Control_Methods"])),
    "repeated indicator": edit(CHILD_REFERRAL, setting(indicators=["street", "street"])),
    "bad date pattern": edit(CHILD_REFERRAL, setting(received="20/11/2026")),
    "date without dashes": edit(CHILD_REFERRAL, setting(received="20261120")),
    "impossible date": edit(CHILD_REFERRAL, setting(received="2026-02-30")),
    "bad dob pattern": edit(CHILD_REFERRAL, in_subject(setting(dob="2009-5-1"))),
    "id with a space": edit(CHILD_REFERRAL, setting(id="ref 1")),
    "id with a trailing newline": edit(CHILD_REFERRAL, setting(id="ref-1\n")),
    "subject id starting with a dash": edit(CHILD_REFERRAL, in_subject(setting(id="-S1"))),
    "id longer than 64": edit(CHILD_REFERRAL, setting(id="r" * 65)),
    "empty name": edit(CHILD_REFERRAL, in_subject(setting(name=""))),
    "unknown property on referral": edit(CHILD_REFERRAL, setting(address="1 High Street")),
    "unknown property on subject": edit(CHILD_REFERRAL, in_subject(setting(address="1 High Street"))),
    "unknown property on consent": edit(ADULT_REFERRAL, setting(consent={"status": "signed", "signed-on": "2026-11-19", "witness": "x"})),
    "wrong schema version": edit(CHILD_REFERRAL, setting(v=2)),
    "version as a boolean": edit(CHILD_REFERRAL, setting(v=True)),
    "missing treated-as": edit(CHILD_REFERRAL, dropping("treated-as")),
    # duty-to-notify: nothing identifying
    "duty-to-notify with a name": edit(DUTY_TO_NOTIFY, setting(name="Test Person")),
    "duty-to-notify with a subject": edit(DUTY_TO_NOTIFY, setting(subject={"id": "S-1042"})),
    "duty-to-notify with a subject id": edit(DUTY_TO_NOTIFY, setting(subject="S-1042")),
    "duty-to-notify with a dob": edit(DUTY_TO_NOTIFY, setting(dob="1990-01-01")),
    "duty-to-notify with an account": edit(DUTY_TO_NOTIFY, setting(account="Synthetic account text.")),
    "duty-to-notify with an address": edit(DUTY_TO_NOTIFY, setting(address="1 High Street")),
    "duty-to-notify for a child": edit(DUTY_TO_NOTIFY, setting(treated_as="child")),
    "duty-to-notify with consent signed": edit(DUTY_TO_NOTIFY, setting(consent="signed")),
    "duty-to-notify without exploitation": edit(DUTY_TO_NOTIFY, setting(exploitation=[])),
    "duty-to-notify without indicators": edit(DUTY_TO_NOTIFY, dropping("indicators")),
    # decisions and withdrawals
    "decision with unknown stage": edit(DECISION, setting(stage="final")),
    "decision reconsideration false": edit(DECISION, setting(reconsideration=False)),
    "void without reason": edit(VOID, dropping("reason")),
    "void with blank reason": edit(VOID, setting(reason="  ")),
    "void of a bad id": edit(VOID, setting(voids="not an id")),
    "void with an extra field": edit(VOID, setting(note="x")),
    "decision with unknown outcome": edit(DECISION, setting(outcome="deferred")),
    "decision without date": edit(DECISION, dropping("on")),
    "decision with bad date": edit(DECISION, setting(on="2026-11-25T10:00:00Z")),
    "withdrawal without referral": edit(WITHDRAWAL, dropping("referral")),
    "withdrawal with reason": edit(WITHDRAWAL, setting(reason="free text")),
    # nrm-status
    "nrm-status with outstanding but no due": edit(STATUS_PENDING, dropping("due")),
    "nrm-status with due but no outstanding": edit(STATUS_WITHDRAWN, setting(due="2026-11-25")),
    "nrm-status rg-pending with nothing outstanding": edit(STATUS_PENDING, dropping("outstanding", "due")),
    "nrm-status rg-pending with cg outstanding": edit(STATUS_PENDING, setting(outstanding="cg-decision")),
    "nrm-status rg-decided without outcome": edit(STATUS_CG_DECIDED, dropping("rg-outcome", "recovery-ends")),
    "nrm-status rg-outcome without date": edit(STATUS_CG_DECIDED, dropping("rg-decided")),
    "nrm-status cg-decided without outcome": edit(STATUS_CG_DECIDED, dropping("cg-outcome")),
    "nrm-status cg-outcome without date": edit(STATUS_CG_DECIDED, dropping("cg-decided")),
    "nrm-status recovery after negative rg": edit(STATUS_CG_DECIDED, setting(rg_outcome="negative")),
    "nrm-status recovery without rg": edit(STATUS_WITHDRAWN, setting(recovery_ends="2027-01-08")),
    "nrm-status negative overdue days": edit(STATUS_OVERDUE, setting(overdue_days=-1)),
    "nrm-status without overdue": edit(STATUS_PENDING, dropping("overdue")),
    "nrm-status unknown stage": edit(STATUS_PENDING, setting(stage="submitted")),
    "nrm-status unknown property": edit(STATUS_PENDING, setting(note="x")),
    "nrm-status early-cg without action": edit(STATUS_EARLY_CG, dropping("action")),
    "nrm-status action without early-cg": edit(STATUS_CG_DECIDED, setting(action="confirm-or-challenge-early-cg")),
    "nrm-status early-cg false": edit(STATUS_EARLY_CG, setting(early_cg=False)),
    "nrm-status early-cg without a cg decision": edit(STATUS_EARLY_CG, dropping("cg-decided", "cg-outcome")),
    "nrm-status early-cg with a decision outstanding": edit(STATUS_EARLY_CG, setting(outstanding="cg-decision", due="2027-01-08")),
    "nrm-status early-cg at rg-pending": edit(STATUS_EARLY_CG, setting(stage="rg-pending")),
    "nrm-status unknown action": edit(STATUS_EARLY_CG, setting(action="ignore")),
    # age-assessment
    "assessment with both claimed dob and age": edit(ASSESSMENT_WITH_GAPS, inside("claimed", setting(dob="2010-03-01"))),
    "assessment with an empty claim": edit(ASSESSMENT_WITH_GAPS, setting(claimed={})),
    "assessment without a claim": edit(ASSESSMENT_WITH_GAPS, dropping("claimed")),
    "claimed age 121": edit(ASSESSMENT_WITH_GAPS, setting(claimed={"age": 121})),
    "claimed age negative": edit(ASSESSMENT_WITH_GAPS, setting(claimed={"age": -1})),
    "claimed age not an integer in an assessment": edit(ASSESSMENT_WITH_GAPS, setting(claimed={"age": 16.5})),
    "claimed dob not a date": edit(ASSESSMENT_SOUND, setting(claimed={"dob": "2010-02-30"})),
    "unknown property on claimed": edit(ASSESSMENT_WITH_GAPS, inside("claimed", setting(name="x"))),
    "unknown documents code": edit(ASSESSMENT_WITH_GAPS, setting(documents="passport")),
    "unknown interpreter code": edit(ASSESSMENT_WITH_GAPS, setting(interpreter="family")),
    "unknown outcome code": edit(ASSESSMENT_WITH_GAPS, setting(outcome="assessed-adult")),
    "unknown factor code": edit(ASSESSMENT_WITH_GAPS, setting(factors=["dental"])),
    "repeated factor": edit(ASSESSMENT_WITH_GAPS, setting(factors=["physical", "physical"])),
    "conclusion not child or adult": edit(ASSESSMENT_WITH_GAPS, setting(conclusion="unknown")),
    "an assessor without trained": edit(ASSESSMENT_WITH_GAPS, setting(assessors=[{"id": "SW-1"}])),
    "an assessor without an id": edit(ASSESSMENT_WITH_GAPS, setting(assessors=[{"trained": True}])),
    "an assessor with a name": edit(ASSESSMENT_WITH_GAPS, setting(assessors=[{"id": "SW-1", "trained": True, "name": "A Person"}])),
    "an assessor as a bare id": edit(ASSESSMENT_WITH_GAPS, setting(assessors=["SW-1"])),
    "an assessor with a bad id": edit(ASSESSMENT_WITH_GAPS, setting(assessors=[{"id": "SW 1", "trained": True}])),
    "assessment without interpreter-needed": edit(ASSESSMENT_WITH_GAPS, dropping("interpreter-needed")),
    "assessment without factors": edit(ASSESSMENT_WITH_GAPS, dropping("factors")),
    "empty reasons": edit(ASSESSMENT_WITH_GAPS, setting(reasons="")),
    "null reasons": edit(ASSESSMENT_WITH_GAPS, setting(reasons=None)),
    "assessed with dob and a range": edit(ASSESSMENT_WITH_GAPS, inside("assessed", setting(dob="2007-01-01"))),
    "assessed with only min-age": edit(ASSESSMENT_WITH_GAPS, inside("assessed", dropping("max-age"))),
    "assessed with dob and min-age": edit(ASSESSMENT_SOUND, inside("assessed", setting(min_age=19))),
    "assessed empty": edit(ASSESSMENT_WITH_GAPS, setting(assessed={})),
    "assessed max-age 121": edit(ASSESSMENT_WITH_GAPS, inside("assessed", setting(max_age=121))),
    "unknown property on assessed": edit(ASSESSMENT_WITH_GAPS, inside("assessed", setting(age=20))),
    "unknown property on assessment": edit(ASSESSMENT_WITH_GAPS, setting(notes="x")),
    "assessment with a bad person id": edit(ASSESSMENT_WITH_GAPS, setting(person="S 7")),
    # assessment-check
    "assessment-check with an unknown gap code": edit(CHECK_WITH_GAPS, setting(gaps=[{"code": "no-lawyer", "message": "x"}])),
    "assessment-check gap without message": edit(CHECK_WITH_GAPS, setting(gaps=[{"code": "no-reasons"}])),
    "assessment-check gap as a bare code": edit(CHECK_WITH_GAPS, setting(gaps=["no-reasons"])),
    "assessment-check gap with an extra field": edit(CHECK_WITH_GAPS, setting(gaps=[{"code": "no-reasons", "message": "x", "severity": 1}])),
    "assessment-check repeated gap": edit(CHECK_WITH_GAPS, setting(gaps=[CHECK_WITH_GAPS["gaps"][0]] * 2)),
    "assessment-check sound with gaps": edit(CHECK_WITH_GAPS, setting(sound=True)),
    "assessment-check without sound": edit(CHECK_SOUND, dropping("sound")),
    "assessment-check with an id instead of assessment": edit(CHECK_SOUND, lambda r: r.update({"id": r.pop("assessment")})),
    # age-status
    "age-status sound-assessment but no assessment": edit(AGE_STATUS_SOUND_ADULT, dropping("assessment")),
    "age-status sound-assessment but no youngest-age": edit(AGE_STATUS_SOUND_ADULT, dropping("youngest-age")),
    "age-status sound-assessment with no assessments": edit(AGE_STATUS_SOUND_ADULT, setting(assessments=0)),
    "age-status no sound assessment but treated as adult": edit(AGE_STATUS_NO_SOUND, setting(treated_as="adult")),
    "age-status no sound assessment but names one": edit(AGE_STATUS_NO_SOUND, setting(assessment="aa-1")),
    "age-status no sound assessment but a youngest age": edit(AGE_STATUS_NO_SOUND, setting(youngest_age=16)),
    "age-status youngest age 15 treated as adult": edit(AGE_STATUS_SOUND_CHILD, setting(treated_as="adult")),
    "age-status youngest age 19 treated as child": edit(AGE_STATUS_SOUND_ADULT, setting(treated_as="child")),
    "age-status negative youngest age": edit(AGE_STATUS_SOUND_CHILD, setting(youngest_age=-1)),
    "age-status unknown basis": edit(AGE_STATUS_NO_SOUND, setting(basis="claimed")),
    "age-status unknown gap code": edit(AGE_STATUS_NO_SOUND, setting(latest_gaps=["no-lawyer"])),
    "age-status repeated gap code": edit(AGE_STATUS_NO_SOUND, setting(latest_gaps=["no-reasons", "no-reasons"])),
    "age-status negative assessments": edit(AGE_STATUS_NO_ASSESSMENTS, setting(assessments=-1)),
    "age-status assessments but no latest": edit(AGE_STATUS_NO_SOUND, dropping("latest-assessment")),
    "age-status latest without assessments": edit(AGE_STATUS_NO_ASSESSMENTS, setting(latest_assessment="aa-1")),
    "age-status without latest-gaps": edit(AGE_STATUS_NO_SOUND, dropping("latest-gaps")),
    "age-status bad turns-18": edit(AGE_STATUS_SOUND_ADULT, setting(turns_18="2025-1-1")),
    "age-status empty why": edit(AGE_STATUS_SOUND_ADULT, setting(why=[])),
    "age-status unknown reason code": edit(AGE_STATUS_SOUND_ADULT, setting(why=[{"code": "looked-old", "assessment": "aa-2", "message": "x"}])),
    "age-status reason without its assessment": edit(AGE_STATUS_SOUND_ADULT, setting(why=[{"code": "sound-assessment-decides", "message": "x"}])),
    "age-status no-assessment citing one": edit(AGE_STATUS_NO_ASSESSMENTS, setting(why=[{"code": "no-assessment", "assessment": "aa-1", "message": "x"}])),
    "age-status reopened but treated as adult": edit(AGE_STATUS_REOPENED, setting(treated_as="adult")),
    "age-status reopened but relies on an assessment": edit(AGE_STATUS_REOPENED, setting(assessment="aa-6")),
    "age-status reopened with one assessment": edit(AGE_STATUS_REOPENED, setting(assessments=1)),
    # age-on-date and claimed-age-range: no date of birth
    "age-on-date with a dob field": edit(AGE_ON_DATE, setting(dob="2008-02-29")),
    "age-on-date with a subject": edit(AGE_ON_DATE_FROM_RECORD, setting(subject={"id": "S-1", "dob": "2000-01-01"})),
    "age-on-date without age": edit(AGE_ON_DATE, dropping("age")),
    "age-on-date negative age": edit(AGE_ON_DATE, setting(age=-1)),
    "age-on-date 17 treated as adult": edit(AGE_ON_DATE, setting(treated_as="adult")),
    "age-on-date 26 treated as child": edit(AGE_ON_DATE_FROM_RECORD, setting(treated_as="child")),
    "age-on-date without eighteenth-birthday": edit(AGE_ON_DATE, dropping("eighteenth-birthday")),
    "age-on-date with a bad record id": edit(AGE_ON_DATE_FROM_RECORD, setting(record="ref 1")),
    "claimed-age-range claimed age 121": edit(CLAIMED_AGE_RANGE, setting(claimed_age=121)),
    "claimed-age-range 16 treated as adult": edit(CLAIMED_AGE_RANGE, setting(treated_as="adult")),
    "claimed-age-range without latest-dob": edit(CLAIMED_AGE_RANGE, dropping("latest-dob")),
    "claimed-age-range bad earliest-dob": edit(CLAIMED_AGE_RANGE, setting(earliest_dob="24/11/2009")),
    "claimed-age-range with a dob": edit(CLAIMED_AGE_RANGE, setting(dob="2010-01-01")),
    # placement
    "placement without dob": edit(PLACEMENT, dropping("dob")),
    "placement with an empty name": edit(PLACEMENT, setting(placement="")),
    "placement with a blank name": edit(PLACEMENT, setting(placement="   ")),
    "placement with a date-time start": edit(PLACEMENT, setting(start="2026-11-20T00:00:00Z")),
    "placement trafficking-concern as a string": edit(PLACEMENT, setting(trafficking_concern="yes")),
    "placement with an address": edit(PLACEMENT, setting(address="1 High Street")),
    # missing-start
    "missing-start date-time without offset": edit(MISSING_START_REPORTED, setting(last_seen="2026-11-22T21:00:00")),
    "missing-start date only": edit(MISSING_START_REPORTED, setting(last_seen="2026-11-22")),
    "missing-start date-time with a space": edit(MISSING_START_REPORTED, setting(last_seen="2026-11-22 21:00:00Z")),
    "missing-start impossible time": edit(MISSING_START_REPORTED, setting(last_seen="2026-11-22T25:00:00Z")),
    "missing-start reported-to-police without offset": edit(MISSING_START_REPORTED, setting(reported_to_police="2026-11-22T22:15:00")),
    "missing-start unknown type": edit(MISSING_START_REPORTED, setting(type="absent")),
    "missing-start SSDA903 code as type": edit(MISSING_START_REPORTED, setting(type="M")),
    "missing-start without may-have-been-moved": edit(MISSING_START_AWAY, dropping("may-have-been-moved")),
    "missing-start with null from": edit(MISSING_START_AWAY, setting(**{"from": None})),
    "missing-start with empty police reference": edit(MISSING_START_REPORTED, setting(police_reference="")),
    "missing-start with a bad child id": edit(MISSING_START_AWAY, setting(child="C 3")),
    "missing-start with a note": edit(MISSING_START_AWAY, setting(note="free text")),
    # missing-return
    "missing-return without returned": edit(MISSING_RETURN, dropping("returned")),
    "missing-return with a lower-case z": edit(MISSING_RETURN, setting(returned="2026-11-11T09:00:00z")),
    "missing-return with blank found-at": edit(MISSING_RETURN, setting(found_at=" ")),
    "missing-return with an extra property": edit(MISSING_RETURN, setting(interview="done")),
    "missing-return unknown to": edit(MISSING_RETURN_TO_PLACEMENT, setting(to="friend")),
    "missing-return to an adult without the checks": edit(MISSING_RETURN_RELEASED, dropping("adult-photo-id")),
    "missing-return check as a string": edit(MISSING_RETURN_RELEASED, setting(enquiries_done="yes")),
    "missing-return to the placement with a check": edit(MISSING_RETURN_TO_PLACEMENT, setting(child_photo_id=True)),
    "missing-return with checks but no to": edit(MISSING_RETURN_BARE, setting(enquiries_done=True)),
    "missing-return with the adult's name": edit(MISSING_RETURN_RELEASED, setting(name="A Person")),
    # trafficking-concern
    "concern lifted without a reason": edit(CONCERN_LIFTED, dropping("reason")),
    "concern unknown change": edit(CONCERN_LIFTED, setting(concern="closed")),
    "concern without on": edit(CONCERN_RAISED, dropping("on")),
    "concern with a blank reason": edit(CONCERN_LIFTED, setting(reason=" ")),
    # missing-notification
    "notification unknown agency": edit(NOTIFICATION, setting(agency="council")),
    "notification at a date only": edit(NOTIFICATION, setting(at="2026-11-22")),
    "notification without child": edit(NOTIFICATION, dropping("child")),
    # missing-review
    "review by one agency": edit(MISSING_REVIEW, setting(by=["police"])),
    "review by an agency twice": edit(MISSING_REVIEW, setting(by=["police", "police"])),
    "review unknown agency": edit(MISSING_REVIEW, setting(by=["police", "council"])),
    "review held as a date-time": edit(MISSING_REVIEW, setting(held="2026-11-25T10:00:00Z")),
    # return-interview
    "interview done without by": edit(INTERVIEW_DONE, dropping("by")),
    "interview unknown status": edit(INTERVIEW_REFUSED, setting(status="held")),
    "interview by a bad id": edit(INTERVIEW_DONE, setting(by="S W 7")),
    "interview without independent": edit(INTERVIEW_REFUSED, dropping("independent")),
    "interview at without offset": edit(INTERVIEW_REFUSED, setting(at="2026-11-03T08:00")),
    # missing-status
    "status missing-now true without since": edit(STATUS_MISSING_NOW, dropping("since")),
    "status missing-now true without type": edit(STATUS_MISSING_NOW, dropping("type")),
    "status missing-now true without hours": edit(STATUS_MISSING_NOW, dropping("hours-missing")),
    "status missing-now false with since": edit(STATUS_RETURNED_INTERVIEWED, setting(since="2026-11-10T18:30:00Z")),
    "status missing-now false with type": edit(STATUS_RETURNED_INTERVIEWED, setting(type="away")),
    "status missing-now false with hours": edit(STATUS_RETURNED_INTERVIEWED, setting(hours_missing=0)),
    "status negative hours": edit(STATUS_MISSING_NOW, setting(hours_missing=-1)),
    "status notify without trafficking concern": edit(STATUS_POLICE_NOT_TOLD, setting(notify=[])),
    "status trafficking concern without notify": edit(STATUS_MISSING_NOW, dropping("notify")),
    "status trafficking concern without not-notified": edit(STATUS_MISSING_NOW, dropping("not-notified")),
    "status trafficking concern without nrm-referral": edit(STATUS_MISSING_NOW, dropping("nrm-referral")),
    "status not-notified without trafficking concern": edit(STATUS_RETURNED_INTERVIEWED, setting(not_notified=[])),
    "status nrm-referral without trafficking concern": edit(STATUS_RETURNED_INTERVIEWED, setting(nrm_referral=False)),
    "status no referral but no action": edit(STATUS_REPEAT_NO_REVIEW, setting(action_needed=False, actions=[])),
    "status no referral not listed": edit(STATUS_REPEAT_NO_REVIEW, setting(actions=STATUS_REPEAT_NO_REVIEW["actions"][:2])),
    "status review outstanding without a repeat": edit(STATUS_REPEAT_NO_REVIEW, setting(repeat=False)),
    "status review outstanding not listed": edit(STATUS_REPEAT_NO_REVIEW, setting(actions=STATUS_REPEAT_NO_REVIEW["actions"][1:])),
    "status release unchecked not listed": edit(STATUS_REPEAT_NO_REVIEW, setting(actions=[STATUS_REPEAT_NO_REVIEW["actions"][0]])),
    "status action needed with no actions": edit(STATUS_INTERVIEW_OVERDUE, setting(actions=[])),
    "status actions with nothing needed": edit(STATUS_RETURNED_INTERVIEWED, setting(actions=[{"code": "missing-now", "message": "x"}])),
    "status unknown action code": edit(STATUS_INTERVIEW_OVERDUE, setting(actions=[{"code": "overdue", "message": "x"}])),
    "status action without message": edit(STATUS_INTERVIEW_OVERDUE, setting(actions=[{"code": "interview-overdue"}])),
    "status missing now not listed": edit(STATUS_MISSING_NOW, setting(actions=STATUS_MISSING_NOW["actions"][1:])),
    "status not-notified unknown agency": edit(STATUS_MISSING_NOW, setting(not_notified=["social-services"])),
    "status notify while not missing": edit(STATUS_INTERVIEW_OVERDUE, setting(notify=["police", "home-office"])),
    "status missing with a trafficking concern and the Home Office not notified": edit(STATUS_MISSING_NOW, setting(notify=["police"])),
    "status unknown agency": edit(STATUS_MISSING_NOW, setting(notify=["police", "home-office", "social-services"])),
    "status repeated agency": edit(STATUS_MISSING_NOW, setting(notify=["police", "home-office", "police"])),
    "status interview overdue but not outstanding": edit(STATUS_RETURNED_INTERVIEWED, setting(interview_overdue=True, action_needed=True)),
    "status interview outstanding without a return": edit(STATUS_POLICE_NOT_TOLD, setting(interview_outstanding=True)),
    "status interview outstanding though held": edit(STATUS_INTERVIEW_OVERDUE, setting(interview="done")),
    "status interview not outstanding with none recorded": edit(STATUS_RETURNED_INTERVIEWED, dropping("interview")),
    "status interview without a return": edit(STATUS_POLICE_NOT_TOLD, setting(interview="done")),
    "status return without interview-due": edit(STATUS_RETURNED_INTERVIEWED, dropping("interview-due")),
    "status police not notified while away": edit(STATUS_MISSING_AGAIN, setting(police_not_notified=True)),
    "status police not notified while not missing": edit(STATUS_RETURNED_INTERVIEWED, setting(police_not_notified=True, action_needed=True)),
    "status high-risk window without trafficking concern": edit(STATUS_RETURNED_INTERVIEWED, setting(high_risk_window=True)),
    "status placement without start": edit(STATUS_RETURNED_INTERVIEWED, dropping("placement-start")),
    "status action-needed false while missing": edit(STATUS_MISSING_NOW, setting(action_needed=False)),
    "status action-needed true with nothing to do": edit(STATUS_RETURNED_INTERVIEWED, setting(action_needed=True)),
    "status repeat with no episodes": edit(STATUS_POLICE_NOT_TOLD, setting(repeat=True, episodes_in_window=0)),
    "status as-of without offset": edit(STATUS_MISSING_NOW, setting(as_of="2026-11-23T08:00:00")),
    "status window-days 0": edit(STATUS_MISSING_NOW, setting(window_days=0)),
    "status with a dob": edit(STATUS_MISSING_NOW, setting(dob="2010-03-04")),
    # placement-summary
    "placement-summary with no episodes": edit(PLACEMENT_SUMMARY, setting(episodes=0)),
    "placement-summary hours as a fraction": edit(PLACEMENT_SUMMARY, setting(hours_missing=1.5)),
    "placement-summary without children": edit(PLACEMENT_SUMMARY, dropping("children")),
    "placement-summary with a child id": edit(PLACEMENT_SUMMARY, setting(child="C-1")),
    "placement-summary as-of date only": edit(PLACEMENT_SUMMARY, setting(as_of="2026-11-23")),
    # care-plan
    "adult plan with a child object": edit(ADULT_PLAN, setting(child=CHILD_PLAN["child"])),
    "adult plan without an adult object": edit(ADULT_PLAN, dropping("adult")),
    "child plan with an adult object": edit(CHILD_PLAN, setting(adult=ADULT_PLAN["adult"])),
    "child plan without a child object": edit(CHILD_PLAN_BARE, dropping("child")),
    "plan treated-as unknown": edit(ADULT_PLAN, setting(treated_as="young-adult")),
    "plan unknown need domain": edit(ADULT_PLAN, setting(needs=[{"domain": "housing", "status": "open"}])),
    "plan unknown need status": edit(ADULT_PLAN, setting(needs=[{"domain": "accommodation", "status": "closed"}])),
    "plan need without status": edit(ADULT_PLAN, setting(needs=[{"domain": "accommodation"}])),
    "plan repeated need domain": edit(ADULT_PLAN, setting(needs=[{"domain": "accommodation", "status": "open"},
                                                                {"domain": "accommodation", "status": "met"}])),
    "plan unknown risk question": edit(ADULT_PLAN, inside("risk", setting(gang="high"))),
    "plan unknown risk level": edit(ADULT_PLAN, inside("risk", setting(understands="very-high"))),
    "plan without risk": edit(ADULT_PLAN, dropping("risk")),
    "plan blank agency": edit(ADULT_PLAN, setting(agencies=[{"agency": " ", "informed": False}])),
    "plan agency without informed": edit(ADULT_PLAN, setting(agencies=[{"agency": "police"}])),
    "plan repeated agency entry": edit(ADULT_PLAN, setting(agencies=[{"agency": "police", "informed": False}] * 2)),
    "plan interpreter without knows-person": edit(ADULT_PLAN, setting(interpreter={"arrangement": "none"})),
    "plan unknown interpreter arrangement": edit(ADULT_PLAN, inside("interpreter", setting(arrangement="family"))),
    "plan bad lead professional id": edit(ADULT_PLAN, setting(lead_professional="SW 1")),
    "plan lower-case nationality": edit(ADULT_PLAN, setting(nationality="al")),
    "plan null safety-plan-reviewed": edit(ADULT_PLAN, setting(safety_plan_reviewed=None)),
    "plan blank missing strategy": edit(CHILD_PLAN, inside("child", setting(missing_strategy=""))),
    "plan unknown agency to notify": edit(CHILD_PLAN, inside("child", setting(notify_if_missing=["social-services"]))),
    "plan repeated agency to notify": edit(CHILD_PLAN, inside("child", setting(notify_if_missing=["police", "police"]))),
    "plan unknown placement type": edit(CHILD_PLAN, inside("child", setting(placement="hotel"))),
    "plan child without strategy-meeting-held": edit(CHILD_PLAN, inside("child", dropping("strategy-meeting-held"))),
    "plan unknown additional need": edit(ADULT_PLAN, inside("adult", setting(additional_needs=["housing"]))),
    "plan adult without public funds": edit(ADULT_PLAN, inside("adult", dropping("recourse-to-public-funds"))),
    "plan with a dob and a claimed-age range": edit(CHILD_PLAN_WITH_DOB, setting(claimed_age_range={"earliest-dob": "2010-01-02", "latest-dob": "2011-01-01"})),
    "plan claimed-age range without latest-dob": edit(CHILD_PLAN_FULL, setting(claimed_age_range={"earliest-dob": "2010-01-02"})),
    "plan age-disputed as a string": edit(CHILD_PLAN_WITH_DOB, setting(age_disputed="yes")),
    "plan unknown agency code": edit(ADULT_PLAN, setting(agencies=[{"agency": "Hestia", "informed": False}])),
    "plan unknown exploitation type": edit(CHILD_PLAN_FULL, setting(exploitation=["cannabis"])),
    "plan exit telling without date": edit(CHILD_PLAN_FULL, setting(exit_informed=[{"agency": "police"}])),
    "plan unknown checklist item": edit(CHILD_PLAN_FULL, setting(support_checklist=["housing"])),
    "plan repeated checklist item": edit(CHILD_PLAN_FULL, setting(support_checklist=["rights-in-uk", "rights-in-uk"])),
    "plan non-criminalisation with an extra property": edit(CHILD_PLAN_FULL, inside("non-criminalisation", setting(court="x"))),
    "plan household child without assessed": edit(CHILD_PLAN_FULL, inside("child", setting(household_children=[{"child": "S-6"}]))),
    "plan unknown risk considered": edit(CHILD_PLAN_FULL, inside("child", setting(risks_considered=["gangs"]))),
    "plan unknown going-missing level": edit(CHILD_PLAN_FULL, inside("risk", setting(going_missing="certain"))),
    "plan placement-start a date-time": edit(CHILD_PLAN_FULL, inside("child", setting(placement_start="2026-10-01T00:00:00Z"))),
    "plan child object with an extra property": edit(CHILD_PLAN, inside("child", setting(carer="Synthetic"))),
    # care-plan-review
    "review changing person": edit(PLAN_REVIEW, inside("changes", setting(person="S-9"))),
    "review changing treated-as": edit(PLAN_REVIEW, inside("changes", setting(treated_as="child"))),
    "review changing both child and adult": edit(PLAN_REVIEW, inside("changes", setting(child={"placement": "other"},
                                                                                            adult={"additional-needs": []}))),
    "review with no change and no note": edit(PLAN_REVIEW_NOTE_ONLY, dropping("note")),
    "review with a blank note": edit(PLAN_REVIEW, setting(note=" ")),
    "review unknown need domain": edit(PLAN_REVIEW, inside("changes", setting(needs=[{"domain": "housing", "status": "met"}]))),
    "review need without status": edit(PLAN_REVIEW, inside("changes", setting(needs=[{"domain": "accommodation"}]))),
    "review unknown risk level": edit(PLAN_REVIEW, inside("changes", setting(risk={"community-safe": "none"}))),
    "review interpreter with an extra property": edit(PLAN_REVIEW_CHILD, inside("changes", setting(interpreter={"language": "sq"}))),
    "review child with an extra property": edit(PLAN_REVIEW_CHILD, inside("changes", setting(child={"carer": "x"}))),
    "review without changes": edit(PLAN_REVIEW, dropping("changes")),
    "review without plan": edit(PLAN_REVIEW, dropping("plan")),
    "review changing dob": edit(PLAN_REVIEW, inside("changes", setting(dob="2011-01-01"))),
    "review changing age-disputed": edit(PLAN_REVIEW, inside("changes", setting(age_disputed=False))),
    "review unknown exit agency": edit(PLAN_REVIEW_EXIT, inside("changes", setting(exit_informed=[{"agency": "Hestia", "date": "2026-12-02"}]))),
    # care-plan-action
    "action without owner": edit(PLAN_ACTION, dropping("owner")),
    "action with a blank owner": edit(PLAN_ACTION, setting(owner=" ")),
    "action without due": edit(PLAN_ACTION, dropping("due")),
    "action unknown need": edit(PLAN_ACTION, setting(need="housing")),
    "action unknown status": edit(PLAN_ACTION, setting(status="done")),
    "action with an empty description": edit(PLAN_ACTION, setting(description="")),
    "action with a bad action id": edit(PLAN_ACTION, setting(action="act 1")),
    "action with an extra property": edit(PLAN_ACTION, setting(note="free text")),
    "action unknown kind": edit(PLAN_ACTION_KIND, setting(action_kind="holiday")),
    # care-plan-check
    "check unknown problem code": edit(PLAN_CHECK, setting(problems=[{"code": "no-plan", "message": "x"}])),
    "check problem without message": edit(PLAN_CHECK, setting(problems=[{"code": "no-lead-professional"}])),
    "check problem with an empty detail": edit(PLAN_CHECK, setting(problems=[{"code": "no-lead-professional", "message": "x", "detail": ""}])),
    "check problem with an extra property": edit(PLAN_CHECK, setting(problems=[{"code": "no-lead-professional", "message": "x", "plan": "cp-3"}])),
    "check as-of a date-time": edit(PLAN_CHECK_CLEAN, setting(as_of="2026-11-20T08:00:00Z")),
    # care-plan-exit
    "exit ready true with unmet items": edit(PLAN_EXIT, setting(ready=True)),
    "exit ready false with no unmet items": edit(PLAN_EXIT_READY, setting(ready=False)),
    "exit unknown criterion": edit(PLAN_EXIT, setting(unmet=[{"criterion": "housed", "message": "x", "detail": "y"}])),
    "exit unmet without detail": edit(PLAN_EXIT, setting(unmet=[{"criterion": "papers-complete", "message": "x"}])),
    "exit without ready": edit(PLAN_EXIT_READY, dropping("ready")),
    "exit with an extra property": edit(PLAN_EXIT_READY, setting(person="S-4")),
    "exit unknown problem": edit(PLAN_EXIT_RULES, setting(unmet=[{"criterion": "plan-rules-kept", "problem": "late", "message": "x", "detail": "y"}])),
    "exit treated-as unknown": edit(PLAN_EXIT_RULES, setting(treated_as="teen")),
    "check unknown age basis": edit(PLAN_CHECK_STATUS, setting(age_basis="looks-older")),
    # care-plan-summary
    "summary plan adult with a child object": edit(PLAN_SUMMARY, inside("plan", setting(child=CHILD_PLAN["child"]))),
    "summary plan of another kind": edit(PLAN_SUMMARY, inside("plan", setting(kind="care-plan-review"))),
    "summary action without owner": edit(PLAN_SUMMARY, lambda r: r["actions"][0].pop("owner")),
    "summary unknown problem code": edit(PLAN_SUMMARY, setting(problems=["late"])),
    "summary repeated exit criterion": edit(PLAN_SUMMARY, setting(unmet_exit_criteria=["papers-complete", "papers-complete"])),
    "summary without actions": edit(PLAN_SUMMARY, dropping("actions")),
    "summary with an extra property": edit(PLAN_SUMMARY, setting(reviews=1)),
}


class SchemaTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schemas = {}
        for kind in KINDS:
            with open(os.path.join(SCHEMA_DIR, f"{kind}.schema.json"), encoding="utf-8") as f:
                cls.schemas[kind] = json.load(f)
        cls.validators = validate_records.load_schemas(SCHEMA_DIR)

    def errors(self, record):
        return list(validate_records.record_errors(self.validators, record))

    def test_schemas_are_valid_draft_2020_12(self):
        self.assertEqual(sorted(self.validators), sorted(KINDS))
        for kind, schema in self.schemas.items():
            with self.subTest(kind=kind):
                Draft202012Validator.check_schema(schema)
                self.assertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
                self.assertEqual(schema["$id"], f"https://safeguard.invalid/schemas/{kind}.schema.json")
                self.assertTrue(schema.get("title"))
                self.assertTrue(schema.get("description"))
                self.assertEqual(schema["properties"]["kind"], {**schema["properties"]["kind"], "const": kind})
                self.assertEqual(schema["properties"]["v"]["const"], 1)
                self.assertIn("kind", schema["required"])
                self.assertIn("v", schema["required"])

    def walk(self, node, path="#"):
        """Yield (path, schema object) for every subschema in node."""
        if isinstance(node, dict):
            yield path, node
            for k, v in node.items():
                yield from self.walk(v, f"{path}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from self.walk(v, f"{path}/{i}")

    def test_every_object_is_closed_and_every_property_described(self):
        for kind, schema in self.schemas.items():
            for path, node in self.walk(schema):
                if "properties" in node and isinstance(node["properties"], dict) and "type" in node:
                    with self.subTest(kind=kind, path=path):
                        self.assertEqual(node.get("type"), "object")
                        self.assertIs(node.get("additionalProperties"), False)
                        for name, prop in node["properties"].items():
                            self.assertTrue(prop.get("description"), f"{path}/properties/{name} has no description")

    def test_no_cross_file_refs(self):
        for kind, schema in self.schemas.items():
            for path, node in self.walk(schema):
                if "$ref" in node:
                    with self.subTest(kind=kind, path=path):
                        self.assertTrue(node["$ref"].startswith("#/$defs/"), node["$ref"])
                        self.assertIn(node["$ref"].split("/")[-1], schema["$defs"])

    def test_dates_have_pattern_and_format(self):
        for kind, schema in self.schemas.items():
            if kind == "indicator":  # the catalogue has no dates
                continue
            with self.subTest(kind=kind):
                date = schema["$defs"]["date"]
                self.assertEqual(date["pattern"], "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
                self.assertEqual(date["format"], "date")

    def test_personal_data_is_marked_on_referral(self):
        props = self.schemas["referral"]["properties"]
        subject = props["subject"]["properties"]
        self.assertIs(subject["name"].get("x-personal-data"), True)
        self.assertIs(subject["dob"].get("x-personal-data"), True)
        self.assertIs(props["account"].get("x-personal-data"), True)
        # The pseudonymous id and coded fields are not personal data.
        self.assertNotIn("x-personal-data", subject["id"])
        self.assertNotIn("x-personal-data", subject["sex"])

    def personal_paths(self, node, path=""):
        """The dotted paths marked personal, walking `properties` only (as the Swift PersonalDataTests do)."""
        found = set()
        if isinstance(node, dict):
            if node.get("x-personal-data") is True and path:
                found.add(path)
            for name, prop in (node.get("properties") or {}).items():
                found |= self.personal_paths(prop, f"{path}.{name}" if path else name)
        return found

    def test_personal_data_appears_only_where_expected(self):
        expected = {
            "referral": {"subject.name", "subject.dob", "account"},
            "age-assessment": {"claimed.dob", "assessed.dob", "reasons", "minded-to-response"},
            "placement": {"dob", "placement"},
            "missing-start": {"from"},
            "missing-return": {"found-at"},
            "missing-status": {"placement"},
            "placement-summary": {"placement"},
            "trafficking-concern": {"reason"},
            "care-plan": {"child.missing-strategy", "dob", "claimed-age-range.earliest-dob", "claimed-age-range.latest-dob"},
            "care-plan-review": {"note", "changes.child.missing-strategy"},
            "care-plan-action": {"description"},
            "care-plan-summary": {"plan.child.missing-strategy", "plan.dob", "plan.claimed-age-range.earliest-dob", "plan.claimed-age-range.latest-dob"},
            "void": {"reason"},
        }
        for kind, schema in self.schemas.items():
            with self.subTest(kind=kind):
                self.assertEqual(self.personal_paths(schema), expected.get(kind, set()))

    def test_care_plan_free_text_inside_arrays_is_marked(self):
        # The walk above does not go into items; the action descriptions of a summary are personal too.
        summary = self.schemas["care-plan-summary"]
        self.assertEqual(summary["properties"]["actions"]["items"], {"$ref": "#/$defs/action"})
        self.assertIs(summary["$defs"]["action"]["properties"]["description"].get("x-personal-data"), True)
        for kind in ["care-plan-check", "care-plan-exit"]:
            for path, node in self.walk(self.schemas[kind]):
                self.assertNotIn("x-personal-data", node, f"{kind} {path}")

    def test_care_plan_copies_agree(self):
        # The summary holds a copy of the plan's and the action's shapes, the review the plan's changeable
        # fields, and check, exit and summary the same code lists.
        plan, summary = self.schemas["care-plan"], self.schemas["care-plan-summary"]
        body = {k: v for k, v in plan.items() if k not in ("$schema", "$id", "title", "description", "$defs")}
        inline = {k: v for k, v in summary["properties"]["plan"].items() if k not in ("title", "description")}
        self.assertEqual(inline, body)
        action = {k: v for k, v in self.schemas["care-plan-action"].items() if k not in ("$schema", "$id", "title", "description", "$defs")}
        self.assertEqual({k: v for k, v in summary["$defs"]["action"].items() if k not in ("title", "description")}, action)
        for name, d in plan["$defs"].items():
            self.assertEqual(summary["$defs"][name], d, name)
        changeable = set(plan["properties"]) - {"kind", "v", "rules", "id", "person", "date", "treated-as", "dob", "claimed-age-range", "age-disputed"}
        changes = self.schemas["care-plan-review"]["properties"]["changes"]["properties"]
        self.assertEqual(set(changes), changeable)
        self.assertEqual(changes["risk"]["properties"].keys(), plan["properties"]["risk"]["properties"].keys())
        for part in ["interpreter", "child", "adult"]:
            self.assertEqual(changes[part]["properties"].keys(), plan["properties"][part]["properties"].keys(), part)
        self.assertEqual(self.schemas["care-plan-check"]["$defs"]["plan-problem"], summary["$defs"]["plan-problem"])
        self.assertEqual(self.schemas["care-plan-exit"]["$defs"]["exit-criterion"], summary["$defs"]["exit-criterion"])
        self.assertEqual(plan["$defs"]["agency-to-notify"]["enum"], self.schemas["missing-status"]["$defs"]["agency"]["enum"])

    def test_duty_to_notify_has_no_identifying_properties(self):
        props = self.schemas["duty-to-notify"]["properties"]
        for name in ["subject", "name", "dob", "account", "address", "claimed-age", "languages"]:
            self.assertNotIn(name, props)
        self.assertIs(self.schemas["duty-to-notify"]["additionalProperties"], False)

    def test_age_records_do_not_carry_a_date_of_birth(self):
        # The point of age-on-date is that it can be shared where the date of birth cannot.
        for kind in ["age-on-date", "claimed-age-range", "age-status", "assessment-check"]:
            with self.subTest(kind=kind):
                schema = self.schemas[kind]
                self.assertNotIn("dob", schema["properties"])
                self.assertIs(schema["additionalProperties"], False)
                for path, node in self.walk(schema):
                    self.assertNotIn("x-personal-data", node, path)

    def test_gap_codes_agree(self):
        check = self.schemas["assessment-check"]["$defs"]["gap-code"]["enum"]
        status = self.schemas["age-status"]["$defs"]["gap-code"]["enum"]
        self.assertEqual(check, status)
        self.assertEqual(len(set(check)), len(check))

    def test_valid_records_pass(self):
        for record in VALID:
            with self.subTest(kind=record["kind"], id=record.get("id", record.get("referral"))):
                self.assertEqual(self.errors(record), [])

    def test_invalid_records_fail(self):
        for name, record in INVALID.items():
            with self.subTest(case=name):
                self.assertTrue(self.errors(record), f"{name}: expected the record to be invalid")

    def test_unknown_kind_is_an_error(self):
        self.assertTrue(self.errors({"kind": "case-note", "v": 1}))
        self.assertTrue(self.errors({"kind": "care-plan", "v": 1}))  # known, but missing its fields
        self.assertTrue(self.errors({"kind": "age-assessment", "v": 1}))  # known, but missing its fields
        self.assertTrue(self.errors({"v": 1}))
        self.assertTrue(self.errors(["referral"]))

    def test_pattern_dollar_is_end_of_string(self):
        self.assertEqual(validate_records._ecma_pattern("^[a$]+$"), r"^[a$]+\Z")
        self.assertEqual(validate_records._ecma_pattern(r"^\$x$"), r"^\$x\Z")


class ScriptTests(unittest.TestCase):
    def run_script(self, *args, stdin=""):
        return subprocess.run([sys.executable, SCRIPT, *args], input=stdin, capture_output=True, text=True)

    def test_valid_stream_from_stdin(self):
        lines = "\n".join(json.dumps(r) for r in VALID) + "\n\n"
        p = self.run_script(SCHEMA_DIR, stdin=lines)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, f"validated {len(VALID)} records\n")
        self.assertEqual(p.stderr, "")

    def test_failures_name_file_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "mixed.ndjson")
            with open(path, "w") as f:
                f.write(json.dumps(CHILD_REFERRAL) + "\n")
                f.write("\n")
                f.write(json.dumps(INVALID["duty-to-notify with a name"]) + "\n")
                f.write("{not json\n")
                f.write(json.dumps({"kind": "case-note", "v": 1}) + "\n")
                f.write('{"kind":"nrm-withdrawal","kind":"nrm-withdrawal"}\n')
            p = self.run_script(SCHEMA_DIR, path)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout, "validated 5 records\n")
        err = p.stderr.splitlines()
        self.assertTrue(any(e.startswith(f"{path}:3: duty-to-notify: ") and "'name'" in e for e in err), err)
        self.assertTrue(any(e.startswith(f"{path}:4: not a JSON record") for e in err), err)
        self.assertTrue(any(e.startswith(f"{path}:5: unknown kind 'case-note'") for e in err), err)
        self.assertTrue(any(e.startswith(f"{path}:6: not a JSON record: duplicate key") for e in err), err)
        self.assertFalse(any(e.startswith(f"{path}:1:") for e in err), err)

    def test_dash_is_stdin(self):
        p = self.run_script(SCHEMA_DIR, "-", stdin=json.dumps(DECISION) + "\n")
        self.assertEqual((p.returncode, p.stdout), (0, "validated 1 records\n"), p.stderr)

    def test_usage_errors(self):
        self.assertEqual(self.run_script().returncode, 2)
        with tempfile.TemporaryDirectory() as d:
            self.assertEqual(self.run_script(os.path.join(d, "missing")).returncode, 2)
            self.assertEqual(self.run_script(d).returncode, 2)  # no schemas in it

    def test_unreadable_input_fails(self):
        p = self.run_script(SCHEMA_DIR, "/nonexistent/records.ndjson")
        self.assertEqual(p.returncode, 1)
        self.assertIn("cannot open", p.stderr)


if __name__ == "__main__":
    unittest.main()
