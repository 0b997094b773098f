/// A person's age on a date, worked out from their date of birth. The date of
/// birth itself is not written out: the result can be shared where it cannot.
public struct AgeOnDate: LaidOutRecord, Equatable, Sendable {
    public static let kind = "age-on-date"
    public static let layout: [JSONField<Self>] = [
        .init("record", \.record), .init("person", \.person), .init("on", \.on), .init("age", \.age),
        .init("treated-as", \.treatedAs), .init("eighteenth-birthday", \.eighteenthBirthday),
    ]

    public let on: CivilDate
    public let age: Int
    public let eighteenthBirthday: CivilDate
    /// The record and person it was worked out for, when read from a stream.
    public var record: RecordID?
    public var person: RecordID?

    public var treatedAs: AgeGroup { age < AgePresumption.adultAge ? .child : .adult }

    /// Nil when the date of birth is after `on`; throws `RecordError` when the
    /// 18th birthday falls after 9999-12-31.
    public init?(dob: CivilDate, on: CivilDate) throws {
        guard let age = dob.age(on: on) else { return nil }
        self.on = on
        self.age = age
        eighteenthBirthday = try dob.birthday(turning: AgePresumption.adultAge).writable("the 18th birthday")
    }
}
