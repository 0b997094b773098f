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

/// A missing-from-care event with where it came from.
public enum MissingEvent: Sendable {
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
    public var time: DateTime {
        switch self {
        case .placement(let p): return DateTime(startOf: p.start)
        case .start(let s): return s.lastSeen
        case .returned(let r): return r.returned
        case .interview(let i): return i.at
        }
    }
}

/// Folds each child's events in time order (not line order) into where they
/// stand at a report time. Memory grows with the number of children, not of
/// events: each child holds at most `bufferLimit` events waiting to be put in
/// time order; beyond that the oldest are folded into a small state. An event
/// older than what was already folded cannot be placed, and is reported.
/// Events after the report time do not count and are not held.
public final class MissingFolder {
    public struct Problem {
        public let source: SourceLine
        public let message: String
        public let raw: [UInt8]
    }

    struct Pending {
        let event: MissingEvent
        let source: SourceLine
        let raw: [UInt8]
        let order: Int
    }

    /// What a child's events add up to so far.
    struct State {
        var placement: Placement?
        var open: (start: MissingStart, source: SourceLine)?
        var lastReturn: DateTime?
        var interview: InterviewStatus?
        var episodesInWindow = 0
        var seenStart = false
        var foldedUntil: DateTime?
    }

    struct Child {
        var pending: [Pending] = []
        var state = State()
    }

    public let asOf: DateTime
    public let rules: MissingRules
    let windowStart: DateTime
    let bufferLimit: Int
    let keepEpisodes: Bool
    var order: [RecordID] = []
    var children: [RecordID: Child] = [:]
    var counter = 0
    public private(set) var problems: [Problem] = []
    /// Every episode, when asked for (the SSDA903 table needs them all).
    public private(set) var episodes: [MissingEpisode] = []
    /// Per placement: episodes, children, and hours missing, for episodes that started in the window.
    public private(set) var byPlacement: [String: (episodes: Int, children: Set<RecordID>, hours: Int)] = [:]

    public static let defaultBufferLimit = 16

    public init(asOf: DateTime, rules: MissingRules = MissingRules(), keepEpisodes: Bool = false,
                bufferLimit: Int = MissingFolder.defaultBufferLimit) {
        self.asOf = asOf
        self.rules = rules
        self.keepEpisodes = keepEpisodes
        self.bufferLimit = bufferLimit
        windowStart = asOf.adding(hours: -24 * rules.windowDays)
    }

    public func add(_ event: MissingEvent, at source: SourceLine, raw: [UInt8]) {
        guard event.time <= asOf else { return }
        let id = event.child
        if children[id] == nil { order.append(id); children[id] = Child() }
        counter += 1
        var child = children[id]!
        children[id] = nil   // edit without a copy
        if let folded = child.state.foldedUntil, event.time < folded {
            problems.append(Problem(source: source, message: "dated \(event.time), before this child's events already folded (up to \(folded)): the input is more out of order than --max-reorder allows; sort it by time or raise --max-reorder", raw: raw))
        } else {
            // Keep the buffer in time order; input is usually nearly sorted, so insert from the back.
            let item = Pending(event: event, source: source, raw: raw, order: counter)
            var k = child.pending.count
            while k > 0, child.pending[k - 1].event.time > event.time { k -= 1 }
            child.pending.insert(item, at: k)
            if child.pending.count > bufferLimit { fold(&child, keeping: bufferLimit / 2) }
        }
        children[id] = child
    }

    /// Applies the oldest waiting events, keeping the newest `keeping`.
    func fold(_ child: inout Child, keeping: Int) {
        let n = child.pending.count - keeping
        guard n > 0 else { return }
        for item in child.pending[..<n] { apply(item, to: &child.state, rest: child.pending[n...]) }
        child.state.foldedUntil = child.pending[n - 1].event.time
        child.pending.removeFirst(n)
    }

    func apply(_ item: Pending, to s: inout State, rest: ArraySlice<Pending>) {
        guard item.event.time <= asOf else { return }
        func problem(_ m: String) { problems.append(Problem(source: item.source, message: m, raw: item.raw)) }
        switch item.event {
        case .placement(let p):
            if s.placement == nil || p.start >= s.placement!.start { s.placement = p }
        case .start(let start):
            if let (open, at) = s.open {
                problem("child \(start.child) is already missing since \(open.lastSeen) (\(at)): episodes cannot overlap; record the return first")
                return
            }
            s.open = (start, item.source)
            s.seenStart = true
            if start.lastSeen >= windowStart { s.episodesInWindow += 1 }
        case .returned(let r):
            guard let (open, at) = s.open else {
                if rest.contains(where: { if case .start = $0.event { return true }; return false }) {
                    problem("the return at \(r.returned) is before the start of its episode: an episode cannot end before it starts")
                } else if !s.seenStart && s.placement == nil {
                    problem("child \(r.child) is not known: there is no placement or missing-start for them")
                } else {
                    problem("child \(r.child) has no open episode to return from at \(r.returned)")
                }
                return
            }
            close(open, at: at, end: r.returned, child: r.child, placement: s.placement?.placement)
            s.open = nil
            s.lastReturn = r.returned
            s.interview = nil
        case .interview(let i):
            guard s.lastReturn != nil else {
                problem("a return interview for child \(i.child) with no return before it")
                return
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
        var entry = byPlacement[key] ?? (0, [], 0)
        entry.episodes += 1
        entry.children.insert(child)
        entry.hours += start.lastSeen.hours(to: min(end ?? asOf, asOf))
        byPlacement[key] = entry
    }

    /// Each child's date of birth, from their latest placement (after `finish()`).
    public private(set) var datesOfBirth: [RecordID: CivilDate] = [:]

    /// Applies everything still waiting and returns each child's status, in the order children were first seen.
    public func finish() -> [MissingStatus] {
        var statuses: [MissingStatus] = []
        for id in order {
            var child = children[id]!
            for (k, item) in child.pending.enumerated() { apply(item, to: &child.state, rest: child.pending[(k + 1)...]) }
            child.pending.removeAll()
            if let (open, at) = child.state.open { close(open, at: at, end: nil, child: id, placement: child.state.placement?.placement) }
            let s = child.state
            if let p = s.placement { datesOfBirth[id] = p.dob }
            guard s.seenStart || s.placement != nil else { continue }
            statuses.append(MissingStatus(child: id, state: s, asOf: asOf, rules: rules))
        }
        problems.sort { ($0.source.file, $0.source.line) < ($1.source.file, $1.source.line) }
        return statuses
    }
}

/// Where one child stands at the report time.
public struct MissingStatus: Equatable, Sendable {
    public let child: RecordID
    public let asOf: DateTime
    public let missingNow: Bool
    public let type: MissingType?
    public let since: DateTime?
    public let hoursMissing: Int?
    public let policeNotNotified: Bool
    public let episodesInWindow: Int
    public let windowDays: Int
    public let isRepeat: Bool
    public let lastReturned: DateTime?
    public let interview: InterviewStatus?
    public let interviewDue: DateTime?
    public let interviewOutstanding: Bool
    public let interviewOverdue: Bool
    public let traffickingConcern: Bool
    public let placement: String?
    public let placementStart: CivilDate?
    public let highRiskWindow: Bool
    public let notify: [AgencyToNotify]

    init(child: RecordID, state s: MissingFolder.State, asOf: DateTime, rules: MissingRules) {
        self.child = child
        self.asOf = asOf
        let open = s.open?.start
        missingNow = open != nil
        type = open?.type
        since = open?.lastSeen
        hoursMissing = open.map { $0.lastSeen.hours(to: asOf) }
        // A child whose whereabouts are unknown must be reported to the police; "away" children's whereabouts are known.
        policeNotNotified = open.map { $0.type == .missing && ($0.reportedToPolice.map { $0 > asOf } ?? true) } ?? false
        episodesInWindow = s.episodesInWindow
        windowDays = rules.windowDays
        isRepeat = s.episodesInWindow >= rules.repeatThreshold
        lastReturned = s.lastReturn
        interview = s.lastReturn == nil ? nil : s.interview
        interviewDue = s.lastReturn?.adding(hours: rules.interviewHours)
        interviewOutstanding = s.lastReturn != nil && s.interview?.settles != true
        interviewOverdue = interviewOutstanding && interviewDue.map { asOf > $0 } ?? false
        traffickingConcern = s.placement?.traffickingConcern ?? false
        placement = s.placement?.placement
        placementStart = s.placement?.start
        let today = asOf.localDate
        highRiskWindow = traffickingConcern && placementStart.map { today >= $0 && today < $0.adding(days: rules.highRiskDays) } ?? false
        var notify: [AgencyToNotify] = []
        if traffickingConcern, let open {
            notify = [.police, .homeOffice]
            if open.mayHaveBeenMoved { notify.append(.missingPeople) }
        }
        self.notify = notify
    }

    /// Something a person must act on tonight.
    public var actionNeeded: Bool { missingNow || interviewOverdue || policeNotNotified }

    public var json: JSONValue {
        var b = JSONObjectBuilder(kind: "missing-status")
        b.set("child", child.rawValue)
        b.set("as-of", asOf)
        b.set("missing-now", missingNow)
        b.set("type", type)
        b.set("since", since)
        b.set("hours-missing", hoursMissing)
        b.set("police-not-notified", policeNotNotified)
        b.set("episodes-in-window", episodesInWindow)
        b.set("window-days", windowDays)
        b.set("repeat", isRepeat)
        b.set("last-returned", lastReturned)
        b.set("interview", interview)
        b.set("interview-due", interviewDue)
        b.set("interview-outstanding", interviewOutstanding)
        b.set("interview-overdue", interviewOverdue)
        b.set("trafficking-concern", traffickingConcern)
        b.set("placement", placement)
        b.set("placement-start", placementStart)
        b.set("high-risk-window", highRiskWindow)
        if traffickingConcern { b.set("notify", notify) }
        b.set("action-needed", actionNeeded)
        return b.value
    }
}
