/// Civil time in England (Europe/London), computed here rather than read from
/// the machine's time-zone database, so every machine gives the same dates:
/// GMT, and BST (UTC+01:00) from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October (the Summer Time Order 2002; the
/// same rule since 1996). Dates before 1996 follow today's rule too.
public enum London {
    /// The last Sunday of `month` in `year`, as a day number.
    static func lastSunday(year: Int, month: Int) -> Int {
        let last = CivilDate.days(fromCivil: year, month, CivilDate.daysInMonth(year: year, month: month))
        // Day 0 (1970-01-01) was a Thursday: weekday 4 when Sunday is 0.
        let weekday = ((last + 4) % 7 + 7) % 7
        return last - weekday
    }

    /// Whether British Summer Time is in force at the instant `seconds` (since the epoch, UTC).
    public static func isSummerTime(_ seconds: Int64) -> Bool {
        let day = Int((seconds >= 0 ? seconds : seconds - 86399) / 86400)
        let year = CivilDate(dayNumber: day).year
        let begins = Int64(lastSunday(year: year, month: 3)) * 86400 + 3600
        let ends = Int64(lastSunday(year: year, month: 10)) * 86400 + 3600
        return seconds >= begins && seconds < ends
    }

    /// The offset from UTC in England at an instant, in minutes: 0 or 60.
    public static func offsetMinutes(at seconds: Int64) -> Int { isSummerTime(seconds) ? 60 : 0 }

    /// The calendar date in England at an instant, whatever offset it was written with.
    public static func date(of t: DateTime) -> CivilDate {
        let local = t.seconds + Int64(offsetMinutes(at: t.seconds) * 60)
        return CivilDate(dayNumber: Int((local >= 0 ? local : local - 86399) / 86400))
    }

    /// Midnight at the start of `date` in England. The clocks change at 01:00
    /// UTC, never at midnight, so the offset an hour before UTC midnight is the
    /// offset at London midnight.
    public static func startOfDay(_ date: CivilDate) -> DateTime {
        let utcMidnight = Int64(date.dayNumber) * 86400
        let offset = offsetMinutes(at: utcMidnight - 3600)
        return DateTime(seconds: utcMidnight - Int64(offset * 60), offsetMinutes: offset)
    }
}

public extension DateTime {
    /// The calendar date in England of this instant (SSDA903 dates are UK dates).
    var londonDate: CivilDate { London.date(of: self) }
}

public extension CivilDate {
    /// "20 Nov 2026", for messages.
    var shortText: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day) \(months[month - 1]) \(year)"
    }
}
