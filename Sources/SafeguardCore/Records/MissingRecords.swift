/// An explicit change to a child's trafficking concern. A concern, once raised
/// (by a placement or by this record), stays with the child across placements
/// until a `lifted` record, with a reason and a date, lifts it (SOLACE L399, L421).
public struct TraffickingConcern: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "trafficking-concern"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("concern", \.change), .init("on", \.on), .init("reason", \.reason),
    ]

    public let id: RecordID
    public let child: RecordID
    public let change: ConcernChange
    public let on: CivilDate
    /// Why: free text, so personal data. Needed to lift a concern.
    public let reason: String?

    public init(reading r: FieldReader) throws {
        try self.init(id: try r.id("id"), child: try r.id("child"), change: try r.code("concern"), on: try r.date("on"),
                      reason: try r.optionalText("reason"))
    }

    /// A concern is lifted only with a reason.
    public init(id: RecordID, child: RecordID, change: ConcernChange, on: CivilDate, reason: String?) throws {
        if change == .lifted, reason == nil { throw RecordError("field reason is missing: a concern is lifted only with a reason") }
        self.id = id
        self.child = child
        self.change = change
        self.on = on
        self.reason = reason
    }
}

/// A multi-agency review of a child's repeat missing episodes (CHESHIRE §6.3;
/// current practice: repeat missing triggers a multi-agency review).
public struct MissingReview: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "missing-review"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("held", \.held), .init("by", \.by),
    ]

    public let id: RecordID
    public let child: RecordID
    public let held: CivilDate
    /// The agencies present.
    public let by: [ReviewAgency]

    public init(reading r: FieldReader) throws {
        try self.init(id: try r.id("id"), child: try r.id("child"), held: try r.date("held"), by: try r.unique("by", try r.codes("by")))
    }

    /// Multi-agency: at least two agencies (and, as read, none named twice).
    public init(id: RecordID, child: RecordID, held: CivilDate, by: [ReviewAgency]) throws {
        guard by.count >= 2 else { throw RecordError("field by: a repeat-missing review is multi-agency: name at least two agencies present") }
        self.id = id
        self.child = child
        self.held = held
        self.by = by
    }
}

/// An agency told of a child's missing episode, and when (SOLACE L419, L421).
/// It counts for the child's latest episode that started before it.
public struct MissingNotification: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "missing-notification"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("agency", \.agency), .init("at", \.at),
    ]

    public let id: RecordID
    public let child: RecordID
    public let agency: AgencyToNotify
    public let at: DateTime

    public init(reading r: FieldReader) throws {
        self.init(id: try r.id("id"), child: try r.id("child"), agency: try r.code("agency"), at: try r.dateTime("at"))
    }

    public init(id: RecordID, child: RecordID, agency: AgencyToNotify, at: DateTime) {
        self.id = id
        self.child = child
        self.agency = agency
        self.at = at
    }
}
