/// Why an answer or an option value was not accepted, in words for the person typing.
public struct InputProblem: Error {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Parsers shared by options and prompts, so both accept and refuse the same things.
public enum Parse {
    public static func date(_ text: String) -> Result<CivilDate, InputProblem> {
        CivilDate(text).map { .success($0) } ?? .failure(InputProblem("'\(text.prefix(20))' is not a real date; write it as yyyy-mm-dd, e.g. 2026-03-31."))
    }

    public static func dateTime(_ text: String) -> Result<DateTime, InputProblem> {
        DateTime(text).map { .success($0) }
            ?? .failure(InputProblem("'\(text.prefix(30))' is not a real date-time with an offset; write it as yyyy-mm-ddThh:mm+00:00 (or Z)."))
    }

    public static func id(_ text: String) -> Result<RecordID, InputProblem> {
        RecordID(text).map { .success($0) } ?? .failure(InputProblem("Not a valid id: \(RecordID.rule)."))
    }

    public static func country(_ text: String) -> Result<Country, InputProblem> {
        Country(text.uppercased()).map { .success($0) } ?? .failure(InputProblem(Country.unknownMessage(text) + "."))
    }

    public static func int(_ text: String, in range: ClosedRange<Int>) -> Result<Int, InputProblem> {
        guard let n = Int(text), range.contains(n) else {
            return .failure(InputProblem("Give a whole number from \(range.lowerBound) to \(range.upperBound)."))
        }
        return .success(n)
    }

    public static func language(_ text: String) -> Result<LanguageTag, InputProblem> {
        LanguageTag(text.lowercased()).map { .success($0) }
            ?? .failure(InputProblem("'\(text.prefix(20))' is not a language tag such as en, sq or pt-br."))
    }

    /// Free text: anything but blank.
    public static func text(_ text: String) -> Result<String, InputProblem> {
        text.trimmed.isEmpty ? .failure(InputProblem("It is empty.")) : .success(text)
    }

    /// A yes/no answer or option value.
    public static func yesNo(_ text: String) -> Result<Bool, InputProblem> {
        switch text.lowercased() {
        case "y", "yes", "true": return .success(true)
        case "n", "no", "false": return .success(false)
        default: return .failure(InputProblem("Answer y or n."))
        }
    }
}

public extension String {
    /// Without leading and trailing white space.
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
