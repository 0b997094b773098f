import SafeguardCore
import SafeguardCLI

let byFlag = Flag<[String]>("by", value: "FIELDS", help: "The fields to group by, as comma-separated dotted paths.", each: .path)
let pivotFlag = Flag<String?>("pivot", value: "FIELD", help: "A field whose values become the columns.", .path)

let countCommand = Command(
    name: "count", summary: "Count records grouped by fields, with totals and small-number suppression.",
    usage: "--by FIELDS [--pivot FIELD] [--kind KIND] [OPTIONS] [FILE...]",
    details: """
    Writes one row per group with its count, and a total row; with --pivot, the pivot field's values \
    run across the columns with a total column. A record whose field is an array is counted once under \
    each of its values. A missing field counts as (missing). Counts from 1 to 4 are shown as [c], and \
    an exact audit hides enough other cells that none can be worked out or narrowed to fewer than 5 \
    values from the table (secondary suppression). [z]: not applicable (the kind has no such field). \
    Grouping by a personal-data field needs --include-personal-data, or --age-band for a date of birth.
    """,
    flags: [
        byFlag, pivotFlag,
        ReportFlag.kind, ReportFlag.suppressBelow, ReportFlag.noSuppress, ReportFlag.includePersonal, ReportFlag.ageBand,
        ReportFlag.crlf, ReportFlag.bom, ReportFlag.keepVoided, CommonFlag.asOf, CommonFlag.rejects, ReportFlag.format, ReportFlag.output,
    ]
) { context in
    let by = try context[byFlag]
    guard !by.isEmpty else { throw UsageError("--by is needed") }
    let pivot = try context[pivotFlag]
    if let pivot, by.contains(pivot) { throw UsageError("--pivot \(pivot) is also a --by field") }
    let kind = try context[ReportFlag.kind]
    let threshold = try context.suppressionThreshold()
    let asOf = try context.asOf()
    let workbook = try context.workbookPath()
    let fields = by + (pivot.map { [$0] } ?? [])
    let plan = Flattener.plan(requested: fields, kind: kind, includePersonal: try context[ReportFlag.includePersonal],
                              ageBand: try context[ReportFlag.ageBand])
    let personal = plan.dropped + plan.redacted
    guard personal.isEmpty else {
        throw UsageError("\(personal.joined(separator: ", ")) is or holds personal data; counting by it needs --include-personal-data (or --age-band for a date of birth)")
    }
    var inputs = try InputFiles(context.operands).open()
    defer { inputs.forEach { $0.close() } }
    let voids = try VoidFilter(&inputs, keep: context[ReportFlag.keepVoided])

    let scanner = FieldScanner(paths: fields + ["kind"])
    var table = CountTable(rowFields: plan.columns.prefix(by.count).map(\.header), columnField: pivot)
    try forEachLine(in: inputs, diagnostics: context.diagnostics) { name, line in
        if voids.leavesOut(line.bytes) { return }
        do {
            let isObject: Bool
            do throws(JSONSyntaxError) { isObject = try scanner.scan(line.bytes) } catch { throw RecordError(error.message) }
            guard isObject else { throw RecordError("a record must be a JSON object") }
            if let kind, scanner.text(scanner.cells[fields.count], in: line.bytes) != kind { return }
            let values = try plan.columns.enumerated().map { k, column -> [String] in
                let cell = scanner.cells[k]
                guard column.asAgeBand else {
                    let texts = scanner.texts(cell, in: line.bytes)
                    if texts.contains(where: CSVWriter.holdsNUL) { throw RecordError.nul(column.path) }
                    return texts.isEmpty ? ["(missing)"] : texts
                }
                guard cell != .missing, cell != .null else { return ["(missing)"] }
                guard let text = scanner.text(cell, in: line.bytes), let dob = CivilDate(text) else {
                    throw RecordError("field \(column.path) is not a date (yyyy-mm-dd), so it has no age band")
                }
                return [AgeBand.label(dob: dob, on: asOf) ?? "(missing)"]
            }
            // Every combination of the values (an array field counts under each of its values).
            var keys: [[String]] = [[]]
            for v in values { keys = keys.flatMap { k in v.map { k + [$0] } } }
            for key in keys {
                if pivot != nil { table.add(row: Array(key.dropLast()), column: key.last!) } else { table.add(row: key) }
            }
        } catch let e as RecordError {
            try context.diagnostics.reject(name, line.number, e.description, raw: line.raw)
        }
    }
    if let note = voids.note { context.diagnostics.note(note) }
    var grid = table.grid()
    // [z]: a pivot value in a row whose record kind has no such field.
    if let pivot, let k = by.firstIndex(of: "kind") {
        grid.markNotApplicable { row, column in
            column != "(missing)" && !(SchemaFields.defines(pivot, kind: row[k]) ?? true)
        }
    }
    try grid.suppress(below: threshold)
    try context.writeTable(grid.csvRows(rowFields: table.rowFields), labelColumns: table.rowFields.count, workbook: workbook)
    return .ok
}
