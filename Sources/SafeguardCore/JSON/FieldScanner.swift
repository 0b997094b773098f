import Foundation

/// Picks the values at chosen dotted paths (`subject.nationality`) out of
/// JSON object lines without building a tree: the hot path of csv-report.
/// Every line is still fully validated (syntax, escapes, UTF-8, nesting);
/// only the picked values are located, and nothing is decoded until asked.
public final class FieldScanner {
    /// Where a picked value is in the line. Ranges are valid until the next scan.
    public enum Cell: Equatable, Sendable {
        case missing
        case null
        case string(Range<Int>, escaped: Bool)
        /// A number, `true` or `false`, as written.
        case scalar(Range<Int>)
        /// An array or object, as written.
        case composite(Range<Int>)
    }

    /// A level of the path tree. Immutable once built, so reading it costs no exclusivity checks.
    final class Node {
        let keys: [[UInt8]]
        let children: [Node]
        /// The first column this path fills; `copies` are the others asking for the same path.
        let column: Int?
        let copies: [Int]

        init(_ paths: [(parts: ArraySlice<Substring>, column: Int)]) {
            let here = paths.filter { $0.parts.isEmpty }.map(\.column)
            column = here.first
            copies = Array(here.dropFirst())
            var keys: [[UInt8]] = [], groups: [[(parts: ArraySlice<Substring>, column: Int)]] = []
            var index: [String: Int] = [:]
            for p in paths where !p.parts.isEmpty {
                let name = String(p.parts.first!)
                if let k = index[name] { groups[k].append((p.parts.dropFirst(), p.column)) } else {
                    index[name] = keys.count
                    keys.append(Array(name.utf8))
                    groups.append([(p.parts.dropFirst(), p.column)])
                }
            }
            self.keys = keys
            // A wide level (the union of many records' columns) is searched by hashing, not in turn.
            self.index = keys.count > Node.linearKeys ? index : nil
            children = groups.map(Node.init)
        }

        static let linearKeys = 16
        /// Each key's place in `keys`, for a level with many keys.
        let index: [String: Int]?
    }

    public let paths: [String]
    public private(set) var cells: [Cell]
    let root: Node
    var scratch: [UInt8] = []

    public init(paths: [String]) {
        self.paths = paths
        cells = Array(repeating: .missing, count: paths.count)
        root = Node(paths.enumerated().map { (ArraySlice($1.split(separator: ".", omittingEmptySubsequences: false)), $0) })
    }

    /// Scans one line. Returns false for valid JSON that is not an object
    /// (the cells are then all missing); throws for invalid JSON.
    public func scan(_ line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Bool {
        // The cells are filled in a local array and moved back once: a class
        // property written per field would pay for an exclusivity check each time.
        var found: [Cell] = []
        swap(&found, &cells)
        for k in found.indices { found[k] = .missing }
        defer { swap(&found, &cells) }
        var c = JSONCursor(line)
        c.skipSpace()
        let isObject = c.i < c.end && c.b[c.i] == UInt8(ascii: "{")
        if isObject { try scanObject(&c, root, &found, depth: 0) } else { try c.skipValue(depth: 0) }
        c.skipSpace()
        guard c.i == c.end else { throw c.fail("unexpected text after the end of the value") }
        return isObject
    }

    func scanObject(_ c: inout JSONCursor, _ node: Node, _ cells: inout [Cell], depth: Int) throws(JSONSyntaxError) {
        guard try c.enter(depth: depth, close: UInt8(ascii: "}")) else { return }
        while true {
            c.skipSpace()
            let keyStart = c.i
            let key = try c.key()
            c.skipSpace()
            if let child = match(key, in: node, &c) {
                if let column = child.column {
                    guard cells[column] == .missing else { throw c.fail("duplicate key", at: keyStart) }
                    cells[column] = try value(&c, descendingInto: child, &cells, depth: depth + 1)
                    for copy in child.copies { cells[copy] = cells[column] }
                } else if c.i < c.end, c.b[c.i] == UInt8(ascii: "{") {
                    try scanObject(&c, child, &cells, depth: depth + 1)
                } else {
                    try c.skipValue(depth: depth + 1)
                }
            } else {
                try c.skipValue(depth: depth + 1)
            }
            guard try c.nextMember(close: UInt8(ascii: "}"), inside: "an object") else { return }
        }
    }

    func value(_ c: inout JSONCursor, descendingInto node: Node, _ cells: inout [Cell], depth: Int) throws(JSONSyntaxError) -> Cell {
        guard c.i < c.end else { throw c.fail("the line ends where a value should be (truncated record?)") }
        let start = c.i
        switch c.b[c.i] {
        case UInt8(ascii: "\""):
            let s = try c.string()
            return .string(s.range, escaped: s.escaped)
        case UInt8(ascii: "n"):
            try c.literal("null")
            return .null
        case UInt8(ascii: "{") where !node.keys.isEmpty:
            try scanObject(&c, node, &cells, depth: depth)
            return .composite(start..<c.i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try c.skipValue(depth: depth)
            return .composite(start..<c.i)
        default:
            try c.skipValue(depth: depth)
            return .scalar(start..<c.i)
        }
    }

    @inline(__always)
    func match(_ key: (range: Range<Int>, escaped: Bool), in node: Node, _ c: inout JSONCursor) -> Node? {
        if node.keys.isEmpty { return nil }
        if let index = node.index {
            let name = c.decodeString(key.range, escaped: key.escaped, scratch: &scratch)
            return index[name].map { node.children[$0] }
        }
        if key.escaped {
            let decoded = Array(c.decodeString(key.range, escaped: true, scratch: &scratch).utf8)
            return node.keys.firstIndex(of: decoded).map { node.children[$0] }
        }
        let n = key.range.count
        let base = c.b.baseAddress! + key.range.lowerBound
        for (k, candidate) in node.keys.enumerated() where candidate.count == n {
            if candidate.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, n) == 0 }) { return node.children[k] }
        }
        return nil
    }

    /// The cell as text: strings decoded, arrays of scalars joined with `;`,
    /// objects as compact JSON, null and missing as nil.
    public func text(_ cell: Cell, in line: UnsafeBufferPointer<UInt8>) -> String? {
        switch cell {
        case .missing, .null: return nil
        case .string(let r, let escaped): return JSONCursor(line).decodeString(r, escaped: escaped, scratch: &scratch)
        case .scalar(let r): return String(decoding: UnsafeBufferPointer(rebasing: line[r]), as: UTF8.self)
        case .composite(let r):
            guard let v = try? JSONParser.parse(UnsafeBufferPointer(rebasing: line[r])) else { return nil }
            return FieldScanner.flatText(v)
        }
    }

    /// An array or object cell parsed; nil for other cells.
    public func composite(_ cell: Cell, in line: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard case .composite(let r) = cell else { return nil }
        return try? JSONParser.parse(UnsafeBufferPointer(rebasing: line[r]))
    }

    /// The elements of an array cell as texts (a scalar cell is one element), for counting by each value.
    public func texts(_ cell: Cell, in line: UnsafeBufferPointer<UInt8>) -> [String] {
        if case .composite(let r) = cell, let v = try? JSONParser.parse(UnsafeBufferPointer(rebasing: line[r])), case .array(let items) = v {
            return items.map { FieldScanner.flatText($0) }
        }
        return text(cell, in: line).map { [$0] } ?? []
    }

    public static func flatText(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return s
        case .array(let items): return items.map(flatText).joined(separator: ";")
        case .object: return JSONWriter.string(v)
        }
    }
}
