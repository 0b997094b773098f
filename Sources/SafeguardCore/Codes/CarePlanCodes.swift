/// The need domains of a support plan: Miss G's needs (HESTIA) and the safety domain.
public enum NeedDomain: String, CodeList {
    case accommodation
    case incomeBenefits = "income-benefits"
    case emotionalSupport = "emotional-support"
    case legalImmigration = "legal-immigration"
    case policeTrust = "police-trust"
    case languageInterpreter = "language-interpreter"
    case isolation
    case medical
    case safety

    public static let listName = "need domain"
    public var label: String {
        switch self {
        case .accommodation: return "Accommodation"
        case .incomeBenefits: return "Income and benefits"
        case .emotionalSupport: return "Emotional support and counselling"
        case .legalImmigration: return "Legal and immigration advice"
        case .policeTrust: return "Trust and work with the police"
        case .languageInterpreter: return "Language and interpreter"
        case .isolation: return "Isolation"
        case .medical: return "Medical care (including pregnancy)"
        case .safety: return "Safety"
        }
    }
}

public enum NeedStatus: String, CodeList {
    case open
    case inProgress = "in-progress"
    case met
    /// Passed to another service, as long-term elements such as a court case are (HESTIA).
    case signposted

    public static let listName = "need or action status"
    public var label: String {
        switch self {
        case .open: return "Open"
        case .inProgress: return "In progress"
        case .met: return "Met"
        case .signposted: return "Signposted elsewhere"
        }
    }
    public var isSettled: Bool { self == .met || self == .signposted }
}

/// The HESTIA risk assessment questions, plus the risk of abduction (CHESHIRE §6.4).
public enum RiskQuestion: String, CodeList {
    case communitySafe = "community-safe"
    case publicFunds = "public-funds"
    case understands
    case canKeepSafe = "can-keep-safe"
    case familyFriendsRisk = "family-friends-risk"
    case abduction

    public static let listName = "risk question"
    public var label: String {
        switch self {
        case .communitySafe: return "Is the local community safe?"
        case .publicFunds: return "Does she have access to public funds?"
        case .understands: return "Does she understand what is going on?"
        case .canKeepSafe: return "Can she keep safe?"
        case .familyFriendsRisk: return "Are family or friends a risk?"
        case .abduction: return "Risk of abduction, or a gang involved"
        }
    }
}

public enum RiskLevel: String, CodeList {
    case low, medium, high
    public static let listName = "risk level"
    public var label: String { rawValue.capitalized }
    public var score: Int { self == .low ? 1 : self == .medium ? 2 : 3 }
}

public enum InterpreterPlan: String, CodeList {
    case notNeeded = "not-needed"
    case none
    case independentProfessional = "independent-professional"
    case community

    public static let listName = "interpreter arrangement"
    public var label: String {
        switch self {
        case .notNeeded: return "Not needed"
        case .none: return "None arranged"
        case .independentProfessional: return "Independent professional interpreter or vetted translator"
        case .community: return "Community interpreter"
        }
    }
}

public enum PlacementType: String, CodeList {
    case specialistFosterCare = "specialist-foster-care"
    case fosterCare = "foster-care"
    case residential
    case safeHouse = "safe-house"
    case semiIndependent = "semi-independent"
    case other

    public static let listName = "placement type"
    public var label: String {
        switch self {
        case .specialistFosterCare: return "Specialist foster care (the ideal, CHESHIRE §6.4)"
        case .fosterCare: return "Foster care"
        case .residential: return "Residential care home"
        case .safeHouse: return "Safe house"
        case .semiIndependent: return "Semi-independent accommodation"
        case .other: return "Other"
        }
    }
}

public enum AdditionalNeed: String, CodeList {
    case mentalHealth = "mental-health"
    case disability
    case substanceMisuse = "substance-misuse"
    case dependentChildren = "dependent-children"
    public static let listName = "additional need"
    public var label: String {
        switch self {
        case .mentalHealth: return "Mental health"
        case .disability: return "Disability"
        case .substanceMisuse: return "Substance misuse"
        case .dependentChildren: return "Dependent children"
        }
    }
}

/// A rule of the sources a plan breaks: a stable code and a plain sentence.
public enum PlanProblem: String, CodeList {
    case childNoMissingStrategy = "child-no-missing-strategy"
    case childNoInterpreter = "child-no-interpreter"
    case communityInterpreter = "community-interpreter"
    case interpreterKnowsPerson = "interpreter-knows-person"
    case abductionRiskNoSafeHouse = "abduction-risk-no-safe-house"
    case noStrategyMeeting = "no-strategy-meeting"
    case noLeadProfessional = "no-lead-professional"
    case actionOverdue = "action-overdue"
    case safetyPlanStale = "safety-plan-stale"

    public static let listName = "care plan problem"
    public var label: String {
        switch self {
        case .childNoMissingStrategy: return "A child's plan must say how going missing will be prevented and managed, and which agencies to notify if the child goes missing (SOLACE L421; CHESHIRE §6.4)."
        case .childNoInterpreter: return "A child who is not a UK national needs a vetted interpreter or translator arranged (CHESHIRE §6.4)."
        case .communityInterpreter: return "Only independent professional interpreters may be used, never community interpreters (SOLACE L523-527)."
        case .interpreterKnowsPerson: return "The interpreter knows the person: stop the assignment (SOLACE L523-527)."
        case .abductionRiskNoSafeHouse: return "The risk of abduction is high: decide on a safe house and notify the Head of Service (CHESHIRE §6.4)."
        case .noStrategyMeeting: return "A child trafficking case needs a multi-agency strategy meeting (CHESHIRE §6.4)."
        case .noLeadProfessional: return "The plan names no lead professional, the single point of contact (SOLACE L494)."
        case .actionOverdue: return "An action is past its due date."
        case .safetyPlanStale: return "The safety plan has not been reviewed recently enough."
        }
    }
}

/// The HESTIA exit-of-service criteria.
public enum ExitCriterion: String, CodeList {
    case riskReduced = "risk-significantly-reduced"
    case agenciesInformed = "every-agency-informed"
    case targetsMet = "targets-met-or-signposted"
    case safetyPlanCurrent = "safety-plan-current"
    case papersComplete = "papers-complete"

    public static let listName = "exit criterion"
    public var label: String {
        switch self {
        case .riskReduced: return "Risk is significantly reduced, as the risk assessment shows"
        case .agenciesInformed: return "Every agency has been informed"
        case .targetsMet: return "Every target of the plan is met, or signposted elsewhere"
        case .safetyPlanCurrent: return "The safety plan is current"
        case .papersComplete: return "Her papers are complete"
        }
    }
}
