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
        ReportFlag.keepVoided, CommonFlag.asOf, CommonFlag.rejects, ReportFlag.threads, ReportFlag.format, ReportFlag.output,
    ]
) { context in
    let kind = try context[ReportFlag.kind]
    let requested = try context[columnsFlag]
    let includePersonal = try context[ReportFlag.includePersonal], ageBand = try context[ReportFlag.ageBand]
    let header = try !context[ReportFlag.noHeader]
    let workbook = try context.workbookPath()
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
    let flattener: Flattener
    if let workbook {
        // One thread writes a workbook: each row carries its number (<row r="N">).
        let writer = Flattener(columns: plan.columns, kind: kind, asOf: asOf, csv: try context.csvWriter())
        /// Each selected record's row, made by `encoder`, handed to `write` with its FILE and LINE.
        func rows<Encoder: RowEncoder>(as encoder: Encoder, _ write: (_ row: [UInt8], _ name: String, _ line: Int) throws -> Void) throws {
            var row: [UInt8] = []
            row.reserveCapacity(4096)
            try forEachLine(in: inputs, diagnostics: context.diagnostics) { name, line in
                if voids.leavesOut(line.bytes) { return }
                row.removeAll(keepingCapacity: true)
                do {
                    if try writer.appendRow(line.bytes, as: encoder, to: &row), !plan.columns.isEmpty { try write(row, name, line.number) }
                } catch let e as RecordError {
                    try context.diagnostics.reject(name, line.number, e.description, raw: line.raw)
                }
            }
        }

        guard plan.columns.count <= XLSXRowEncoder.maxColumns else {
            throw CommandFailure("\(plan.columns.count) columns are more than the \(XLSXRowEncoder.maxColumns) a worksheet holds; "
                                 + "choose them with --columns, or write CSV", exitCode: .dataError)
        }
        try context.writeWorkbook(to: workbook, frozenHeader: header && !plan.columns.isEmpty) { book in
            if header, !plan.columns.isEmpty { try book.appendRow(plan.columns.map { .text($0.header) }, header: true) }
            try rows(as: book.rows) { row, name, line in
                // Never a workbook cut short: past Excel's last row, nothing is written.
                guard book.rows.rows <= XLSXRowEncoder.maxRows else {
                    throw CommandFailure("\(name):\(line): this record would be row \(book.rows.rows) of the worksheet, past the last "
                                         + "(\(XLSXRowEncoder.maxRows)); write CSV, or fewer records (--kind). No workbook was written.", exitCode: .dataError)
                }
                try book.write(row)
            }
        }
        flattener = writer
    } else {
        let csv = try context.csvWriter()
        // One flattener and void filter a thread: they hold the scanners' state.
        let workers = (0..<threads).map { k in
            FlattenWorker(flattener: Flattener(columns: plan.columns, kind: kind, asOf: asOf, csv: csv),
                          voids: k == 0 ? voids : voids.copy(), writesRows: !plan.columns.isEmpty)
        }
        flattener = workers[0].flattener
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
