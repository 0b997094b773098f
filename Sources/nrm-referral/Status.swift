import SafeguardCore
import SafeguardCLI

let rgDaysFlag = Flag("rg-days", value: "N", help: "Days after the referral is received that the reasonable-grounds decision is due (HESTIA).",
                      .int(in: 0...365), default: NRMTimescales().rgDays)
let recoveryDaysFlag = Flag("recovery-days", value: "N", help: "Length of the recovery and reflection period after a positive RG (HESTIA; SOLACE L111). The Convention minimum is 30.",
                            .int(in: 0...365), default: NRMTimescales().recoveryDays)

let statusCommand = Command(
    name: "status", summary: "Fold referrals and decisions into one nrm-status record per referral, as of a date.",
    usage: "[--as-of DATE] [--rg-days N] [--recovery-days N] [--format text|ndjson] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Each status gives the stage, the reasonable-grounds due date (received + --rg-days), the end of the \
    recovery period (positive RG + --recovery-days), the conclusive-grounds due date (the end of the \
    recovery period), what is outstanding and by how many days it is overdue. A referral is at \
    rg-pending from the day it is received. Decisions dated after --as-of are neither counted nor checked, \
    so a past report can be reproduced. Input need not be sorted. Bad lines are reported as they are read; \
    decisions that break a case rule are reported after the whole input is read. On a terminal the \
    statuses are a table (one row per referral, with what is overdue and by how many days); in a pipe \
    or a file, nrm-status records.
    """,
    flags: [CommonFlag.asOf, rgDaysFlag, recoveryDaysFlag, CommonFlag.format, CommonFlag.pass, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf()
    var timescales = NRMTimescales()
    timescales.rgDays = try context[rgDaysFlag]
    timescales.recoveryDays = try context[recoveryDaysFlag]

    context.leftOutWhat = "record(s) not folded into a status (duty-to-notify or other kinds)"
    var folder = NRMCaseFolder(asOf: asOf)
    try CaseFile.fold(InputFiles(context.operands), into: &folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    let report = try context.report(NRMStatus.self)
    for status in try folder.statuses(asOf: asOf, timescales: timescales) { try report.write(status) }
    try report.finish()
    return .ok
}
