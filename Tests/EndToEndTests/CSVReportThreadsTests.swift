import XCTest

/// `--threads N` (issue 17): a regular file is read in blocks by N threads,
/// and everything a run gives (stdout, stderr with FILE:LINE, the --rejects
/// bytes, the exit code) is byte for byte what one thread gives.
final class CSVReportThreadsTests: XCTestCase {
    let tool = "csv-report"

    /// What one run gave.
    struct Outcome: Equatable {
        let status: Int32
        let stdout: Data
        let stderr: String
        let rejects: Data?
    }

    /// Runs `args` on `file` with each thread count and checks each against `--threads 1`.
    func assertSameWithThreads(_ args: [String], file: URL, threads: [Int] = [2, 3, 5, 16, 64],
                               line: UInt = #line) throws -> Outcome {
        let dir = file.deletingLastPathComponent()
        let rejects = dir.appendingPathComponent("rejects.ndjson")
        func run(_ n: Int) throws -> Outcome {
            try? FileManager.default.removeItem(at: rejects)
            let r = try Tools.run(tool, args + ["--threads", String(n), "--rejects", rejects.path, file.lastPathComponent], cwd: dir)
            return Outcome(status: r.status, stdout: r.stdout, stderr: r.stderr, rejects: try? Data(contentsOf: rejects))
        }
        let one = try run(1)
        for n in threads {
            let many = try run(n)
            XCTAssertEqual(many.status, one.status, "\(args) --threads \(n): exit status", line: line)
            XCTAssertEqual(many.stderr, one.stderr, "\(args) --threads \(n): standard error", line: line)
            XCTAssertEqual(many.rejects, one.rejects, "\(args) --threads \(n): rejects", line: line)
            XCTAssertTrue(many.stdout == one.stdout, "\(args) --threads \(n): output differs:\n\(String(decoding: many.stdout, as: UTF8.self))\n"
                          + "one thread:\n\(String(decoding: one.stdout, as: UTF8.self))", line: line)
        }
        return one
    }

    func referral(_ n: Int, kind: String = "referral", extra: String = "") -> String {
        let responders = ["police", "nspcc", "tara", "local-authority"]
        return #"{"kind":"\#(kind)","v":1,"id":"r\#(n)","received":"2026-01-\#(String(format: "%02d", n % 28 + 1))","first-responder":"\#(responders[n % 4])","#
            + #""treated-as":"\#(n % 3 == 0 ? "child" : "adult")","subject":{"sex":"\#(n % 2 == 0 ? "female" : "male")","nationality":"AL"}\#(extra)}"#
    }

    /// Every kind of line the readers treat specially, spread so that blocks of
    /// any size start and end among them: a byte-order mark, CRLF, blank lines,
    /// bad JSON, a non-object, a NUL, a void and the record it cancels, other
    /// kinds with other fields (the union of columns), a line far longer than
    /// a block, and a last record with no newline.
    func messyFile(in dir: URL, ending: String = "") -> URL {
        var lines: [String] = []
        for n in 0..<120 {
            switch n % 20 {
            case 3: lines.append("{\"kind\":\"referral\",\"v\":1,\"id\":\"bad\(n)\",")   // cut short
            case 5: lines.append("")
            case 6: lines.append("   \t")
            case 7: lines.append("[1,2,3]")
            case 8: lines.append(referral(n) + "\r")
            case 9: lines.append(referral(n, extra: #","note":"a \u0000 b""#))
            case 11: lines.append(#"{"kind":"nrm-decision","v":1,"id":"d\#(n)","referral":"r1","stage":"rg","outcome":"positive","on":"2026-01-05","extra":{"deep":[1,2]}}"#)
            case 13: lines.append(referral(n, extra: #","long":"\#(String(repeating: #"x,\"y"#, count: 40_000))""#))
            case 15: lines.append(referral(n, kind: "concern", extra: #","where":{"town":"=cmd","at":null}"#))
            case 17: lines.append(referral(n, extra: #","first-responder":"again""#))   // a duplicate key
            default: lines.append(referral(n))
            }
        }
        lines.append(#"{"kind":"void","v":1,"id":"v1","voids":"r2","reason":"entered in error","on":"2026-02-01"}"#)
        let file = dir.appendingPathComponent("messy.ndjson")
        let text = "\u{FEFF}" + lines.joined(separator: "\n") + "\n" + referral(999) + ending
        try! text.data.write(to: file)
        return file
    }

    func testThreadsGiveTheSameOutputAsOneThread() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = messyFile(in: dir)
        let columns = "id,received,first-responder,subject.sex,subject.nationality,treated-as,long,where.town"
        let flat = try assertSameWithThreads(["flatten", "--columns", columns], file: file)
        // The file does hold what the test is for: bad lines kept, voids honoured, the last record read.
        XCTAssertEqual(flat.status, 65, flat.stderr)
        XCTAssertTrue(flat.stderr.contains("messy.ndjson:4: "), flat.stderr)
        XCTAssertTrue(flat.stderr.contains("messy.ndjson:104: "), flat.stderr)
        XCTAssertTrue(flat.stderr.contains("1 voided record(s)"), flat.stderr)
        XCTAssertTrue(String(decoding: flat.stdout, as: UTF8.self).hasSuffix("r999,2026-01-20,local-authority,male,AL,child,,\n"))
        XCTAssertTrue(flat.rejects.map { String(decoding: $0, as: UTF8.self).contains("[1,2,3]\n") } ?? false)
        XCTAssertFalse(flat.stdout.isEmpty)

        let union = try assertSameWithThreads(["flatten"], file: file)
        XCTAssertTrue(String(decoding: union.stdout, as: UTF8.self).hasPrefix("kind,v,id,received,first-responder,treated-as,subject.sex,subject.nationality,referral,stage,outcome,on,extra.deep,long,where.town,where.at\n"),
                      String(decoding: union.stdout.prefix(300), as: UTF8.self))
        _ = try assertSameWithThreads(["flatten", "--kind", "concern", "--crlf", "--no-header"], file: file)
        _ = try assertSameWithThreads(["flatten", "--columns", "id", "--keep-voided"], file: file)
        let count = try assertSameWithThreads(["count", "--by", "first-responder", "--pivot", "treated-as", "--no-suppress"], file: file)
        XCTAssertTrue(String(decoding: count.stdout, as: UTF8.self).contains("total,"))
        _ = try assertSameWithThreads(["count", "--by", "kind,subject.sex"], file: file)
    }

    /// The last line without a newline: a whole record is read, an unfinished one is warned about.
    func testLastLineWithoutNewline() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let torn = try assertSameWithThreads(["flatten", "--columns", "id"], file: messyFile(in: dir, ending: "\n{\"kind\":\"referral\",\"id\":\"torn"))
        XCTAssertTrue(torn.stderr.contains("unfinished record with no newline"), torn.stderr)
        let whole = try assertSameWithThreads(["count", "--by", "first-responder"], file: messyFile(in: dir, ending: "\n" + referral(1000)))
        XCTAssertEqual(whole.status, 65)
    }

    /// Files smaller than the number of threads, down to none at all.
    func testTinyFilesWithMoreThreadsThanLines() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for text in ["", "\n", referral(1), referral(1) + "\n", referral(1) + "\n" + referral(2) + "\n", "{\n", "\r\n" + referral(3) + "\r\n"] {
            let file = dir.appendingPathComponent("tiny.ndjson")
            try text.data.write(to: file)
            _ = try assertSameWithThreads(["flatten", "--columns", "id,first-responder"], file: file, threads: [2, 7, 256])
            _ = try assertSameWithThreads(["flatten"], file: file, threads: [2, 7, 256])
            _ = try assertSameWithThreads(["count", "--by", "first-responder", "--no-suppress"], file: file, threads: [2, 7, 256])
        }
    }

    /// A line over the 16 MiB limit in the middle of a file: reported at its
    /// line, and its bytes copied to --rejects in their place among the others.
    func testOverlongLineAmongThreads() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("long.ndjson")
        let long = #"{"kind":"referral","id":""# + String(repeating: "z", count: 16 << 20) + "\"}"
        var text = (0..<50).map { referral($0) }.joined(separator: "\n") + "\n" + long + "\n"
        text += "not json\n" + (50..<100).map { referral($0) }.joined(separator: "\n") + "\n"
        try text.data.write(to: file)
        let r = try assertSameWithThreads(["flatten", "--columns", "id"], file: file, threads: [2, 4])
        XCTAssertTrue(r.stderr.contains("long.ndjson:51: line is \(long.utf8.count) bytes, over the limit"), r.stderr)
        XCTAssertTrue(r.stderr.contains("long.ndjson:52: "), r.stderr)
        XCTAssertEqual(r.rejects, (long + "\nnot json\n").data)
    }

    /// A pipe is read as a stream; with a void or no --columns it is spooled, and the spool read with the threads.
    func testStandardInputGivesTheSameOutput() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Data(contentsOf: messyFile(in: dir))
        for args in [["flatten", "--columns", "id,first-responder"], ["flatten"], ["count", "--by", "first-responder"]] {
            let one = try Tools.sh("cat | csv-report \(args.joined(separator: " ")) --threads 1", stdin: data)
            let many = try Tools.sh("cat | csv-report \(args.joined(separator: " ")) --threads 4", stdin: data)
            XCTAssertEqual(many.status, one.status, "\(args)")
            XCTAssertEqual(many.stderr, one.stderr, "\(args)")
            XCTAssertTrue(many.stdout == one.stdout, "\(args)")
            XCTAssertTrue(one.stderr.contains("<stdin>:4: "), one.stderr)
        }
    }

    func testThreadsIsCheckedAsANumber() throws {
        for bad in ["0", "257", "two"] {
            let r = try Tools.run(tool, ["flatten", "--threads", bad], stdin: referral(1).data)
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains("--threads"), r.stderr)
        }
    }
}
