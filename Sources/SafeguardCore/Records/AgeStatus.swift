/// Why a person is treated as a child or an adult.
public enum AgeStatusBasis: String, CodeList {
    case soundAssessment = "sound-assessment"
    case disputedNoSoundAssessment = "age-disputed-no-sound-assessment"

    public static let listName = "age status basis"
    public var label: String {
        switch self {
        case .soundAssessment: return "A completed age assessment free of procedural gaps"
        case .disputedNoSoundAssessment: return "Age disputed and no completed assessment free of gaps: treated as a child (SOLACE L312)"
        }
    }
}

/// The treatment that applies to one person whose age is disputed, on a date, and why.
public struct AgeStatus: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "age-status"
    public static let layout: [JSONField<Self>] = [
        .init("person", \.person), .init("as-of", \.asOf), .init("treated-as", \.treatedAs), .init("basis", \.basis),
        .init("assessment", \.assessment), .init("youngest-age", \.youngestAge), .init("turns-18", \.turns18),
        .init("assessments", \.assessments), .init("latest-assessment", \.latestAssessment), .init("latest-gaps", \.latestGaps),
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

    /// Applies the presumption to a person's assessments: the latest sound one
    /// made by `asOf` decides; without one, the person is a child.
    /// Throws `RecordError` when the date the person turns 18 falls after 9999-12-31.
    public init(person: RecordID, assessments all: [AgeAssessment], asOf: CivilDate) throws {
        let made = all.filter { $0.date <= asOf }
        self.person = person
        self.asOf = asOf
        assessments = made.count
        let latest = made.last
        latestAssessment = latest?.id
        latestGaps = latest?.gaps ?? []
        let determination = AgePresumption.determine(assessments: made, on: asOf)
        treatedAs = determination.treatedAs
        basis = determination.sound == nil ? .disputedNoSoundAssessment : .soundAssessment
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
    }
}

/// A disputed age settled by a sound age assessment.
public struct AgeSettlement: Equatable, Sendable {
    public let assessment: RecordID
    public let treatedAs: AgeGroup
    public init(assessment: RecordID, treatedAs: AgeGroup) {
        self.assessment = assessment
        self.treatedAs = treatedAs
    }
}

public extension AgePresumption {
    struct Determination: Sendable {
        public let treatedAs: AgeGroup
        /// The sound assessment that decided, if any.
        public let sound: AgeAssessment?
        public let youngestAge: Int?
    }

    /// For a person whose age is disputed: the latest sound assessment (completed
    /// and free of gaps) decides, by the youngest age it allows on `date`;
    /// without one, the person is treated as a child (SOLACE L312). `assessments`
    /// are in the order they were made (by date; input order on the same day).
    static func determine(assessments: [AgeAssessment], on date: CivilDate) -> Determination {
        guard let sound = assessments.last(where: { $0.isSound && $0.date <= date }), let settled = sound.settledAge else {
            return Determination(treatedAs: .child, sound: nil, youngestAge: nil)
        }
        let youngest = settled.youngestAge(on: date, assessedOn: sound.date)
        return Determination(treatedAs: youngest < adultAge ? .child : .adult, sound: sound, youngestAge: youngest)
    }

    /// What a person's sound assessment settles on `date`, if they have one.
    static func settlement(assessments: [AgeAssessment], on date: CivilDate) -> AgeSettlement? {
        let d = determine(assessments: assessments, on: date)
        return d.sound.map { AgeSettlement(assessment: $0.id, treatedAs: d.treatedAs) }
    }

    /// The date the youngest age an assessment allows reaches 18.
    static func turns18(_ assessedOn: CivilDate, _ age: AssessedAge) -> CivilDate {
        switch age {
        case .dateOfBirth(let dob): return dob.birthday(turning: adultAge)
        case .range(let r): return assessedOn.birthday(turning: adultAge - r.lowerBound)
        }
    }
}
