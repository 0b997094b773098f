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
    public let voids: VoidFilter
    var counts: CountTable
    /// Lines whose values are all plain (unescaped text, numbers, missing),
    /// the usual case: counted by their bytes, so a line costs no allocation.
    /// Each key is, per column, 0 (missing) or 1, a 4-byte length and the bytes.
    var tally: [ByteKey: Int] = [:]
    var key = ByteKey()

    struct ByteKey: Hashable {
        var bytes: [UInt8] = []
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    public init(columns: [Flattener.Column], kind: String?, pivot: String?, asOf: CivilDate, rowFields: [String], voids: VoidFilter) {
        self.columns = columns
        self.kind = kind.map { Array($0.utf8) }
        self.pivot = pivot != nil
        self.asOf = asOf
        self.voids = voids
        scanner = FieldScanner(paths: columns.map(\.path) + ["kind"])
        counts = CountTable(rowFields: rowFields, columnField: pivot)
    }

    public func take(_ line: InputLine, into out: inout [UInt8]) throws {
        let bytes = line.bytes
        if voids.leavesOut(bytes) { return }
        let isObject: Bool
        do throws(JSONSyntaxError) { isObject = try scanner.scan(bytes) } catch { throw RecordError(error.message) }
        guard isObject else { throw RecordError("a record must be a JSON object") }
        if let kind, !scanner.cells[columns.count].holds(kind, in: bytes, scanner) { return }
        if plainKey(bytes) {
            tally[key, default: 0] += 1
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

    /// Fills `key` from the line's cells when each is plain; false otherwise.
    /// Only an escape can put a NUL in JSON text, so a plain cell needs no NUL check.
    func plainKey(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        key.bytes.removeAll(keepingCapacity: true)
        for k in columns.indices {
            guard !columns[k].asAgeBand else { return false }
            switch scanner.cells[k] {
            case .missing, .null:
                key.bytes.append(0)
            case .string(let r, false), .scalar(let r):
                key.bytes.append(1)
                withUnsafeBytes(of: UInt32(r.count).littleEndian) { key.bytes.append(contentsOf: $0) }
                key.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[r]))
            default:
                return false
            }
        }
        return true
    }

    func add(_ key: [String], count: Int) {
        if pivot { counts.add(row: Array(key.dropLast()), column: key.last!, count: count) } else { counts.add(row: key, count: count) }
    }

    /// The counts so far, the plain lines' included.
    public func table() -> CountTable {
        for (key, n) in tally {
            var values: [String] = [], at = 0
            key.bytes.withUnsafeBufferPointer { b in
                while at < b.count {
                    if b[at] == 0 { values.append(CountTally.missing); at += 1; continue }
                    let length = Int(UInt32(b[at + 1]) | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3]) << 16 | UInt32(b[at + 4]) << 24)
                    values.append(String(decoding: UnsafeBufferPointer(rebasing: b[(at + 5)..<(at + 5 + length)]), as: UTF8.self))
                    at += 5 + length
                }
            }
            add(values, count: n)
        }
        tally = [:]
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
