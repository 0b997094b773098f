/// Where a looked-after child lives, from when, and whether trafficking is a
/// concern: the date of birth for SSDA903 and the start for the high-risk window.
public struct Placement: Record, Equatable, Sendable {
    public static let kind = "placement"
    public static let fields = ["id", "child", "dob", "placement", "start", "trafficking-concern"]

    public let id: RecordID
    public let child: RecordID
    /// Personal data.
    public let dob: CivilDate
    /// The placement's id or name: it can point to where a child lives, so it is personal data.
    public let placement: String
    public let start: CivilDate
    public let traffickingConcern: Bool

    public init(id: RecordID, child: RecordID, dob: CivilDate, placement: String, start: CivilDate, traffickingConcern: Bool) {
        self.id = id
        self.child = child
        self.dob = dob
        self.placement = placement
        self.start = start
        self.traffickingConcern = traffickingConcern
    }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("child", child.rawValue)
        b.set("dob", dob)
        b.set("placement", placement)
        b.set("start", start)
        b.set("trafficking-concern", traffickingConcern)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        let dob = try r.date("dob"), start = try r.date("start")
        guard dob <= start else { throw RecordError("field dob is after the placement start") }
        guard let placement = try r.optionalText("placement") else { throw RecordError("field placement is missing") }
        self.init(id: try r.id("id"), child: try r.id("child"), dob: dob, placement: placement, start: start,
                  traffickingConcern: try r.bool("trafficking-concern"))
    }
}

/// A child goes missing, or is away without authorisation.
public struct MissingStart: Record, Equatable, Sendable {
    public static let kind = "missing-start"
    public static let fields = ["id", "child", "last-seen", "type", "from", "reported-to-police", "police-reference", "may-have-been-moved"]

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

    public init(id: RecordID, child: RecordID, lastSeen: DateTime, type: MissingType, from: String?,
                reportedToPolice: DateTime?, policeReference: String?, mayHaveBeenMoved: Bool) {
        self.id = id
        self.child = child
        self.lastSeen = lastSeen
        self.type = type
        self.from = from
        self.reportedToPolice = reportedToPolice
        self.policeReference = policeReference
        self.mayHaveBeenMoved = mayHaveBeenMoved
    }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("child", child.rawValue)
        b.set("last-seen", lastSeen)
        b.set("type", type)
        b.set("from", from)
        b.set("reported-to-police", reportedToPolice)
        b.set("police-reference", policeReference)
        b.set("may-have-been-moved", mayHaveBeenMoved)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        let lastSeen = try r.dateTime("last-seen")
        let reported = try r.optionalDateTime("reported-to-police")
        if let reported, reported < lastSeen { throw RecordError("field reported-to-police is before last-seen") }
        self.init(id: try r.id("id"), child: try r.id("child"), lastSeen: lastSeen, type: try r.code("type"),
                  from: try r.optionalText("from"), reportedToPolice: reported, policeReference: try r.optionalText("police-reference"),
                  mayHaveBeenMoved: try r.bool("may-have-been-moved"))
    }
}

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

/// The independent return interview after a child comes back (statutory
/// guidance: within 72 hours), offered, held, or refused.
public struct ReturnInterview: Record, Equatable, Sendable {
    public static let kind = "return-interview"
    public static let fields = ["id", "child", "status", "at", "by", "independent"]

    public let id: RecordID
    public let child: RecordID
    public let status: InterviewStatus
    public let at: DateTime
    /// The interviewer's staff id.
    public let by: RecordID?
    public let independent: Bool

    public init(id: RecordID, child: RecordID, status: InterviewStatus, at: DateTime, by: RecordID?, independent: Bool) {
        self.id = id
        self.child = child
        self.status = status
        self.at = at
        self.by = by
        self.independent = independent
    }

    public var json: JSONValue {
        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("child", child.rawValue)
        b.set("status", status)
        b.set("at", at)
        b.set("by", by?.rawValue)
        b.set("independent", independent)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        let status: InterviewStatus = try r.code("status")
        let by = try r.optionalID("by")
        if status == .done, by == nil { throw RecordError("field by: a held interview names who held it") }
        self.init(id: try r.id("id"), child: try r.id("child"), status: status, at: try r.dateTime("at"), by: by,
                  independent: try r.bool("independent"))
    }
}
