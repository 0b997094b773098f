/// How a person's age is known: a date of birth, or only the age they claim.
public enum StatedAge: Equatable, Sendable {
    case dateOfBirth(CivilDate)
    case claimedAge(Int)

    public static let claimedAgeRange = 0...120
}

/// Whether a person is treated as a child or an adult on a date, and why.
/// The reason is recorded so a reader can see the rule that applied.
public enum AgeBasis: String, CodeList {
    case under18 = "under-18"
    case ageDisputed = "age-disputed"
    case claimedUnder18 = "claimed-under-18"
    case eighteenOrOver = "18-or-over"
    case claimedEighteenOrOver = "claimed-18-or-over"
    /// Age disputed, and settled by a completed age assessment free of gaps.
    case assessedUnder18 = "assessed-under-18"
    case assessedEighteenOrOver = "assessed-18-or-over"

    public static let listName = "age basis"
    public var label: String {
        switch self {
        case .under18: return "Under 18 by date of birth"
        case .ageDisputed: return "Age disputed: treated as a child until verified"
        case .claimedUnder18: return "Claims to be under 18"
        case .eighteenOrOver: return "18 or over by date of birth"
        case .claimedEighteenOrOver: return "Claims to be 18 or over"
        case .assessedUnder18: return "Age disputed; a sound age assessment found them under 18"
        case .assessedEighteenOrOver: return "Age disputed; a sound age assessment found them 18 or over"
        }
    }

    public var isChild: Bool { [.under18, .ageDisputed, .claimedUnder18, .assessedUnder18].contains(self) }
    public var restsOnAssessment: Bool { self == .assessedUnder18 || self == .assessedEighteenOrOver }
    public var treatedAs: AgeGroup { isChild ? .child : .adult }
}

public enum AgeGroup: String, CodeList {
    case child, adult
    public static let listName = "age group"
    public var label: String { self == .child ? "Child (under 18)" : "Adult" }
}

/// The benefit of the doubt: where age is in doubt, the person is treated as
/// a child until it is verified (SOLACE L312; Council of Europe Convention).
/// Every tool in the suite asks this one rule.
public enum AgePresumption {
    public static let adultAge = 18

    /// `settlement` is what a sound age assessment found, for a disputed age.
    public static func basis(for age: StatedAge, disputed: Bool, on date: CivilDate, settlement: AgeSettlement? = nil) -> AgeBasis {
        if disputed {
            guard let settlement else { return .ageDisputed }
            return settlement.treatedAs == .child ? .assessedUnder18 : .assessedEighteenOrOver
        }
        switch age {
        case .dateOfBirth(let dob):
            return (dob.age(on: date) ?? 0) < adultAge ? .under18 : .eighteenOrOver
        case .claimedAge(let years):
            return years < adultAge ? .claimedUnder18 : .claimedEighteenOrOver
        }
    }
}
