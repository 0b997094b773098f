/// Organisations that may refer to the NRM (DOMAIN: HESTIA; SOLACE L261).
public enum FirstResponder: String, CodeList {
    case police
    case immigration
    case laChildrensServices = "la-childrens-services"
    case laAdultServices = "la-adult-services"
    case salvationArmy = "salvation-army"
    case poppyProject = "poppy-project"
    case migrantHelpline = "migrant-helpline"
    case barnardos
    case nspcc
    case tara
    case kalayaan
    case gangmastersLicensingAuthority = "gangmasters-licensing-authority"

    public static let listName = "first responder organisation"
    public var label: String {
        switch self {
        case .police: return "Police"
        case .immigration: return "Immigration: UK Border Agency / Border Force"
        case .laChildrensServices: return "Local authority children's services"
        case .laAdultServices: return "Local authority adult services"
        case .salvationArmy: return "The Salvation Army"
        case .poppyProject: return "Poppy Project"
        case .migrantHelpline: return "Migrant Helpline"
        case .barnardos: return "Barnardo's"
        case .nspcc: return "NSPCC"
        case .tara: return "TARA (Trafficking Awareness Raising Alliance)"
        case .kalayaan: return "Kalayaan"
        case .gangmastersLicensingAuthority: return "Gangmasters Licensing Authority"
        }
    }
}

/// The competent authority that decides (SOLACE L255, L261).
public enum CompetentAuthority: String, CodeList {
    case ukhtc, ukba
    public static let listName = "competent authority"
    public var label: String {
        switch self {
        case .ukhtc: return "UK Human Trafficking Centre"
        case .ukba: return "UK Border Agency (cases in the immigration system)"
        }
    }
}

/// Exploitation types. The first five are the NRM statistics categories
/// (CHESHIRE L175-184); the rest are named by SOLACE L87, L93.
public enum ExploitationType: String, CodeList {
    case sexual
    case labour
    case domesticServitude = "domestic-servitude"
    case organHarvesting = "organ-harvesting"
    case notSpecified = "not-specified"
    case criminal
    case benefitFraud = "benefit-fraud"
    case forcedMarriage = "forced-marriage"

    public static let listName = "exploitation type"
    public var label: String {
        switch self {
        case .sexual: return "Sexual exploitation"
        case .labour: return "Labour exploitation"
        case .domesticServitude: return "Domestic servitude"
        case .organHarvesting: return "Organ harvesting"
        case .notSpecified: return "Not specified"
        case .criminal: return "Criminal exploitation (cannabis farms, drug dealing, begging, theft)"
        case .benefitFraud: return "Benefit fraud"
        case .forcedMarriage: return "Forced marriage"
        }
    }

    /// The NRM statistics category: criminal exploitation and benefit fraud are
    /// counted as labour (CHESHIRE L175-184); forced marriage is not a category there.
    public var statisticsCategory: ExploitationType {
        switch self {
        case .criminal, .benefitFraud: return .labour
        case .forcedMarriage: return .notSpecified
        default: return self
        }
    }
}

public enum Sex: String, CodeList {
    case female, male, other
    case notKnown = "not-known"
    public static let listName = "sex"
    public var label: String {
        switch self {
        case .female: return "Female"
        case .male: return "Male"
        case .other: return "Other"
        case .notKnown: return "Not known"
        }
    }
}

public enum DecisionStage: String, CodeList {
    case rg, cg
    public static let listName = "decision stage"
    public var label: String { self == .rg ? "Reasonable grounds (stage 1)" : "Conclusive grounds (stage 2)" }
}

public enum DecisionOutcome: String, CodeList {
    case positive, negative
    public static let listName = "decision outcome"
    public var label: String { self == .positive ? "Positive" : "Negative" }
}

/// What a person must do about a referral, beyond the decision awaited.
public enum NRMAction: String, CodeList {
    case confirmOrChallengeEarlyCG = "confirm-or-challenge-early-cg"

    public static let listName = "NRM action"
    public var label: String {
        switch self {
        case .confirmOrChallengeEarlyCG:
            return "The conclusive-grounds decision is dated before the recovery period ends: confirm its date with the competent authority (if it is wrong, void the decision and record the right date), or challenge the decision (a reconsideration made after the recovery period). The recovery period runs to its end (HESTIA; SOLACE L111: no removal during it)."
        }
    }
}
