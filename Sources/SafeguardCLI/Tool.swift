import Foundation
import SafeguardCore

/// A tool: a name and its subcommands.
public struct Tool: Sendable {
    public let name: String
    public let summary: String
    public let commands: [Command]
    /// The fold that checks what the tool appends against its case, and names the kinds it keeps.
    public let caseChecker: (any CaseChecking.Type)?
    /// The suite's version and its date, for `--version` and each man page's `.TH` line.
    public static let version = "0.1.0"
    public static let date = "2026-12-02"

    public init(name: String, summary: String, commands: [Command], caseChecker: (any CaseChecking.Type)? = nil) {
        self.name = name
        self.summary = summary
        self.commands = commands
        self.caseChecker = caseChecker
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
        let rows = c.allFlags.map { ("  " + $0.synopsis, $0.fullHelp) }
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
        StandardDescriptors.ensureOpen()
        if let bad = Self.firstArgumentNotUTF8() {
            StandardError.shared.write("\(name): argument \(bad) is not valid UTF-8; give names, paths and text in UTF-8\n\(usageLine)\n")
            exit(ExitCode.usage.rawValue)
        }
        exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
    }

    /// The position of the first argument that is not valid UTF-8, if any.
    /// `CommandLine.arguments` has already replaced such bytes with U+FFFD (a
    /// name or a file name would silently change), so the raw argv is read.
    static func firstArgumentNotUTF8() -> Int? {
        for k in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[k] else { continue }
            if String(validatingCString: raw) == nil { return k }
        }
        return nil
    }

    /// Runs the tool; returns the exit code. Diagnostics go to standard error.
    public func run(_ argv: [String], output: OutputSink = OutputSink(fd: STDOUT_FILENO, name: "standard output"),
                    environment: Environment = .system()) -> ExitCode {
        let err = StandardError.shared
        InputRegistry.reset()
        guard let first = argv.first else {
            err.write(helpText)
            return .usage
        }
        switch first {
        case "-h", "--help": return write(helpText, to: output)
        case "--version": return write("\(name) \(Tool.version)\n", to: output)
        case ManPage.command: return write(ManPage(tool: self).render(existing: readStandardInput()), to: output)
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
        if args.isGiven(CommonFlag.help) { return write(helpText(for: command), to: output) }
        if args.isGiven(CommonFlag.version) { return write("\(name) \(Tool.version)\n", to: output) }
        if !command.takesOperands, !args.positionals.isEmpty {
            // The operand itself is not echoed: it may be a name typed without quotes.
            let hint = command.declares(CommonFlag.append) ? "; to write to a file, use --append FILE" : ""
            err.write("\(name) \(command.name): takes no operands, but \(args.positionals.count) \(args.positionals.count == 1 ? "was" : "were") given\(hint)\n"
                      + "\(usageLine(for: command))\nRun '\(name) \(command.name) --help' for more.\n")
            return .usage
        }

        let diagnostics = Diagnostics(tool: name) { err.write($0) }
        let context = CommandContext(tool: name, command: command, arguments: args, environment: environment,
                                     output: output, diagnostics: diagnostics, caseChecker: caseChecker)
        do {
            if command.declares(CommonFlag.rejects), let path = try context[CommonFlag.rejects] {
                // Checked now against the files named; opened once the inputs are (Diagnostics.openRejects).
                try diagnostics.openRejects(path: path, inputs: context.namedInputs)
            }
            defer { diagnostics.closeRejectsIfOpen() }
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
        } catch let e as OutputError where e.readerClosed {
            return .ok
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
            // Anything else is a fault in the tool itself, not in the input.
            try? output.flush()
            err.write("\(name): internal error: \(error)\n")
            return .software
        }
    }

    /// Writes help or version text; a failure to write it is exit 74.
    func write(_ text: String, to output: OutputSink) -> ExitCode {
        do {
            try output.write(text)
            try output.flush()
            return .ok
        } catch let e as OutputError where e.readerClosed {
            return .ok
        } catch {
            StandardError.shared.write("\(name): \(error)\n")
            return .ioError
        }
    }

    func readStandardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
