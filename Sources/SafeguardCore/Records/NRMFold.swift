/// A change to a referral, as the fold keeps it: a decision's stage, outcome
/// and date, or a withdrawal's date. The referral is the case it is filed
/// under; nothing else of the record is kept (issue 17: flat memory).
public struct NRMEvent: CaseEvent, Sendable {
    public enum Change: Sendable, Equatable {
        case decision(DecisionStage, DecisionOutcome, reconsideration: Bool)
        case withdrawal
    }

    public let change: Change
    public let on: CivilDate

    public init(_ decision: NRMDecision) {
        change = .decision(decision.stage, decision.outcome, reconsideration: decision.reconsideration)
        on = decision.on
    }

    public init(_ withdrawal: NRMWithdrawal) {
        change = .withdrawal
        on = withdrawal.on
    }

    init(change: Change, on: CivilDate) {
        self.change = change
        self.on = on
    }

    public var instant: CivilDate { on }

    /// After the referral that heads the case (rank 0); a decision and a
    /// withdrawal on the same day keep their line order.
    public var kindRank: Int { 1 }
}

/// Where a record came from, in 8 bytes: its input's place in the fold's file
/// names and its line. A case file holds millions of lines: a `SourceLine`
/// (24 bytes) for each would be most of the fold's memory.
struct PackedSource: Equatable {
    let bits: UInt64
    static let none = PackedSource(bits: .max)
    static let lineBits: UInt64 = 48

    init(bits: UInt64) { self.bits = bits }

    init(file: Int, line: Int) {
        precondition(file < 0xFFFF && line >= 0 && UInt64(line) < 1 << PackedSource.lineBits, "a source line the fold cannot hold")
        bits = UInt64(file) << PackedSource.lineBits | UInt64(line)
    }

    func source(in files: [String]) -> SourceLine {
        SourceLine(file: files[Int(bits >> PackedSource.lineBits)], line: Int(bits & (1 << PackedSource.lineBits - 1)))
    }
}

/// Folds referrals, decisions and withdrawals into cases. Rules broken by an
/// event (a decision for an unknown referral, a CG before an RG, a second RG...)
/// are problems on the event's line, and the event is left out.
///
/// Memory is a compact fact per referral and per event, never a record or its
/// line: the cases in one array, numbered in the order first named; the events
/// in one flat array, sorted into the one order (`CaseEntry.precedes`) when the
/// input has been read. A line's bytes are kept only for `--rejects`.
public struct NRMCaseFolder: CaseChecking {
    /// The kinds nrm-referral owns.
    public static let kinds: Set<String> = [Referral.kind, DutyToNotify.kind, NRMDecision.kind, NRMWithdrawal.kind, NRMStatus.kind]

    /// What a case keeps: its referral, and the decisions in force once its
    /// events are applied, each as a day number and an outcome (128 bytes).
    struct Case {
        var referral: ReferralFacts?
        var referralSource = PackedSource.none
        var rgSource = PackedSource.none
        var cgSource = PackedSource.none
        var withdrawnSource = PackedSource.none
        var rgDay: Int32 = 0, cgDay: Int32 = 0, withdrawnDay: Int32 = 0
        var rgOutcome: DecisionOutcome?, cgOutcome: DecisionOutcome?
        var isWithdrawn = false

        var rg: NRMStatus.Decided? {
            get { rgOutcome.map { NRMStatus.Decided(on: CivilDate(dayNumber: Int(rgDay)), outcome: $0) } }
            set { rgOutcome = newValue?.outcome; rgDay = Int32(truncatingIfNeeded: newValue?.on.dayNumber ?? 0) }
        }
        var cg: NRMStatus.Decided? {
            get { cgOutcome.map { NRMStatus.Decided(on: CivilDate(dayNumber: Int(cgDay)), outcome: $0) } }
            set { cgOutcome = newValue?.outcome; cgDay = Int32(truncatingIfNeeded: newValue?.on.dayNumber ?? 0) }
        }
        var withdrawn: CivilDate? {
            get { isWithdrawn ? CivilDate(dayNumber: Int(withdrawnDay)) : nil }
            set { isWithdrawn = newValue != nil; withdrawnDay = Int32(truncatingIfNeeded: newValue?.dayNumber ?? 0) }
        }

        mutating func apply(_ entry: CaseEntry<NRMEvent>, id: RecordID, at packed: PackedSource, files: [String],
                            known: () -> [RecordID], timescales: NRMTimescales) throws {
            let event = entry.event
            guard let received = referral?.received else {
                throw RecordError("referral \(id) is not in the input\(Nearest.didYouMean(id, among: known())); check the id, or include the file that holds the referral")
            }
            if event.instant < received {
                throw RecordError("dated before referral \(id) was received (\(received))")
            }
            if withdrawn != nil {
                throw RecordError("referral \(id) was withdrawn (\(withdrawnSource.source(in: files))); nothing can follow a withdrawal")
            }
            switch event.change {
            case .withdrawal:
                if cg != nil {
                    throw RecordError("referral \(id) already has its conclusive-grounds decision (\(cgSource.source(in: files))); it cannot be withdrawn")
                }
                withdrawn = event.on
                withdrawnSource = packed
            case .decision(let stage, let outcome, let reconsideration):
                let decided = NRMStatus.Decided(on: event.on, outcome: outcome)
                switch stage {
                case .rg:
                    if rg != nil, !reconsideration {
                        throw RecordError("referral \(id) already has a reasonable-grounds decision (\(rgSource.source(in: files))); a referral gets one, unless a later one is a reconsideration (--reconsideration)")
                    }
                    // A reconsideration supersedes the earlier decision; both stay in the file.
                    rg = decided
                    rgSource = packed
                case .cg:
                    guard let rg else {
                        throw RecordError("conclusive-grounds decision before any reasonable-grounds decision for referral \(id)")
                    }
                    if rg.outcome == .negative {
                        throw RecordError("conclusive-grounds decision after a negative reasonable-grounds decision for referral \(id)")
                    }
                    if let earliest = timescales.cgTooSoon(event.on, after: rg) {
                        throw RecordError(NRMCaseFolder.cgTooSoonMessage(referral: id, rg: rg.on, earliest: earliest, days: timescales.cgEarliestDays ?? 0))
                    }
                    if cg != nil, !reconsideration {
                        throw RecordError("referral \(id) already has a conclusive-grounds decision (\(cgSource.source(in: files))); a later one must be a reconsideration (--reconsideration)")
                    }
                    cg = decided
                    cgSource = packed
                }
            }
        }
    }

    /// An event waiting to be applied: 24 bytes.
    struct Pending {
        let source: PackedSource
        /// Its place in the input (`CaseLog`'s count).
        let order: UInt32
        let caseNumber: UInt32
        let day: Int32
        let change: NRMEvent.Change
    }

    /// Current rules: the CG decision no sooner than 30 days after the RG (Modern Slavery Act 2015 s.50A;
    /// statutory guidance: "as soon as possible after at least 30 calendar days").
    public static func cgTooSoonMessage(referral id: RecordID, rg: CivilDate, earliest: CivilDate, days: Int) -> String {
        "conclusive-grounds decision for referral \(id) is dated before \(earliest), \(days) days after the reasonable-grounds "
            + "decision (\(rg)); under --rules current it comes no sooner (Modern Slavery Act 2015 s.50A; statutory guidance). "
            + "Check the date; if the decision was made under the sources' rules, use --rules sources"
    }

    /// The cases, numbered in the order their ids are first seen.
    var cases: [Case] = []
    /// Each id's case number.
    var numbers: [RecordID: UInt32] = [:]
    /// The ids of cases with no referral (their events are problems).
    var unreferred: [UInt32: RecordID] = [:]
    /// Case numbers of the referrals, in input order.
    var referralOrder: [UInt32] = []
    var pending: [Pending] = []
    /// The bytes of pending events' lines, by order: only with --rejects.
    var raws: [UInt32: [UInt8]] = [:]
    /// The names of the inputs, for `PackedSource`.
    var files: [String] = []
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

    /// The case an id names, new if need be; an event's case remembers its id
    /// until its referral comes.
    mutating func caseNumber(_ id: RecordID, forReferral: Bool) -> UInt32 {
        if let n = numbers[id] { return n }
        let n = UInt32(cases.count)
        cases.append(Case())
        if !forReferral { unreferred[n] = id }
        numbers[id] = n
        return n
    }

    mutating func pack(_ source: SourceLine) -> PackedSource {
        // Records come file by file: the last name is almost always the one.
        if let k = files.lastIndex(of: source.file) { return PackedSource(file: k, line: source.line) }
        files.append(source.file)
        return PackedSource(file: files.count - 1, line: source.line)
    }

    /// A case's id: its referral's, or the id its events name.
    func id(of number: UInt32) -> RecordID { cases[Int(number)].referral?.id ?? unreferred[number]! }

    /// A second referral with the same id is refused: changes are new records, not new referrals.
    /// Referrals head their cases, so each is kept whatever its date; `statuses` leaves out those received after the as-of.
    public mutating func add(_ referral: Referral, at source: SourceLine) throws {
        let n = caseNumber(referral.id, forReferral: true)
        if cases[Int(n)].referral != nil {
            throw RecordError("referral \(referral.id) appears twice (first at \(cases[Int(n)].referralSource.source(in: files))); record a change as a decision or withdrawal, never a second referral")
        }
        referralOrder.append(n)
        if !unreferred.isEmpty { unreferred[n] = nil }
        cases[Int(n)].referral = referral.facts
        cases[Int(n)].referralSource = pack(source)
    }

    public mutating func add(_ decision: NRMDecision, at source: SourceLine, raw: [UInt8]) {
        add(NRMEvent(decision), to: decision.referral, at: source, raw: raw)
    }

    public mutating func add(_ withdrawal: NRMWithdrawal, at source: SourceLine, raw: [UInt8]) {
        add(NRMEvent(withdrawal), to: withdrawal.referral, at: source, raw: raw)
    }

    mutating func add(_ event: NRMEvent, to referral: RecordID, at source: SourceLine, raw: [UInt8]) {
        guard let entry = log.entry(event, at: source, raw: []) else { return }
        // More than 4 billion events would need a case file of hundreds of gigabytes.
        let order = UInt32(entry.order)
        if !raw.isEmpty { raws[order] = raw }
        pending.append(Pending(source: pack(source), order: order, caseNumber: caseNumber(referral, forReferral: false),
                               day: Int32(truncatingIfNeeded: event.on.dayNumber), change: event.change))
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

    /// Applies each case's events in the one order: by case, then as
    /// `CaseEntry.precedes` orders them (date, then input order; every NRM
    /// event has the same kind rank). Returns the problems found, in line order.
    public mutating func resolve() -> [CaseProblem] {
        pending.sort { ($0.caseNumber, $0.day, $0.order) < ($1.caseNumber, $1.day, $1.order) }
        for p in pending {
            let source = p.source.source(in: files)
            let entry = CaseEntry(event: NRMEvent(change: p.change, on: CivilDate(dayNumber: Int(p.day))), source: source,
                                  raw: raws[p.order] ?? [], order: Int(p.order))
            let id = id(of: p.caseNumber)
            var c = cases[Int(p.caseNumber)]
            log.apply(entry) {
                try c.apply($0, id: id, at: p.source, files: files, known: { referralOrder.compactMap { cases[Int($0)].referral?.id } },
                            timescales: timescales)
            }
            cases[Int(p.caseNumber)] = c
        }
        pending = []
        raws = [:]
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
        referralOrder.compactMap { n in
            let c = cases[Int(n)]
            guard let r = c.referral, let rg = c.rg, let cg = c.cg, let ends = timescales.earlyCG(cg.on, after: rg) else { return nil }
            return EarlyCG(referral: r.id, source: c.cgSource.source(in: files), decided: cg.on, recoveryEnds: ends)
        }
    }

    /// The reasonable-grounds decision in force for a referral, if any. Call `resolve()` first.
    public func reasonableGrounds(of referral: RecordID) -> NRMStatus.Decided? {
        numbers[referral].flatMap { cases[Int($0)].rg }
    }

    /// One status per referral received by `asOf`, in input order. Call `resolve()` first.
    public func statuses(asOf: CivilDate, timescales: NRMTimescales) throws -> [NRMStatus] {
        try cases(asOf: asOf, timescales: timescales).map(\.status)
    }

    /// Each referral received by `asOf` with its status, in input order.
    public func cases(asOf: CivilDate, timescales: NRMTimescales) throws -> [(referral: ReferralFacts, status: NRMStatus)] {
        var all: [(referral: ReferralFacts, status: NRMStatus)] = []
        try forEachCase(asOf: asOf, timescales: timescales) { all.append(($0, $1)) }
        return all
    }

    /// The same, one at a time, so a report of millions of referrals is never
    /// held whole. A status date that cannot be written is exit 65, naming the
    /// referral's line. Call `resolve()` first.
    public func forEachCase(asOf: CivilDate, timescales: NRMTimescales, _ body: (ReferralFacts, NRMStatus) throws -> Void) throws {
        for n in referralOrder {
            let c = cases[Int(n)]
            guard let r = c.referral, r.received <= asOf else { continue }
            let status: NRMStatus
            do {
                status = try NRMStatus(referral: r, rg: c.rg, cg: c.cg, withdrawn: c.withdrawn, asOf: asOf, timescales: timescales)
            } catch let e as RecordError {
                throw CommandFailure("\(c.referralSource.source(in: files)): referral \(r.id): \(e.description)", exitCode: .dataError)
            }
            try body(r, status)
        }
    }
}
