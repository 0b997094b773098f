import SafeguardCore
import SafeguardCLI

/// The plan fields, as options of `new` and (the changeable ones) of `review`.
enum PlanFlag {
    static let person = Flag<RecordID?>("person", value: "ID", help: "The person's pseudonymous id.", .id)
    static let date = Flag.date("date", help: "The date of the plan (or of the review, action).")
    static let dob = Flag<CivilDate?>("dob", value: "DATE", help: "Date of birth (personal data, kept in the plan): child or adult is worked out from it on every later date.", .date)
    static let claimedAge = Flag<Int?>("claimed-age", value: "N", help: "The age claimed, when the date of birth is not known: the plan keeps the range of dates of birth it allows (personal data).", .int(in: StatedAge.claimedAgeRange))
    static let ageDisputed = Flag(switch: "age-disputed", help: "The age is disputed: the person is treated as a child (SOLACE L312).")
    static let fromReferral = Flag<RecordID?>("from-referral", value: "ID", help: "Read this referral from the input files and take the person, age, child or adult, nationality and exploitation types from it.", .id)
    static let exploitation = Flag<[ExploitationType]>("exploitation", value: "TYPE", help: "An exploitation type: \(ExploitationType.codes.joined(separator: ", ")) (criminal brings the duty not to criminalise, CHESHIRE L211).", each: .code)
    static let nationality = Flag<Country?>("nationality", value: "CC", help: "Nationality, ISO 3166-1 alpha-2 (GB for the UK).", .country)
    static let lead = Flag<RecordID?>("lead-professional", value: "ID", help: "The lead professional's staff id: the single point of contact (SOLACE L494).", .id)
    static let need = Flag<[NeedChange]>("need", value: "DOMAIN[=STATUS]", help: "A need: \(NeedDomain.codes.joined(separator: ", ")); status \(NeedStatus.codes.joined(separator: ", ")) (default open).", each: ValueParser(parseNeed))
    static let risk = Flag<[RiskAnswer]>("risk", value: "QUESTION=LEVEL", help: "A risk answer: \(RiskQuestion.codes.joined(separator: ", ")) = low, medium or high.", each: ValueParser(parseRisk))
    static let safetyPlan = Flag<CivilDate?>("safety-plan-reviewed", value: "DATE", help: "The date the safety plan was last reviewed.", .date)
    static let agency = Flag<[Agency]>("agency", value: "AGENCY", help: "An agency involved, not yet informed: \(Agency.codes.joined(separator: ", ")).", each: .code)
    static let informed = Flag<[Agency]>("agency-informed", value: "AGENCY", help: "An agency involved and informed.", each: .code)
    static let exitInformed = Flag<[Agency]>("exit-informed", value: "AGENCY", help: "An agency told of the exit of service, on the --date (HESTIA: every agency is told before exit).", each: .code)
    static let checklist = Flag<[SupportChecklistItem]>("checklist", value: "ITEM", help: "A support checklist item done (HESTIA): \(SupportChecklistItem.codes.joined(separator: ", ")).", each: .code)
    static let papers = Flag(switch: "papers-complete", help: "The person's papers are complete.")
    static let interpreter = Flag<InterpreterPlan?>("interpreter", value: "ARRANGEMENT", help: "Interpreter: \(InterpreterPlan.codes.joined(separator: ", ")) (a new plan: not-needed unless given).", .code)
    static let knows = Flag(switch: "interpreter-knows-person", help: "The interpreter and the person know each other (the assignment must stop, SOLACE L523-527).")
    static let nonCriminalisation = Flag<CivilDate?>("non-criminalisation-considered", value: "DATE", help: "The date the duty not to criminalise a victim exploited for crime was considered (CHESHIRE L211; PLAN L847-849).", .date)
    static let policeTold = Flag<Bool?>("police-told", value: "yes|no", help: "Whether the police were told of the trafficking concern (criminal exploitation).", .yesNo)
    static let cpsTold = Flag<Bool?>("cps-told", value: "yes|no", help: "Whether the Crown Prosecution Service was told of the trafficking concern (criminal exploitation).", .yesNo)
    static let strategy = Flag<String?>("missing-strategy", value: "TEXT", help: "Child: how going missing will be prevented and managed (SOLACE L421).", .text)
    static let notify = Flag<[AgencyToNotify]>("notify-if-missing", value: "AGENCY", help: "Child: an agency to notify if the child goes missing: \(AgencyToNotify.codes.joined(separator: ", ")).", each: .code)
    static let placement = Flag<PlacementType?>("placement-type", value: "TYPE", help: "Child: \(PlacementType.codes.joined(separator: ", ")) (specialist foster care is the ideal).", .code)
    static let safeHouse = Flag<Bool?>("safe-house", value: "DECISION", help: "Child: the safe-house decision, needed or not-needed.", ValueParser(range: "needed or not-needed") { text in
        text == "needed" ? .success(true) : text == "not-needed" ? .success(false) : .failure(InputProblem("write needed or not-needed"))
    })
    static let headOfService = Flag(switch: "head-of-service-notified", help: "Child: the Head of Service has been notified (CHESHIRE §6.4).")
    static let meeting = Flag(switch: "strategy-meeting-held", help: "Child: the multi-agency strategy meeting has been held.")
    static let family = Flag(switch: "family-role-assessed", help: "Child: the family's possible role in the trafficking has been assessed, before any reunification (CHESHIRE L217).")
    static let familyComplicit = Flag<Bool?>("family-complicit", value: "yes|no", help: "Child: whether the family is thought complicit in the trafficking (CHESHIRE L230).", .yesNo)
    static let householdChild = Flag<[HouseholdChild]>("household-child", value: "ID[=assessed]", help: "Child: another child in the household, by pseudonymous id; =assessed once assessed (CHESHIRE L230).", each: ValueParser(parseHouseholdChild))
    static let noHouseholdChildren = Flag(switch: "no-household-children", help: "Child: there are no other children in the household.")
    static let risksConsidered = Flag<[ConsideredRisk]>("risk-considered", value: "RISK", help: "Child: a risk considered in the plan: \(ConsideredRisk.codes.joined(separator: ", ")) (all three, CHESHIRE §7).", each: .code)
    static let placementStart = Flag<CivilDate?>("placement-start", value: "DATE", help: "Child: the date the placement began.", .date)
    static let privateFosteringNotified = Flag<CivilDate?>("private-fostering-notified", value: "DATE", help: "Child: the date the local authority was notified of a private fostering arrangement (within 48 hours, PLAN L940-942).", .date)
    static let ictg = Flag<ICTGReferral?>("ictg", value: "REFERRAL", help: "Child: the Independent Child Trafficking Guardian referral (Modern Slavery Act 2015 s.48): \(ICTGReferral.codes.joined(separator: ", ")). Under --rules current a child's plan without it is a problem.", .code)
    static let publicFunds = Flag<Bool?>("public-funds", value: "yes|no", help: "Adult: whether the person has recourse to public funds (many do not, SOLACE L407).", .yesNo)
    static let additional = Flag<[AdditionalNeed]>("additional-need", value: "NEED", help: "Adult: \(AdditionalNeed.codes.joined(separator: ", ")) (these open a community care assessment).", each: .code)
    static let note = Flag<String?>("note", value: "TEXT", help: "A note on the review (free text, personal data).", .text)

    static let childFlags: [any AnyFlag] = [strategy, notify, placement, placementStart, privateFosteringNotified, safeHouse, headOfService, meeting, family,
                                            familyComplicit, householdChild, noHouseholdChildren, risksConsidered, ictg]
    static let adultFlags: [any AnyFlag] = [publicFunds, additional]
    static let changeFlags: [any AnyFlag] = [lead, nationality, exploitation, need, risk, safetyPlan, agency, informed, exitInformed, checklist, papers,
                                             interpreter, knows, nonCriminalisation, policeTold, cpsTold] + childFlags + adultFlags
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

@Sendable func parseHouseholdChild(_ text: String) -> Result<HouseholdChild, InputProblem> {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard let id = RecordID(parts[0]) else { return .failure(InputProblem("a child's id: \(RecordID.rule)")) }
    guard parts.count == 2 else { return .success(HouseholdChild(child: id, assessed: false)) }
    guard parts[1] == "assessed" || parts[1] == "not-assessed" else { return .failure(InputProblem("write ID, ID=assessed or ID=not-assessed")) }
    return .success(HouseholdChild(child: id, assessed: parts[1] == "assessed"))
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
        let exploitation = try self[PlanFlag.exploitation]
        if !exploitation.isEmpty { c.exploitation = exploitation }
        // The same need or question given twice: the later one wins, as with every repeated option.
        var needs: [(domain: NeedDomain, status: NeedStatus)] = []
        for n in try self[PlanFlag.need] { needs.replaceOrAppend((n.domain, n.status), by: \.domain) }
        if !needs.isEmpty { c.needs = needs }
        var risk: [(question: RiskQuestion, level: RiskLevel)] = []
        for r in try self[PlanFlag.risk] { risk.replaceOrAppend((r.question, r.level), by: \.question) }
        if !risk.isEmpty { c.risk = risk }
        c.safetyPlanReviewed = try self[PlanFlag.safetyPlan]
        var agencies: [(agency: String, informed: Bool)] = []
        for (name, informed) in try self[PlanFlag.agency].map({ ($0.rawValue, false) }) + self[PlanFlag.informed].map({ ($0.rawValue, true) }) {
            if let k = agencies.firstIndex(where: { $0.agency == name }) { agencies[k].informed = agencies[k].informed || informed } else { agencies.append((name, informed)) }
        }
        if !agencies.isEmpty { c.agencies = agencies }
        let date = try self[PlanFlag.date]
        let told = try self[PlanFlag.exitInformed].map { ExitTelling(agency: $0.rawValue, date: date) }
        if !told.isEmpty { c.exitInformed = told }
        let checklist = try self[PlanFlag.checklist]
        if !checklist.isEmpty { c.supportChecklist = checklist }
        let n = NonCriminalisation(considered: try self[PlanFlag.nonCriminalisation], policeTold: try self[PlanFlag.policeTold], cpsTold: try self[PlanFlag.cpsTold])
        if n != NonCriminalisation() { c.nonCriminalisation = n }
        if try self[PlanFlag.papers] { c.papersComplete = true }
        c.interpreter = try self[PlanFlag.interpreter]
        if try self[PlanFlag.knows] { c.interpreterKnowsPerson = true }

        var child = ChildChanges()
        child.missingStrategy = try self[PlanFlag.strategy]
        let notify = try self[PlanFlag.notify]
        if !notify.isEmpty { child.notifyIfMissing = notify }
        child.placement = try self[PlanFlag.placement]
        child.placementStart = try self[PlanFlag.placementStart]
        child.privateFosteringNotified = try self[PlanFlag.privateFosteringNotified]
        child.ictg = try self[PlanFlag.ictg]
        child.familyComplicit = try self[PlanFlag.familyComplicit]
        let household = try self[PlanFlag.householdChild]
        if try self[PlanFlag.noHouseholdChildren] {
            guard household.isEmpty else { throw UsageError("--no-household-children and --household-child cannot both be given") }
            child.householdChildren = []
        } else if !household.isEmpty {
            var merged: [HouseholdChild] = []
            for h in household { merged.replaceOrAppend(h, by: \.child) }
            child.householdChildren = merged
        }
        let considered = try self[PlanFlag.risksConsidered]
        if !considered.isEmpty { child.risksConsidered = considered }
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
