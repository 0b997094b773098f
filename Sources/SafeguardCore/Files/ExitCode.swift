/// Process exit codes. The non-zero ones follow sysexits(3), so cron jobs and
/// shell scripts can tell a usage mistake from bad data from an I/O fault.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    /// A report found something that needs a person's action (documented per tool).
    case actionNeeded = 1
    /// Interactive entry abandoned (end of input); nothing was written.
    case cancelled = 2
    case usage = 64
    case dataError = 65
    case noInput = 66
    /// A fault in the tool itself, not in its input (EX_SOFTWARE).
    case software = 70
    case cannotCreate = 73
    case ioError = 74
    /// Conventional shell code for an interrupt (128 + SIGINT).
    case interrupted = 130
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
