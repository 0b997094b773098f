/// A child found or returned, and who they came back to or were released to.
/// The person's name is never stored: only the relationship and the checks.
public struct MissingReturn: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "missing-return"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("child", \.child), .init("returned", \.returned), .init("found-at", \.foundAt),
        .init("to", \.to),
        // The checks are written, true or false, only for a release to an adult.
        .init("enquiries-done") { $0.check(.enquiriesDone) }, .init("child-photo-id") { $0.check(.childPhotoID) },
        .init("adult-photo-id") { $0.check(.adultPhotoID) },
    ]

    public let id: RecordID
    public let child: RecordID
    public let returned: DateTime
    /// Where the child was found: personal data (a location).
    public let foundAt: String?
    /// Who the child came back to or was released to; nil in records made before it was asked.
    public let to: ReleaseTo?
    /// The checks made before a release to an adult (SOLACE L592).
    public let checks: Set<ReleaseCheck>

    public init(id: RecordID, child: RecordID, returned: DateTime, foundAt: String?, to: ReleaseTo? = nil, checks: Set<ReleaseCheck> = []) {
        self.id = id
        self.child = child
        self.returned = returned
        self.foundAt = foundAt
        self.to = to
        self.checks = to?.needsChecks == true ? checks : []
    }

    func check(_ c: ReleaseCheck) -> Bool? { to?.needsChecks == true ? checks.contains(c) : nil }

    /// SOLACE L592: the checks a release to an adult still lacks, in list order; none for any other return.
    public var missingChecks: [ReleaseCheck] {
        to?.needsChecks == true ? ReleaseCheck.allCases.filter { !checks.contains($0) } : []
    }

    public init(reading r: FieldReader) throws {
        let to = try r.optionalCode("to", ReleaseTo.self)
        var checks: Set<ReleaseCheck> = []
        for c in ReleaseCheck.allCases {
            let done = try r.optionalBool(c.rawValue)
            if to?.needsChecks == true {
                guard let done else { throw RecordError("field \(c.rawValue) is missing: a release to an adult records each check, true or false (SOLACE L592)") }
                if done { checks.insert(c) }
            } else if done != nil {
                throw RecordError("field \(c.rawValue): only a release to a parent, carer or other adult records the checks")
            }
        }
        self.init(id: try r.id("id"), child: try r.id("child"), returned: try r.dateTime("returned"), foundAt: try r.optionalText("found-at"),
                  to: to, checks: checks)
    }
}
