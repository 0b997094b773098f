import SafeguardCore
import SafeguardCLI

let yearFlag = Flag<Int?>("year", value: "YYYY", help: "The collection year, by the year it ends.", .int(in: 2000...2999))
let crlfFlag = Flag(switch: "crlf", help: "End lines with CRLF.")

let ssda903Command = Command(
    name: "ssda903", summary: "The SSDA903 Missing table (CSV) for a collection year, 1 April to 31 March.",
    usage: "--year YYYY [--crlf] [--rejects FILE] [FILE...]",
    details: """
    Columns CHILD,DOB,MISSING,MIS_START,MIS_END; dates dd/mm/yyyy, each the calendar date in England \
    (Europe/London, with BST) of the instant recorded, whatever its offset; MISSING is M (missing) or A (away). \
    --year names the year the collection ends: 2026 is 1 April 2025 to 31 March 2026. Episodes that \
    overlap the year are included; MIS_END is blank for an episode still open on 31 March. The date of \
    birth comes from the child's placement records. Nothing is written if any line is bad, an episode \
    ends before it starts or overlaps another of the same child, starts before the child's date of birth \
    or first placement, or a child has no date of birth: each \
    is named by file and line, and the exit status is 65.
    """,
    flags: [yearFlag, crlfFlag, CommonFlag.rejects]
) { context in
    guard let year = try context[yearFlag] else { throw UsageError("--year is needed") }
    var folder = MissingFolder(asOf: DateTime(seconds: Int64.max / 2), keepEpisodes: true, bufferLimit: Int.max)
    try CaseFile.fold(InputFiles(context.operands), into: &folder, diagnostics: context.diagnostics, other: context.passOrLeaveOut)
    let (rows, noDOB) = SSDA903.rows(episodes: folder.episodes, dob: folder.datesOfBirth, year: year)
    for e in noDOB {
        context.diagnostics.error(e.startSource.file, e.startSource.line, "child \(e.child) has no date of birth: add a placement record for them")
    }
    for (e, message) in SSDA903.notLookedAfter(episodes: folder.episodes, dob: folder.datesOfBirth, firstPlacement: folder.firstPlacements) {
        context.diagnostics.error(e.startSource.file, e.startSource.line, message)
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
