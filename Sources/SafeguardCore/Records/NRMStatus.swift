/// The timescales of the NRM. Defaults from the sources; each can be
/// overridden, because practice has changed since they were written.
/// `NRMTimescales(rules: .current)` gives current practice (DOMAIN "Current practice").
public struct NRMTimescales: Equatable, Sendable {
    /// The rule set the numbers came from; every status they make names it.
    public var rules: RuleSet
    /// Reasonable-grounds decision due this many days after the referral is received
    /// (HESTIA: 5 days; current: 5 working days, Modern Slavery Act 2015 statutory guidance).
    public var rgDays: Int
    /// Counts `rgDays` in working days of England and Wales (current); nil counts calendar days (sources).
    public var workingDays: WorkingCalendar?
    /// Recovery and reflection period after a positive RG (HESTIA; SOLACE L111: 45 days;
    /// current: at least 30, Modern Slavery Act 2015 s.50A, inserted by the Nationality and Borders Act 2022 s.64).
    public var recoveryDays: Int
    /// Current: the CG decision is made no sooner than this many days after the RG decision
    /// ("as soon as possible after at least 30 calendar days", statutory guidance); a CG dated
    /// sooner is refused. Nil (sources): no such rule, an early CG is kept and marked early-cg.
    public var cgEarliestDays: Int?
    /// Current: the CG decision has no target date, so "overdue" is a reminder this many days
    /// after the recovery period ends (a local choice, not a rule of the guidance). Nil (sources):
    /// the CG decision is due when the recovery period ends (HESTIA).
    public var cgReviewDays: Int?

    public init(rgDays: Int = 5, recoveryDays: Int = 45) {
        rules = .sources
        self.rgDays = rgDays
        self.recoveryDays = recoveryDays
    }

    /// The numbers of a rule set.
    public init(rules: RuleSet) {
        self.init()
        self.rules = rules
        if rules == .current {
            workingDays = WorkingCalendar()
            recoveryDays = 30
            cgEarliestDays = 30
            cgReviewDays = 90
        }
    }

    /// When the reasonable-grounds decision is due for a referral received on `received`.
    public func rgDue(received: CivilDate) -> CivilDate {
        workingDays.map { $0.adding(workingDays: rgDays, to: received) } ?? received.adding(days: rgDays)
    }

    /// The end of the recovery period a positive RG decision starts; nil after a negative one.
    public func recoveryEnds(after rg: NRMStatus.Decided) -> CivilDate? {
        rg.outcome == .positive ? rg.on.adding(days: recoveryDays) : nil
    }

    /// The earliest date a CG decision may have, when one dated `cg` comes sooner
    /// (current: `cgEarliestDays` after the RG decision); nil when it may stand.
    public func cgTooSoon(_ cg: CivilDate, after rg: NRMStatus.Decided) -> CivilDate? {
        guard let days = cgEarliestDays else { return nil }
        let earliest = rg.on.adding(days: days)
        return cg < earliest ? earliest : nil
    }

    /// The end of the recovery period, when a CG decision dated `cg` comes
    /// before it; nil when the decision is on time. HESTIA: the CG decision is
    /// made after the recovery and reflection period; SOLACE L111: no removal
    /// during it. Such a decision is a fact from the competent authority, so it
    /// is kept, but never silently: it is marked early-cg.
    public func earlyCG(_ cg: CivilDate, after rg: NRMStatus.Decided) -> CivilDate? {
        guard let ends = recoveryEnds(after: rg), cg < ends else { return nil }
        return ends
    }
}

public enum NRMStage: String, CodeList {
    case rgPending = "rg-pending"
    case rgPositive = "rg-positive"
    case rgNegative = "rg-negative"
    case cgPending = "cg-pending"
    case cgPositive = "cg-positive"
    case cgNegative = "cg-negative"
    case withdrawn

    public static let listName = "NRM stage"
    public var label: String {
        switch self {
        case .rgPending: return "Waiting for the reasonable-grounds decision"
        case .rgPositive: return "Positive reasonable grounds: recovery period running"
        case .rgNegative: return "Negative reasonable grounds"
        case .cgPending: return "Recovery period over: waiting for the conclusive-grounds decision"
        case .cgPositive: return "Positive conclusive grounds"
        case .cgNegative: return "Negative conclusive grounds"
        case .withdrawn: return "Withdrawn"
        }
    }
}

public enum OutstandingDecision: String, CodeList {
    case rgDecision = "rg-decision"
    case cgDecision = "cg-decision"
    public static let listName = "outstanding decision"
    public var label: String { self == .rgDecision ? "Reasonable-grounds decision" : "Conclusive-grounds decision" }
}

/// One referral's state on a date: what stage it is at, what is due, what is overdue.
public struct NRMStatus: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "nrm-status"
    public static let layout: [JSONField<Self>] = [
        .init("referral", \.referral), .init("subject", \.subject), .init("as-of", \.asOf), .init("treated-as", \.treatedAs),
        .init("received", \.received), .init("stage", \.stage), .init("rg-due", \.rgDue), .init("rg-decided", \.rg?.on),
        .init("rg-outcome", \.rg?.outcome), .init("recovery-ends", \.recoveryEnds), .init("cg-due", \.cgDue),
        .init("cg-decided", \.cg?.on), .init("cg-outcome", \.cg?.outcome), .init("withdrawn", \.withdrawn),
        .init("outstanding", \.outstanding), .init("due", \.due), .init("overdue", \.overdue), .init("overdue-days", \.overdueDays),
        // Written only when true, so a status without it reads as before.
        .init("early-cg", \.earlyCGMark), .init("action", \.action),
        // Optional: a status without them was made under the sources' rules.
        .init("cg-review", \.cgReview), .init("rules", \.rules),
    ]

    public struct Decided: Equatable, Sendable {
        public let on: CivilDate
        public let outcome: DecisionOutcome
    }

    public let referral: RecordID
    public let subject: RecordID
    public let asOf: CivilDate
    public let treatedAs: AgeGroup
    public let received: CivilDate
    public let stage: NRMStage
    public let rgDue: CivilDate
    public let rg: Decided?
    public let recoveryEnds: CivilDate?
    public let cg: Decided?
    public let withdrawn: CivilDate?
    public let outstanding: OutstandingDecision?
    public let due: CivilDate?
    public let overdueDays: Int
    /// The CG decision is dated before the recovery period ends (`NRMTimescales.earlyCG`).
    public let earlyCG: Bool
    /// What a person must do: confirm the early CG decision's date, or challenge it.
    public let action: NRMAction?
    /// The rule set that made this status.
    public let rules: RuleSet
    /// Current rules: the reminder date for a CG decision, which has no target date.
    public let cgReview: CivilDate?

    public var overdue: Bool { overdueDays > 0 }
    var earlyCGMark: Bool? { earlyCG ? true : nil }
    /// The CG decision is expected when the recovery period ends (HESTIA: made after it);
    /// under current rules it has no target date, only a reminder (`cgReview`).
    public var cgDue: CivilDate? { rules == .current ? nil : recoveryEnds }

    /// Works out the status from a referral and its decisions, counting only what happened by `asOf`.
    /// Throws `RecordError` when a date it works out cannot be written (after 9999-12-31).
    public init(referral r: ReferralFacts, rg: Decided?, cg: Decided?, withdrawn: CivilDate?,
                asOf: CivilDate, timescales: NRMTimescales) throws {
        let rg = rg.flatMap { $0.on <= asOf ? $0 : nil }
        let cg = cg.flatMap { $0.on <= asOf ? $0 : nil }
        let withdrawn = withdrawn.flatMap { $0 <= asOf ? $0 : nil }
        referral = r.id
        subject = r.subject
        self.asOf = asOf
        treatedAs = r.treatedAs
        received = r.received
        rules = timescales.rules
        rgDue = try timescales.rgDue(received: r.received).writable("the reasonable-grounds decision's due date (rg-due)")
        self.rg = rg
        self.cg = cg
        self.withdrawn = withdrawn
        let ends = try rg.flatMap(timescales.recoveryEnds)?.writable("the end of the recovery period (recovery-ends)")
        recoveryEnds = ends
        cgReview = try timescales.cgReviewDays.flatMap { days in ends?.adding(days: days) }?
            .writable("the reminder for the conclusive-grounds decision (cg-review)")
        earlyCG = rg.flatMap { rg in cg.flatMap { timescales.earlyCG($0.on, after: rg) } } != nil
        action = earlyCG ? .confirmOrChallengeEarlyCG : nil

        var outstanding: OutstandingDecision? = nil
        var due: CivilDate? = nil
        if withdrawn != nil {
            stage = .withdrawn
        } else if let rg {
            if rg.outcome == .negative {
                stage = .rgNegative
            } else if earlyCG && asOf < recoveryEnds! {
                // An early CG decision does not end the recovery period: it runs to its end.
                stage = .rgPositive
            } else if let cg {
                stage = cg.outcome == .positive ? .cgPositive : .cgNegative
            } else {
                stage = asOf < recoveryEnds! ? .rgPositive : .cgPending
                outstanding = .cgDecision
                // Current: a reminder, not a deadline (the guidance sets none).
                due = cgReview ?? recoveryEnds
            }
        } else {
            stage = .rgPending
            outstanding = .rgDecision
            due = rgDue
        }
        self.outstanding = outstanding
        self.due = due
        overdueDays = due.map { max(0, $0.days(to: asOf)) } ?? 0
    }

    /// Status records are outputs; reading one back checks its shape only.
    public init(reading r: FieldReader) throws {
        func decided(_ prefix: String) throws -> Decided? {
            guard let on = try r.optionalDate(prefix + "-decided") else { return nil }
            return Decided(on: on, outcome: try r.code(prefix + "-outcome"))
        }
        referral = try r.id("referral")
        subject = try r.id("subject")
        asOf = try r.date("as-of")
        treatedAs = try r.code("treated-as")
        received = try r.date("received")
        stage = try r.code("stage")
        rgDue = try r.date("rg-due")
        rg = try decided("rg")
        recoveryEnds = try r.optionalDate("recovery-ends")
        cg = try decided("cg")
        withdrawn = try r.optionalDate("withdrawn")
        outstanding = try r.optionalCode("outstanding")
        due = try r.optionalDate("due")
        overdueDays = try r.int("overdue-days", in: 0...Int(Int32.max))
        earlyCG = try r.optionalBool("early-cg") ?? false
        action = try r.optionalCode("action")
        cgReview = try r.optionalDate("cg-review")
        rules = try r.optionalCode("rules") ?? .sources
    }
}
