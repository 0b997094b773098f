/// The exact disclosure audit of published counts: the method of tau-ARGUS
/// and the ONS (protection intervals; Hundepool et al., "Statistical
/// Disclosure Control", Wiley 2012, ch. 4 and 5).
///
/// Every figure in a run is a variable: the cells and totals of each table,
/// and quantities that no table shows but that tie tables together (the
/// referrals of unknown nationality by exploitation type, say). Equations say
/// how they add up. A cell shown as a number is known to anyone; a `[c]` cell
/// is known only to be at least 1 (a zero is always shown), and a hidden
/// quantity to be at least 0. For each `[c]` cell, linear programming over
/// everything published gives the smallest and largest value it can take,
/// exactly (`ExactLP`). The cell is protected when the whole numbers in that
/// range span at least the threshold; otherwise more cells are hidden,
/// smallest first and nearest first, and the audit runs again.
public struct DisclosureAudit: Sendable {
    var values: [Int] = []
    var publishable: [Bool] = []
    /// 0 for a cell, 1 for a row or column total, 2 for a grand total: totals are hidden last.
    var rank: [Int] = []
    public private(set) var suppressed: [Bool] = []
    /// `Σ coefficient · variable = constant`.
    var equations: [(terms: [(variable: Int, coefficient: Int64)], constant: Int64)] = []

    public init() {}

    /// A new variable with its true value. One that is not publishable is
    /// never shown: a total no table prints, or a table not in this run.
    public mutating func add(value: Int, publishable: Bool = true, suppressed: Bool = false, rank: Int = 0) -> Int {
        values.append(value)
        self.rank.append(rank)
        self.publishable.append(publishable)
        self.suppressed.append(suppressed && publishable)
        return values.count - 1
    }

    /// Records that `Σ coefficient · variable = constant` holds, as it does for the true values.
    public mutating func equate(_ terms: [(Int, Int)], constant: Int = 0) {
        equations.append((terms.map { ($0.0, Int64($0.1)) }, Int64(constant)))
    }

    public func isSuppressed(_ v: Int) -> Bool { suppressed[v] }
    func isUnknown(_ v: Int) -> Bool { suppressed[v] || !publishable[v] }
    /// What anyone knows of an unknown: a [c] cell is at least 1, since zeros are shown.
    func lowerBound(_ v: Int) -> Int64 { publishable[v] ? 1 : 0 }

    /// The smallest and largest value (nil: none) each `[c]` cell can take,
    /// given everything published.
    public func intervals(threshold: Int? = nil, skipping settled: Set<Int> = []) throws(ArithmeticOverflow) -> [Int: (min: Rational, max: Rational?)] {
        let unknowns = values.indices.filter(isUnknown)
        var column: [Int: Int] = [:]
        for (k, v) in unknowns.enumerated() { column[v] = k }
        var a: [[Rational]] = [], b: [Rational] = []
        for e in equations where e.terms.contains(where: { isUnknown($0.variable) }) {
            var row = [Rational](repeating: .zero, count: unknowns.count)
            var rhs = e.constant
            for t in e.terms {
                // Known figures, and each unknown's lower bound, move to the right-hand side.
                let shift = isUnknown(t.variable) ? lowerBound(t.variable) : Int64(values[t.variable])
                let (p, o1) = t.coefficient.multipliedReportingOverflow(by: shift)
                let (r, o2) = rhs.subtractingReportingOverflow(p)
                if o1 || o2 { throw ArithmeticOverflow() }
                rhs = r
                if let k = column[t.variable] { row[k] = try row[k] + Rational(t.coefficient) }
            }
            a.append(row)
            b.append(Rational(rhs))
        }
        guard let lp = try ExactLP(equations: a, rhs: b, unknowns: unknowns.count) else {
            preconditionFailure("the true values satisfy the published equations")
        }
        var out: [Int: (min: Rational, max: Rational?)] = [:]
        for (k, v) in unknowns.enumerated() where publishable[v] && !settled.contains(v) {
            let lower = Rational(lowerBound(v))
            // With no largest value the cell is protected, and its smallest does not matter.
            let r = try lp.range(of: k) { max in threshold == nil || max != nil }
            out[v] = (try r.min + lower, try r.max.map { m throws(ArithmeticOverflow) in try m + lower })
        }
        return out
    }

    /// Whether the whole numbers from `min` to `max` span at least `threshold`.
    static func isProtected(_ i: (min: Rational, max: Rational?), threshold: Int) -> Bool {
        guard let max = i.max else { return true }
        return max.floor - i.min.ceiling >= Int64(threshold)
    }

    /// Hides more cells until every `[c]` cell is protected. Throws
    /// `CommandFailure` (exit 70) if exact arithmetic would overflow: then nothing may be published.
    public mutating func protect(threshold: Int) throws {
        for e in equations {
            var sum = Int64(0)
            for t in e.terms {
                let (p, o1) = t.coefficient.multipliedReportingOverflow(by: Int64(values[t.variable]))
                let (s, o2) = sum.addingReportingOverflow(p)
                if o1 || o2 { throw CommandFailure("\(ArithmeticOverflow()); nothing was published", exitCode: .software) }
                sum = s
            }
            guard sum == e.constant else { throw CommandFailure("internal error: a disclosure-audit equation does not hold", exitCode: .software) }
        }
        var touching = [[Int]](repeating: [], count: values.count)
        for (k, e) in equations.enumerated() { for t in e.terms { touching[t.variable].append(k) } }
        // Hiding more only widens every interval, so a cell once protected stays protected.
        var settled = Set<Int>()
        while true {
            let found: [Int: (min: Rational, max: Rational?)]
            do { found = try intervals(threshold: threshold, skipping: settled) } catch {
                throw CommandFailure("\(error); nothing was published", exitCode: .software)
            }
            let exposed = found.keys.sorted().filter { !DisclosureAudit.isProtected(found[$0]!, threshold: threshold) }
            settled.formUnion(found.keys.filter { DisclosureAudit.isProtected(found[$0]!, threshold: threshold) })
            if exposed.isEmpty { return }
            // One more hidden cell per neighbourhood a round: one may well protect its neighbours too.
            var picks = Set<Int>()
            for v in exposed {
                if touching[v].contains(where: { e in equations[e].terms.contains { picks.contains($0.variable) } }) { continue }
                if let c = candidate(near: v, touching: touching, excluding: picks) { picks.insert(c) }
            }
            guard !picks.isEmpty else {
                // Unreachable: with every non-zero figure hidden, all of them can be scaled up together.
                throw CommandFailure("internal error: the disclosure audit found no cell left to hide", exitCode: .software)
            }
            for p in picks { suppressed[p] = true }
        }
    }

    /// The cell to hide next for an exposed one: in the equation with it that
    /// has the fewest unknowns (the one that pins it down), the smallest
    /// non-zero shown figure, cells before totals and totals before grand
    /// totals (the figures readers most need); failing that, one step
    /// further out through unknowns; failing that, the smallest anywhere.
    func candidate(near v: Int, touching: [[Int]], excluding: Set<Int>) -> Int? {
        func usable(_ x: Int) -> Bool { publishable[x] && !suppressed[x] && values[x] > 0 && !excluding.contains(x) }
        func smallest(_ xs: some Sequence<Int>) -> Int? {
            xs.filter(usable).min { (rank[$0], values[$0], $0) < (rank[$1], values[$1], $1) }
        }
        let tightest = touching[v].map { e in (unknowns: equations[e].terms.filter { isUnknown($0.variable) }.count, e: e) }.sorted { ($0.unknowns, $0.e) < ($1.unknowns, $1.e) }
        for t in tightest { if let c = smallest(equations[t.e].terms.map(\.variable)) { return c } }
        var seen: Set<Int> = [v], layer = [v]
        while !layer.isEmpty {
            var shown: Set<Int> = [], next: [Int] = []
            for x in layer {
                for e in touching[x] {
                    for t in equations[e].terms where !seen.contains(t.variable) {
                        seen.insert(t.variable)
                        if isUnknown(t.variable) { next.append(t.variable) } else { shown.insert(t.variable) }
                    }
                }
            }
            if let c = smallest(shown) { return c }
            layer = next
        }
        return smallest(values.indices)
    }
}

public extension DisclosureAudit {
    /// Adds a grid's cells (as they are suppressed now) and the sums that
    /// tie them: each row to its total, each column to the total row.
    /// Returns each cell's variable, `[row][column]` as in `grid.values`.
    mutating func add(_ grid: CountGrid, published: Bool = true) -> [[Int]] {
        let rows = grid.values.count, cols = grid.values.first?.count ?? 0
        let cells = grid.values.indices.map { r in
            grid.values[r].indices.map { c in
                let rank = (r == rows - 1 ? 1 : 0) + (grid.hasTotalColumn && c == cols - 1 ? 1 : 0)
                return add(value: grid.values[r][c], publishable: published, suppressed: grid.suppressed[r][c], rank: rank)
            }
        }
        guard rows > 0, cols > 0 else { return cells }
        if grid.hasTotalColumn {
            for r in 0..<rows { equate((0..<(cols - 1)).map { (cells[r][$0], 1) } + [(cells[r][cols - 1], -1)]) }
        }
        for c in 0..<cols { equate((0..<(rows - 1)).map { (cells[$0][c], 1) } + [(cells[rows - 1][c], -1)]) }
        return cells
    }
}
