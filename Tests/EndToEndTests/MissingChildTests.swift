import XCTest

final class MissingChildTests: XCTestCase {
    let tool = "missing-child"

    /// Builds a case file through the binaries themselves.
    func caseFile(_ commands: [[String]], in dir: URL) throws -> String {
        let file = dir.appendingPathComponent("missing.ndjson").path
        for c in commands {
            let r = try Tools.run(tool, c + ["--append", file])
            XCTAssertEqual(r.status, 0, "\(c): \(r.stderr)")
        }
        return file
    }

    /// A fixture compared cell by cell with a hand-written SSDA903 table,
    /// with an open episode and one spanning the year boundary.
    func testSSDA903TableMatchesAHandWrittenOne() throws {
        let dir = Tools.scratch()
        let file = try caseFile([
            ["placement", "--id", "p1", "--child", "C-001", "--dob", "2010-05-01", "--placement", "Synthetic Home 01", "--start", "2024-01-10", "--no-trafficking-concern"],
            ["placement", "--id", "p2", "--child", "C-002", "--dob", "2011-12-31", "--placement", "Synthetic Home 02", "--start", "2025-01-15", "--trafficking-concern"],
            // Spans 31 March / 1 April 2025: in the 2026 return, with its end.
            ["start", "--id", "s1", "--child", "C-001", "--last-seen", "2025-03-30T22:00:00+01:00", "--type", "missing", "--reported-to-police", "2025-03-30T23:00:00+01:00"],
            ["return", "--id", "r1", "--child", "C-001", "--returned", "2025-04-02T08:00:00+01:00", "--to", "placement"],
            // Inside the year, away.
            ["start", "--id", "s2", "--child", "C-001", "--last-seen", "2025-10-05T20:00:00+01:00", "--type", "away"],
            ["return", "--id", "r2", "--child", "C-001", "--returned", "2025-10-06T07:00:00+01:00", "--to", "placement"],
            // Spans 31 March / 1 April 2026: MIS_END blank.
            ["start", "--id", "s3", "--child", "C-002", "--last-seen", "2026-03-31T21:00:00+01:00", "--type", "missing"],
            ["return", "--id", "r3", "--child", "C-002", "--returned", "2026-04-01T10:00:00+01:00", "--to", "placement"],
            // Before the year: left out.
            ["start", "--id", "s0", "--child", "C-002", "--last-seen", "2025-02-01T10:00:00Z", "--type", "missing"],
            ["return", "--id", "r0", "--child", "C-002", "--returned", "2025-02-02T10:00:00Z", "--to", "placement"],
            // Still open: MIS_END blank.
            ["start", "--id", "s4", "--child", "C-002", "--last-seen", "2026-02-14T16:00:00Z", "--type", "missing"],
        ], in: dir)
        // Out of line order on purpose: s3/r3 came before s4 in the file but s4 is earlier; s0 after s3.
        let r = try Tools.run(tool, ["ssda903", "--year", "2026", file])
        XCTAssertEqual(r.status, 65, "s4 is still open when s3 starts: an overlap")
        XCTAssertTrue(r.stderr.contains("\(file):7: child C-002 is already missing since 2026-02-14T16:00:00Z (\(file):11): episodes cannot overlap"), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty, "a refused return writes nothing")

        // The same without the overlap: s4 returned before s3.
        let fixed = try caseFile([["return", "--id", "r4", "--child", "C-002", "--returned", "2026-02-15T09:00:00Z", "--to", "placement"]], in: dir)
        let open = try caseFile([["start", "--id", "s5", "--child", "C-001", "--last-seen", "2026-03-20T12:00:00Z", "--type", "missing"]], in: dir)
        XCTAssertEqual(fixed, open)
        let ok = try Tools.run(tool, ["ssda903", "--year", "2026", file])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let expected = """
        CHILD,DOB,MISSING,MIS_START,MIS_END
        C-001,01/05/2010,M,30/03/2025,02/04/2025
        C-001,01/05/2010,A,05/10/2025,06/10/2025
        C-001,01/05/2010,M,20/03/2026,
        C-002,31/12/2011,M,14/02/2026,15/02/2026
        C-002,31/12/2011,M,31/03/2026,

        """
        XCTAssertEqual(ok.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) },
                       expected.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) })
        XCTAssertEqual(ok.out, expected)

        // No date of birth: refused, naming the start line.
        let orphan = try caseFile([["start", "--id", "s9", "--child", "C-009", "--last-seen", "2025-06-01T10:00:00Z", "--type", "away"]], in: dir)
        let refused = try Tools.run(tool, ["ssda903", "--year", "2026", orphan])
        XCTAssertEqual(refused.status, 65)
        XCTAssertTrue(refused.stderr.contains("\(orphan):14: child C-009 has no date of birth"), refused.stderr)
    }

    func testTheReportForCron() throws {
        let dir = Tools.scratch()
        let file = try caseFile([
            ["placement", "--id", "p1", "--child", "C-1", "--dob", "2010-05-01", "--placement", "Synthetic Home 01", "--start", "2026-11-18", "--trafficking-concern"],
            ["start", "--id", "s1", "--child", "C-1", "--last-seen", "2026-11-20T18:00:00Z", "--type", "missing", "--may-have-been-moved"],
            ["placement", "--id", "p2", "--child", "C-2", "--dob", "2012-01-01", "--placement", "Synthetic Home 02", "--start", "2026-01-01", "--no-trafficking-concern"],
            ["start", "--id", "s2", "--child", "C-2", "--last-seen", "2026-11-01T18:00:00Z", "--type", "away"],
            ["return", "--id", "r2", "--child", "C-2", "--returned", "2026-11-02T08:00:00Z", "--to", "placement"],
            ["interview", "--id", "i2", "--child", "C-2", "--status", "done", "--at", "2026-11-03T10:00:00Z", "--by", "SW-1", "--independent"],
        ], in: dir)
        let r = try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z", "--placements", file])
        XCTAssertEqual(r.status, 1, "a child is missing now")
        XCTAssertEqual(r.lines.count, 4)
        XCTAssertTrue(r.lines[0].contains(#""child":"C-1","as-of":"2026-11-21T08:00:00Z","missing-now":true,"type":"missing","since":"2026-11-20T18:00:00Z","hours-missing":14,"police-not-notified":true"#), r.lines[0])
        XCTAssertTrue(r.lines[0].contains(#""high-risk-window":true,"notify":["police","home-office","missing-people"],"not-notified":["police","home-office","missing-people"],"nrm-referral":false,"action-needed":true"#), r.lines[0])
        XCTAssertTrue(r.lines[1].contains(#""child":"C-2""#) && r.lines[1].contains(#""action-needed":false"#), r.lines[1])
        XCTAssertTrue(r.lines[2].contains(#""kind":"placement-summary","v":1,"placement":"Synthetic Home 01""#))
        let quiet = try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z"], stdin: try Data(contentsOf: URL(fileURLWithPath: file)).split(separator: 0x0A).enumerated().filter { $0.offset >= 2 }.map { Data($0.element) + Data([0x0A]) }.reduce(Data(), +))
        XCTAssertEqual(quiet.status, 0, "nothing open or overdue")
        try Tools.assertValidAgainstSchemas(try Data(contentsOf: URL(fileURLWithPath: file)) + r.stdout)
    }

    /// Bad input: an unknown child in a return, a return before its start, an
    /// impossible date-time, a wrong type. FILE:LINE, exit 65, --rejects keeps them.
    func testBadInputIsReportedAndKept() throws {
        let dir = Tools.scratch()
        let lines = [
            #"{"kind":"placement","v":1,"id":"p1","child":"C-1","dob":"2010-05-01","placement":"Synthetic Home","start":"2026-01-01","trafficking-concern":false}"#,
            #"{"kind":"missing-return","v":1,"id":"r9","child":"C-9","returned":"2026-11-20T09:30:00Z"}"#,
            #"{"kind":"missing-return","v":1,"id":"r1","child":"C-1","returned":"2026-11-19T09:30:00Z"}"#,
            #"{"kind":"missing-start","v":1,"id":"s1","child":"C-1","last-seen":"2026-11-20T18:00:00Z","type":"missing","may-have-been-moved":false}"#,
            #"{"kind":"missing-start","v":1,"id":"s2","child":"C-1","last-seen":"2026-02-30T18:00:00Z","type":"missing","may-have-been-moved":false}"#,
            #"{"kind":"missing-start","v":1,"id":"s3","child":"C-1","last-seen":"2026-11-20T18:00:00Z","type":"missing","may-have-been-moved":"no"}"#,
        ]
        let path = dir.appendingPathComponent("bad.ndjson")
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let rejects = dir.appendingPathComponent("rejects").path
        let r = try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z", "--rejects", rejects, path.path])
        XCTAssertEqual(r.status, 65)
        let messages = r.stderr.split(separator: "\n").map(String.init).sorted()
        let p = path.path
        XCTAssertEqual(messages.count, 4, r.stderr)
        XCTAssertTrue(messages[0].hasPrefix("missing-child: \(p):2: child C-9 is not known"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("missing-child: \(p):3: the return at 2026-11-19T09:30:00Z is before the start of its episode"), messages[1])
        XCTAssertTrue(messages[2].hasPrefix("missing-child: \(p):5: field last-seen: is not a real date-time"), messages[2])
        XCTAssertTrue(messages[3].hasPrefix("missing-child: \(p):6: field may-have-been-moved: must be true or false"), messages[3])
        let kept = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").map(String.init).sorted()
        XCTAssertEqual(kept, [lines[1], lines[2], lines[4], lines[5]].sorted())
        XCTAssertTrue(r.out.contains(#""child":"C-1""#) && r.out.contains(#""missing-now":true"#), "the good lines are still folded")
        XCTAssertEqual(try Tools.run(tool, ["report", "--as-of", "2026-11-21T25:00:00Z", path.path]).status, 64)
        XCTAssertEqual(try Tools.run(tool, ["start", "--child", "C-1", "--last-seen", "2026-11-20T18:00:00", "--type", "missing"]).status, 64, "no offset")
    }
}
