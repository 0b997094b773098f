import Foundation

/// One line of input, without its terminator. `bytes` is only valid inside
/// the callback that receives it: copy what you keep.
public struct InputLine {
    public let number: Int
    /// The line with any trailing CR removed (and a leading BOM on line 1).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The exact bytes as read, terminator excluded: what `--rejects` keeps.
    public let raw: UnsafeBufferPointer<UInt8>
    /// Set when the line was longer than the limit; `bytes` and `raw` are then empty.
    public let overlongLength: Int?
    /// The input ended before a newline: the last line of a file without one.
    public var endsWithoutNewline = false
    /// Where `raw` starts: for a regular file its offset in the file, so the
    /// line can be read again (`pread`) instead of held; for a pipe, the bytes read before it.
    public var offset = 0
}

/// Reads lines from a file descriptor in chunks, never loading a whole file.
/// A line longer than `maxLineBytes` is skipped in bounded memory and reported
/// with its length; its bytes go to `overflowSink` (for `--rejects`) as they stream past.
public final class LineReader {
    public static let defaultMaxLineBytes = 16 << 20

    let fd: Int32
    let maxLineBytes: Int
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var start = 0, filled = 0
    /// The input offset of `buffer[0]`.
    var base: Int
    var lineNumber = 0
    var eof = false
    public var overflowSink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    /// Bytes still to read before `end`; nil reads to end of file.
    var left: Int?
    /// Where the next read starts, for a reader of one block of a file (`pread`:
    /// several readers share the descriptor, so none moves its offset).
    var offset: Int?
    /// Whether line 1 is the input's first line (a block further on has no byte-order mark to strip).
    let atStart: Bool

    /// With `end`, reading stops at that offset (a regular file's size when opened).
    public init(fd: Int32, maxLineBytes: Int = LineReader.defaultMaxLineBytes, end: Int? = nil) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        // A pipe has no offset: its lines are counted from where reading starts.
        let at = max(0, Int(lseek(fd, 0, SEEK_CUR)))
        base = at
        left = end.map { max(0, $0 - at) }
        atStart = true
        capacity = min(1 << 20, maxLineBytes + 1)
        buffer = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// A reader of the bytes `range` of a regular file, which starts at a line's
    /// start; its line numbers count from the range's start.
    public init(fd: Int32, maxLineBytes: Int = LineReader.defaultMaxLineBytes, range: Range<Int>, atStart: Bool) {
        self.fd = fd
        self.maxLineBytes = maxLineBytes
        left = range.count
        offset = range.lowerBound
        base = range.lowerBound
        self.atStart = atStart
        // A small block needs no large buffer; a long line grows it as it would.
        capacity = min(1 << 20, maxLineBytes + 1, max(4096, range.count + 1))
        buffer = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// The lines read so far (over-long and blank ones included).
    public var linesRead: Int { lineNumber }

    deinit { free(buffer) }

    /// Calls `body` for every line. Throws the errno of a failed read.
    public func forEachLine(_ body: (InputLine) throws -> Void) throws {
        while true {
            // Look for a newline in what is buffered.
            if filled > start, let nl = memchr(buffer + start, 0x0A, filled - start) {
                let end = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                try emit(from: start, to: end, body)
                start = end + 1
                continue
            }
            if eof {
                if filled > start { try emit(from: start, to: filled, unterminated: true, body) }
                base += filled; start = 0; filled = 0
                return
            }
            // Make room: slide the partial line to the front, or grow, or overflow.
            if start > 0 {
                memmove(buffer, buffer + start, filled - start)
                base += start; filled -= start; start = 0
            }
            if filled == capacity {
                if capacity <= maxLineBytes {
                    let newCapacity = min(capacity * 2, maxLineBytes + 1)
                    // realloc grows a large buffer in place (mremap), so the old and new never coexist.
                    guard let grown = realloc(buffer, newCapacity) else { throw POSIXError(.ENOMEM) }
                    buffer = grown.assumingMemoryBound(to: UInt8.self); capacity = newCapacity
                } else {
                    try skipOverlongLine(body)
                    continue
                }
            }
            try fill()
        }
    }

    func fill() throws {
        if left == 0 { eof = true; return }
        while true {
            let want = min(capacity - filled, left ?? Int.max)
            let n = offset.map { pread(fd, buffer + filled, want, off_t($0)) } ?? read(fd, buffer + filled, want)
            if n > 0 {
                filled += n
                if let l = left { left = l - n }
                if let o = offset { offset = o + n }
                return
            }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// The buffer is full with no newline: stream the rest of the line to the sink.
    func skipOverlongLine(_ body: (InputLine) throws -> Void) throws {
        var total = 0
        while true {
            if let nl = memchr(buffer + start, 0x0A, filled - start) {
                let end = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                overflowSink?(UnsafeBufferPointer(start: buffer + start, count: end - start))
                total += end - start
                start = end + 1
                break
            }
            overflowSink?(UnsafeBufferPointer(start: buffer + start, count: filled - start))
            total += filled - start
            base += filled; start = 0; filled = 0
            if eof { break }
            try fill()
        }
        lineNumber += 1
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        try body(InputLine(number: lineNumber, bytes: empty, raw: empty, overlongLength: total))
    }

    func emit(from s: Int, to e: Int, unterminated: Bool = false, _ body: (InputLine) throws -> Void) throws {
        lineNumber += 1
        let raw = UnsafeBufferPointer(start: buffer + s, count: e - s)
        var a = s, z = e
        if z > a, buffer[z - 1] == 0x0D { z -= 1 }
        if lineNumber == 1, atStart, z - a >= 3, buffer[a] == 0xEF, buffer[a + 1] == 0xBB, buffer[a + 2] == 0xBF { a += 3 }
        try body(InputLine(number: lineNumber, bytes: UnsafeBufferPointer(start: buffer + a, count: z - a), raw: raw, overlongLength: nil,
                           endsWithoutNewline: unterminated, offset: base + s))
    }
}
