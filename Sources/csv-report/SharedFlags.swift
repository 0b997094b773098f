import Foundation
import SafeguardCore
import SafeguardCLI

enum ReportFlag {
    static let kind = Flag<String?>("kind", value: "KIND", help: "Only records of this kind (referral, nrm-status...).", .text)
    static let crlf = Flag(switch: "crlf", help: "End lines with CRLF, for spreadsheet programs that want it.")
    static let noHeader = Flag(switch: "no-header", help: "Leave out the header row.")
    static let includePersonal = Flag(switch: "include-personal-data", help: "Keep fields the schemas mark as personal data (names, dates of birth, addresses, free text). Off by default.")
    static let ageBand = Flag(switch: "age-band", help: "Turn each date of birth into an age band on the --as-of date (0-9, 10-13, 14-15, 16-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+), which is not personal data.")
    static let suppressBelow = Flag("suppress-below", value: "N", help: "Show counts from 1 to N-1 as [c], and hide enough others that none can be narrowed to fewer than N values from what is published.",
                                    .int(in: 2...1000), default: 5)
    static let bom = Flag(switch: "bom", help: "Start the CSV with a UTF-8 byte-order mark, so spreadsheet programs read it as UTF-8 (Zoë, not ZoÃ«).")
    static let keepVoided = Flag(switch: "keep-voided", help: "Keep records that a void record cancels, and the voids themselves (for auditors). By default they are treated as absent.")
    static let threads = Flag("threads", value: "N", help: "Read a regular file with N threads, each taking blocks of whole lines; the output, messages and rejects are the same, in input order, whatever N is. A pipe is read by one thread, unless it is first copied to a temporary file. A workbook (--format xlsx) is written by one thread.",
                              .int(in: 1...256), defaultText: "the number of cores") { _ in min(256, max(1, ProcessInfo.processInfo.activeProcessorCount)) }
    static let noSuppress = Flag(switch: "no-suppress", help: "Show every count as it is. Not for tables shared outside the team.")
    static let format = Flag("format", value: "FORMAT", help: "csv: RFC 4180 CSV on standard output; xlsx: an Excel workbook written to --output FILE, text kept as text (1E5, 0012345 and =1+1 as written, never run), numbers as numbers, the header bold and frozen.",
                             .code, default: TableFormat.csv)
    static let output = Flag<String?>("output", value: "FILE", help: "Write the workbook to FILE (with --format xlsx, which needs it): mode 0600, written whole to a temporary file beside it and renamed.", .path)
}

/// What csv-report writes.
enum TableFormat: String, CodeList {
    case csv, xlsx
    static let listName = "table format"
    var label: String { self == .csv ? "CSV on standard output" : "An Excel workbook (--output FILE)" }
}

extension CommandContext {
    /// The suppression threshold from --suppress-below and --no-suppress (0: none).
    func suppressionThreshold() throws -> Int {
        if try self[ReportFlag.noSuppress] {
            if isGiven(ReportFlag.suppressBelow) { throw UsageError("--no-suppress and --suppress-below cannot both be given") }
            return 0
        }
        return try self[ReportFlag.suppressBelow]
    }

    func csvWriter() throws -> CSVWriter { CSVWriter(crlf: try self[ReportFlag.crlf]) }

    /// Writes the UTF-8 byte-order mark first, when --bom asks for it.
    func startCSV() throws {
        if try self[ReportFlag.bom] { try output.write(CSVWriter.byteOrderMark) }
    }

    /// The workbook's path with --format xlsx, checked as any output is; nil for
    /// CSV. A workbook is a file, never standard output, and --bom and --crlf
    /// are for CSV only.
    func workbookPath() throws -> String? {
        let output = try self[ReportFlag.output]
        guard try self[ReportFlag.format] == .xlsx else {
            if output != nil { throw UsageError("--output is for --format xlsx; CSV is written to standard output (redirect it to a file)") }
            return nil
        }
        guard let output else {
            throw UsageError("--format xlsx needs --output FILE: a workbook is a file, not a stream for a pipe or a terminal")
        }
        if try self[ReportFlag.bom] { throw UsageError("--bom is for CSV; a workbook has no byte-order mark") }
        if try self[ReportFlag.crlf] { throw UsageError("--crlf is for CSV; a workbook has no line ends") }
        // Refused before any input is read, as --rejects is; checked again when written.
        try SafeFile.checkOutput(path: output, inputs: namedInputs.union(InputRegistry.all))
        return output
    }

    /// Writes a one-sheet workbook to `path` (see `SafeFile.replace`).
    func writeWorkbook(to path: String, frozenHeader: Bool, _ body: (XLSXWorkbook) throws -> Void) throws {
        try SafeFile.replace(path: path) { sink in
            let book = try XLSXWorkbook(to: sink, name: path, sheet: command.name, frozenHeader: frozenHeader)
            try body(book)
            try book.finish()
        }
    }

    /// Writes a table whose first row is its header and whose first
    /// `labelColumns` columns are labels: CSV on standard output, or the
    /// workbook, where a count is a number and [c], [z] stay text.
    func writeTable(_ rows: [[String]], labelColumns: Int, workbook: String?) throws {
        guard let workbook else {
            let csv = try csvWriter()
            var out: [UInt8] = []
            for row in rows { csv.appendRow(row, to: &out) }
            try startCSV()
            try output.write(out)
            return
        }
        try writeWorkbook(to: workbook, frozenHeader: true) { book in
            for (k, row) in rows.enumerated() {
                do {
                    try book.appendRow(k == 0 ? row.map { .text($0) } : XLSXCell.tableRow(row, labelColumns: labelColumns), header: k == 0)
                } catch let e as CellTooLong {
                    throw CommandFailure("a value in column \(rows[0][e.column]) has \(e.length) characters, more than the "
                                         + "\(XLSXRowEncoder.maxCellLength) a worksheet cell holds; write CSV. No workbook was written.", exitCode: .dataError)
                }
            }
        }
    }

    /// Says on standard error which personal data was left out.
    func noteLeftOut(dropped: [String], redacted: [String]) {
        if !dropped.isEmpty {
            diagnostics.note("left out personal data: \(dropped.joined(separator: ", ")) (--include-personal-data keeps it; --age-band turns a date of birth into an age band)")
        }
        if !redacted.isEmpty {
            diagnostics.note("left out the personal fields inside: \(redacted.joined(separator: ", "))")
        }
    }
}
