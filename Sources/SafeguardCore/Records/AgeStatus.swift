/// Why a person is treated as a child or an adult.
public enum AgeStatusBasis: String, CodeList {
    case soundAssessment = "sound-assessment"
    case disputedNoSoundAssessment = "age-disputed-no-sound-assessment"
    case reopenedByLaterAssessment = "reopened-by-later-assessment"

    public static let listName = "age status basis"
    public var label: String {
        switch self {
        case .soundAssessment: return "A completed age assessment free of procedural gaps"
        case .disputedNoSoundAssessment: return "Age disputed and no completed assessment free of gaps: treated as a child (SOLACE L312)"
        case .reopenedByLaterAssessment: return "A completed assessment after the sound one is not sound: the doubt is reopened and the person is treated as a child until a newer sound assessment settles it (SOLACE L312)"
        }
    }
}

/// One reason in an age status's `why`: a stable code and the assessment it cites.
public enum AgeStatusReasonCode: String, CodeList {
    case noAssessment = "no-assessment"
    case noSoundAssessment = "no-sound-assessment"
    case soundAssessmentDecides = "sound-assessment-decides"
    case laterInconclusive = "later-inconclusive"
    case laterFindingUnder18 = "later-finding-under-18"
    case laterAssessmentNotSound = "later-assessment-not-sound"
    case earlierSoundAssessmentSetAside = "earlier-sound-assessment-set-aside"

    public static let listName = "age status reason"
    public var label: String {
        switch self {
        case .noAssessment: return "No age assessment was made by the date: the person is treated as a child until their age is verified (SOLACE L312)."
        case .noSoundAssessment: return "No completed assessment free of gaps was made by the date: the person is treated as a child (SOLACE L312)."
        case .soundAssessmentDecides: return "The latest completed assessment is free of gaps: the youngest age it allows on the date decides."
        case .laterInconclusive: return "A later assessment was inconclusive: the earlier sound finding stays in place."
        case .laterFindingUnder18: return "A later completed assessment found the person under 18: any doubt means a child, until a newer sound assessment settles the age (SOLACE L312)."
        case .laterAssessmentNotSound: return "The latest completed assessment has gaps: the age is in doubt again, so the person is treated as a child until a newer sound assessment settles it (SOLACE L312)."
        case .earlierSoundAssessmentSetAside: return "This earlier sound assessment no longer settles the age, because a later completed assessment reopened the doubt."
        }
    }
}

/// A reason with the assessment it cites (none for no-assessment).
public struct AgeStatusReason: Equatable, Sendable, JSONRepresentable {
    public let code: AgeStatusReasonCode
    public let assessment: RecordID?

    public init(_ code: AgeStatusReasonCode, _ assessment: RecordID?) {
        self.code = code
        self.assessment = assessment
    }

    public var jsonValue: JSONValue {
        var o = JSONObjectBuilder()
        o.set("code", code)
        o.set("assessment", assessment)
        o.set("message", code.label)
        return o.value
    }

    init(reading r: FieldReader) throws {
        try r.allowOnly(["code", "assessment", "message"])
        code = try r.code("code")
        assessment = try r.optionalID("assessment")
        _ = try r.string("message")
    }
}

/// The treatment that applies to one person whose age is disputed, on a date, and why.
public struct AgeStatus: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "age-status"
    public static let layout: [JSONField<Self>] = [
        .init("person", \.person), .init("as-of", \.asOf), .init("rules", \.rules), .init("treated-as", \.treatedAs), .init("basis", \.basis),
        .init("assessment", \.assessment), .init("youngest-age", \.youngestAge), .init("turns-18", \.turns18),
        .init("assessments", \.assessments), .init("latest-assessment", \.latestAssessment), .init("latest-gaps", \.latestGaps),
        .init("why", \.why),
    ]

    public let person: RecordID
    public let asOf: CivilDate
    public let treatedAs: AgeGroup
    public let basis: AgeStatusBasis
    /// The sound assessment relied on.
    public let assessment: RecordID?
    /// The youngest the person can be on the date, by that assessment.
    public let youngestAge: Int?
    /// When the youngest possible age reaches 18 (leaving-care and adult-services transitions).
    public let turns18: CivilDate?
    public let assessments: Int
    public let latestAssessment: RecordID?
    public let latestGaps: [AssessmentGap]
    /// Why, citing the assessments: the rule that applied, and any later
    /// assessment that reopened the doubt or left the finding in place.
    public let why: [AgeStatusReason]
    /// The rule set the status was judged under.
    public let rules: RuleSet

    /// Applies the presumption (`AgePresumption.determine`) to a person's
    /// assessments made by `asOf`, judged under `ruleSet`.
    /// Throws `RecordError` when the date the person turns 18 falls after 9999-12-31.
    public init(person: RecordID, assessments all: [AgeAssessment], asOf: CivilDate, rules ruleSet: RuleSet = .sources) throws {
        let made = all.filter { $0.date <= asOf }
        self.person = person
        self.asOf = asOf
        assessments = made.count
        let latest = made.last
        latestAssessment = latest?.id
        latestGaps = latest?.gaps(under: ruleSet) ?? []
        rules = ruleSet
        let determination = AgePresumption.determine(assessments: made, on: asOf, rules: ruleSet)
        treatedAs = determination.treatedAs
        basis = determination.basis
        why = determination.why
        assessment = determination.sound?.id
        youngestAge = determination.youngestAge
        turns18 = try determination.sound.flatMap { s in s.settledAge.map { AgePresumption.turns18(s.date, $0) } }?
            .writable("the date \(person) turns 18 (turns-18)")
    }

    /// Status records are outputs; reading one back checks its shape.
    public init(reading r: FieldReader) throws {
        person = try r.id("person")
        asOf = try r.date("as-of")
        treatedAs = try r.code("treated-as")
        basis = try r.code("basis")
        assessment = try r.optionalID("assessment")
        youngestAge = try r.optionalInt("youngest-age", in: 0...200)
        turns18 = try r.optionalDate("turns-18")
        assessments = try r.int("assessments", in: 0...Int(Int32.max))
        latestAssessment = try r.optionalID("latest-assessment")
        latestGaps = try r.codes("latest-gaps")
        // Optional: a status written before `why` existed still reads.
        why = try (r.optionalObjectArray("why") ?? []).enumerated().map { k, o in try AgeStatusReason(reading: FieldReader(o, path: "why[\(k)].")) }
        rules = try r.optionalCode("rules") ?? .sources  // a status from before there were two rule sets
    }
}

/// A disputed age settled by a sound age assessment. Only the core makes one
/// (the age rule, or a referral read back), so it has no public initialiser.
public struct AgeSettlement: Equatable, Sendable {
    public let assessment: RecordID
    public let treatedAs: AgeGroup
}

public extension AgePresumption {
    struct Determination: Sendable {
        public let treatedAs: AgeGroup
        public let basis: AgeStatusBasis
        /// The sound assessment that decides, if one does.
        public let sound: AgeAssessment?
        public let youngestAge: Int?
        /// Why, citing the assessments.
        public let why: [AgeStatusReason]

        /// What the sound assessment settles, when one decides.
        public var settlement: AgeSettlement? { sound.map { AgeSettlement(assessment: $0.id, treatedAs: treatedAs) } }
    }

    /// The one rule every tool asks for a person whose age is disputed (SOLACE
    /// L312: "if there is any doubt, treat as a child"): the person is an adult
    /// only while the latest completed assessment that reaches a finding (any
    /// outcome but inconclusive), made by `date`, is sound and finds them an
    /// adult, by the youngest age it allows on `date`. A later completed
    /// assessment that is not sound, whatever it rests on (documents recorded
    /// as genuine included), reopens the doubt: a child until a newer sound
    /// assessment settles it. A later inconclusive assessment leaves the sound
    /// finding in place, and is noted. `assessments` may come in any order:
    /// they are taken by date, and in the order given on the same day.
    /// Under current rules an assessment is sound only with the minded-to stage where it finds the person older.
    static func determine(assessments: [AgeAssessment], on date: CivilDate, rules: RuleSet = .sources) -> Determination {
        let made = assessments.enumerated().filter { $0.element.date <= date }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        func child(_ basis: AgeStatusBasis, _ why: [AgeStatusReason]) -> Determination {
            Determination(treatedAs: .child, basis: basis, sound: nil, youngestAge: nil, why: why)
        }
        guard let latest = made.last else { return child(.disputedNoSoundAssessment, [AgeStatusReason(.noAssessment, nil)]) }
        guard let k = made.lastIndex(where: { $0.outcome != .inconclusive }) else {
            return child(.disputedNoSoundAssessment, [AgeStatusReason(.noSoundAssessment, latest.id)])
        }
        let decisive = made[k]
        guard decisive.isSound(under: rules), let settled = decisive.settledAge else {
            guard let earlier = made[..<k].last(where: { $0.isSound(under: rules) }) else {
                return child(.disputedNoSoundAssessment, [AgeStatusReason(.noSoundAssessment, decisive.id)])
            }
            let found: AgeStatusReasonCode = decisive.findsUnder18 ? .laterFindingUnder18 : .laterAssessmentNotSound
            return child(.reopenedByLaterAssessment, [AgeStatusReason(found, decisive.id), AgeStatusReason(.earlierSoundAssessmentSetAside, earlier.id)])
        }
        let youngest = settled.youngestAge(on: date, assessedOn: decisive.date)
        let later = made[(k + 1)...].map { AgeStatusReason(.laterInconclusive, $0.id) }
        return Determination(treatedAs: youngest < adultAge ? .child : .adult, basis: .soundAssessment, sound: decisive,
                             youngestAge: youngest, why: [AgeStatusReason(.soundAssessmentDecides, decisive.id)] + later)
    }

    /// What a person's sound assessment settles on `date`, if they have one.
    static func settlement(assessments: [AgeAssessment], on date: CivilDate, rules: RuleSet = .sources) -> AgeSettlement? {
        determine(assessments: assessments, on: date, rules: rules).settlement
    }

    /// The date the youngest age an assessment allows reaches 18.
    static func turns18(_ assessedOn: CivilDate, _ age: AssessedAge) -> CivilDate {
        switch age {
        case .dateOfBirth(let dob): return dob.birthday(turning: adultAge)
        case .range(let r): return assessedOn.birthday(turning: adultAge - r.lowerBound)
        }
    }
}
