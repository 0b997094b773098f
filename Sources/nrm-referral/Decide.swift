import SafeguardCore
import SafeguardCLI

let stageFlag = Flag<DecisionStage?>("stage", value: "STAGE", help: "rg (reasonable grounds, stage 1) or cg (conclusive grounds, stage 2).", .code)
let outcomeFlag = Flag<DecisionOutcome?>("outcome", value: "OUTCOME", help: "positive or negative.", .code)
let decidedOnFlag = Flag.date("on", help: "The date of the decision (yyyy-mm-dd).")
let reconsiderationFlag = Flag(switch: "reconsideration", help: "The decision is a reconsideration: it supersedes the earlier decision at the same stage, which stays in the file.")

let decideCommand = Command(
    name: "decide", summary: "Record a competent authority's decision on a referral (an nrm-decision record).",
    usage: "REFERRAL-ID --stage rg|cg --outcome positive|negative [--on DATE] [--append FILE]",
    details: "With --append the decision is checked against the case first, by the fold 'status' and 'validate' use: an unknown referral, a second RG (unless --reconsideration) or a CG before a positive RG is refused (exit 65) and nothing is written.",
    flags: [stageFlag, outcomeFlag, decidedOnFlag, reconsiderationFlag, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile]
) { context in
    let referral = try referralOperand(context)
    guard let stage = try context[stageFlag] else { throw UsageError("--stage is needed (rg or cg)") }
    guard let outcome = try context[outcomeFlag] else { throw UsageError("--outcome is needed (positive or negative)") }
    let decision = NRMDecision(id: try context.recordID(prefix: "dec"), referral: referral, stage: stage, outcome: outcome,
                               on: try context[decidedOnFlag], reconsideration: try context[reconsiderationFlag])
    try context.emit(decision.json)
    return .ok
}

/// The one referral id a decision or withdrawal names.
func referralOperand(_ context: CommandContext) throws -> RecordID {
    guard context.operands.count == 1 else { throw UsageError("give exactly one referral id") }
    return try context.recordID(from: context.operands[0], what: "referral id")
}
