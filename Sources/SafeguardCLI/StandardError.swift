import Foundation
import SafeguardCore

/// Unbuffered writes to standard error: diagnostics must appear even if the
/// process dies next. Control characters are shown escaped (`TerminalText`):
/// a message may quote a field name or a file name from the input.
public final class StandardError: @unchecked Sendable {
    public static let shared = StandardError()
    public func write(_ text: String) {
        var bytes = Array(TerminalText.escaped(text).utf8)
        bytes.withUnsafeMutableBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Foundation.write(STDERR_FILENO, buf.baseAddress! + off, buf.count - off)
                if n > 0 { off += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
