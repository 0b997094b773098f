/// UK civil time (Europe/London): GMT in winter, BST (+01:00) in summer, and
/// dates and times in words. A caseworker at the prompt types the time on the
/// clock; the record keeps the instant with its offset.
public enum UKTime {
    /// The Summer Time Order 2002 (SI 2002/262): British Summer Time runs from
    /// 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday in
    /// October (the rule in force since 1996). Earlier years are read by the same
    /// rule: the tools record present-day casework.
    public static func offsetMinutes(at instant: Int64) -> Int {
        let day = Int((instant >= 0 ? instant : instant - 86399) / 86400)
        let year = CivilDate(dayNumber: day).year
        let start = Int64(lastSunday(of: 3, in: year).dayNumber) * 86400 + 3600
        let end = Int64(lastSunday(of: 10, in: year).dayNumber) * 86400 + 3600
        return instant >= start && instant < end ? 60 : 0
    }

    static func lastSunday(of month: Int, in year: Int) -> CivilDate {
        let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
        // Day 0 (1970-01-01) was a Thursday: weekday 0 is Sunday.
        let weekday = ((last.dayNumber + 4) % 7 + 7) % 7
        return last.adding(days: -weekday)
    }

    /// The instant a UK clock showed this date and time. At the autumn change
    /// the hour from 01:00 to 02:00 happens twice: the earlier instant (BST) is
    /// taken, so a "last seen" time never makes a child missing for less long
    /// than they were. In the spring gap (01:00 to 02:00 does not happen) there
    /// is no such instant, and the answer is refused.
    public static func instant(_ date: CivilDate, hour: Int, minute: Int, second: Int = 0) -> Result<DateTime, InputProblem> {
        let local = Int64(date.dayNumber) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        for offset in [60, 0] {
            let utc = local - Int64(offset * 60)
            if offsetMinutes(at: utc) == offset { return .success(DateTime(seconds: utc, offsetMinutes: offset)) }
        }
        return .failure(InputProblem("\(pad(hour, 2)):\(pad(minute, 2)) on \(date.inWords) did not happen in the UK: the clocks went forward from 01:00 to 02:00."))
    }

    /// The same instant on the UK clock.
    public static func local(_ t: DateTime) -> DateTime { DateTime(seconds: t.seconds, offsetMinutes: offsetMinutes(at: t.seconds)) }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}

public extension CivilDate {
    /// "14 March 2010".
    var inWords: String {
        let (y, m, d) = components
        return "\(d) \(UKTime.months[m - 1]) \(y)"
    }

    /// "2010-03-14 (14 March 2010)": how a date typed at the prompt is echoed, so it cannot be misread.
    var echoed: String { "\(description) (\(inWords))" }
}

public extension DateTime {
    /// "30 November 2026, 18:00 GMT" on the UK clock.
    var inWordsUK: String {
        let uk = UKTime.local(self)
        let local = uk.seconds + Int64(uk.offsetMinutes * 60)
        let secs = Int(((local % 86400) + 86400) % 86400)
        var s = "\(uk.localDate.inWords), \(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2))"
        if secs % 60 != 0 { s += ":\(pad(secs % 60, 2))" }
        return s + (uk.offsetMinutes == 60 ? " BST" : " GMT")
    }

    /// "2026-11-30T18:00:00Z (30 November 2026, 18:00 GMT)".
    var echoed: String { "\(description) (\(inWordsUK))" }

    /// "2026-11-30 18:00" on the UK clock: a date-time in a table.
    var shortUK: String {
        let uk = UKTime.local(self)
        let local = uk.seconds + Int64(uk.offsetMinutes * 60)
        let secs = Int(((local % 86400) + 86400) % 86400)
        return "\(uk.localDate) \(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2))"
    }
}

public extension Parse {
    /// A date as a person types it at the prompt: `dd/mm/yyyy`, `d/m/yyyy`,
    /// `yyyy-mm-dd`, `today` or `yesterday`. Options take ISO dates only.
    static func promptDate(_ text: String, today: CivilDate) -> Result<CivilDate, InputProblem> {
        switch text.lowercased() {
        case "today": return .success(today)
        case "yesterday": return .success(today.adding(days: -1))
        default: break
        }
        if let d = CivilDate(text) { return .success(d) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
           parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
           let d = CivilDate(year: Int(parts[2])!, month: Int(parts[1])!, day: Int(parts[0])!) {
            return .success(d)
        }
        return .failure(InputProblem("'\(text.prefix(20))' is not a real date; write it as dd/mm/yyyy (14/03/2010), yyyy-mm-dd, today or yesterday."))
    }

    /// A date-time at the prompt: `now`; an ISO date-time with an offset; or a
    /// date as `promptDate` reads it and a time (`hh:mm` or `hh:mm:ss`, after a
    /// `T` or a space) without an offset, taken as UK time (GMT or BST).
    static func promptDateTime(_ text: String, now: DateTime, today: CivilDate) -> Result<DateTime, InputProblem> {
        if text.lowercased() == "now" { return .success(UKTime.local(now)) }
        if let t = DateTime(text) { return .success(t) }
        let problem = InputProblem("'\(text.prefix(30))' is not a real date-time; write it as dd/mm/yyyy hh:mm (UK time), yyyy-mm-ddThh:mm, with an offset (+01:00, Z) if not UK time, or now.")
        var datePart = Substring(text), timePart = Substring("")
        if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = text[..<t]
            timePart = text[text.index(after: t)...].drop { $0 == " " }
        }
        guard case .success(let date) = promptDate(String(datePart), today: today) else { return .failure(problem) }
        let hms = timePart.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(hms.count), hms.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let h = Int(hms[0]), let m = Int(hms[1]), h < 24, m < 60 else { return .failure(problem) }
        let s = hms.count == 3 ? Int(hms[2])! : 0
        guard s < 60 else { return .failure(problem) }
        return UKTime.instant(date, hour: h, minute: m, second: s)
    }
}
