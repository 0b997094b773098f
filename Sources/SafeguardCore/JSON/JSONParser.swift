/// Where and why a line is not valid JSON.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// Byte offset in the line, from 0.
    public let offset: Int
    public let reason: String
    public var message: String { "invalid JSON at column \(offset + 1): \(reason)" }
}

/// A strict RFC 8259 parser over bytes into a `JSONValue` tree. It validates
/// UTF-8, rejects lone surrogates and duplicate keys, and limits nesting, so
/// no input can crash it or recurse without bound.
public struct JSONParser {
    public static let maxDepth = 128
    /// Objects with fewer keys than this are checked for duplicates by a linear search.
    static let linearKeys = 16

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(c: JSONCursor(bytes))
        p.c.skipSpace()
        let value = try p.parseValue(depth: 0)
        p.c.skipSpace()
        guard p.c.i == p.c.end else { throw p.c.fail("unexpected text after the end of the value") }
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

    var c: JSONCursor
    /// Reused for strings with escapes.
    var scratch: [UInt8] = []

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard c.i < c.end else { throw c.fail("the line ends where a value should be (truncated record?)") }
        switch c.b[c.i] {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try c.literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try c.literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try c.literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = try c.number()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: c.b[start..<c.i]), as: UTF8.self))
        default: throw c.fail("unexpected character \(c.describe(c.b[c.i]))")
        }
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let s = try c.string()
        return c.decodeString(s.range, escaped: s.escaped, scratch: &scratch)
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        guard depth <= JSONParser.maxDepth else { throw c.fail("nested more than \(JSONParser.maxDepth) levels deep") }
        c.i += 1
        var fields: [JSONObject.Field] = []
        // The duplicate-key check stays linear in the number of keys: a short
        // object is searched in place, a long one through a set of its keys,
        // so one line with many keys cannot take quadratic time (issue 17).
        var seen: Set<String>? = nil
        c.skipSpace()
        if c.i < c.end, c.b[c.i] == UInt8(ascii: "}") { c.i += 1; return JSONObject(fields) }
        while true {
            c.skipSpace()
            let keyStart = c.i
            let k = try c.key()
            let key = c.decodeString(k.range, escaped: k.escaped, scratch: &scratch)
            c.skipSpace()
            let value = try parseValue(depth: depth)
            let duplicate: Bool
            if seen != nil {
                duplicate = !seen!.insert(key).inserted
            } else if fields.count < JSONParser.linearKeys {
                duplicate = fields.contains(where: { $0.key == key })
            } else {
                var keys = Set(fields.lazy.map(\.key))
                duplicate = !keys.insert(key).inserted
                seen = keys
            }
            if duplicate { throw c.fail("duplicate key \"\(key)\"", at: keyStart) }
            fields.append(.init(key: key, value: value))
            guard try c.nextMember(close: UInt8(ascii: "}"), inside: "an object") else { return JSONObject(fields) }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        guard depth <= JSONParser.maxDepth else { throw c.fail("nested more than \(JSONParser.maxDepth) levels deep") }
        c.i += 1
        var items: [JSONValue] = []
        c.skipSpace()
        if c.i < c.end, c.b[c.i] == UInt8(ascii: "]") { c.i += 1; return items }
        while true {
            c.skipSpace()
            items.append(try parseValue(depth: depth))
            guard try c.nextMember(close: UInt8(ascii: "]"), inside: "an array") else { return items }
        }
    }
}

public extension JSONParser {
    /// Whether the bytes are one whole JSON value (or only white space): a
    /// complete record rather than the start of one cut off. Allocates nothing.
    static func isComplete(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var c = JSONCursor(bytes)
        c.skipSpace()
        if c.i == c.end { return true }
        do throws(JSONSyntaxError) { try c.skipValue(depth: 0) } catch { return false }
        c.skipSpace()
        return c.i == c.end
    }
}
