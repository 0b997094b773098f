/// The one skeleton every fold shares (DESIGN: "a fold is one skeleton with one
/// problem type"). `CaseFile.fold` reads a case file into a `CaseFolder`; the
/// folder turns each record it owns into a `CaseEntry` through its `CaseLog`
/// (which applies the as-of rule), keeps it in its case's `CaseTimeline` (which
/// keeps the one order), and applies it; a case rule an entry breaks is a
/// `CaseProblem` on that entry's line.

/// Where a record came from, for messages.
public struct SourceLine: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// A case rule broken by one record, found when its case is folded: reported
/// against the record's line, with the record's bytes for `--rejects`.
public struct CaseProblem: Sendable {
    public let source: SourceLine
    /// The exact line; empty unless `--rejects` keeps lines, or when they are kept by `place`.
    public let raw: [UInt8]
    public let message: String
    /// Place in the input, so problems are reported in line order.
    let order: Int
    /// Where the line is, when the fold kept that rather than its bytes (`CaseFolder.keepsLinesByPlace`).
    public var place: LinePlace? = nil
}

/// A record that a fold applies to a case.
public protocol CaseEvent {
    associatedtype Instant: Comparable
    /// When it happened.
    var instant: Instant { get }
    /// Where its kind goes among events at the same instant, lowest first: a
    /// referral before its decisions, a placement or start before its return, a
    /// return before its interview.
    var kindRank: Int { get }
}

/// An event as read: where it came from, its bytes and its place in the input.
public struct CaseEntry<Event: CaseEvent> {
    public let event: Event
    public let source: SourceLine
    public let raw: [UInt8]
    let order: Int

    /// The one order every fold applies events in: by time, then by kind, then
    /// in input order. Input need not be sorted.
    public func precedes(_ other: CaseEntry) -> Bool {
        (event.instant, event.kindRank, order) < (other.event.instant, other.event.kindRank, other.order)
    }
}

/// What every fold keeps besides its cases: the as-of, how many events were
/// read, and the problems found.
public struct CaseLog<Event: CaseEvent> {
    /// Nil: every event counts (validation).
    public let asOf: Event.Instant?
    private var count = 0
    private var found: [CaseProblem] = []

    public init(asOf: Event.Instant?) { self.asOf = asOf }

    /// The event to fold, or nil when it happened after the as-of. Such an event
    /// is neither applied nor reported, so a past report comes out as it did
    /// then (DESIGN: --as-of makes every report reproducible).
    public mutating func entry(_ event: Event, at source: SourceLine, raw: [UInt8]) -> CaseEntry<Event>? {
        if let asOf, event.instant > asOf { return nil }
        count += 1
        return CaseEntry(event: event, source: source, raw: raw, order: count)
    }

    public mutating func report(_ message: String, on entry: CaseEntry<Event>, place: LinePlace? = nil) {
        found.append(CaseProblem(source: entry.source, raw: entry.raw, message: message, order: entry.order, place: place))
    }

    /// Applies one entry; a `RecordError` thrown by `body` is a problem on the
    /// entry's line (kept by `place` when given), and the entry is left out.
    public mutating func apply(_ entry: CaseEntry<Event>, place: LinePlace? = nil, _ body: (CaseEntry<Event>) throws -> Void) {
        do {
            try body(entry)
        } catch let e as RecordError {
            report(e.description, on: entry, place: place)
        } catch {
            report("\(error)", on: entry, place: place)
        }
    }

    /// The problems found so far, in input order.
    public var problems: [CaseProblem] { found.sorted { $0.order < $1.order } }
}

/// One case's events waiting to be applied, kept in the one order. Input is
/// usually nearly sorted, so an event is put in place from the back.
public struct CaseTimeline<Event: CaseEvent> {
    public private(set) var waiting: [CaseEntry<Event>] = []
    /// The last event applied: one that goes before it came too late to place.
    public private(set) var lastApplied: CaseEntry<Event>?

    public init() {}

    /// Puts `entry` in order; false when it goes before an event already applied.
    public mutating func insert(_ entry: CaseEntry<Event>) -> Bool {
        if let lastApplied, entry.precedes(lastApplied) { return false }
        var k = waiting.count
        while k > 0, entry.precedes(waiting[k - 1]) { k -= 1 }
        waiting.insert(entry, at: k)
        return true
    }

    /// Takes the oldest waiting events to apply, leaving the newest `keeping`.
    public mutating func takeOldest(keeping: Int = 0) -> [CaseEntry<Event>] {
        let n = max(0, waiting.count - keeping)
        guard n > 0 else { return [] }
        let taken = Array(waiting[..<n])
        waiting.removeFirst(n)
        lastApplied = taken.last
        return taken
    }
}

/// A fold that reads its records from a case file.
public protocol CaseFolder {
    /// Takes one record as read. Returns true when it is folded; false passes
    /// it on (after checking it, when it is a kind the fold knows). Throws
    /// `RecordError` for a record that breaks its own rules.
    mutating func take(_ record: InputRecord, at source: SourceLine, raw: [UInt8]) throws -> Bool
    /// Applies what is still waiting; returns the problems found, in input order.
    mutating func resolve() -> [CaseProblem]
    /// Whether, for `--rejects`, it keeps where an event's line is
    /// (`InputRecord.place`) rather than its bytes, when the input can be read
    /// again; the bytes are read back when the event is rejected.
    static var keepsLinesByPlace: Bool { get }
}

extension CaseFolder {
    public static var keepsLinesByPlace: Bool { false }
}

/// The one case-file reader every fold uses.
public enum CaseFile {
    /// Reads every input into `folder`, then resolves it. Bad lines, and events
    /// that break a case rule, are reported through `diagnostics` (and kept in
    /// `--rejects`); records the folder does not fold go to `other`.
    public static func fold<Folder: CaseFolder>(_ inputs: inout [OpenedInput], into folder: inout Folder, diagnostics: Diagnostics,
                                                voids: VoidHandling = .honour, other: (InputRecord) throws -> Void) throws {
        // Event lines are kept for --rejects only: otherwise a case file's events
        // need not hold their bytes; nor, where the folder keeps places, the lines of an input that can be read again.
        let keepRaw = diagnostics.keepsRejects
        try forEachRecord(in: &inputs, diagnostics: diagnostics, voids: voids, places: keepRaw && Folder.keepsLinesByPlace) { r in
            let folded = try folder.take(r, at: SourceLine(file: r.file, line: r.line), raw: keepRaw && r.place == nil ? Array(r.raw) : [])
            if !folded { try other(r) }
        }
        for p in folder.resolve() {
            let raw = try p.place.map { try inputs[$0.input].bytes(at: $0.offset, count: $0.length) } ?? p.raw
            try diagnostics.reject(p.source.file, p.source.line, p.message, raw: raw)
        }
    }

    /// The same over input files not yet open.
    public static func fold<Folder: CaseFolder>(_ inputs: InputFiles, into folder: inout Folder, diagnostics: Diagnostics,
                                                voids: VoidHandling = .honour, other: (InputRecord) throws -> Void) throws {
        var opened = try inputs.open()
        defer { opened.forEach { $0.close() } }
        try fold(&opened, into: &folder, diagnostics: diagnostics, voids: voids, other: other)
    }
}
