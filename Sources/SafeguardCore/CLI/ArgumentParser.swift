/// The result of parsing a command's arguments against its declared flags.
public struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var switches: Set<String> = []
    public internal(set) var positionals: [String] = []

    public init() {}

    public func has(_ long: String) -> Bool { switches.contains(long) }
    public func value(_ long: String) -> String? { values[long]?.last }
    /// Every value of a repeatable flag, with comma-separated lists split.
    public func list(_ long: String) -> [String] {
        (values[long] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmed } }.filter { !$0.isEmpty }
    }
    /// A free-text value; an empty or blank one counts as not given.
    public func text(_ long: String) -> String? {
        guard let v = value(long), !v.trimmed.isEmpty else { return nil }
        return v
    }

    /// True when the flag was given at all (switch or value).
    public func isGiven(_ long: String) -> Bool { switches.contains(long) || values[long] != nil }

    /// An option's value parsed as at the prompt, so both accept and refuse the same things.
    public func parsed<T>(_ long: String, _ parse: (String) -> Result<T, InputProblem>) throws -> T? {
        guard let text = value(long) else { return nil }
        switch parse(text) {
        case .success(let v): return v
        case .failure(let p): throw UsageError("--\(long): \(p.message)")
        }
    }

    public func date(_ long: String) throws -> CivilDate? { try parsed(long, Parse.date) }

    public func int(_ long: String, in range: ClosedRange<Int>) throws -> Int? { try parsed(long) { Parse.int($0, in: range) } }

    public func code<C: CodeList>(_ long: String, _ type: C.Type = C.self) throws -> C? {
        guard let text = value(long) else { return nil }
        guard let c = C(rawValue: text) else { throw UsageError("--\(long): \(C.unknownMessage(text))") }
        return c
    }

    public func codes<C: CodeList>(_ long: String, _ type: C.Type = C.self) throws -> [C] {
        try list(long).map { text in
            guard let c = C(rawValue: text) else { throw UsageError("--\(long): \(C.unknownMessage(text))") }
            return c
        }
    }

    /// A yes/no option value.
    public func bool(_ long: String) throws -> Bool? {
        guard let text = value(long) else { return nil }
        guard let b = parseYesNo(text) else { throw UsageError("--\(long): '\(text)' must be yes or no") }
        return b
    }
}

func parseYesNo(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "y", "yes", "true": return true
    case "n", "no", "false": return false
    default: return nil
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Parses `--long VALUE`, `--long=VALUE`, `-s VALUE`, `-sVALUE`, grouped
/// switches (`-iy`), `--` to end options, and `-` as a positional (stdin).
public enum ArgumentParser {
    public static func parse(_ argv: [String], flags: [Flag]) throws -> ParsedArguments {
        var result = ParsedArguments()
        var k = 0
        func record(_ f: Flag, _ value: String?) throws {
            if let value {
                if result.values[f.long] != nil, !f.repeatable { throw UsageError("--\(f.long) is given more than once") }
                result.values[f.long, default: []].append(value)
            } else {
                result.switches.insert(f.long)
            }
        }
        func takeValue(_ f: Flag, inline: String?) throws -> String {
            if let inline { return inline }
            k += 1
            guard k < argv.count else { throw UsageError("--\(f.long) needs a value (\(f.valueName ?? "VALUE"))") }
            return argv[k]
        }
        while k < argv.count {
            let a = argv[k]
            if a == "--" {
                result.positionals.append(contentsOf: argv[(k + 1)...])
                break
            } else if a.hasPrefix("--") {
                let body = a.dropFirst(2)
                let name: String, inline: String?
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq]); inline = String(body[body.index(after: eq)...])
                } else {
                    name = String(body); inline = nil
                }
                guard let f = flags.first(where: { $0.long == name }) else {
                    throw UsageError("unknown option --\(name)" + suggestion(for: name, in: flags))
                }
                if f.takesValue {
                    try record(f, try takeValue(f, inline: inline))
                } else {
                    guard inline == nil else { throw UsageError("--\(name) takes no value") }
                    try record(f, nil)
                }
            } else if a.hasPrefix("-"), a.count > 1 {
                var rest = Substring(a.dropFirst())
                while let c = rest.first {
                    rest = rest.dropFirst()
                    guard let f = flags.first(where: { $0.short == c }) else { throw UsageError("unknown option -\(c)") }
                    if f.takesValue {
                        try record(f, try takeValue(f, inline: rest.isEmpty ? nil : String(rest)))
                        break
                    }
                    try record(f, nil)
                }
            } else {
                result.positionals.append(a)
            }
            k += 1
        }
        return result
    }

    static func suggestion(for name: String, in flags: [Flag]) -> String {
        let close = flags.filter { $0.long.hasPrefix(name) || name.hasPrefix($0.long) || editDistance($0.long, name) <= 2 }
        guard let best = close.first else { return "" }
        return "; did you mean --\(best.long)?"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[y.count]
    }
}

/// A value an option had to give: a usage error names the option when it is missing.
/// `prompt` says whether the command could have asked for it at the prompt instead.
public func need<T>(_ value: T?, _ flag: Flag, prompt: Bool = true) throws -> T {
    guard let value else {
        throw UsageError("--\(flag.long) is needed" + (prompt ? " (or run with --interactive to be asked)" : ""))
    }
    return value
}

public extension ParsedArguments {
    /// Indicator codes from a repeatable option, each checked against the catalogue.
    func indicators(_ long: String) throws -> [String] {
        let codes = list(long).uniqued()
        for code in codes where IndicatorCatalogue.indicator(code) == nil {
            throw UsageError("--\(long): \(IndicatorCatalogue.unknownMessage(code))")
        }
        return codes
    }

    /// The `--id` given, or a new one with this prefix.
    func recordID(prefix: String) throws -> RecordID {
        guard let text = value(Flag.id.long) else { return RecordID.generate(prefix: prefix) }
        return try recordID(from: text, what: "--id")
    }

    func recordID(from text: String, what: String) throws -> RecordID {
        guard let id = RecordID(text) else { throw UsageError("\(what): '\(text.prefix(70))' is not a valid id; \(RecordID.rule)") }
        return id
    }

    func country(_ long: String) throws -> Country? { try parsed(long, Parse.country) }
}
