import SafeguardCore
import SafeguardCLI

let safetyDaysFlag = Flag("safety-plan-days", value: "N", help: "A safety plan not reviewed for more than this many days is stale.",
                          .int(in: 1...3650), default: CarePlanRules().safetyPlanDays)
let reductionFlag = Flag("risk-reduction", value: "N", help: "Risk is significantly reduced when no answer is high and the levels are down by at least N in total since the first assessment.",
                         .int(in: 0...30), default: CarePlanRules().riskReduction)
let jsonFlag = Flag(switch: "json", help: "Write a care-plan-summary JSON record instead of text.")

extension CommandContext {
    func planRules() throws -> CarePlanRules {
        var rules = CarePlanRules()
        rules.safetyPlanDays = try self[safetyDaysFlag]
        // A command without --risk-reduction never has it given: the parser refuses undeclared options.
        rules.riskReduction = try self[reductionFlag]
        return rules
    }

    /// The plans in the input files as of --as-of; other kinds are passed with --pass or counted.
    func foldPlans(files: [String]) throws -> CarePlanFolder {
        var folder = CarePlanFolder(asOf: try asOf())
        try CaseFile.fold(InputFiles(files), into: &folder, diagnostics: diagnostics, other: passOrLeaveOut)
        return folder
    }

    /// The one plan named by the first argument.
    func onePlan() throws -> CarePlanCase {
        guard let first = operands.first else { throw UsageError("give the plan id") }
        let id = try recordID(from: first, what: "plan id")
        let folder = try foldPlans(files: Array(operands.dropFirst()))
        guard let c = folder.cases[id] else { throw CommandFailure("plan \(id) is not in the input", exitCode: .dataError) }
        return c
    }
}

let checkPlanCommand = Command(
    name: "check", summary: "Report every rule of the sources a plan breaks (a care-plan-check record per plan).",
    usage: "[--as-of DATE] [--safety-plan-days N] [--pass] [--rejects FILE] [FILE...]",
    details: """
    The codes: \(PlanProblem.codes.joined(separator: ", ")). Exit status 1 when any plan breaks a \
    rule, so a script can act on it; 65 when a line is bad.
    """,
    flags: [CommonFlag.asOf, safetyDaysFlag, CommonFlag.pass, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf(), rules = try context.planRules()
    let folder = try context.foldPlans(files: context.operands)
    var broken = false
    for c in folder.plans where c.first.date <= asOf {
        let check = CarePlanCheck(c, asOf: asOf, rules: rules)
        broken = broken || !check.findings.isEmpty
        try context.output.write(record: check.json)
    }
    return broken ? .actionNeeded : .ok
}

let exitCommand = Command(
    name: "exit", summary: "Whether the person is ready to leave the service, by the HESTIA exit criteria (a care-plan-exit record).",
    usage: "PLAN-ID [--as-of DATE] [--risk-reduction N] [--safety-plan-days N] [--rejects FILE] [FILE...]",
    details: """
    Ready only when every criterion holds: risk significantly reduced since the first assessment; every \
    agency informed; every need and action met or signposted elsewhere; the safety plan current; papers \
    complete. Never ready while one is unmet: each unmet criterion is listed with why. Exit status 0 \
    when ready, 1 when not.
    """,
    flags: [CommonFlag.asOf, reductionFlag, safetyDaysFlag, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf(), rules = try context.planRules()
    let c = try context.onePlan()
    let exit = CarePlanExit(c, asOf: asOf, rules: rules)
    try context.output.write(record: exit.json)
    return exit.ready ? .ok : .actionNeeded
}

let summaryCommand = Command(
    name: "summary", summary: "A plain-text summary of a plan for a case meeting: needs, actions by owner, risks, open items.",
    usage: "PLAN-ID [--as-of DATE] [--json] [--risk-reduction N] [--safety-plan-days N] [--rejects FILE] [FILE...]",
    details: "Plain text, for printing. With --json, the plan as it stands, its actions and its checks as one JSON record.",
    flags: [CommonFlag.asOf, jsonFlag, reductionFlag, safetyDaysFlag, CommonFlag.rejects]
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
