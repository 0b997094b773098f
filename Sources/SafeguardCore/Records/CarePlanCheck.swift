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
        b.set("problems", .array(findings.map { Self.item("code", $0.problem, message: $0.problem.label, detail: $0.detail) }))
        return b.value
    }

    /// One item of a report's list: its code, the sentence for it, and why.
    static func item<C: CodeList>(_ key: String, _ code: C, message: String, detail: String?) -> JSONValue {
        var o = JSONObjectBuilder()
        o.set(key, code)
        o.set("message", message)
        o.set("detail", detail)
        return o.value
    }
}
