/// What a child's plan must also hold (CHESHIRE §5-6.4; SOLACE L421).
public struct ChildArrangements: Equatable, Sendable {
    /// How going missing will be prevented and managed (free text, personal data).
    public var missingStrategy: String?
    public var notifyIfMissing: [AgencyToNotify]
    public var placement: PlacementType?
    /// The safe-house decision: nil until made.
    public var safeHouseNeeded: Bool?
    public var headOfServiceNotified: Bool
    public var strategyMeetingHeld: Bool
    /// The family's possible role in the trafficking, assessed before any reunification.
    public var familyRoleAssessed: Bool

    /// The defaults are a new plan's: nothing decided, nothing held yet.
    public init(missingStrategy: String? = nil, notifyIfMissing: [AgencyToNotify] = [], placement: PlacementType? = nil,
                safeHouseNeeded: Bool? = nil, headOfServiceNotified: Bool = false, strategyMeetingHeld: Bool = false,
                familyRoleAssessed: Bool = false) {
        self.missingStrategy = missingStrategy
        self.notifyIfMissing = notifyIfMissing
        self.placement = placement
        self.safeHouseNeeded = safeHouseNeeded
        self.headOfServiceNotified = headOfServiceNotified
        self.strategyMeetingHeld = strategyMeetingHeld
        self.familyRoleAssessed = familyRoleAssessed
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
    public static let fields = ["id", "person", "date", "treated-as", "nationality", "lead-professional", "needs", "risk",
                                "safety-plan-reviewed", "agencies", "papers-complete", "interpreter", "child", "adult"]
    /// The fields a review may change.
    public static let changeable = Set(fields).subtracting(["id", "person", "date", "treated-as"])

    public let id: RecordID
    public let person: RecordID
    public let date: CivilDate
    public var nationality: Country?
    /// The single point of contact (SOLACE L494), by staff id.
    public var leadProfessional: RecordID?
    public var needs: [(domain: NeedDomain, status: NeedStatus)]
    public var risk: [RiskQuestion: RiskLevel]
    public var safetyPlanReviewed: CivilDate?
    public var agencies: [(agency: String, informed: Bool)]
    public var papersComplete: Bool
    public var interpreter: InterpreterPlan
    public var interpreterKnowsPerson: Bool
    public var arrangements: PlanArrangements

    public var treatedAs: AgeGroup { arrangements.group }

    /// The defaults are a new plan's: nothing recorded yet, no interpreter needed.
    public init(id: RecordID, person: RecordID, date: CivilDate, nationality: Country? = nil, leadProfessional: RecordID? = nil,
                needs: [(domain: NeedDomain, status: NeedStatus)] = [], risk: [RiskQuestion: RiskLevel] = [:], safetyPlanReviewed: CivilDate? = nil,
                agencies: [(agency: String, informed: Bool)] = [], papersComplete: Bool = false, interpreter: InterpreterPlan = .notNeeded,
                interpreterKnowsPerson: Bool = false, arrangements: PlanArrangements) {
        self.id = id
        self.person = person
        self.date = date
        self.nationality = nationality
        self.leadProfessional = leadProfessional
        self.needs = needs
        self.risk = risk
        self.safetyPlanReviewed = safetyPlanReviewed
        self.agencies = agencies
        self.papersComplete = papersComplete
        self.interpreter = interpreter
        self.interpreterKnowsPerson = interpreterKnowsPerson
        self.arrangements = arrangements
    }

    public static func == (a: CarePlan, b: CarePlan) -> Bool { a.json == b.json }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("person", person.rawValue)
        b.set("date", date)
        b.set("treated-as", treatedAs)
        // The other fields in the shape a review writes them, in the plan's own order.
        let rest = CarePlanChanges(self).object
        for key in Self.fields where Self.changeable.contains(key) { b.set(key, rest[key]) }
        return b.value
    }

    /// A plan is read as the changes that make it from an empty plan, once the
    /// fields every plan holds are known to be there.
    public init(reading r: FieldReader) throws {
        let group: AgeGroup = try r.code("treated-as")
        let given = try CarePlanChanges(reading: r)
        // The adult's placeholder is overwritten: recourse-to-public-funds is required below.
        let empty = CarePlan(id: try r.id("id"), person: try r.id("person"), date: try r.date("date"),
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
    }
}
