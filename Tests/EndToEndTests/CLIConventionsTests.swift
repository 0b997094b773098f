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

    /// A command whose usage line shows no operand refuses one (exit 64), so
    /// `new ... mycase.ndjson` cannot write to standard output and create no file.
    func testAStrayOperandIsAUsageError() throws {
        var refused = 0
        for tool in Tools.names {
            for c in try commands(of: tool) {
                let usage = try Tools.run(tool, [c, "--help"]).out.components(separatedBy: "\n")[0]
                let takes = usage.contains("[FILE...]") || usage.split(separator: " ").dropFirst(3).first?.first?.isUppercase == true
                guard !takes else { continue }
                let r = try Tools.run(tool, [c, "stray.ndjson"])
                XCTAssertEqual(r.status, 64, "\(tool) \(c): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("takes no operands"), "\(tool) \(c): \(r.stderr)")
                XCTAssertFalse(r.stderr.contains("stray.ndjson"), "the operand is not echoed (it may be personal data)")
                refused += 1
            }
        }
        XCTAssertGreaterThanOrEqual(refused, 8)
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tools.run("nrm-referral", ["new", "--subject", "S-1", "--claimed-age", "15", "--sex", "female", "--first-responder", "police",
                                               "--exploitation", "sexual", "mycase.ndjson"], cwd: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.out, "", "nothing written to standard output")
        XCTAssertTrue(r.stderr.contains("use --append FILE"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("mycase.ndjson").path))
        XCTAssertEqual(try Tools.run("nrm-referral", ["indicators", "/nonexistent"]).status, 64)
    }

    /// `--name --interpreter-needed` does not store a flag as the name: a value
    /// that starts with '-' is taken only as `--name=VALUE`.
    func testAValueOptionDoesNotSwallowTheNextFlag() throws {
        let base = ["new", "--subject", "S-1", "--claimed-age", "15", "--sex", "female", "--first-responder", "police", "--exploitation", "sexual"]
        let r = try Tools.run("nrm-referral", base + ["--name", "--interpreter-needed"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.stderr.contains("must be written --name=VALUE"), r.stderr)
        let joined = try Tools.run("nrm-referral", base + ["--name=-Synthetic Person", "--interpreter-needed"])
        XCTAssertEqual(joined.status, 0, joined.stderr)
        XCTAssertTrue(joined.out.contains(#""name":"-Synthetic Person""#), joined.out)
        XCTAssertTrue(joined.out.contains(#""interpreter-needed":true"#), joined.out)
        XCTAssertEqual(try Tools.run("age-assess", ["age", "--claimed-age", "-1"]).status, 64)
    }

    /// An argument that is not UTF-8 is refused, not turned into U+FFFD in a stored name or a file name.
    func testAnArgumentThatIsNotUTF8IsAUsageError() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in ["new --subject S-1 --claimed-age 15 --sex female --first-responder police --exploitation sexual --name \"$(printf 'Synthetic \\377')\"",
                     "status \"$(printf 'case\\377.ndjson')\"",
                     "new --subject S-1 --claimed-age 15 --sex female --first-responder police --exploitation sexual --append \"$(printf 'c\\300.ndjson')\""] {
            let r = try Tools.sh("nrm-referral \(args)", cwd: dir)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.out, "")
            XCTAssertTrue(r.stderr.contains("is not valid UTF-8"), r.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "no file created")
    }

    /// --help and --version that cannot be written (a full disk) exit 74, at every level.
    func testHelpAndVersionToAFullDiskExit74() throws {
        for tool in Tools.names {
            for args in ["--help", "--version", "\(try commands(of: tool)[0]) --help", "\(try commands(of: tool)[0]) --version"] {
                let r = try Tools.sh("\(tool) \(args) > /dev/full")
                XCTAssertEqual(r.status, 74, "\(tool) \(args)")
                XCTAssertTrue(r.stderr.contains("No space left on device"), "\(tool) \(args): \(r.stderr)")
            }
        }
    }
}
