import Foundation

/// Descriptors 0, 1 and 2, made safe before anything is opened.
enum StandardDescriptors {
    /// A closed 0, 1 or 2 (`>&-`) would be taken by the next file opened, and
    /// records or messages meant for it would land in a --rejects or case file.
    /// Each is opened onto /dev/null instead. Standard output is opened
    /// read-only, so writing a record to it fails (exit 74) rather than
    /// vanishing; standard error really is discarded.
    static func ensureOpen() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let flags = fd == STDERR_FILENO ? O_WRONLY : O_RDONLY
            let got = open("/dev/null", flags)
            // open takes the lowest free number, which is `fd`; if not, move it there.
            if got >= 0, got != fd {
                _ = dup2(got, fd)
                close(got)
            }
        }
    }
}
