/// What identity documents were seen (SOLACE L304: most trafficked children
/// have none, or false ones).
public enum DocumentsSeen: String, CodeList {
    case none
    case genuine
    case falseOrDoubtful = "false-or-doubtful"
    case heldByThirdParty = "held-by-third-party"

    public static let listName = "documents seen"
    public var label: String {
        switch self {
        case .none: return "No documents"
        case .genuine: return "Genuine documents"
        case .falseOrDoubtful: return "False or doubtful documents"
        case .heldByThirdParty: return "Documents held by a third party"
        }
    }

    /// Whether the assessors actually saw documents: genuine ones, or ones they
    /// found false or doubtful. None, or documents a third party holds, were
    /// not seen, so they cannot be a factor (SOLACE L304, L312).
    public var wereSeen: Bool { self == .genuine || self == .falseOrDoubtful }
}

/// What the assessment considered (SOLACE L316: physical, psychological and cultural factors).
public enum AssessmentFactor: String, CodeList {
    case physical, psychological, cultural, documentary, medical
    public static let listName = "assessment factor"
    public var label: String {
        switch self {
        case .physical: return "Physical appearance and demeanour"
        case .psychological: return "Psychological and emotional maturity"
        case .cultural: return "Cultural and social history"
        case .documentary: return "Documents"
        case .medical: return "Medical evidence (can be out by up to 5 years, SOLACE L312)"
        }
    }
}

/// The interpreter at the assessment. Only an independent professional will
/// do (SOLACE L523-527); a community interpreter is never used.
public enum InterpreterArrangement: String, CodeList {
    case notUsed = "none"
    case independentProfessional = "independent-professional"
    case community
    case other

    public static let listName = "interpreter arrangement"
    public var label: String {
        switch self {
        case .notUsed: return "No interpreter"
        case .independentProfessional: return "Independent professional interpreter"
        case .community: return "Community interpreter"
        case .other: return "Other (family, friend, staff)"
        }
    }
}

/// Who made the assessment: the local authority, or since 31 March 2023 the National
/// Age Assessment Board, on referral or reviewing a council's assessment (DOMAIN "Current practice").
public enum AssessingBody: String, CodeList {
    case la
    case naab

    public static let listName = "assessing body"
    public var label: String {
        switch self {
        case .la: return "The local authority"
        case .naab: return "The National Age Assessment Board (Home Office, since 31 March 2023)"
        }
    }
}

public enum AssessmentOutcome: String, CodeList {
    case claimedAgeAccepted = "claimed-age-accepted"
    case assessedOlder = "assessed-older"
    case assessedYounger = "assessed-younger"
    case inconclusive

    public static let listName = "assessment outcome"
    public var label: String {
        switch self {
        case .claimedAgeAccepted: return "Claimed age accepted"
        case .assessedOlder: return "Assessed as older than claimed"
        case .assessedYounger: return "Assessed as younger than claimed"
        case .inconclusive: return "Inconclusive"
        }
    }
}

/// A procedural gap in an age assessment: a stable code and a sentence a
/// social worker understands. Sources: SOLACE L312-316; the Merton safeguards
/// of case law, which the sources do not cover.
public enum AssessmentGap: String, CodeList {
    case fewerThanTwoTrainedAssessors = "fewer-than-two-trained-assessors"
    case noInterpreter = "no-interpreter"
    case interpreterNotIndependent = "interpreter-not-independent"
    case noAppropriateAdult = "no-appropriate-adult"
    case purposeNotExplained = "purpose-not-explained"
    case noChanceToRespond = "no-chance-to-respond"
    case noReasons = "no-reasons"
    case noFactorsRecorded = "no-factors-recorded"
    case appearanceOrMedicalOnly = "appearance-or-medical-only"
    case documentaryWithoutDocuments = "documentary-without-documents"
    case physicalNotConsidered = "physical-not-considered"
    case psychologicalNotConsidered = "psychological-not-considered"
    case culturalNotConsidered = "cultural-not-considered"
    case adultDespiteDoubt = "adult-despite-doubt"
    case conclusionContradictsAge = "conclusion-contradicts-assessed-age"
    case noAssessedAge = "no-assessed-age"
    /// Current rules only (FZ v Croydon [2011]; R (HAM) v Brent [2022]).
    case noMindedToStage = "no-minded-to-stage"

    public static let listName = "assessment gap"
    public var label: String {
        switch self {
        case .fewerThanTwoTrainedAssessors: return "Fewer than two trained assessors took part."
        case .noInterpreter: return "The person needs an interpreter but none was used."
        case .interpreterNotIndependent: return "The interpreter was not an independent professional (SOLACE L523-527)."
        case .noAppropriateAdult: return "No appropriate adult was present."
        case .purposeNotExplained: return "The purpose of the assessment was not explained to the young person."
        case .noChanceToRespond: return "Adverse points were not put to the young person with a chance to respond."
        case .noReasons: return "No written reasons were recorded."
        case .noFactorsRecorded: return "No factors considered were recorded: physical, psychological and cultural factors should all be (SOLACE L316)."
        case .appearanceOrMedicalOnly: return "The assessment rests on appearance or medical evidence alone; medical methods can be out by up to 5 years (SOLACE L312)."
        case .documentaryWithoutDocuments: return "Documents are recorded as a factor but none were seen: documents are a factor only when the assessors saw them (SOLACE L304, L312)."
        case .physicalNotConsidered: return "Physical factors were not considered: physical, psychological and cultural factors should all be (SOLACE L316)."
        case .psychologicalNotConsidered: return "Psychological factors were not considered: physical, psychological and cultural factors should all be (SOLACE L316)."
        case .culturalNotConsidered: return "Cultural factors were not considered: physical, psychological and cultural factors should all be (SOLACE L316)."
        case .adultDespiteDoubt: return "The outcome treats the person as an adult although the recorded doubt favours childhood: give the benefit of the doubt (SOLACE L312)."
        case .conclusionContradictsAge: return "The conclusion says child but the assessed age is 18 or over: the record contradicts itself, so it cannot settle the age."
        case .noAssessedAge: return "The outcome gives no assessed date of birth or age range."
        case .noMindedToStage: return "Under current rules an assessment that finds the young person older than claimed needs a separate minded-to stage: the adverse points put while the view is provisional, with the date and the response recorded (FZ v Croydon [2011] EWCA Civ 59; R (HAM) v Brent [2022])."
        }
    }
}
