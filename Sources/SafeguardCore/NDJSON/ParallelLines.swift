import Foundation

/// Handles lines for `forEachLine(in:diagnostics:threads:workers:write:)`.
/// Each thread has its own worker, so a worker needs no lock; the caller
/// merges what the workers gathered once every line is read.
public protocol LineWorker: AnyObject {
    /// Appends the line's output (if any) to `out`, or throws `RecordError`
    /// to reject the line (what it appended is then taken back).
    func take(_ line: InputLine, into out: inout [UInt8]) throws
}

/// Reads inputs line by line with `threads` workers (issue 17). A regular
/// file is cut into newline-aligned blocks that the workers take in turn;
/// each block's output, bad lines and warnings are kept, and this thread
/// writes them in input order, so stdout, stderr (FILE:LINE, fixed up by the
/// lines before the block) and `--rejects` are byte for byte what one thread
/// gives. A pipe, or `threads` 1, is read as a stream by `workers[0]`.
/// Memory is bounded: at most `2 * threads` blocks are held at once.
public func forEachLine<W: LineWorker>(in opened: [OpenedInput], diagnostics: Diagnostics, threads: Int, workers: [W],
                                       maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                                       write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    precondition(!workers.isEmpty)
    for input in opened {
        if threads > 1, let range = FileBlocks.regularRange(input) {
            try forEachLineInBlocks(input, range: range, diagnostics: diagnostics, workers: Array(workers.prefix(threads)),
                                    maxLineBytes: maxLineBytes, write: write)
            continue
        }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        try forEachLine(in: [input], diagnostics: diagnostics, maxLineBytes: maxLineBytes) { name, line in
            out.removeAll(keepingCapacity: true)
            do {
                try workers[0].take(line, into: &out)
            } catch let e as RecordError {
                try diagnostics.reject(name, line.number, e.description, raw: line.raw)
                return
            }
            if !out.isEmpty { try out.withUnsafeBufferPointer(write) }
        }
    }
}

/// What a worker leaves of one block for the thread that writes in order.
final class BlockResult {
    enum Event {
        /// A rejected line: its number in the block, the message, its bytes in `raws`.
        case reject(line: Int, message: String, raw: Range<Int>)
        /// A line over the limit, at `offset` in the file: its bytes are copied to `--rejects` from there.
        case overlong(line: Int, offset: Int, length: Int)
        case warning(String)
    }
    var out: [UInt8] = []
    /// Each event with how much of `out` comes before it.
    var events: [(outAt: Int, event: Event)] = []
    var raws: [UInt8] = []
    var lines = 0
    var failure: Error?
}

func forEachLineInBlocks<W: LineWorker>(_ input: OpenedInput, range: Range<Int>, diagnostics: Diagnostics, workers: [W],
                                        maxLineBytes: Int, write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    let name = input.name, fd = input.fd, regular = input.end != nil
    var before = 0   // lines in the blocks already written
    try FileBlocks.run(fd: fd, range: range, threads: workers.count) { worker, block -> BlockResult in
        let result = BlockResult()
        let reader = LineReader(fd: fd, maxLineBytes: maxLineBytes, range: block, atStart: block.lowerBound == range.lowerBound)
        var at = block.lowerBound
        do {
            try reader.forEachLine { line in
                let start = at
                at += (line.overlongLength ?? line.raw.count) + 1
                switch LineTriage(line, regularFile: regular) {
                case .skip: return
                case .overlong(let length):
                    result.events.append((result.out.count, .overlong(line: line.number, offset: start, length: length)))
                case .unfinished:
                    result.events.append((result.out.count, .warning(LineTriage.unfinishedWarning(name, bytes: line.raw.count))))
                case .record:
                    let mark = result.out.count
                    do {
                        try workers[worker].take(line, into: &result.out)
                    } catch let e as RecordError {
                        result.out.removeSubrange(mark...)
                        let r = result.raws.count
                        result.raws.append(contentsOf: line.raw)
                        result.events.append((mark, .reject(line: line.number, message: e.description, raw: r..<result.raws.count)))
                    }
                }
            }
        } catch let e as POSIXError {
            result.failure = CommandFailure("cannot read \(name): \(String(cString: strerror(e.code.rawValue)))", exitCode: .ioError)
        } catch {
            result.failure = error
        }
        result.lines = reader.linesRead
        return result
    } consume: { result in
        var written = 0
        func writeOut(to end: Int) throws {
            guard end > written else { return }
            try result.out.withUnsafeBufferPointer { try write(UnsafeBufferPointer(rebasing: $0[written..<end])) }
            written = end
        }
        for (outAt, event) in result.events {
            try writeOut(to: outAt)
            switch event {
            case .reject(let line, let message, let raw):
                try result.raws.withUnsafeBufferPointer {
                    try diagnostics.reject(name, before + line, message, raw: UnsafeBufferPointer(rebasing: $0[raw]))
                }
            case .overlong(let line, let offset, let length):
                if diagnostics.keepsRejects { try FileBlocks.copy(fd: fd, name: name, offset..<(offset + length), to: diagnostics.rejectChunk) }
                try diagnostics.endRejectedLine()
                diagnostics.error(name, before + line, LineTriage.overlongMessage(length, limit: maxLineBytes))
            case .warning(let message):
                diagnostics.warning(message)
            }
        }
        if let failure = result.failure { throw failure }
        try writeOut(to: result.out.count)
        before += result.lines
    }
}

/// What the readers do with a line before a command sees it.
enum LineTriage {
    /// Over the limit: reported, and its bytes kept with `--rejects`, never held.
    case overlong(Int)
    /// Blank: skipped.
    case skip
    /// A regular file's last bytes with no newline and not a whole JSON value:
    /// a record a writer did not finish. Not read, not lost (the next --append
    /// moves them to FILE.torn), and not a bad line.
    case unfinished
    case record

    init(_ line: InputLine, regularFile: Bool) {
        if let length = line.overlongLength { self = .overlong(length); return }
        if isBlank(line.bytes) { self = .skip; return }
        if line.endsWithoutNewline, regularFile, !JSONParser.isComplete(line.bytes) { self = .unfinished; return }
        self = .record
    }

    static func overlongMessage(_ length: Int, limit: Int) -> String {
        "line is \(length) bytes, over the limit of \(limit); skipped (is this file NDJSON?)"
    }

    static func unfinishedWarning(_ name: String, bytes: Int) -> String {
        "\(name): the last \(bytes) bytes are an unfinished record with no newline "
            + "(an interrupted writer?); they were not read. The next --append moves them to \(name).torn"
    }
}

/// Newline-aligned blocks of a regular file, worked on by several threads
/// and consumed in file order.
public enum FileBlocks {
    /// The most a block holds (a line longer than this makes its block longer).
    static let maxBlockBytes = 4 << 20

    /// The bytes of an input still to read, when it is a regular file (a pipe spooled to a temporary file is one too).
    public static func regularRange(_ input: OpenedInput) -> Range<Int>? {
        var st = stat()
        guard fstat(input.fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let at = Int(lseek(input.fd, 0, SEEK_CUR))
        let end = input.end ?? Int(st.st_size)
        guard at >= 0, at <= end else { return nil }
        return at..<end
    }

    /// Cuts `range` into blocks that each start at a line's start: about four
    /// a thread, so a slow block holds no thread up for long, and none over
    /// `maxBlockBytes`, so memory stays flat however long the file.
    static func blocks(fd: Int32, range: Range<Int>, threads: Int) throws -> [Range<Int>] {
        let size = min(maxBlockBytes, max(1, range.count / (threads * 4)))
        var blocks: [Range<Int>] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var start = range.lowerBound
        while start < range.upperBound {
            var probe = start + size
            guard probe < range.upperBound else { blocks.append(start..<range.upperBound); break }
            // The next line starts after the first newline at or after probe - 1.
            probe -= 1
            var next = range.upperBound
            search: while probe < range.upperBound {
                let want = min(buffer.count, range.upperBound - probe)
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(probe)) }
                if n < 0 { if errno == EINTR { continue }; throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                if n == 0 { break }
                if let k = buffer[..<n].firstIndex(of: 0x0A) { next = probe + k + 1; break search }
                probe += n
            }
            blocks.append(start..<next)
            start = next
        }
        return blocks
    }

    /// Copies bytes of the file to `sink` in bounded pieces (an over-long line, to `--rejects`).
    static func copy(fd: Int32, name: String, _ range: Range<Int>, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var at = range.lowerBound
        while at < range.upperBound {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, min($0.count, range.upperBound - at), off_t(at)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw CommandFailure("cannot read \(name): \(n == 0 ? "it got shorter while being read" : String(cString: strerror(errno)))", exitCode: .ioError)
            }
            try buffer.withUnsafeBufferPointer { try sink(UnsafeBufferPointer(rebasing: $0[..<n])) }
            at += n
        }
    }

    /// Runs `work` on every block with `threads` threads (each call is told
    /// which thread it runs on, 0..<threads), and `consume` on each result
    /// here, in block order. If `consume` throws, the workers stop.
    public static func run<R>(fd: Int32, range: Range<Int>, threads: Int,
                              work: (_ thread: Int, _ block: Range<Int>) -> R, consume: (R) throws -> Void) throws {
        let blocks: [Range<Int>]
        do { blocks = try Self.blocks(fd: fd, range: range, threads: threads) } catch let e as POSIXError {
            throw CommandFailure("cannot read the input: \(String(cString: strerror(e.code.rawValue)))", exitCode: .ioError)
        }
        guard !blocks.isEmpty else { return }
        try withoutActuallyEscaping(work) { work in
            let shared = BlockQueue<R>(blocks: blocks, window: 2 * threads, work: work)
            let group = DispatchGroup()
            for t in 0..<min(threads, blocks.count) {
                group.enter()
                let thread = Thread { shared.workLoop(thread: t); group.leave() }
                thread.stackSize = 8 << 20   // the scanners recurse up to JSONParser.maxDepth levels, as on the main thread
                thread.start()
            }
            defer {
                shared.stop()
                group.wait()
                shared.work = nil
            }
            for k in blocks.indices { try consume(shared.take(k)) }
        }
    }
}

/// The blocks handed out to workers and their results, held until the
/// consumer takes them; a worker waits while `window` blocks are unconsumed.
final class BlockQueue<R>: @unchecked Sendable {
    let blocks: [Range<Int>]
    let window: Int
    /// Cleared once the workers are done, so the caller's closure does not outlive the call.
    var work: ((Int, Range<Int>) -> R)?
    let condition = NSCondition()
    var next = 0, consumed = 0
    var results: [Int: R] = [:]
    var stopped = false

    init(blocks: [Range<Int>], window: Int, work: @escaping (Int, Range<Int>) -> R) {
        self.blocks = blocks
        self.window = window
        self.work = work
    }

    func workLoop(thread: Int) {
        while true {
            condition.lock()
            while !stopped, next < blocks.count, next >= consumed + window { condition.wait() }
            guard !stopped, next < blocks.count else { condition.unlock(); return }
            let k = next
            next += 1
            condition.unlock()
            let r = work!(thread, blocks[k])
            condition.lock()
            results[k] = r
            condition.broadcast()
            condition.unlock()
        }
    }

    func take(_ k: Int) -> R {
        condition.lock()
        defer { condition.unlock() }
        while results[k] == nil { condition.wait() }
        consumed = k + 1
        condition.broadcast()
        return results.removeValue(forKey: k)!
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
