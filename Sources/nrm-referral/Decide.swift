import SafeguardCore
import SafeguardCLI

let stageFlag = Flag<DecisionStage?>("stage", value: "STAGE", help: "rg (reasonable grounds, stage 1) or cg (conclusive grounds, stage 2).", .code)
let outcomeFlag = Flag<DecisionOutcome?>("outcome", value: "OUTCOME", help: "positive or negative.", .code)
let decidedOnFlag = Flag.date("on", help: "The date of the decision (yyyy-mm-dd).")
let reconsiderationFlag = Flag(switch: "reconsideration", help: "The decision is a reconsideration: it supersedes the earlier decision at the same stage, which stays in the file.")
let confirmEarlyCGFlag = Flag(switch: "confirm-early-cg", help: "Record a conclusive-grounds decision dated before the recovery period ends (positive RG + --recovery-days), after checking its date: without this option such a decision is not written.")

let decideCommand = Command(
    name: "decide", summary: "Record a competent authority's decision on a referral (an nrm-decision record).",
    usage: "REFERRAL-ID --stage rg|cg --outcome positive|negative [--on DATE] [--rules sources|current] [--confirm-early-cg] [--append FILE]",
    details: """
    With --append the decision is checked against the case first, by the fold 'status' and 'validate' use: an \
    unknown referral, a second RG (unless --reconsideration) or a CG before a positive RG is refused (exit 65) \
    and nothing is written. A CG decision dated before the recovery period ends (the positive RG's date plus \
    --recovery-days, found in the --append and --case files) is a fact from the competent authority, so it is \
    kept, but never silently: at the prompt the date is shown with a warning and must be confirmed; from \
    options --confirm-early-cg is needed (exit 64 without it, nothing written). 'status' then keeps the \
    recovery period running to its end and marks the case early-cg, and 'validate' exits 1. \
    Under --rules current (or SAFEGUARD_RULES=current) a CG decision dated less than 30 days after the \
    positive RG is refused (exit 65, nothing written): the CG comes no sooner (Modern Slavery Act 2015 s.50A).
    """,
    flags: [stageFlag, outcomeFlag, decidedOnFlag, reconsiderationFlag, confirmEarlyCGFlag, CommonFlag.rules, recoveryDaysFlag,
            CommonFlag.id, CommonFlag.append, CommonFlag.caseFile, CommonFlag.interactive, CommonFlag.yes]
) { context in
    let referral = try referralOperand(context)
    return try context.record(fields: [stageFlag, outcomeFlag, decidedOnFlag]) { form in
        let stage = try form.choose(stageFlag, "Stage")
        let outcome = try form.choose(outcomeFlag, "Outcome")
        let on = try form.value(decidedOnFlag, "Date of the decision", hint: "yyyy-mm-dd")
        let decision = NRMDecision(id: try context.recordID(prefix: "dec"), referral: referral, stage: stage, outcome: outcome,
                                   on: on, reconsideration: try context[reconsiderationFlag])
        if stage == .cg, let ends = try earlyCGRecoveryEnds(decision, context) {
            let warning = "the conclusive-grounds decision is dated \(on), before the recovery period of referral \(referral) ends (\(ends)); "
                + "the CG decision is made after the recovery period (HESTIA), and there is no removal during it (SOLACE L111)"
            if !(try context[confirmEarlyCGFlag]) {
                guard let p = form.prompter else {
                    throw UsageError("\(warning). Check the date; if it is right, give --confirm-early-cg to record the decision")
                }
                p.say("\nWarning: \(warning).")
                p.say("It will be kept, and 'status' will mark the case early-cg: confirm the date, or challenge the decision.")
                guard try p.yesNo("Is the date right, and should the decision be recorded as it is?", default: nil) else { return nil }
            }
            context.diagnostics.note("early-cg: \(warning); 'status' keeps the recovery period running and marks the case early-cg")
        }
        return Draft(decision.json, title: "NRM decision")
    }
}

/// The end of the recovery period when a CG decision comes before it, from
/// the case in the --append and --case files (none without them).
func earlyCGRecoveryEnds(_ decision: NRMDecision, _ context: CommandContext) throws -> CivilDate? {
    let files = [try context[CommonFlag.append]].compactMap { $0 } + (try context[CommonFlag.caseFile])
    // Opened here only to read, and not registered as inputs: the --append file
    // is then written, and checked under its lock, by `emit`. A file that cannot
    // be read (a new case file) has no RG; the check at write reports the rest.
    var opened = files.compactMap { path in
        (try? SafeFile.openForReading(path: path)).map { OpenedInput(name: path, fd: $0, end: SafeFile.readableEnd(fd: $0)) }
    }
    defer { opened.forEach { $0.close() } }
    guard !opened.isEmpty else { return nil }
    var folder = NRMCaseFolder.checking()
    let quiet = Diagnostics(tool: context.tool, quiet: true) { _ in }
    do { try CaseFile.fold(&opened, into: &folder, diagnostics: quiet) { _ in } } catch { return nil }
    guard let rg = folder.reasonableGrounds(of: decision.referral) else { return nil }
    let timescales = try nrmTimescales(context)
    if let earliest = timescales.cgTooSoon(decision.on, after: rg) {
        throw CommandFailure(NRMCaseFolder.cgTooSoonMessage(referral: decision.referral, rg: rg.on, earliest: earliest,
                                                            days: timescales.cgEarliestDays ?? 0) + "; nothing was written", exitCode: .dataError)
    }
    return timescales.earlyCG(decision.on, after: rg)
}

/// The one referral id a decision or withdrawal names.
func referralOperand(_ context: CommandContext) throws -> RecordID {
    guard context.operands.count == 1 else { throw UsageError("give exactly one referral id") }
    return try context.recordID(from: context.operands[0], what: "referral id")
}
