/// The need domains of a support plan: Miss G's needs (HESTIA), the safety
/// domain, and education, part of the Convention minimum for a child (SOLACE L361).
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
    case education

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
        case .education: return "Education (a child's Convention minimum, SOLACE L361)"
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

/// The HESTIA risk assessment questions, plus the trafficking-specific risk
/// assessment for a child: abduction (CHESHIRE §6.4) and going missing (SOLACE L421).
/// Worded for any person (issue 12, rule 12): "they", never "she".
public enum RiskQuestion: String, CodeList {
    case communitySafe = "community-safe"
    case publicFunds = "public-funds"
    case understands
    case canKeepSafe = "can-keep-safe"
    case familyFriendsRisk = "family-friends-risk"
    case abduction
    case goingMissing = "going-missing"

    public static let listName = "risk question"
    public var label: String {
        switch self {
        case .communitySafe: return "Is the local community safe for them?"
        case .publicFunds: return "Do they have access to public funds?"
        case .understands: return "Do they understand what is going on?"
        case .canKeepSafe: return "Can they keep safe?"
        case .familyFriendsRisk: return "Are family or friends a risk?"
        case .abduction: return "Risk of abduction, or a gang involved"
        case .goingMissing: return "Risk of going missing"
        }
    }

    /// The problem when a child's plan leaves this question unanswered (HESTIA; SOLACE L421).
    public var unanswered: PlanProblem {
        switch self {
        case .communitySafe: return .riskUnansweredCommunitySafe
        case .publicFunds: return .riskUnansweredPublicFunds
        case .understands: return .riskUnansweredUnderstands
        case .canKeepSafe: return .riskUnansweredCanKeepSafe
        case .familyFriendsRisk: return .riskUnansweredFamilyFriends
        case .abduction: return .riskUnansweredAbduction
        case .goingMissing: return .riskUnansweredGoingMissing
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

/// The Independent Child Trafficking Guardian referral for a child (Modern Slavery
/// Act 2015 s.48; DOMAIN "Current practice"): referred alongside the NRM where the service runs.
public enum ICTGReferral: String, CodeList {
    case referred
    case notAvailable = "not-available"
    case declined

    public static let listName = "ICTG referral"
    public var label: String {
        switch self {
        case .referred: return "Referred to the Independent Child Trafficking Guardian service"
        case .notAvailable: return "No ICTG service where the child lives"
        case .declined: return "ICTG referral declined"
        }
    }
}

public enum PlacementType: String, CodeList {
    case specialistFosterCare = "specialist-foster-care"
    case fosterCare = "foster-care"
    case residential
    case safeHouse = "safe-house"
    case semiIndependent = "semi-independent"
    /// With the child's family: a reunification (CHESHIRE L217).
    case family
    /// A private fostering arrangement, notified to the local authority within 48 hours (PLAN L940-942).
    case privateFostering = "private-fostering"
    case other

    public static let listName = "placement type"
    public var label: String {
        switch self {
        case .specialistFosterCare: return "Specialist foster care (the ideal, CHESHIRE §6.4)"
        case .fosterCare: return "Foster care"
        case .residential: return "Residential care home"
        case .safeHouse: return "Safe house"
        case .semiIndependent: return "Semi-independent accommodation"
        case .family: return "With the family (a reunification: the family's role assessed first)"
        case .privateFostering: return "Private fostering (the local authority notified within 48 hours)"
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

/// The agencies a plan names (codes, so a rule can ask whether one is
/// there: adult social care for a care leaver, SOLACE L405).
public enum Agency: String, CodeList {
    case police
    case homeOffice = "home-office"
    case childrensServices = "childrens-services"
    case adultSocialCare = "adult-social-care"
    case gp
    case health
    case education
    case cps
    case competentAuthority = "competent-authority"
    case supportProvider = "support-provider"
    case legalAdviser = "legal-adviser"
    case housing
    case youthOffending = "youth-offending"
    case missingPeople = "missing-people"
    case other

    public static let listName = "agency"
    public var label: String {
        switch self {
        case .police: return "Police"
        case .homeOffice: return "Home Office (formerly UK Border Agency)"
        case .childrensServices: return "Children's services"
        case .adultSocialCare: return "Adult social care"
        case .gp: return "GP"
        case .health: return "Health services"
        case .education: return "School or college"
        case .cps: return "Crown Prosecution Service"
        case .competentAuthority: return "NRM competent authority"
        case .supportProvider: return "Support provider (a voluntary-sector service)"
        case .legalAdviser: return "Legal or immigration adviser"
        case .housing: return "Housing"
        case .youthOffending: return "Youth offending team"
        case .missingPeople: return "Missing People helpline"
        case .other: return "Another agency"
        }
    }
}

/// What an action is for; most are support. A reunification needs the
/// family's role assessed first (CHESHIRE L217); a transition prepares a
/// child turning 18 for adult services (SOLACE L405).
public enum ActionKind: String, CodeList {
    case support
    case reunification
    case transition

    public static let listName = "action kind"
    public var label: String {
        switch self {
        case .support: return "Support"
        case .reunification: return "Reunification with the family"
        case .transition: return "Transition to adult services (leaving care)"
        }
    }
}

/// The risks every child's plan considers together (CHESHIRE §7).
public enum ConsideredRisk: String, CodeList {
    case cse
    case missing
    case trafficking

    public static let listName = "risk considered"
    public var label: String {
        switch self {
        case .cse: return "Child sexual exploitation"
        case .missing: return "Going missing"
        case .trafficking: return "Trafficking"
        }
    }

    public var notConsidered: PlanProblem {
        switch self {
        case .cse: return .cseRiskNotConsidered
        case .missing: return .missingRiskNotConsidered
        case .trafficking: return .traffickingRiskNotConsidered
        }
    }
}

/// HESTIA's support checklist, each item an exit criterion.
public enum SupportChecklistItem: String, CodeList {
    case aimOfService = "aim-of-service"
    case rightsInUK = "rights-in-uk"
    case otherServices = "other-services"
    case policeConcerns = "police-concerns"

    public static let listName = "support checklist item"
    public var label: String {
        switch self {
        case .aimOfService: return "The person understands the aim of the service"
        case .rightsInUK: return "The person understands their rights in the UK"
        case .otherServices: return "The other services available have been explained"
        case .policeConcerns: return "Any concerns about the police have been discussed"
        }
    }

    public var criterion: ExitCriterion {
        switch self {
        case .aimOfService: return .aimOfServiceUnderstood
        case .rightsInUK: return .rightsInUKUnderstood
        case .otherServices: return .otherServicesExplained
        case .policeConcerns: return .policeConcernsDiscussed
        }
    }
}

/// A rule of the sources a plan breaks: a stable code and a plain sentence.
/// The sentences name no person: "they", or "the person" (issue 12, rule 12).
public enum PlanProblem: String, CodeList {
    case childNoMissingStrategy = "child-no-missing-strategy"
    case notifyNoPolice = "notify-if-missing-no-police"
    case notifyNoHomeOffice = "notify-if-missing-no-home-office"
    case childNoInterpreter = "child-no-interpreter"
    case interpreterNotArranged = "interpreter-not-arranged"
    case communityInterpreter = "community-interpreter"
    case interpreterKnowsPerson = "interpreter-knows-person"
    case abductionRiskNoSafeHouse = "abduction-risk-no-safe-house"
    case noStrategyMeeting = "no-strategy-meeting"
    case noLeadProfessional = "no-lead-professional"
    case actionOverdue = "action-overdue"
    case safetyPlanStale = "safety-plan-stale"
    case ageNotRecorded = "age-not-recorded"
    case ageGroupChanged = "age-group-changed"
    case riskUnansweredCommunitySafe = "risk-unanswered-community-safe"
    case riskUnansweredPublicFunds = "risk-unanswered-public-funds"
    case riskUnansweredUnderstands = "risk-unanswered-understands"
    case riskUnansweredCanKeepSafe = "risk-unanswered-can-keep-safe"
    case riskUnansweredFamilyFriends = "risk-unanswered-family-friends-risk"
    case riskUnansweredAbduction = "risk-unanswered-abduction"
    case riskUnansweredGoingMissing = "risk-unanswered-going-missing"
    case exploitationNotRecorded = "exploitation-not-recorded"
    case nonCriminalisationNotConsidered = "non-criminalisation-not-considered"
    case policeNotToldOfTrafficking = "police-not-told-of-trafficking"
    case cpsNotToldOfTrafficking = "cps-not-told-of-trafficking"
    case householdChildrenNotListed = "household-children-not-listed"
    case householdChildNotAssessed = "household-child-not-assessed"
    case reunificationFamilyRoleNotAssessed = "reunification-family-role-not-assessed"
    case reunificationWithComplicitFamily = "reunification-with-complicit-family"
    case cseRiskNotConsidered = "cse-risk-not-considered"
    case missingRiskNotConsidered = "missing-risk-not-considered"
    case traffickingRiskNotConsidered = "trafficking-risk-not-considered"
    case noTransitionAction = "no-transition-action"
    case adultSocialCareNotInformed = "adult-social-care-not-informed"
    case noEducationNeed = "no-education-need"
    case privateFosteringNotNotified = "private-fostering-not-notified"
    /// Current rules only (Modern Slavery Act 2015 s.48).
    case noICTGReferral = "no-ictg-referral"

    public static let listName = "care plan problem"
    public var label: String {
        switch self {
        case .childNoMissingStrategy: return "A child's plan must say how going missing will be prevented and managed (SOLACE L421; CHESHIRE §6.4)."
        case .notifyNoPolice: return "A child's plan must list the police among the agencies to notify if the child goes missing (SOLACE L421)."
        case .notifyNoHomeOffice: return "A child's plan must list the Home Office (formerly UKBA) among the agencies to notify if the child goes missing (SOLACE L421)."
        case .childNoInterpreter: return "A child who is not known to be a UK national needs a vetted interpreter or translator arranged (CHESHIRE §6.4)."
        case .interpreterNotArranged: return "An interpreter is needed but none is arranged (SOLACE L361, L523-527)."
        case .communityInterpreter: return "Only independent professional interpreters may be used, never community interpreters (SOLACE L523-527)."
        case .interpreterKnowsPerson: return "The interpreter knows the person: stop the assignment (SOLACE L523-527)."
        case .abductionRiskNoSafeHouse: return "The risk of abduction is high: decide on a safe house and notify the Head of Service (CHESHIRE §6.4)."
        case .noStrategyMeeting: return "A child trafficking case needs a multi-agency strategy meeting (CHESHIRE §6.4)."
        case .noLeadProfessional: return "The plan names no lead professional, the single point of contact (SOLACE L494)."
        case .actionOverdue: return "An action is past its due date."
        case .safetyPlanStale: return "The safety plan has not been reviewed recently enough."
        case .ageNotRecorded: return "The plan holds no date of birth or claimed age, so whether the person is a child on this date cannot be worked out; record it in a new plan (SOLACE L312)."
        case .ageGroupChanged: return "The person is treated differently now from when the plan was made: make a new plan with the arrangements for their age group (SOLACE L312, L405)."
        case .riskUnansweredCommunitySafe: return "A child's risk assessment must answer whether the local community is safe for them (HESTIA)."
        case .riskUnansweredPublicFunds: return "A child's risk assessment must answer whether they have access to public funds (HESTIA)."
        case .riskUnansweredUnderstands: return "A child's risk assessment must answer whether they understand what is going on (HESTIA)."
        case .riskUnansweredCanKeepSafe: return "A child's risk assessment must answer whether they can keep safe (HESTIA)."
        case .riskUnansweredFamilyFriends: return "A child's risk assessment must answer whether family or friends are a risk (HESTIA)."
        case .riskUnansweredAbduction: return "A child's trafficking risk assessment must answer the risk of abduction (SOLACE L421; CHESHIRE §6.4)."
        case .riskUnansweredGoingMissing: return "A child's trafficking risk assessment must answer the risk of going missing (SOLACE L421)."
        case .exploitationNotRecorded: return "A child's plan must record the exploitation types, so the duty not to criminalise can be applied (CHESHIRE L211)."
        case .nonCriminalisationNotConsidered: return "Criminal exploitation: record the date the duty not to criminalise a victim was considered (CHESHIRE L211, L299; PLAN L847-849)."
        case .policeNotToldOfTrafficking: return "Criminal exploitation: the police must be told of the trafficking concern (CHESHIRE L207, L292; SOLACE L318)."
        case .cpsNotToldOfTrafficking: return "Criminal exploitation: the Crown Prosecution Service must be told of the trafficking concern (PLAN L849)."
        case .householdChildrenNotListed: return "The family is thought complicit: list the other children in the household, each to be assessed (CHESHIRE L230)."
        case .householdChildNotAssessed: return "The family is thought complicit: another child in the household has not been assessed (CHESHIRE L230)."
        case .reunificationFamilyRoleNotAssessed: return "A reunification, or a placement with the family, before the family's role in the trafficking is assessed (CHESHIRE L217)."
        case .reunificationWithComplicitFamily: return "A reunification, or a placement with the family, though the family is thought complicit in the trafficking (CHESHIRE L217, L230)."
        case .cseRiskNotConsidered: return "A child's plan must consider the risk of child sexual exploitation (CHESHIRE §7)."
        case .missingRiskNotConsidered: return "A child's plan must consider the risk of going missing (CHESHIRE §7)."
        case .traffickingRiskNotConsidered: return "A child's plan must consider the risk of trafficking (CHESHIRE §7)."
        case .noTransitionAction: return "The child turns 18 soon: the plan needs a transition action for leaving care (SOLACE L405)."
        case .adultSocialCareNotInformed: return "The child turns 18 soon: adult social care must be on the plan and informed (SOLACE L405; CHESHIRE L104)."
        case .noEducationNeed: return "A child's plan must include education, part of the Convention minimum (SOLACE L361)."
        case .privateFosteringNotNotified: return "A private fostering placement must be notified to the local authority within 48 hours of the child arriving (PLAN L940-942)."
        case .noICTGReferral: return "Under current rules a child's plan records the Independent Child Trafficking Guardian referral: referred, not-available or declined (Modern Slavery Act 2015 s.48)."
        }
    }
}

/// The HESTIA exit-of-service criteria, its support checklist, and the plan's own rules.
public enum ExitCriterion: String, CodeList {
    case riskReduced = "risk-significantly-reduced"
    case agenciesInformed = "every-agency-informed"
    case targetsMet = "targets-met-or-signposted"
    case safetyPlanCurrent = "safety-plan-current"
    case papersComplete = "papers-complete"
    case aimOfServiceUnderstood = "aim-of-service-understood"
    case rightsInUKUnderstood = "rights-in-uk-understood"
    case otherServicesExplained = "other-services-explained"
    case policeConcernsDiscussed = "police-concerns-discussed"
    /// One entry for each problem `check` finds (CHESHIRE §5, §6.4).
    case planRulesKept = "plan-rules-kept"

    public static let listName = "exit criterion"
    public var label: String {
        switch self {
        case .riskReduced: return "Risk is significantly reduced, as the risk assessment shows"
        case .agenciesInformed: return "Every agency has been told of the exit of service (a dated record)"
        case .targetsMet: return "Every target of the plan is met, or signposted elsewhere"
        case .safetyPlanCurrent: return "The safety plan is current"
        case .papersComplete: return "The person's papers are complete"
        case .aimOfServiceUnderstood: return "The person understands the aim of the service"
        case .rightsInUKUnderstood: return "The person understands their rights in the UK"
        case .otherServicesExplained: return "The other services available have been explained"
        case .policeConcernsDiscussed: return "Any concerns about the police have been discussed"
        case .planRulesKept: return "The plan breaks no rule that check applies"
        }
    }
}
