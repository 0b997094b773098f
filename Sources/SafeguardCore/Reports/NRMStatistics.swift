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
            }
        }
    }

    public static let columns = [AgeGroup.adult.rawValue, AgeGroup.child.rawValue]
    static let notKnown = "not-known"
    static let statisticsCategories: [ExploitationType] = [.sexual, .labour, .domesticServitude, .organHarvesting, .notSpecified]

    var tables: [Table: CountTable] = [:]
    var nationalityTotals: [String: Int] = [:]
    public let topNationalities: Int
    public private(set) var referralsCounted = 0

    public init(topNationalities: Int = 10) {
        self.topNationalities = topNationalities
        for t in Table.allCases { tables[t] = CountTable(rowFields: ["category"], columnField: "age-group") }
    }

    /// Counts one referral with its status. The primary exploitation type is
    /// the first listed, counted in its NRM category (criminal exploitation counts as labour).
    public mutating func add(_ referral: ReferralFacts, status: NRMStatus) {
        referralsCounted += 1
        let age = referral.treatedAs.rawValue
        func count(_ t: Table, _ category: String) { tables[t]!.add(row: [category], column: age) }
        let category = referral.primaryExploitation.statisticsCategory.rawValue
        count(.exploitation, category)
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
        let exploitationRows = NRMStatistics.statisticsCategories.map { [$0.rawValue] }
        let outcomeRows = [["positive"], ["negative"], ["awaiting"], ["withdrawn"]]
        let rows: [[String]]
        var table = tables[t]!
        switch t {
        case .exploitation, .exploitationUK, .exploitationNonUK: rows = exploitationRows
        case .gender: rows = Sex.allCases.map { [$0.rawValue] }
        case .nationality: rows = [["uk"], ["non-uk"], [NRMStatistics.notKnown]]
        case .firstResponder: rows = FirstResponder.allCases.map { [$0.rawValue] }
        case .rgOutcome, .cgOutcome: rows = outcomeRows
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
