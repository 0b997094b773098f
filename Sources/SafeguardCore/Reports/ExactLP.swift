/// Exact arithmetic for the disclosure audit: fractions of 64-bit integers,
/// always in lowest terms, where every step checks for overflow. The audit's
/// tables are small and their equations have coefficients 0 and ±1, so the
/// numbers stay small; if one ever would not fit, the audit refuses to guess.
public struct Rational: Comparable, Sendable, CustomStringConvertible {
    /// Numerator and denominator; `d > 0` and gcd(n, d) = 1.
    public let n: Int64, d: Int64

    public static let zero = Rational(0), one = Rational(1)

    public init(_ n: Int64) { self.n = n; d = 1 }

    /// `n / d` in lowest terms; `d` must not be 0.
    public init(_ n: Int64, _ d: Int64) throws(ArithmeticOverflow) {
        precondition(d != 0)
        let g = Rational.gcd(n.magnitude, d.magnitude)
        var n = n / Int64(g), d = d / Int64(g)
        if d < 0 {
            guard n != .min, d != .min else { throw ArithmeticOverflow() }
            n = -n; d = -d
        }
        self.n = n
        self.d = d
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    static func checked(_ r: (partialValue: Int64, overflow: Bool)) throws(ArithmeticOverflow) -> Int64 {
        if r.overflow { throw ArithmeticOverflow() }
        return r.partialValue
    }

    public static func + (a: Rational, b: Rational) throws(ArithmeticOverflow) -> Rational {
        if a.d == 1 && b.d == 1 { return Rational(try checked(a.n.addingReportingOverflow(b.n))) }
        // a/b + c/d over lcm(b, d), so the intermediate products stay as small as they can.
        let g = Int64(gcd(a.d.magnitude, b.d.magnitude))
        let left = try checked(a.n.multipliedReportingOverflow(by: b.d / g))
        let right = try checked(b.n.multipliedReportingOverflow(by: a.d / g))
        let den = try checked((a.d / g).multipliedReportingOverflow(by: b.d))
        return try Rational(try checked(left.addingReportingOverflow(right)), den)
    }

    public static prefix func - (a: Rational) throws(ArithmeticOverflow) -> Rational {
        guard a.n != .min else { throw ArithmeticOverflow() }
        return try Rational(-a.n, a.d)
    }

    public static func - (a: Rational, b: Rational) throws(ArithmeticOverflow) -> Rational { try a + (try -b) }

    public static func * (a: Rational, b: Rational) throws(ArithmeticOverflow) -> Rational {
        if a.n == 0 || b.n == 0 { return .zero }
        // Cross-cancel first: (a.n/g1)(b.n/g2) / (a.d/g2)(b.d/g1).
        let g1 = Int64(gcd(a.n.magnitude, b.d.magnitude)), g2 = Int64(gcd(b.n.magnitude, a.d.magnitude))
        let n = try checked((a.n / g1).multipliedReportingOverflow(by: b.n / g2))
        let d = try checked((a.d / g2).multipliedReportingOverflow(by: b.d / g1))
        return try Rational(n, d)
    }

    public static func / (a: Rational, b: Rational) throws(ArithmeticOverflow) -> Rational {
        precondition(b.n != 0)
        return try a * (try Rational(b.d, b.n))
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        // Compared exactly in 128 bits: no overflow is possible.
        let l = a.n.multipliedFullWidth(by: b.d), r = b.n.multipliedFullWidth(by: a.d)
        return (l.high, l.low) < (r.high, r.low)
    }

    public var sign: Int { n == 0 ? 0 : (n < 0 ? -1 : 1) }
    /// The largest whole number not above it, and the smallest not below it.
    public var floor: Int64 { n >= 0 || n % d == 0 ? n / d : n / d - 1 }
    public var ceiling: Int64 { n <= 0 || n % d == 0 ? n / d : n / d + 1 }
    public var description: String { d == 1 ? "\(n)" : "\(n)/\(d)" }
}

/// A number too large for the exact audit: nothing is published (exit 70).
public struct ArithmeticOverflow: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "a number in the disclosure audit is too large for exact 64-bit arithmetic" }
}

/// A linear programme over non-negative unknowns, solved exactly: the
/// simplex method on a tableau of `Rational`s, with Bland's rule so that it
/// always ends (Bland 1977; Chvátal, "Linear Programming", 1983, ch. 2-3).
/// Phase 1 finds a feasible basis once; each bound is then a phase 2 from a copy of it.
struct ExactLP {
    /// `rows[i]` is row i of B⁻¹A followed by B⁻¹b.
    var rows: [[Rational]]
    var basis: [Int]
    let width: Int

    enum Outcome { case optimum(Rational), unbounded }

    /// `A y = b`, `y >= 0`. Returns nil when no such `y` exists.
    init?(equations a: [[Rational]], rhs b: [Rational], unknowns n: Int) throws(ArithmeticOverflow) {
        let m = a.count
        width = n
        // Artificial unknowns n..<n+m start as the basis; rows are signed so b >= 0.
        var initial: [[Rational]] = []
        for i in 0..<m {
            let flip = b[i] < .zero
            var row = a[i]
            if flip { for j in row.indices { row[j] = try -row[j] } }
            row += (0..<m).map { $0 == i ? .one : .zero }
            row.append(flip ? try -b[i] : b[i])
            initial.append(row)
        }
        rows = initial
        basis = (0..<m).map { n + $0 }
        // Phase 1: maximise minus the sum of the artificials.
        let cost = (0..<(n + m)).map { $0 < n ? Rational.zero : Rational(-1) }
        guard case .optimum(let v) = try maximise(cost, columns: n + m), v.sign == 0 else { return nil }
        // Drive artificials (at zero) out of the basis; a row where none can leave is redundant.
        var i = 0
        while i < rows.count {
            if basis[i] >= n {
                if let j = (0..<n).first(where: { rows[i][$0].sign != 0 }) {
                    try pivot(i, j)
                } else {
                    rows.remove(at: i)
                    basis.remove(at: i)
                    continue
                }
            }
            i += 1
        }
        rows = rows.map { Array($0[0..<n]) + [$0[$0.count - 1]] }
    }

    /// Maximises `cost · y` from the current basis, over the first `columns` unknowns.
    mutating func maximise(_ cost: [Rational], columns: Int) throws(ArithmeticOverflow) -> Outcome {
        let rhs = rows.first.map { $0.count - 1 } ?? columns
        while true {
            // Bland: the lowest-numbered unknown whose reduced cost is positive enters.
            var entering: Int?
            for j in 0..<columns where !basis.contains(j) {
                var reduced = cost[j]
                for (i, b) in basis.enumerated() where cost[b].sign != 0 && rows[i][j].sign != 0 {
                    reduced = try reduced - (try cost[b] * rows[i][j])
                }
                if reduced.sign > 0 { entering = j; break }
            }
            guard let j = entering else {
                var value = Rational.zero
                for (i, b) in basis.enumerated() where cost[b].sign != 0 { value = try value + (try cost[b] * rows[i][rhs]) }
                return .optimum(value)
            }
            // The smallest ratio leaves; ties go to the lowest-numbered basic unknown.
            var leaving: Int?, best = Rational.zero
            for i in rows.indices where rows[i][j].sign > 0 {
                let ratio = try rows[i][rhs] / rows[i][j]
                if leaving == nil || ratio < best || (ratio == best && basis[i] < basis[leaving!]) { leaving = i; best = ratio }
            }
            guard let i = leaving else { return .unbounded }
            try pivot(i, j)
        }
    }

    mutating func pivot(_ i: Int, _ j: Int) throws(ArithmeticOverflow) {
        let p = rows[i][j]
        if p != .one { for k in rows[i].indices where rows[i][k].sign != 0 { rows[i][k] = try rows[i][k] / p } }
        let pivotRow = rows[i]
        for r in rows.indices where r != i && rows[r][j].sign != 0 {
            let f = rows[r][j]
            for k in pivotRow.indices where pivotRow[k].sign != 0 { rows[r][k] = try rows[r][k] - (try f * pivotRow[k]) }
        }
        basis[i] = j
    }

    /// The largest value of unknown `k` (nil: no largest), and the smallest.
    func range(of k: Int, needMinimum: (Rational?) -> Bool) throws(ArithmeticOverflow) -> (min: Rational, max: Rational?) {
        var cost = [Rational](repeating: .zero, count: width)
        cost[k] = .one
        var up = self
        let max: Rational?
        switch try up.maximise(cost, columns: width) {
        case .optimum(let v): max = v
        case .unbounded: max = nil
        }
        guard needMinimum(max) else { return (.zero, max) }
        cost[k] = Rational(-1)
        var down = self
        guard case .optimum(let v) = try down.maximise(cost, columns: width) else { return (.zero, max) }
        return (try -v, max)
    }
}
