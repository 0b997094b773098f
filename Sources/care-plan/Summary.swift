import SafeguardCore
import SafeguardCLI

let jsonFlag = Flag(switch: "json", help: "Write a care-plan-summary JSON record instead of text.")

let summaryCommand = Command(
    name: "summary", summary: "A plain-text summary of a plan for a case meeting: needs, actions by owner, risks, open items.",
    usage: "PLAN-ID [--as-of DATE] [--json] [--risk-reduction N] [--safety-plan-days N] [--transition-days N] [--rules RULES] [--case FILE] [--rejects FILE] [FILE...]",
    details: "Plain text, for printing: child or adult as of the date, the 18th birthday, needs, actions, risks, agencies and the exit tellings, the support checklist, and the open items. With --json, the plan as it stands, its actions and its checks as one JSON record.",
    flags: [CommonFlag.asOf, jsonFlag, reductionFlag, safetyDaysFlag, transitionDaysFlag, assessmentsFlag, CommonFlag.rules, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf(), rules = try context.planRules()
    let c = try context.onePlan()
    let summary = CarePlanSummary(c, asOf: asOf, rules: rules)
    if try context[jsonFlag] {
        try context.output.write(record: summary.json)
    } else {
        try context.output.write(summary.text)
    }
    return .ok
}
