import XCTest

/// The README's shell examples run as written (as jq runs its manual): every
/// ```sh block, in order, in one temporary directory holding a copy of
/// `examples/`, with the built tools on PATH. Each command must exit with the
/// status its comment states (`exit N`; 0 when none is stated) and, where
/// `#> ` lines follow it, print exactly those lines. `make` lines are the
/// targets themselves (this test runs inside `make test`): each is checked to
/// be a target the Makefile has (`make -n`).
final class ReadmeTests: XCTestCase {
    struct Example {
        var command: String
        var status: Int32 = 0
        var output: [String]? = nil
        let line: Int
    }

    /// The commands of every sh block, continuation lines joined, with what each states.
    static func examples(_ readme: String) -> [Example] {
        var examples: [Example] = []
        var inBlock = false, pending = ""
        for (k, raw) in readme.components(separatedBy: "\n").enumerated() {
            if raw.hasPrefix("```") {
                inBlock = !inBlock && raw == "```sh"
                continue
            }
            guard inBlock else { continue }
            if raw.hasPrefix("#>") {
                let text = raw == "#>" ? "" : String(raw.dropFirst(3))
                examples[examples.count - 1].output = (examples[examples.count - 1].output ?? []) + [text]
                continue
            }
            let line = pending + raw
            if line.hasSuffix("\\") { pending = String(line.dropLast()); continue }
            pending = ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var example = Example(command: trimmed, line: k + 1)
            if let hash = trimmed.range(of: "  # ") ?? trimmed.range(of: " # ") {
                let comment = trimmed[hash.upperBound...]
                if let m = comment.range(of: #"exit (\d+)"#, options: .regularExpression) {
                    example.status = Int32(comment[m].dropFirst(5))!
                }
            }
            examples.append(example)
        }
        return examples
    }

    func testEveryShellExampleRunsAndPrintsWhatTheReadmeSays() throws {
        let readme = try String(contentsOf: Tools.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = Self.examples(readme)
        XCTAssertGreaterThan(examples.count, 25, "the README's examples were found")
        XCTAssertTrue(examples.contains { $0.output != nil && $0.status == 0 })
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Tools.packageRoot.appendingPathComponent("examples"), to: dir.appendingPathComponent("examples"))
        for e in examples {
            if e.command.hasPrefix("make ") {
                let target = e.command.split(separator: " ")[1]
                let r = try Tools.sh("make -n \(target) >/dev/null", cwd: Tools.packageRoot)
                XCTAssertEqual(r.status, 0, "README.md:\(e.line): make has no target \(target): \(r.stderr)")
                continue
            }
            let r = try Tools.sh(e.command, cwd: dir)
            XCTAssertEqual(r.status, e.status, "README.md:\(e.line): \(e.command)\n\(r.stderr)")
            if let expected = e.output {
                XCTAssertEqual(r.out, expected.map { $0 + "\n" }.joined(), "README.md:\(e.line): \(e.command)")
            }
        }
    }

    /// The reader itself: continuation lines, stated statuses and outputs.
    func testTheExampleReader() {
        let text = "```sh\nfoo \\\n  --bar   # exit 1 if any\n#> a\n#>\n# note\nbaz\n```\n```\nnot run\n```\n"
        let e = Self.examples(text)
        XCTAssertEqual(e.map(\.command), ["foo   --bar   # exit 1 if any", "baz"])
        XCTAssertEqual(e[0].status, 1)
        XCTAssertEqual(e[0].output, ["a", ""])
        XCTAssertNil(e[1].output)
    }

    /// `mandoc -Tlint` finds no WARNING or ERROR in any page (STYLE notes may stay).
    func testMandocFindsNothingWrongInThePages() throws {
        guard (try Tools.sh("command -v mandoc")).status == 0 else {
            XCTFail("mandoc is needed (apt-get install mandoc; make test installs it as root)"); return
        }
        for tool in Tools.names {
            let r = try Tools.sh("mandoc -Tlint -W warning man/man1/\(tool).1", cwd: Tools.packageRoot)
            XCTAssertEqual(r.out + r.stderr, "", "\(tool).1")
            XCTAssertEqual(r.status, 0, "\(tool).1")
        }
    }
}
