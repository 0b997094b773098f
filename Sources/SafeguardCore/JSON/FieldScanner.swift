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

    /// A level of the path tree, while it is built.
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
            children = groups.map(Node.init)
        }
    }

    /// The tree laid out flat in raw memory, read in the hot loop with no
    /// reference counting (issue 17's profile: a retain and a release per key
    /// of every record, when the levels were objects in arrays).
    struct Level {
        /// Its keys are `entries[firstEntry ..< firstEntry + entryCount]`.
        var firstEntry = 0, entryCount = 0
        /// The column it fills, or -1; and its copies, `copies[firstCopy ..< firstCopy + copyCount]`.
        var column = -1, firstCopy = 0, copyCount = 0
        /// For a wide level, its place in `wideIndexes`, else -1.
        var wide = -1
    }
    struct Entry {
        /// The key's bytes are `keyBytes[keyStart ..< keyStart + keyLength]`.
        var keyStart: Int, keyLength: Int, first: UInt8
        var child: Int
    }

    public let paths: [String]
    /// The cells of the last line scanned, one a path: raw memory, written in
    /// the hot loop with no copy-on-write or exclusivity check. Valid until the next scan.
    public let cells: UnsafeMutableBufferPointer<Cell>
    let levels: UnsafeMutableBufferPointer<Level>
    let entries: UnsafeMutableBufferPointer<Entry>
    let copies: UnsafeMutableBufferPointer<Int>
    let keyBytes: UnsafeMutableBufferPointer<UInt8>
    /// A wide level (the union of many records' columns) is searched by hashing, not in turn: key to entry.
    let wideIndexes: [[String: Int]]
    static let linearKeys = 16
    var scratch: [UInt8] = []

    public init(paths: [String]) {
        self.paths = paths
        cells = .allocate(capacity: paths.count)
        cells.initialize(repeating: .missing)
        let root = Node(paths.enumerated().map { (ArraySlice($1.split(separator: ".", omittingEmptySubsequences: false)), $0) })
        // Breadth-first, so the root is level 0 and each level's entries are together.
        var nodes = [root], levelList: [Level] = [], entryList: [Entry] = [], copyList: [Int] = [], bytes: [UInt8] = []
        var wide: [[String: Int]] = []
        var k = 0
        while k < nodes.count {
            let node = nodes[k]
            var level = Level(firstEntry: entryList.count, entryCount: node.keys.count, column: node.column ?? -1,
                              firstCopy: copyList.count, copyCount: node.copies.count)
            copyList += node.copies
            if node.keys.count > FieldScanner.linearKeys {
                level.wide = wide.count
                var index: [String: Int] = [:]
                for (j, key) in node.keys.enumerated() { index[String(decoding: key, as: UTF8.self)] = entryList.count + j }
                wide.append(index)
            }
            for (key, child) in zip(node.keys, node.children) {
                entryList.append(Entry(keyStart: bytes.count, keyLength: key.count, first: key.first ?? 0, child: nodes.count))
                bytes += key
                nodes.append(child)
            }
            levelList.append(level)
            k += 1
        }
        func raw<T>(_ list: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, list.count))
            _ = buffer.initialize(from: list)
            return UnsafeMutableBufferPointer(rebasing: buffer[..<list.count])
        }
        levels = raw(levelList)
        entries = raw(entryList)
        copies = raw(copyList)
        keyBytes = raw(bytes)
        wideIndexes = wide
    }

    deinit {
        cells.deallocate()
        levels.deallocate()
        entries.deallocate()
        copies.deallocate()
        keyBytes.deallocate()
    }

    /// Scans one line. Returns false for valid JSON that is not an object
    /// (the cells are then all missing); throws for invalid JSON.
    public func scan(_ line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Bool {
        try scan(line, quick: true)
    }

    /// `quick` false scans with the careful pass alone (for the tests that hold the two passes to the same answers).
    func scan(_ line: UnsafeBufferPointer<UInt8>, quick: Bool) throws(JSONSyntaxError) -> Bool {
        let found = cells
        for k in found.indices { found[k] = .missing }
        if quick {
            if quickScan(line, found) { return true }
            for k in found.indices { found[k] = .missing }
        }
        var c = JSONCursor(line)
        c.skipSpace()
        let isObject = c.i < c.end && c.b[c.i] == UInt8(ascii: "{")
        if isObject { try scanObject(&c, 0, found, depth: 0) } else { try c.skipValue(depth: 0) }
        c.skipSpace()
        guard c.i == c.end else { throw c.fail("unexpected text after the end of the value") }
        return isObject
    }

    func scanObject(_ c: inout JSONCursor, _ level: Int, _ cells: UnsafeMutableBufferPointer<Cell>, depth: Int) throws(JSONSyntaxError) {
        guard try c.enter(depth: depth, close: UInt8(ascii: "}")) else { return }
        while true {
            c.skipSpace()
            let keyStart = c.i
            let key = try c.key()
            c.skipSpace()
            let child = match(key, in: level, &c)
            if child >= 0 {
                let column = levels[child].column
                if column >= 0 {
                    guard cells[column] == .missing else { throw c.fail("duplicate key", at: keyStart) }
                    cells[column] = try value(&c, descendingInto: child, cells, depth: depth + 1)
                    let l = levels[child]
                    for k in l.firstCopy..<(l.firstCopy + l.copyCount) { cells[copies[k]] = cells[column] }
                } else if c.i < c.end, c.b[c.i] == UInt8(ascii: "{") {
                    try scanObject(&c, child, cells, depth: depth + 1)
                } else {
                    try c.skipValue(depth: depth + 1)
                }
            } else {
                try c.skipValue(depth: depth + 1)
            }
            guard try c.nextMember(close: UInt8(ascii: "}"), inside: "an object") else { return }
        }
    }

    func value(_ c: inout JSONCursor, descendingInto level: Int, _ cells: UnsafeMutableBufferPointer<Cell>, depth: Int) throws(JSONSyntaxError) -> Cell {
        guard c.i < c.end else { throw c.fail("the line ends where a value should be (truncated record?)") }
        let start = c.i
        switch c.b[c.i] {
        case UInt8(ascii: "\""):
            let s = try c.string()
            return .string(s.range, escaped: s.escaped)
        case UInt8(ascii: "n"):
            try c.literal("null")
            return .null
        case UInt8(ascii: "{") where levels[level].entryCount > 0:
            try scanObject(&c, level, cells, depth: depth)
            return .composite(start..<c.i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try c.skipValue(depth: depth)
            return .composite(start..<c.i)
        default:
            try c.skipValue(depth: depth)
            return .scalar(start..<c.i)
        }
    }

    /// The level a key leads to from `level`, or -1 when no column asks for it.
    @inline(__always)
    func match(_ key: (range: Range<Int>, escaped: Bool), in level: Int, _ c: inout JSONCursor) -> Int {
        let l = levels[level]
        if l.entryCount == 0 { return -1 }
        if l.wide >= 0 || key.escaped {
            let name = c.decodeString(key.range, escaped: key.escaped, scratch: &scratch)
            if l.wide >= 0 { return wideIndexes[l.wide][name].map { entries[$0].child } ?? -1 }
            let bytes = Array(name.utf8)
            for e in l.firstEntry..<(l.firstEntry + l.entryCount)
            where entries[e].keyLength == bytes.count && bytes.elementsEqual(keyBytes[entries[e].keyStart..<(entries[e].keyStart + entries[e].keyLength)]) {
                return entries[e].child
            }
            return -1
        }
        let n = key.range.count
        let base = c.b.baseAddress! + key.range.lowerBound
        let first = n > 0 ? base.pointee : 0
        for e in l.firstEntry..<(l.firstEntry + l.entryCount) {
            let entry = entries[e]
            if entry.keyLength == n, entry.first == first, memcmp(keyBytes.baseAddress! + entry.keyStart, base, n) == 0 { return entry.child }
        }
        return -1
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
