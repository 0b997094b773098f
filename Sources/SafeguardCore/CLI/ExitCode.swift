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
    case cannotCreate = 73
    case ioError = 74
    /// Conventional shell code for an interrupt (128 + SIGINT).
    case interrupted = 130
}
