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
    case concern(TraffickingConcern)
    case start(MissingStart)
    case notification(MissingNotification)
    case returned(MissingReturn)
    case interview(ReturnInterview)
    case review(MissingReview)

    public var child: RecordID {
        switch self {
        case .placement(let p): return p.child
        case .concern(let c): return c.child
        case .start(let s): return s.child
        case .notification(let n): return n.child
        case .returned(let r): return r.child
        case .interview(let i): return i.child
        case .review(let r): return r.child
        }
    }

    /// When it happened. A record dated by a day alone counts from the start of
    /// that day in England, where the child is looked after.
    public var instant: DateTime {
        switch self {
        case .placement(let p): return London.startOfDay(p.start)
        case .concern(let c): return London.startOfDay(c.on)
        case .start(let s): return s.lastSeen
        case .notification(let n): return n.at
        case .returned(let r): return r.returned
        case .interview(let i): return i.at
        case .review(let r): return London.startOfDay(r.held)
        }
    }

    /// At the same instant: a concern lifted, then a placement or a concern
    /// raised (so a concern raised the same day stands: fail safe), then a
    /// start, the agencies told of it, its return, the interview, and a review.
    public var kindRank: Int {
        switch self {
        case .concern(let c): return c.change == .lifted ? 0 : 1
        case .placement: return 1
        case .start: return 2
        case .notification: return 3
        case .returned: return 4
        case .interview: return 5
        case .review: return 6
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
        /// The start of the child's first placement (SSDA903: episodes only while looked after).
        var firstPlacement: CivilDate?
        /// Whether a trafficking concern stands: raised by a placement or a
        /// concern record, lifted only by a concern record (SOLACE L399, L421).
        var concern = false
        var open: (start: MissingStart, source: SourceLine)?
        var lastReturn: DateTime?
        var interview: InterviewStatus?
        var episodesInWindow = 0
        var seenStart = false
        /// The latest episode's start.
        var latestStart: DateTime?
        /// The date of the latest multi-agency review.
        var lastReview: CivilDate?
        /// Who was told of the latest episode; earlier episodes in the window with someone not told.
        var episode: EpisodeNotice?
        var untold: [EpisodeNotice] = []
        /// The latest release in the window made without every check, and how many such releases.
        var uncheckedRelease: MissingReturn?
        var uncheckedReleases = 0
    }

    /// One episode's agencies to tell and those told (SOLACE L419, L421).
    struct EpisodeNotice {
        let start: DateTime
        let notify: [AgencyToNotify]
        var told: Set<AgencyToNotify> = []
        var untold: [AgencyToNotify] { notify.filter { !told.contains($0) } }
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
    public static let kinds: Set<String> = [Placement.kind, TraffickingConcern.kind, MissingStart.kind, MissingNotification.kind,
                                            MissingReturn.kind, ReturnInterview.kind, MissingReview.kind]
    /// The subjects of the NRM referrals read (CHESHIRE L207, L232, L282: every concern is referred).
    public var referred: Set<RecordID> = []
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
        case TraffickingConcern.kind: add(.concern(try TraffickingConcern(r.object)), at: source, raw: raw)
        case MissingStart.kind: add(.start(try MissingStart(r.object)), at: source, raw: raw)
        case MissingNotification.kind: add(.notification(try MissingNotification(r.object)), at: source, raw: raw)
        case MissingReturn.kind: add(.returned(try MissingReturn(r.object)), at: source, raw: raw)
        case ReturnInterview.kind: add(.interview(try ReturnInterview(r.object)), at: source, raw: raw)
        case MissingReview.kind: add(.review(try MissingReview(r.object)), at: source, raw: raw)
        case Referral.kind:
            // Not folded, only noted: a referral is nrm-referral's record, passed on as any other kind.
            noteReferral(r.object)
            return false
        default: return false
        }
        return true
    }

    /// Notes the subject of a referral record (read as it stands: nrm-referral checks its own records).
    public func noteReferral(_ object: JSONObject) {
        if let id = object["subject"]?.objectValue?["id"]?.stringValue.flatMap(RecordID.init) { referred.insert(id) }
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
            s.firstPlacement = min(s.firstPlacement ?? p.start, p.start)
            // SOLACE L399, L421: a concern stays with the child across placements; a later "no" never lifts it.
            if p.traffickingConcern { s.concern = true }
        case .concern(let c):
            switch c.change {
            case .raised: s.concern = true
            case .lifted:
                guard s.concern else {
                    throw RecordError("child \(c.child) has no trafficking concern to lift on \(c.on)\(s.seenStart || s.placement != nil ? "" : Nearest.didYouMean(c.child, among: order))")
                }
                // Only an explicit record, with a reason and a date, lifts a concern (SOLACE L399, L421).
                s.concern = false
            }
        case .start(let start):
            if let (open, at) = s.open {
                throw RecordError("child \(start.child) is already missing since \(open.lastSeen) (\(at)): episodes cannot overlap; record the return first")
            }
            s.open = (start, entry.source)
            s.seenStart = true
            s.latestStart = start.lastSeen
            if start.lastSeen >= windowStart { s.episodesInWindow += 1 }
            // SOLACE L421: the police and the Home Office, and Missing People when the child may have been moved.
            if let previous = s.episode, previous.start >= windowStart, !previous.untold.isEmpty { s.untold.append(previous) }
            var notice = EpisodeNotice(start: start.lastSeen, notify: [.police, .homeOffice] + (start.mayHaveBeenMoved ? [.missingPeople] : []))
            if let reported = start.reportedToPolice, reported <= asOf { notice.told.insert(.police) }
            s.episode = notice
        case .notification(let n):
            guard s.episode != nil else {
                throw RecordError("child \(n.child) has no missing episode before \(n.at) to tell the \(n.agency.rawValue) of")
            }
            s.episode!.told.insert(n.agency)
        case .review(let r):
            s.lastReview = max(s.lastReview ?? r.held, r.held)
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
            // SOLACE L592: a release to an adult without full enquiries and photo ID for both.
            if !r.missingChecks.isEmpty, r.returned >= windowStart {
                s.uncheckedRelease = r
                s.uncheckedReleases += 1
            }
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
    /// The start of each child's first placement (after `finish()`).
    public private(set) var firstPlacements: [RecordID: CivilDate] = [:]

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
            if let first = s.firstPlacement { firstPlacements[id] = first }
            guard s.seenStart || s.placement != nil || s.concern else { continue }
            statuses.append(MissingStatus(child: id, state: s, asOf: asOf, rules: rules, windowStart: windowStart, referred: referred.contains(id)))
        }
        finished = statuses
        return statuses
    }
}
