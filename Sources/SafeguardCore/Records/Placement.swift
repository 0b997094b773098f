/// Where a looked-after child lives, from when, and whether trafficking is a
/// concern: the date of birth for SSDA903 and the start for the high-risk window.
public struct Placement: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "placement"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("dob", \.dob), .init("placement", \.placement), .init("start", \.start),
        .init("trafficking-concern", \.traffickingConcern),
    ]

    public let id: RecordID
    public let child: RecordID
    /// Personal data.
    public let dob: CivilDate
    /// The placement's id or name: it can point to where a child lives, so it is personal data.
    public let placement: String
    public let start: CivilDate
    public let traffickingConcern: Bool

    public init(reading r: FieldReader) throws {
        guard let placement = try r.optionalText("placement") else { throw RecordError("field placement is missing") }
        try self.init(id: try r.id("id"), child: try r.id("child"), dob: try r.date("dob"), placement: placement, start: try r.date("start"),
                      traffickingConcern: try r.bool("trafficking-concern"))
    }

    /// A child is placed only once born.
    public init(id: RecordID, child: RecordID, dob: CivilDate, placement: String, start: CivilDate, traffickingConcern: Bool) throws {
        guard dob <= start else { throw RecordError("field dob is after the placement start") }
        self.id = id
        self.child = child
        self.dob = dob
        self.placement = placement
        self.start = start
        self.traffickingConcern = traffickingConcern
    }
}
