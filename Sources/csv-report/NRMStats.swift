import SafeguardCore
import SafeguardCLI

let fromFlag = Flag<CivilDate?>("from", value: "DATE", help: "Only referrals received on or after this date.", .date)
let toFlag = Flag<CivilDate?>("to", value: "DATE", help: "Only referrals received on or before this date.", .date)
let tableFlag = Flag<NRMStatistics.Table?>("table", value: "NAME", help: "Only this table.", .code)
let categoriesFlag = Flag<StatisticsCategories?>("categories", value: "YEAR", help: "The exploitation categories: 2015 (a referral under its first type, criminal exploitation counted as labour; CHESHIRE L173-184) or 2019 (the Home Office's since 2019: criminal exploitation on its own, a referral with several types in one combination category such as 'sexual & criminal', and a county-lines table). Default: 2015 under --rules sources, 2019 under current.", .code)
let topFlag = Flag("top", value: "N", help: "How many nationalities top-nationalities lists before 'other'.", .int(in: 1...300), default: 10)

let nrmStatsCommand = Command(
    name: "nrm-stats", summary: "The NRM tables the Home Office publishes, from referral and decision records.",
    usage: "[--as-of DATE] [--from DATE] [--to DATE] [--table NAME] [--categories YEAR] [OPTIONS] [FILE...]",
    details: """
    Writes one CSV with the columns table,category,adult,child,total. The tables: \
    \(NRMStatistics.Table.codes.joined(separator: ", ")). A referral counts once, under its first \
    exploitation type in the NRM categories (criminal exploitation and benefit fraud count as labour, \
    forced marriage as not-specified) with --categories 2015; with --categories 2019 it counts once under \
    every type it names, as the Home Office does (criminal on its own, benefit fraud in it; several \
    types as one combination category), and the county-lines table counts the referrals flagged. It counts \
    as adult or child as it was treated on the referral date. Decisions dated after --as-of are not \
    counted. Counts are suppressed as in 'count', with all the tables audited together, so that no \
    table can be differenced against another. Records are checked as 'nrm-referral validate' checks them.
    """,
    flags: [
        CommonFlag.asOf, fromFlag, toFlag, tableFlag, categoriesFlag, CommonFlag.rules, topFlag,
        ReportFlag.suppressBelow, ReportFlag.noSuppress, ReportFlag.crlf, ReportFlag.bom, ReportFlag.keepVoided, CommonFlag.rejects, ReportFlag.format, ReportFlag.output,
    ]
) { context in
    let asOf = try context.asOf()
    let from = try context[fromFlag], to = try context[toFlag]
    if let from, let to, from > to { throw UsageError("--from \(from) is after --to \(to)") }
    let only = try context[tableFlag]
    let threshold = try context.suppressionThreshold()
    let workbook = try context.workbookPath()
    let rules = try context[CommonFlag.rules]
    let categories = try context[categoriesFlag] ?? StatisticsCategories(rules: rules)
    if only == .countyLines, categories != .y2019 { throw UsageError("--table county-lines is a table of the 2019 categories; give --categories 2019") }
    // Decisions made under the other rule set are judged by this command's (the CG no sooner than 30 days under current).
    let timescales = NRMTimescales(rules: rules)

    var folder = NRMCaseFolder(asOf: asOf, timescales: timescales)
    try CaseFile.fold(InputFiles(context.operands), into: &folder, diagnostics: context.diagnostics,
                      voids: context[ReportFlag.keepVoided] ? .keep : .honour) { _ in }
    var stats = NRMStatistics(topNationalities: try context[topFlag], categories: categories)
    try folder.forEachCase(asOf: asOf, timescales: timescales) { referral, status in
        if let from, referral.received < from { return }
        if let to, referral.received > to { return }
        stats.add(referral, status: status)
    }
    var rows = [["table", "category"] + NRMStatistics.columns + [CountTable.totalLabel]]
    let published = stats.tablesInUse.filter { only == nil || only == $0 }
    let grids = try stats.grids(publishing: Set(published), suppressBelow: threshold)
    for table in published {
        let grid = grids[table]!
        for row in grid.csvRows(rowFields: ["category"]).dropFirst() { rows.append([table.rawValue] + row) }
    }
    try context.writeTable(rows, labelColumns: 2, workbook: workbook)
    return .ok
}
