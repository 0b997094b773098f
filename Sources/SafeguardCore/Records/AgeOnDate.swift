/// A person's age on a date, worked out from their date of birth. The date of
/// birth itself is not written out: the result can be shared where it cannot.
public struct AgeOnDate: Equatable, Sendable {
    public let on: CivilDate
    public let age: Int
    public let eighteenthBirthday: CivilDate
    /// The record and person it was worked out for, when read from a stream.
    public var record: RecordID?
    public var person: RecordID?

    public var treatedAs: AgeGroup { age < AgePresumption.adultAge ? .child : .adult }

    /// Nil when the date of birth is after `on`.
    public init?(dob: CivilDate, on: CivilDate) {
        guard let age = dob.age(on: on) else { return nil }
        self.on = on
        self.age = age
        eighteenthBirthday = dob.birthday(turning: AgePresumption.adultAge)
    }

    public var json: JSONValue {
        var b = JSONObjectBuilder(kind: "age-on-date")
        b.set("record", record?.rawValue)
        b.set("person", person?.rawValue)
        b.set("on", on)
        b.set("age", age)
        b.set("treated-as", treatedAs)
        b.set("eighteenth-birthday", eighteenthBirthday)
        return b.value
    }
}

/// The dates of birth that give a claimed age on a date: an age-range form of
/// a claim, for comparing with documents and assessments.
public struct ClaimedAgeRange: Equatable, Sendable {
    public let age: Int
    public let on: CivilDate
    public let earliestDOB: CivilDate
    public let latestDOB: CivilDate

    public init(age: Int, on: CivilDate) {
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
        earliestDOB = earliest
        latestDOB = latest
    }

    public var treatedAs: AgeGroup { age < AgePresumption.adultAge ? .child : .adult }

    public var json: JSONValue {
        var b = JSONObjectBuilder(kind: "claimed-age-range")
        b.set("on", on)
        b.set("claimed-age", age)
        b.set("earliest-dob", earliestDOB)
        b.set("latest-dob", latestDOB)
        b.set("treated-as", treatedAs)
        return b.value
    }
}

public extension JSONObject {
    /// The value at a dotted path, if every step is an object that has it.
    func value(at path: String) -> JSONValue? {
        var current: JSONValue = .object(self)
        for part in path.split(separator: ".") {
            guard let o = current.objectValue, let next = o[String(part)] else { return nil }
            current = next
        }
        return current == .null ? nil : current
    }
}
