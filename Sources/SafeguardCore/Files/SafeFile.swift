import Foundation

/// Files the tools create hold personal data: they are always mode 0600,
/// whatever the umask, and appends never leave half a record.
public enum SafeFile {
    static func failure(_ verb: String, _ path: String, _ code: ExitCode) -> CommandFailure {
        CommandFailure("cannot \(verb) \(path): \(String(cString: strerror(errno)))", exitCode: code)
    }

    /// Creates (or truncates) a file for writing, mode 0600.
    public static func create(path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("create", path, .cannotCreate) }
        _ = fchmod(fd, 0o600)
        return fd
    }

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

    /// Appends whole lines to a case file: created 0600, locked with flock so
    /// concurrent writers never interleave, written in one go, then synced.
    /// If an earlier writer was killed mid-line, its unfinished tail (never
    /// synced, never confirmed) is cut back to the last newline first, so a
    /// new record never joins half of an old one. Returns the bytes cut.
    @discardableResult
    /// `check` runs with the lock held, before anything is written, over the case
    /// file as it stands; if it throws, nothing is written.
    public static func append(_ bytes: [UInt8], to path: String, check: ((inout [OpenedInput]) throws -> Void)? = nil) throws -> Int {
        precondition(bytes.last == 0x0A, "append takes whole lines")
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("open", path, .cannotCreate) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure("stat", path, .ioError) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw CommandFailure("cannot append to \(path): it is not a regular file", exitCode: .cannotCreate)
        }
        if st.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("lock", path, .ioError) }
        }
        defer { _ = flock(fd, LOCK_UN) }
        let cut = try trimPartialLine(fd: fd, path: path)
        if let check {
            // A second description of the same file, read from its start (it takes no lock of its own).
            let rfd = open("/proc/self/fd/\(fd)", O_RDONLY | O_CLOEXEC)
            guard rfd >= 0 else { throw failure("read", path, .ioError) }
            var inputs = [OpenedInput(name: path, fd: rfd)]
            defer { inputs.forEach { $0.close() } }
            try check(&inputs)
        }
        try bytes.withUnsafeBytes { try OutputSink.writeAll(fd: fd, $0, name: path) }
        guard fsync(fd) == 0 else { throw failure("sync", path, .ioError) }
        return cut
    }

    /// With the lock held: if the file does not end in a newline, cut it back to the last one.
    static func trimPartialLine(fd: Int32, path: String) throws -> Int {
        let rfd = open("/proc/self/fd/\(fd)", O_RDONLY | O_CLOEXEC)
        guard rfd >= 0 else { return 0 }
        defer { close(rfd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return 0 }
        let size = Int(st.st_size)
        var last: UInt8 = 0
        guard pread(rfd, &last, 1, off_t(size - 1)) == 1 else { return 0 }
        if last == 0x0A { return 0 }
        // Scan backwards in blocks for the last newline.
        var end = size
        var block = [UInt8](repeating: 0, count: 65536)
        var keep = 0
        search: while end > 0 {
            let start = max(0, end - block.count)
            let n = block.withUnsafeMutableBytes { pread(rfd, $0.baseAddress, end - start, off_t(start)) }
            guard n == end - start else { throw failure("read", path, .ioError) }
            for k in stride(from: n - 1, through: 0, by: -1) where block[k] == 0x0A {
                keep = start + k + 1
                break search
            }
            end = start
        }
        guard ftruncate(fd, off_t(keep)) == 0 else { throw failure("repair", path, .ioError) }
        return size - keep
    }
}
