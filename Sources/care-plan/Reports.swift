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
        if command.declares(reductionFlag) { rules.riskReduction = try self[reductionFlag] }
        return rules
    }

    /// The plans in the input files as of --as-of; other kinds are passed with --pass or counted.
    func foldPlans(files: [String]) throws -> CarePlanFolder {
        let inputs = try InputFiles(files).open()
        defer { inputs.forEach { $0.close() } }
        return try CarePlanFile.fold(inputs, asOf: try asOf(), diagnostics: diagnostics, other: passOrLeaveOut)
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
    for id in folder.order where folder.cases[id]!.first.date <= asOf {
        let findings = folder.cases[id]!.check(asOf: asOf, rules: rules)
        broken = broken || !findings.isEmpty
        var b = JSONObjectBuilder(kind: "care-plan-check")
        b.set("plan", id.rawValue)
        b.set("as-of", asOf)
        b.set("problems", .array(findings.map { f in
            var o = JSONObjectBuilder()
            o.set("code", f.problem)
            o.set("message", f.problem.label)
            o.set("detail", f.detail)
            return o.value
        }))
        try context.output.write(record: b.value)
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
    let unmet = c.unmetExitCriteria(asOf: asOf, rules: rules)
    var b = JSONObjectBuilder(kind: "care-plan-exit")
    b.set("plan", c.current.id.rawValue)
    b.set("as-of", asOf)
    b.set("ready", unmet.isEmpty)
    b.set("unmet", .array(unmet.map { criterion, why in
        var o = JSONObjectBuilder()
        o.set("criterion", criterion)
        o.set("message", criterion.label)
        o.set("detail", why)
        return o.value
    }))
    try context.output.write(record: b.value)
    return unmet.isEmpty ? .ok : .actionNeeded
}

let summaryCommand = Command(
    name: "summary", summary: "A plain-text summary of a plan for a case meeting: needs, actions by owner, risks, open items.",
    usage: "PLAN-ID [--as-of DATE] [--json] [--risk-reduction N] [--safety-plan-days N] [--rejects FILE] [FILE...]",
    details: "Plain text, for printing. With --json, the plan as it stands, its actions and its checks as one JSON record.",
    flags: [CommonFlag.asOf, jsonFlag, reductionFlag, safetyDaysFlag, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf(), rules = try context.planRules()
    let c = try context.onePlan()
    if try context[jsonFlag] {
        var b = JSONObjectBuilder(kind: "care-plan-summary")
        b.set("as-of", asOf)
        b.set("plan", c.current.json)
        b.set("actions", .array(c.actions.map(\.json)))
        b.set("problems", strings: c.check(asOf: asOf, rules: rules).map(\.problem.rawValue))
        b.set("unmet-exit-criteria", strings: c.unmetExitCriteria(asOf: asOf, rules: rules).map(\.0.rawValue))
        try context.output.write(record: b.value)
    } else {
        try context.output.write(c.summaryText(asOf: asOf, rules: rules))
    }
    return .ok
}
