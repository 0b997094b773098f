import SafeguardCore
import SafeguardCLI

let columnsFlag = Flag<[String]>("columns", value: "PATHS", help: "The columns, in order, as comma-separated dotted paths.", each: .path)

let flattenCommand = Command(
    name: "flatten", summary: "Turn NDJSON records into RFC 4180 CSV, one row per record.",
    usage: "[--columns PATHS] [--kind KIND] [OPTIONS] [FILE...]",
    details: """
    Columns are dotted paths (subject.nationality); arrays are joined with ';'; objects are written as \
    JSON; a missing field or null is an empty cell. Without --columns, the columns are every dotted path \
    found in the records (of --kind, if given), in the order first seen: a first pass finds them, and \
    standard input is first copied to a temporary file (mode 0600) for it. Fields marked as personal data are left out unless \
    --include-personal-data is given, and standard error names them. A text cell starting with =, +, \
    -, @, tab or CR gets a leading ' so a spreadsheet does not run it as a formula. Every line is \
    checked as JSON; a bad line is reported as FILE:LINE, kept with --rejects, and left out of the CSV.
    """,
    flags: [
        columnsFlag, ReportFlag.kind, ReportFlag.noHeader, ReportFlag.crlf, ReportFlag.bom, ReportFlag.includePersonal, ReportFlag.ageBand,
        ReportFlag.keepVoided, CommonFlag.asOf, CommonFlag.rejects, ReportFlag.threads,
    ]
) { context in
    let kind = try context[ReportFlag.kind]
    let requested = try context[columnsFlag]
    let includePersonal = try context[ReportFlag.includePersonal], ageBand = try context[ReportFlag.ageBand]
    let header = try !context[ReportFlag.noHeader]
    var inputs = try InputFiles(context.operands).open()
    defer { inputs.forEach { $0.close() } }
    let threads = try context[ReportFlag.threads]
    let voids = try VoidFilter(&inputs, keep: context[ReportFlag.keepVoided], threads: threads)
    let asOf = try context.asOf()

    var paths = requested
    if paths.isEmpty {
        // No --columns: the union of every selected record's leaf paths, in
        // first-seen order, found by a first pass (a pipe is spooled to a 0600
        // temporary file first, so memory stays flat in the number of records).
        paths = try ColumnUnion.paths(of: &inputs, kind: kind, voids: voids, threads: threads)
    }
    let plan = Flattener.plan(requested: paths.uniqued(), kind: kind, includePersonal: includePersonal, ageBand: ageBand)
    context.noteLeftOut(dropped: plan.dropped, redacted: plan.redacted)
    // A file with no records (of --kind) has no columns to find: it gives an empty CSV, as before.
    guard !plan.columns.isEmpty || (requested.isEmpty && paths.isEmpty) else { throw UsageError("no columns left to write") }
    let csv = try context.csvWriter()
    // One flattener and void filter a thread: they hold the scanners' state.
    let workers = (0..<threads).map { k in
        FlattenWorker(flattener: Flattener(columns: plan.columns, kind: kind, asOf: asOf, csv: csv),
                      voids: k == 0 ? voids : voids.copy(), writesRows: !plan.columns.isEmpty)
    }
    let flattener = workers[0].flattener
    try context.startCSV()
    if header, !plan.columns.isEmpty {
        var bytes: [UInt8] = []
        flattener.header(into: &bytes)
        try context.output.write(bytes)
    }

    try forEachLine(in: inputs, diagnostics: context.diagnostics, threads: threads, workers: workers) { try context.output.write($0) }
    for worker in workers.dropFirst() {
        flattener.merge(worker.flattener)
        voids.merge(worker.voids)
    }
    if let note = voids.note { context.diagnostics.note(note) }
    for path in flattener.unmatchedPaths {
        context.diagnostics.warning("column \(path) matched no record; check the path")
    }
    return .ok
}

/// One thread's share of the rows: its own scanners, so threads share nothing while they read.
final class FlattenWorker: LineWorker {
    let flattener: Flattener
    let voids: VoidFilter
    /// False when every column was left out: the rows would be empty lines.
    let writesRows: Bool

    init(flattener: Flattener, voids: VoidFilter, writesRows: Bool) {
        self.flattener = flattener
        self.voids = voids
        self.writesRows = writesRows
    }

    func take(_ line: InputLine, into out: inout [UInt8]) throws {
        if voids.leavesOut(line.bytes) { return }
        let mark = out.count
        if try flattener.appendRow(line.bytes, to: &out), !writesRows { out.removeSubrange(mark...) }
    }
}
