/// Control characters made visible before text reaches a terminal, a log or
/// a printer: ESC, BEL and the other C0 codes (but line feed and tab), DEL,
/// and the C1 codes U+0080-U+009F (U+009B is an 8-bit CSI to some terminals).
/// A record's free text such as `Hes\x1b[8mtia` would otherwise hide what
/// follows it or rewrite the screen (ECMA-48; CWE-150).
public enum TerminalText {
    static let hex = Array("0123456789abcdef".utf8)

    /// Whether any byte needs escaping: the fast path, one pass and no copy.
    @inline(__always)
    public static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b < 0x20 || b == 0x7F || b == 0xC2 {
            if b == 0x0A || b == 0x09 || b == 0xC2 { continue }
            return true
        }
        // 0xC2 leads U+0080-U+00BF: look again only when one is there.
        guard bytes.contains(0xC2) else { return false }
        for k in bytes.indices.dropLast() where bytes[k] == 0xC2 && (0x80...0x9F).contains(bytes[k + 1]) { return true }
        return false
    }

    /// Appends `bytes` (UTF-8) with C0 codes and DEL as `\xNN`, C1 codes as `\u00NN`.
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var k = bytes.startIndex
        while k < bytes.endIndex {
            let b = bytes[k]
            if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
                out.append(contentsOf: [0x5C, UInt8(ascii: "x"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            } else if b == 0xC2, k + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[k + 1]) {
                let c = bytes[k + 1]
                out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(c >> 4)], hex[Int(c & 0xF)]])
                k += 1
            } else {
                out.append(b)
            }
            k += 1
        }
    }

    /// `text` with its control characters escaped; `text` itself when it has none.
    public static func escaped(_ text: String) -> String {
        var t = text
        return t.withUTF8 { bytes in
            guard needsEscaping(bytes) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}
