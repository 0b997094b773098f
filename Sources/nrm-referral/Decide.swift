import SafeguardCore
import SafeguardCLI

let stageFlag = Flag<DecisionStage?>("stage", value: "STAGE", help: "rg (reasonable grounds, stage 1) or cg (conclusive grounds, stage 2).", .code)
let outcomeFlag = Flag<DecisionOutcome?>("outcome", value: "OUTCOME", help: "positive or negative.", .code)
let decidedOnFlag = Flag.date("on", help: "The date of the decision (yyyy-mm-dd).")

let decideCommand = Command(
    name: "decide", summary: "Record a competent authority's decision on a referral (an nrm-decision record).",
    usage: "REFERRAL-ID --stage rg|cg --outcome positive|negative [--on DATE] [--append FILE]",
    details: "Checks that the decision fits the referral's history (no second RG, no CG before a positive RG) are made by 'status' and 'validate', which see the whole case file.",
    flags: [stageFlag, outcomeFlag, decidedOnFlag, CommonFlag.id, CommonFlag.append]
) { context in
    let referral = try referralOperand(context)
    guard let stage = try context[stageFlag] else { throw UsageError("--stage is needed (rg or cg)") }
    guard let outcome = try context[outcomeFlag] else { throw UsageError("--outcome is needed (positive or negative)") }
    let decision = NRMDecision(id: try context.recordID(prefix: "dec"), referral: referral, stage: stage, outcome: outcome,
                               on: try context[decidedOnFlag])
    try context.emit(decision.json)
    return .ok
}

/// The one referral id a decision or withdrawal names.
func referralOperand(_ context: CommandContext) throws -> RecordID {
    guard context.operands.count == 1 else { throw UsageError("give exactly one referral id") }
    return try context.recordID(from: context.operands[0], what: "referral id")
}
