import Foundation

/// A usage mistake: exit 64 with a usage line.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}

/// A fault that ends the command with a given exit code and message.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public let exitCode: ExitCode
    public init(_ message: String, exitCode: ExitCode) {
        description = message
        self.exitCode = exitCode
    }
}

/// One subcommand: its declaration (name, flags, help) beside the code that runs it.
public struct Command: Sendable {
    public let name: String
    public let summary: String
    /// What follows the command name in a usage line, e.g. "[OPTIONS] [FILE...]".
    public let usage: String
    /// Paragraphs shown under the usage line in `--help`.
    public let details: String
    public let flags: [Flag]
    public let run: @Sendable (CommandContext) throws -> ExitCode

    public init(name: String, summary: String, usage: String = "[OPTIONS]", details: String = "",
                flags: [Flag], run: @escaping @Sendable (CommandContext) throws -> ExitCode) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.details = details
        self.flags = flags
        self.run = run
    }

    /// The declared flags plus --help and --version, which every command has.
    public var allFlags: [Flag] { flags + [.help, .version] }
}

/// What a running command is given: its parsed arguments and where to write.
public final class CommandContext {
    public let tool: String
    public let command: Command
    public let arguments: ParsedArguments
    public let output: OutputSink
    public let diagnostics: Diagnostics

    public init(tool: String, command: Command, arguments: ParsedArguments, output: OutputSink, diagnostics: Diagnostics) {
        self.tool = tool
        self.command = command
        self.arguments = arguments
        self.output = output
        self.diagnostics = diagnostics
    }

    /// Records the command does not use and did not copy through: one note says how many.
    var leftOut = 0
    /// What those records are, in the note.
    public var leftOutWhat = "record(s) of other kinds"

    /// A record this command does not use: copied through unchanged with `--pass`
    /// (when the command has it), else left out and counted.
    public func passOrLeaveOut(_ r: InputRecord) throws {
        if command.allFlags.contains(.pass) && arguments.has(Flag.pass.long) { try output.writeLine(r.raw) } else { leftOut += 1 }
    }

    func noteLeftOut() {
        guard leftOut > 0 else { return }
        diagnostics.note("\(leftOut) \(leftOutWhat) left out" + (command.allFlags.contains(.pass) ? "; use --pass to copy them through" : ""))
    }

    /// The `--as-of` date, or today.
    public func asOf() throws -> CivilDate { try arguments.date(Flag.asOf.long) ?? CivilDate.today() }
}

/// A tool: a name, a version and its subcommands.
public struct Tool: Sendable {
    public let name: String
    public let summary: String
    public let commands: [Command]
    public static let version = "0.1.0"

    public init(name: String, summary: String, commands: [Command]) {
        self.name = name
        self.summary = summary
        self.commands = commands
    }

    public var usageLine: String { "Usage: \(name) COMMAND [OPTIONS] [ARGS...]" }

    public var helpText: String {
        var s = "\(name): \(summary)\n\n\(usageLine)\n\nCommands:\n"
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for c in commands {
            s += "  " + c.name.padding(toLength: width, withPad: " ", startingAt: 0) + c.summary + "\n"
        }
        s += "\nOptions:\n  -h, --help     Show this help and exit.\n      --version  Show the version and exit.\n"
        s += "\nRun '\(name) COMMAND --help' for a command's options. See also \(name)(1).\n"
        return s
    }

    public func usageLine(for c: Command) -> String { "Usage: \(name) \(c.name) \(c.usage)" }

    public func helpText(for c: Command) -> String {
        var s = usageLine(for: c) + "\n\n" + c.summary + "\n"
        if !c.details.isEmpty { s += "\n" + c.details + "\n" }
        s += "\nOptions:\n"
        let rows = c.allFlags.map { f -> (String, String) in
            var h = f.help
            if let d = f.defaultText { h += " (default: \(d))" }
            if f.repeatable { h += " May be repeated or comma-separated." }
            return ("  " + f.synopsis, h)
        }
        let width = min((rows.map(\.0.count).max() ?? 0) + 2, 34)
        for (left, right) in rows {
            if left.count + 2 > width {
                s += left + "\n" + String(repeating: " ", count: width) + right + "\n"
            } else {
                s += left.padding(toLength: width, withPad: " ", startingAt: 0) + right + "\n"
            }
        }
        return s
    }

    /// Runs the tool with the process's arguments and exits.
    public func main() -> Never {
        signal(SIGPIPE, SIG_DFL)
        exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
    }

    /// Runs the tool; returns the exit code. Diagnostics go to standard error.
    public func run(_ argv: [String], output: OutputSink = .standardOutput()) -> ExitCode {
        let err = StandardError.shared
        guard let first = argv.first else {
            err.write(helpText)
            return .usage
        }
        switch first {
        case "-h", "--help": print(helpText, terminator: ""); return .ok
        case "--version": print("\(name) \(Tool.version)"); return .ok
        default: break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let known = commands.map(\.name).joined(separator: ", ")
            err.write("\(name): unknown command '\(first)'; the commands are: \(known)\n\(usageLine)\n")
            return .usage
        }
        let args: ParsedArguments
        do {
            args = try ArgumentParser.parse(Array(argv.dropFirst()), flags: command.allFlags)
        } catch {
            err.write("\(name) \(command.name): \(error)\n\(usageLine(for: command))\nRun '\(name) \(command.name) --help' for more.\n")
            return .usage
        }
        if args.has(Flag.help.long) { print(helpText(for: command), terminator: ""); return .ok }
        if args.has(Flag.version.long) { print("\(name) \(Tool.version)"); return .ok }

        let diagnostics = Diagnostics(tool: name)
        let context = CommandContext(tool: name, command: command, arguments: args, output: output, diagnostics: diagnostics)
        do {
            if let path = args.value(Flag.rejects.long) {
                try diagnostics.openRejects(path: path)
            }
            var code = try command.run(context)
            context.noteLeftOut()
            try output.flush()
            try diagnostics.closeRejects()
            // Bad input outranks "action needed": a report built on bad lines is not to be trusted.
            if diagnostics.errorCount > 0, code == .ok || code == .actionNeeded { code = .dataError }
            return code
        } catch let e as UsageError {
            err.write("\(name) \(command.name): \(e.description)\n\(usageLine(for: command))\n")
            return .usage
        } catch let e as CommandFailure {
            try? output.flush()
            err.write("\(name): \(e.description)\n")
            return e.exitCode
        } catch let e as RecordError {
            try? output.flush()
            err.write("\(name): \(e.description)\n")
            return .dataError
        } catch let e as OutputError {
            err.write("\(name): \(e.description)\n")
            return e.exitCode
        } catch {
            try? output.flush()
            err.write("\(name): \(error)\n")
            return .ioError
        }
    }
}

public extension CommandContext {
    /// Writes a record the command made: to the `--append` case file when
    /// given (whole line, locked, synced), otherwise to standard output.
    func emit(_ record: JSONValue) throws {
        guard let path = arguments.value(Flag.append.long) else {
            try output.write(record: record)
            return
        }
        var line: [UInt8] = []
        JSONWriter.write(record, into: &line)
        line.append(0x0A)
        let cut = try SafeFile.append(line, to: path)
        if cut > 0 {
            diagnostics.warning("\(path) ended in an unfinished line (\(cut) bytes) left by an interrupted writer; it was removed before appending")
        }
        let what = [record.objectValue?["kind"]?.stringValue, record.objectValue?["id"]?.stringValue].compactMap { $0 }
        diagnostics.note("appended \(what.joined(separator: " ")) to \(path)")
    }

    /// Whether to ask at the prompt: `--interactive`, or a terminal on standard
    /// input and none of `fieldFlags` given.
    func wantsPrompt(fieldFlags: [Flag]) -> Bool {
        if arguments.has(Flag.interactive.long) { return true }
        return isatty(STDIN_FILENO) == 1 && !fieldFlags.contains { arguments.isGiven($0.long) }
    }
}
