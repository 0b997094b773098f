import XCTest
@testable import SafeguardCore
@testable import SafeguardCLI

/// The text view of a report: aligned columns, details under their row,
/// control characters escaped; and the choice of view.
final class TextTableTests: XCTestCase {
    struct Row: TextReportRow {
        let name: String, due: String, problems: [String]
        static var textColumns: [TextColumn<Row>] { [TextColumn("Name") { $0.name }, TextColumn("Due") { $0.due }] }
        static func textHeading(_ rows: [Row]) -> String { "Rows: \(rows.count)." }
        static var textFootnote: String? { "A note." }
        var textDetails: [String] { problems }
    }

    func testColumnsAlignAndDetailsSitUnderTheirRow() {
        let text = TextTable.render([Row(name: "a", due: "2 days overdue", problems: ["late"]), Row(name: "longer-name", due: "due today", problems: [])])
        XCTAssertEqual(text, """
        Rows: 2.

          Name         Due
          a            2 days overdue
              - late
          longer-name  due today

        A note.

        """)
        XCTAssertEqual(TextTable.render([Row]()), "Rows: 0.\n  (nothing to show)\n")
    }

    func testControlCharactersInACellAreShownEscaped() {
        let text = TextTable.render([Row(name: "x\u{1B}[2Jy", due: "a\nb", problems: ["\u{07}"])])
        XCTAssertFalse(text.contains("\u{1B}"), text)
        XCTAssertFalse(text.contains("\u{07}"), text)
        XCTAssertFalse(text.contains("a\nb"), "a cell stays on its line")
    }

    /// Text on a terminal, NDJSON in a pipe; --format overrides; --pass keeps NDJSON.
    func testTheViewFollowsStandardOutputAndTheOptions() throws {
        let command = Command(name: "status", summary: "", usage: "[FILE...]", flags: [CommonFlag.format, CommonFlag.pass]) { _ in .ok }
        func format(_ argv: [String], terminal: Bool) throws -> ReportFormat {
            let env = Environment(today: { CivilDate("2026-01-01")! }, now: { DateTime(seconds: 0) }, standardInputIsTerminal: false,
                                  standardOutputIsTerminal: terminal)
            let c = CommandContext(tool: "t", command: command, arguments: try ArgumentParser.parse(argv, flags: command.allFlags), environment: env,
                                   output: OutputSink(fd: -1, name: "none"), diagnostics: Diagnostics(tool: "t") { _ in })
            return try c.reportFormat()
        }
        XCTAssertEqual(try format([], terminal: true), .text)
        XCTAssertEqual(try format([], terminal: false), .ndjson)
        XCTAssertEqual(try format(["--format", "ndjson"], terminal: true), .ndjson)
        XCTAssertEqual(try format(["--format", "text"], terminal: false), .text)
        XCTAssertEqual(try format(["--pass"], terminal: true), .ndjson, "records copied through belong in a stream")
        XCTAssertThrowsError(try format(["--pass", "--format", "text"], terminal: true)) { XCTAssertTrue($0 is UsageError) }
        XCTAssertThrowsError(try format(["--format", "csv"], terminal: true))
    }
}
