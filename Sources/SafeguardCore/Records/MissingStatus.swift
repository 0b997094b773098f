/// Why a child's status needs a person's action tonight.
public enum MissingActionCode: String, CodeList {
    case missingNow = "missing-now"
    case policeNotNotified = "police-not-notified"
    case interviewOverdue = "interview-overdue"
    case reviewOutstanding = "review-outstanding"
    case agenciesNotNotified = "agencies-not-notified"
    case releaseUnchecked = "release-unchecked"
    case noNRMReferral = "no-nrm-referral"
    public static let listName = "missing action"
    public var label: String {
        switch self {
        case .missingNow: return "Missing or away now"
        case .policeNotNotified: return "The police have not been told"
        case .interviewOverdue: return "The return interview is overdue"
        case .reviewOutstanding: return "Repeat episodes with no multi-agency review since"
        case .agenciesNotNotified: return "An agency on the notify list has not been told"
        case .releaseUnchecked: return "Released to an adult without every check"
        case .noNRMReferral: return "A trafficking concern with no NRM referral"
        }
    }
}

/// One thing to act on: a code and a message that holds no personal field
/// (ids, dates, counts and codes only), so it may travel by e-mail.
public struct MissingAction: LaidOut, JSONRepresentable, Equatable, Sendable {
    public static let layout: [JSONField<Self>] = [.init("code", \.code), .init("message", \.message)]
    public let code: MissingActionCode
    public let message: String
}

/// Where one child stands at the report time.
public struct MissingStatus: LaidOutRecord, Equatable, Sendable {
    public static let kind = "missing-status"
    /// The placement's id or name can point to where a child lives.
    public static let personalPaths: Set<String> = ["placement"]
    public static let layout: [JSONField<Self>] = [
        .init("child", \.child), .init("as-of", \.asOf), .init("missing-now", \.missingNow), .init("type", \.type),
        .init("since", \.since), .init("hours-missing", \.hoursMissing), .init("police-not-notified", \.policeNotNotified),
        .init("episodes-in-window", \.episodesInWindow), .init("window-days", \.windowDays), .init("repeat", \.isRepeat),
        .init("last-review", \.lastReview), .init("review-outstanding", \.reviewOutstanding),
        .init("last-returned", \.lastReturned), .init("release-unchecked", \.releaseUnchecked),
        .init("interview", \.interview), .init("interview-due", \.interviewDue),
        .init("interview-outstanding", \.interviewOutstanding), .init("interview-overdue", \.interviewOverdue),
        .init("trafficking-concern", \.traffickingConcern), .init("placement", \.placement),
        .init("placement-start", \.placementStart), .init("high-risk-window", \.highRiskWindow),
        // The agencies to tell, those not told and the referral are listed only where there is a trafficking concern.
        .init("notify") { $0.traffickingConcern ? $0.notify : nil },
        .init("not-notified") { $0.traffickingConcern ? $0.notNotified : nil },
        .init("nrm-referral") { $0.traffickingConcern ? $0.nrmReferral : nil },
        .init("action-needed", \.actionNeeded), .init("actions", \.actions),
    ]

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
    public let lastReview: CivilDate?
    public let reviewOutstanding: Bool
    public let lastReturned: DateTime?
    public let releaseUnchecked: Bool
    public let interview: InterviewStatus?
    public let interviewDue: DateTime?
    public let interviewOutstanding: Bool
    public let interviewOverdue: Bool
    public let traffickingConcern: Bool
    public let placement: String?
    public let placementStart: CivilDate?
    public let highRiskWindow: Bool
    public let notify: [AgencyToNotify]
    public let notNotified: [AgencyToNotify]
    /// Whether an NRM referral names the child as its subject.
    public let nrmReferral: Bool
    /// What needs action, in a fixed order; empty when nothing does.
    public let actions: [MissingAction]

    init(child: RecordID, state s: MissingFolder.State, asOf: DateTime, rules: MissingRules, windowStart: DateTime, referred: Bool) {
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
        lastReview = s.lastReview
        // CHESHIRE §6.3 and current practice: repeat missing needs a multi-agency
        // review on or after the day the latest episode began (a UK date).
        let latestDay = s.latestStart?.londonDate
        reviewOutstanding = isRepeat && !(both(s.lastReview, latestDay).map { $0 >= $1 } ?? false)
        lastReturned = s.lastReturn
        releaseUnchecked = s.uncheckedRelease != nil
        interview = s.lastReturn == nil ? nil : s.interview
        interviewDue = s.lastReturn?.adding(hours: rules.interviewHours)
        interviewOutstanding = s.lastReturn != nil && s.interview?.settles != true
        interviewOverdue = interviewOutstanding && interviewDue.map { asOf > $0 } ?? false
        // SOLACE L399, L421: the concern stays with the child, whatever their current placement says.
        traffickingConcern = s.concern
        placement = s.placement?.placement
        placementStart = s.placement?.start
        // SOLACE L399: the first days of every placement of a child with a concern (UK dates).
        let today = asOf.londonDate
        highRiskWindow = traffickingConcern && placementStart.map { today >= $0 && today < $0.adding(days: rules.highRiskDays) } ?? false
        notify = traffickingConcern && open != nil ? s.episode?.notify ?? [] : []
        // SOLACE L419, L421: every agency on an episode's list is told, for each episode in the window and the open one.
        var episodes = s.untold
        if let latest = s.episode, latest.start >= windowStart || open != nil { episodes.append(latest) }
        let untold = Set(episodes.flatMap(\.untold))
        notNotified = traffickingConcern ? AgencyToNotify.allCases.filter(untold.contains) : []
        nrmReferral = referred

        var actions: [MissingAction] = []
        func add(_ code: MissingActionCode, _ message: String) { actions.append(MissingAction(code: code, message: message)) }
        if let open, let hours = hoursMissing {
            add(.missingNow, "\(open.type == .missing ? "missing" : "away") since \(open.lastSeen) (\(hours) hours)")
        }
        if policeNotNotified, let open {
            add(.policeNotNotified, "the police have not been told of the missing episode that began \(open.lastSeen): report it now")
        }
        if interviewOverdue, let due = interviewDue, let back = lastReturned {
            add(.interviewOverdue, "the return interview for the return at \(back) was due by \(due): offer it now")
        }
        if reviewOutstanding, let latestDay {
            add(.reviewOutstanding, "repeat: \(episodesInWindow) episodes in \(windowDays) days; no review since \(latestDay.shortText): "
                + "hold a multi-agency review and record it with 'missing-child review' (CHESHIRE §6.3)")
        }
        if !notNotified.isEmpty {
            let starts = episodes.filter { !$0.untold.isEmpty }.map { "\($0.start)" }
            add(.agenciesNotNotified, "not told of the episode\(starts.count == 1 ? "" : "s") that began \(starts.joined(separator: ", ")): "
                + "\(notNotified.map(\.rawValue).joined(separator: ", ")); tell them and record it with 'missing-child notify' (SOLACE L419, L421)")
        }
        if let r = s.uncheckedRelease, let to = r.to {
            let more = s.uncheckedReleases > 1 ? " (\(s.uncheckedReleases) such releases in \(windowDays) days)" : ""
            add(.releaseUnchecked, "released to \(to.rawValue) at \(r.returned) without \(r.missingChecks.map(\.rawValue).joined(separator: ", "))\(more): "
                + "check the child is safe; never release to an adult without full enquiries and photographic ID for both (SOLACE L592)")
        }
        if traffickingConcern && !referred {
            add(.noNRMReferral, "trafficking concern and no NRM referral with subject \(child) in the files read: refer the child to the NRM, "
                + "or give the referral's case file with --case (CHESHIRE L207, L232, L282)")
        }
        self.actions = actions
    }

    /// Something a person must act on tonight.
    public var actionNeeded: Bool { !actions.isEmpty }
}

/// Both values, or nil.
private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
