/// A change to a referral: a decision or a withdrawal.
public enum NRMEvent: CaseEvent {
    case decision(NRMDecision)
    case withdrawal(NRMWithdrawal)

    public var referral: RecordID {
        switch self { case .decision(let d): return d.referral; case .withdrawal(let w): return w.referral }
    }

    public var instant: CivilDate {
        switch self { case .decision(let d): return d.on; case .withdrawal(let w): return w.on }
    }

    /// After the referral that heads the case (rank 0); a decision and a
    /// withdrawal on the same day keep their line order.
    public var kindRank: Int { 1 }
}

/// Folds referrals, decisions and withdrawals into cases. Rules broken by an
/// event (a decision for an unknown referral, a CG before an RG, a second RG...)
/// are problems on the event's line, and the event is left out.
public struct NRMCaseFolder: CaseChecking {
    /// The kinds nrm-referral owns.
    public static let kinds: Set<String> = [Referral.kind, DutyToNotify.kind, NRMDecision.kind, NRMWithdrawal.kind, NRMStatus.kind]

    struct Case {
        var referral: (facts: ReferralFacts, source: SourceLine)?
        var events = CaseTimeline<NRMEvent>()
        var rg: (NRMStatus.Decided, SourceLine)?
        var cg: (NRMStatus.Decided, SourceLine)?
        var withdrawn: (CivilDate, SourceLine)?

        mutating func apply(_ entry: CaseEntry<NRMEvent>, known: () -> [RecordID], timescales: NRMTimescales) throws {
            let event = entry.event, id = event.referral
            guard let received = referral?.facts.received else {
                throw RecordError("referral \(id) is not in the input\(Nearest.didYouMean(id, among: known())); check the id, or include the file that holds the referral")
            }
            if event.instant < received {
                throw RecordError("dated before referral \(id) was received (\(received))")
            }
            if let (_, at) = withdrawn {
                throw RecordError("referral \(id) was withdrawn (\(at)); nothing can follow a withdrawal")
            }
            switch event {
            case .withdrawal(let w):
                if let (_, at) = cg {
                    throw RecordError("referral \(id) already has its conclusive-grounds decision (\(at)); it cannot be withdrawn")
                }
                withdrawn = (w.on, entry.source)
            case .decision(let d):
                let decided = NRMStatus.Decided(on: d.on, outcome: d.outcome)
                switch d.stage {
                case .rg:
                    if let (_, at) = rg, !d.reconsideration {
                        throw RecordError("referral \(id) already has a reasonable-grounds decision (\(at)); a referral gets one, unless a later one is a reconsideration (--reconsideration)")
                    }
                    // A reconsideration supersedes the earlier decision; both stay in the file.
                    rg = (decided, entry.source)
                case .cg:
                    guard let (rg, _) = rg else {
                        throw RecordError("conclusive-grounds decision before any reasonable-grounds decision for referral \(id)")
                    }
                    if rg.outcome == .negative {
                        throw RecordError("conclusive-grounds decision after a negative reasonable-grounds decision for referral \(id)")
                    }
                    if let earliest = timescales.cgTooSoon(d.on, after: rg) {
                        throw RecordError(NRMCaseFolder.cgTooSoonMessage(referral: id, rg: rg.on, earliest: earliest, days: timescales.cgEarliestDays ?? 0))
                    }
                    if let (_, at) = cg, !d.reconsideration {
                        throw RecordError("referral \(id) already has a conclusive-grounds decision (\(at)); a later one must be a reconsideration (--reconsideration)")
                    }
                    cg = (decided, entry.source)
                }
            }
        }
    }

    /// Current rules: the CG decision no sooner than 30 days after the RG (Modern Slavery Act 2015 s.50A;
    /// statutory guidance: "as soon as possible after at least 30 calendar days").
    public static func cgTooSoonMessage(referral id: RecordID, rg: CivilDate, earliest: CivilDate, days: Int) -> String {
        "conclusive-grounds decision for referral \(id) is dated before \(earliest), \(days) days after the reasonable-grounds "
            + "decision (\(rg)); under --rules current it comes no sooner (Modern Slavery Act 2015 s.50A; statutory guidance). "
            + "Check the date; if the decision was made under the sources' rules, use --rules sources"
    }

    /// Referrals in input order.
    var order: [RecordID] = []
    var cases: [RecordID: Case] = [:]
    var log: CaseLog<NRMEvent>

    /// The rules that check a case (a CG too soon after the RG, under current rules).
    var timescales: NRMTimescales

    /// Decisions and withdrawals after `asOf` are neither applied nor checked;
    /// nil (validation) takes them all. When records made under the other rule
    /// set meet here, `timescales` (the command's --rules) decides.
    public init(asOf: CivilDate? = nil, timescales: NRMTimescales = NRMTimescales()) {
        log = CaseLog(asOf: asOf)
        self.timescales = timescales
    }

    public static func checking() -> NRMCaseFolder { NRMCaseFolder() }
    public static func caseID(of record: JSONObject) -> String? { (record["referral"] ?? record["id"])?.stringValue }

    /// A second referral with the same id is refused: changes are new records, not new referrals.
    /// Referrals head their cases, so each is kept whatever its date; `statuses` leaves out those received after the as-of.
    public mutating func add(_ referral: Referral, at source: SourceLine) throws {
        if let first = cases[referral.id]?.referral {
            throw RecordError("referral \(referral.id) appears twice (first at \(first.source)); record a change as a decision or withdrawal, never a second referral")
        }
        order.append(referral.id)
        cases[referral.id, default: Case()].referral = (referral.facts, source)
    }

    public mutating func add(_ decision: NRMDecision, at source: SourceLine, raw: [UInt8]) {
        add(.decision(decision), at: source, raw: raw)
    }

    public mutating func add(_ withdrawal: NRMWithdrawal, at source: SourceLine, raw: [UInt8]) {
        add(.withdrawal(withdrawal), at: source, raw: raw)
    }

    mutating func add(_ event: NRMEvent, at source: SourceLine, raw: [UInt8]) {
        guard let entry = log.entry(event, at: source, raw: raw) else { return }
        // Nothing is applied before `resolve`, so nothing comes too late.
        _ = cases[event.referral, default: Case()].events.insert(entry)
    }

    /// Each record checked by its own reader. Duty-to-notify and earlier status
    /// records are checked, not folded, and passed on.
    public mutating func take(_ r: InputRecord, at source: SourceLine, raw: [UInt8]) throws -> Bool {
        switch r.kind {
        case Referral.kind: try add(Referral(r.object), at: source)
        case NRMDecision.kind: add(try NRMDecision(r.object), at: source, raw: raw)
        case NRMWithdrawal.kind: add(try NRMWithdrawal(r.object), at: source, raw: raw)
        case DutyToNotify.kind: _ = try DutyToNotify(r.object); return false
        case NRMStatus.kind: _ = try NRMStatus(r.object); return false
        default: return false
        }
        return true
    }

    /// Applies each case's events in order. Returns the problems found, in line order.
    public mutating func resolve() -> [CaseProblem] {
        for id in Array(cases.keys) {
            var c = cases.removeValue(forKey: id)!   // edit without a copy
            for entry in c.events.takeOldest() { log.apply(entry) { try c.apply($0, known: { order }, timescales: timescales) } }
            cases[id] = c
        }
        return log.problems
    }

    /// A conclusive-grounds decision dated before the recovery period ends, where it stands in the input.
    public struct EarlyCG: Sendable {
        public let referral: RecordID
        public let source: SourceLine
        public let decided: CivilDate
        public let recoveryEnds: CivilDate
    }

    /// Every case whose conclusive-grounds decision in force is early
    /// (`NRMTimescales.earlyCG`), in input order. Call `resolve()` first.
    public func earlyConclusiveDecisions(timescales: NRMTimescales) -> [EarlyCG] {
        order.compactMap { id in
            guard let c = cases[id], let (rg, _) = c.rg, let (cg, source) = c.cg, let ends = timescales.earlyCG(cg.on, after: rg) else { return nil }
            return EarlyCG(referral: id, source: source, decided: cg.on, recoveryEnds: ends)
        }
    }

    /// The reasonable-grounds decision in force for a referral, if any. Call `resolve()` first.
    public func reasonableGrounds(of referral: RecordID) -> NRMStatus.Decided? { cases[referral]?.rg?.0 }

    /// One status per referral received by `asOf`, in input order. Call `resolve()` first.
    public func statuses(asOf: CivilDate, timescales: NRMTimescales) throws -> [NRMStatus] {
        try cases(asOf: asOf, timescales: timescales).map(\.status)
    }

    /// Each referral received by `asOf` with its status, in input order. A
    /// status date that cannot be written is exit 65, naming the referral's line.
    public func cases(asOf: CivilDate, timescales: NRMTimescales) throws -> [(referral: ReferralFacts, status: NRMStatus)] {
        try order.compactMap { id in
            let c = cases[id]!
            guard let (r, source) = c.referral, r.received <= asOf else { return nil }
            do {
                return (r, try NRMStatus(referral: r, rg: c.rg?.0, cg: c.cg?.0, withdrawn: c.withdrawn?.0,
                                         asOf: asOf, timescales: timescales))
            } catch let e as RecordError {
                throw CommandFailure("\(source): referral \(id): \(e.description)", exitCode: .dataError)
            }
        }
    }
}
