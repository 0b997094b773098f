import SafeguardCore

extension CommandContext {
    /// --as-of as a date-time; a date alone means the start of that day (UTC). Default: now.
    func asOfDateTime() throws -> DateTime {
        guard let text = arguments.value(Flag.asOf.long) else { return DateTime.now() }
        if let d = CivilDate(text) { return DateTime(startOf: d) }
        return try arguments.dateTime(Flag.asOf.long)!
    }

    func missingRules() throws -> MissingRules {
        var rules = MissingRules()
        rules.windowDays = try arguments.int("window-days", in: 1...3660) ?? rules.windowDays
        rules.repeatThreshold = try arguments.int("repeat", in: 1...1000) ?? rules.repeatThreshold
        rules.interviewHours = try arguments.int("interview-hours", in: 1...10000) ?? rules.interviewHours
        rules.highRiskDays = try arguments.int("high-risk-days", in: 1...366) ?? rules.highRiskDays
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
    flags: [
        Flag("as-of", value: "DATETIME", help: "Report as of this time (yyyy-mm-ddThh:mm+00:00; a date alone is the start of that day, UTC).", default: "now"),
        Flag("placements", help: "Add a placement-summary record per placement: episodes, children and hours missing in the window (SOLACE L419)."),
        Flag("window-days", value: "N", help: "Count episodes over this many days.", default: "90"),
        Flag("repeat", value: "N", help: "This many episodes in the window is a repeat pattern.", default: "3"),
        Flag("interview-hours", value: "N", help: "The return interview is due this many hours after the return.", default: "72"),
        Flag("high-risk-days", value: "N", help: "The high-risk window: the first days of a placement (SOLACE L399).", default: "7"),
        Flag("max-reorder", value: "N", help: "How many of a child's events are held to put input that is out of line order into time order; memory grows with it. An event older than those already folded is reported.", default: "16"),
        .pass, .rejects,
    ]
) { context in
    let a = context.arguments
    var folder = MissingFolder(asOf: try context.asOfDateTime(), rules: try context.missingRules(),
                               bufferLimit: try a.int("max-reorder", in: 2...100_000) ?? MissingFolder.defaultBufferLimit)
    try CaseFile.fold(InputFiles(a.positionals), into: &folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    let statuses = folder.finish()
    for status in statuses { try context.output.write(record: status.json) }
    if a.has("placements") {
        for summary in folder.placementSummaries { try context.output.write(record: summary.json) }
    }
    return statuses.contains(where: \.actionNeeded) ? .actionNeeded : .ok
}

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
    flags: [Flag("year", value: "YYYY", help: "The collection year, by the year it ends."), Flag("crlf", help: "End lines with CRLF."), .rejects]
) { context in
    let a = context.arguments
    guard let year = try a.int("year", in: 2000...2999) else { throw UsageError("--year is needed") }
    var folder = MissingFolder(asOf: DateTime(seconds: Int64.max / 2), keepEpisodes: true, bufferLimit: Int.max)
    try CaseFile.fold(InputFiles(a.positionals), into: &folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    let (rows, noDOB) = SSDA903.rows(episodes: folder.episodes, dob: folder.datesOfBirth, year: year)
    for e in noDOB {
        context.diagnostics.error(e.startSource.file, e.startSource.line, "child \(e.child) has no date of birth: add a placement record for them")
    }
    guard context.diagnostics.errorCount == 0 else {
        context.diagnostics.note("no SSDA903 table written: the return must be complete and correct")
        return .dataError
    }
    var out: [UInt8] = []
    let csv = CSVWriter(crlf: a.has("crlf"))
    csv.appendRow(SSDA903.header, to: &out)
    for row in rows { csv.appendRow(row, to: &out) }
    try context.output.write(out)
    return .ok
}
