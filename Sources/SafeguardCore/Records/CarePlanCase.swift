/// The rules a plan is checked against. Defaults from the sources; flags change them.
public struct CarePlanRules: Equatable, Sendable {
    /// A safety plan older than this many days is stale.
    public var safetyPlanDays = 28
    /// "Risk significantly reduced" (HESTIA): no answer still high, and the
    /// levels down by at least this much in total since the first assessment.
    public var riskReduction = 2
    /// A child who turns 18 within this many days needs a transition action and
    /// adult social care informed (SOLACE L405: care leavers remain vulnerable).
    public var transitionDays = 90
    /// The rule set: under current practice a child's plan also records the ICTG referral.
    public var ruleSet: RuleSet = .sources
    public init() {}
}

/// Whether the person a plan is for is a child or an adult on a date, by the
/// core's one age rule (`AgePresumption`), and the age group the plan was made for.
public struct PlanAgeStatus: Equatable, Sendable {
    public let asOf: CivilDate
    public let treatedAs: AgeGroup
    public let madeAs: AgeGroup
    /// Why; nil when the plan holds no age to apply the rule to (a plan made
    /// before the age was kept): then the group it was made for stands.
    public let basis: AgeBasis?
    /// The sound age assessment relied on, if any.
    public let assessment: RecordID?
    /// The earliest and latest dates the person can turn 18 (one date when the date of birth is known).
    public let turns18: (earliest: CivilDate, latest: CivilDate)?

    public var changed: Bool { treatedAs != madeAs }

    public static func == (a: PlanAgeStatus, b: PlanAgeStatus) -> Bool {
        (a.asOf, a.treatedAs, a.madeAs, a.basis, a.assessment) == (b.asOf, b.treatedAs, b.madeAs, b.basis, b.assessment)
            && a.turns18?.earliest == b.turns18?.earliest && a.turns18?.latest == b.turns18?.latest
    }
}

/// One plan as it stands: the plan with its reviews made, its actions, and the first risk assessment.
public struct CarePlanCase: Sendable {
    public let first: CarePlan
    public private(set) var current: CarePlan
    /// Each risk question's first answer, from the plan or the first review that answered it:
    /// what "reduced since the first assessment" (HESTIA) is measured from.
    public private(set) var firstRisk: [RiskQuestion: RiskLevel]
    /// The latest record of each action, in the order actions were first made.
    public private(set) var actions: [CarePlanAction] = []
    public private(set) var reviews = 0
    public let source: SourceLine
    /// The person's age assessments (from --case or the input), in the order made.
    public var assessments: [AgeAssessment] = []

    public init(_ plan: CarePlan, at source: SourceLine) {
        first = plan
        current = plan
        firstRisk = plan.risk
        self.source = source
    }

    mutating func apply(_ review: CarePlanReview) throws {
        current = try review.apply(to: current)
        for (q, level) in current.risk where firstRisk[q] == nil { firstRisk[q] = level }
        reviews += 1
    }

    mutating func apply(_ action: CarePlanAction) throws {
        guard action.due >= first.date else { throw RecordError("field due: \(action.due) is before the plan was made (\(first.date))") }
        if let k = actions.firstIndex(where: { $0.action == action.action }) { actions[k] = action } else { actions.append(action) }
    }

    public struct Finding: Equatable, Sendable {
        public let problem: PlanProblem
        public let detail: String?
    }

    /// The person's status on `asOf`, never frozen at the plan's date (issue 14, rule 0):
    /// the date of birth or claimed-age range the plan was made with, and any
    /// age assessments made by then, through the one rule every tool asks
    /// (SOLACE L312: if there is any doubt, treat as a child). An assessment
    /// means the age was disputed. A claimed age counts by the youngest it allows.
    /// Under current rules an assessment needs the minded-to stage to be sound (`AgeAssessment.gaps(under:)`).
    public func ageStatus(asOf: CivilDate, rules: RuleSet = .sources) -> PlanAgeStatus {
        let p = first, made = first.treatedAs
        let assessed = assessments.filter { $0.date <= asOf }
        let disputed = (p.ageDisputed ?? false) || !assessed.isEmpty
        let stated: StatedAge?
        if let dob = p.dob {
            stated = .dateOfBirth(dob)
        } else if let range = p.claimedDOBRange {
            stated = .claimedAge(range.latest.age(on: asOf) ?? 0)
        } else {
            stated = nil
        }
        var turns18: (earliest: CivilDate, latest: CivilDate)?
        if let dob = p.dob {
            let d = dob.birthday(turning: AgePresumption.adultAge)
            turns18 = (d, d)
        } else if let range = p.claimedDOBRange {
            turns18 = (range.earliest.birthday(turning: AgePresumption.adultAge), range.latest.birthday(turning: AgePresumption.adultAge))
        }
        guard stated != nil || disputed else {
            return PlanAgeStatus(asOf: asOf, treatedAs: made, madeAs: made, basis: nil, assessment: nil, turns18: nil)
        }
        let settlement = disputed ? AgePresumption.settlement(assessments: assessed, on: asOf, rules: rules) : nil
        // Without a stated age, only a dispute decides; the stated age is then not read.
        let basis = AgePresumption.basis(for: stated ?? .claimedAge(0), disputed: disputed, on: asOf, settlement: settlement)
        if settlement != nil, let sound = AgePresumption.determine(assessments: assessed, on: asOf, rules: rules).sound, let age = sound.settledAge {
            let d = AgePresumption.turns18(sound.date, age)
            turns18 = (d, d)
        }
        return PlanAgeStatus(asOf: asOf, treatedAs: basis.treatedAs, madeAs: made, basis: basis, assessment: settlement?.assessment, turns18: turns18)
    }

    /// Every rule of the sources the plan breaks on `asOf`. A blank is never
    /// read as a safe answer: each unanswered duty is a problem of its own.
    public func check(asOf: CivilDate, rules: CarePlanRules = CarePlanRules()) -> [Finding] {
        let p = current
        var found: [Finding] = []
        func add(_ problem: PlanProblem, _ detail: String? = nil) { found.append(Finding(problem: problem, detail: detail)) }
        let status = ageStatus(asOf: asOf, rules: rules.ruleSet)
        if status.basis == nil { add(.ageNotRecorded) }
        if status.changed {
            add(.ageGroupChanged, "made as \(status.madeAs.rawValue); treated as \(status.treatedAs.rawValue) on \(asOf) (\(status.basis?.rawValue ?? "-"))")
        }
        var childNeedsInterpreter = false
        if status.treatedAs == .child {
            // A plan made for an adult holds no child arrangements: every child duty is then unanswered.
            var c = ChildArrangements()
            if case .child(let held) = p.arrangements { c = held }
            // SOLACE L421; CHESHIRE §6.4: how going missing is prevented, and whom to notify.
            if (c.missingStrategy ?? "").trimmed.isEmpty { add(.childNoMissingStrategy) }
            // SOLACE L421: the police and the UK Border Agency (now the Home Office), each one needed.
            if !c.notifyIfMissing.contains(.police) { add(.notifyNoPolice) }
            if !c.notifyIfMissing.contains(.homeOffice) { add(.notifyNoHomeOffice) }
            // CHESHIRE §6.4: a vetted interpreter for a child who is not a UK national; an unknown nationality may not be UK.
            if p.nationality?.isUK != true, p.interpreter != .independentProfessional {
                childNeedsInterpreter = true
                add(.childNoInterpreter, p.nationality.map { "nationality \($0)" } ?? "nationality not recorded")
            }
            // HESTIA's questions and the trafficking-specific ones (SOLACE L421): each unanswered one on its own.
            for q in RiskQuestion.allCases where p.risk[q] == nil { add(q.unanswered) }
            // CHESHIRE §6.4: asked only once the abduction risk is answered.
            if p.risk[.abduction] == .high, c.safeHouseNeeded == nil || !c.headOfServiceNotified { add(.abductionRiskNoSafeHouse) }
            if !c.strategyMeetingHeld { add(.noStrategyMeeting) }
            // CHESHIRE L211: the exploitation types decide whether the duty not to criminalise applies.
            if p.exploitation == nil { add(.exploitationNotRecorded) }
            // CHESHIRE L230: where the family is thought complicit, every other child in the household is assessed.
            if c.familyComplicit == true {
                if let children = c.householdChildren {
                    for h in children where !h.assessed { add(.householdChildNotAssessed, "child \(h.child)") }
                } else {
                    add(.householdChildrenNotListed)
                }
            }
            // CHESHIRE L217: the family's role established before any reunification.
            let reunions = actions.filter { $0.actionKind == .reunification }.map { "action \($0.action)" } + (c.placement == .family ? ["placement with the family"] : [])
            if !reunions.isEmpty {
                if !c.familyRoleAssessed || c.familyComplicit == nil {
                    add(.reunificationFamilyRoleNotAssessed, reunions.joined(separator: ", "))
                } else if c.familyComplicit == true {
                    add(.reunificationWithComplicitFamily, reunions.joined(separator: ", "))
                }
            }
            // CHESHIRE §7: CSE, missing and trafficking considered together.
            for r in ConsideredRisk.allCases where !c.risksConsidered.contains(r) { add(r.notConsidered) }
            // SOLACE L405: a child about to leave care is prepared for it. The earliest the person can turn 18 counts.
            if let turns = status.turns18?.earliest, asOf.days(to: turns) <= rules.transitionDays {
                let when = "turns 18 \(turns <= asOf ? "on or before" : "by") \(turns), within \(rules.transitionDays) days of \(asOf)"
                if !actions.contains(where: { $0.actionKind == .transition }) { add(.noTransitionAction, when) }
                if !p.agencies.contains(where: { $0.agency == Agency.adultSocialCare.rawValue && $0.informed }) { add(.adultSocialCareNotInformed, when) }
            }
            // SOLACE L361: education is part of the Convention minimum for a child.
            if !p.needs.contains(where: { $0.domain == .education }) { add(.noEducationNeed) }
            // Current practice (Modern Slavery Act 2015 s.48): the ICTG referral is recorded, whatever it was.
            if rules.ruleSet == .current, c.ictg == nil { add(.noICTGReferral) }
            // PLAN L940-942: private fostering notified to the local authority within 48 hours of the child arriving.
            if c.placement == .privateFostering {
                if let notified = c.privateFosteringNotified, let start = c.placementStart {
                    if start.days(to: notified) > 2 { add(.privateFosteringNotNotified, "notified \(start.days(to: notified)) days after the placement began") }
                } else {
                    add(.privateFosteringNotNotified, c.privateFosteringNotified == nil ? "no notification recorded" : "the placement's start is not recorded")
                }
            }
        }
        // SOLACE L361, L523-527: an interpreter needed is arranged (the child's rule above already names it).
        if p.interpreter == .none, !childNeedsInterpreter { add(.interpreterNotArranged) }
        if p.interpreter == .community { add(.communityInterpreter) }
        if p.interpreterKnowsPerson { add(.interpreterKnowsPerson) }
        if p.leadProfessional == nil { add(.noLeadProfessional) }
        // CHESHIRE L211, L292, L299; SOLACE L318, L618; PLAN L847-849: a victim exploited for crime is not criminalised,
        // and the police and the CPS are told of the trafficking concern.
        if p.exploitation?.contains(.criminal) == true {
            let n = p.nonCriminalisation ?? NonCriminalisation()
            if n.considered == nil { add(.nonCriminalisationNotConsidered) }
            if n.policeTold != true { add(.policeNotToldOfTrafficking, n.policeTold == nil ? "not recorded" : "recorded as not told") }
            if n.cpsTold != true { add(.cpsNotToldOfTrafficking, n.cpsTold == nil ? "not recorded" : "recorded as not told") }
        }
        for a in actions where !a.status.isSettled && a.due < asOf {
            add(.actionOverdue, "action \(a.action) (\(a.need.rawValue), \(a.owner)) was due \(a.due)")
        }
        if let reviewed = p.safetyPlanReviewed {
            if reviewed.days(to: asOf) > rules.safetyPlanDays { add(.safetyPlanStale, "last reviewed \(reviewed), more than \(rules.safetyPlanDays) days before \(asOf)") }
        } else {
            add(.safetyPlanStale, "there is no safety plan")
        }
        return found
    }

    /// One unmet exit criterion, and why; `problem` is the check problem behind a `plan-rules-kept` entry.
    public typealias Unmet = (criterion: ExitCriterion, detail: String, problem: PlanProblem?)

    /// The HESTIA exit criteria not met on `asOf`, with every problem `check`
    /// finds (CHESHIRE §5, §6.4). Empty means ready to leave the service.
    public func unmetExitCriteria(asOf: CivilDate, rules: CarePlanRules = CarePlanRules()) -> [Unmet] {
        let p = current
        var unmet: [Unmet] = []
        func add(_ c: ExitCriterion, _ detail: String) { unmet.append((c, detail, nil)) }
        let stillHigh = RiskQuestion.allCases.filter { p.risk[$0] == .high }
        let drop = p.risk.keys.reduce(0) { $0 + (firstRisk[$1]?.score ?? 0) - p.risk[$1]!.score }
        if p.risk.isEmpty {
            add(.riskReduced, "there is no risk assessment")
        } else if !stillHigh.isEmpty {
            add(.riskReduced, "still high: \(stillHigh.map(\.rawValue).joined(separator: ", "))")
        } else if drop < rules.riskReduction {
            add(.riskReduced, "the risk levels are down by \(max(0, drop)) since the first assessment; at least \(rules.riskReduction) is needed")
        }
        // HESTIA: "all agencies are informed about the exit of service": a dated telling of each,
        // by the as-of; being informed when the plan was made does not count.
        let untold = p.agencies.map(\.agency).filter { a in !p.exitInformed.contains { $0.agency == a && $0.date <= asOf } }
        if p.agencies.isEmpty {
            add(.agenciesInformed, "no agencies are recorded")
        } else if !untold.isEmpty {
            add(.agenciesInformed, "not told of the exit: \(untold.joined(separator: ", "))")
        }
        let openNeeds = p.needs.filter { !$0.status.isSettled }.map(\.domain.rawValue)
        let openActions = actions.filter { !$0.status.isSettled }.map(\.action.rawValue)
        if !openNeeds.isEmpty || !openActions.isEmpty {
            var parts: [String] = []
            if !openNeeds.isEmpty { parts.append("needs open: \(openNeeds.joined(separator: ", "))") }
            if !openActions.isEmpty { parts.append("actions open: \(openActions.joined(separator: ", "))") }
            add(.targetsMet, parts.joined(separator: "; "))
        }
        if let reviewed = p.safetyPlanReviewed {
            if reviewed.days(to: asOf) > rules.safetyPlanDays { add(.safetyPlanCurrent, "last reviewed \(reviewed)") }
        } else {
            add(.safetyPlanCurrent, "there is no safety plan")
        }
        if !p.papersComplete { add(.papersComplete, "papers are not recorded as complete") }
        // HESTIA's support checklist: each item counts.
        for item in SupportChecklistItem.allCases where !p.supportChecklist.contains(item) { add(item.criterion, "not recorded as done") }
        // CHESHIRE §5, §6.4: never ready while a rule of the plan is broken. A stale safety plan
        // is already the safety-plan-current criterion, by the same rule, so it is not listed twice.
        for f in check(asOf: asOf, rules: rules) where f.problem != .safetyPlanStale {
            unmet.append((.planRulesKept, f.detail.map { "\(f.problem.rawValue): \($0)" } ?? f.problem.rawValue, f.problem))
        }
        return unmet
    }
}

/// A change to a plan: a review or an action.
public enum CarePlanEvent: CaseEvent {
    case review(CarePlanReview)
    case action(CarePlanAction)

    public var plan: RecordID { switch self { case .review(let r): return r.plan; case .action(let a): return a.plan } }
    public var instant: CivilDate { switch self { case .review(let r): return r.date; case .action(let a): return a.date } }
    /// After the plan that heads the case; changes on the same day keep their line order.
    public var kindRank: Int { 1 }
}

/// Folds plans, reviews and actions: each review and action is applied to its
/// plan in date order (line order on the same day). A review or action for an
/// unknown plan, or dated before its plan, is a problem on its line.
public struct CarePlanFolder: CaseChecking {
    public static let kinds: Set<String> = [CarePlan.kind, CarePlanReview.kind, CarePlanAction.kind]

    public private(set) var order: [RecordID] = []
    public private(set) var cases: [RecordID: CarePlanCase] = [:]
    /// Every plan, in input order.
    public var plans: [CarePlanCase] { order.map { cases[$0]! } }
    var changes = CaseTimeline<CarePlanEvent>()
    var log: CaseLog<CarePlanEvent>

    /// Changes after `asOf` are neither applied nor checked; nil takes them all.
    public init(asOf: CivilDate? = nil) { log = CaseLog(asOf: asOf) }

    public static func checking() -> CarePlanFolder { CarePlanFolder() }
    public static func caseID(of record: JSONObject) -> String? { (record["plan"] ?? record["id"])?.stringValue }

    /// Gives each plan its person's age assessments, for the status on a later date.
    public mutating func attach(assessments: [AgeAssessment]) {
        let ordered = assessments.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        for id in order { cases[id]!.assessments = ordered.filter { $0.person == cases[id]!.first.person } }
    }

    public mutating func add(_ plan: CarePlan, at source: SourceLine) throws {
        if let other = cases[plan.id] { throw RecordError("plan \(plan.id) appears twice (first at \(other.source)); record a change as a review") }
        order.append(plan.id)
        cases[plan.id] = CarePlanCase(plan, at: source)
    }

    public mutating func add(_ change: CarePlanEvent, at source: SourceLine, raw: [UInt8]) {
        guard let entry = log.entry(change, at: source, raw: raw) else { return }
        // Nothing is applied before `resolve`, so nothing comes too late.
        _ = changes.insert(entry)
    }

    public mutating func take(_ r: InputRecord, at source: SourceLine, raw: [UInt8]) throws -> Bool {
        switch r.kind {
        case CarePlan.kind: try add(CarePlan(r.object), at: source)
        case CarePlanReview.kind: add(.review(try CarePlanReview(r.object)), at: source, raw: raw)
        case CarePlanAction.kind: add(.action(try CarePlanAction(r.object)), at: source, raw: raw)
        default: return false
        }
        return true
    }

    /// Applies the changes in the one order; returns the problems, in input order.
    public mutating func resolve() -> [CaseProblem] {
        for entry in changes.takeOldest() {
            log.apply(entry) { entry in
                let change = entry.event
                guard var c = cases[change.plan] else {
                    throw RecordError("plan \(change.plan) is not in the input\(Nearest.didYouMean(change.plan, among: order)); check the id, or include the file that holds the plan")
                }
                guard change.instant >= c.first.date else {
                    throw RecordError("dated \(change.instant), before plan \(change.plan) was made (\(c.first.date))")
                }
                switch change {
                case .review(let r): try c.apply(r)
                case .action(let a): try c.apply(a)
                }
                cases[change.plan] = c
            }
        }
        return log.problems
    }
}
