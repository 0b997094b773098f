import XCTest

/// The man pages are checked against the tools: every flag a command declares
/// is documented under it and nothing else is, and every EXAMPLES command runs
/// and prints what the page says it prints (as jq's tests/man.test does).
final class ManPageTests: XCTestCase {
    func page(_ tool: String) throws -> String {
        try String(contentsOf: Tools.packageRoot.appendingPathComponent("man/man1/\(tool).1"), encoding: .utf8)
    }

    static func unescape(_ roff: String) -> String {
        roff.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\e", with: "\\")
    }

    /// `--long` names in a text (help output, or a man page section once unescaped).
    static func flagNames(_ text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9-])--([a-z][a-z0-9-]*[a-z0-9])")
        let ns = text as NSString
        return Set(regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) })
    }

    func commands(_ tool: String) throws -> [String] {
        let help = try Tools.run(tool, ["--help"]).out
        let section = help.components(separatedBy: "Commands:\n")[1].components(separatedBy: "\n\n")[0]
        return section.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    }

    /// Every tool has a man page.
    static let documented = Tools.names

    func testEveryDeclaredFlagIsDocumentedUnderItsCommand() throws {
        for tool in Self.documented { try checkFlags(tool) }
    }

    func checkFlags(_ tool: String) throws {
        let text = try page(tool)
        for command in try commands(tool) {
            let header = ".SS " + "\(tool) \(command)".replacingOccurrences(of: "-", with: "\\-") + "\n"
            guard let start = text.range(of: header) else { XCTFail("\(tool): no section for \(command)"); continue }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n.S")?.lowerBound ?? rest.endIndex
            let documented = Self.flagNames(Self.unescape(String(rest[..<end])))
            let help = try Tools.run(tool, [command, "--help"]).out
            let optionsPart = help.components(separatedBy: "\nOptions:\n").last ?? ""
            let declared = Self.flagNames(optionsPart).subtracting(["help", "version"])
            XCTAssertEqual(declared.subtracting(documented), [], "\(tool) \(command): declared but not in the man page")
            XCTAssertEqual(documented.subtracting(declared).subtracting(["help", "version"]), [], "\(tool) \(command): in the man page but not declared")
        }
    }

    /// The committed page is what `make man` writes from the declarations.
    func testEveryPageIsCurrent() throws {
        for tool in Self.documented {
            let page = try page(tool)
            let written = try Tools.run(tool, ["__man"], stdin: Data(page.utf8)).out
            XCTAssertEqual(written, page, "man/man1/\(tool).1 is not current: run 'make man'")
        }
    }

    /// Each option line of `--help` (name, value name, default, range) is in the page's OPTIONS for that command.
    func testEveryHelpOptionLineIsInThePage() throws {
        for tool in Self.documented {
            let text = Self.unescape(try page(tool)).replacingOccurrences(of: "\\fB", with: "").replacingOccurrences(of: "\\fI", with: "")
                .replacingOccurrences(of: "\\fR", with: "")
            for command in try commands(tool) {
                let help = try Tools.run(tool, [command, "--help"]).out
                guard let section = text.components(separatedBy: ".SS \(tool) \(command)\n").dropFirst().first?.components(separatedBy: "\n.SS ").first else {
                    XCTFail("\(tool): no section for \(command)"); continue
                }
                for line in (help.components(separatedBy: "\nOptions:\n").last ?? "").split(separator: "\n") {
                    var parts = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").filter { !$0.isEmpty }
                    // "-a, --as-of DATE": the long name with its value name. A long one has its description on the next line.
                    if let first = parts.first, first.hasPrefix("-") {
                        let name = first.components(separatedBy: ", ").last!.trimmingCharacters(in: .whitespaces)
                        XCTAssertTrue(section.contains(".B " + name), "\(tool) \(command): \(name) not in the page")
                        parts.removeFirst()
                    }
                    if let description = parts.first {
                        XCTAssertTrue(section.contains(description.trimmingCharacters(in: .whitespaces)), "\(tool) \(command): '\(description)' not in the page")
                    }
                }
            }
        }
    }

    /// `.TH` carries the version `--version` prints.
    func testTheVersionIsTheSame() throws {
        for tool in Self.documented {
            let version = try Tools.run(tool, ["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
            let th = try page(tool).components(separatedBy: "\n").first { $0.hasPrefix(".TH ") } ?? ""
            XCTAssertTrue(Self.unescape(th).contains("\"\(version)\""), "\(tool): .TH '\(th)' does not carry '\(version)'")
        }
    }

    func testTheExamplesRunAndPrintWhatThePageSays() throws {
        for tool in Self.documented { try checkExamples(tool) }
    }

    func checkExamples(_ tool: String) throws {
        let scratch = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = try page(tool)
        guard let examples = text.components(separatedBy: ".SH EXAMPLES\n").dropFirst().first?.components(separatedBy: "\n.SH ").first else {
            return XCTFail("\(tool): no EXAMPLES section")
        }
        var ran = 0
        for block in examples.components(separatedBy: ".EX\n").dropFirst() {
            let body = block.components(separatedBy: "\n.EE")[0]
            var steps: [(command: String, expected: [String])] = []
            for line in body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasPrefix("$ ") {
                    steps.append((Self.unescape(String(line.dropFirst(2))), []))
                } else if !steps.isEmpty {
                    steps[steps.count - 1].expected.append(Self.unescape(line))
                }
            }
            // The pages' /tmp paths run in this test's own directory, so runs never collide and nothing is left behind.
            let here = scratch.path + "/"
            for step in steps {
                let command = step.command.replacingOccurrences(of: "/tmp/", with: here)
                let r = try Tools.sh(command, cwd: Tools.packageRoot)
                ran += 1
                XCTAssertEqual(r.status, 0, "\(step.command)\n\(r.stderr)")
                if !step.expected.isEmpty {
                    XCTAssertEqual(r.lines, step.expected.map { $0.replacingOccurrences(of: "/tmp/", with: here) }, step.command)
                }
            }
        }
        XCTAssertGreaterThan(ran, 5)
    }
}
