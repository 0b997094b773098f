/// The `care-plan-check` report: every rule of the sources one plan breaks on a date.
public struct CarePlanCheck: Sendable {
    public static let kind = "care-plan-check"

    public let plan: RecordID
    public let asOf: CivilDate
    public let findings: [CarePlanCase.Finding]

    public init(_ c: CarePlanCase, asOf: CivilDate, rules: CarePlanRules) {
        plan = c.current.id
        self.asOf = asOf
        findings = c.check(asOf: asOf, rules: rules)
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder(kind: Self.kind)
        b.set("plan", plan.rawValue)
        b.set("as-of", asOf)
        b.set("problems", .array(findings.map { f in
            var o = JSONObjectBuilder()
            o.set("code", f.problem)
            o.set("message", f.problem.label)
            o.set("detail", f.detail)
            return o.value
        }))
        return b.value
    }
}
