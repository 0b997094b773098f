/// A child goes missing, or is away without authorisation.
public struct MissingStart: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "missing-start"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("last-seen", \.lastSeen), .init("type", \.type), .init("from", \.from),
        .init("reported-to-police", \.reportedToPolice), .init("police-reference", \.policeReference),
        .init("may-have-been-moved", \.mayHaveBeenMoved),
    ]

    public let id: RecordID
    public let child: RecordID
    public let lastSeen: DateTime
    public let type: MissingType
    /// The placement they went missing from: personal data (a location).
    public let from: String?
    public let reportedToPolice: DateTime?
    public let policeReference: String?
    /// The child may have been moved out of the area: tell the Missing People helpline too.
    public let mayHaveBeenMoved: Bool

    public init(reading r: FieldReader) throws {
        try self.init(id: try r.id("id"), child: try r.id("child"), lastSeen: try r.dateTime("last-seen"), type: try r.code("type"),
                      from: try r.optionalText("from"), reportedToPolice: try r.optionalDateTime("reported-to-police"),
                      policeReference: try r.optionalText("police-reference"), mayHaveBeenMoved: try r.bool("may-have-been-moved"))
    }

    /// The police are told once the child is missing, never before they were last seen.
    public init(id: RecordID, child: RecordID, lastSeen: DateTime, type: MissingType, from: String?,
                reportedToPolice: DateTime?, policeReference: String?, mayHaveBeenMoved: Bool) throws {
        if let reported = reportedToPolice, reported < lastSeen { throw RecordError("field reported-to-police is before last-seen") }
        self.id = id
        self.child = child
        self.lastSeen = lastSeen
        self.type = type
        self.from = from
        self.reportedToPolice = reportedToPolice
        self.policeReference = policeReference
        self.mayHaveBeenMoved = mayHaveBeenMoved
    }
}
