/// The `care-plan-check` report: every rule of the sources one plan breaks on a date,
/// and whether the person is a child or an adult on that date (and the group the plan was made for).
public struct CarePlanCheck: LaidOutRecord, Sendable {
    public static let kind = "care-plan-check"
    public static let layout: [JSONField<Self>] = [
        .init("plan", \.plan), .init("as-of", \.asOf), .init("rules", \.rules), .init("treated-as", \.status.treatedAs), .init("made-as", \.status.madeAs),
        .init("age-basis", \.status.basis),
        .init("problems") { $0.findings.map { item("code", $0.problem, message: $0.problem.label, detail: $0.detail) } },
    ]

    public let plan: RecordID
    public let asOf: CivilDate
    public let status: PlanAgeStatus
    public let findings: [CarePlanCase.Finding]
    /// The rule set the plan was checked under.
    public let rules: RuleSet

    public init(_ c: CarePlanCase, asOf: CivilDate, rules: CarePlanRules) {
        plan = c.current.id
        self.asOf = asOf
        status = c.ageStatus(asOf: asOf, rules: rules.ruleSet)
        findings = c.check(asOf: asOf, rules: rules)
        self.rules = rules.ruleSet
    }

    /// One item of a report's list: its code, the sentence for it, and why.
    static func item<C: CodeList>(_ key: String, _ code: C, message: String, detail: String?, problem: PlanProblem? = nil) -> JSONValue {
        var o = JSONObjectBuilder()
        o.set(key, code)
        o.set("problem", problem)
        o.set("message", message)
        o.set("detail", detail)
        return o.value
    }
}
