/// The timescales of the NRM. Defaults from the sources; each can be
/// overridden, because practice has changed since they were written.
public struct NRMTimescales: Equatable, Sendable {
    /// Reasonable-grounds decision due this many days after the referral is received (HESTIA: 5 days).
    public var rgDays: Int
    /// Recovery and reflection period after a positive RG (HESTIA; SOLACE L111: 45 days; Convention minimum 30).
    public var recoveryDays: Int

    public init(rgDays: Int = 5, recoveryDays: Int = 45) {
        self.rgDays = rgDays
        self.recoveryDays = recoveryDays
    }

    /// The end of the recovery period a positive RG decision starts; nil after a negative one.
    public func recoveryEnds(after rg: NRMStatus.Decided) -> CivilDate? {
        rg.outcome == .positive ? rg.on.adding(days: recoveryDays) : nil
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

    public var overdue: Bool { overdueDays > 0 }
    var earlyCGMark: Bool? { earlyCG ? true : nil }
    /// The CG decision is expected when the recovery period ends (HESTIA: made after it).
    public var cgDue: CivilDate? { recoveryEnds }

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
        rgDue = try r.received.adding(days: timescales.rgDays).writable("the reasonable-grounds decision's due date (rg-due)")
        self.rg = rg
        self.cg = cg
        self.withdrawn = withdrawn
        recoveryEnds = try rg.flatMap(timescales.recoveryEnds)?.writable("the end of the recovery period (recovery-ends)")
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
                due = recoveryEnds
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
    }
}
