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
    // The first responders of today (DOMAIN "Current practice"), after the sources' list so that
    // the numbers at the prompt stay as they were.
    case ukvi
    case borderForce = "border-force"
    case immigrationEnforcement = "immigration-enforcement"
    case nca
    case glaa
    case migrantHelp = "migrant-help"
    case medailleTrust = "medaille-trust"
    case unseen
    case bawso
    case newPathways = "new-pathways"
    case refugeeCouncil = "refugee-council"
    case hscTrust = "hsc-trust"

    public static let listName = "first responder organisation"
    public var label: String {
        switch self {
        case .police: return "Police"
        case .immigration: return "Immigration: UK Border Agency / Border Force"
        case .laChildrensServices: return "Local authority children's services"
        case .laAdultServices: return "Local authority adult services"
        case .salvationArmy: return "The Salvation Army"
        case .poppyProject: return "Poppy Project (historic: closed)"
        case .migrantHelpline: return "Migrant Helpline (historic: now Migrant Help)"
        case .barnardos: return "Barnardo's"
        case .nspcc: return "NSPCC"
        case .tara: return "TARA (Trafficking Awareness Raising Alliance)"
        case .kalayaan: return "Kalayaan"
        case .gangmastersLicensingAuthority: return "Gangmasters Licensing Authority (historic: now the GLAA)"
        case .ukvi: return "Home Office: UK Visas and Immigration"
        case .borderForce: return "Home Office: Border Force"
        case .immigrationEnforcement: return "Home Office: Immigration Enforcement"
        case .nca: return "National Crime Agency"
        case .glaa: return "Gangmasters and Labour Abuse Authority (GLAA)"
        case .migrantHelp: return "Migrant Help"
        case .medailleTrust: return "Medaille Trust"
        case .unseen: return "Unseen"
        case .bawso: return "BAWSO"
        case .newPathways: return "New Pathways"
        case .refugeeCouncil: return "Refugee Council"
        case .hscTrust: return "Health and Social Care Trust (Northern Ireland)"
        }
    }
}

/// The competent authority that decides (SOLACE L255, L261: UKHTC, or UKBA for
/// cases in the immigration system). Current practice (DOMAIN "Current practice"):
/// the Single Competent Authority since April 2019, the Immigration Enforcement
/// Competent Authority since 8 November 2021, and devolved decision-making panels
/// for children in the pilot areas. The historic codes are still read.
public enum CompetentAuthority: String, CodeList {
    case ukhtc, ukba
    case sca, ieca
    case ddmPanel = "ddm-panel"
    public static let listName = "competent authority"
    public var label: String {
        switch self {
        case .ukhtc: return "UK Human Trafficking Centre (historic)"
        case .ukba: return "UK Border Agency, cases in the immigration system (historic)"
        case .sca: return "Single Competent Authority (Home Office)"
        case .ieca: return "Immigration Enforcement Competent Authority"
        case .ddmPanel: return "Devolved decision-making panel (children, pilot areas)"
        }
    }
    /// A code of the sources no longer in use: read, but refused for a new record under current rules.
    public var isHistoric: Bool { self == .ukhtc || self == .ukba }
}

public extension FirstResponder {
    /// Organisations closed or renamed since the sources (DOMAIN "Current practice": the Poppy Project
    /// has closed; Migrant Helpline is now Migrant Help; the Gangmasters Licensing Authority is the
    /// Gangmasters and Labour Abuse Authority since 2017). Read, but refused for a new record under current rules.
    var isHistoric: Bool { self == .poppyProject || self == .migrantHelpline || self == .gangmastersLicensingAuthority }
}

public extension RuleSet {
    /// Why a new record may not use these codes under this rule set; nil when it may.
    /// Under current rules a historic code is refused; under the sources every code is allowed.
    func historicCodeProblem(firstResponder: FirstResponder?, competentAuthority: CompetentAuthority?) -> String? {
        guard self == .current else { return nil }
        if let f = firstResponder, f.isHistoric {
            return "first responder '\(f.rawValue)' is a historic code (\(f.label)): it is read in old records, but a new record "
                + "under --rules current needs a current one (the Poppy Project has closed; Migrant Helpline is now Migrant Help; "
                + "the GLA is now the Gangmasters and Labour Abuse Authority), or use --rules sources"
        }
        if let c = competentAuthority, c.isHistoric {
            return "competent authority '\(c.rawValue)' is a historic code: a new record under --rules current names sca, ieca "
                + "or ddm-panel, or use --rules sources"
        }
        return nil
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

    /// The category in the Home Office statistics since 2019 (DOMAIN "Current practice"):
    /// criminal exploitation on its own, with benefit fraud in it (the statutory guidance
    /// names benefit fraud a form of criminal exploitation); forced marriage is not a category.
    public var statisticsCategory2019: ExploitationType {
        switch self {
        case .benefitFraud: return .criminal
        case .forcedMarriage: return .notSpecified
        default: return self
        }
    }
}

/// Which exploitation categories the NRM statistics use: the 2015 tables
/// (CHESHIRE L173-184: a referral under its first type, criminal as labour), or the
/// Home Office's since 2019 (criminal on its own; several types in one combination category).
public enum StatisticsCategories: String, CodeList {
    case y2015 = "2015"
    case y2019 = "2019"

    public static let listName = "statistics categories"
    public var label: String {
        switch self {
        case .y2015: return "The 2015 categories: a referral under its first type, criminal exploitation as labour (CHESHIRE L173-184)"
        case .y2019: return "The Home Office categories since 2019: criminal exploitation on its own, several types as one combination"
        }
    }

    /// The rule set's categories: 2015 under the sources, 2019 under current practice.
    public init(rules: RuleSet) { self = rules == .current ? .y2019 : .y2015 }

    /// The single categories, in the order the tables show them.
    public var singleCategories: [ExploitationType] {
        switch self {
        case .y2015: return [.sexual, .labour, .domesticServitude, .organHarvesting, .notSpecified]
        case .y2019: return [.labour, .sexual, .criminal, .domesticServitude, .organHarvesting, .notSpecified]
        }
    }

    /// The one category a referral counts under. 2015: its first type. 2019: every
    /// type it names, as the Home Office shows them, so it counts once: one category
    /// alone, several joined in a combination ("sexual & criminal"); not-specified
    /// only when no other type is named.
    public func category(of types: [ExploitationType]) -> String {
        switch self {
        case .y2015: return (types.first ?? .notSpecified).statisticsCategory.rawValue
        case .y2019:
            let named = Set(types.map(\.statisticsCategory2019)).subtracting([.notSpecified])
            let ordered = singleCategories.filter(named.contains)
            return ordered.isEmpty ? ExploitationType.notSpecified.rawValue : ordered.map(\.rawValue).joined(separator: " & ")
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
