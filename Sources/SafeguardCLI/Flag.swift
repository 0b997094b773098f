import Foundation
import SafeguardCore

/// What parsing, `--help` and the man page know of an option. It comes from
/// one typed `Flag` declaration, so the three cannot disagree.
public struct FlagSpec: Sendable {
    public let long: String
    public let short: Character?
    /// The placeholder for the option's value (`DATE`, `FILE`...); nil for a switch.
    public let valueName: String?
    public let help: String
    /// The default the code uses, in words ("today", "5").
    public let defaultText: String?
    /// The values allowed, in words ("0 to 365").
    public let range: String?
    /// May be given more than once; each value may also be a comma-separated list.
    public let repeatable: Bool

    public var takesValue: Bool { valueName != nil }

    /// `-a, --as-of DATE` as shown in help.
    public var synopsis: String {
        var s = short.map { "-\($0), " } ?? "    "
        s += "--" + long
        if let v = valueName { s += " " + v }
        return s
    }

    /// The help text with the range, the default and repetition, as `--help` and the man page show it.
    public var fullHelp: String {
        var h = help
        let notes = [range, defaultText.map { "default: \($0)" }].compactMap { $0 }
        if !notes.isEmpty { h += " (" + notes.joined(separator: "; ") + ")" }
        if repeatable { h += " May be repeated or comma-separated." }
        return h
    }
}

/// How an option's text (or an answer at the prompt) becomes a value, and
/// the values it allows in words. Options and prompts share these; a person at
/// the prompt may also use the spellings `atPrompt` adds (a date as 14/03/2010,
/// `today`, a date-time in UK time, `now`), which options never take.
public struct ValueParser<T>: Sendable {
    public let parse: @Sendable (String) -> Result<T, InputProblem>
    public let range: String?
    /// An answer at the prompt: by default as an option is read.
    public let atPrompt: @Sendable (String, Environment) -> Result<T, InputProblem>
    /// How a value is shown in the summary (a code's label, a date in words); nil: as typed.
    public let describe: @Sendable (T) -> String?
    /// Whether an answer is echoed back as `describe` shows it, so it cannot be misread (dates).
    public let echoes: Bool

    public init(range: String? = nil, _ parse: @escaping @Sendable (String) -> Result<T, InputProblem>) {
        self.init(range: range, parse, atPrompt: { text, _ in parse(text) }, describe: { _ in nil })
    }

    public init(range: String? = nil, _ parse: @escaping @Sendable (String) -> Result<T, InputProblem>,
                atPrompt: @escaping @Sendable (String, Environment) -> Result<T, InputProblem>,
                describe: @escaping @Sendable (T) -> String?, echoes: Bool = false) {
        self.parse = parse
        self.range = range
        self.atPrompt = atPrompt
        self.describe = describe
        self.echoes = echoes
    }
}

public extension ValueParser where T == CivilDate {
    /// ISO in options; at the prompt also dd/mm/yyyy, d/m/yyyy, today and yesterday, echoed in ISO and in words.
    static var date: Self {
        ValueParser(Parse.date, atPrompt: { Parse.promptDate($0, today: $1.today()) }, describe: { $0.echoed }, echoes: true)
    }
}
public extension ValueParser where T == DateTime {
    /// ISO with an offset in options; at the prompt also without one (UK time) and `now`.
    static var dateTime: Self {
        ValueParser(Parse.dateTime, atPrompt: { Parse.promptDateTime($0, now: $1.now(), today: $1.today()) }, describe: { $0.echoed }, echoes: true)
    }
}
public extension ValueParser where T == RecordID {
    static var id: Self { ValueParser(Parse.id) }
}
public extension ValueParser where T == Country {
    static var country: Self { ValueParser(Parse.country) }
}
public extension ValueParser where T == LanguageTag {
    static var language: Self { ValueParser(Parse.language) }
}
public extension ValueParser where T == String {
    /// Free text; blank counts as not given.
    static var text: Self { ValueParser(Parse.text) }
    /// A path, taken as written.
    static var path: Self { ValueParser { .success($0) } }
}
public extension ValueParser where T == Int {
    static func int(in range: ClosedRange<Int>) -> Self {
        ValueParser(range: "\(range.lowerBound) to \(range.upperBound)") { Parse.int($0, in: range) }
    }
}
public extension ValueParser where T == Bool {
    static var yesNo: Self { ValueParser(range: "yes or no", Parse.yesNo, atPrompt: { t, _ in Parse.yesNo(t) }, describe: { $0 ? "yes" : "no" }) }
}
public extension ValueParser where T: CodeList {
    static var code: Self {
        let parse: @Sendable (String) -> Result<T, InputProblem> = { text in
            T(rawValue: text).map { .success($0) } ?? .failure(InputProblem(T.unknownMessage(text)))
        }
        return ValueParser(parse, atPrompt: { t, _ in parse(t) }, describe: { $0.label })
    }
}

/// A command-line option declared once, with its type, range and default.
/// A command reads its value through the declaration (`try context[flag]`),
/// never by name, so the default `--help` shows is the one the code uses.
public struct Flag<Value: Sendable>: Sendable, AnyFlag {
    public let spec: FlagSpec
    let read: @Sendable (ParsedArguments, Environment) throws -> Value
    /// The same value typed as an answer at the prompt: checked as the option is
    /// (with the prompt's own spellings of dates and times).
    let answer: @Sendable (String, Environment) -> Result<Value, InputProblem>
    /// The value in words for the summary, and whether an answer is echoed.
    let describe: @Sendable (Value) -> String?
    let echoes: Bool

    public var long: String { spec.long }
}

/// Any flag, whatever its type: what a command's list of flags holds.
public protocol AnyFlag: Sendable {
    var spec: FlagSpec { get }
}

extension FlagSpec: AnyFlag {
    public var spec: FlagSpec { self }
}

public extension Flag where Value == Bool {
    /// A switch: true when given.
    init(switch long: String, short: Character? = nil, help: String) {
        spec = FlagSpec(long: long, short: short, valueName: nil, help: help, defaultText: nil, range: nil, repeatable: false)
        read = { a, _ in a.switches.contains(long) }
        answer = { t, _ in Parse.yesNo(t) }
        describe = { $0 ? "yes" : "no" }
        echoes = false
    }
}

public extension Flag {
    /// An option that may be left out: nil when not given.
    init<T: Sendable>(_ long: String, short: Character? = nil, value: String, help: String, _ parser: ValueParser<T>) where Value == T? {
        spec = FlagSpec(long: long, short: short, valueName: value, help: help, defaultText: nil, range: parser.range, repeatable: false)
        read = { a, _ in try a.value(long).map { try Self.parse($0, parser, long) } }
        answer = { parser.atPrompt($0, $1).map(Optional.some) }
        describe = { $0.flatMap(parser.describe) }
        echoes = parser.echoes
    }

    /// An option with a fixed default, shown as it is typed.
    init(_ long: String, short: Character? = nil, value: String, help: String, _ parser: ValueParser<Value>, default: Value,
         defaultText: String) {
        spec = FlagSpec(long: long, short: short, valueName: value, help: help, defaultText: defaultText, range: parser.range, repeatable: false)
        read = { a, _ in try a.value(long).map { try Self.parse($0, parser, long) } ?? `default` }
        answer = parser.atPrompt
        describe = parser.describe
        echoes = parser.echoes
    }

    /// A number's default. (No dynamic casts here: they cost start-up time.)
    init(_ long: String, short: Character? = nil, value: String, help: String, _ parser: ValueParser<Value>, default: Value) where Value == Int {
        self.init(long, short: short, value: value, help: help, parser, default: `default`, defaultText: String(`default`))
    }

    /// A code's default, by its code.
    init(_ long: String, short: Character? = nil, value: String, help: String, _ parser: ValueParser<Value>, default: Value) where Value: CodeList {
        self.init(long, short: short, value: value, help: help, parser, default: `default`, defaultText: `default`.rawValue)
    }

    /// An option whose default depends on the environment (today's date).
    init(_ long: String, short: Character? = nil, value: String, help: String, _ parser: ValueParser<Value>,
         defaultText: String, default: @escaping @Sendable (Environment) -> Value) {
        spec = FlagSpec(long: long, short: short, valueName: value, help: help, defaultText: defaultText, range: parser.range, repeatable: false)
        read = { a, env in try a.value(long).map { try Self.parse($0, parser, long) } ?? `default`(env) }
        answer = parser.atPrompt
        describe = parser.describe
        echoes = parser.echoes
    }

    /// A repeatable option: every value given, comma-separated lists split, each once and in order.
    init<T: Hashable & Sendable>(_ long: String, short: Character? = nil, value: String, help: String, each parser: ValueParser<T>) where Value == [T] {
        spec = FlagSpec(long: long, short: short, valueName: value, help: help, defaultText: nil, range: parser.range, repeatable: true)
        read = { a, _ in try a.list(long).map { try Self.parse($0, parser, long) }.uniqued() }
        describe = { values in values.isEmpty ? nil : values.map { parser.describe($0) ?? "\($0)" }.joined(separator: ", ") }
        echoes = false
        answer = { text, env in
            var values: [T] = []
            for part in text.split(separator: ",").map({ String($0).trimmed }) where !part.isEmpty {
                switch parser.atPrompt(part, env) {
                case .success(let v): values.append(v)
                case .failure(let p): return .failure(p)
                }
            }
            return .success(values.uniqued())
        }
    }

    static func parse<T>(_ text: String, _ parser: ValueParser<T>, _ long: String) throws -> T {
        switch parser.parse(text) {
        case .success(let v): return v
        case .failure(let p): throw UsageError("--\(long): \(p.message)")
        }
    }
}

public extension Flag where Value == CivilDate {
    /// A date that defaults to today, by the command's clock.
    static func date(_ long: String, help: String) -> Flag<CivilDate> {
        Flag(long, value: "DATE", help: help, .date, defaultText: "today") { $0.today() }
    }
}

/// What the world tells a command: the clock, whether a person is typing, and
/// whether a person reads standard output (a terminal: reports print a table).
/// Passed in, so tests can fix them.
public struct Environment: Sendable {
    public var today: @Sendable () -> CivilDate
    public var now: @Sendable () -> DateTime
    public var standardInputIsTerminal: Bool
    public var standardOutputIsTerminal: Bool
    /// The environment variables the suite reads (SAFEGUARD_RULES); read here, never in the core.
    public var variables: [String: String]

    public init(today: @escaping @Sendable () -> CivilDate, now: @escaping @Sendable () -> DateTime, standardInputIsTerminal: Bool,
                standardOutputIsTerminal: Bool = false, variables: [String: String] = [:]) {
        self.today = today
        self.now = now
        self.standardInputIsTerminal = standardInputIsTerminal
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.variables = variables
    }

    public static func system() -> Environment {
        let vars = ProcessInfo.processInfo.environment.filter { $0.key == rulesVariable }
        return Environment(today: { CivilDate.today() }, now: { DateTime.now() }, standardInputIsTerminal: isatty(STDIN_FILENO) == 1,
                           standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1, variables: vars)
    }

    /// The variable that sets the rule set when --rules is not given.
    public static let rulesVariable = "SAFEGUARD_RULES"
}

/// Options several tools share, declared once here.
public enum CommonFlag {
    public static let help = Flag(switch: "help", short: "h", help: "Show this help and exit.")
    public static let version = Flag(switch: "version", help: "Show the version and exit.")
    public static let asOf = Flag.date("as-of", help: "Report as of this date (yyyy-mm-dd), so a report can be reproduced.")
    public static let rejects = Flag<String?>("rejects", value: "FILE", help: "Write each bad input line, byte for byte, to FILE (created with mode 0600).", .path)
    public static let pass = Flag(switch: "pass", help: "Copy records of other kinds to the output unchanged, so mixed case files flow through a pipeline.")
    public static let append = Flag<String?>("append", value: "FILE", help: "Append the record to FILE instead of writing it to standard output. The file is created with mode 0600, locked while written, and synced.", .path)
    public static let interactive = Flag(switch: "interactive", short: "i", help: "Ask for each field at the prompt (the default when standard input is a terminal and no field is given as an option).")
    public static let yes = Flag(switch: "yes", short: "y", help: "At the prompt, skip the final confirmation.")
    public static let caseFile = Flag<[String]>("case", value: "FILE", help: "Another file of the same case: the record is checked against it too, as against the --append file (a case split across files).", each: .path)
    /// The rule set: --rules, else $SAFEGUARD_RULES, else sources. A bad value in the variable is a usage error, never ignored.
    public static let rules: Flag<RuleSet> = {
        let long = "rules"
        let parser = ValueParser<RuleSet>.code
        return Flag(spec: FlagSpec(long: long, short: nil, valueName: "RULES",
                                   help: "sources (the source documents' rules, 2007-2016) or current (England and Wales today: RG in working days, 30-day recovery period, current code lists). Also set by \(Environment.rulesVariable) in the environment.",
                                   defaultText: "sources", range: parser.range, repeatable: false),
                    read: { a, env in
                        if let text = try a.value(long) { return try Flag<RuleSet>.parse(text, parser, long) }
                        guard let text = env.variables[Environment.rulesVariable], !text.isEmpty else { return .sources }
                        guard let r = RuleSet(rawValue: text) else {
                            throw UsageError("\(Environment.rulesVariable): \(RuleSet.unknownMessage(text)); or give --rules")
                        }
                        return r
                    },
                    answer: { t, _ in parser.parse(t) }, describe: { $0.rawValue }, echoes: false)
    }()
    public static let format = Flag<ReportFormat>("format", value: "FORMAT", help: "text: a plain-English table, one row per case, for a person; ndjson: one record per line, for scripts.",
                                                  .code, defaultText: "text when standard output is a terminal, else ndjson") { $0.standardOutputIsTerminal ? .text : .ndjson }
    public static let id = Flag<RecordID?>("id", value: "ID", help: "Use this record id instead of a generated one (letters, digits, . _ : -).", .id)
}
