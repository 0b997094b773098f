/// The anonymous duty-to-notify record for an adult who does not consent to
/// a referral. It has no place for a name, a date of birth, a subject id or
/// free text: the type, the reader and the schema all leave them out.
public struct DutyToNotify: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "duty-to-notify"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("notified-on", \.notifiedOn), .init("first-responder", \.firstResponder),
        // Always an adult who refused: the reader checks both, and nothing else may be said here.
        .init("treated-as") { _ in AgeGroup.adult }, .init("consent") { _ in "refused" },
        .init("sex", \.sex), .init("nationality", \.nationality), .init("exploitation", \.exploitation), .init("indicators", \.indicators),
    ]

    public let id: RecordID
    public let notifiedOn: CivilDate
    public let firstResponder: FirstResponder
    public let sex: Sex
    public let nationality: Country?
    public let exploitation: [ExploitationType]
    public let indicators: [String]

    public init(reading r: FieldReader) throws {
        guard try r.code("treated-as", AgeGroup.self) == .adult else {
            throw RecordError("field treated-as: a duty-to-notify record is for an adult; a child is referred without consent")
        }
        guard try r.string("consent") == "refused" else { throw RecordError("field consent: must be refused") }
        try self.init(id: try r.id("id"), notifiedOn: try r.date("notified-on"), firstResponder: try r.code("first-responder"),
                      sex: try r.code("sex"), nationality: try r.country("nationality"), exploitation: try r.codes("exploitation"),
                      indicators: try readIndicators(r))
    }

    /// At least one exploitation type, as a referral has.
    public init(id: RecordID, notifiedOn: CivilDate, firstResponder: FirstResponder, sex: Sex,
                nationality: Country?, exploitation: [ExploitationType], indicators: [String]) throws {
        guard !exploitation.isEmpty else { throw RecordError("field exploitation: give at least one exploitation type (not-specified if unknown)") }
        self.id = id
        self.notifiedOn = notifiedOn
        self.firstResponder = firstResponder
        self.sex = sex
        self.nationality = nationality
        self.exploitation = exploitation
        self.indicators = indicators
    }
}

/// The `indicators` field: catalogue codes, none repeated.
func readIndicators(_ r: FieldReader) throws -> [String] {
    let codes = try r.unique("indicators", try r.stringArray("indicators"))
    for (k, code) in codes.enumerated() where IndicatorCatalogue.indicator(code) == nil {
        throw RecordError("field indicators[\(k)]: \(IndicatorCatalogue.unknownCodeMessage)")
    }
    return codes
}
