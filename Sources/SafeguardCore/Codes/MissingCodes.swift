/// Statutory guidance (England; the sources are silent) tells apart a child
/// whose whereabouts are unknown from one absent without authorisation whose
/// whereabouts are known. The SSDA903 return codes them M and A.
public enum MissingType: String, CodeList {
    case missing
    case away

    public static let listName = "missing type"
    public var label: String {
        self == .missing ? "Missing (whereabouts unknown)" : "Away from placement without authorisation (whereabouts known)"
    }
    public var ssda903Code: String { self == .missing ? "M" : "A" }
}

public enum InterviewStatus: String, CodeList {
    case offered, done, refused
    public static let listName = "return interview status"
    public var label: String {
        switch self {
        case .offered: return "Offered, not yet held"
        case .done: return "Held"
        case .refused: return "Refused by the child"
        }
    }
    /// Held or refused: nothing more is owed for that episode.
    public var settles: Bool { self != .offered }
}

/// Agencies to tell when a child with a trafficking concern goes missing (SOLACE L421; CHESHIRE §6.4).
public enum AgencyToNotify: String, CodeList {
    case police
    case homeOffice = "home-office"
    case missingPeople = "missing-people"
    public static let listName = "agency to notify"
    public var label: String {
        switch self {
        case .police: return "Police"
        case .homeOffice: return "Home Office / UK Border Agency"
        case .missingPeople: return "Missing People helpline (the child may have been moved)"
        }
    }
}
