import SafeguardCore
import SafeguardCLI

let statusCommand = Command(
    name: "status", summary: "Fold referrals and decisions into one nrm-status record per referral, as of a date.",
    usage: "[--as-of DATE] [--rules sources|current] [--rg-days N] [--recovery-days N] [--cg-review-days N] [--holidays FILE] [--format text|ndjson] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Each status gives the stage, the reasonable-grounds due date (received + --rg-days), the end of the \
    recovery period (positive RG + --recovery-days), the conclusive-grounds due date (the end of the \
    recovery period), what is outstanding and by how many days it is overdue. A referral is at \
    rg-pending from the day it is received. A conclusive-grounds decision dated before the recovery period \
    ends does not end it: the stage stays rg-positive until the period's end, and the status is marked \
    early-cg with the action confirm-or-challenge-early-cg (HESTIA; SOLACE L111); a note names its line. Decisions dated after --as-of are neither counted nor checked, \
    so a past report can be reproduced. Input need not be sorted. Bad lines are reported as they are read; \
    decisions that break a case rule are reported after the whole input is read. \
    Under --rules current (or SAFEGUARD_RULES=current) the RG is due 5 working days after receipt \
    (weekends and England and Wales bank holidays skipped; --holidays adds one-offs), the recovery \
    period is 30 days, a CG decision dated less than 30 days after the RG is a problem (left out, exit 65), \
    cg-due is left out (the guidance sets no target date) and the CG is overdue, as a reminder, \
    --cg-review-days after the recovery period ends (cg-review). Every status names its rule set (rules). On a terminal the statuses are a table (one row per referral, \
    with what is overdue and by how many days); in a pipe or a file, nrm-status records.
    """,
    flags: [CommonFlag.asOf] + timescaleFlags + [CommonFlag.format, CommonFlag.pass, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf()
    let timescales = try nrmTimescales(context)

    context.leftOutWhat = "record(s) not folded into a status (duty-to-notify or other kinds)"
    var folder = NRMCaseFolder(asOf: asOf, timescales: timescales)
    try CaseFile.fold(InputFiles(context.operands), into: &folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    let report = try context.report(NRMStatus.self)
    try folder.forEachCase(asOf: asOf, timescales: timescales) { _, status in try report.write(status) }
    try report.finish()
    for early in folder.earlyConclusiveDecisions(timescales: timescales) { context.diagnostics.note(earlyCGMessage(early)) }
    return .ok
}

/// `FILE:LINE: referral R: ...`: an early conclusive-grounds decision and what to do about it.
func earlyCGMessage(_ early: NRMCaseFolder.EarlyCG) -> String {
    "\(early.source): referral \(early.referral): early-cg: the conclusive-grounds decision is dated \(early.decided), before the "
        + "recovery period ends (\(early.recoveryEnds)); the period runs to its end. Confirm the date with the competent authority "
        + "(void the decision and record the right date if it is wrong), or challenge the decision"
}
