import SafeguardCore

/// How a report is written: a table for a person, or NDJSON for a script.
public enum ReportFormat: String, CodeList {
    case text, ndjson
    public static let listName = "report format"
    public var label: String { self == .text ? "A plain-English table" : "One JSON record per line" }
}

/// Draws a report's text view: the heading, aligned columns (one row per
/// case), each row's details indented under it, and the footnote.
public enum TextTable {
    public static func render<Row: TextReportRow>(_ rows: [Row]) -> String {
        let columns = Row.textColumns
        var text = Row.textHeading(rows) + "\n"
        guard !rows.isEmpty else { return text + "  (nothing to show)\n" }
        // A cell is one line; control characters are shown escaped, never run.
        func clean(_ s: String) -> String { TerminalText.escaped(s).replacingOccurrences(of: "\n", with: " ") }
        let cells = rows.map { row in columns.map { clean($0.cell(row)) } }
        let widths = columns.indices.map { k in max(columns[k].heading.count, cells.map { $0[k].count }.max() ?? 0) }
        func line(_ values: [String]) -> String {
            var s = ""
            for (k, v) in values.enumerated() {
                s += k == values.count - 1 ? v : v.padding(toLength: widths[k] + 2, withPad: " ", startingAt: 0)
            }
            return "  " + s + "\n"
        }
        text += "\n" + line(columns.map(\.heading))
        for (row, values) in zip(rows, cells) {
            text += line(values)
            for detail in row.textDetails { text += "      - " + clean(detail) + "\n" }
        }
        if let note = Row.textFootnote { text += "\n" + note + "\n" }
        return text
    }
}

/// Writes one report's rows: at once as NDJSON, or gathered into a table
/// written by `finish` (a table needs every row to align its columns).
public final class ReportWriter<Row: TextReportRow> {
    let output: OutputSink
    public let format: ReportFormat
    var rows: [Row] = []

    init(output: OutputSink, format: ReportFormat) {
        self.output = output
        self.format = format
    }

    public func write(_ row: Row, json: JSONValue) throws {
        if format == .ndjson { try output.write(record: json) } else { rows.append(row) }
    }

    /// Writes the table (text); a second table is set off by a blank line.
    public func finish(second: Bool = false) throws {
        guard format == .text else { return }
        if second { try output.write("\n") }
        try output.write(TextTable.render(rows))
    }
}

public extension ReportWriter where Row: LaidOutRecord {
    func write(_ row: Row) throws { try write(row, json: row.json) }
}

public extension CommandContext {
    /// The report's format: `--format` when given; else NDJSON with `--pass`
    /// (records copied through belong in a stream), else text when standard
    /// output is a terminal and NDJSON when it is a pipe or a file.
    func reportFormat() throws -> ReportFormat {
        let passing = command.declares(CommonFlag.pass) ? try self[CommonFlag.pass] : false
        if isGiven(CommonFlag.format) {
            let f = try self[CommonFlag.format]
            if f == .text, passing { throw UsageError("--pass copies records through, which a table cannot hold; use --format ndjson with --pass") }
            return f
        }
        return passing ? .ndjson : try self[CommonFlag.format]
    }

    /// A writer for one report's rows, in the format `reportFormat` chooses.
    func report<Row: TextReportRow>(_ type: Row.Type) throws -> ReportWriter<Row> {
        ReportWriter(output: output, format: try reportFormat())
    }
}
