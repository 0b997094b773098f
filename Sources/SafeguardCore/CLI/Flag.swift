/// A command-line option, declared once. Parsing, `--help` and the man-page
/// check all read the same declaration, so they cannot disagree.
public struct Flag: Sendable, Hashable {
    public let long: String
    public let short: Character?
    /// The placeholder for the option's value (`DATE`, `FILE`...); nil for a switch.
    public let valueName: String?
    public let help: String
    /// The default, as shown in help ("today", "5").
    public let defaultText: String?
    /// May be given more than once; each value may also be a comma-separated list.
    public let repeatable: Bool

    public init(_ long: String, short: Character? = nil, value: String? = nil,
                help: String, default defaultText: String? = nil, repeatable: Bool = false) {
        self.long = long
        self.short = short
        self.valueName = value
        self.help = help
        self.defaultText = defaultText
        self.repeatable = repeatable
    }

    public var takesValue: Bool { valueName != nil }

    /// `-a, --as-of DATE` as shown in help and man pages.
    public var synopsis: String {
        var s = short.map { "-\($0), " } ?? "    "
        s += "--" + long
        if let v = valueName { s += " " + v }
        return s
    }
}

/// Options several tools share, declared once here.
public extension Flag {
    static let help = Flag("help", short: "h", help: "Show this help and exit.")
    static let version = Flag("version", help: "Show the version and exit.")
    static let asOf = Flag("as-of", value: "DATE", help: "Report as of this date (yyyy-mm-dd), so a report can be reproduced.", default: "today")
    static let rejects = Flag("rejects", value: "FILE", help: "Write each bad input line, byte for byte, to FILE (created with mode 0600).")
    static let pass = Flag("pass", help: "Copy records of other kinds to the output unchanged, so mixed case files flow through a pipeline.")
    static let append = Flag("append", value: "FILE", help: "Append the record to FILE instead of writing it to standard output. The file is created with mode 0600, locked while written, and synced.")
    static let interactive = Flag("interactive", short: "i", help: "Ask for each field at the prompt (the default when standard input is a terminal and no field is given as an option).")
    static let yes = Flag("yes", short: "y", help: "At the prompt, skip the final confirmation.")
    static let id = Flag("id", value: "ID", help: "Use this record id instead of a generated one (letters, digits, . _ : -).")
}
