import XCTest
import SafeguardCore
@testable import SafeguardCLI

final class ArgumentParserTests: XCTestCase {
    let asOf = Flag.date("as-of", help: "")
    let short = Flag<CivilDate?>("on", short: "a", value: "DATE", help: "", .date)
    let exploitation = Flag<[ExploitationType]>("exploitation", value: "TYPE", help: "", each: .code)
    let interactive = Flag(switch: "interactive", short: "i", help: "")
    let yes = Flag(switch: "yes", short: "y", help: "")
    let days = Flag("days", value: "N", help: "", .int(in: 0...365), default: 5)
    var flags: [FlagSpec] { [asOf.spec, short.spec, exploitation.spec, interactive.spec, yes.spec, days.spec, CommonFlag.help.spec] }

    /// A context over these arguments, with the clock fixed.
    func context(_ argv: [String]) throws -> CommandContext {
        let command = Command(name: "go", summary: "", flags: flags) { _ in .ok }
        let fixed = Environment(today: { CivilDate("2026-03-31")! }, now: { DateTime(seconds: 0) }, standardInputIsTerminal: false)
        return CommandContext(tool: "t", command: command, arguments: try ArgumentParser.parse(argv, flags: flags), environment: fixed,
                              output: OutputSink(fd: -1, name: "none"), diagnostics: Diagnostics(tool: "t") { _ in })
    }

    func testForms() throws {
        let c = try context(["--as-of", "2026-01-01", "-iy", "--exploitation=sexual,labour", "--exploitation", "criminal", "file", "-", "--", "--not-a-flag"])
        XCTAssertEqual(try c[asOf], CivilDate("2026-01-01"))
        XCTAssertTrue(try c[interactive])
        XCTAssertTrue(try c[yes])
        XCTAssertEqual(try c[exploitation], [.sexual, .labour, .criminal])
        XCTAssertEqual(c.operands, ["file", "-", "--not-a-flag"])
        XCTAssertEqual(try context(["-a2026-02-01"])[short], CivilDate("2026-02-01"))
        XCTAssertEqual(try context(["-a", "2026-02-01"])[short], CivilDate("2026-02-01"))
    }

    /// A value not given is the declaration's default; today comes from the command's clock.
    func testDefaultsComeFromTheDeclaration() throws {
        let c = try context([])
        XCTAssertEqual(try c[days], 5)
        XCTAssertEqual(try c[asOf], CivilDate("2026-03-31"))
        XCTAssertNil(try c[short])
        XCTAssertEqual(try c[exploitation], [])
        XCTAssertFalse(c.isGiven(days))
        XCTAssertEqual(days.spec.fullHelp, " (0 to 365; default: 5)")
        XCTAssertEqual(asOf.spec.defaultText, "today")
    }

    func testMistakesAreUsageErrors() {
        XCTAssertThrowsError(try ArgumentParser.parse(["--asof", "x"], flags: flags)) { e in
            XCTAssertEqual("\(e)", "unknown option --asof; did you mean --as-of?")
        }
        XCTAssertThrowsError(try ArgumentParser.parse(["-z"], flags: flags))
        XCTAssertThrowsError(try ArgumentParser.parse(["--as-of"], flags: flags))
        XCTAssertThrowsError(try ArgumentParser.parse(["--as-of", "a", "--as-of", "b"], flags: flags))
        XCTAssertThrowsError(try ArgumentParser.parse(["--interactive=yes"], flags: flags))
    }

    /// A value option never takes the next option as its value: `--as-of --interactive`
    /// is refused with the `--name=VALUE` hint, and `--days=-1` is read as written.
    func testAValueStartingWithADashMustBeJoined() throws {
        for argv in [["--as-of", "--interactive"], ["-a", "-i"], ["--days", "-1"], ["--as-of", "-"]] {
            XCTAssertThrowsError(try ArgumentParser.parse(argv, flags: flags), "\(argv)") { e in
                XCTAssertTrue("\(e)".contains("must be written --"), "\(e)")
            }
        }
        XCTAssertEqual(try ArgumentParser.parse(["--days=-1"], flags: flags).value("days"), "-1")
        XCTAssertEqual(try ArgumentParser.parse(["-a-1"], flags: flags).value("on"), "-1")
    }

    func testTypedValues() throws {
        XCTAssertThrowsError(try context(["--as-of", "2025-02-30"])[asOf]) { e in
            XCTAssertTrue("\(e)".contains("not a real date"))
        }
        XCTAssertThrowsError(try context(["--exploitation", "sexual,bogus"])[exploitation]) { e in
            XCTAssertTrue("\(e)".contains("'bogus' is not a known exploitation type"))
        }
        XCTAssertThrowsError(try context(["--days", "366"])[days]) { e in
            XCTAssertEqual("\(e)", "--days: Give a whole number from 0 to 365.")
        }
    }

    func testToolLevelUsage() {
        let tool = Tool(name: "t", summary: "s", commands: [Command(name: "go", summary: "g", flags: []) { _ in .ok }])
        XCTAssertEqual(tool.run(["nope"]), .usage)
        XCTAssertEqual(tool.run([]), .usage)
        XCTAssertEqual(tool.run(["go", "--bogus"]), .usage)
    }

    /// An error the code did not expect is a fault of the tool: exit 70, not an I/O error.
    func testAnUnexpectedErrorIsASoftwareFault() {
        struct Surprise: Error {}
        let tool = Tool(name: "t", summary: "s", commands: [Command(name: "go", summary: "g", flags: []) { _ in throw Surprise() }])
        XCTAssertEqual(tool.run(["go"]), .software)
    }
}
