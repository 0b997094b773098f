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

/// Who a child came back to, or was released to, at the end of an episode.
public enum ReleaseTo: String, CodeList {
    case placement
    case parent
    case carer
    case police
    case otherAdult = "other-adult"
    public static let listName = "return or release"
    public var label: String {
        switch self {
        case .placement: return "Came back to the placement"
        case .parent: return "Released to an adult who says they are a parent"
        case .carer: return "Released to an adult who says they are a carer"
        case .police: return "Found by or handed to the police"
        case .otherAdult: return "Released to another adult"
        }
    }
    /// SOLACE L592: a release to an adult claiming to be a parent or carer (or
    /// any other adult) needs full enquiries and photographic ID for both; a
    /// return to the placement or to the police needs none of them.
    public var needsChecks: Bool { self == .parent || self == .carer || self == .otherAdult }
}

/// The checks a release to an adult needs (SOLACE L592).
public enum ReleaseCheck: String, CodeList {
    case enquiriesDone = "enquiries-done"
    case childPhotoID = "child-photo-id"
    case adultPhotoID = "adult-photo-id"
    public static let listName = "release check"
    public var label: String {
        switch self {
        case .enquiriesDone: return "Full enquiries made into the adult's relationship to the child"
        case .childPhotoID: return "Photographic ID for the child produced"
        case .adultPhotoID: return "Photographic ID for the adult produced"
        }
    }
}

/// A trafficking concern raised or lifted by an explicit record.
public enum ConcernChange: String, CodeList {
    case raised, lifted
    public static let listName = "concern change"
    public var label: String { self == .raised ? "Raised" : "Lifted" }
}

/// The agencies at a multi-agency review of repeat missing episodes.
public enum ReviewAgency: String, CodeList {
    case police
    case childrensSocialCare = "childrens-social-care"
    case health
    case education
    case homeOffice = "home-office"
    case voluntarySector = "voluntary-sector"
    case youthJustice = "youth-justice"
    case other
    public static let listName = "review agency"
    public var label: String {
        switch self {
        case .police: return "Police"
        case .childrensSocialCare: return "Children's social care"
        case .health: return "Health"
        case .education: return "Education"
        case .homeOffice: return "Home Office"
        case .voluntarySector: return "Voluntary sector"
        case .youthJustice: return "Youth justice"
        case .other: return "Another agency"
        }
    }
}
