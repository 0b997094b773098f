import Foundation

/// A record read from input, with where it came from.
public struct InputRecord {
    public let file: String
    public let line: Int
    public let object: JSONObject
    public let kind: String
    /// The exact bytes of the line; valid only inside the callback.
    public let raw: UnsafeBufferPointer<UInt8>
    /// Where those bytes are, when asked for and the input can be read again.
    public var place: LinePlace? = nil
}

/// Where a line's exact bytes are in an input that can be read again (a
/// regular file, or a pipe copied to one): a fold keeps this, 16 bytes,
/// rather than the line, and reads the bytes back for `--rejects` (issue 17).
public struct LinePlace: Sendable, Equatable {
    /// The input's place among those read.
    public let input: Int
    /// Its offset in the input, and its length (terminator excluded).
    public let offset: Int
    public let length: Int
}

/// A rule broken by one record: reported against its line, which goes to `--rejects`.
public struct RecordError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}

/// Input files named on the command line, or standard input.
public struct InputFiles {
    public let paths: [String]

    public init(_ positionals: [String]) { paths = positionals.isEmpty ? ["-"] : positionals }

    public static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// Opens every input before any is read, so a missing file (exit 66)
    /// is found before output starts. Each is registered, so no output can be
    /// one of them, and a regular file is read only up to its size at open (see
    /// `SafeFile.readableEnd`), so a record being appended is never half read.
    public func open() throws -> [OpenedInput] {
        var opened: [OpenedInput] = []
        do {
            for p in paths {
                let fd = p == "-" ? STDIN_FILENO : try SafeFile.openForReading(path: p)
                if let id = FileIdentity(fd: fd) { InputRegistry.add(id) }
                opened.append(OpenedInput(name: InputFiles.displayName(p), fd: fd, end: SafeFile.readableEnd(fd: fd)))
            }
        } catch {
            opened.forEach { $0.close() }
            throw error
        }
        return opened
    }
}

/// An open input and the name its messages use.
public struct OpenedInput {
    public let name: String
    public var fd: Int32
    /// For a regular file: the offset reading stops at, its size when opened
    /// (what a writer appends later is not read). Nil for a pipe or terminal.
    public var end: Int?

    public init(name: String, fd: Int32, end: Int? = nil) {
        self.name = name
        self.fd = fd
        self.end = end
    }

    public func close() { if fd != STDIN_FILENO { _ = Foundation.close(fd) } }

    /// Makes the input readable twice: a pipe or terminal is first copied to
    /// an unlinked temporary file (mode 0600), so memory stays flat.
    public mutating func makeRewindable() throws {
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, lseek(fd, 0, SEEK_CUR) == 0 { return }
        var template = Array((NSTemporaryDirectory() + "/safeguard-spool-XXXXXX").utf8CString)
        let spool = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard spool >= 0 else { throw CommandFailure("cannot create a temporary file: \(String(cString: strerror(errno)))", exitCode: .cannotCreate) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        // A regular file read from an offset stops at its size when opened, as the reader does.
        var left = end.map { $0 - Int(lseek(fd, 0, SEEK_CUR)) } ?? Int.max
        while left > 0 {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, left)) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("cannot read \(name): \(String(cString: strerror(errno)))", exitCode: .ioError)
            }
            try buffer.withUnsafeBytes { try OutputSink.writeAll(fd: spool, UnsafeRawBufferPointer(rebasing: $0[..<n]), name: "a temporary file") }
            left -= n
        }
        close()
        fd = spool
        end = nil
        try rewind()
    }

    /// Whether a line read from it can be read again by its offset (`LinePlace`).
    public var canBeReadAgain: Bool {
        var st = stat()
        return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The `count` bytes at `offset`, read again; the input must not have shrunk.
    public func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n > 0 { done += n; continue }
            if n < 0, errno == EINTR { continue }
            let why = n == 0 ? "it is shorter than when it was read" : String(cString: strerror(errno))
            throw CommandFailure("cannot read \(name) again for the rejects file: \(why)", exitCode: .ioError)
        }
        return bytes
    }

    public func rewind() throws {
        guard lseek(fd, 0, SEEK_SET) == 0 else {
            throw CommandFailure("cannot rewind \(name): \(String(cString: strerror(errno)))", exitCode: .ioError)
        }
    }
}

/// Streams records from inputs. Every line that is not a JSON object with a
/// string `kind` and `"v": 1` is reported with file and line and kept in
/// `--rejects`; so is every line whose `body` throws a `RecordError`.
/// Blank lines are skipped. Nothing is dropped silently.
public func forEachRecord(in inputs: InputFiles, diagnostics: Diagnostics, voids: VoidHandling = .honour,
                          maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                          _ body: (InputRecord) throws -> Void) throws {
    var opened = try inputs.open()
    defer { opened.forEach { $0.close() } }
    try forEachRecord(in: &opened, diagnostics: diagnostics, voids: voids, maxLineBytes: maxLineBytes, body)
}

/// What a reader does with `void` records.
public enum VoidHandling: Sendable {
    /// A voided record and the void are treated as absent (the default), and a note says how many.
    case honour
    /// Every record is read as it stands, voids included (auditors; copying a case file).
    case keep
}

/// The same over inputs already open, read from their start. To honour voids a
/// pipe is first copied to a temporary file (so `opened` may change), for a
/// first pass that finds the voids. With `places`, each record from an input
/// that can be read again says where its line is (`InputRecord.place`).
public func forEachRecord(in opened: inout [OpenedInput], diagnostics: Diagnostics, voids handling: VoidHandling = .honour,
                          maxLineBytes: Int = LineReader.defaultMaxLineBytes, places: Bool = false,
                          _ body: (InputRecord) throws -> Void) throws {
    var voids = Voids()
    if handling == .honour {
        for k in opened.indices { try opened[k].makeRewindable() }
        voids = try Voids.find(in: opened)
    }
    let readAgain = opened.map { places && $0.canBeReadAgain }
    var voided = 0
    try forEachLine(in: opened, diagnostics: diagnostics, maxLineBytes: maxLineBytes) { k, name, line in
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try JSONParser.parse(line.bytes)
        } catch {
            try diagnostics.reject(name, line.number, error.message, raw: line.raw)
            return
        }
        guard case .object(let object) = value else {
            try diagnostics.reject(name, line.number, "a record must be a JSON object, found \(value.typeName)", raw: line.raw)
            return
        }
        guard let kind = object["kind"]?.stringValue, !kind.isEmpty else {
            try diagnostics.reject(name, line.number, "a record needs a \"kind\" string", raw: line.raw)
            return
        }
        guard object["v"] == .number("1") else {
            try diagnostics.reject(name, line.number, "field v: this tool reads schema version 1; the record has \(describeVersion(object["v"]))", raw: line.raw)
            return
        }
        do {
            if handling == .honour {
                if kind == VoidRecord.kind {
                    let v = try VoidRecord(object)
                    if voids.voidIDs.contains(v.voids) { throw RecordError("field voids: \(v.voids) is itself a void, and a void cannot be voided") }
                    return
                }
                if let id = object["id"]?.stringValue.flatMap(RecordID.init), voids.cancelled.contains(id) {
                    voided += 1
                    return
                }
            }
            let place = readAgain[k] ? LinePlace(input: k, offset: line.offset, length: line.raw.count) : nil
            try body(InputRecord(file: name, line: line.number, object: object, kind: kind, raw: line.raw, place: place))
        } catch let e as RecordError {
            try diagnostics.reject(name, line.number, e.description, raw: line.raw)
        }
    }
    if voided > 0, !diagnostics.quiet {
        diagnostics.note(VoidFilter.note(voided))
    }
}

/// Streams the non-blank lines of open inputs. An over-long line is reported
/// (and streamed to `--rejects`) without being held in memory; a read failure is exit 74.
public func forEachLine(in opened: [OpenedInput], diagnostics: Diagnostics,
                        maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                        _ body: (String, InputLine) throws -> Void) throws {
    try forEachLine(in: opened, diagnostics: diagnostics, maxLineBytes: maxLineBytes) { _, name, line in try body(name, line) }
}

/// The same, with each input's place among `opened`.
func forEachLine(in opened: [OpenedInput], diagnostics: Diagnostics, maxLineBytes: Int,
                 _ body: (Int, String, InputLine) throws -> Void) throws {
    for (k, input) in opened.enumerated() {
        let name = input.name
        let reader = LineReader(fd: input.fd, maxLineBytes: maxLineBytes, end: input.end)
        var sinkError: Error?
        reader.overflowSink = { chunk in
            do { try diagnostics.rejectChunk(chunk) } catch { sinkError = error }
        }
        do {
            try reader.forEachLine { line in
                if let sinkError { throw sinkError }
                switch LineTriage(line, regularFile: input.end != nil) {
                case .overlong(let length):
                    try diagnostics.endRejectedLine()
                    diagnostics.error(name, line.number, LineTriage.overlongMessage(length, limit: maxLineBytes))
                    return
                case .skip: return
                case .unfinished:
                    diagnostics.warning(LineTriage.unfinishedWarning(name, bytes: line.raw.count))
                    return
                case .record: break
                }
                try body(k, name, line)
            }
        } catch let e as POSIXError {
            throw CommandFailure("cannot read \(name): \(String(cString: strerror(e.code.rawValue)))", exitCode: .ioError)
        }
    }
}

func isBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    b.allSatisfy { $0 == 0x20 || $0 == 0x09 }
}

/// What a record's `v` is, for a message: a small whole number as it is,
/// anything else only by its type, so a mistyped field never echoes personal data.
func describeVersion(_ v: JSONValue?) -> String {
    guard let v else { return "none" }
    if let n = v.intValue, (-999...999).contains(n) { return "v \(n)" }
    return "v as \(v.typeName)"
}
