import XCTest

/// Every tool and subcommand follows the suite's command-line conventions.
final class CLIConventionsTests: XCTestCase {
    /// The subcommands a tool lists in its own --help.
    func commands(of tool: String) throws -> [String] {
        let help = try Tools.run(tool, ["--help"]).out
        guard let section = help.components(separatedBy: "Commands:\n").dropFirst().first else { return [] }
        return section.components(separatedBy: "\n\n")[0].split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    }

    func testHelpAndVersionOnEveryToolAndCommand() throws {
        for tool in Tools.names {
            let help = try Tools.run(tool, ["--help"])
            XCTAssertEqual(help.status, 0, tool)
            XCTAssertTrue(help.out.contains("Usage: \(tool)"), tool)
            XCTAssertEqual(try Tools.run(tool, ["--version"]).out, "\(tool) 0.1.0\n")
            let cmds = try commands(of: tool)
            XCTAssertFalse(cmds.isEmpty, tool)
            for c in cmds {
                for flag in ["--help", "-h"] {
                    let r = try Tools.run(tool, [c, flag])
                    XCTAssertEqual(r.status, 0, "\(tool) \(c) \(flag)")
                    XCTAssertTrue(r.out.hasPrefix("Usage: \(tool) \(c)"), "\(tool) \(c) \(flag)")
                }
                XCTAssertEqual(try Tools.run(tool, [c, "--version"]).out, "\(tool) 0.1.0\n")
            }
        }
    }

    func testUsageMistakesExit64WithAUsageLine() throws {
        for tool in Tools.names {
            let none = try Tools.run(tool, [])
            XCTAssertEqual(none.status, 64, tool)
            let unknown = try Tools.run(tool, ["no-such-command"])
            XCTAssertEqual(unknown.status, 64, tool)
            XCTAssertTrue(unknown.stderr.contains("unknown command 'no-such-command'"), tool)
            for c in try commands(of: tool) {
                let r = try Tools.run(tool, [c, "--no-such-flag"])
                XCTAssertEqual(r.status, 64, "\(tool) \(c)")
                XCTAssertTrue(r.stderr.contains("unknown option --no-such-flag"), "\(tool) \(c): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("Usage: \(tool) \(c)"), "\(tool) \(c)")
            }
        }
    }

    func testAMissingInputFileExits66NamingThePath() throws {
        for c in ["status", "validate"] {
            let r = try Tools.run("nrm-referral", [c, "/nonexistent/case.ndjson"])
            XCTAssertEqual(r.status, 66, c)
            XCTAssertTrue(r.stderr.contains("/nonexistent/case.ndjson"), r.stderr)
            XCTAssertTrue(r.stderr.contains("No such file"), r.stderr)
        }
        let dir = try Tools.run("nrm-referral", ["status", "/tmp"])
        XCTAssertEqual(dir.status, 66)
    }

    /// The user asked for no package dependencies: Foundation and the toolchain only.
    func testThePackageHasNoDependencies() throws {
        let manifest = try String(contentsOf: Tools.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertFalse(manifest.contains(".package("), "Package.swift must not depend on other packages")
        XCTAssertFalse(manifest.contains("dependencies: [.package"))
    }
}
