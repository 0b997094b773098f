import Foundation

/// A calendar date with no time of day and no time zone: what a caseworker
/// writes on a form. Stored as a day count so arithmetic is exact.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (proleptic Gregorian).
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Returns nil when the date does not exist (2025-02-30, month 13...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        dayNumber = CivilDate.days(fromCivil: year, month, day)
    }

    /// Parses exactly `yyyy-mm-dd`.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        self.init(utf8: u[...])
    }

    public init?(utf8 u: ArraySlice<UInt8>) {
        guard u.count == 10 else { return nil }
        let b = Array(u)
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let y = asciiNumber(b, 0..<4), let m = asciiNumber(b, 5..<7),
              let d = asciiNumber(b, 8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilDate.civil(fromDays: dayNumber) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public var description: String {
        let (y, m, d) = components
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `dd/mm/yyyy`, as the DfE's SSDA903 return wants it.
    public var ukFormat: String {
        let (y, m, d) = components
        return pad(d, 2) + "/" + pad(m, 2) + "/" + pad(y, 4)
    }

    /// The dates `description` writes as yyyy-mm-dd and the parser reads back:
    /// years 1 to 9999. Arithmetic may leave them; what is written may not.
    public static let writable = CivilDate(year: 1, month: 1, day: 1)!...CivilDate(year: 9999, month: 12, day: 31)!

    public var isWritable: Bool { CivilDate.writable.contains(self) }

    /// The date itself, or a `RecordError` saying `what` falls outside years 1 to 9999.
    public func writable(_ what: String) throws -> CivilDate {
        guard !isWritable else { return self }
        let side = self < CivilDate.writable.lowerBound ? "before 0001-01-01" : "after 9999-12-31"
        throw RecordError("\(what) would fall \(side), which cannot be written as yyyy-mm-dd; nothing was written for it")
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The anniversary of this date in `year`. A 29 February anniversary falls
    /// on 1 March in a common year, as in UK law (Family Law Reform Act 1969 s9).
    public func anniversary(in year: Int) -> CivilDate {
        let (_, m, d) = components
        if m == 2 && d == 29 && !CivilDate.isLeap(year) {
            return CivilDate(dayNumber: CivilDate.days(fromCivil: year, 3, 1))
        }
        // By day number, not the checked initialiser: an anniversary may fall outside years 1-9999.
        return CivilDate(dayNumber: CivilDate.days(fromCivil: year, m, d))
    }

    /// The same day of the month `years` earlier or later, or the month's last day
    /// when it has fewer days (29 February in a common year gives 28 February).
    public func sameDay(yearsFromNow years: Int) -> CivilDate {
        let (y, m, d) = components
        return CivilDate(dayNumber: CivilDate.days(fromCivil: y + years, m, min(d, CivilDate.daysInMonth(year: y + years, month: m))))
    }

    /// Age in whole years on `date`, taking `self` as the date of birth.
    /// Nil when `date` is before the birth.
    public func age(on date: CivilDate) -> Int? {
        guard date >= self else { return nil }
        let years = date.year - year
        return date < anniversary(in: date.year) ? years - 1 : years
    }

    /// The date the person born on `self` turns `years` old.
    public func birthday(turning years: Int) -> CivilDate { anniversary(in: year + years) }

    /// Today in the machine's local time zone.
    public static func today() -> CivilDate {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// The decimal number written in `b[r]`, ASCII digits only; nil if out of range or not all digits.
func asciiNumber(_ b: [UInt8], _ r: Range<Int>) -> Int? {
    guard r.upperBound <= b.count else { return nil }
    var n = 0
    for i in r {
        let d = Int(b[i]) - 48
        guard (0...9).contains(d) else { return nil }
        n = n * 10 + d
    }
    return n
}

@inline(__always)
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
