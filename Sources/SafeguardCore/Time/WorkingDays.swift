import Foundation

/// Which rules a command applies: the source documents' (2007-2016, the
/// default) or current practice in England and Wales (DOMAIN "Current practice").
public enum RuleSet: String, CodeList {
    case sources
    case current

    public static let listName = "rule set"
    public var label: String {
        switch self {
        case .sources: return "The source documents' rules (2007-2016)"
        case .current: return "Current practice in England and Wales"
        }
    }

    /// A new record as this rule set makes it (nrm-referral new, notify and decide, care-plan new,
    /// age-assess new): "rules" follows the envelope (kind, v). Every reader allows it (`Record`).
    public func stamp(_ record: JSONValue) -> JSONValue {
        guard case .object(var o) = record, o["rules"] == nil else { return record }
        let at = o.fields.firstIndex { $0.key != "kind" && $0.key != "v" } ?? o.fields.count
        o.fields.insert(.init(key: "rules", value: .string(rawValue)), at: at)
        return .object(o)
    }
}

public extension CivilDate {
    /// ISO weekday: 1 Monday ... 7 Sunday. 1970-01-01 (day 0) was a Thursday.
    var isoWeekday: Int {
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    var isWeekend: Bool { isoWeekday >= 6 }

    /// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    static func easterSunday(year y: Int) -> CivilDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(dayNumber: CivilDate.days(fromCivil: y, month, day))
    }
}

/// The working days of England and Wales: Monday to Friday, less the bank
/// holidays (Banking and Financial Dealings Act 1971, Schedule 1, and the
/// annual proclamations), less any one-off holidays added (`extra`, from
/// `--holidays FILE`: a State Funeral, a coronation, a jubilee).
/// Current practice: the RG decision is due within 5 working days (Modern
/// Slavery Act 2015 statutory guidance; DOMAIN "Current practice").
public struct WorkingCalendar: Equatable, Sendable {
    /// One-off holidays, added to the computed ones.
    public var extra: Set<CivilDate>

    public init(extra: Set<CivilDate> = []) { self.extra = extra }

    /// Bank holidays moved by proclamation from their usual day (the usual day is then a working day):
    /// 1995 and 2020 early May to VE Day (8 May); 2002, 2012 and 2022 spring to a jubilee weekend.
    /// Jubilee, funeral and coronation days that were added, not moved, are one-offs for `extra`.
    static let moved: [(from: (Int, Int, Int), to: (Int, Int, Int))] = [
        ((1995, 5, 1), (1995, 5, 8)),
        ((2002, 5, 27), (2002, 6, 4)),
        ((2012, 5, 28), (2012, 6, 4)),
        ((2020, 5, 4), (2020, 5, 8)),
        ((2022, 5, 30), (2022, 6, 2)),
    ]

    /// The bank holidays of England and Wales in a year, computed, in date order
    /// (without the one-offs in `extra`).
    public static func bankHolidays(year y: Int) -> [CivilDate] {
        func date(_ m: Int, _ d: Int) -> CivilDate { CivilDate(dayNumber: CivilDate.days(fromCivil: y, m, d)) }
        /// The first Monday on or after a date.
        func monday(onOrAfter d: CivilDate) -> CivilDate { d.adding(days: (8 - d.isoWeekday) % 7) }
        /// A fixed-date holiday at a weekend is replaced by the next weekday not already a holiday.
        func substitute(_ d: CivilDate, taken: [CivilDate]) -> CivilDate {
            var s = d
            while s.isWeekend || taken.contains(s) { s = s.adding(days: 1) }
            return s
        }
        let easter = CivilDate.easterSunday(year: y)
        var days: [CivilDate] = []
        days.append(substitute(date(1, 1), taken: []))                 // New Year's Day
        days.append(easter.adding(days: -2))                           // Good Friday
        days.append(easter.adding(days: 1))                            // Easter Monday
        days.append(monday(onOrAfter: date(5, 1)))                     // early May: first Monday in May
        days.append(monday(onOrAfter: date(5, 25)))                    // spring: last Monday in May
        days.append(monday(onOrAfter: date(8, 25)))                    // summer: last Monday in August
        let christmas = substitute(date(12, 25), taken: [])
        days.append(christmas)                                         // Christmas Day
        days.append(substitute(date(12, 26), taken: [christmas]))      // Boxing Day
        for move in moved where move.from.0 == y {
            let from = date(move.from.1, move.from.2)
            days = days.map { $0 == from ? date(move.to.1, move.to.2) : $0 }
        }
        return days.sorted()
    }

    public func isHoliday(_ d: CivilDate) -> Bool {
        extra.contains(d) || WorkingCalendar.bankHolidays(year: d.year).contains(d)
    }

    public func isWorkingDay(_ d: CivilDate) -> Bool { !d.isWeekend && !isHoliday(d) }

    /// The `n`th working day after `d` (not counting `d`); `d` itself when `n` is 0.
    public func adding(workingDays n: Int, to d: CivilDate) -> CivilDate {
        var day = d, left = n
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Reads a holidays file: one date (yyyy-mm-dd) a line; blank lines and
    /// lines starting with '#' are ignored, as is anything after the date
    /// and a space (a name). Throws `RecordError` naming the line otherwise.
    public static func holidays(fromFileText text: String) throws -> Set<CivilDate> {
        var found = Set<CivilDate>()
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { continue }
            let first = t.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            guard let d = CivilDate(first) else {
                throw RecordError("line \(n + 1): not a date (yyyy-mm-dd); give one holiday a line, with an optional name after a space")
            }
            found.insert(d)
        }
        return found
    }
}
