/// A competent authority's decision on a referral: stage 1 (reasonable
/// grounds) or stage 2 (conclusive grounds).
public struct NRMDecision: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "nrm-decision"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("referral", \.referral), .init("stage", \.stage), .init("outcome", \.outcome), .init("on", \.on),
        // Written only when true, so earlier decisions read as they were.
        .init("reconsideration", \.reconsiderationMark),
    ]

    public let id: RecordID
    public let referral: RecordID
    public let stage: DecisionStage
    public let outcome: DecisionOutcome
    public let on: CivilDate
    /// It supersedes the earlier decision at the same stage; both stay in the file.
    public let reconsideration: Bool

    public init(id: RecordID, referral: RecordID, stage: DecisionStage, outcome: DecisionOutcome, on: CivilDate, reconsideration: Bool = false) {
        self.id = id
        self.referral = referral
        self.stage = stage
        self.outcome = outcome
        self.on = on
        self.reconsideration = reconsideration
    }

    var reconsiderationMark: Bool? { reconsideration ? true : nil }

    public init(reading r: FieldReader) throws {
        self.init(id: try r.id("id"), referral: try r.id("referral"), stage: try r.code("stage"),
                  outcome: try r.code("outcome"), on: try r.date("on"), reconsideration: try r.optionalBool("reconsideration") ?? false)
    }
}

/// A referral withdrawn (by the first responder, or the person leaving the process).
public struct NRMWithdrawal: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "nrm-withdrawal"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("referral", \.referral), .init("on", \.on),
    ]

    public let id: RecordID
    public let referral: RecordID
    public let on: CivilDate

    public init(id: RecordID, referral: RecordID, on: CivilDate) {
        self.id = id
        self.referral = referral
        self.on = on
    }

    public init(reading r: FieldReader) throws {
        self.init(id: try r.id("id"), referral: try r.id("referral"), on: try r.date("on"))
    }
}
