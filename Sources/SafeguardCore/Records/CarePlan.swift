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
}

/// What an adult's plan must also hold (SOLACE L407, L616).
public struct AdultArrangements: Equatable, Sendable {
    public var recourseToPublicFunds: Bool
    public var additionalNeeds: [AdditionalNeed]
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

    public init(id: RecordID, person: RecordID, date: CivilDate, nationality: Country?, leadProfessional: RecordID?,
                needs: [(domain: NeedDomain, status: NeedStatus)], risk: [RiskQuestion: RiskLevel], safetyPlanReviewed: CivilDate?,
                agencies: [(agency: String, informed: Bool)], papersComplete: Bool, interpreter: InterpreterPlan,
                interpreterKnowsPerson: Bool, arrangements: PlanArrangements) {
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
        b.set("nationality", nationality?.code)
        b.set("lead-professional", leadProfessional?.rawValue)
        b.set("needs", .array(needs.map { n in
            var o = JSONObjectBuilder()
            o.set("domain", n.domain)
            o.set("status", n.status)
            return o.value
        }))
        var r = JSONObjectBuilder()
        for q in RiskQuestion.allCases { r.set(q.rawValue, risk[q]) }
        b.set("risk", r.value)
        b.set("safety-plan-reviewed", safetyPlanReviewed)
        b.set("agencies", .array(agencies.map { a in
            var o = JSONObjectBuilder()
            o.set("agency", a.agency)
            o.set("informed", a.informed)
            return o.value
        }))
        b.set("papers-complete", papersComplete)
        var i = JSONObjectBuilder()
        i.set("arrangement", interpreter)
        i.set("knows-person", interpreterKnowsPerson)
        b.set("interpreter", i.value)
        switch arrangements {
        case .child(let c):
            var o = JSONObjectBuilder()
            o.set("missing-strategy", c.missingStrategy)
            o.set("notify-if-missing", c.notifyIfMissing)
            o.set("placement", c.placement)
            o.set("safe-house-needed", c.safeHouseNeeded)
            o.set("head-of-service-notified", c.headOfServiceNotified)
            o.set("strategy-meeting-held", c.strategyMeetingHeld)
            o.set("family-role-assessed", c.familyRoleAssessed)
            b.set("child", o.value)
        case .adult(let a):
            var o = JSONObjectBuilder()
            o.set("recourse-to-public-funds", a.recourseToPublicFunds)
            o.set("additional-needs", a.additionalNeeds)
            b.set("adult", o.value)
        }
        return b.value
    }

    public init(reading r: FieldReader) throws {
        let group: AgeGroup = try r.code("treated-as")
        let needs = try r.objectArray("needs").enumerated().map { k, o -> (domain: NeedDomain, status: NeedStatus) in
            let n = FieldReader(o, path: "needs[\(k)].")
            try n.allowOnly(["domain", "status"])
            return (try n.code("domain"), try n.code("status"))
        }
        _ = try r.unique("needs", needs.map(\.domain))
        let riskFields = try r.object("risk")
        try riskFields.allowOnly(RiskQuestion.codes)
        var risk: [RiskQuestion: RiskLevel] = [:]
        for q in RiskQuestion.allCases { risk[q] = try riskFields.optionalCode(q.rawValue) }
        let agencies = try r.objectArray("agencies").enumerated().map { k, o -> (agency: String, informed: Bool) in
            let a = FieldReader(o, path: "agencies[\(k)].")
            try a.allowOnly(["agency", "informed"])
            guard let name = try a.optionalText("agency") else { throw RecordError("field agencies[\(k)].agency is missing") }
            return (name, try a.bool("informed"))
        }
        _ = try r.unique("agencies", agencies.map(\.agency))
        let interpreter = try r.object("interpreter")
        try interpreter.allowOnly(["arrangement", "knows-person"])
        let arrangements: PlanArrangements
        switch group {
        case .child:
            guard try r.optionalObject("adult") == nil else { throw RecordError("field adult: a child's plan has child arrangements, not adult ones") }
            let c = try r.object("child")
            try c.allowOnly(["missing-strategy", "notify-if-missing", "placement", "safe-house-needed", "head-of-service-notified",
                             "strategy-meeting-held", "family-role-assessed"])
            arrangements = .child(ChildArrangements(
                missingStrategy: try c.optionalText("missing-strategy"), notifyIfMissing: try c.codes("notify-if-missing"),
                placement: try c.optionalCode("placement"), safeHouseNeeded: try c.object.value(at: "safe-house-needed") == nil ? nil : c.bool("safe-house-needed"),
                headOfServiceNotified: try c.bool("head-of-service-notified"), strategyMeetingHeld: try c.bool("strategy-meeting-held"),
                familyRoleAssessed: try c.bool("family-role-assessed")))
        case .adult:
            guard try r.optionalObject("child") == nil else { throw RecordError("field child: an adult's plan has adult arrangements, not child ones") }
            let a = try r.object("adult")
            try a.allowOnly(["recourse-to-public-funds", "additional-needs"])
            arrangements = .adult(AdultArrangements(recourseToPublicFunds: try a.bool("recourse-to-public-funds"),
                                                    additionalNeeds: try a.codes("additional-needs")))
        }
        self.init(id: try r.id("id"), person: try r.id("person"), date: try r.date("date"), nationality: try r.country("nationality"),
                  leadProfessional: try r.optionalID("lead-professional"),
                  needs: needs, risk: risk, safetyPlanReviewed: try r.optionalDate("safety-plan-reviewed"), agencies: agencies,
                  papersComplete: try r.bool("papers-complete"), interpreter: try interpreter.code("arrangement"),
                  interpreterKnowsPerson: try interpreter.bool("knows-person"), arrangements: arrangements)
    }
}

/// A review: the fields of the plan it changes (the same shape as the plan's),
/// and a note. Needs and agencies are changed one by one; risk answers one by one.
public struct CarePlanReview: Record, Sendable {
    public static let kind = "care-plan-review"
    public static let fields = ["id", "plan", "date", "changes", "note"]

    public let id: RecordID
    public let plan: RecordID
    public let date: CivilDate
    public let changes: JSONObject
    /// Free text: personal data.
    public let note: String?

    public init(id: RecordID, plan: RecordID, date: CivilDate, changes: JSONObject, note: String?) {
        self.id = id
        self.plan = plan
        self.date = date
        self.changes = changes
        self.note = note
    }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("plan", plan.rawValue)
        b.set("date", date)
        b.set("changes", .object(changes))
        b.set("note", note)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        let changes = try r.object("changes")
        func hasNull(_ v: JSONValue) -> Bool {
            switch v {
            case .null: return true
            case .array(let items): return items.contains(where: hasNull)
            case .object(let o): return o.fields.contains { hasNull($0.value) }
            default: return false
            }
        }
        if hasNull(.object(changes.object)) { throw RecordError("field changes: must not hold null; leave a field out to keep it as it is") }
        for k in changes.object.keys where !CarePlan.changeable.contains(k) {
            throw RecordError("field changes.\(k.prefix(40)) cannot be changed by a review; the changeable fields are: \(CarePlan.changeable.sorted().joined(separator: ", "))")
        }
        self.init(id: try r.id("id"), plan: try r.id("plan"), date: try r.date("date"), changes: changes.object, note: try r.optionalText("note"))
    }

    /// The plan with this review's changes made. Throws when the result is not a valid plan.
    public func apply(to plan: CarePlan) throws -> CarePlan {
        guard case .object(var o) = plan.json else { return plan }
        for change in changes.fields {
            switch (change.key, o[change.key], change.value) {
            case ("needs", .array(let old)?, .array(let new)), ("agencies", .array(let old)?, .array(let new)):
                let key = change.key == "needs" ? "domain" : "agency"
                var merged = old
                for item in new {
                    if let k = merged.firstIndex(where: { $0.objectValue?[key] == item.objectValue?[key] }) { merged[k] = item } else { merged.append(item) }
                }
                o[change.key] = .array(merged)
            case (_, .object(var old)?, .object(let new)):
                for f in new.fields { old[f.key] = f.value }
                o[change.key] = .object(old)
            default:
                o[change.key] = change.value
            }
        }
        do {
            return try CarePlan(o)
        } catch let e as RecordError {
            throw RecordError("the review would make the plan invalid: \(e.description)")
        }
    }
}

/// An action on a need: added, or changed (by its action id; the latest record wins).
public struct CarePlanAction: Record, Equatable, Sendable {
    public static let kind = "care-plan-action"
    public static let fields = ["id", "plan", "date", "action", "need", "description", "owner", "due", "status"]

    public let id: RecordID
    public let plan: RecordID
    public let date: CivilDate
    /// The action's own id, the same across its records.
    public let action: RecordID
    public let need: NeedDomain
    /// Free text: personal data.
    public let description: String?
    /// The agency that owns the action.
    public let owner: String
    public let due: CivilDate
    public let status: NeedStatus

    public init(id: RecordID, plan: RecordID, date: CivilDate, action: RecordID, need: NeedDomain, description: String?,
                owner: String, due: CivilDate, status: NeedStatus) {
        self.id = id
        self.plan = plan
        self.date = date
        self.action = action
        self.need = need
        self.description = description
        self.owner = owner
        self.due = due
        self.status = status
    }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("plan", plan.rawValue)
        b.set("date", date)
        b.set("action", action.rawValue)
        b.set("need", need)
        b.set("description", description)
        b.set("owner", owner)
        b.set("due", due)
        b.set("status", status)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        guard let owner = try r.optionalText("owner") else { throw RecordError("field owner is missing: every action has an owner agency") }
        self.init(id: try r.id("id"), plan: try r.id("plan"), date: try r.date("date"), action: try r.id("action"),
                  need: try r.code("need"), description: try r.optionalText("description"), owner: owner,
                  due: try r.date("due"), status: try r.code("status"))
    }
}
