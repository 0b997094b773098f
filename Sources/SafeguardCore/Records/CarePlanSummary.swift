/// A plan as it stands, for a case meeting: the `care-plan-summary` record,
/// or plain text for printing.
public struct CarePlanSummary: LaidOutRecord, Sendable {
    public static let kind = "care-plan-summary"
    /// The plan as it stands, its actions, and the codes of its checks.
    public static let layout: [JSONField<Self>] = [
        .init("as-of", \.asOf), .init("rules", \.rules), .init("treated-as", \.status.treatedAs), .init("made-as", \.status.madeAs), .init("age-basis", \.status.basis),
        .init("plan", \.planCase.current.json), .init("actions") { $0.planCase.actions.map(\.json) },
        .init("problems") { $0.findings.map(\.problem) }, .init("unmet-exit-criteria") { $0.unmet.map(\.criterion).uniqued() },
    ]

    public let planCase: CarePlanCase
    public let asOf: CivilDate
    public let findings: [CarePlanCase.Finding]
    public let unmet: [CarePlanCase.Unmet]
    public let status: PlanAgeStatus
    /// The rule set the plan was judged under.
    public let rules: RuleSet

    public init(_ c: CarePlanCase, asOf: CivilDate, rules: CarePlanRules) {
        planCase = c
        self.asOf = asOf
        status = c.ageStatus(asOf: asOf, rules: rules.ruleSet)
        findings = c.check(asOf: asOf, rules: rules)
        unmet = c.unmetExitCriteria(asOf: asOf, rules: rules)
        self.rules = rules.ruleSet
    }

    /// Free text (descriptions, notes) is left out: the summary is printed and handed round.
    public var text: String {
        let p = planCase.current, actions = planCase.actions, firstRisk = planCase.firstRisk
        var s = "Care plan \(p.id) for \(p.person) (\(status.treatedAs.rawValue)), made \(p.date); as of \(asOf)\n"
        if status.changed { s += "Treated as \(status.treatedAs.rawValue) as of \(asOf); the plan was made for \(status.madeAs == .child ? "a child" : "an adult")\n" }
        if status.treatedAs == .adult && status.madeAs == .adult {
            // An adult's plan: no leaving care, and no date derived from the date of birth is printed.
        } else if let t = status.turns18 {
            // SOLACE L405: the 18th birthday starts leaving care. It is shown for a child's plan only.
            s += "18th birthday: \(t.earliest == t.latest ? t.earliest.description : "between \(t.earliest) and \(t.latest) (a claimed age)")\n"
        } else if status.basis == nil {
            s += "18th birthday: not known (the plan holds no age)\n"
        }
        s += "Lead professional: \(p.leadProfessional?.rawValue ?? "NONE NAMED")\n"
        s += "Reviews: \(planCase.reviews)\n\nNeeds\n"
        for n in p.needs { s += "  \(n.domain.label.padding(toLength: 36, withPad: " ", startingAt: 0)) \(n.status.label)\n" }
        if p.needs.isEmpty { s += "  none recorded\n" }
        s += "\nActions by owner\n"
        let owners = actions.map(\.owner).uniqued().sorted()
        for owner in owners {
            s += "  \(owner)\n"
            for a in actions where a.owner == owner {
                let late = !a.status.isSettled && a.due < asOf ? "  OVERDUE" : ""
                s += "    \(a.action)  \(a.need.label), due \(a.due), \(a.status.label)\(late)\n"
            }
        }
        if owners.isEmpty { s += "  none recorded\n" }
        s += "\nRisk (first assessment -> now)\n"
        for q in RiskQuestion.allCases where firstRisk[q] != nil || p.risk[q] != nil {
            s += "  \(q.label.padding(toLength: 40, withPad: " ", startingAt: 0)) \(firstRisk[q]?.rawValue ?? "-") -> \(p.risk[q]?.rawValue ?? "-")\n"
        }
        s += "\nSafety plan last reviewed: \(p.safetyPlanReviewed?.description ?? "no safety plan")\n"
        s += "Agencies: \(p.agencies.isEmpty ? "none recorded" : p.agencies.map { "\($0.agency)\($0.informed ? "" : " (not informed)")" }.joined(separator: ", "))\n"
        s += "Papers complete: \(p.papersComplete ? "yes" : "no")\n"
        s += "Told of the exit: \(p.exitInformed.isEmpty ? "none recorded" : p.exitInformed.map { "\($0.agency) (\($0.date))" }.joined(separator: ", "))\n"
        s += "Support checklist: \(SupportChecklistItem.allCases.map { "\($0.rawValue) \(p.supportChecklist.contains($0) ? "done" : "not yet")" }.joined(separator: ", "))\n"
        s += "Interpreter: \(p.interpreter.label)\n"
        s += "\nOpen items\n"
        for f in findings { s += "  - \(f.problem.label)\(f.detail.map { " [\($0)]" } ?? "")\n" }
        // The check problems are listed once, above.
        for u in unmet where u.problem == nil { s += "  - Exit: \(u.criterion.label): not yet (\(u.detail))\n" }
        if findings.isEmpty && unmet.isEmpty { s += "  none: ready to leave the service\n" }
        // Owners and agencies are typed text: no control character reaches a terminal or printer.
        return TerminalText.escaped(s)
    }
}
