/// A competent authority's decision on a referral: stage 1 (reasonable
/// grounds) or stage 2 (conclusive grounds).
public struct NRMDecision: Record, Equatable, Sendable {
    public static let kind = "nrm-decision"
    public static let fields = ["id", "referral", "stage", "outcome", "on", "reconsideration"]

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

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("referral", referral.rawValue)
        b.set("stage", stage)
        b.set("outcome", outcome)
        b.set("on", on)
        // Written only when true, so earlier decisions read as they were.
        b.set("reconsideration", reconsideration ? true : nil)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        self.init(id: try r.id("id"), referral: try r.id("referral"), stage: try r.code("stage"),
                  outcome: try r.code("outcome"), on: try r.date("on"), reconsideration: try r.optionalBool("reconsideration") ?? false)
    }
}

/// A referral withdrawn (by the first responder, or the person leaving the process).
public struct NRMWithdrawal: Record, Equatable, Sendable {
    public static let kind = "nrm-withdrawal"
    public static let fields = ["id", "referral", "on"]

    public let id: RecordID
    public let referral: RecordID
    public let on: CivilDate

    public init(id: RecordID, referral: RecordID, on: CivilDate) {
        self.id = id
        self.referral = referral
        self.on = on
    }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("referral", referral.rawValue)
        b.set("on", on)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        self.init(id: try r.id("id"), referral: try r.id("referral"), on: try r.date("on"))
    }
}
