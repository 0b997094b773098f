import Foundation

/// One file, whatever name, link or descriptor reaches it.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    public init(_ st: stat) {
        device = UInt64(truncatingIfNeeded: st.st_dev)
        inode = UInt64(truncatingIfNeeded: st.st_ino)
    }

    public init?(fd: Int32) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        self.init(st)
    }

    /// Follows symbolic links, so a link to an input is the input.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }
}

/// The files this process has opened as input: no output may be one of them.
public enum InputRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var identities: Set<FileIdentity> = []

    public static func add(_ id: FileIdentity) {
        lock.lock(); defer { lock.unlock() }
        identities.insert(id)
    }

    public static var all: Set<FileIdentity> {
        lock.lock(); defer { lock.unlock() }
        return identities
    }

    public static func reset() {
        lock.lock(); defer { lock.unlock() }
        identities.removeAll()
    }
}

/// What an append did besides appending, for the caller to tell the user.
public struct AppendResult: Sendable {
    /// The file ended in a complete record without its newline: the newline was added.
    public var addedNewline = false
    /// Bytes of an unfinished record moved from the end of the file to `tornPath`.
    public var tornBytes = 0
    public var tornPath: String?
    /// Files whose mode was wider than 0600 and was narrowed.
    public var narrowed: [String] = []
}

/// Files the tools create hold personal data: they are always mode 0600,
/// whatever the umask; only a regular file of the user's own is written;
/// appends never leave half a record and never delete a byte.
public enum SafeFile {
    static func failure(_ verb: String, _ path: String, _ code: ExitCode) -> CommandFailure {
        CommandFailure("cannot \(verb) \(path): \(String(cString: strerror(errno)))", exitCode: code)
    }

    /// The longest tail held in memory to see whether it is a complete record.
    static let maxTailBytes = LineReader.defaultMaxLineBytes

    // MARK: Outputs

    public enum OutputMode: Sendable { case truncate, append }

    /// Refuses an output that is not safe to write, without touching it: one of
    /// `inputs` (exit 64), a symbolic link, anything but a regular file, or a
    /// file owned by another user (exit 73). A path that does not exist passes.
    public static func checkOutput(path: String, inputs: Set<FileIdentity>) throws {
        if let id = FileIdentity(path: path), inputs.contains(id) { throw aliasesInput(path) }
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        try checkKind(st, path)
    }

    static func aliasesInput(_ path: String) -> CommandFailure {
        CommandFailure("cannot write to \(path): it is also an input of this command (the same file, by name or by a link); "
                       + "name another file for the output. Nothing was changed.", exitCode: .usage)
    }

    static func checkKind(_ st: stat, _ path: String) throws {
        let what: String?
        switch st.st_mode & S_IFMT {
        case S_IFREG: what = nil
        case S_IFLNK: what = "a symbolic link; name the file itself"
        case S_IFIFO: what = "a FIFO, not a regular file"
        case S_IFDIR: what = "a directory, not a regular file"
        case S_IFSOCK: what = "a socket, not a regular file"
        case S_IFCHR, S_IFBLK: what = "a device, not a regular file"
        default: what = "not a regular file"
        }
        if let what { throw CommandFailure("cannot write to \(path): it is \(what). Nothing was changed.", exitCode: .cannotCreate) }
        guard st.st_uid == geteuid() else {
            throw CommandFailure("cannot write to \(path): it belongs to another user (uid \(st.st_uid)), who could read what is written; "
                                 + "name a file of your own. Nothing was changed.", exitCode: .cannotCreate)
        }
    }

    /// Opens a file to write, created 0600 if new. Refuses what `checkOutput`
    /// refuses, checked again on the open descriptor: O_NOFOLLOW refuses a link,
    /// O_NONBLOCK keeps a FIFO from hanging, and nothing is truncated until the
    /// checks pass. `narrowed` says an existing file's wider mode was set to 0600.
    public static func openOutput(path: String, mode: OutputMode, inputs: Set<FileIdentity>) throws -> (fd: Int32, narrowed: Bool) {
        try checkOutput(path: path, inputs: inputs)
        let access = mode == .append ? O_RDWR | O_APPEND : O_WRONLY
        let fd = open(path, access | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            switch errno {
            case ELOOP: throw CommandFailure("cannot write to \(path): it is a symbolic link; name the file itself. Nothing was changed.", exitCode: .cannotCreate)
            case ENXIO, EISDIR: throw CommandFailure("cannot write to \(path): it is not a regular file. Nothing was changed.", exitCode: .cannotCreate)
            default: throw failure("create", path, .cannotCreate)
            }
        }
        var st = stat()
        do {
            guard fstat(fd, &st) == 0 else { throw failure("stat", path, .ioError) }
            // Again on the descriptor: the path may have changed since it was checked.
            if inputs.contains(FileIdentity(st)) { throw aliasesInput(path) }
            try checkKind(st, path)
        } catch {
            close(fd)
            throw error
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        let narrowed = st.st_mode & 0o7077 != 0
        if narrowed || st.st_mode & 0o777 != 0o600 { _ = fchmod(fd, 0o600) }
        if mode == .truncate, st.st_size > 0, ftruncate(fd, 0) != 0 {
            close(fd)
            throw failure("empty", path, .ioError)
        }
        return (fd, narrowed)
    }

    /// Creates (or empties) a file for writing, mode 0600; see `openOutput`.
    public static func create(path: String, inputs: Set<FileIdentity> = InputRegistry.all) throws -> Int32 {
        try openOutput(path: path, mode: .truncate, inputs: inputs).fd
    }

    /// Writes a whole file anew, never half of one: `write` fills a temporary
    /// file (mode 0600, made with O_EXCL) in the same directory, which is
    /// synced and then renamed over `path`. If anything fails, the temporary
    /// file is removed and `path` is left as it was. Refuses what
    /// `checkOutput` refuses, checked again just before the rename.
    public static func replace(path: String, inputs: Set<FileIdentity> = InputRegistry.all,
                               write: (OutputSink) throws -> Void) throws {
        try checkOutput(path: path, inputs: inputs)
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { path[...$0] } ?? ""
        let base = slash.map { path[path.index(after: $0)...] } ?? path[...]
        var template = Array((directory + "." + base + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("create a temporary file beside", path, .cannotCreate) }
        let temporary = String(cString: template)
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(temporary) }
        }
        _ = fchmod(fd, 0o600)
        let sink = OutputSink(fd: fd, name: path)
        try write(sink)
        try sink.flush()
        guard fsync(fd) == 0 else { throw failure("sync", path, .ioError) }
        try checkOutput(path: path, inputs: inputs)
        guard rename(temporary, path) == 0 else { throw failure("write", path, .cannotCreate) }
        renamed = true
        // The rename itself is kept across a crash once the directory is synced.
        let dfd = open(directory.isEmpty ? "." : String(directory), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    // MARK: Inputs

    /// Opens an input file; a failure is exit 66 with the path named.
    public static func openForReading(path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", path, .noInput) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CommandFailure("cannot read \(path): it is a directory", exitCode: .noInput)
        }
        return fd
    }

    /// Where reading a regular file stops: its size under a shared lock, taken
    /// only for an fstat. A writer holds the exclusive lock for its whole
    /// write and sync, so this size always ends at a whole record; bytes
    /// appended later are not read. Nil for pipes and terminals.
    public static func readableEnd(fd: Int32) -> Int? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var locked = false
        while true {
            if flock(fd, LOCK_SH) == 0 { locked = true; break }
            if errno != EINTR { break }   // no locks here (some network file systems): the size as it is
        }
        defer { if locked { _ = flock(fd, LOCK_UN) } }
        guard fstat(fd, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    // MARK: Appending

    /// Appends whole lines to a case file, created 0600 and refused as
    /// `openOutput` refuses (one of `inputs` is exit 64). Under an exclusive
    /// flock, held until the lines are synced, so concurrent writers never
    /// interleave and readers (see `readableEnd`) never see half a line:
    /// 1. the tail is made whole: a complete record without its newline gets
    ///    one; an unfinished one (not valid JSON) is moved byte for byte to
    ///    `path.torn` (0600, appended to, never truncated) and cut;
    /// 2. `check` is called with an input that reads the file from its start as
    ///    it now stands, without taking the lock again; if it throws, nothing
    ///    is written and the error propagates;
    /// 3. the lines are written and synced; if that fails part-way (ENOSPC,
    ///    EIO), the file is cut back to its length before the append: exit 74.
    @discardableResult
    public static func append(_ bytes: [UInt8], to path: String, inputs: Set<FileIdentity> = [],
                              check: ((OpenedInput) throws -> Void)? = nil) throws -> AppendResult {
        precondition(bytes.last == 0x0A, "append takes whole lines")
        var result = AppendResult()
        let (fd, narrowed) = try openOutput(path: path, mode: .append, inputs: inputs)
        defer { close(fd) }
        if narrowed { result.narrowed.append(path) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("lock", path, .ioError) }
        }
        defer { _ = flock(fd, LOCK_UN) }

        let needsNewline = try repairTail(fd: fd, path: path, inputs: inputs, result: &result)
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure("stat", path, .ioError) }
        let before = Int(st.st_size)

        if let check {
            // A second descriptor on the same open file: no second lock (it would wait on ours).
            let rfd = dup(fd)
            guard rfd >= 0 else { throw failure("read", path, .ioError) }
            defer { close(rfd) }
            guard lseek(rfd, 0, SEEK_SET) == 0 else { throw failure("read", path, .ioError) }
            try check(OpenedInput(name: path, fd: rfd, end: before))
        }

        let out = needsNewline ? [0x0A] + bytes : bytes
        do {
            try out.withUnsafeBytes { try OutputSink.writeAll(fd: fd, $0, name: path) }
            guard fsync(fd) == 0 else {
                throw OutputError(description: "cannot sync \(path): \(String(cString: strerror(errno)))", exitCode: .ioError)
            }
        } catch let e as OutputError {
            // Take back what was written, so the file is as it was.
            let restored = ftruncate(fd, off_t(before)) == 0 && fsync(fd) == 0
            throw OutputError(description: e.description + (restored ? "; \(path) was left as it was" : "; \(path) could not be cut back to its length before the append: \(before) bytes"),
                              exitCode: .ioError)
        }
        result.addedNewline = needsNewline
        return result
    }

    /// With the lock held: whether the file ends in a complete record without its
    /// newline (true: the caller adds one). An unfinished tail is moved to `path.torn`.
    static func repairTail(fd: Int32, path: String, inputs: Set<FileIdentity>, result: inout AppendResult) throws -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure("stat", path, .ioError) }
        let size = Int(st.st_size)
        guard size > 0 else { return false }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, off_t(size - 1)) == 1 else { throw failure("read", path, .ioError) }
        if last == 0x0A { return false }
        let keep = try lastNewline(fd: fd, before: size, path: path)
        let tailLength = size - keep
        if tailLength <= maxTailBytes {
            var tail = [UInt8](repeating: 0, count: tailLength)
            let n = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, tailLength, off_t(keep)) }
            guard n == tailLength else { throw failure("read", path, .ioError) }
            if keep == 0, tail.starts(with: [0xEF, 0xBB, 0xBF]) { tail.removeFirst(3) }
            if tail.withUnsafeBufferPointer({ JSONParser.isComplete($0) }) { return true }
        }
        let tornPath = path + ".torn"
        // FILE.torn must not be the case file itself (a hard link) nor an input.
        try moveTail(fd: fd, from: keep, to: size, path: path, tornPath: tornPath, inputs: inputs.union([FileIdentity(st)]), result: &result)
        result.tornBytes = tailLength
        result.tornPath = tornPath
        return false
    }

    /// The offset just after the last newline before `end`, or 0.
    static func lastNewline(fd: Int32, before end: Int, path: String) throws -> Int {
        var end = end
        var block = [UInt8](repeating: 0, count: 65536)
        while end > 0 {
            let start = max(0, end - block.count)
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - start, off_t(start)) }
            guard n == end - start else { throw failure("read", path, .ioError) }
            for k in stride(from: n - 1, through: 0, by: -1) where block[k] == 0x0A { return start + k + 1 }
            end = start
        }
        return 0
    }

    /// Copies bytes [from, to) to the end of `tornPath`, with a newline after
    /// them, syncs it, and only then cuts the case file: a crash between the two
    /// leaves the bytes in both places, never in neither.
    static func moveTail(fd: Int32, from: Int, to: Int, path: String, tornPath: String, inputs: Set<FileIdentity>,
                         result: inout AppendResult) throws {
        let (tfd, narrowed) = try openOutput(path: tornPath, mode: .append, inputs: inputs)
        defer { close(tfd) }
        if narrowed { result.narrowed.append(tornPath) }
        while flock(tfd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("lock", tornPath, .ioError) }
        }
        var st = stat()
        guard fstat(tfd, &st) == 0 else { throw failure("stat", tornPath, .ioError) }
        let tornBefore = Int(st.st_size)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var offset = from
        do {
            while offset < to {
                let want = min(block.count, to - offset)
                let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(offset)) }
                guard n == want else { throw failure("read", path, .ioError) }
                try block.withUnsafeBytes { try OutputSink.writeAll(fd: tfd, UnsafeRawBufferPointer(rebasing: $0[..<n]), name: tornPath) }
                offset += n
            }
            try [UInt8(0x0A)].withUnsafeBytes { try OutputSink.writeAll(fd: tfd, $0, name: tornPath) }
            guard fsync(tfd) == 0 else {
                throw OutputError(description: "cannot sync \(tornPath): \(String(cString: strerror(errno)))", exitCode: .ioError)
            }
        } catch {
            _ = ftruncate(tfd, off_t(tornBefore))   // our own part-copy only
            throw error
        }
        guard ftruncate(fd, off_t(from)) == 0, fsync(fd) == 0 else { throw failure("cut the unfinished record from", path, .ioError) }
    }
}
