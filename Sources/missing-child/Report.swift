import SafeguardCore
import SafeguardCLI

/// A time: a date-time with an offset, or a date alone for the start of that day (UTC).
extension ValueParser where T == DateTime {
    static var instant: Self {
        ValueParser { text in CivilDate(text).map { .success(DateTime(startOf: $0)) } ?? Parse.dateTime(text) }
    }
}

enum RuleFlag {
    static let asOf = Flag<DateTime>("as-of", value: "DATETIME", help: "Report as of this time (yyyy-mm-ddThh:mm+00:00; a date alone is the start of that day, UTC).",
                                     .instant, defaultText: "now") { $0.now() }
    static let placements = Flag(switch: "placements", help: "Add a placement-summary record per placement: episodes, children and hours missing in the window (SOLACE L419).")
    static let windowDays = Flag("window-days", value: "N", help: "Count episodes over this many days.", .int(in: 1...3660), default: MissingRules().windowDays)
    static let repeatEpisodes = Flag("repeat", value: "N", help: "This many episodes in the window is a repeat pattern.", .int(in: 1...1000), default: MissingRules().repeatThreshold)
    static let interviewHours = Flag("interview-hours", value: "N", help: "The return interview is due this many hours after the return.", .int(in: 1...10000), default: MissingRules().interviewHours)
    static let highRiskDays = Flag("high-risk-days", value: "N", help: "The high-risk window: the first days of a placement (SOLACE L399).", .int(in: 1...366), default: MissingRules().highRiskDays)
    static let maxReorder = Flag("max-reorder", value: "N", help: "How many of a child's events are held to put input that is out of line order into time order; memory grows with it. An event older than those already folded is reported.",
                                 .int(in: 2...100_000), default: MissingFolder.defaultBufferLimit)
}

/// report's own reading of --case: other tools' case files, read for the NRM referrals they hold.
let referralCaseFlag = Flag<[String]>("case", value: "FILE", help: "Another tool's case file, read for its NRM referrals (nrm-referral's referral records; voids honoured): a child with a trafficking concern and no referral whose subject id is the child's id needs action (CHESHIRE L207, L232, L282). Repeatable.", each: .path)

extension CommandContext {
    func missingRules() throws -> MissingRules {
        var rules = MissingRules()
        rules.windowDays = try self[RuleFlag.windowDays]
        rules.repeatThreshold = try self[RuleFlag.repeatEpisodes]
        rules.interviewHours = try self[RuleFlag.interviewHours]
        rules.highRiskDays = try self[RuleFlag.highRiskDays]
        return rules
    }
}

let reportCommand = Command(
    name: "report", summary: "The missing-from-care report: one missing-status record per child, as of a time.",
    usage: "[--as-of DATETIME] [--placements] [RULE OPTIONS] [--format text|ndjson] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Folds placements, concerns, starts, notifications, returns, return interviews and reviews per child \
    in time order (not line order). Each status says whether the child is missing now and for how many \
    hours; the episodes in the last --window-days days and whether that is a repeat pattern with no \
    multi-agency review since; whether the return interview is outstanding and overdue; whether the \
    police were not told of an open missing episode; whether a release to an adult lacked a check; and, \
    for a child with a trafficking concern, the high-risk window, the agencies to notify, those not told, \
    and whether an NRM referral names the child (referral records in the inputs or in --case files). \
    "actions" lists what needs action, with a code and a message that holds no personal field. Exit \
    status: 0 when nothing needs action, 1 when something does (for cron); 65 when a line is bad. \
    On a terminal the report is a table, one row per child; in a pipe or a file, missing-status records.
    """,
    flags: [RuleFlag.asOf, RuleFlag.placements, RuleFlag.windowDays, RuleFlag.repeatEpisodes, RuleFlag.interviewHours,
            RuleFlag.highRiskDays, RuleFlag.maxReorder, referralCaseFlag, CommonFlag.format, CommonFlag.pass, CommonFlag.rejects]
) { context in
    var folder = MissingFolder(asOf: try context[RuleFlag.asOf], rules: try context.missingRules(), bufferLimit: try context[RuleFlag.maxReorder])
    // Every input is opened before any is read, so a missing one (exit 66) is found before output starts.
    let caseFiles = try context[referralCaseFlag]
    var others = caseFiles.isEmpty ? [] : try InputFiles(caseFiles).open()
    defer { others.forEach { $0.close() } }
    var inputs = try InputFiles(context.operands).open()
    defer { inputs.forEach { $0.close() } }
    if !others.isEmpty {
        try forEachRecord(in: &others, diagnostics: context.diagnostics) { r in
            if r.kind == Referral.kind { folder.noteReferral(r.object) }
        }
    }
    try CaseFile.fold(&inputs, into: &folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    let statuses = folder.finish()
    let report = try context.report(MissingStatus.self)
    for status in statuses { try report.write(status) }
    try report.finish()
    if try context[RuleFlag.placements] {
        let placements = try context.report(PlacementSummary.self)
        for summary in folder.placementSummaries { try placements.write(summary) }
        try placements.finish(second: true)
    }
    return statuses.contains(where: \.actionNeeded) ? .actionNeeded : .ok
}
