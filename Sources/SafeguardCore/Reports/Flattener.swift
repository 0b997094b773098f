import Foundation

/// Turns NDJSON records into CSV rows: the columns are dotted paths, arrays
/// are joined with `;`, a missing field is an empty cell. Personal data is
/// left out unless asked for, and dates of birth can become age bands.
public final class Flattener {
    public struct Column: Equatable, Sendable {
        /// The dotted path read from each record.
        public let path: String
        /// The name in the header row.
        public let header: String
        /// Write the age band on the report date instead of the date itself.
        public let asAgeBand: Bool
        /// An object or array column: personal fields inside it are left out.
        public var redactInside = false
    }

    /// The columns to write, given those asked for; the personal ones left out;
    /// and the object columns that hold personal fields, written without them.
    public static func plan(requested: [String], kind: String?, includePersonal: Bool, ageBand: Bool)
        -> (columns: [Column], dropped: [String], redacted: [String]) {
        var columns: [Column] = [], dropped: [String] = [], redacted: [String] = []
        for path in requested {
            if ageBand && PersonalData.isDateOfBirth(path) {
                let stem = path.dropLast("dob".count)
                columns.append(Column(path: path, header: stem + "age-band", asAgeBand: true))
            } else if PersonalData.isPersonal(path, kind: kind) && !includePersonal {
                dropped.append(path)
            } else {
                var column = Column(path: path, header: path, asAgeBand: false)
                column.redactInside = !includePersonal
                if !includePersonal && PersonalData.mayHoldPersonal(path, kind: kind) { redacted.append(path) }
                columns.append(column)
            }
        }
        return (columns, dropped, redacted)
    }

    public let columns: [Column]
    let kindName: String?
    let kind: [UInt8]?
    let asOf: CivilDate
    let csv: CSVWriter
    let scanner: FieldScanner
    let kindColumn: Int
    /// Which columns some record had: raw memory, as it is written in the hot loop.
    let matched: UnsafeMutableBufferPointer<Bool>
    /// Whether a CSV row can be written in one piece when its cells are plain (no age band to work out).
    let plainRows: Bool
    let crlf: Bool

    public init(columns: [Column], kind: String?, asOf: CivilDate, csv: CSVWriter) {
        self.columns = columns
        kindName = kind
        self.kind = kind.map { Array($0.utf8) }
        self.asOf = asOf
        self.csv = csv
        scanner = FieldScanner(paths: columns.map(\.path) + ["kind"])
        kindColumn = columns.count
        matched = .allocate(capacity: columns.count)
        matched.initialize(repeating: false)
        crlf = csv.lineEnd == [0x0D, 0x0A]
        plainRows = !columns.contains(where: \.asAgeBand) && (crlf || csv.lineEnd == [0x0A])
    }

    deinit { matched.deallocate() }

    public func header(into out: inout [UInt8]) {
        csv.appendRow(columns.map(\.header), to: &out)
    }

    /// Takes the columns another flattener (another thread's) has seen a value for.
    public func merge(_ other: Flattener) {
        for k in columns.indices where other.matched[k] { matched[k] = true }
    }

    /// The columns no record has had a value for.
    public var unmatchedPaths: [String] { columns.indices.filter { !matched[$0] }.map { columns[$0].path } }

    /// Appends the CSV row for one line. Returns false when `--kind` skips the
    /// record; throws `RecordError` for a line that cannot be a row.
    public func appendRow(_ line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) throws -> Bool {
        try appendRow(line, as: csv, to: &out)
    }

    /// The same, each cell written by `encoder` (a worksheet row: `XLSXRowEncoder`).
    /// A text longer than a worksheet cell holds is a `RecordError`, as a NUL is.
    public func appendRow<Encoder: RowEncoder>(_ line: UnsafeBufferPointer<UInt8>, as encoder: Encoder, to out: inout [UInt8]) throws -> Bool {
        let start = out.count
        do {
            return try appendCells(line, as: encoder, to: &out)
        } catch let e as CellTooLong {
            out.removeSubrange(start...)
            throw RecordError("field \(columns[e.column].path) has \(e.length) characters, more than the \(XLSXRowEncoder.maxCellLength) "
                              + "a worksheet cell holds; the record is left out of the workbook (CSV has no such limit)")
        }
    }

    func appendCells<Encoder: RowEncoder>(_ line: UnsafeBufferPointer<UInt8>, as encoder: Encoder, to out: inout [UInt8]) throws -> Bool {
        let isObject: Bool
        do throws(JSONSyntaxError) {
            isObject = try scanner.scan(line)
        } catch {
            throw RecordError(error.message)
        }
        guard isObject else { throw RecordError("a record must be a JSON object") }
        if let kind, !scanner.cells[kindColumn].holds(kind, in: line, scanner) { return false }
        if Encoder.self == CSVWriter.self, plainRows, appendPlainRow(line, to: &out) { return true }
        let start = out.count
        let cells = scanner.cells
        encoder.startRow(to: &out)
        for (k, column) in columns.enumerated() {
            if k > 0 { encoder.appendSeparator(to: &out) }
            let cell = cells[k]
            if cell != .missing { matched[k] = true }
            switch cell {
            case .missing, .null:
                encoder.appendEmpty(to: &out)
            case .string(let r, let escaped) where !column.asAgeBand:
                if escaped {
                    // Only an escape can put a NUL in a JSON string, so only this path looks for one.
                    let text = scanner.text(cell, in: line)!
                    if CSVWriter.holdsNUL(text) { out.removeSubrange(start...); throw RecordError.nul(column.path) }
                    try encoder.appendText(text, to: &out)
                } else {
                    try encoder.appendText(UnsafeBufferPointer(rebasing: line[r]), to: &out)
                }
            case .scalar(let r) where !column.asAgeBand:
                try encoder.appendPlain(UnsafeBufferPointer(rebasing: line[r]), to: &out)
            case .composite where !column.asAgeBand:
                guard var value = scanner.composite(cell, in: line) else { encoder.appendEmpty(to: &out); break }
                if column.redactInside { value = PersonalData.redact(value, at: column.path, kind: kindName) }
                let text = encoder.compositeText(value)
                if CSVWriter.holdsNUL(text) { out.removeSubrange(start...); throw RecordError.nul(column.path) }
                try encoder.appendText(text, to: &out)
            default:
                guard let text = scanner.text(cell, in: line), let dob = CivilDate(text) else {
                    out.removeSubrange(start...)
                    throw RecordError("field \(column.path) is not a date (yyyy-mm-dd), so it has no age band")
                }
                try encoder.appendText(AgeBand.label(dob: dob, on: asOf) ?? "", to: &out)
            }
        }
        encoder.endRow(to: &out)
        return true
    }
}

extension Flattener {
    /// The CSV row of a line whose cells are all plain (missing, null, text
    /// with no escape, a number or boolean: the usual case), built on the
    /// stack and appended in one piece. False, with nothing written, where a
    /// cell needs `appendCells`' general path.
    func appendPlainRow(_ line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let cells = scanner.cells, n = columns.count
        var room = n &+ 2
        for k in 0..<n {
            switch cells[k] {
            case .missing, .null: break
            case .string(let r, false), .scalar(let r): room &+= CSVWriter.room(r.count)
            default: return false
            }
        }
        guard room <= 1 << 16 else { return false }
        let neutralise = csv.neutraliseFormulas, crlf = crlf, matched = matched
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { row in
            let p = row.baseAddress!, b = line.baseAddress!
            var at = 0
            for k in 0..<n {
                if k > 0 { p[at] = 0x2C; at &+= 1 }
                switch cells[k] {
                case .missing: continue
                case .null: break
                case .string(let r, _):
                    at &+= CSVWriter.write(UnsafeBufferPointer(start: b + r.lowerBound, count: r.count), neutralise: neutralise, to: p + at)
                case .scalar(let r):
                    (p + at).update(from: b + r.lowerBound, count: r.count)
                    at &+= r.count
                case .composite: break
                }
                matched[k] = true
            }
            if crlf { p[at] = 0x0D; at &+= 1 }
            p[at] = 0x0A
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: at &+ 1))
        }
        return true
    }
}

public extension JSONValue {
    /// The dotted paths of every leaf (scalar or array) in an object, in order.
    var leafPaths: [String] {
        guard case .object(let o) = self else { return [] }
        return o.fields.flatMap { f -> [String] in
            if case .object = f.value {
                let inner = f.value.leafPaths
                return inner.isEmpty ? [f.key] : inner.map { f.key + "." + $0 }
            }
            return [f.key]
        }
    }
}

extension RecordError {
    /// A field whose text holds a NUL (`\u0000`): refused, never written raw.
    public static func nul(_ path: String) -> RecordError {
        RecordError("field \(path) holds a NUL character (\\u0000), which a CSV cell cannot carry; the record is left out")
    }
}
