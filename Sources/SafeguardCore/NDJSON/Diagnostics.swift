import Foundation

/// Reports bad input lines as `tool: FILE:LINE: message`, keeps the count
/// that decides the exit code, and copies each bad line to `--rejects`.
/// The messages go to `show`, which the command-line layer points at
/// standard error: the core itself never prints.
/// Messages name the line and the field, never the field's value when it may be personal.
public final class Diagnostics {
    public let tool: String
    public private(set) var errorCount = 0
    var rejects: OutputSink?
    var rejectsPath: String?

    /// When set, messages are counted but not printed (a second pass over input already checked).
    public let quiet: Bool
    /// Lines rejected so far, when `tracksRejectedLines` (validate's second pass skips them).
    public var tracksRejectedLines = false
    public private(set) var rejectedLines = Set<SourceLine>()

    let show: (String) -> Void

    public init(tool: String, quiet: Bool = false, show: @escaping (String) -> Void) {
        self.tool = tool
        self.quiet = quiet
        self.show = show
    }

    /// One that counts like this one but prints nothing (a second pass over input already checked).
    public func quietCopy() -> Diagnostics { Diagnostics(tool: tool, quiet: true, show: show) }

    /// Inputs named before any was opened (the operands), refused as rejects files up front.
    var namedInputs: Set<FileIdentity> = []

    /// Names the rejects file. It is checked now (`SafeFile.checkOutput`) but
    /// opened, and emptied, only when the first bad line comes or the command
    /// ends well: by then every input is open, so a missing input leaves an
    /// old rejects file as it was, and an input is never taken for it.
    public func openRejects(path: String, inputs: Set<FileIdentity> = []) throws {
        try SafeFile.checkOutput(path: path, inputs: inputs.union(InputRegistry.all))
        rejectsPath = path
        namedInputs = inputs
    }

    /// The rejects sink, opened on first use.
    func rejectsSink() throws -> OutputSink? {
        if let rejects { return rejects }
        guard let path = rejectsPath else { return nil }
        let (fd, narrowed) = try SafeFile.openOutput(path: path, mode: .truncate, inputs: namedInputs.union(InputRegistry.all))
        if narrowed { note("\(path) could be read by others; its mode is now 0600") }
        let sink = OutputSink(fd: fd, name: path)
        rejects = sink
        return sink
    }

    /// Whether bad lines are being kept (`--rejects`).
    public var keepsRejects: Bool { rejectsPath != nil }

    public func closeRejects() throws {
        guard let r = try rejectsSink() else { return }
        try r.flush()
        if fsync(r.fd) != 0 && errno != EINVAL {
            throw OutputError(description: "cannot sync \(r.name): \(String(cString: strerror(errno)))", exitCode: .ioError)
        }
        close(r.fd)
        rejects = nil
        rejectsPath = nil
    }

    /// After a failure: keeps the bad lines already written, and creates nothing.
    public func closeRejectsIfOpen() {
        guard let r = rejects else { return }
        try? r.flush()
        _ = fsync(r.fd)
        close(r.fd)
        rejects = nil
        rejectsPath = nil
    }

    /// A bad line: reported, counted, and its exact bytes kept in the rejects file.
    public func reject(_ file: String, _ line: Int, _ message: String, raw: UnsafeBufferPointer<UInt8>?) throws {
        error(file, line, message)
        if let raw, let r = try rejectsSink() {
            try r.write(raw)
            try r.write([0x0A])
        }
    }

    public func reject(_ file: String, _ line: Int, _ message: String, raw: [UInt8]) throws {
        try raw.withUnsafeBufferPointer { try reject(file, line, message, raw: $0) }
    }

    /// Starts the rejects copy of an over-long line; its bytes follow through `rejectChunk`.
    func rejectChunk(_ bytes: UnsafeBufferPointer<UInt8>) throws { try rejectsSink()?.write(bytes) }
    func endRejectedLine() throws { try rejectsSink()?.write([0x0A]) }

    public func error(_ file: String, _ line: Int, _ message: String) {
        errorCount += 1
        if tracksRejectedLines { rejectedLines.insert(SourceLine(file: file, line: line)) }
        if quiet { return }
        show("\(tool): \(file):\(line): \(message)\n")
    }

    public func warning(_ message: String) {
        show("\(tool): warning: \(message)\n")
    }

    public func note(_ message: String) {
        show("\(tool): \(message)\n")
    }
}
