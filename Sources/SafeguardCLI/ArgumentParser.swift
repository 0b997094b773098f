import SafeguardCore

/// The result of parsing a command's arguments against its declared flags.
public struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var switches: Set<String> = []
    public internal(set) var positionals: [String] = []

    public init() {}

    func value(_ long: String) -> String? { values[long]?.last }
    /// Every value of a repeatable flag, with comma-separated lists split.
    func list(_ long: String) -> [String] {
        (values[long] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmed } }.filter { !$0.isEmpty }
    }
    /// True when the flag was given at all (switch or value).
    public func isGiven(_ flag: some AnyFlag) -> Bool { switches.contains(flag.spec.long) || values[flag.spec.long] != nil }
}

/// Parses `--long VALUE`, `--long=VALUE`, `-s VALUE`, `-sVALUE`, grouped
/// switches (`-iy`), `--` to end options, and `-` as a positional (stdin).
/// A value that starts with `-` must be joined to its option (`--long=-1`,
/// `-s-1`): written apart it is taken for the next option, and refused.
public enum ArgumentParser {
    public static func parse(_ argv: [String], flags: [FlagSpec]) throws -> ParsedArguments {
        var result = ParsedArguments()
        var k = 0
        func record(_ f: FlagSpec, _ value: String?) throws {
            if let value {
                if result.values[f.long] != nil, !f.repeatable { throw UsageError("--\(f.long) is given more than once") }
                result.values[f.long, default: []].append(value)
            } else {
                result.switches.insert(f.long)
            }
        }
        func takeValue(_ f: FlagSpec, inline: String?) throws -> String {
            if let inline { return inline }
            k += 1
            guard k < argv.count else { throw UsageError("--\(f.long) needs a value (\(f.valueName ?? "VALUE"))") }
            // `--name --interpreter-needed` would store a flag as the name and drop the flag:
            // a value that starts with '-' is taken only when written `--name=VALUE`.
            guard !argv[k].hasPrefix("-") else {
                throw UsageError("--\(f.long) needs a value (\(f.valueName ?? "VALUE")), but the next argument is an option; "
                                 + "a value that starts with '-' must be written --\(f.long)=VALUE")
            }
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

    static func suggestion(for name: String, in flags: [FlagSpec]) -> String {
        let close = flags.filter { $0.long.hasPrefix(name) || name.hasPrefix($0.long) || Nearest.editDistance($0.long, name) <= 2 }
        guard let best = close.first else { return "" }
        return "; did you mean --\(best.long)?"
    }
}

