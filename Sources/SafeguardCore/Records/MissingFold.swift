/// The numbers the missing-from-care rules use. Defaults from the sources and
/// from statutory guidance; each can be set by a flag.
public struct MissingRules: Equatable, Sendable {
    /// Episodes are counted over this many days before the report time.
    public var windowDays = 90
    /// This many episodes in the window make a repeat pattern (a multi-agency review).
    public var repeatThreshold = 3
    /// The return interview is due this many hours after the child returns.
    public var interviewHours = 72
    /// The first days of a placement are the high-risk window (SOLACE L399: most go missing within 72 hours to one week).
    public var highRiskDays = 7
    public init() {}
}

/// One missing episode, start to return (nil while open).
public struct MissingEpisode: Equatable, Sendable {
    public let child: RecordID
    public let start: DateTime
    public let end: DateTime?
    public let type: MissingType
    public let from: String?
    public let startSource: SourceLine
}

/// A missing-from-care event.
public enum MissingEvent: CaseEvent, Sendable {
    case placement(Placement)
    case start(MissingStart)
    case returned(MissingReturn)
    case interview(ReturnInterview)

    public var child: RecordID {
        switch self {
        case .placement(let p): return p.child
        case .start(let s): return s.child
        case .returned(let r): return r.child
        case .interview(let i): return i.child
        }
    }

    /// When it happened; a placement counts from the start of its first day.
    public var instant: DateTime {
        switch self {
        case .placement(let p): return DateTime(startOf: p.start)
        case .start(let s): return s.lastSeen
        case .returned(let r): return r.returned
        case .interview(let i): return i.at
        }
    }

    /// At the same instant: a placement, then a start, then its return, then the interview.
    public var kindRank: Int {
        switch self {
        case .placement: return 0
        case .start: return 1
        case .returned: return 2
        case .interview: return 3
        }
    }

    var isStart: Bool { if case .start = self { return true }; return false }
}

/// Folds each child's events in the one order (`CaseEntry.precedes`) into where
/// they stand at a report time. Memory grows with the number of children, not
/// of events: each child holds at most `bufferLimit` events waiting to be put
/// in order; beyond that the oldest are folded into a small state. An event
/// that goes before what was already folded cannot be placed, and is reported.
/// Events after the report time are neither held nor reported.
public final class MissingFolder: CaseChecking {
    /// What a child's events add up to so far.
    struct State {
        var placement: Placement?
        var open: (start: MissingStart, source: SourceLine)?
        var lastReturn: DateTime?
        var interview: InterviewStatus?
        var episodesInWindow = 0
        var seenStart = false
    }

    struct Child {
        var events = CaseTimeline<MissingEvent>()
        var state = State()
    }

    public let asOf: DateTime
    public let rules: MissingRules
    let windowStart: DateTime
    let bufferLimit: Int
    let keepEpisodes: Bool
    var order: [RecordID] = []
    var children: [RecordID: Child] = [:]
    var log: CaseLog<MissingEvent>
    /// The problems found, in line order.
    public var problems: [CaseProblem] { log.problems }
    /// Every episode, when asked for (the SSDA903 table needs them all).
    public private(set) var episodes: [MissingEpisode] = []
    /// Per placement, for episodes that started in the window.
    var byPlacement: [String: PlacementSummary] = [:]
    /// One summary per placement, by name (after `finish()`).
    public var placementSummaries: [PlacementSummary] { byPlacement.values.sorted { $0.placement < $1.placement } }
    /// The statuses, once `finish()` has applied everything.
    var finished: [MissingStatus]?

    public static let defaultBufferLimit = 16
    public static let kinds: Set<String> = [Placement.kind, MissingStart.kind, MissingReturn.kind, ReturnInterview.kind]
    public static func caseID(of record: JSONObject) -> String? { record["child"]?.stringValue }

    public static func checking() -> MissingFolder {
        MissingFolder(asOf: DateTime(seconds: Int64.max / 2), bufferLimit: Int.max)
    }

    public init(asOf: DateTime, rules: MissingRules = MissingRules(), keepEpisodes: Bool = false,
                bufferLimit: Int = MissingFolder.defaultBufferLimit) {
        self.asOf = asOf
        log = CaseLog(asOf: asOf)
        self.rules = rules
        self.keepEpisodes = keepEpisodes
        self.bufferLimit = bufferLimit
        windowStart = asOf.adding(hours: -24 * rules.windowDays)
    }

    public func add(_ event: MissingEvent, at source: SourceLine, raw: [UInt8]) {
        guard let entry = log.entry(event, at: source, raw: raw) else { return }
        let id = event.child
        if children[id] == nil { order.append(id); children[id] = Child() }
        var child = children.removeValue(forKey: id)!   // edit without a copy
        if child.events.insert(entry) {
            if child.events.waiting.count > bufferLimit { fold(&child, keeping: bufferLimit / 2) }
        } else {
            let folded = child.events.lastApplied!.event.instant
            log.report("dated \(event.instant), before this child's events already folded (up to \(folded)): the input is more out of order than --max-reorder allows; sort it by time or raise --max-reorder", on: entry)
        }
        children[id] = child
    }

    public func take(_ r: InputRecord, at source: SourceLine, raw: [UInt8]) throws -> Bool {
        switch r.kind {
        case Placement.kind: add(.placement(try Placement(r.object)), at: source, raw: raw)
        case MissingStart.kind: add(.start(try MissingStart(r.object)), at: source, raw: raw)
        case MissingReturn.kind: add(.returned(try MissingReturn(r.object)), at: source, raw: raw)
        case ReturnInterview.kind: add(.interview(try ReturnInterview(r.object)), at: source, raw: raw)
        default: return false
        }
        return true
    }

    /// Applies the oldest waiting events, keeping the newest `keeping`.
    func fold(_ child: inout Child, keeping: Int) {
        let taken = child.events.takeOldest(keeping: keeping)
        // For a return with no open episode: is a start still to come? Found once, not per event.
        let startWaiting = child.events.waiting.contains { $0.event.isStart }
        let lastStart = taken.lastIndex { $0.event.isStart }
        for (k, entry) in taken.enumerated() {
            let startLater = startWaiting || lastStart.map { $0 > k } ?? false
            log.apply(entry) { try apply($0, to: &child.state, startLater: startLater) }
        }
    }

    func apply(_ entry: CaseEntry<MissingEvent>, to s: inout State, startLater: Bool) throws {
        switch entry.event {
        case .placement(let p):
            // In time order, so the latest placement is the current one.
            s.placement = p
        case .start(let start):
            if let (open, at) = s.open {
                throw RecordError("child \(start.child) is already missing since \(open.lastSeen) (\(at)): episodes cannot overlap; record the return first")
            }
            s.open = (start, entry.source)
            s.seenStart = true
            if start.lastSeen >= windowStart { s.episodesInWindow += 1 }
        case .returned(let r):
            guard let (open, at) = s.open else {
                if startLater {
                    throw RecordError("the return at \(r.returned) is before the start of its episode: an episode cannot end before it starts")
                } else if !s.seenStart && s.placement == nil {
                    throw RecordError("child \(r.child) is not known: there is no placement or missing-start for them\(Nearest.didYouMean(r.child, among: order))")
                }
                throw RecordError("child \(r.child) has no open episode to return from at \(r.returned)")
            }
            close(open, at: at, end: r.returned, child: r.child, placement: s.placement?.placement)
            s.open = nil
            s.lastReturn = r.returned
            s.interview = nil
        case .interview(let i):
            guard s.lastReturn != nil else {
                throw RecordError("a return interview for child \(i.child) with no return before it")
            }
            if s.interview?.settles != true { s.interview = i.status }
        }
    }

    /// Records a finished (or, at the end, still open) episode. Without a `from`,
    /// the episode counts for the child's placement at the time.
    func close(_ start: MissingStart, at source: SourceLine, end: DateTime?, child: RecordID, placement: String?) {
        if keepEpisodes {
            episodes.append(MissingEpisode(child: child, start: start.lastSeen, end: end, type: start.type, from: start.from, startSource: source))
        }
        guard start.lastSeen >= windowStart else { return }
        let key = start.from ?? placement ?? "(not recorded)"
        byPlacement[key, default: PlacementSummary(placement: key, asOf: asOf, windowDays: rules.windowDays)]
            .add(child: child, hours: start.lastSeen.hours(to: min(end ?? asOf, asOf)))
    }

    /// Each child's date of birth, from their latest placement (after `finish()`).
    public private(set) var datesOfBirth: [RecordID: CivilDate] = [:]

    /// Applies everything still waiting; returns the problems found, in line order.
    public func resolve() -> [CaseProblem] {
        _ = finish()
        return problems
    }

    /// Applies everything still waiting and returns each child's status, in the order children were first seen.
    public func finish() -> [MissingStatus] {
        if let finished { return finished }
        var statuses: [MissingStatus] = []
        for id in order {
            var child = children[id]!
            fold(&child, keeping: 0)
            if let (open, at) = child.state.open { close(open, at: at, end: nil, child: id, placement: child.state.placement?.placement) }
            let s = child.state
            children[id] = child
            if let p = s.placement { datesOfBirth[id] = p.dob }
            guard s.seenStart || s.placement != nil else { continue }
            statuses.append(MissingStatus(child: id, state: s, asOf: asOf, rules: rules))
        }
        finished = statuses
        return statuses
    }
}
