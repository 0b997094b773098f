/// The rules a plan is checked against. Defaults from the sources; flags change them.
public struct CarePlanRules: Equatable, Sendable {
    /// A safety plan older than this many days is stale.
    public var safetyPlanDays = 28
    /// "Risk significantly reduced" (HESTIA): no answer still high, and the
    /// levels down by at least this much in total since the first assessment.
    public var riskReduction = 2
    public init() {}
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

    /// Every rule of the sources the plan breaks on `asOf`.
    public func check(asOf: CivilDate, rules: CarePlanRules = CarePlanRules()) -> [Finding] {
        let p = current
        var found: [Finding] = []
        func add(_ problem: PlanProblem, _ detail: String? = nil) { found.append(Finding(problem: problem, detail: detail)) }
        if case .child(let c) = p.arrangements {
            if (c.missingStrategy ?? "").trimmed.isEmpty || c.notifyIfMissing.isEmpty { add(.childNoMissingStrategy) }
            if let n = p.nationality, !n.isUK, p.interpreter != .independentProfessional { add(.childNoInterpreter, "nationality \(n)") }
            if p.risk[.abduction] == .high, c.safeHouseNeeded == nil || !c.headOfServiceNotified { add(.abductionRiskNoSafeHouse) }
            if !c.strategyMeetingHeld { add(.noStrategyMeeting) }
        }
        if p.interpreter == .community { add(.communityInterpreter) }
        if p.interpreterKnowsPerson { add(.interpreterKnowsPerson) }
        if p.leadProfessional == nil { add(.noLeadProfessional) }
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

    /// The HESTIA exit criteria not met on `asOf`. Empty means ready to leave the service.
    public func unmetExitCriteria(asOf: CivilDate, rules: CarePlanRules = CarePlanRules()) -> [(criterion: ExitCriterion, detail: String)] {
        let p = current
        var unmet: [(criterion: ExitCriterion, detail: String)] = []
        let stillHigh = RiskQuestion.allCases.filter { p.risk[$0] == .high }
        let drop = p.risk.keys.reduce(0) { $0 + (firstRisk[$1]?.score ?? 0) - p.risk[$1]!.score }
        if p.risk.isEmpty {
            unmet.append((.riskReduced, "there is no risk assessment"))
        } else if !stillHigh.isEmpty {
            unmet.append((.riskReduced, "still high: \(stillHigh.map(\.rawValue).joined(separator: ", "))"))
        } else if drop < rules.riskReduction {
            unmet.append((.riskReduced, "the risk levels are down by \(max(0, drop)) since the first assessment; at least \(rules.riskReduction) is needed"))
        }
        let uninformed = p.agencies.filter { !$0.informed }.map(\.agency)
        if p.agencies.isEmpty {
            unmet.append((.agenciesInformed, "no agencies are recorded"))
        } else if !uninformed.isEmpty {
            unmet.append((.agenciesInformed, "not informed: \(uninformed.joined(separator: ", "))"))
        }
        let openNeeds = p.needs.filter { !$0.status.isSettled }.map(\.domain.rawValue)
        let openActions = actions.filter { !$0.status.isSettled }.map(\.action.rawValue)
        if !openNeeds.isEmpty || !openActions.isEmpty {
            var parts: [String] = []
            if !openNeeds.isEmpty { parts.append("needs open: \(openNeeds.joined(separator: ", "))") }
            if !openActions.isEmpty { parts.append("actions open: \(openActions.joined(separator: ", "))") }
            unmet.append((.targetsMet, parts.joined(separator: "; ")))
        }
        if let reviewed = p.safetyPlanReviewed {
            if reviewed.days(to: asOf) > rules.safetyPlanDays { unmet.append((.safetyPlanCurrent, "last reviewed \(reviewed)")) }
        } else {
            unmet.append((.safetyPlanCurrent, "there is no safety plan"))
        }
        if !p.papersComplete { unmet.append((.papersComplete, "papers are not recorded as complete")) }
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
