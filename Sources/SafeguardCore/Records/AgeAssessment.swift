/// An assessed age: a date of birth, or a range of whole years on the assessment date.
public enum AssessedAge: Equatable, Sendable {
    case dateOfBirth(CivilDate)
    case range(ClosedRange<Int>)

    /// The youngest the person can be on `date`, given the assessment was on `assessedOn`.
    public func youngestAge(on date: CivilDate, assessedOn: CivilDate) -> Int {
        switch self {
        case .dateOfBirth(let dob): return dob.age(on: date) ?? 0
        case .range(let r): return r.lowerBound + (assessedOn.age(on: date) ?? 0)
        }
    }
}

public struct Assessor: Hashable, Sendable {
    /// A staff id (not a name: ids keep the record free of staff personal data).
    public let id: RecordID
    public let trained: Bool
    public init(id: RecordID, trained: Bool) { self.id = id; self.trained = trained }
}

/// A local authority's age assessment of a person whose claim to be a child
/// is in doubt (SOLACE L312-316). `gaps` lists every procedural safeguard it misses.
public struct AgeAssessment: Record, Equatable, Sendable {
    public static let kind = "age-assessment"
    public static let fields = ["id", "person", "date", "claimed", "documents", "assessors", "assessed-by", "interpreter-needed", "interpreter",
                                "appropriate-adult", "purpose-explained", "adverse-points-put", "minded-to-date", "minded-to-response", "factors", "reasons",
                                "outcome", "assessed", "conclusion"]

    public let id: RecordID
    /// The person's pseudonymous id (the subject id of their referral).
    public let person: RecordID
    public let date: CivilDate
    public let claimed: StatedAge
    public let documents: DocumentsSeen
    public let assessors: [Assessor]
    public let interpreterNeeded: Bool
    public let interpreter: InterpreterArrangement
    public let appropriateAdult: Bool
    public let purposeExplained: Bool
    /// Adverse points were put to the person, with a chance to respond.
    public let adversePointsPut: Bool
    public let factors: [AssessmentFactor]
    /// The written reasons: free text, personal data.
    public let reasons: String?
    public let outcome: AssessmentOutcome
    public let assessed: AssessedAge?
    /// What the assessors concluded the person is to be treated as.
    public let conclusion: AgeGroup
    /// Who assessed: the local authority or the National Age Assessment Board; nil when not recorded.
    public let assessedBy: AssessingBody?
    /// The "minded-to" stage (R (HAM) v Brent [2022]): the date the adverse points were put to the
    /// young person while the view was provisional, and their response (free text, personal data).
    public let mindedToDate: CivilDate?
    public let mindedToResponse: String?

    /// A date of birth, claimed or assessed, is on or before the assessment; a
    /// minded-to response answers the minded-to date it was given on.
    public init(id: RecordID, person: RecordID, date: CivilDate, claimed: StatedAge, documents: DocumentsSeen,
                assessors: [Assessor], interpreterNeeded: Bool, interpreter: InterpreterArrangement,
                appropriateAdult: Bool, purposeExplained: Bool, adversePointsPut: Bool, factors: [AssessmentFactor],
                reasons: String?, outcome: AssessmentOutcome, assessed: AssessedAge?, conclusion: AgeGroup,
                assessedBy: AssessingBody? = nil, mindedToDate: CivilDate? = nil, mindedToResponse: String? = nil) throws {
        if case .dateOfBirth(let d) = claimed, d > date { throw RecordError("field claimed.dob is after the assessment date") }
        if case .dateOfBirth(let d)? = assessed, d > date { throw RecordError("field assessed.dob is after the assessment date") }
        if mindedToResponse != nil, mindedToDate == nil { throw RecordError("field minded-to-response goes with the minded-to-date it answers") }
        self.id = id
        self.person = person
        self.date = date
        self.claimed = claimed
        self.documents = documents
        self.assessors = assessors
        self.interpreterNeeded = interpreterNeeded
        self.interpreter = interpreter
        self.appropriateAdult = appropriateAdult
        self.purposeExplained = purposeExplained
        self.adversePointsPut = adversePointsPut
        self.factors = factors
        self.reasons = reasons
        self.outcome = outcome
        self.assessed = assessed
        self.conclusion = conclusion
        self.assessedBy = assessedBy
        self.mindedToDate = mindedToDate
        self.mindedToResponse = mindedToResponse
    }

    /// The age the assessment settles on: the assessed age, or the claim when it was accepted.
    public var settledAge: AssessedAge? {
        if let assessed { return assessed }
        guard outcome == .claimedAgeAccepted else { return nil }
        switch claimed {
        case .dateOfBirth(let d): return .dateOfBirth(d)
        case .claimedAge(let n): return .range(n...n)
        }
    }

    /// Every procedural safeguard the assessment misses, by the sources' rules and the Merton safeguards.
    public var gaps: [AssessmentGap] { gaps(under: .sources) }

    /// Every procedural safeguard the assessment misses under `rules`: under current
    /// rules, an assessment finding the person older than claimed needs a minded-to stage too.
    public func gaps(under rules: RuleSet) -> [AssessmentGap] {
        var gaps: [AssessmentGap] = []
        if Set(assessors.filter(\.trained).map(\.id)).count < 2 { gaps.append(.fewerThanTwoTrainedAssessors) }
        if interpreterNeeded && interpreter == .notUsed { gaps.append(.noInterpreter) }
        if interpreter == .community || interpreter == .other { gaps.append(.interpreterNotIndependent) }
        if !appropriateAdult { gaps.append(.noAppropriateAdult) }
        if !purposeExplained { gaps.append(.purposeNotExplained) }
        if !adversePointsPut { gaps.append(.noChanceToRespond) }
        if (reasons ?? "").trimmed.isEmpty { gaps.append(.noReasons) }
        // SOLACE L304, L312: documents are a factor only when they were seen.
        var considered = Set(factors)
        if considered.contains(.documentary) && !documents.wereSeen {
            gaps.append(.documentaryWithoutDocuments)
            considered.remove(.documentary)
        }
        // SOLACE L312: never on appearance or medical estimates alone.
        if factors.isEmpty {
            gaps.append(.noFactorsRecorded)
        } else if considered.isSubset(of: [.physical, .medical]) {
            gaps.append(.appearanceOrMedicalOnly)
        }
        // SOLACE L316: physical, psychological and cultural factors all considered.
        let needed: [(AssessmentFactor, AssessmentGap)] = [(.physical, .physicalNotConsidered), (.psychological, .psychologicalNotConsidered),
                                                           (.cultural, .culturalNotConsidered)]
        for (factor, gap) in needed where !considered.contains(factor) { gaps.append(gap) }
        if (outcome == .assessedOlder || outcome == .assessedYounger) && assessed == nil { gaps.append(.noAssessedAge) }
        let youngest = settledAge?.youngestAge(on: date, assessedOn: date)
        switch conclusion {
        case .adult:
            if outcome == .inconclusive || youngest.map({ $0 < AgePresumption.adultAge }) ?? true { gaps.append(.adultDespiteDoubt) }
        case .child:
            if outcome != .inconclusive, let youngest, youngest >= AgePresumption.adultAge { gaps.append(.conclusionContradictsAge) }
        }
        if rules == .current, outcome == .assessedOlder, mindedToDate == nil { gaps.append(.noMindedToStage) }
        return gaps
    }

    /// Whether the assessment, sound or not, found the person under 18 on its
    /// date: its conclusion says child, or the youngest age it settles on is under 18.
    public var findsUnder18: Bool {
        conclusion == .child || (settledAge.map { $0.youngestAge(on: date, assessedOn: date) < AgePresumption.adultAge } ?? false)
    }

    /// Completed (a conclusive outcome) and free of gaps: only such an assessment
    /// can end the presumption that a person whose age is disputed is a child.
    public var isSound: Bool { isSound(under: .sources) }
    public func isSound(under rules: RuleSet) -> Bool { outcome != .inconclusive && settledAge != nil && gaps(under: rules).isEmpty }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("person", person.rawValue)
        b.set("date", date)
        var c = JSONObjectBuilder()
        switch claimed {
        case .dateOfBirth(let d): c.set("dob", d)
        case .claimedAge(let n): c.set("age", n)
        }
        b.set("claimed", c.value)
        b.set("documents", documents)
        b.set("assessors", .array(assessors.map { a in
            var o = JSONObjectBuilder()
            o.set("id", a.id.rawValue)
            o.set("trained", a.trained)
            return o.value
        }))
        b.set("assessed-by", assessedBy)
        b.set("interpreter-needed", interpreterNeeded)
        b.set("interpreter", interpreter)
        b.set("appropriate-adult", appropriateAdult)
        b.set("purpose-explained", purposeExplained)
        b.set("adverse-points-put", adversePointsPut)
        b.set("minded-to-date", mindedToDate)
        b.set("minded-to-response", mindedToResponse)
        b.set("factors", factors)
        b.set("reasons", reasons)
        b.set("outcome", outcome)
        if let assessed {
            var a = JSONObjectBuilder()
            switch assessed {
            case .dateOfBirth(let d): a.set("dob", d)
            case .range(let r): a.set("min-age", r.lowerBound); a.set("max-age", r.upperBound)
            }
            b.set("assessed", a.value)
        }
        b.set("conclusion", conclusion)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        let c = try r.object("claimed")
        try c.allowOnly(["dob", "age"])
        let claimed: StatedAge
        switch (try c.optionalDate("dob"), try c.optionalInt("age", in: StatedAge.claimedAgeRange)) {
        case (let d?, nil): claimed = .dateOfBirth(d)
        case (nil, let n?): claimed = .claimedAge(n)
        default: throw RecordError("field claimed needs exactly one of dob or age")
        }
        let assessorValues = try r.objectArray("assessors")
        let assessors = try assessorValues.enumerated().map { k, o -> Assessor in
            let a = FieldReader(o, path: "assessors[\(k)].")
            try a.allowOnly(["id", "trained"])
            return Assessor(id: try a.id("id"), trained: try a.bool("trained"))
        }
        var assessed: AssessedAge?
        if try r.optionalObject("assessed") != nil {
            let a = try r.object("assessed")
            try a.allowOnly(["dob", "min-age", "max-age"])
            switch (try a.optionalDate("dob"), try a.optionalInt("min-age", in: StatedAge.claimedAgeRange),
                    try a.optionalInt("max-age", in: StatedAge.claimedAgeRange)) {
            case (let d?, nil, nil): assessed = .dateOfBirth(d)
            case (nil, let lo?, let hi?):
                guard lo <= hi else { throw RecordError("field assessed.min-age is more than assessed.max-age") }
                assessed = .range(lo...hi)
            default: throw RecordError("field assessed needs a dob, or min-age and max-age")
            }
        }
        try self.init(id: try r.id("id"), person: try r.id("person"), date: try r.date("date"), claimed: claimed,
                      documents: try r.code("documents"), assessors: assessors,
                      interpreterNeeded: try r.bool("interpreter-needed"), interpreter: try r.code("interpreter"),
                      appropriateAdult: try r.bool("appropriate-adult"), purposeExplained: try r.bool("purpose-explained"),
                      adversePointsPut: try r.bool("adverse-points-put"), factors: try r.codes("factors"),
                      reasons: try r.optionalText("reasons"), outcome: try r.code("outcome"), assessed: assessed,
                      conclusion: try r.code("conclusion"), assessedBy: try r.optionalCode("assessed-by"),
                      mindedToDate: try r.optionalDate("minded-to-date"), mindedToResponse: try r.optionalText("minded-to-response"))
    }
}

public extension AgeAssessment {
    /// The `assessment-check` record: every gap under `rules` with its code and sentence;
    /// and the rule set that judged them.
    func checkJSON(under rules: RuleSet = .sources) -> JSONValue {
        var b = JSONObjectBuilder(kind: "assessment-check")
        b.set("assessment", id.rawValue)
        b.set("person", person.rawValue)
        b.set("date", date)
        b.set("rules", rules)
        b.set("sound", isSound(under: rules))
        b.set("gaps", .array(gaps(under: rules).map { g in
            var o = JSONObjectBuilder()
            o.set("code", g)
            o.set("message", g.label)
            return o.value
        }))
        return b.value
    }
}

