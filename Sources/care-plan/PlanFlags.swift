import SafeguardCore
import SafeguardCLI

/// The plan fields, as options of `new` and (the changeable ones) of `review`.
enum PlanFlag {
    static let person = Flag<RecordID?>("person", value: "ID", help: "The person's pseudonymous id.", .id)
    static let date = Flag.date("date", help: "The date of the plan (or of the review, action).")
    static let dob = Flag<CivilDate?>("dob", value: "DATE", help: "Date of birth, to decide child or adult (not stored in the plan).", .date)
    static let claimedAge = Flag<Int?>("claimed-age", value: "N", help: "The age claimed, when the date of birth is not known (not stored).", .int(in: StatedAge.claimedAgeRange))
    static let ageDisputed = Flag(switch: "age-disputed", help: "The age is disputed: the person is treated as a child (SOLACE L312).")
    static let fromReferral = Flag<RecordID?>("from-referral", value: "ID", help: "Read this referral from the input files and take the person, child or adult, and nationality from it.", .id)
    static let nationality = Flag<Country?>("nationality", value: "CC", help: "Nationality, ISO 3166-1 alpha-2 (GB for the UK).", .country)
    static let lead = Flag<RecordID?>("lead-professional", value: "ID", help: "The lead professional's staff id: the single point of contact (SOLACE L494).", .id)
    static let need = Flag<[NeedChange]>("need", value: "DOMAIN[=STATUS]", help: "A need: \(NeedDomain.codes.joined(separator: ", ")); status \(NeedStatus.codes.joined(separator: ", ")) (default open).", each: ValueParser(parseNeed))
    static let risk = Flag<[RiskAnswer]>("risk", value: "QUESTION=LEVEL", help: "A risk answer: \(RiskQuestion.codes.joined(separator: ", ")) = low, medium or high.", each: ValueParser(parseRisk))
    static let safetyPlan = Flag<CivilDate?>("safety-plan-reviewed", value: "DATE", help: "The date the safety plan was last reviewed.", .date)
    static let agency = Flag<[String]>("agency", value: "NAME", help: "An agency involved, not yet informed.", each: .text)
    static let informed = Flag<[String]>("agency-informed", value: "NAME", help: "An agency involved and informed.", each: .text)
    static let papers = Flag(switch: "papers-complete", help: "The person's papers are complete.")
    static let interpreter = Flag<InterpreterPlan?>("interpreter", value: "ARRANGEMENT", help: "Interpreter: \(InterpreterPlan.codes.joined(separator: ", ")) (a new plan: not-needed unless given).", .code)
    static let knows = Flag(switch: "interpreter-knows-person", help: "The interpreter and the person know each other (the assignment must stop, SOLACE L523-527).")
    static let strategy = Flag<String?>("missing-strategy", value: "TEXT", help: "Child: how going missing will be prevented and managed (SOLACE L421).", .text)
    static let notify = Flag<[AgencyToNotify]>("notify-if-missing", value: "AGENCY", help: "Child: an agency to notify if the child goes missing: \(AgencyToNotify.codes.joined(separator: ", ")).", each: .code)
    static let placement = Flag<PlacementType?>("placement-type", value: "TYPE", help: "Child: \(PlacementType.codes.joined(separator: ", ")) (specialist foster care is the ideal).", .code)
    static let safeHouse = Flag<Bool?>("safe-house", value: "DECISION", help: "Child: the safe-house decision, needed or not-needed.", ValueParser(range: "needed or not-needed") { text in
        text == "needed" ? .success(true) : text == "not-needed" ? .success(false) : .failure(InputProblem("write needed or not-needed"))
    })
    static let headOfService = Flag(switch: "head-of-service-notified", help: "Child: the Head of Service has been notified (CHESHIRE §6.4).")
    static let meeting = Flag(switch: "strategy-meeting-held", help: "Child: the multi-agency strategy meeting has been held.")
    static let family = Flag(switch: "family-role-assessed", help: "Child: the family's possible role in the trafficking has been assessed, before any reunification.")
    static let publicFunds = Flag<Bool?>("public-funds", value: "yes|no", help: "Adult: whether the person has recourse to public funds (many do not, SOLACE L407).", .yesNo)
    static let additional = Flag<[AdditionalNeed]>("additional-need", value: "NEED", help: "Adult: \(AdditionalNeed.codes.joined(separator: ", ")) (these open a community care assessment).", each: .code)
    static let note = Flag<String?>("note", value: "TEXT", help: "A note on the review (free text, personal data).", .text)

    static let childFlags: [any AnyFlag] = [strategy, notify, placement, safeHouse, headOfService, meeting, family]
    static let adultFlags: [any AnyFlag] = [publicFunds, additional]
    static let changeFlags: [any AnyFlag] = [lead, nationality, need, risk, safetyPlan, agency, informed, papers, interpreter, knows] + childFlags + adultFlags
}

struct NeedChange: Hashable, Sendable { let domain: NeedDomain, status: NeedStatus }
struct RiskAnswer: Hashable, Sendable { let question: RiskQuestion, level: RiskLevel }

@Sendable func parseNeed(_ text: String) -> Result<NeedChange, InputProblem> {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard let d = NeedDomain(rawValue: parts[0]) else { return .failure(InputProblem(NeedDomain.unknownMessage(parts[0]))) }
    guard parts.count == 2 else { return .success(NeedChange(domain: d, status: .open)) }
    guard let s = NeedStatus(rawValue: parts[1]) else { return .failure(InputProblem(NeedStatus.unknownMessage(parts[1]))) }
    return .success(NeedChange(domain: d, status: s))
}

@Sendable func parseRisk(_ text: String) -> Result<RiskAnswer, InputProblem> {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let q = RiskQuestion(rawValue: parts[0]) else {
        return .failure(InputProblem("write a risk answer as QUESTION=LEVEL; the questions: \(RiskQuestion.codes.joined(separator: ", "))"))
    }
    guard let l = RiskLevel(rawValue: parts[1]) else { return .failure(InputProblem(RiskLevel.unknownMessage(parts[1]))) }
    return .success(RiskAnswer(question: q, level: l))
}

extension CommandContext {
    /// The plan fields given as options, as changes to a plan.
    func planChanges(for group: AgeGroup?) throws -> CarePlanChanges {
        var c = CarePlanChanges()
        c.leadProfessional = try self[PlanFlag.lead]
        c.nationality = try self[PlanFlag.nationality]
        // The same need or question given twice: the later one wins, as with every repeated option.
        var needs: [(domain: NeedDomain, status: NeedStatus)] = []
        for n in try self[PlanFlag.need] { needs.replaceOrAppend((n.domain, n.status), by: \.domain) }
        if !needs.isEmpty { c.needs = needs }
        var risk: [(question: RiskQuestion, level: RiskLevel)] = []
        for r in try self[PlanFlag.risk] { risk.replaceOrAppend((r.question, r.level), by: \.question) }
        if !risk.isEmpty { c.risk = risk }
        c.safetyPlanReviewed = try self[PlanFlag.safetyPlan]
        var agencies: [(agency: String, informed: Bool)] = []
        for (name, informed) in try self[PlanFlag.agency].map({ ($0, false) }) + self[PlanFlag.informed].map({ ($0, true) }) {
            if let k = agencies.firstIndex(where: { $0.agency == name }) { agencies[k].informed = agencies[k].informed || informed } else { agencies.append((name, informed)) }
        }
        if !agencies.isEmpty { c.agencies = agencies }
        if try self[PlanFlag.papers] { c.papersComplete = true }
        c.interpreter = try self[PlanFlag.interpreter]
        if try self[PlanFlag.knows] { c.interpreterKnowsPerson = true }

        var child = ChildChanges()
        child.missingStrategy = try self[PlanFlag.strategy]
        let notify = try self[PlanFlag.notify]
        if !notify.isEmpty { child.notifyIfMissing = notify }
        child.placement = try self[PlanFlag.placement]
        child.safeHouseNeeded = try self[PlanFlag.safeHouse]
        for (flag, field) in [(PlanFlag.headOfService, \ChildChanges.headOfServiceNotified), (PlanFlag.meeting, \.strategyMeetingHeld), (PlanFlag.family, \.familyRoleAssessed)] {
            if try self[flag] { child[keyPath: field] = true }
        }
        var adult = AdultChanges()
        adult.recourseToPublicFunds = try self[PlanFlag.publicFunds]
        let additional = try self[PlanFlag.additional]
        if !additional.isEmpty { adult.additionalNeeds = additional }
        if group == .adult, child != ChildChanges() { throw UsageError("--\(PlanFlag.childFlags.first { isGiven($0) }!.spec.long) is for a child's plan; this is an adult's") }
        if group == .child, adult != AdultChanges() { throw UsageError("--\(PlanFlag.adultFlags.first { isGiven($0) }!.spec.long) is for an adult's plan; this is a child's") }
        if child != ChildChanges() { c.child = child }
        if adult != AdultChanges() { c.adult = adult }
        return c
    }
}
