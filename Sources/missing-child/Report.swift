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
    usage: "[--as-of DATETIME] [--placements] [RULE OPTIONS] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Folds placements, starts, returns and return interviews per child in time order (not line order). \
    Each status says whether the child is missing now and for how many hours; the episodes in the last \
    --window-days days and whether that is a repeat pattern; whether the return interview is outstanding \
    and overdue; whether the police were not told of an open missing episode; and, for a child with a \
    trafficking concern, the high-risk window and the agencies to notify. Exit status: 0 when nothing \
    needs action, 1 when a child is missing now, an interview is overdue, or the police were not told \
    (for cron); 65 when a line is bad.
    """,
    flags: [RuleFlag.asOf, RuleFlag.placements, RuleFlag.windowDays, RuleFlag.repeatEpisodes, RuleFlag.interviewHours,
            RuleFlag.highRiskDays, RuleFlag.maxReorder, CommonFlag.pass, CommonFlag.rejects]
) { context in
    let folder = MissingFolder(asOf: try context[RuleFlag.asOf], rules: try context.missingRules(),
                               bufferLimit: try context[RuleFlag.maxReorder])
    let inputs = try InputFiles(context.operands).open()
    defer { inputs.forEach { $0.close() } }
    try MissingCaseFile.read(inputs, into: folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    let statuses = folder.finish()
    for p in folder.problems { try context.diagnostics.reject(p.source.file, p.source.line, p.message, raw: p.raw) }
    for status in statuses { try context.output.write(record: status.json) }
    if try context[RuleFlag.placements] {
        for (name, s) in folder.byPlacement.sorted(by: { $0.key < $1.key }) {
            var b = JSONObjectBuilder(kind: "placement-summary")
            b.set("placement", name)
            b.set("as-of", folder.asOf)
            b.set("window-days", folder.rules.windowDays)
            b.set("episodes", s.episodes)
            b.set("children", s.children.count)
            b.set("hours-missing", s.hours)
            try context.output.write(record: b.value)
        }
    }
    return statuses.contains(where: \.actionNeeded) ? .actionNeeded : .ok
}

let yearFlag = Flag<Int?>("year", value: "YYYY", help: "The collection year, by the year it ends.", .int(in: 2000...2999))
let crlfFlag = Flag(switch: "crlf", help: "End lines with CRLF.")

let ssda903Command = Command(
    name: "ssda903", summary: "The SSDA903 Missing table (CSV) for a collection year, 1 April to 31 March.",
    usage: "--year YYYY [--crlf] [--rejects FILE] [FILE...]",
    details: """
    Columns CHILD,DOB,MISSING,MIS_START,MIS_END; dates dd/mm/yyyy; MISSING is M (missing) or A (away). \
    --year names the year the collection ends: 2026 is 1 April 2025 to 31 March 2026. Episodes that \
    overlap the year are included; MIS_END is blank for an episode still open on 31 March. The date of \
    birth comes from the child's placement records. Nothing is written if any line is bad, an episode \
    ends before it starts or overlaps another of the same child, or a child has no date of birth: each \
    is named by file and line, and the exit status is 65.
    """,
    flags: [yearFlag, crlfFlag, CommonFlag.rejects]
) { context in
    guard let year = try context[yearFlag] else { throw UsageError("--year is needed") }
    let folder = MissingFolder(asOf: DateTime(seconds: Int64.max / 2), keepEpisodes: true, bufferLimit: Int.max)
    let inputs = try InputFiles(context.operands).open()
    defer { inputs.forEach { $0.close() } }
    try MissingCaseFile.read(inputs, into: folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    _ = folder.finish()
    for p in folder.problems { try context.diagnostics.reject(p.source.file, p.source.line, p.message, raw: p.raw) }
    let (rows, noDOB) = SSDA903.rows(episodes: folder.episodes, dob: folder.datesOfBirth, year: year)
    for e in noDOB {
        context.diagnostics.error(e.startSource.file, e.startSource.line, "child \(e.child) has no date of birth: add a placement record for them")
    }
    guard context.diagnostics.errorCount == 0 else {
        context.diagnostics.note("no SSDA903 table written: the return must be complete and correct")
        return .dataError
    }
    var out: [UInt8] = []
    let csv = CSVWriter(crlf: try context[crlfFlag])
    csv.appendRow(SSDA903.header, to: &out)
    for row in rows { csv.appendRow(row, to: &out) }
    try context.output.write(out)
    return .ok
}
