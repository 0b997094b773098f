import Foundation

/// The union of the dotted leaf paths of many records, in first-seen order:
/// the columns of `csv-report flatten` without `--columns` (issue 17). A leaf
/// is a scalar, null, an array or an empty object; a non-empty object is
/// walked into. Memory grows with the distinct paths, never with the records:
/// the paths live in a tree of keys, and a key already seen costs no allocation
/// for the short keys records have (Swift keeps up to 15 bytes inline).
public final class ColumnUnion {
    final class Level {
        var children: [String: Level] = [:]
        /// This path's place in `paths`, once seen as a leaf.
        var leaf: Int?
    }

    let root = Level()
    /// Every leaf path seen, in first-seen order.
    public private(set) var paths: [String] = []
    let kind: [UInt8]?
    let kindScanner = FieldScanner(paths: ["kind"])
    var scratch: [UInt8] = []

    /// With `kind`, only records of that kind add paths.
    public init(kind: String?) { self.kind = kind.map { Array($0.utf8) } }

    /// Adds the paths of one line. A line that is not a valid JSON object, or
    /// not of the kind wanted, adds none (the pass that writes rows reports it).
    public func add(_ line: UnsafeBufferPointer<UInt8>) {
        if let kind {
            guard (try? kindScanner.scan(line)) == true,
                  kindScanner.text(kindScanner.cells[0], in: line).map({ Array($0.utf8) == kind }) == true else { return }
        }
        var c = JSONCursor(line)
        c.skipSpace()
        guard c.i < c.end, c.b[c.i] == UInt8(ascii: "{") else { return }
        // Paths are only recorded once the line is known to be valid JSON: a
        // rejected line gives no column. New paths wait here until then.
        var fresh: [(Level, String)] = []
        do throws(JSONSyntaxError) {
            try walk(&c, root, prefix: "", depth: 0, fresh: &fresh)
            c.skipSpace()
            guard c.i == c.end else { return }
        } catch { return }
        for (level, path) in fresh where level.leaf == nil {
            level.leaf = paths.count
            paths.append(path)
        }
    }

    func walk(_ c: inout JSONCursor, _ level: Level, prefix: String, depth: Int,
              fresh: inout [(Level, String)]) throws(JSONSyntaxError) {
        guard try c.enter(depth: depth, close: UInt8(ascii: "}")) else { return }
        while true {
            c.skipSpace()
            let k = try c.key()
            c.skipSpace()
            let name = c.decodeString(k.range, escaped: k.escaped, scratch: &scratch)
            let child: Level
            if let known = level.children[name] { child = known } else {
                child = Level()
                level.children[name] = child
            }
            guard c.i < c.end else { throw c.fail("the line ends where a value should be (truncated record?)") }
            let path = child.leaf == nil || c.b[c.i] == UInt8(ascii: "{") ? (prefix.isEmpty ? name : prefix + "." + name) : ""
            if c.b[c.i] == UInt8(ascii: "{"), !JSONCursor.isEmptyObject(c) {
                try walk(&c, child, prefix: path, depth: depth + 1, fresh: &fresh)
            } else {
                try c.skipValue(depth: depth + 1)
                if child.leaf == nil { fresh.append((child, path)) }
            }
            guard try c.nextMember(close: UInt8(ascii: "}"), inside: "an object") else { return }
        }
    }
}

extension JSONCursor {
    /// Whether the cursor, at a '{', starts an object with no members.
    static func isEmptyObject(_ c: JSONCursor) -> Bool {
        var probe = c
        probe.i += 1
        probe.skipSpace()
        return probe.i < probe.end && probe.b[probe.i] == UInt8(ascii: "}")
    }
}

public extension ColumnUnion {
    /// The union of the paths of every line of `inputs` that `voids` keeps, in
    /// first-seen order (a path may appear twice when two spellings, `{"a.b":..}`
    /// and `{"a":{"b":..}}`, give the same text; the caller keeps the first).
    /// Each input is made rewindable (a pipe is spooled to a 0600 temporary
    /// file) and left at its start. A regular file is read by `threads`
    /// threads, each block into its own union; the blocks' lists are merged
    /// in file order, which keeps the first-seen order one thread gives.
    static func paths(of inputs: inout [OpenedInput], kind: String?, voids: VoidFilter, threads: Int) throws -> [String] {
        var paths: [String] = [], seen: Set<String> = []
        func merge(_ found: [String]) { for p in found where seen.insert(p).inserted { paths.append(p) } }
        for k in inputs.indices {
            try inputs[k].makeRewindable()
            let input = inputs[k]
            if threads > 1, let range = FileBlocks.regularRange(input) {
                let filters = (0..<threads).map { _ in voids.copy() }
                try FileBlocks.run(fd: input.fd, range: range, threads: threads) { t, block -> Result<[String], Error> in
                    let union = ColumnUnion(kind: kind)
                    let reader = LineReader(fd: input.fd, range: block, atStart: block.lowerBound == range.lowerBound)
                    return Result {
                        try reader.forEachLine { line in
                            if line.overlongLength == nil, !filters[t].leavesOut(line.bytes, counting: false) { union.add(line.bytes) }
                        }
                        return union.paths
                    }
                } consume: { merge(try $0.get()) }
            } else {
                let union = ColumnUnion(kind: kind)
                try LineReader(fd: input.fd, end: input.end).forEachLine { line in
                    if line.overlongLength == nil, !voids.leavesOut(line.bytes, counting: false) { union.add(line.bytes) }
                }
                merge(union.paths)
            }
            try input.rewind()
        }
        return paths
    }
}
