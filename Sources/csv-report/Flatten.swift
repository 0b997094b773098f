import SafeguardCore
import SafeguardCLI

let columnsFlag = Flag<[String]>("columns", value: "PATHS", help: "The columns, in order, as comma-separated dotted paths.", each: .path)

let flattenCommand = Command(
    name: "flatten", summary: "Turn NDJSON records into RFC 4180 CSV, one row per record.",
    usage: "[--columns PATHS] [--kind KIND] [OPTIONS] [FILE...]",
    details: """
    Columns are dotted paths (subject.nationality); arrays are joined with ';'; objects are written as \
    JSON; a missing field or null is an empty cell. Without --columns, the columns are the fields of \
    the first record (of --kind, if given). Fields marked as personal data are left out unless \
    --include-personal-data is given, and standard error names them. A text cell starting with =, +, \
    -, @, tab or CR gets a leading ' so a spreadsheet does not run it as a formula. Every line is \
    checked as JSON; a bad line is reported as FILE:LINE, kept with --rejects, and left out of the CSV.
    """,
    flags: [
        columnsFlag, ReportFlag.kind, ReportFlag.noHeader, ReportFlag.crlf, ReportFlag.includePersonal, ReportFlag.ageBand,
        ReportFlag.keepVoided, CommonFlag.asOf, CommonFlag.rejects,
    ]
) { context in
    let kind = try context[ReportFlag.kind]
    let requested = try context[columnsFlag]
    let includePersonal = try context[ReportFlag.includePersonal], ageBand = try context[ReportFlag.ageBand]
    let header = try !context[ReportFlag.noHeader]
    var inputs = try InputFiles(context.operands).open()
    defer { inputs.forEach { $0.close() } }
    let voids = try VoidFilter(&inputs, keep: context[ReportFlag.keepVoided])
    let asOf = try context.asOf()

    var flattener: Flattener?
    func start(with paths: [String]) throws {
        let plan = Flattener.plan(requested: paths.uniqued(), kind: kind, includePersonal: includePersonal, ageBand: ageBand)
        context.noteLeftOut(dropped: plan.dropped, redacted: plan.redacted)
        guard !plan.columns.isEmpty else { throw UsageError("no columns left to write") }
        let f = Flattener(columns: plan.columns, kind: kind, asOf: asOf, csv: try context.csvWriter())
        if header {
            var header: [UInt8] = []
            f.header(into: &header)
            try context.output.write(header)
        }
        flattener = f
    }
    if !requested.isEmpty { try start(with: requested) }

    var row: [UInt8] = []
    row.reserveCapacity(4096)
    try forEachLine(in: inputs, diagnostics: context.diagnostics) { name, line in
        if voids.leavesOut(line.bytes) { return }
        if flattener == nil {
            // No --columns: take them from the first record of the kind wanted.
            let value: JSONValue
            do throws(JSONSyntaxError) {
                value = try JSONParser.parse(line.bytes)
            } catch {
                try context.diagnostics.reject(name, line.number, error.message, raw: line.raw)
                return
            }
            guard let object = value.objectValue else {
                try context.diagnostics.reject(name, line.number, "a record must be a JSON object", raw: line.raw)
                return
            }
            guard kind == nil || object["kind"]?.stringValue == kind else { return }
            try start(with: value.leafPaths)
        }
        row.removeAll(keepingCapacity: true)
        do {
            if try flattener!.appendRow(line.bytes, to: &row) { try context.output.write(row) }
        } catch let e as RecordError {
            try context.diagnostics.reject(name, line.number, e.description, raw: line.raw)
        }
    }
    if let note = voids.note { context.diagnostics.note(note) }
    for path in flattener?.unmatchedPaths ?? [] {
        context.diagnostics.warning("column \(path) matched no record; check the path")
    }
    return .ok
}
