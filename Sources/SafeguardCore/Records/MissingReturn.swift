/// A child found or returned.
public struct MissingReturn: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "missing-return"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("returned", \.returned), .init("found-at", \.foundAt),
    ]

    public let id: RecordID
    public let child: RecordID
    public let returned: DateTime
    /// Where the child was found: personal data (a location).
    public let foundAt: String?

    public init(id: RecordID, child: RecordID, returned: DateTime, foundAt: String?) {
        self.id = id
        self.child = child
        self.returned = returned
        self.foundAt = foundAt
    }

    public init(reading r: FieldReader) throws {
        self.init(id: try r.id("id"), child: try r.id("child"), returned: try r.dateTime("returned"), foundAt: try r.optionalText("found-at"))
    }
}
