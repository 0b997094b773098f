/// The tables the Home Office publishes about NRM referrals (CHESHIRE
/// L173-184), built from referral and decision records. Every table counts
/// referrals by a category down the side and adult / child across.
public struct NRMStatistics {
    public enum Table: String, CodeList {
        case exploitation
        case exploitationUK = "exploitation-uk"
        case exploitationNonUK = "exploitation-non-uk"
        case gender
        case nationality
        case topNationalities = "top-nationalities"
        case firstResponder = "first-responder"
        case rgOutcome = "rg-outcome"
        case cgOutcome = "cg-outcome"
        /// Only with the 2019 categories: county lines is a flag there (DOMAIN "Current practice").
        case countyLines = "county-lines"

        public static let listName = "NRM statistics table"
        public var label: String {
            switch self {
            case .exploitation: return "Referrals by exploitation type (NRM categories)"
            case .exploitationUK: return "UK nationals by exploitation type"
            case .exploitationNonUK: return "Non-UK nationals by exploitation type"
            case .gender: return "Referrals by gender"
            case .nationality: return "UK and non-UK nationals"
            case .topNationalities: return "Referrals by nationality, most frequent first"
            case .firstResponder: return "Referrals by first responder organisation"
            case .rgOutcome: return "Reasonable-grounds outcomes"
            case .cgOutcome: return "Conclusive-grounds outcomes, of positive reasonable-grounds decisions"
            case .countyLines: return "Referrals flagged as county lines (2019 categories only)"
            }
        }
    }

    public static let columns = [AgeGroup.adult.rawValue, AgeGroup.child.rawValue]
    static let notKnown = "not-known"

    var tables: [Table: CountTable] = [:]
    var nationalityTotals: [String: Int] = [:]
    public let topNationalities: Int
    public let categories: StatisticsCategories
    public private(set) var referralsCounted = 0

    /// The tables these categories have: the county-lines table only in the 2019 ones.
    public var tablesInUse: [Table] { Table.allCases.filter { $0 != .countyLines || categories == .y2019 } }

    public init(topNationalities: Int = 10, categories: StatisticsCategories = .y2015) {
        self.topNationalities = topNationalities
        self.categories = categories
        for t in Table.allCases { tables[t] = CountTable(rowFields: ["category"], columnField: "age-group") }
    }

    /// Counts one referral with its status, once, under the category `categories` gives
    /// (2015: the first type listed, criminal exploitation as labour; 2019: every type, as one combination).
    public mutating func add(_ referral: ReferralFacts, status: NRMStatus) {
        referralsCounted += 1
        let age = referral.treatedAs.rawValue
        func count(_ t: Table, _ category: String) { tables[t]!.add(row: [category], column: age) }
        let category = categories.category(of: referral.exploitation)
        count(.exploitation, category)
        if categories == .y2019 { count(.countyLines, referral.countyLines ? "flagged" : "not-flagged") }
        let nationality = referral.nationality
        switch nationality {
        case .some(let n) where n.isUK:
            count(.exploitationUK, category)
            count(.nationality, "uk")
        case .some:
            count(.exploitationNonUK, category)
            count(.nationality, "non-uk")
        case .none:
            count(.nationality, NRMStatistics.notKnown)
        }
        let code = nationality?.code ?? NRMStatistics.notKnown
        count(.topNationalities, code)
        nationalityTotals[code, default: 0] += 1
        count(.gender, referral.sex.rawValue)
        count(.firstResponder, referral.firstResponder.rawValue)
        count(.rgOutcome, status.rg?.outcome.rawValue ?? (status.withdrawn != nil ? "withdrawn" : "awaiting"))
        if status.rg?.outcome == .positive {
            count(.cgOutcome, status.cg?.outcome.rawValue ?? (status.withdrawn != nil ? "withdrawn" : "awaiting"))
        }
    }

    /// One table laid out, with its categories in a fixed order so zero rows show.
    public func grid(_ t: Table) -> CountGrid {
        // The single categories always, then each combination met, in the categories' order.
        let singles = categories.singleCategories.map(\.rawValue)
        let order = { (c: [String]) in c[0].components(separatedBy: " & ").map { singles.firstIndex(of: $0) ?? singles.count } }
        let combinations = tables[.exploitation]!.counts.keys.filter { !singles.contains($0[0]) }
            .sorted { order($0).lexicographicallyPrecedes(order($1)) }
        let exploitationRows = singles.map { [$0] } + combinations
        let outcomeRows = [["positive"], ["negative"], ["awaiting"], ["withdrawn"]]
        let rows: [[String]]
        var table = tables[t]!
        switch t {
        case .exploitation, .exploitationUK, .exploitationNonUK: rows = exploitationRows
        case .gender: rows = Sex.allCases.map { [$0.rawValue] }
        case .nationality: rows = [["uk"], ["non-uk"], [NRMStatistics.notKnown]]
        case .firstResponder: rows = FirstResponder.allCases.map { [$0.rawValue] }
        case .rgOutcome, .cgOutcome: rows = outcomeRows
        case .countyLines: rows = [["flagged"], ["not-flagged"]]
        case .topNationalities:
            // The most frequent nationalities, then the rest together as "other".
            let ranked = nationalityTotals.filter { $0.key != NRMStatistics.notKnown }
                .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            let top = Array(ranked.prefix(topNationalities))
            var folded = CountTable(rowFields: ["category"], columnField: "age-group")
            for (key, byAge) in table.counts {
                let name = key[0] == NRMStatistics.notKnown || top.contains(key[0]) ? key[0] : "other"
                for (age, n) in byAge { folded.add(row: [name], column: age, count: n) }
            }
            table = folded
            rows = top.map { [$0] } + [["other"], [NRMStatistics.notKnown]]
        }
        return table.grid(rows: rows, columns: NRMStatistics.columns)
    }
}

public extension NRMStatistics {
    /// The tables of one run, suppressed together. They are linked: each
    /// counts the same referrals, so they share the adult and child totals;
    /// the exploitation table is the UK table plus the non-UK table plus the
    /// referrals of unknown nationality; the nationality table's rows are the
    /// totals of those; top-nationalities splits the same UK / non-UK /
    /// not-known counts by country, its rows ranked by size; and the CG table
    /// counts the positive RG decisions. The audit sees all of it at once
    /// (`DisclosureAudit`), so no table can be differenced against another
    /// to recover a `[c]` cell. Tables not in `published` are not shown, but
    /// still tie the others together. Threshold 0: nothing is suppressed.
    func grids(publishing published: Set<Table>, suppressBelow threshold: Int) throws -> [Table: CountGrid] {
        var grids: [Table: CountGrid] = [:]
        let inUse = tablesInUse
        for t in inUse { grids[t] = grid(t) }
        guard threshold > 1 else { return grids }
        for t in published { grids[t]!.suppressFirstPass(below: threshold) }
        var audit = DisclosureAudit()
        var cells: [Table: [[Int]]] = [:]
        for t in inUse { cells[t] = audit.add(grids[t]!, published: published.contains(t)) }
        // A row by its key (nil: the total row); a = 0 adult, 1 child, 2 total.
        func index(_ t: Table, _ key: String?) -> Int { key.map { grids[t]!.rowKeys.firstIndex(of: [$0])! } ?? grids[t]!.rowKeys.count }
        func v(_ t: Table, _ key: String?, _ a: Int) -> Int { cells[t]![index(t, key)][a] }
        func value(_ t: Table, _ key: String?, _ a: Int) -> Int { grids[t]!.values[index(t, key)][a] }
        let ages = [0, 1]  // adult and child; each table's total column follows from its own sums.
        for a in ages {
            // One population: the same adult and child totals in every table but the CG one.
            for t in [Table.gender, .nationality, .topNationalities, .firstResponder, .rgOutcome, .countyLines] where inUse.contains(t) {
                audit.equate([(v(t, nil, a), 1), (v(.exploitation, nil, a), -1)])
            }
            audit.equate([(v(.exploitationUK, nil, a), 1), (v(.nationality, "uk", a), -1)])
            audit.equate([(v(.exploitationNonUK, nil, a), 1), (v(.nationality, "non-uk", a), -1)])
            audit.equate([(v(.cgOutcome, nil, a), 1), (v(.rgOutcome, "positive", a), -1)])
            // Exploitation = UK + non-UK + unknown nationality (shown in no table), row by row.
            var unknown: [(Int, Int)] = []
            for category in grids[.exploitation]!.rowKeys.map({ $0[0] }) {
                let h = audit.add(value: value(.exploitation, category, a) - value(.exploitationUK, category, a)
                                    - value(.exploitationNonUK, category, a), publishable: false)
                audit.equate([(v(.exploitation, category, a), 1), (v(.exploitationUK, category, a), -1),
                              (v(.exploitationNonUK, category, a), -1), (h, -1)])
                unknown.append((h, 1))
            }
            audit.equate(unknown + [(v(.nationality, NRMStatistics.notKnown, a), -1)])
        }
        // Top nationalities: the same UK / non-UK / not-known split by country, the rest as "other".
        let countries = grids[.topNationalities]!.rowKeys.map { $0[0] }.filter { $0 != "other" && $0 != NRMStatistics.notKnown }
        let isUK = { (code: String) in Country(code)?.isUK ?? false }
        for a in ages {
            let t = Table.topNationalities
            audit.equate([(v(t, NRMStatistics.notKnown, a), 1), (v(.nationality, NRMStatistics.notKnown, a), -1)])
            let ukListed = countries.filter(isUK).reduce(0) { $0 + value(t, $1, a) }
            let otherUK = audit.add(value: value(.nationality, "uk", a) - ukListed, publishable: false)
            let otherNonUK = audit.add(value: value(t, "other", a) - audit.values[otherUK], publishable: false)
            // With GB listed, "other" holds no UK national.
            if countries.contains(where: isUK) { audit.equate([(otherUK, 1)]) }
            audit.equate([(v(t, "other", a), 1), (otherUK, -1), (otherNonUK, -1)])
            audit.equate(countries.filter(isUK).map { (v(t, $0, a), 1) } + [(otherUK, 1), (v(.nationality, "uk", a), -1)])
            audit.equate(countries.filter { !isUK($0) }.map { (v(t, $0, a), 1) } + [(otherNonUK, 1), (v(.nationality, "non-uk", a), -1)])
        }
        // The ranking says something too: each listed country has at least the
        // total of the next, and one more when the next comes first in code order.
        for (i, j) in zip(countries, countries.dropFirst()) {
            let t = Table.topNationalities, strict = i > j ? 1 : 0
            let gap = audit.add(value: value(t, i, 2) - value(t, j, 2) - strict, publishable: false)
            audit.equate([(v(t, i, 2), 1), (v(t, j, 2), -1), (gap, -1)], constant: strict)
        }
        try audit.protect(threshold: threshold)
        for t in published { grids[t]!.take(audit, cells[t]!) }
        return grids
    }
}
