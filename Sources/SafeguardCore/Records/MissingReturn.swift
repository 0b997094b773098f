/// A child found or returned.
public struct MissingReturn: Record, Equatable, Sendable {
    public static let kind = "missing-return"
    public static let fields = ["id", "child", "returned", "found-at"]

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

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("child", child.rawValue)
        b.set("returned", returned)
        b.set("found-at", foundAt)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        self.init(id: try r.id("id"), child: try r.id("child"), returned: try r.dateTime("returned"), foundAt: try r.optionalText("found-at"))
    }
}
