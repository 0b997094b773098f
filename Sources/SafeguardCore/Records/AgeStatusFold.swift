/// A record the age-status fold reads.
public enum AgeEvent: CaseEvent {
    /// A referral whose subject's age is disputed: the person gets a status.
    case disputed(person: RecordID, on: CivilDate)
    case assessment(AgeAssessment)

    public var person: RecordID {
        switch self { case .disputed(let p, _): return p; case .assessment(let a): return a.person }
    }

    public var instant: CivilDate {
        switch self { case .disputed(_, let on): return on; case .assessment(let a): return a.date }
    }

    /// A referral before the assessments of the same day.
    public var kindRank: Int {
        switch self { case .disputed: return 0; case .assessment: return 1 }
    }
}

/// Groups age assessments by person, for one age status per person whose age
/// is disputed. Only what was known by the as-of counts, so a past report can
/// be reproduced. There is no case rule to break, so it finds no problems.
public struct AgeStatusFolder: CaseChecking {
    public static let kinds: Set<String> = [AgeAssessment.kind]
    /// Nothing to break but a reused id, which the check itself finds.
    public static func caseID(of record: JSONObject) -> String? { record["person"]?.stringValue }
    public static func checking() -> AgeStatusFolder { AgeStatusFolder(asOf: CivilDate(year: 9999, month: 12, day: 31)!) }

    /// People in the order first seen.
    var order: [RecordID] = []
    var timelines: [RecordID: CaseTimeline<AgeEvent>] = [:]
    var log: CaseLog<AgeEvent>
    public let asOf: CivilDate
    /// The rule set the assessments are judged under (the command's --rules).
    public var rules: RuleSet

    public init(asOf: CivilDate, rules: RuleSet = .sources) {
        self.asOf = asOf
        self.rules = rules
        log = CaseLog(asOf: asOf)
    }

    public mutating func add(_ event: AgeEvent, at source: SourceLine, raw: [UInt8]) {
        guard let entry = log.entry(event, at: source, raw: raw) else { return }
        if timelines[event.person] == nil { order.append(event.person) }
        _ = timelines[event.person, default: CaseTimeline()].insert(entry)
    }

    /// A referral is read for its subject only, so it is also passed on.
    public mutating func take(_ r: InputRecord, at source: SourceLine, raw: [UInt8]) throws -> Bool {
        switch r.kind {
        case AgeAssessment.kind:
            // No problem is ever reported here, so no line need be kept.
            add(.assessment(try AgeAssessment(r.object)), at: source, raw: [])
            return true
        case Referral.kind:
            let referral = try Referral(r.object)
            if referral.subject.ageDisputed { add(.disputed(person: referral.subject.id, on: referral.received), at: source, raw: []) }
            return false
        default:
            return false
        }
    }

    public mutating func resolve() -> [CaseProblem] { log.problems }

    /// One status per person, in the order first seen. A date that cannot be
    /// written is exit 65, naming the person's last assessment line.
    public func statuses() throws -> [AgeStatus] {
        try order.map { person in
            let entries = timelines[person]!.waiting
            let made = entries.compactMap { entry -> AgeAssessment? in
                if case .assessment(let a) = entry.event { return a } else { return nil }
            }
            do {
                return try AgeStatus(person: person, assessments: made, asOf: asOf, rules: rules)
            } catch let e as RecordError {
                throw CommandFailure("\(entries.last.map { "\($0.source): " } ?? "")\(e.description)", exitCode: .dataError)
            }
        }
    }
}
