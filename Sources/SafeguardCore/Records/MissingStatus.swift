/// Where one child stands at the report time.
public struct MissingStatus: LaidOutRecord, Equatable, Sendable {
    public static let kind = "missing-status"
    /// The placement's id or name can point to where a child lives.
    public static let personalPaths: Set<String> = ["placement"]
    public static let layout: [JSONField<Self>] = [
        .init("child", \.child), .init("as-of", \.asOf), .init("missing-now", \.missingNow), .init("type", \.type),
        .init("since", \.since), .init("hours-missing", \.hoursMissing), .init("police-not-notified", \.policeNotNotified),
        .init("episodes-in-window", \.episodesInWindow), .init("window-days", \.windowDays), .init("repeat", \.isRepeat),
        .init("last-returned", \.lastReturned), .init("interview", \.interview), .init("interview-due", \.interviewDue),
        .init("interview-outstanding", \.interviewOutstanding), .init("interview-overdue", \.interviewOverdue),
        .init("trafficking-concern", \.traffickingConcern), .init("placement", \.placement),
        .init("placement-start", \.placementStart), .init("high-risk-window", \.highRiskWindow),
        // The agencies to tell are listed only where there is a trafficking concern.
        .init("notify") { $0.traffickingConcern ? $0.notify : nil }, .init("action-needed", \.actionNeeded),
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

}
