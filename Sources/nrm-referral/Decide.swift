import SafeguardCore

let decideFlags: [Flag] = [
    Flag("stage", value: "STAGE", help: "rg (reasonable grounds, stage 1) or cg (conclusive grounds, stage 2)."),
    Flag("outcome", value: "OUTCOME", help: "positive or negative."),
    Flag("on", value: "DATE", help: "The date of the decision (yyyy-mm-dd).", default: "today"),
    .id, .append,
]

let decideCommand = Command(
    name: "decide", summary: "Record a competent authority's decision on a referral (an nrm-decision record).",
    usage: "REFERRAL-ID --stage rg|cg --outcome positive|negative [--on DATE] [--append FILE]",
    details: "Checks that the decision fits the referral's history (no second RG, no CG before a positive RG) are made by 'status' and 'validate', which see the whole case file.",
    flags: decideFlags
) { context in
    let a = context.arguments
    guard a.positionals.count == 1 else { throw UsageError("give exactly one referral id") }
    let referral = try a.recordID(from: a.positionals[0], what: "referral id")
    guard let stage: DecisionStage = try a.code("stage") else { throw UsageError("--stage is needed (rg or cg)") }
    guard let outcome: DecisionOutcome = try a.code("outcome") else { throw UsageError("--outcome is needed (positive or negative)") }
    let decision = NRMDecision(id: try a.recordID(prefix: "dec"), referral: referral, stage: stage, outcome: outcome,
                               on: try a.date("on") ?? CivilDate.today())
    try context.emit(decision.json)
    return .ok
}

let withdrawCommand = Command(
    name: "withdraw", summary: "Record that a referral was withdrawn (an nrm-withdrawal record).",
    usage: "REFERRAL-ID [--on DATE] [--append FILE]",
    flags: [Flag("on", value: "DATE", help: "The date of the withdrawal (yyyy-mm-dd).", default: "today"), .id, .append]
) { context in
    let a = context.arguments
    guard a.positionals.count == 1 else { throw UsageError("give exactly one referral id") }
    let w = NRMWithdrawal(id: try a.recordID(prefix: "wdr"), referral: try a.recordID(from: a.positionals[0], what: "referral id"),
                          on: try a.date("on") ?? CivilDate.today())
    try context.emit(w.json)
    return .ok
}
