// Generated from Schemas/*.json by Tests/Support/schema_fields.py (make schema-fields); do not edit.
// PersonalDataTests.testMatchesTheSchemas checks it against the schemas.

public enum SchemaFields {
    /// Every dotted path each kind's schema defines (a path through an array names its items' field).
    static let pathsByKind: [String: Set<String>] = [
        "age-assessment": ["adverse-points-put", "appropriate-adult", "assessed", "assessed.dob", "assessed.max-age", "assessed.min-age", "assessors", "assessors.id", "assessors.trained", "claimed", "claimed.age", "claimed.dob", "conclusion", "date", "documents", "factors", "id", "interpreter", "interpreter-needed", "kind", "outcome", "person", "purpose-explained", "reasons", "v"],
        "age-on-date": ["age", "eighteenth-birthday", "kind", "on", "person", "record", "treated-as", "v"],
        "age-status": ["as-of", "assessment", "assessments", "basis", "kind", "latest-assessment", "latest-gaps", "person", "treated-as", "turns-18", "v", "youngest-age"],
        "assessment-check": ["assessment", "date", "gaps", "gaps.code", "gaps.message", "kind", "person", "sound", "v"],
        "care-plan-action": ["action", "action-kind", "date", "description", "due", "id", "kind", "need", "owner", "plan", "status", "v"],
        "care-plan-check": ["age-basis", "as-of", "kind", "made-as", "plan", "problems", "problems.code", "problems.detail", "problems.message", "treated-as", "v"],
        "care-plan-exit": ["as-of", "kind", "made-as", "plan", "ready", "treated-as", "unmet", "unmet.criterion", "unmet.detail", "unmet.message", "unmet.problem", "v"],
        "care-plan-review": ["changes", "changes.adult", "changes.adult.additional-needs", "changes.adult.recourse-to-public-funds", "changes.agencies", "changes.agencies.agency", "changes.agencies.informed", "changes.child", "changes.child.family-complicit", "changes.child.family-role-assessed", "changes.child.head-of-service-notified", "changes.child.household-children", "changes.child.household-children.assessed", "changes.child.household-children.child", "changes.child.missing-strategy", "changes.child.notify-if-missing", "changes.child.placement", "changes.child.placement-start", "changes.child.private-fostering-notified", "changes.child.risks-considered", "changes.child.safe-house-needed", "changes.child.strategy-meeting-held", "changes.exit-informed", "changes.exit-informed.agency", "changes.exit-informed.date", "changes.exploitation", "changes.interpreter", "changes.interpreter.arrangement", "changes.interpreter.knows-person", "changes.lead-professional", "changes.nationality", "changes.needs", "changes.needs.domain", "changes.needs.status", "changes.non-criminalisation", "changes.non-criminalisation.considered", "changes.non-criminalisation.cps-told", "changes.non-criminalisation.police-told", "changes.papers-complete", "changes.risk", "changes.risk.abduction", "changes.risk.can-keep-safe", "changes.risk.community-safe", "changes.risk.family-friends-risk", "changes.risk.going-missing", "changes.risk.public-funds", "changes.risk.understands", "changes.safety-plan-reviewed", "changes.support-checklist", "date", "id", "kind", "note", "plan", "v"],
        "care-plan-summary": ["actions", "actions.action", "actions.action-kind", "actions.date", "actions.description", "actions.due", "actions.id", "actions.kind", "actions.need", "actions.owner", "actions.plan", "actions.status", "actions.v", "age-basis", "as-of", "kind", "made-as", "plan", "plan.adult", "plan.adult.additional-needs", "plan.adult.recourse-to-public-funds", "plan.age-disputed", "plan.agencies", "plan.agencies.agency", "plan.agencies.informed", "plan.child", "plan.child.family-complicit", "plan.child.family-role-assessed", "plan.child.head-of-service-notified", "plan.child.household-children", "plan.child.household-children.assessed", "plan.child.household-children.child", "plan.child.missing-strategy", "plan.child.notify-if-missing", "plan.child.placement", "plan.child.placement-start", "plan.child.private-fostering-notified", "plan.child.risks-considered", "plan.child.safe-house-needed", "plan.child.strategy-meeting-held", "plan.claimed-age-range", "plan.claimed-age-range.earliest-dob", "plan.claimed-age-range.latest-dob", "plan.date", "plan.dob", "plan.exit-informed", "plan.exit-informed.agency", "plan.exit-informed.date", "plan.exploitation", "plan.id", "plan.interpreter", "plan.interpreter.arrangement", "plan.interpreter.knows-person", "plan.kind", "plan.lead-professional", "plan.nationality", "plan.needs", "plan.needs.domain", "plan.needs.status", "plan.non-criminalisation", "plan.non-criminalisation.considered", "plan.non-criminalisation.cps-told", "plan.non-criminalisation.police-told", "plan.papers-complete", "plan.person", "plan.risk", "plan.risk.abduction", "plan.risk.can-keep-safe", "plan.risk.community-safe", "plan.risk.family-friends-risk", "plan.risk.going-missing", "plan.risk.public-funds", "plan.risk.understands", "plan.safety-plan-reviewed", "plan.support-checklist", "plan.treated-as", "plan.v", "problems", "treated-as", "unmet-exit-criteria", "v"],
        "care-plan": ["adult", "adult.additional-needs", "adult.recourse-to-public-funds", "age-disputed", "agencies", "agencies.agency", "agencies.informed", "child", "child.family-complicit", "child.family-role-assessed", "child.head-of-service-notified", "child.household-children", "child.household-children.assessed", "child.household-children.child", "child.missing-strategy", "child.notify-if-missing", "child.placement", "child.placement-start", "child.private-fostering-notified", "child.risks-considered", "child.safe-house-needed", "child.strategy-meeting-held", "claimed-age-range", "claimed-age-range.earliest-dob", "claimed-age-range.latest-dob", "date", "dob", "exit-informed", "exit-informed.agency", "exit-informed.date", "exploitation", "id", "interpreter", "interpreter.arrangement", "interpreter.knows-person", "kind", "lead-professional", "nationality", "needs", "needs.domain", "needs.status", "non-criminalisation", "non-criminalisation.considered", "non-criminalisation.cps-told", "non-criminalisation.police-told", "papers-complete", "person", "risk", "risk.abduction", "risk.can-keep-safe", "risk.community-safe", "risk.family-friends-risk", "risk.going-missing", "risk.public-funds", "risk.understands", "safety-plan-reviewed", "support-checklist", "treated-as", "v"],
        "claimed-age-range": ["claimed-age", "earliest-dob", "kind", "latest-dob", "on", "treated-as", "v"],
        "duty-to-notify": ["consent", "exploitation", "first-responder", "id", "indicators", "kind", "nationality", "notified-on", "sex", "treated-as", "v"],
        "indicator": ["code", "first-contact", "group", "kind", "picking-up-signs", "setting", "source", "text", "v"],
        "missing-return": ["child", "found-at", "id", "kind", "returned", "v"],
        "missing-start": ["child", "from", "id", "kind", "last-seen", "may-have-been-moved", "police-reference", "reported-to-police", "type", "v"],
        "missing-status": ["action-needed", "as-of", "child", "episodes-in-window", "high-risk-window", "hours-missing", "interview", "interview-due", "interview-outstanding", "interview-overdue", "kind", "last-returned", "missing-now", "notify", "placement", "placement-start", "police-not-notified", "repeat", "since", "trafficking-concern", "type", "v", "window-days"],
        "nrm-decision": ["id", "kind", "on", "outcome", "reconsideration", "referral", "stage", "v"],
        "nrm-status": ["as-of", "cg-decided", "cg-due", "cg-outcome", "due", "kind", "outstanding", "overdue", "overdue-days", "received", "recovery-ends", "referral", "rg-decided", "rg-due", "rg-outcome", "stage", "subject", "treated-as", "v", "withdrawn"],
        "nrm-withdrawal": ["id", "kind", "on", "referral", "v"],
        "placement-summary": ["as-of", "children", "episodes", "hours-missing", "kind", "placement", "v", "window-days"],
        "placement": ["child", "dob", "id", "kind", "placement", "start", "trafficking-concern", "v"],
        "referral": ["account", "age-assessment", "age-basis", "competent-authority", "consent", "consent.signed-on", "consent.status", "exploitation", "first-responder", "id", "indicators", "kind", "received", "subject", "subject.age-disputed", "subject.claimed-age", "subject.dob", "subject.id", "subject.interpreter-needed", "subject.languages", "subject.name", "subject.nationality", "subject.sex", "treated-as", "v"],
        "return-interview": ["at", "by", "child", "id", "independent", "kind", "status", "v"],
        "void": ["id", "kind", "on", "reason", "v", "voids"],
    ]

    /// The paths each kind's schema marks "x-personal-data": true.
    static let personalByKind: [String: Set<String>] = [
        "age-assessment": ["assessed.dob", "claimed.dob", "reasons"],
        "age-on-date": [],
        "age-status": [],
        "assessment-check": [],
        "care-plan-action": ["description"],
        "care-plan-check": [],
        "care-plan-exit": [],
        "care-plan-review": ["changes.child.missing-strategy", "note"],
        "care-plan-summary": ["actions.description", "plan.child.missing-strategy", "plan.claimed-age-range.earliest-dob", "plan.claimed-age-range.latest-dob", "plan.dob"],
        "care-plan": ["child.missing-strategy", "claimed-age-range.earliest-dob", "claimed-age-range.latest-dob", "dob"],
        "claimed-age-range": [],
        "duty-to-notify": [],
        "indicator": [],
        "missing-return": ["found-at"],
        "missing-start": ["from"],
        "missing-status": ["placement"],
        "nrm-decision": [],
        "nrm-status": [],
        "nrm-withdrawal": [],
        "placement-summary": ["placement"],
        "placement": ["dob", "placement"],
        "referral": ["account", "subject.dob", "subject.name"],
        "return-interview": [],
        "void": ["reason"],
    ]
}
