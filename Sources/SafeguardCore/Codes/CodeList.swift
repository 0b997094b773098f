/// A closed list of codes (kebab-case strings, as in `Schemas/`), each with
/// the label a caseworker sees at the prompt.
public protocol CodeList: CaseIterable, RawRepresentable, Hashable, Sendable, JSONRepresentable where RawValue == String {
    /// What one code is called, for messages: "exploitation type".
    static var listName: String { get }
    var label: String { get }
}

public extension CodeList {
    static var codes: [String] { allCases.map(\.rawValue) }

    /// "'x' is not a known exploitation type; use one of: a, b, c"
    static func unknownMessage(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "'\(shown)' is not a known \(listName); use one of: \(codes.joined(separator: ", "))"
    }

    /// The same for a value read from a record, which is never echoed: a
    /// mistyped field may hold personal data (a name in the wrong field).
    static var unknownCodeMessage: String {
        "is not a known \(listName); use one of: \(codes.joined(separator: ", "))"
    }
}

/// A record id: letters, digits and `. _ : -`, 1 to 64 characters, starting
/// with a letter or digit. Safe in file names, shell words and CSV cells.
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard (1...64).contains(u.count), RecordID.isAlnum(u[0]),
              u.allSatisfy({ RecordID.isAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x3A || $0 == 0x2D }) else { return nil }
        rawValue = text
    }

    static func isAlnum(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }

    public var description: String { rawValue }
    public static func < (a: RecordID, b: RecordID) -> Bool { a.rawValue < b.rawValue }

    /// A new random id with a readable prefix, e.g. `ref-7KQ2M9XD4B`.
    /// Crockford base32 (no I, L, O, U) so ids read aloud over the phone are unambiguous.
    public static func generate(prefix: String) -> RecordID {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var rng = SystemRandomNumberGenerator()
        let body = String((0..<10).map { _ in alphabet[Int(rng.next() % 32)] })
        return RecordID(prefix + "-" + body)!
    }

    public static let rule = "an id is 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"
}

/// A spoken or written language, as a lowercase BCP 47 tag ("en", "sq", "pt-br").
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
    public var description: String { rawValue }
    public let rawValue: String
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.utf8.allSatisfy({ (0x61...0x7A).contains($0) }),
              parts.dropFirst().allSatisfy({ (2...8).contains($0.count) && $0.utf8.allSatisfy(RecordID.isAlnum) })
        else { return nil }
        rawValue = text
    }
}
