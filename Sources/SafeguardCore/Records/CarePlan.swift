/// What a child's plan must also hold (CHESHIRE §5-6.4; SOLACE L421). Each
/// field's default is a new plan's: nothing decided, nothing held yet.
public struct ChildArrangements: Equatable, Sendable {
    /// How going missing will be prevented and managed (free text, personal data).
    public var missingStrategy: String?
    public var notifyIfMissing: [AgencyToNotify] = []
    public var placement: PlacementType?
    /// When the current placement began: private fostering is notified within 48 hours of it (PLAN L940-942).
    public var placementStart: CivilDate?
    /// The date the local authority was notified of a private fostering arrangement.
    public var privateFosteringNotified: CivilDate?
    /// The safe-house decision: nil until made.
    public var safeHouseNeeded: Bool?
    public var headOfServiceNotified = false
    public var strategyMeetingHeld = false
    /// The family's possible role in the trafficking, assessed before any reunification (CHESHIRE L217).
    public var familyRoleAssessed = false
    /// Whether the family is thought complicit in the trafficking: nil until known (CHESHIRE L230).
    public var familyComplicit: Bool?
    /// The other children in the household, by pseudonymous id: nil until listed, empty when there are none.
    public var householdChildren: [HouseholdChild]?
    /// The risks considered together (CHESHIRE §7): CSE, missing, trafficking.
    public var risksConsidered: [ConsideredRisk] = []
    /// The Independent Child Trafficking Guardian referral (Modern Slavery Act 2015 s.48): nil until recorded.
    public var ictg: ICTGReferral?

    /// A new plan's arrangements: every field at its default.
    public init() {}
}

/// Another child in the household of a family thought complicit, and whether they have been assessed (CHESHIRE L230).
public struct HouseholdChild: LaidOut, JSONRepresentable, Hashable, Sendable {
    public var child: RecordID
    public var assessed: Bool
    public static let layout: [JSONField<Self>] = [.init("child", \.child), .init("assessed", \.assessed)]
    public init(child: RecordID, assessed: Bool) {
        self.child = child
        self.assessed = assessed
    }
}

/// A dated record that an agency was told of the exit of service (HESTIA).
public struct ExitTelling: LaidOut, JSONRepresentable, Equatable, Sendable {
    public var agency: String
    public var date: CivilDate
    public static let layout: [JSONField<Self>] = [.init("agency", \.agency), .init("date", \.date)]
    public init(agency: String, date: CivilDate) {
        self.agency = agency
        self.date = date
    }
}

/// The duty not to criminalise a victim exploited for criminal purposes
/// (CHESHIRE L211, L292, L299; SOLACE L318, L618; PLAN L847-849): when it was
/// considered, and whether the police and the CPS were told of the trafficking concern.
public struct NonCriminalisation: LaidOut, JSONRepresentable, Equatable, Sendable {
    public var considered: CivilDate?
    public var policeTold: Bool?
    public var cpsTold: Bool?
    public static let layout: [JSONField<Self>] = [
        .init("considered", \.considered), .init("police-told", \.policeTold), .init("cps-told", \.cpsTold),
    ]
    public init(considered: CivilDate? = nil, policeTold: Bool? = nil, cpsTold: Bool? = nil) {
        self.considered = considered
        self.policeTold = policeTold
        self.cpsTold = cpsTold
    }

    init(reading r: FieldReader) throws {
        try r.allowOnly(Self.keys)
        self.init(considered: try r.optionalDate("considered"), policeTold: try r.optionalBool("police-told"), cpsTold: try r.optionalBool("cps-told"))
    }

    /// The fields of `other` that are given, over these.
    func merged(_ other: NonCriminalisation) -> NonCriminalisation {
        NonCriminalisation(considered: other.considered ?? considered, policeTold: other.policeTold ?? policeTold, cpsTold: other.cpsTold ?? cpsTold)
    }
}

/// The dates of birth a claimed age allows (personal data): the plan keeps
/// them so the child presumption can be applied on any later date (SOLACE L312).
public struct ClaimedDOBRange: LaidOut, JSONRepresentable, Equatable, Sendable {
    public var earliest: CivilDate
    public var latest: CivilDate
    public static let layout: [JSONField<Self>] = [.init("earliest-dob", \.earliest), .init("latest-dob", \.latest)]
    public init(earliest: CivilDate, latest: CivilDate) {
        self.earliest = earliest
        self.latest = latest
    }
    public init(_ r: ClaimedAgeRange) { self.init(earliest: r.earliestDOB, latest: r.latestDOB) }

    init(reading r: FieldReader) throws {
        try r.allowOnly(Self.keys)
        self.init(earliest: try r.date("earliest-dob"), latest: try r.date("latest-dob"))
        guard earliest <= latest else { throw RecordError("field \(r.name("earliest-dob")): is after latest-dob") }
    }
}

/// What an adult's plan must also hold (SOLACE L407, L616).
public struct AdultArrangements: Equatable, Sendable {
    public var recourseToPublicFunds: Bool
    public var additionalNeeds: [AdditionalNeed]

    public init(recourseToPublicFunds: Bool, additionalNeeds: [AdditionalNeed] = []) {
        self.recourseToPublicFunds = recourseToPublicFunds
        self.additionalNeeds = additionalNeeds
    }
}

/// A child's plan has child arrangements and an adult's has adult ones: never both, never neither.
public enum PlanArrangements: Equatable, Sendable {
    case child(ChildArrangements)
    case adult(AdultArrangements)
    public var group: AgeGroup { if case .child = self { return .child }; return .adult }
}

/// A support and care plan for a victim: needs, risk, safety plan, agencies,
/// interpreter, and the child's or adult's own arrangements. Later changes are
/// `care-plan-review` and `care-plan-action` records, never edits.
public struct CarePlan: Record, Equatable, Sendable {
    public static let kind = "care-plan"
    public static let fields = ["id", "person", "date", "treated-as", "dob", "claimed-age-range", "age-disputed", "nationality",
                                "lead-professional", "exploitation", "needs", "risk", "safety-plan-reviewed", "agencies", "exit-informed",
                                "support-checklist", "papers-complete", "interpreter", "non-criminalisation", "child", "adult"]
    /// The fields a plan is made with and keeps: who, when, and the age it was made with.
    public static let fixed: Set<String> = ["id", "person", "date", "treated-as", "dob", "claimed-age-range", "age-disputed"]
    /// The fields a review may change.
    public static let changeable = Set(fields).subtracting(fixed)

    public let id: RecordID
    public let person: RecordID
    public let date: CivilDate
    /// The date of birth the plan was made with (personal data); nil when only a claimed age was known.
    public var dob: CivilDate?
    /// The dates of birth the claimed age allowed when the plan was made (personal data).
    public var claimedDOBRange: ClaimedDOBRange?
    /// Whether the age was disputed when the plan was made: nil on a plan made before this was kept.
    public var ageDisputed: Bool?
    public var nationality: Country?
    /// The single point of contact (SOLACE L494), by staff id.
    public var leadProfessional: RecordID?
    /// The exploitation types (from the referral, or given): nil until recorded.
    public var exploitation: [ExploitationType]?
    public var needs: [(domain: NeedDomain, status: NeedStatus)]
    public var risk: [RiskQuestion: RiskLevel]
    public var safetyPlanReviewed: CivilDate?
    /// Agencies by code (`Agency`); a plan made before the codes may hold other names, read as they were written.
    public var agencies: [(agency: String, informed: Bool)]
    /// The dated records that each agency was told of the exit of service (HESTIA).
    public var exitInformed: [ExitTelling]
    /// HESTIA's support checklist: the items done.
    public var supportChecklist: [SupportChecklistItem]
    public var papersComplete: Bool
    public var interpreter: InterpreterPlan
    public var interpreterKnowsPerson: Bool
    public var nonCriminalisation: NonCriminalisation?
    public var arrangements: PlanArrangements

    /// The age group the plan was made for. What applies on a later date is `CarePlanCase.ageStatus`.
    public var treatedAs: AgeGroup { arrangements.group }

    /// The defaults are a new plan's: nothing recorded yet, no interpreter needed.
    public init(id: RecordID, person: RecordID, date: CivilDate, dob: CivilDate? = nil, claimedDOBRange: ClaimedDOBRange? = nil, ageDisputed: Bool? = nil,
                nationality: Country? = nil, leadProfessional: RecordID? = nil, exploitation: [ExploitationType]? = nil,
                needs: [(domain: NeedDomain, status: NeedStatus)] = [], risk: [RiskQuestion: RiskLevel] = [:], safetyPlanReviewed: CivilDate? = nil,
                agencies: [(agency: String, informed: Bool)] = [], exitInformed: [ExitTelling] = [], supportChecklist: [SupportChecklistItem] = [],
                papersComplete: Bool = false, interpreter: InterpreterPlan = .notNeeded,
                interpreterKnowsPerson: Bool = false, nonCriminalisation: NonCriminalisation? = nil, arrangements: PlanArrangements) {
        self.id = id
        self.person = person
        self.date = date
        self.dob = dob
        self.claimedDOBRange = claimedDOBRange
        self.ageDisputed = ageDisputed
        self.nationality = nationality
        self.leadProfessional = leadProfessional
        self.exploitation = exploitation
        self.needs = needs
        self.risk = risk
        self.safetyPlanReviewed = safetyPlanReviewed
        self.agencies = agencies
        self.exitInformed = exitInformed
        self.supportChecklist = supportChecklist
        self.papersComplete = papersComplete
        self.interpreter = interpreter
        self.interpreterKnowsPerson = interpreterKnowsPerson
        self.nonCriminalisation = nonCriminalisation
        self.arrangements = arrangements
    }

    public static func == (a: CarePlan, b: CarePlan) -> Bool { a.json == b.json }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("person", person.rawValue)
        b.set("date", date)
        b.set("treated-as", treatedAs)
        b.set("dob", dob)
        b.set("claimed-age-range", claimedDOBRange)
        b.set("age-disputed", ageDisputed)
        // The other fields in the shape a review writes them, in the plan's own order.
        let rest = CarePlanChanges(self).object
        for key in Self.fields where Self.changeable.contains(key) { b.set(key, rest[key]) }
        return b.value
    }

    /// A plan is read as the changes that make it from an empty plan, once the
    /// fields every plan holds are known to be there. Fields added later
    /// (the age, exploitation, exit tellings, checklist...) are optional, so a
    /// plan made before them still reads; `check` reports what is missing.
    public init(reading r: FieldReader) throws {
        let group: AgeGroup = try r.code("treated-as")
        let given = try CarePlanChanges(reading: r)
        let dob = try r.optionalDate("dob")
        let range = try r.optionalObject("claimed-age-range").map(ClaimedDOBRange.init(reading:))
        if dob != nil && range != nil { throw RecordError("field claimed-age-range: a plan holds a date of birth or a claimed-age range, not both") }
        // The adult's placeholder is overwritten: recourse-to-public-funds is required below.
        let empty = CarePlan(id: try r.id("id"), person: try r.id("person"), date: try r.date("date"), dob: dob, claimedDOBRange: range,
                             ageDisputed: try r.optionalBool("age-disputed"),
                             arrangements: group == .child ? .child(ChildArrangements()) : .adult(AdultArrangements(recourseToPublicFunds: false)))
        self = try empty.applying(given)
        for key in ["needs", "risk", "agencies", "papers-complete", "interpreter", group.rawValue] { _ = try r.required(key) }
        let interpreter = try r.object("interpreter")
        for key in ["arrangement", "knows-person"] { _ = try interpreter.required(key) }
        let arrangements = try r.object(group.rawValue)
        for key in group == .child ? ["notify-if-missing", "head-of-service-notified", "strategy-meeting-held", "family-role-assessed"]
                                   : AdultChanges.keys { _ = try arrangements.required(key) }
        // A review's repeats are merged; a plan's are an error.
        _ = try r.unique("needs", (given.needs ?? []).map(\.domain))
        _ = try r.unique("agencies", (given.agencies ?? []).map(\.agency))
        _ = try r.unique("exit-informed", (given.exitInformed ?? []).map(\.agency))
        if let children = given.child?.householdChildren { _ = try arrangements.unique("household-children", children.map(\.child)) }
    }
}
