import SafeguardCore
import SafeguardCLI

let checkPlanCommand = Command(
    name: "check", summary: "Report every rule of the sources a plan breaks (a care-plan-check record per plan).",
    usage: "[--as-of DATE] [--safety-plan-days N] [--transition-days N] [--rules RULES] [--case FILE] [--format text|ndjson] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Whether the person is a child or an adult is worked out as of the date, by the one age rule, from \
    the date of birth or claimed age the plan was made with and any age assessments in the input or \
    the --case files; the record gives it (treated-as) beside the group the plan was made for (made-as). \
    A blank is never a safe answer: each unanswered duty is a problem of its own. \
    The codes: \(PlanProblem.codes.joined(separator: ", ")). Exit status 1 when any plan breaks a \
    rule, so a script can act on it; 65 when a line is bad.
    """,
    flags: [CommonFlag.asOf, safetyDaysFlag, transitionDaysFlag, assessmentsFlag, CommonFlag.rules, CommonFlag.format, CommonFlag.pass, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf(), rules = try context.planRules()
    let folder = try context.foldPlans(files: context.operands)
    var broken = false
    let report = try context.report(CarePlanCheck.self)
    for c in folder.plans where c.first.date <= asOf {
        let check = CarePlanCheck(c, asOf: asOf, rules: rules)
        broken = broken || !check.findings.isEmpty
        try report.write(check)
    }
    try report.finish()
    return broken ? .actionNeeded : .ok
}
