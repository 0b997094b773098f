/// Counts grouped by row keys and, optionally, a column key, with totals.
public struct CountTable: Sendable {
    public static let countColumn = "count"
    public static let totalLabel = "total"

    public let rowFields: [String]
    /// The field whose values run across the columns (`--pivot`); nil for one count column.
    public let columnField: String?
    var counts: [[String]: [String: Int]] = [:]

    public init(rowFields: [String], columnField: String? = nil) {
        self.rowFields = rowFields
        self.columnField = columnField
    }

    public mutating func add(row: [String], column: String = CountTable.countColumn, count: Int = 1) {
        counts[row, default: [:]][column, default: 0] += count
    }

    /// Adds another table's counts (another thread's share of the lines).
    public mutating func merge(_ other: CountTable) {
        for (row, columns) in other.counts {
            for (column, n) in columns { add(row: row, column: column, count: n) }
        }
    }

    /// The table laid out with totals. Rows and columns come in the given
    /// order (keys not listed follow, sorted), so fixed categories with a zero count still show.
    public func grid(rows rowOrder: [[String]] = [], columns columnOrder: [String] = []) -> CountGrid {
        let rowKeys = rowOrder + counts.keys.filter { !rowOrder.contains($0) }.sorted { $0.lexicographicallyPrecedes($1) }
        let seen = Set(counts.values.flatMap(\.keys))
        let columnKeys = columnField == nil ? [CountTable.countColumn]
            : columnOrder + seen.subtracting(columnOrder).sorted()
        let values = rowKeys.map { r in columnKeys.map { counts[r]?[$0] ?? 0 } }
        return CountGrid(rowKeys: rowKeys, columnKeys: columnKeys, interior: values)
    }
}

/// A laid-out table: interior counts plus a total row and, when there is
/// more than one column, a total column. Cells hold counts or are suppressed.
public struct CountGrid: Sendable {
    public let rowKeys: [[String]]
    public let columnKeys: [String]
    /// `values[r][c]`, with the total row last and (if `hasTotalColumn`) the total column last.
    public let values: [[Int]]
    public private(set) var suppressed: [[Bool]]
    /// Cells that cannot hold a count (the field does not exist in that kind
    /// of record): shown as `[z]`, the GSS symbol for "not applicable". Each is 0.
    public private(set) var notApplicable: Set<[Int]> = []
    public var hasTotalColumn: Bool { columnKeys.count > 1 }

    init(rowKeys: [[String]], columnKeys: [String], interior: [[Int]]) {
        self.rowKeys = rowKeys
        self.columnKeys = columnKeys
        let withRowTotals = columnKeys.count > 1 ? interior.map { $0 + [$0.reduce(0, +)] } : interior
        let width = withRowTotals.first?.count ?? (columnKeys.count > 1 ? columnKeys.count + 1 : columnKeys.count)
        let totals = (0..<width).map { c in withRowTotals.reduce(0) { $0 + $1[c] } }
        values = withRowTotals + [totals]
        suppressed = values.map { $0.map { _ in false } }
    }

    /// Small-number suppression, as official statistics do it, then checked
    /// by the exact audit. Primary: every count from 1 to `threshold - 1` is
    /// hidden. Secondary: a quick first pass (`suppressFirstPass`), then the
    /// `DisclosureAudit` hides more until no hidden cell can be narrowed to
    /// fewer than `threshold` whole numbers from what the table shows.
    /// Throws `CommandFailure` (exit 70) when exact arithmetic would overflow.
    public mutating func suppress(below threshold: Int) throws {
        guard threshold > 1 else { return }
        suppressFirstPass(below: threshold)
        var audit = DisclosureAudit()
        let cells = audit.add(self)
        try audit.protect(threshold: threshold)
        take(audit, cells)
    }

    /// Primary suppression alone: every count from 1 to `threshold - 1`.
    public mutating func suppressPrimary(below threshold: Int) {
        for r in values.indices { for c in values[r].indices where values[r][c] > 0 && values[r][c] < threshold { suppressed[r][c] = true } }
    }

    /// Marks as suppressed every cell the audit hid.
    public mutating func take(_ audit: DisclosureAudit, _ cells: [[Int]]) {
        for r in cells.indices { for c in cells[r].indices where audit.isSuppressed(cells[r][c]) { suppressed[r][c] = true } }
    }

    /// Primary suppression, and the usual secondary rule as a quick first
    /// pass: wherever a row or column (with its total) has exactly one hidden
    /// cell, the smallest non-zero count in it, or else its total, is hidden
    /// too. Repeated until no row or column has one hidden cell. This alone
    /// is not enough (rows and columns combined can still give a cell away);
    /// the audit decides.
    public mutating func suppressFirstPass(below threshold: Int) {
        guard threshold > 1 else { return }
        suppressPrimary(below: threshold)
        let rows = values.count, cols = values.first?.count ?? 0
        var lines: [(interior: [(Int, Int)], total: (Int, Int))] = []
        if hasTotalColumn {
            for r in 0..<rows { lines.append(((0..<(cols - 1)).map { (r, $0) }, (r, cols - 1))) }
        }
        for c in 0..<cols { lines.append(((0..<(rows - 1)).map { ($0, c) }, (rows - 1, c))) }
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let all = line.interior + [line.total]
                guard all.filter({ suppressed[$0.0][$0.1] }).count == 1 else { continue }
                let candidates = line.interior.filter { !suppressed[$0.0][$0.1] && values[$0.0][$0.1] > 0 }
                if let smallest = candidates.min(by: { values[$0.0][$0.1] < values[$1.0][$1.1] }) {
                    suppressed[smallest.0][smallest.1] = true
                } else if !suppressed[line.total.0][line.total.1] {
                    suppressed[line.total.0][line.total.1] = true
                } else {
                    continue
                }
                changed = true
            }
        }
    }

    /// Marks cells as not applicable; only a zero can be, so the totals are unchanged.
    public mutating func markNotApplicable(_ isNotApplicable: (_ rowKey: [String], _ columnKey: String) -> Bool) {
        for (r, key) in rowKeys.enumerated() {
            for (c, column) in columnKeys.enumerated() where values[r][c] == 0 && isNotApplicable(key, column) { notApplicable.insert([r, c]) }
        }
    }

    /// The text of a cell, with the GSS symbols: its count, `[c]` when
    /// suppressed (confidential), `[z]` when not applicable.
    public func cell(_ r: Int, _ c: Int) -> String {
        suppressed[r][c] ? "[c]" : notApplicable.contains([r, c]) ? "[z]" : String(values[r][c])
    }

    /// Header and rows as CSV fields: row-key columns, then counts, then the total column.
    public func csvRows(rowFields: [String]) -> [[String]] {
        var out: [[String]] = [rowFields + columnKeys + (hasTotalColumn ? [CountTable.totalLabel] : [])]
        for (r, key) in rowKeys.enumerated() {
            out.append(key + values[r].indices.map { cell(r, $0) })
        }
        let totalLabel = [CountTable.totalLabel] + Array(repeating: "", count: max(0, rowFields.count - 1))
        out.append(totalLabel + values[values.count - 1].indices.map { cell(values.count - 1, $0) })
        return out
    }
}
