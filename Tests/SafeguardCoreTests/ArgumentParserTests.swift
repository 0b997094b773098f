import XCTest
@testable import SafeguardCore

final class ArgumentParserTests: XCTestCase {
    let flags: [Flag] = [
        Flag("as-of", short: "a", value: "DATE", help: ""),
        Flag("exploitation", value: "TYPE", help: "", repeatable: true),
        Flag("interactive", short: "i", help: ""),
        Flag("yes", short: "y", help: ""),
        .help,
    ]

    func testForms() throws {
        let p = try ArgumentParser.parse(["--as-of", "2026-01-01", "-iy", "--exploitation=sexual,labour", "--exploitation", "criminal", "file", "-", "--", "--not-a-flag"], flags: flags)
        XCTAssertEqual(p.value("as-of"), "2026-01-01")
        XCTAssertTrue(p.has("interactive"))
        XCTAssertTrue(p.has("yes"))
        XCTAssertEqual(p.list("exploitation"), ["sexual", "labour", "criminal"])
        XCTAssertEqual(p.positionals, ["file", "-", "--not-a-flag"])
        XCTAssertEqual(try ArgumentParser.parse(["-a2026-02-01"], flags: flags).value("as-of"), "2026-02-01")
        XCTAssertEqual(try ArgumentParser.parse(["-a", "2026-02-01"], flags: flags).value("as-of"), "2026-02-01")
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

    func testTypedValues() throws {
        XCTAssertThrowsError(try ArgumentParser.parse(["--as-of", "2025-02-30"], flags: flags).date("as-of")) { e in
            XCTAssertTrue("\(e)".contains("not a real date"))
        }
        let p = try ArgumentParser.parse(["--exploitation", "sexual,bogus"], flags: flags)
        XCTAssertThrowsError(try p.codes("exploitation", ExploitationType.self)) { e in
            XCTAssertTrue("\(e)".contains("'bogus' is not a known exploitation type"))
        }
    }

    func testToolLevelUsage() {
        let tool = Tool(name: "t", summary: "s", commands: [Command(name: "go", summary: "g", flags: []) { _ in .ok }])
        XCTAssertEqual(tool.run(["nope"]), .usage)
        XCTAssertEqual(tool.run([]), .usage)
        XCTAssertEqual(tool.run(["go", "--bogus"]), .usage)
    }
}
