/// The `care-plan-exit` report: whether the person is ready to leave the
/// service by the HESTIA exit criteria, with each unmet criterion and why.
public struct CarePlanExit: Sendable {
    public static let kind = "care-plan-exit"

    public let plan: RecordID
    public let asOf: CivilDate
    public let unmet: [(criterion: ExitCriterion, detail: String)]
    /// Never ready while a criterion is unmet.
    public var ready: Bool { unmet.isEmpty }

    public init(_ c: CarePlanCase, asOf: CivilDate, rules: CarePlanRules) {
        plan = c.current.id
        self.asOf = asOf
        unmet = c.unmetExitCriteria(asOf: asOf, rules: rules)
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder(kind: Self.kind)
        b.set("plan", plan.rawValue)
        b.set("as-of", asOf)
        b.set("ready", ready)
        b.set("unmet", .array(unmet.map { CarePlanCheck.item("criterion", $0.criterion, message: $0.criterion.label, detail: $0.detail) }))
        return b.value
    }
}
