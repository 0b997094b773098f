import SafeguardCore

/// The plan fields, as options of `new` and (the changeable ones) of `review`.
enum PlanFlag {
    static let person = Flag("person", value: "ID", help: "The person's pseudonymous id.")
    static let date = Flag("date", value: "DATE", help: "The date of the plan (or of the review, action).", default: "today")
    static let dob = Flag("dob", value: "DATE", help: "Date of birth, to decide child or adult (not stored in the plan).")
    static let claimedAge = Flag("claimed-age", value: "N", help: "The age claimed, when the date of birth is not known (not stored).")
    static let ageDisputed = Flag("age-disputed", help: "The age is disputed: the person is treated as a child (SOLACE L312).")
    static let fromReferral = Flag("from-referral", value: "ID", help: "Read this referral from the input files and take the person, child or adult, and nationality from it.")
    static let nationality = Flag("nationality", value: "CC", help: "Nationality, ISO 3166-1 alpha-2 (GB for the UK).")
    static let lead = Flag("lead-professional", value: "ID", help: "The lead professional's staff id: the single point of contact (SOLACE L494).")
    static let need = Flag("need", value: "DOMAIN[=STATUS]", help: "A need: \(NeedDomain.codes.joined(separator: ", ")); status \(NeedStatus.codes.joined(separator: ", ")) (default open).", repeatable: true)
    static let risk = Flag("risk", value: "QUESTION=LEVEL", help: "A risk answer: \(RiskQuestion.codes.joined(separator: ", ")) = low, medium or high.", repeatable: true)
    static let safetyPlan = Flag("safety-plan-reviewed", value: "DATE", help: "The date the safety plan was last reviewed.")
    static let agency = Flag("agency", value: "NAME", help: "An agency involved, not yet informed.", repeatable: true)
    static let informed = Flag("agency-informed", value: "NAME", help: "An agency involved and informed.", repeatable: true)
    static let papers = Flag("papers-complete", help: "The person's papers are complete.")
    static let interpreter = Flag("interpreter", value: "ARRANGEMENT", help: "Interpreter: \(InterpreterPlan.codes.joined(separator: ", ")).", default: "not-needed")
    static let knows = Flag("interpreter-knows-person", help: "The interpreter and the person know each other (the assignment must stop, SOLACE L523-527).")
    static let strategy = Flag("missing-strategy", value: "TEXT", help: "Child: how going missing will be prevented and managed (SOLACE L421).")
    static let notify = Flag("notify-if-missing", value: "AGENCY", help: "Child: an agency to notify if the child goes missing: \(AgencyToNotify.codes.joined(separator: ", ")).", repeatable: true)
    static let placement = Flag("placement-type", value: "TYPE", help: "Child: \(PlacementType.codes.joined(separator: ", ")) (specialist foster care is the ideal).")
    static let safeHouse = Flag("safe-house", value: "DECISION", help: "Child: the safe-house decision, needed or not-needed.")
    static let headOfService = Flag("head-of-service-notified", help: "Child: the Head of Service has been notified (CHESHIRE §6.4).")
    static let meeting = Flag("strategy-meeting-held", help: "Child: the multi-agency strategy meeting has been held.")
    static let family = Flag("family-role-assessed", help: "Child: the family's possible role in the trafficking has been assessed, before any reunification.")
    static let publicFunds = Flag("public-funds", value: "yes|no", help: "Adult: whether the person has recourse to public funds (many do not, SOLACE L407).")
    static let additional = Flag("additional-need", value: "NEED", help: "Adult: \(AdditionalNeed.codes.joined(separator: ", ")) (these open a community care assessment).", repeatable: true)
    static let note = Flag("note", value: "TEXT", help: "A note on the review (free text, personal data).")

    static let childFlags = [strategy, notify, placement, safeHouse, headOfService, meeting, family]
    static let adultFlags = [publicFunds, additional]
    static let changeFlags = [lead, nationality, need, risk, safetyPlan, agency, informed, papers, interpreter, knows] + childFlags + adultFlags
}

func parseNeed(_ text: String) -> Result<(NeedDomain, NeedStatus), InputProblem> {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard let d = NeedDomain(rawValue: parts[0]) else { return .failure(InputProblem(NeedDomain.unknownMessage(parts[0]))) }
    guard parts.count == 2 else { return .success((d, .open)) }
    guard let s = NeedStatus(rawValue: parts[1]) else { return .failure(InputProblem(NeedStatus.unknownMessage(parts[1]))) }
    return .success((d, s))
}

func parseRisk(_ text: String) -> Result<(RiskQuestion, RiskLevel), InputProblem> {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let q = RiskQuestion(rawValue: parts[0]) else {
        return .failure(InputProblem("write a risk answer as QUESTION=LEVEL; the questions: \(RiskQuestion.codes.joined(separator: ", "))"))
    }
    guard let l = RiskLevel(rawValue: parts[1]) else { return .failure(InputProblem(RiskLevel.unknownMessage(parts[1]))) }
    return .success((q, l))
}

extension ParsedArguments {
    func each<T>(_ flag: Flag, _ parse: (String) -> Result<T, InputProblem>) throws -> [T] {
        try list(flag.long).map { text in
            switch parse(text) {
            case .success(let v): return v
            case .failure(let p): throw UsageError("--\(flag.long): \(p.message)")
            }
        }
    }

    /// The plan fields given as options, as changes to a plan.
    func planChanges(for group: AgeGroup?) throws -> CarePlanChanges {
        var c = CarePlanChanges()
        c.leadProfessional = try parsed(PlanFlag.lead.long, Parse.id)
        c.nationality = try country(PlanFlag.nationality.long)
        // The same need or question given twice: the later one wins, as with every repeated option.
        var needs: [(domain: NeedDomain, status: NeedStatus)] = []
        for n in try each(PlanFlag.need, parseNeed) { needs.replaceOrAppend(n, by: \.domain) }
        if !needs.isEmpty { c.needs = needs }
        var risk: [(question: RiskQuestion, level: RiskLevel)] = []
        for r in try each(PlanFlag.risk, parseRisk) { risk.replaceOrAppend(r, by: \.question) }
        if !risk.isEmpty { c.risk = risk }
        c.safetyPlanReviewed = try date(PlanFlag.safetyPlan.long)
        var agencies: [(agency: String, informed: Bool)] = []
        for (name, informed) in list(PlanFlag.agency.long).map({ ($0, false) }) + list(PlanFlag.informed.long).map({ ($0, true) }) {
            if let k = agencies.firstIndex(where: { $0.agency == name }) { agencies[k].informed = agencies[k].informed || informed } else { agencies.append((name, informed)) }
        }
        if !agencies.isEmpty { c.agencies = agencies }
        if has(PlanFlag.papers.long) { c.papersComplete = true }
        c.interpreter = try code(PlanFlag.interpreter.long)
        if has(PlanFlag.knows.long) { c.interpreterKnowsPerson = true }

        var child = ChildChanges()
        child.missingStrategy = text(PlanFlag.strategy.long)
        let notify: [AgencyToNotify] = try codes(PlanFlag.notify.long)
        if !notify.isEmpty { child.notifyIfMissing = notify.uniqued() }
        child.placement = try code(PlanFlag.placement.long)
        if let decision = value(PlanFlag.safeHouse.long) {
            guard decision == "needed" || decision == "not-needed" else { throw UsageError("--safe-house: write needed or not-needed") }
            child.safeHouseNeeded = decision == "needed"
        }
        for (flag, field) in [(PlanFlag.headOfService, \ChildChanges.headOfServiceNotified), (PlanFlag.meeting, \.strategyMeetingHeld), (PlanFlag.family, \.familyRoleAssessed)] where has(flag.long) {
            child[keyPath: field] = true
        }
        var adult = AdultChanges()
        adult.recourseToPublicFunds = try bool(PlanFlag.publicFunds.long)
        let additional: [AdditionalNeed] = try codes(PlanFlag.additional.long)
        if !additional.isEmpty { adult.additionalNeeds = additional.uniqued() }
        if group == .adult, child != ChildChanges() { throw UsageError("--\(PlanFlag.childFlags.first { isGiven($0.long) }!.long) is for a child's plan; this is an adult's") }
        if group == .child, adult != AdultChanges() { throw UsageError("--\(PlanFlag.adultFlags.first { isGiven($0.long) }!.long) is for an adult's plan; this is a child's") }
        if child != ChildChanges() { c.child = child }
        if adult != AdultChanges() { c.adult = adult }
        return c
    }
}
