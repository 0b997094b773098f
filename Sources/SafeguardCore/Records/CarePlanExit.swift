/// The `care-plan-exit` report: whether the person is ready to leave the
/// service by the HESTIA exit criteria, with each unmet criterion and why.
public struct CarePlanExit: LaidOutRecord, Sendable {
    public static let kind = "care-plan-exit"
    public static let layout: [JSONField<Self>] = [
        .init("plan", \.plan), .init("as-of", \.asOf), .init("ready", \.ready),
        .init("unmet") { $0.unmet.map { CarePlanCheck.item("criterion", $0.criterion, message: $0.criterion.label, detail: $0.detail) } },
    ]

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

}
