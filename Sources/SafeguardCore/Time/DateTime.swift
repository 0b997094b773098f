import Foundation

/// An instant written as ISO 8601 with its offset (`2026-11-20T18:30:00+00:00`,
/// `...Z`). It keeps the offset it was written with, so its civil date is the
/// date the caseworker saw on the clock, while comparisons use the instant.
public struct DateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// The offset from UTC it was written with, in minutes.
    public let offsetMinutes: Int

    public init(seconds: Int64, offsetMinutes: Int = 0) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `yyyy-mm-ddThh:mm[:ss[.fff]]` followed by `Z` or `±hh:mm`. The offset is required:
    /// a time without one would mean different instants on different machines.
    /// `requireSeconds` is the record form (RFC 3339, as the schemas say); a
    /// person typing an option or an answer may leave the seconds out.
    public init?(_ text: String, requireSeconds: Bool = false) {
        let b = Array(text.utf8)
        guard b.count >= 17, let date = CivilDate(utf8: b[0..<10]), b[10] == UInt8(ascii: "T") else { return nil }
        func num(_ r: Range<Int>) -> Int? { asciiNumber(b, r) }
        guard let hh = num(11..<13), b[13] == UInt8(ascii: ":"), let mm = num(14..<16), hh < 24, mm < 60 else { return nil }
        var i = 16, ss = 0
        if requireSeconds, !(i < b.count && b[i] == UInt8(ascii: ":")) { return nil }
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = num(17..<19), s < 60 else { return nil }
            ss = s
            i = 19
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let fractionStart = i
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > fractionStart else { return nil }
            }
        }
        guard i < b.count else { return nil }
        let offset: Int
        if b[i] == UInt8(ascii: "Z") && i + 1 == b.count {
            offset = 0
        } else if (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")), b.count == i + 6, b[i + 3] == UInt8(ascii: ":"),
                  let oh = num((i + 1)..<(i + 3)), let om = num((i + 4)..<(i + 6)), oh < 24, om < 60 {
            offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 60 + om)
        } else {
            return nil
        }
        let local = Int64(date.dayNumber) * 86400 + Int64(hh * 3600 + mm * 60 + ss)
        self.init(seconds: local - Int64(offset * 60), offsetMinutes: offset)
    }

    /// The civil date on the clock it was written with.
    public var localDate: CivilDate {
        let local = seconds + Int64(offsetMinutes * 60)
        return CivilDate(dayNumber: Int((local >= 0 ? local : local - 86399) / 86400))
    }

    public var description: String {
        let local = seconds + Int64(offsetMinutes * 60)
        let day = (local >= 0 ? local : local - 86399) / 86400
        let secs = Int(local - day * 86400)
        var s = CivilDate(dayNumber: Int(day)).description + "T" + pad(secs / 3600, 2) + ":" + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2)
        if offsetMinutes == 0 { s += "Z" } else {
            let m = abs(offsetMinutes)
            s += (offsetMinutes < 0 ? "-" : "+") + pad(m / 60, 2) + ":" + pad(m % 60, 2)
        }
        return s
    }

    public func adding(hours: Int) -> DateTime { DateTime(seconds: seconds + Int64(hours) * 3600, offsetMinutes: offsetMinutes) }

    /// Whole hours from `self` to `later` (rounded down).
    public func hours(to later: DateTime) -> Int { Int((later.seconds - seconds) / 3600) }

    public static func < (a: DateTime, b: DateTime) -> Bool { a.seconds < b.seconds }
    public static func == (a: DateTime, b: DateTime) -> Bool { a.seconds == b.seconds }
    public func hash(into h: inout Hasher) { h.combine(seconds) }

    /// The start of a civil day in UTC.
    public init(startOf date: CivilDate) { self.init(seconds: Int64(date.dayNumber) * 86400) }

    /// Now, in UTC.
    public static func now() -> DateTime { DateTime(seconds: Int64(time(nil))) }
}
