/// The dates of birth that give a claimed age on a date: an age-range form of
/// a claim, for comparing with documents and assessments.
public struct ClaimedAgeRange: LaidOutRecord, Equatable, Sendable {
    public static let kind = "claimed-age-range"
    public static let layout: [JSONField<Self>] = [
        .init("on", \.on), .init("claimed-age", \.age), .init("earliest-dob", \.earliestDOB), .init("latest-dob", \.latestDOB),
        .init("treated-as", \.treatedAs),
    ]

    public let age: Int
    public let on: CivilDate
    public let earliestDOB: CivilDate
    public let latestDOB: CivilDate

    /// Throws `RecordError` when a date of birth falls outside years 1 to 9999.
    public init(age: Int, on: CivilDate) throws {
        self.age = age
        self.on = on
        // The latest birth date: `age` years before (29 Feb falls back to 28 Feb);
        // then step to the exact edge, checking with the same age rule as everywhere else.
        var latest = on.sameDay(yearsFromNow: -age)
        while latest.adding(days: 1).age(on: on).map({ $0 >= age }) ?? false { latest = latest.adding(days: 1) }
        while (latest.age(on: on) ?? -1) < age { latest = latest.adding(days: -1) }
        var earliest = on.sameDay(yearsFromNow: -age - 1)
        while (earliest.age(on: on) ?? 0) > age { earliest = earliest.adding(days: 1) }
        while earliest.adding(days: -1).age(on: on) == age { earliest = earliest.adding(days: -1) }
        earliestDOB = try earliest.writable("the earliest date of birth for a claimed age of \(age) on \(on)")
        latestDOB = try latest.writable("the latest date of birth for a claimed age of \(age) on \(on)")
    }

    public var treatedAs: AgeGroup { age < AgePresumption.adultAge ? .child : .adult }
}
