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
        ReportFlag.crlf, ReportFlag.bom, ReportFlag.keepVoided, CommonFlag.asOf, CommonFlag.rejects, ReportFlag.threads, ReportFlag.format, ReportFlag.output,
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
    let threads = try context[ReportFlag.threads]
    let voids = try VoidFilter(&inputs, keep: context[ReportFlag.keepVoided], threads: threads)

    let rowFields = plan.columns.prefix(by.count).map(\.header)
    let workers = (0..<threads).map { k in
        CountTally(columns: plan.columns, kind: kind, pivot: pivot, asOf: asOf, rowFields: rowFields, voids: k == 0 ? voids : voids.copy())
    }
    try forEachLine(in: inputs, diagnostics: context.diagnostics, threads: threads, workers: workers) { _ in }
    var table = workers[0].table()
    for worker in workers.dropFirst() {
        table.merge(worker.table())
        voids.merge(worker.voids)
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

