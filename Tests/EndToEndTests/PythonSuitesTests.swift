import XCTest

/// Test suites written in Python, where Python has the better tool: a real
/// pseudo-terminal (`pty`) and an independent JSON Schema validator (`jsonschema`).
final class PythonSuitesTests: XCTestCase {
    func runSuite(_ script: String) throws {
        var env = ProcessInfo.processInfo.environment
        env["SAFEGUARD_BIN"] = Tools.binDir.path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Tools.packageRoot.appendingPathComponent(script).path]
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "\(script) failed:\n\(text)")
    }

    /// At a real terminal: `nrm-referral new` re-asking a bad date, numbered
    /// choices, Ctrl-D and Ctrl-C writing nothing, the duty-to-notify offer; a
    /// dd/mm/yyyy date and an offset-less (UK) time accepted and echoed; an
    /// answer changed at the confirmation, with what depends on it asked again;
    /// and every report's text table on a terminal, NDJSON when piped.
    func testThePromptAtARealTerminal() throws { try runSuite("Tests/Support/test_prompt_pty.py") }

    /// The schemas accept what they should and refuse what they should.
    func testTheSchemasThemselves() throws { try runSuite("Tests/Support/test_schemas.py") }

    /// No [c] cell can be worked out from what the same run publishes: 1,000
    /// seeded random tables through `count --pivot`, and every table of one
    /// `nrm-stats` run on a small synthetic case file, each solved exactly by
    /// an independent linear programme (Python's `fractions`).
    func testNoSuppressedCountCanBeWorkedOut() throws { try runSuite("Tests/Support/disclosure_check.py") }

    /// No personal data in csv-report's default output, and none on any
    /// tool's standard error, for records with every marked field a sentinel.
    func testNoSentinelLeaves() throws { try runSuite("Tests/Support/test_no_personal_data.py") }

    /// `csv-report --format xlsx`, opened by openpyxl: every cell of flatten,
    /// count --pivot and nrm-stats equals the same command's CSV cell, with its
    /// type (1E5, 0012345 and =1+1 text; counts numbers; [c] text); the header
    /// bold and frozen; the ZIP's CRC-32s checked by Python's zipfile.
    func testWorkbooksMatchTheirCSV() throws { try runSuite("Tests/Support/test_xlsx.py") }
}
