/// The lexical layer shared by the tree parser and the field scanner: one
/// place that knows what a valid JSON string, number and literal are.
/// Scanning a string validates it (escapes, surrogates, UTF-8) without
/// decoding it, so code that only skips a value pays for no allocation.
struct JSONCursor {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    let end: Int

    init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        end = b.count
    }

    func fail(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? i, reason: reason)
    }

    func describe(_ c: UInt8) -> String {
        (0x21...0x7E).contains(c) ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + String(c, radix: 16, uppercase: true)
    }

    @inline(__always)
    mutating func skipSpace() {
        while i < end {
            switch b[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let start = i
        guard end - i >= n else { throw fail("the line ends inside a literal (truncated record?)") }
        let w = word.utf8Start
        for k in 0..<n where b[i + k] != w[k] { throw fail("invalid literal", at: start) }
        i += n
    }

    /// Scans a number; returns where it started.
    mutating func number() throws(JSONSyntaxError) -> Int {
        let start = i
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < end, isDigit(b[i]) else { throw fail("a number needs digits", at: start) }
        if b[i] == UInt8(ascii: "0") { i += 1 } else { while i < end, isDigit(b[i]) { i += 1 } }
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < end, isDigit(b[i]) else { throw fail("a number needs digits after '.'") }
            while i < end, isDigit(b[i]) { i += 1 }
        }
        if i < end, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < end, isDigit(b[i]) else { throw fail("a number needs digits in its exponent") }
            while i < end, isDigit(b[i]) { i += 1 }
        }
        return start
    }

    /// Scans a string starting at its opening quote, validating it. Leaves the
    /// cursor after the closing quote; returns the content's range and whether
    /// it holds escapes (and so needs decoding).
    mutating func string() throws(JSONSyntaxError) -> (range: Range<Int>, escaped: Bool) {
        let open = i
        // A local index, with wrapping arithmetic (it never passes `end`):
        // the loop then runs in registers (issue 17's profile: a third of flatten's time was here).
        var j = i &+ 1
        let start = j, end = self.end
        var escaped = false
        let base = b.baseAddress!
        while true {
            // Eight plain ASCII bytes at a time: no quote, backslash, control or high bit.
            // A word that holds one goes straight to the first such byte.
            while end &- j >= 8 {
                let mask = JSONCursor.attention(UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                if mask != 0 { j &+= mask.trailingZeroBitCount &>> 3; break }
                j &+= 8
            }
            guard j < end else { i = j; throw fail("the line ends inside a string (truncated record?)", at: open) }
            switch base[j] {
            case UInt8(ascii: "\""):
                i = j &+ 1
                return (start..<j, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                i = j
                _ = try escape()
                j = i
            case 0..<0x20:
                i = j
                throw fail("a control character must be escaped inside a string")
            case 0x80...:
                i = j
                try utf8Sequence()
                j = i
            default:
                j &+= 1
            }
        }
    }

    /// The high bit of each byte of a little-endian word that is a quote, a
    /// backslash, a control character or not ASCII. Bits above the first set
    /// one may be false (borrows), but the first is exact: `string()` goes to it.
    /// A byte under 0x80 gets its high bit from `x - 1` only where `x` is 0 (here: a quote
    /// or backslash, after the XOR) and from `x - 0x20` only where `x` is under 0x20; a
    /// byte over 0x7F has its own. A borrow carries only out of a byte already marked.
    @inline(__always)
    static func attention(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        return (((w ^ (ones &* 0x22)) &- ones) | ((w ^ (ones &* 0x5C)) &- ones) | (w &- ones &* 0x20) | w) & highs
    }

    /// Validates one escape at the cursor (a backslash) and returns the scalar it stands for.
    mutating func escape() throws(JSONSyntaxError) -> UInt32 {
        guard end - i >= 2 else { throw fail("the line ends inside an escape") }
        let e = b[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""): return 0x22
        case UInt8(ascii: "\\"): return 0x5C
        case UInt8(ascii: "/"): return 0x2F
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            let scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard end - i >= 6, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                    throw fail("a high surrogate \\u escape must be followed by a low one")
                }
                i += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid low surrogate in \\u escape") }
                return 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            if (0xDC00...0xDFFF).contains(scalar) { throw fail("a lone low surrogate in \\u escape") }
            return scalar
        default:
            throw fail("invalid escape \\\(Character(Unicode.Scalar(e)))", at: i - 2)
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard end - i >= 4 else { throw fail("the line ends inside a \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("a \\u escape needs four hex digits")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no
    /// surrogates, nothing past U+10FFFF), naming the column of a bad byte.
    mutating func utf8Sequence() throws(JSONSyntaxError) {
        let c = b[i]
        let n: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: n = 1
        case 0xE0: n = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: n = 2
        case 0xED: n = 2; hi = 0x9F
        case 0xF0: n = 3; lo = 0x90
        case 0xF1...0xF3: n = 3
        case 0xF4: n = 3; hi = 0x8F
        default: throw fail("invalid UTF-8 byte 0x\(String(c, radix: 16, uppercase: true))")
        }
        guard end - i > n else { throw fail("the line ends inside a UTF-8 character") }
        for k in 1...n {
            let cc = b[i + k]
            let (l, h) = k == 1 ? (lo, hi) : (0x80, 0xBF)
            guard cc >= l && cc <= h else { throw fail("invalid UTF-8 sequence", at: i) }
        }
        i += n + 1
    }

    /// Skips any value, validating it, within the nesting limit.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard i < end else { throw fail("the line ends where a value should be (truncated record?)") }
        switch b[i] {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = b[i] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            guard try enter(depth: depth, close: close) else { return }
            while true {
                skipSpace()
                // An object's member is a key and a value; an array's, a value.
                if isObject {
                    try key()
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                guard try nextMember(close: close, inside: isObject ? "an object" : "an array") else { return }
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw fail("unexpected character \(describe(b[i]))")
        }
    }

    /// Steps into the object or array the cursor is at, within the nesting
    /// limit. False when it is empty: the cursor is then past its close.
    @inline(__always)
    mutating func enter(depth: Int, close: UInt8) throws(JSONSyntaxError) -> Bool {
        guard depth < JSONParser.maxDepth else { throw fail("nested more than \(JSONParser.maxDepth) levels deep") }
        i += 1
        skipSpace()
        if i < end, b[i] == close { i += 1; return false }
        return true
    }

    /// Scans `"key" :` and returns the key's range and whether it is escaped.
    @discardableResult @inline(__always)
    mutating func key() throws(JSONSyntaxError) -> (range: Range<Int>, escaped: Bool) {
        guard i < end else { throw fail("the line ends inside an object (truncated record?)") }
        guard b[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key, found \(describe(b[i]))") }
        let k = try string()
        skipSpace()
        guard i < end else { throw fail("the line ends inside an object (truncated record?)") }
        guard b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
        i += 1
        return k
    }

    /// After a member: true at a ',' (another follows), false at the closing bracket.
    @inline(__always)
    mutating func nextMember(close: UInt8, inside what: StaticString) throws(JSONSyntaxError) -> Bool {
        skipSpace()
        guard i < end else { throw fail("the line ends inside \(what) (truncated record?)") }
        if b[i] == UInt8(ascii: ",") { i += 1; return true }
        if b[i] == close { i += 1; return false }
        throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describe(b[i]))")
    }

    /// Decodes a scanned (so already valid) string.
    func decodeString(_ r: Range<Int>, escaped: Bool, scratch: inout [UInt8]) -> String {
        guard escaped else { return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        var c = JSONCursor(b)
        c.i = r.lowerBound
        while c.i < r.upperBound {
            if c.b[c.i] == UInt8(ascii: "\\") {
                JSONCursor.appendScalar((try? c.escape()) ?? 0xFFFD, to: &scratch)
            } else {
                scratch.append(c.b[c.i])
                c.i += 1
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
