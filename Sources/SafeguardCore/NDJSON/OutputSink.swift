import Foundation

/// A failure writing output: exit 74, or 73 when the file cannot be created.
public struct OutputError: Error, CustomStringConvertible {
    public let description: String
    public let exitCode: ExitCode
    /// The reader went away (EPIPE, as with `| head -1`): for a filter that is
    /// no error, and the command ends quietly with exit 0.
    public var readerClosed = false

    public init(description: String, exitCode: ExitCode, readerClosed: Bool = false) {
        self.description = description
        self.exitCode = exitCode
        self.readerClosed = readerClosed
    }
}

/// A buffered writer to a file descriptor. A reader that went away (EPIPE)
/// is an `OutputError` with `readerClosed` set.
public final class OutputSink {
    public let fd: Int32
    public let name: String
    var buffer: [UInt8] = []
    let flushAt: Int
    /// Output to a terminal has its control characters shown escaped
    /// (`TerminalText`); into a pipe or a file it is written byte for byte.
    let escapesControls: Bool

    public init(fd: Int32, name: String, bufferSize: Int = 1 << 16) {
        self.fd = fd
        self.name = name
        escapesControls = isatty(fd) == 1
        flushAt = bufferSize
        buffer.reserveCapacity(bufferSize + 4096)
    }


    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        // A large chunk (a long rejected line) goes straight out, never copied into the buffer.
        if bytes.count >= flushAt {
            try flush()
            try OutputSink.writeAll(fd: fd, UnsafeRawBufferPointer(bytes), name: name)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushAt { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushAt { try flush() }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Writes one record as one line.
    public func write(record: JSONValue) throws {
        JSONWriter.write(record, into: &buffer)
        buffer.append(0x0A)
        if buffer.count >= flushAt { try flush() }
    }

    public func flush() throws {
        if escapesControls {
            let escaped: [UInt8]? = buffer.withUnsafeBufferPointer { bytes in
                guard TerminalText.needsEscaping(bytes) else { return nil }
                var out: [UInt8] = []
                TerminalText.appendEscaped(bytes, to: &out)
                return out
            }
            if let escaped { buffer = escaped }
        }
        try buffer.withUnsafeBytes { try OutputSink.writeAll(fd: fd, $0, name: name) }
        buffer.removeAll(keepingCapacity: true)
    }

    static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n >= 0 { offset += n; continue }
            if errno == EINTR { continue }
            if errno == EPIPE { throw OutputError(description: "\(name) was closed by its reader", exitCode: .ok, readerClosed: true) }
            if errno == EBADF { throw OutputError(description: "cannot write to \(name): it is closed", exitCode: .ioError) }
            throw OutputError(description: "cannot write to \(name): \(String(cString: strerror(errno)))", exitCode: .ioError)
        }
    }
}

public extension OutputSink {
    /// Copies an input line through unchanged, adding the newline.
    func writeLine(_ raw: UnsafeBufferPointer<UInt8>) throws {
        try write(raw)
        try write([0x0A])
    }
}
