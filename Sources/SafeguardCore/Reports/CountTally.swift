import Foundation

/// One thread's counts for `csv-report count`: each line's values at the
/// count's columns (the `--by` fields, then the `--pivot` field), counted
/// under every combination (an array counts once under each of its values).
/// Threads each have their own; `table()` gives the counts to merge.
public final class CountTally: LineWorker {
    let columns: [Flattener.Column]
    let kind: [UInt8]?
    let pivot: Bool
    let asOf: CivilDate
    let scanner: FieldScanner
    /// No column is an age band, so a line's key can be its bytes.
    let plainColumns: Bool
    public let voids: VoidFilter
    var counts: CountTable
    /// Lines whose values are all plain (unescaped text, numbers, missing),
    /// the usual case: counted by their bytes, so a line costs no allocation.
    /// Each key is, per column, 0 (missing) or 1, a 4-byte length and the bytes.
    /// Raw memory, so the hot loop pays for no exclusivity check.
    let tally: UnsafeMutablePointer<ByteTally>

    public init(columns: [Flattener.Column], kind: String?, pivot: String?, asOf: CivilDate, rowFields: [String], voids: VoidFilter) {
        self.columns = columns
        self.kind = kind.map { Array($0.utf8) }
        self.pivot = pivot != nil
        self.asOf = asOf
        self.voids = voids
        scanner = FieldScanner(paths: columns.map(\.path) + ["kind"])
        plainColumns = !columns.contains(where: \.asAgeBand)
        counts = CountTable(rowFields: rowFields, columnField: pivot)
        tally = .allocate(capacity: 1)
        tally.initialize(to: ByteTally())
    }

    deinit {
        tally.pointee.deallocate()
        tally.deallocate()
    }

    public func take(_ line: InputLine, into out: inout [UInt8]) throws {
        let bytes = line.bytes
        if voids.leavesOut(bytes) { return }
        let isObject: Bool
        do throws(JSONSyntaxError) { isObject = try scanner.scan(bytes) } catch { throw RecordError(error.message) }
        guard isObject else { throw RecordError("a record must be a JSON object") }
        if let kind, !scanner.cells[columns.count].holds(kind, in: bytes, scanner) { return }
        if plainKey(bytes) {
            tally.pointee.countKey()
            return
        }
        let values = try columns.enumerated().map { k, column -> [String] in
            let cell = scanner.cells[k]
            guard column.asAgeBand else {
                let texts = scanner.texts(cell, in: bytes)
                if texts.contains(where: CSVWriter.holdsNUL) { throw RecordError.nul(column.path) }
                return texts.isEmpty ? [CountTally.missing] : texts
            }
            guard cell != .missing, cell != .null else { return [CountTally.missing] }
            guard let text = scanner.text(cell, in: bytes), let dob = CivilDate(text) else {
                throw RecordError("field \(column.path) is not a date (yyyy-mm-dd), so it has no age band")
            }
            return [AgeBand.label(dob: dob, on: asOf) ?? CountTally.missing]
        }
        // Every combination of the values (an array field counts under each of its values).
        var keys: [[String]] = [[]]
        for v in values { keys = keys.flatMap { k in v.map { k + [$0] } } }
        for key in keys { add(key, count: 1) }
    }

    static let missing = "(missing)"

    /// Fills the tally's key from the line's cells when each is plain; false otherwise.
    /// Only an escape can put a NUL in JSON text, so a plain cell needs no NUL check.
    func plainKey(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard plainColumns else { return false }
        let cells = scanner.cells, b = line.baseAddress!
        var room = 0
        for k in 0..<columns.count {
            switch cells[k] {
            case .missing, .null: room &+= 1
            case .string(let r, false), .scalar(let r): room &+= 5 &+ r.count
            default: return false
            }
        }
        let key = tally.pointee.startKey(room)
        var at = 0
        for k in 0..<columns.count {
            switch cells[k] {
            case .string(let r, _), .scalar(let r):
                key[at] = 1
                withUnsafeBytes(of: UInt32(r.count).littleEndian) { (key + (at &+ 1)).update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 4) }
                (key + (at &+ 5)).update(from: b + r.lowerBound, count: r.count)
                at &+= 5 &+ r.count
            default:
                key[at] = 0
                at &+= 1
            }
        }
        return true
    }

    func add(_ key: [String], count: Int) {
        if pivot { counts.add(row: Array(key.dropLast()), column: key.last!, count: count) } else { counts.add(row: key, count: count) }
    }

    /// The counts so far, the plain lines' included.
    public func table() -> CountTable {
        tally.pointee.forEach { b, n in
            var values: [String] = [], at = 0
            while at < b.count {
                if b[at] == 0 { values.append(CountTally.missing); at += 1; continue }
                let length = Int(UInt32(b[at + 1]) | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3]) << 16 | UInt32(b[at + 4]) << 24)
                values.append(String(decoding: UnsafeBufferPointer(rebasing: b[(at + 5)..<(at + 5 + length)]), as: UTF8.self))
                at += 5 + length
            }
            add(values, count: n)
        }
        tally.pointee.removeAll()
        return counts
    }
}

extension FieldScanner.Cell {
    /// Whether the cell is the text `expected` (compared as bytes when it has no escape).
    func holds(_ expected: [UInt8], in line: UnsafeBufferPointer<UInt8>, _ scanner: FieldScanner) -> Bool {
        switch self {
        case .string(let r, false):
            return r.count == expected.count && expected.withUnsafeBufferPointer { memcmp($0.baseAddress!, line.baseAddress! + r.lowerBound, r.count) == 0 }
        default:
            return scanner.text(self, in: line).map { Array($0.utf8) == expected } ?? false
        }
    }
}

/// Byte strings and how often each was seen: an open-addressed table over
/// raw memory, the keys kept end to end in one arena. The hash is seeded
/// afresh each run, as Swift's own is.
struct ByteTally {
    struct Slot {
        var hash: UInt64 = 0
        var start = 0, length = 0
        /// 0: the slot is empty.
        var count = 0
    }
    var slots: UnsafeMutablePointer<Slot>
    var mask: Int
    var used = 0
    var arena: UnsafeMutablePointer<UInt8>
    var arenaCount = 0, arenaCapacity: Int
    /// The key being built, with eight bytes to spare for the hash's last word.
    var key: UnsafeMutablePointer<UInt8>
    var keyCount = 0, keyCapacity: Int
    let seed: UInt64

    init() {
        mask = 63
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: Slot(), count: mask + 1)
        arenaCapacity = 1 << 12
        arena = .allocate(capacity: arenaCapacity)
        keyCapacity = 256
        key = .allocate(capacity: keyCapacity)
        var h = Hasher()
        h.combine(0)
        seed = UInt64(truncatingIfNeeded: h.finalize())
    }

    func deallocate() {
        slots.deallocate()
        arena.deallocate()
        key.deallocate()
    }

    /// Room for a key of `count` bytes, to be written before `countKey`.
    mutating func startKey(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if count &+ 8 > keyCapacity {
            key.deallocate()
            keyCapacity = max(2 * keyCapacity, count + 8)
            key = .allocate(capacity: keyCapacity)
        }
        keyCount = count
        return key
    }

    @inline(__always)
    func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h = seed ^ UInt64(truncatingIfNeeded: n)
        var k = 0
        while k < n {
            var w = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
            if n &- k < 8 { w &= (1 &<< UInt64((n &- k) &* 8)) &- 1 }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h &>> 29
            k &+= 8
        }
        return h
    }

    /// Counts the key once more.
    mutating func countKey() {
        let n = keyCount
        let h = hash(key, n)
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s].count != 0 {
            if slots[s].hash == h, slots[s].length == n, memcmp(arena + slots[s].start, key, n) == 0 {
                slots[s].count &+= 1
                return
            }
            s = (s &+ 1) & mask
        }
        if arenaCount + n > arenaCapacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(2 * arenaCapacity, arenaCount + n))
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = max(2 * arenaCapacity, arenaCount + n)
        }
        (arena + arenaCount).update(from: key, count: n)
        slots[s] = Slot(hash: h, start: arenaCount, length: n, count: 1)
        arenaCount += n
        used += 1
        if 2 * used > mask { grow() }
    }

    mutating func grow() {
        let old = slots, oldSize = mask + 1
        mask = 2 * oldSize - 1
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: Slot(), count: mask + 1)
        for k in 0..<oldSize where old[k].count != 0 {
            var s = Int(truncatingIfNeeded: old[k].hash) & mask
            while slots[s].count != 0 { s = (s &+ 1) & mask }
            slots[s] = old[k]
        }
        old.deallocate()
    }

    /// Each key with its count.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        for k in 0...mask where slots[k].count != 0 {
            body(UnsafeBufferPointer(start: arena + slots[k].start, count: slots[k].length), slots[k].count)
        }
    }

    mutating func removeAll() {
        slots.update(repeating: Slot(), count: mask + 1)
        used = 0
        arenaCount = 0
    }
}
