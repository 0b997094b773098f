import Foundation

extension OpenedInput {
    /// Calls `body` with each whole line, from here to the end, that holds one
    /// of `patterns`, each line once. Only the matches are looked at, never
    /// every line: a byte search over 1 MiB windows, so a check of one case in
    /// a large case file costs little more than reading it.
    /// With `block`, only those bytes of the file are read (with `pread`, so
    /// threads can share the descriptor); the block starts at a line's start.
    func forEachLine(mentioning patterns: [[UInt8]], block: Range<Int>? = nil, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: min(1 << 20, max(4096, block?.count ?? Int.max)))
        var kept = 0   // bytes of an unfinished line carried from the last window
        var left = block?.count ?? end.map { $0 - Int(lseek(fd, 0, SEEK_CUR)) } ?? Int.max
        var offset = block?.lowerBound
        // A line longer than the readers' limit is skipped by them, so it is
        // skipped here too, without being held: memory stays bounded.
        let most = LineReader.defaultMaxLineBytes + 2
        var skipping = false
        while true {
            if kept == buffer.count {
                if buffer.count >= most { kept = 0; skipping = true } else {
                    buffer.append(contentsOf: [UInt8](repeating: 0, count: min(buffer.count, most - buffer.count)))
                }
            }
            let want = min(buffer.count - kept, left)
            let n = want == 0 ? 0 : buffer.withUnsafeMutableBytes { b in
                offset.map { pread(fd, b.baseAddress! + kept, want, off_t($0)) } ?? read(fd, b.baseAddress! + kept, want)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("cannot read \(name): \(String(cString: strerror(errno)))", exitCode: .ioError)
            }
            if let o = offset { offset = o + n }
            left -= n
            var filled = kept + n
            if skipping {
                if n == 0 { return }
                guard let nl = buffer[..<filled].firstIndex(of: 0x0A) else { kept = 0; continue }
                buffer.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + nl + 1, filled - nl - 1) }
                filled -= nl + 1
                kept = filled
                skipping = false
                continue
            }
            // The last window ends the last line, newline or not.
            let complete = n == 0 ? filled : (buffer[..<filled].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            try buffer.withUnsafeBufferPointer { all in
                let window = UnsafeBufferPointer(rebasing: all[..<complete])
                var lines: [Range<Int>] = []
                for p in patterns {
                    for at in window.offsets(of: p) {
                        var s = at, e = at
                        while s > 0, window[s - 1] != 0x0A { s -= 1 }
                        while e < window.count, window[e] != 0x0A { e += 1 }
                        lines.append(s..<e)
                    }
                }
                for range in Set(lines).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                    try body(UnsafeBufferPointer(rebasing: window[range]))
                }
            }
            if n == 0 { return }
            kept = filled - complete
            buffer.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + complete, kept) }
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `pattern` starts, each time it occurs: memchr for the pattern's
    /// rarest byte, then a compare. In JSON text that is several times faster
    /// than a general search, which looks for the first byte (often a quote).
    func offsets(of pattern: [UInt8]) -> [Int] {
        guard let base = baseAddress, count >= pattern.count, !pattern.isEmpty else { return [] }
        let anchor = Self.rarest(in: pattern)
        var found: [Int] = []
        var at = anchor
        let last = count - pattern.count + anchor
        while at <= last {
            guard let p = memchr(base + at, Int32(pattern[anchor]), last - at + 1) else { break }
            at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            // Compared here, not with memcmp: the call costs more than the few bytes, and most stops fail at the next one.
            let start = at - anchor
            if pattern.indices.allSatisfy({ base[start + $0] == pattern[$0] }) { found.append(start) }
            at += 1
        }
        return found
    }

    /// The byte of `pattern` least likely in JSON records: capitals and digits
    /// (as in generated ids) before lower case, the commonest letters and
    /// punctuation last. In the bench's referrals a quote comes 80 times a line, a `v` 3.
    static func rarest(in pattern: [UInt8]) -> Int {
        func rank(_ b: UInt8) -> Int {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: ","): return 100
            case UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"),
                 UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "d"), UInt8(ascii: "-"): return 50
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return 10
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return 20
            default: return 30
            }
        }
        return pattern.indices.min { (rank(pattern[$0]), $0) < (rank(pattern[$1]), $1) } ?? 0
    }
}
