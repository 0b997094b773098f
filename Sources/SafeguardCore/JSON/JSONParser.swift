/// Where and why a line is not valid JSON.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// Byte offset in the line, from 0.
    public let offset: Int
    public let reason: String
    public var message: String { "invalid JSON at column \(offset + 1): \(reason)" }
}

/// A strict RFC 8259 parser over bytes. It validates UTF-8, rejects lone
/// surrogates and limits nesting, so no input can crash it or recurse without bound.
public struct JSONParser {
    public static let maxDepth = 128

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes)
        p.skipSpace()
        let value = try p.parseValue(depth: 0)
        p.skipSpace()
        guard p.i == p.end else { throw p.fail("unexpected text after the end of the value") }
        return value
    }

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let r: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buf in
            do throws(JSONSyntaxError) { return .success(try parse(buf)) } catch { return .failure(error) }
        }
        return try r.get()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    let end: Int
    /// Reused for strings with escapes or non-ASCII bytes.
    var scratch: [UInt8] = []

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b; self.end = b.count }

    func fail(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? i, reason: reason)
    }

    mutating func skipSpace() {
        while i < end {
            switch b[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard i < end else { throw fail("the line ends where a value should be (truncated record?)") }
        switch b[i] {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character \(describe(b[i]))")
        }
    }

    func describe(_ c: UInt8) -> String {
        (0x21...0x7E).contains(c) ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x" + String(c, radix: 16, uppercase: true)
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let start = i
        guard end - i >= n else { throw fail("the line ends inside a literal (truncated record?)") }
        let w = word.utf8Start
        for k in 0..<n where b[i + k] != w[k] { throw fail("invalid literal", at: start) }
        i += n
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        guard depth <= JSONParser.maxDepth else { throw fail("nested more than \(JSONParser.maxDepth) levels deep") }
        i += 1
        var fields: [JSONObject.Field] = []
        skipSpace()
        if i < end, b[i] == UInt8(ascii: "}") { i += 1; return JSONObject(fields) }
        while true {
            skipSpace()
            guard i < end else { throw fail("the line ends inside an object (truncated record?)") }
            guard b[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key, found \(describe(b[i]))") }
            let key = try parseString()
            skipSpace()
            guard i < end else { throw fail("the line ends inside an object (truncated record?)") }
            guard b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
            i += 1
            skipSpace()
            let value = try parseValue(depth: depth)
            if fields.contains(where: { $0.key == key }) { throw fail("duplicate key \"\(key)\"") }
            fields.append(.init(key: key, value: value))
            skipSpace()
            guard i < end else { throw fail("the line ends inside an object (truncated record?)") }
            switch b[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return JSONObject(fields)
            default: throw fail("expected ',' or '}', found \(describe(b[i]))")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        guard depth <= JSONParser.maxDepth else { throw fail("nested more than \(JSONParser.maxDepth) levels deep") }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < end, b[i] == UInt8(ascii: "]") { i += 1; return items }
        while true {
            skipSpace()
            items.append(try parseValue(depth: depth))
            skipSpace()
            guard i < end else { throw fail("the line ends inside an array (truncated record?)") }
            switch b[i] {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return items
            default: throw fail("expected ',' or ']', found \(describe(b[i]))")
            }
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = i
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
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
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = i
        i += 1
        let start = i
        var plain = true
        // Fast path: ASCII with no escapes is copied as it is.
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") || c >= 0x80 { plain = false; break }
            if c < 0x20 { throw fail("a control character must be escaped inside a string") }
            i += 1
        }
        if plain { throw fail("the line ends inside a string (truncated record?)", at: open) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < end {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                guard let s = String(validating: scratch, as: UTF8.self) else {
                    throw fail("a string is not valid UTF-8", at: open)
                }
                return s
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0..<0x20:
                throw fail("a control character must be escaped inside a string")
            case 0x80...:
                try copyUTF8Sequence()
            default:
                scratch.append(c)
                i += 1
            }
        }
        throw fail("the line ends inside a string (truncated record?)", at: open)
    }

    /// Copies one multi-byte UTF-8 sequence, checking it as it goes so the
    /// error names the column of the bad byte.
    mutating func copyUTF8Sequence() throws(JSONSyntaxError) {
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
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...(i + n)]))
        i += n + 1
    }

    mutating func parseEscape() throws(JSONSyntaxError) {
        guard end - i >= 2 else { throw fail("the line ends inside an escape") }
        let e = b[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard end - i >= 6, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                    throw fail("a high surrogate \\u escape must be followed by a low one")
                }
                i += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid low surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("a lone low surrogate in \\u escape")
            }
            appendScalar(scalar)
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

    mutating func appendScalar(_ v: UInt32) {
        switch v {
        case 0..<0x80: scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (v >> 6)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (v >> 12)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (v >> 18)))
            scratch.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
