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

/// Where a line is for `--rejects`, in 16 bytes: its input's place and offset
/// packed in one word, and its length.
struct PackedPlace {
    let bits: UInt64
    let length: UInt32
    static let offsetBits: UInt64 = 48
    /// An event whose bytes are kept instead (its input cannot be read again).
    static let none = PackedPlace(bits: .max, length: 0)

    init(bits: UInt64, length: UInt32) { self.bits = bits; self.length = length }

    init(_ place: LinePlace) {
        precondition(place.input < 0xFFFF && place.offset >= 0 && UInt64(place.offset) < 1 << PackedPlace.offsetBits
                     && place.length <= Int(UInt32.max), "a line place the fold cannot hold")
        bits = UInt64(place.input) << PackedPlace.offsetBits | UInt64(place.offset)
        length = UInt32(place.length)
    }

    var place: LinePlace? {
        bits == .max ? nil : LinePlace(input: Int(bits >> PackedPlace.offsetBits), offset: Int(bits & (1 << PackedPlace.offsetBits - 1)), length: Int(length))
    }
}

/// Folds referrals, decisions and withdrawals into cases. Rules broken by an
/// event (a decision for an unknown referral, a CG before an RG, a second RG...)
/// are problems on the event's line, and the event is left out.
///
/// Memory is a compact fact per referral and per event, never a record or its
/// line (issue 17: flat memory): the cases in one chunked array, numbered in
/// the order first named, found by id through a table of case numbers; the
/// events in another, applied case by case in the one order
/// (`CaseEntry.precedes`) when the input has been read. For `--rejects` an
/// event keeps where its line is, and the bytes are read again if it is
/// rejected; only a line from an input that cannot be read again keeps its bytes.
public struct NRMCaseFolder: CaseChecking {
    /// The kinds nrm-referral owns.
    public static let kinds: Set<String> = [Referral.kind, DutyToNotify.kind, NRMDecision.kind, NRMWithdrawal.kind, NRMStatus.kind]

    public static var keepsLinesByPlace: Bool { true }

    /// What a case keeps (96 bytes): its id, its referral's facts packed
    /// (codes as bytes, dates as day numbers, the exploitation list and the
    /// nationality as numbers in the folder's tables), and the decisions in
    /// force once its events are applied, with the lines they came from. An id
    /// of up to 15 bytes (every generated one) is held in its `String`, with no
    /// allocation of its own.
    struct Case {
        /// Its referral's id, or the id its events name until the referral comes.
        let id: RecordID
        /// The referral's facts; `subject` is nil until the referral comes.
        var subject: RecordID?
        var referralSource = PackedSource.none
        var rgSource = PackedSource.none
        var cgSource = PackedSource.none
        var withdrawnSource = PackedSource.none
        var receivedDay: Int32 = 0
        var rgDay: Int32 = 0, cgDay: Int32 = 0, withdrawnDay: Int32 = 0
        /// Its place in `exploitationLists`.
        var exploitation: UInt32 = 0
        /// Its place in `countries` plus one; 0: none given.
        var nationality: UInt16 = 0
        var treatedAs: AgeGroup?, sex: Sex?, firstResponder: FirstResponder?
        var countyLines = false
        var rgOutcome: DecisionOutcome?, cgOutcome: DecisionOutcome?
        var isWithdrawn = false

        init(id: RecordID) { self.id = id }

        var hasReferral: Bool { subject != nil }
        var received: CivilDate? { hasReferral ? CivilDate(dayNumber: Int(receivedDay)) : nil }

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

        mutating func apply(_ entry: CaseEntry<NRMEvent>, at packed: PackedSource, files: [String],
                            known: () -> [RecordID], timescales: NRMTimescales) throws {
            let event = entry.event
            guard let received else {
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

    /// An event waiting to be applied: 24 bytes. Its place in the input
    /// (`CaseLog`'s count) is its place in `pending` plus `firstOrder`.
    struct Pending {
        let source: PackedSource
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
    var cases = ChunkedArray<Case>()
    /// Each id's case number, by open addressing on the id's hash (`UInt32.max`:
    /// empty), at most half full. The ids are the cases': a `Dictionary` would
    /// hold each again.
    var slots = [UInt32](repeating: .max, count: 16)
    /// Case numbers of the referrals, in input order.
    var referralOrder = ChunkedArray<UInt32>()
    var pending = ChunkedArray<Pending>()
    /// The order of `pending`'s first event: those applied already came before.
    var firstOrder = 1
    /// With --rejects, where each pending event's line is (by its place in `pending`).
    var places = ChunkedArray<PackedPlace>()
    /// The bytes of pending events' lines that cannot be read again, by order: only with --rejects.
    var raws: [UInt32: [UInt8]] = [:]
    /// The exploitation lists and nationalities the referrals give, each once.
    var exploitationLists: [[ExploitationType]] = []
    var exploitationNumbers: [[ExploitationType]: UInt32] = [:]
    var countries: [Country] = []
    var countryNumbers: [Country: UInt16] = [:]
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

    /// The slot that holds `id`'s case number, or the empty one where it would go.
    func slot(of id: RecordID) -> Int {
        let mask = slots.count - 1
        var k = id.hashValue & mask
        while slots[k] != .max, cases[Int(slots[k])].id != id { k = (k + 1) & mask }
        return k
    }

    /// The case an id names, if any.
    func number(of id: RecordID) -> UInt32? {
        let n = slots[slot(of: id)]
        return n == .max ? nil : n
    }

    /// The case an id names, new if need be.
    mutating func caseNumber(_ id: RecordID) -> UInt32 {
        let k = slot(of: id)
        if slots[k] != .max { return slots[k] }
        // More than 4 billion cases would need a case file of terabytes.
        precondition(cases.count < Int(UInt32.max), "more cases than the fold can number")
        let n = UInt32(cases.count)
        cases.append(Case(id: id))
        if cases.count * 2 > slots.count {
            // Twice the slots, each case placed again; the old table goes.
            slots = [UInt32](repeating: .max, count: slots.count * 2)
            for m in cases.indices { slots[slot(of: cases[m].id)] = UInt32(m) }
        } else {
            slots[k] = n
        }
        return n
    }

    mutating func pack(_ source: SourceLine) -> PackedSource {
        // Records come file by file: the last name is almost always the one.
        if let k = files.lastIndex(of: source.file) { return PackedSource(file: k, line: source.line) }
        files.append(source.file)
        return PackedSource(file: files.count - 1, line: source.line)
    }

    /// A case's referral, as the fold keeps it.
    func facts(of c: Case) -> ReferralFacts? {
        guard let subject = c.subject, let received = c.received, let treatedAs = c.treatedAs, let sex = c.sex,
              let firstResponder = c.firstResponder else { return nil }
        return ReferralFacts(id: c.id, subject: subject, received: received, treatedAs: treatedAs,
                             exploitation: exploitationLists[Int(c.exploitation)], countyLines: c.countyLines, sex: sex,
                             nationality: c.nationality == 0 ? nil : countries[Int(c.nationality) - 1], firstResponder: firstResponder)
    }

    /// A second referral with the same id is refused: changes are new records, not new referrals.
    /// Referrals head their cases, so each is kept whatever its date; `statuses` leaves out those received after the as-of.
    public mutating func add(_ referral: Referral, at source: SourceLine) throws {
        let n = Int(caseNumber(referral.id))
        if cases[n].hasReferral {
            throw RecordError("referral \(referral.id) appears twice (first at \(cases[n].referralSource.source(in: files))); record a change as a decision or withdrawal, never a second referral")
        }
        referralOrder.append(UInt32(n))
        let exploitation = exploitationNumbers[referral.exploitation] ?? {
            exploitationLists.append(referral.exploitation)
            exploitationNumbers[referral.exploitation] = UInt32(exploitationLists.count - 1)
            return UInt32(exploitationLists.count - 1)
        }()
        let nationality = referral.subject.nationality.map { country in
            countryNumbers[country] ?? {
                countries.append(country)
                countryNumbers[country] = UInt16(countries.count)
                return UInt16(countries.count)
            }()
        } ?? 0
        var c = cases[n]
        c.subject = referral.subject.id
        c.referralSource = pack(source)
        c.receivedDay = Int32(truncatingIfNeeded: referral.received.dayNumber)
        c.exploitation = exploitation
        c.nationality = nationality
        c.treatedAs = referral.treatedAs
        c.sex = referral.subject.sex
        c.firstResponder = referral.firstResponder
        c.countyLines = referral.countyLines
        cases[n] = c
    }

    public mutating func add(_ decision: NRMDecision, at source: SourceLine, raw: [UInt8]) {
        add(NRMEvent(decision), to: decision.referral, at: source, raw: raw, place: nil)
    }

    public mutating func add(_ withdrawal: NRMWithdrawal, at source: SourceLine, raw: [UInt8]) {
        add(NRMEvent(withdrawal), to: withdrawal.referral, at: source, raw: raw, place: nil)
    }

    /// Keeps the line by `place` when given, else its bytes when not empty (--rejects).
    mutating func add(_ event: NRMEvent, to referral: RecordID, at source: SourceLine, raw: [UInt8], place: LinePlace?) {
        guard let entry = log.entry(event, at: source, raw: []) else { return }
        assert(entry.order == firstOrder + pending.count, "every entry is pending")
        // More than 4 billion events would need a case file of hundreds of gigabytes.
        let order = UInt32(entry.order)
        if let place {
            // With --rejects every event from an input that can be read again has one; the others have none.
            while places.count < pending.count { places.append(.none) }
            places.append(PackedPlace(place))
        } else if !raw.isEmpty {
            raws[order] = raw
        }
        pending.append(Pending(source: pack(source), caseNumber: caseNumber(referral), day: Int32(truncatingIfNeeded: event.on.dayNumber),
                               change: event.change))
    }

    /// Each record checked by its own reader. Duty-to-notify and earlier status
    /// records are checked, not folded, and passed on.
    public mutating func take(_ r: InputRecord, at source: SourceLine, raw: [UInt8]) throws -> Bool {
        switch r.kind {
        case Referral.kind: try add(Referral(r.object), at: source)
        case NRMDecision.kind: let d = try NRMDecision(r.object); add(NRMEvent(d), to: d.referral, at: source, raw: raw, place: r.place)
        case NRMWithdrawal.kind: let w = try NRMWithdrawal(r.object); add(NRMEvent(w), to: w.referral, at: source, raw: raw, place: r.place)
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
        // Each case's events, linked in input order (4 bytes a case and an event, not a sorted copy).
        var first = [UInt32](repeating: .max, count: cases.count)
        var next = [UInt32](repeating: .max, count: pending.count)
        for k in stride(from: pending.count - 1, through: 0, by: -1) {
            let n = Int(pending[k].caseNumber)
            next[k] = first[n]
            first[n] = UInt32(k)
        }
        var events: [(day: Int32, k: UInt32)] = []
        for n in first.indices where first[n] != .max {
            events.removeAll(keepingCapacity: true)
            var k = first[n]
            while k != .max { events.append((pending[Int(k)].day, k)); k = next[Int(k)] }
            events.sort { ($0.day, $0.k) < ($1.day, $1.k) }
            var c = cases[n]
            for (day, k) in events {
                let p = pending[Int(k)]
                let order = firstOrder + Int(k)
                let entry = CaseEntry(event: NRMEvent(change: p.change, on: CivilDate(dayNumber: Int(day))), source: p.source.source(in: files),
                                      raw: raws[UInt32(order)] ?? [], order: order)
                log.apply(entry, place: Int(k) < places.count ? places[Int(k)].place : nil) {
                    try c.apply($0, at: p.source, files: files, known: { referralOrder.map { cases[Int($0)].id } },
                                timescales: timescales)
                }
            }
            cases[n] = c
        }
        firstOrder += pending.count
        pending.removeAll()
        places.removeAll()
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
            guard let rg = c.rg, let cg = c.cg, let ends = timescales.earlyCG(cg.on, after: rg) else { return nil }
            return EarlyCG(referral: c.id, source: c.cgSource.source(in: files), decided: cg.on, recoveryEnds: ends)
        }
    }

    /// The reasonable-grounds decision in force for a referral, if any. Call `resolve()` first.
    public func reasonableGrounds(of referral: RecordID) -> NRMStatus.Decided? {
        number(of: referral).flatMap { cases[Int($0)].rg }
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
            guard let received = c.received, received <= asOf, let r = facts(of: c) else { continue }
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
