/// The independent return interview after a child comes back (statutory
/// guidance: within 72 hours), offered, held, or refused.
public struct ReturnInterview: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "return-interview"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("status", \.status), .init("at", \.at), .init("by", \.by),
        .init("independent", \.independent),
    ]

    public let id: RecordID
    public let child: RecordID
    public let status: InterviewStatus
    public let at: DateTime
    /// The interviewer's staff id.
    public let by: RecordID?
    public let independent: Bool

    public init(reading r: FieldReader) throws {
        try self.init(id: try r.id("id"), child: try r.id("child"), status: try r.code("status"), at: try r.dateTime("at"),
                      by: try r.optionalID("by"), independent: try r.bool("independent"))
    }

    /// A held interview names who held it.
    public init(id: RecordID, child: RecordID, status: InterviewStatus, at: DateTime, by: RecordID?, independent: Bool) throws {
        if status == .done, by == nil { throw RecordError("field by: a held interview names who held it") }
        self.id = id
        self.child = child
        self.status = status
        self.at = at
        self.by = by
        self.independent = independent
    }
}
