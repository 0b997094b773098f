import SafeguardCore
import SafeguardCLI

let exitCommand = Command(
    name: "exit", summary: "Whether the person is ready to leave the service, by the HESTIA exit criteria (a care-plan-exit record).",
    usage: "PLAN-ID [--as-of DATE] [--risk-reduction N] [--safety-plan-days N] [--transition-days N] [--rules RULES] [--case FILE] [--format text|ndjson] [--rejects FILE] [FILE...]",
    details: """
    Ready only when every criterion holds: risk significantly reduced since the first assessment; every \
    agency on the plan told of the exit, by a dated record (review --exit-informed; being informed when \
    the plan was made does not count); every need and action met or signposted elsewhere; the safety \
    plan current; papers complete; each item of the support checklist done; and no problem that check \
    finds (each one listed as an unmet plan-rules-kept criterion). Never ready while one is unmet: each \
    unmet criterion is listed with why. Exit status 0 when ready, 1 when not.
    """,
    flags: [CommonFlag.asOf, reductionFlag, safetyDaysFlag, transitionDaysFlag, assessmentsFlag, CommonFlag.rules, CommonFlag.format, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf(), rules = try context.planRules()
    let c = try context.onePlan()
    let exit = CarePlanExit(c, asOf: asOf, rules: rules)
    let report = try context.report(CarePlanExit.self)
    try report.write(exit)
    try report.finish()
    return exit.ready ? .ok : .actionNeeded
}
