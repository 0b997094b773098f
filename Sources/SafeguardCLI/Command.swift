import Foundation
import SafeguardCore

/// A usage mistake: exit 64 with a usage line.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}

/// One subcommand: its declaration (name, flags, help) beside the code that runs it.
public struct Command: Sendable {
    public let name: String
    public let summary: String
    /// What follows the command name in a usage line, e.g. "[OPTIONS] [FILE...]".
    public let usage: String
    /// Paragraphs shown under the usage line in `--help`.
    public let details: String
    public let flags: [FlagSpec]
    public let run: @Sendable (CommandContext) throws -> ExitCode

    public init(name: String, summary: String, usage: String = "[OPTIONS]", details: String = "",
                flags: [any AnyFlag], run: @escaping @Sendable (CommandContext) throws -> ExitCode) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.details = details
        self.flags = flags.map(\.spec)
        self.run = run
    }

    /// The declared flags plus --help and --version, which every command has.
    public var allFlags: [FlagSpec] { flags + [CommonFlag.help.spec, CommonFlag.version.spec] }

    public func declares(_ flag: some AnyFlag) -> Bool { flags.contains { $0.long == flag.spec.long } }

    /// Whether the command takes operands, as its usage line shows: input
    /// files (`[FILE...]`) or an id first (`PLAN-ID ...`). One that takes none
    /// refuses a stray operand (exit 64) rather than ignoring it.
    public var takesOperands: Bool {
        let words = usage.split(separator: " ")
        guard let first = words.first else { return false }
        return usage.contains("[FILE...]") || (first.first?.isUppercase ?? false && !first.hasSuffix("OPTIONS]"))
    }
}

/// What a running command is given: its parsed arguments, the environment, and where to write.
public final class CommandContext {
    public let tool: String
    public let command: Command
    public let arguments: ParsedArguments
    public let environment: Environment
    public let output: OutputSink
    public let diagnostics: Diagnostics

    /// The fold that checks a record against its case before it is appended.
    public let caseChecker: (any CaseChecking.Type)?

    public init(tool: String, command: Command, arguments: ParsedArguments, environment: Environment,
                output: OutputSink, diagnostics: Diagnostics, caseChecker: (any CaseChecking.Type)? = nil) {
        self.caseChecker = caseChecker
        self.tool = tool
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.output = output
        self.diagnostics = diagnostics
    }

    /// A flag's value, read through its declaration: its parser, range and default.
    public subscript<Value>(flag: Flag<Value>) -> Value {
        get throws { try flag.read(arguments, environment) }
    }

    /// Whether the flag was given on the command line (a default does not count).
    public func isGiven(_ flag: some AnyFlag) -> Bool { arguments.isGiven(flag) }

    /// The operands after the options.
    public var operands: [String] { arguments.positionals }

    /// The files the operands name (`-`: standard input), before any is opened:
    /// an output named on the command line must be none of them.
    public var namedInputs: Set<FileIdentity> {
        Set(operands.compactMap { $0 == "-" ? FileIdentity(fd: STDIN_FILENO) : FileIdentity(path: $0) })
    }

    /// Records the command does not use and did not copy through: one note says how many.
    var leftOut = 0
    /// What those records are, in the note.
    public var leftOutWhat = "record(s) of other kinds"

    /// A record this command does not use: copied through unchanged with `--pass`
    /// (when the command has it), else left out and counted.
    public func passOrLeaveOut(_ r: InputRecord) throws {
        if command.declares(CommonFlag.pass), try self[CommonFlag.pass] { try output.writeLine(r.raw) } else { leftOut += 1 }
    }

    func noteLeftOut() {
        guard leftOut > 0 else { return }
        diagnostics.note("\(leftOut) \(leftOutWhat) left out" + (command.declares(CommonFlag.pass) ? "; use --pass to copy them through" : ""))
    }

    /// The `--as-of` date, or today.
    public func asOf() throws -> CivilDate { try self[CommonFlag.asOf] }

    /// Today, by the command's clock.
    public var today: CivilDate { environment.today() }
}

/// A value an option had to give: a usage error names the option when it is missing.
/// `prompt` says whether the command could have asked for it at the prompt instead.
public func need<T, V>(_ value: T?, _ flag: Flag<V>, prompt: Bool = true) throws -> T {
    guard let value else {
        throw UsageError("--\(flag.long) is needed" + (prompt ? " (or run with --interactive to be asked)" : ""))
    }
    return value
}

public extension CommandContext {
    /// The `--id` given, or a new one with this prefix.
    func recordID(prefix: String) throws -> RecordID {
        try self[CommonFlag.id] ?? RecordID.generate(prefix: prefix)
    }

    /// An id given as an operand.
    func recordID(from text: String, what: String) throws -> RecordID {
        guard let id = RecordID(text) else { throw UsageError("\(what): '\(text.prefix(70))' is not a valid id; \(RecordID.rule)") }
        return id
    }

    /// Writes a record the command made: to the `--append` case file when
    /// given (whole line, locked, synced; never onto an input of this
    /// command), otherwise to standard output. An appended record is first
    /// checked against its case, under the lock: the --append file as it
    /// stands and every --case file (exit 65, nothing written, when it would
    /// break a rule; see `SafeFile.append`).
    func emit(_ made: JSONValue) throws {
        // A command that takes --rules names its rule set in the record it makes, when current.
        let record = command.declares(CommonFlag.rules) ? try self[CommonFlag.rules].stamp(made) : made
        guard let path = try self[CommonFlag.append] else {
            try output.write(record: record)
            return
        }
        let object = record.objectValue ?? JSONObject()
        if object["kind"]?.stringValue == VoidRecord.kind, let v = try? VoidRecord(object) {
            try append(record, to: path) { inputs in
                if let problem = try VoidCheck.problem(v, kinds: self.caseKinds, in: &inputs) {
                    throw CommandFailure("not written: \(problem)", exitCode: .dataError)
                }
            }
        } else if let checker = caseChecker {
            try append(record, to: path) { inputs in try CaseCheck.check(object, against: &inputs, using: checker) }
        } else {
            try append(record, to: path) { _ in }
        }
    }

    /// The kinds this tool keeps, which its `void` may cancel.
    var caseKinds: Set<String> { caseChecker?.kinds ?? [] }

    /// Appends under the lock, after `check` has read the case: the --append
    /// file as it stands, then each --case file. The --case files are opened
    /// first, so one that is the --append file itself is refused as an input.
    func append(_ record: JSONValue, to path: String, check: @escaping (inout [OpenedInput]) throws -> Void) throws {
        var line: [UInt8] = []
        JSONWriter.write(record, into: &line)
        line.append(0x0A)
        let others = command.declares(CommonFlag.caseFile) ? try self[CommonFlag.caseFile] : []
        let opened = others.isEmpty ? [] : try InputFiles(others).open()
        defer { opened.forEach { $0.close() } }
        let done = try SafeFile.append(line, to: path, inputs: InputRegistry.all) { input in
            var all = [input] + opened
            try check(&all)
        }
        for p in done.narrowed { diagnostics.note("\(p) could be read by others; its mode is now 0600") }
        if done.addedNewline {
            diagnostics.note("\(path) ended in a complete record without a newline; the newline was added and the record kept")
        }
        if let torn = done.tornPath {
            diagnostics.warning("\(path) ended in an unfinished record (\(done.tornBytes) bytes, not valid JSON: an interrupted writer?); "
                                + "it was moved byte for byte to \(torn)")
        }
        let what = [record.objectValue?["kind"]?.stringValue, record.objectValue?["id"]?.stringValue].compactMap { $0 }
        diagnostics.note("appended \(what.joined(separator: " ")) to \(path)")
    }

    /// Whether to ask at the prompt: `--interactive`, or a terminal on standard
    /// input and none of `fieldFlags` given.
    func wantsPrompt(fieldFlags: [any AnyFlag]) throws -> Bool {
        if try self[CommonFlag.interactive] { return true }
        return environment.standardInputIsTerminal && !fieldFlags.contains { arguments.isGiven($0) }
    }
}
