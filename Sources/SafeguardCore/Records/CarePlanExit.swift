/// The `care-plan-exit` report: whether the person is ready to leave the
/// service by the HESTIA exit criteria, with each unmet criterion and why,
/// and every problem `check` finds as an unmet criterion of its own.
public struct CarePlanExit: LaidOutRecord, Sendable {
    public static let kind = "care-plan-exit"
    public static let layout: [JSONField<Self>] = [
        .init("plan", \.plan), .init("as-of", \.asOf), .init("rules", \.rules), .init("treated-as", \.status.treatedAs), .init("made-as", \.status.madeAs),
        .init("ready", \.ready),
        .init("unmet") { $0.unmet.map { CarePlanCheck.item("criterion", $0.criterion, message: $0.problem?.label ?? $0.criterion.label, detail: $0.detail, problem: $0.problem) } },
    ]

    public let plan: RecordID
    public let asOf: CivilDate
    public let status: PlanAgeStatus
    public let unmet: [CarePlanCase.Unmet]
    /// The rule set the plan was judged under.
    public let rules: RuleSet
    /// Never ready while a criterion is unmet.
    public var ready: Bool { unmet.isEmpty }

    public init(_ c: CarePlanCase, asOf: CivilDate, rules: CarePlanRules) {
        plan = c.current.id
        self.asOf = asOf
        status = c.ageStatus(asOf: asOf, rules: rules.ruleSet)
        unmet = c.unmetExitCriteria(asOf: asOf, rules: rules)
        self.rules = rules.ruleSet
    }
}
