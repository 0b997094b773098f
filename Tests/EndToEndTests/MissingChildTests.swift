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
        // The record's own rule, met from options: a usage error naming the option.
        let early = try Tools.run(tool, ["start", "--child", "C-1", "--last-seen", "2026-11-20T18:00:00Z", "--type", "missing",
                                         "--reported-to-police", "2026-11-20T17:00:00Z"])
        XCTAssertEqual(early.status, 64)
        XCTAssertTrue(early.stderr.hasPrefix("missing-child start: --reported-to-police is before last-seen\n"), early.stderr)
        XCTAssertEqual(early.out, "")
    }

    // MARK: Issue 12 (rules 4 to 7) and issue 13, through the binaries.

    /// A case file in `dir` named `name`, built through the binaries; each command must succeed.
    func build(_ name: String, in dir: URL, _ commands: [[String]]) throws -> String {
        let file = dir.appendingPathComponent(name).path
        for c in commands {
            let r = try Tools.run(c[0], Array(c.dropFirst()) + ["--append", file])
            XCTAssertEqual(r.status, 0, "\(c): \(r.stderr)")
        }
        return file
    }

    /// Issue 13 rules 2 and 5 at the prompt: the release rule is shown before the checks, and the trafficking question is always asked.
    func testThePromptShowsTheReleaseRuleAndAsksTheTraffickingQuestion() throws {
        let r = try Tools.run(tool, ["return", "--interactive", "--yes", "--id", "mr-1"],
                              stdin: "C-1\n2026-11-21T09:30:00Z\n\nother-adult\ny\ny\nn\n".data)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rule = r.stderr.range(of: "without full enquiries into the relationship and photographic ID for both the adult and the child (SOLACE L592)")
        let question = r.stderr.range(of: "Were full enquiries made")
        XCTAssertNotNil(rule, r.stderr)
        XCTAssertTrue(rule.map { r in question.map { r.lowerBound < $0.lowerBound } ?? false } ?? false, "the rule comes before the checks")
        XCTAssertTrue(r.out.contains(#""to":"other-adult","enquiries-done":true,"child-photo-id":true,"adult-photo-id":false"#), r.out)
        // Every other field given as an option: the trafficking question is still asked, with no default.
        let p = try Tools.run(tool, ["placement", "--interactive", "--yes", "--child", "C-1", "--dob", "2011-02-03", "--placement", "Synthetic Home",
                                     "--start", "2026-11-01"], stdin: "\nn\n".data)
        XCTAssertEqual(p.status, 0, p.stderr)
        XCTAssertTrue(p.stderr.contains("Is trafficking a concern for this child?"), p.stderr)
        XCTAssertTrue(p.stderr.contains("An answer is needed."), "no default: \(p.stderr)")
        XCTAssertTrue(p.out.contains(#""trafficking-concern":false"#), p.out)
    }

    /// Issue 13 rule 1: 3 episodes in 90 days and no review since: exit 1, naming the review; after one, exit 0.
    func testRepeatEpisodesNeedAReview() throws {
        let dir = Tools.scratch()
        var commands: [[String]] = [[tool, "placement", "--child", "C-7", "--dob", "2011-01-01", "--placement", "Synthetic Home", "--start", "2026-01-01", "--no-trafficking-concern"]]
        for day in ["12", "15", "20"] {
            commands += [[tool, "start", "--child", "C-7", "--last-seen", "2026-11-\(day)T18:00:00Z", "--type", "missing", "--reported-to-police", "2026-11-\(day)T18:20:00Z"],
                         [tool, "return", "--child", "C-7", "--returned", "2026-11-\(day)T23:00:00Z", "--to", "placement"],
                         [tool, "interview", "--child", "C-7", "--status", "done", "--at", "2026-11-\(Int(day)! + 1)T10:00:00Z", "--by", "SW-1", "--independent"]]
        }
        let file = try build("m.ndjson", in: dir, commands)
        let before = try Tools.run(tool, ["report", "--as-of", "2026-11-22T08:00:00Z", file])
        XCTAssertEqual(before.status, 1, before.out)
        XCTAssertTrue(before.out.contains(#""repeat":true,"review-outstanding":true"#), before.out)
        XCTAssertTrue(before.out.contains(#"{"code":"review-outstanding","message":"repeat: 3 episodes in 90 days; no review since 20 Nov 2026"#), before.out)
        XCTAssertEqual(try Tools.run(tool, ["review", "--child", "C-7", "--held", "2026-11-21", "--by", "police"]).status, 64, "one agency is not multi-agency")
        _ = try build("m.ndjson", in: dir, [[tool, "review", "--child", "C-7", "--held", "2026-11-21", "--by", "police,childrens-social-care,health"]])
        let after = try Tools.run(tool, ["report", "--as-of", "2026-11-22T08:00:00Z", file])
        XCTAssertEqual(after.status, 0, after.out)
        XCTAssertTrue(after.out.contains(#""repeat":true,"last-review":"2026-11-21","review-outstanding":false"#), after.out)
        try Tools.assertValidAgainstSchemas(try Data(contentsOf: URL(fileURLWithPath: file)) + before.stdout + after.stdout)
    }

    /// Issue 13 rule 2: a release to another adult without photo ID for both needs action; with every check, not.
    func testReleaseChecks() throws {
        let dir = Tools.scratch()
        let setup: [[String]] = [
            [tool, "placement", "--child", "C-8", "--dob", "2011-01-01", "--placement", "Synthetic Home", "--start", "2026-01-01", "--no-trafficking-concern"],
            [tool, "start", "--id", "s1", "--child", "C-8", "--last-seen", "2026-11-20T18:00:00Z", "--type", "missing", "--reported-to-police", "2026-11-20T18:20:00Z"],
        ]
        let interview = [tool, "interview", "--child", "C-8", "--status", "done", "--at", "2026-11-21T10:00:00Z", "--by", "SW-1", "--independent"]
        let unchecked = try build("a.ndjson", in: dir, setup + [[tool, "return", "--id", "r1", "--child", "C-8", "--returned", "2026-11-20T23:00:00Z",
                                                                 "--to", "other-adult", "--enquiries-done"], interview])
        let r = try Tools.run(tool, ["report", "--as-of", "2026-11-22T08:00:00Z", unchecked])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertTrue(r.out.contains(#""release-unchecked":true"#), r.out)
        XCTAssertTrue(r.out.contains("released to other-adult at 2026-11-20T23:00:00Z without child-photo-id, adult-photo-id"), r.out)
        let checked = try build("b.ndjson", in: dir, setup + [[tool, "return", "--id", "r1", "--child", "C-8", "--returned", "2026-11-20T23:00:00Z",
                                                               "--to", "other-adult", "--enquiries-done", "--child-photo-id", "--adult-photo-id"], interview])
        let ok = try Tools.run(tool, ["report", "--as-of", "2026-11-22T08:00:00Z", checked])
        XCTAssertEqual(ok.status, 0, ok.out)
        XCTAssertTrue(ok.out.contains(#""release-unchecked":false"#), ok.out)
        // A name has nowhere to go; checks for a return to the placement, or no --to, are usage errors.
        XCTAssertEqual(try Tools.run(tool, ["return", "--child", "C-8", "--returned", "2026-11-20T23:00:00Z", "--to", "placement", "--child-photo-id"]).status, 64)
        XCTAssertEqual(try Tools.run(tool, ["return", "--child", "C-8", "--returned", "2026-11-20T23:00:00Z"]).status, 64)
        let warned = try Tools.run(tool, ["return", "--child", "C-8", "--returned", "2026-11-20T23:00:00Z", "--to", "parent"])
        XCTAssertEqual(warned.status, 0)
        XCTAssertTrue(warned.stderr.contains("without enquiries-done, child-photo-id, adult-photo-id") && warned.stderr.contains("SOLACE L592"), warned.stderr)
        XCTAssertTrue(warned.out.contains(#""to":"parent","enquiries-done":false,"child-photo-id":false,"adult-photo-id":false"#), warned.out)
        let written = try Data(contentsOf: URL(fileURLWithPath: unchecked)) + Data(contentsOf: URL(fileURLWithPath: checked))
        try Tools.assertValidAgainstSchemas(written + r.stdout + warned.stdout)
    }

    /// Issue 13 rules 3 and 4, issue 12 rule 4: a concern survives a move, every agency is told, and the NRM referral is found through --case.
    func testAConcernStaysIsSharedAndReachesTheNRM() throws {
        let dir = Tools.scratch()
        let file = try build("m.ndjson", in: dir, [
            [tool, "placement", "--child", "S-1", "--dob", "2011-01-01", "--placement", "Synthetic Home A", "--start", "2026-10-01", "--trafficking-concern"],
            [tool, "placement", "--child", "S-1", "--dob", "2011-01-01", "--placement", "Synthetic Home B", "--start", "2026-11-18", "--no-trafficking-concern"],
            [tool, "start", "--child", "S-1", "--last-seen", "2026-11-19T18:00:00Z", "--type", "missing", "--reported-to-police", "2026-11-19T18:10:00Z"],
            [tool, "return", "--child", "S-1", "--returned", "2026-11-19T23:00:00Z", "--to", "police"],
            [tool, "interview", "--child", "S-1", "--status", "done", "--at", "2026-11-20T10:00:00Z", "--by", "SW-1", "--independent"],
        ])
        XCTAssertEqual(try Tools.run(tool, ["placement", "--child", "S-1", "--dob", "2011-01-01", "--placement", "X", "--start", "2026-11-18"]).status, 64,
                       "the trafficking question is answered for every placement")
        let r = try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z", file])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains(#""trafficking-concern":true,"placement":"Synthetic Home B","placement-start":"2026-11-18","high-risk-window":true"#), r.out)
        XCTAssertTrue(r.out.contains(#""not-notified":["home-office"],"nrm-referral":false"#), r.out)
        XCTAssertTrue(r.out.contains(#""code":"no-nrm-referral""#), r.out)
        // The referral, with the same id for the same person, in nrm-referral's own case file; the Home Office told.
        let nrm = try build("nrm.ndjson", in: dir, [["nrm-referral", "new", "--id", "ref-1", "--subject", "S-1", "--dob", "2011-01-01", "--sex", "female",
                                                     "--first-responder", "la-childrens-services", "--exploitation", "sexual", "--received", "2026-10-02"]])
        _ = try build("m.ndjson", in: dir, [[tool, "notify", "--child", "S-1", "--agency", "home-office", "--at", "2026-11-19T19:00:00Z"]])
        let ok = try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z", "--case", nrm, file])
        XCTAssertEqual(ok.status, 0, ok.out + ok.stderr)
        XCTAssertTrue(ok.out.contains(#""not-notified":[],"nrm-referral":true,"action-needed":false,"actions":[]"#), ok.out)
        XCTAssertEqual(try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z", "--case", dir.appendingPathComponent("none").path, file]).status, 66)
        // A voided referral is no referral.
        XCTAssertEqual(try Tools.run("nrm-referral", ["void", "ref-1", "--reason", "wrong person", "--append", nrm]).status, 0)
        XCTAssertEqual(try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z", "--case", nrm, file]).status, 1)
        // Only a lift record lifts the concern, and only a concern that stands.
        _ = try build("m.ndjson", in: dir, [[tool, "concern", "--child", "S-1", "--lifted", "--reason", "Synthetic reason", "--on", "2026-11-20"]])
        let again = try Tools.run(tool, ["concern", "--child", "S-1", "--lifted", "--reason", "Synthetic reason", "--on", "2026-11-20", "--append", file])
        XCTAssertEqual(again.status, 65)
        XCTAssertTrue(again.stderr.contains("not written: child S-1 has no trafficking concern to lift"), again.stderr)
        XCTAssertEqual(try Tools.run(tool, ["concern", "--child", "S-1", "--lifted", "--on", "2026-11-20"]).status, 64, "a lift needs a reason")
        let lifted = try Tools.run(tool, ["report", "--as-of", "2026-11-21T08:00:00Z", file])
        XCTAssertEqual(lifted.status, 0, lifted.out)
        XCTAssertTrue(lifted.out.contains(#""trafficking-concern":false"#), lifted.out)
        try Tools.assertValidAgainstSchemas(try Data(contentsOf: URL(fileURLWithPath: file)) + r.stdout + ok.stdout + lifted.stdout)
    }

    /// Issue 12 rule 5: a case file mixing Z, +00:00 and +01:00 makes a table of UK dates, no overlap, no end before a start.
    func testSSDA903WithMixedOffsets() throws {
        let dir = Tools.scratch()
        let file = try build("m.ndjson", in: dir, [
            [tool, "placement", "--child", "C-1", "--dob", "2010-05-01", "--placement", "Synthetic Home", "--start", "2025-01-01", "--no-trafficking-concern"],
            [tool, "start", "--child", "C-1", "--last-seen", "2025-03-31T23:30:00Z", "--type", "away"],
            [tool, "return", "--child", "C-1", "--returned", "2025-03-31T23:50:00+00:00", "--to", "placement"],
            [tool, "start", "--child", "C-1", "--last-seen", "2025-06-10T10:00:00+01:00", "--type", "missing"],
            [tool, "return", "--child", "C-1", "--returned", "2025-06-11T00:30:00+01:00", "--to", "placement"],
            [tool, "start", "--child", "C-1", "--last-seen", "2025-06-10T23:45:00Z", "--type", "missing"],
            [tool, "return", "--child", "C-1", "--returned", "2025-06-11T09:00:00+01:00", "--to", "police"],
            [tool, "start", "--child", "C-1", "--last-seen", "2025-07-01T00:30:00+01:00", "--type", "missing"],
            [tool, "return", "--child", "C-1", "--returned", "2025-06-30T23:50:00Z", "--to", "placement"],
            [tool, "start", "--child", "C-1", "--last-seen", "2026-03-31T23:30:00-01:00", "--type", "missing"],
        ])
        let r = try Tools.run(tool, ["ssda903", "--year", "2026", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, ["CHILD,DOB,MISSING,MIS_START,MIS_END",
                                 "C-1,01/05/2010,A,01/04/2025,01/04/2025",
                                 "C-1,01/05/2010,M,10/06/2025,11/06/2025",
                                 "C-1,01/05/2010,M,11/06/2025,11/06/2025",
                                 "C-1,01/05/2010,M,01/07/2025,01/07/2025"])
        func date(_ s: Substring) -> String { let p = s.split(separator: "/"); return "\(p[2])\(p[1])\(p[0])" }
        let rows = r.lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for row in rows { XCTAssertLessThanOrEqual(date(row[3]), date(row[4]), "ends before it starts: \(row)") }
        for (a, b) in zip(rows, rows.dropFirst()) { XCTAssertLessThanOrEqual(date(a[4]), date(b[3]), "overlap: \(a) \(b)") }
        let next = try Tools.run(tool, ["ssda903", "--year", "2027", file])
        XCTAssertEqual(next.lines.last, "C-1,01/05/2010,M,01/04/2026,", "23:30 at -01:00 on 31 March is 1 April in England")
    }

    /// Issue 12 rule 6: an episode before the child's birth or first placement is refused with FILE:LINE.
    func testSSDA903RefusesEpisodesOutsideCare() throws {
        let dir = Tools.scratch()
        let path = dir.appendingPathComponent("m.ndjson")
        let lines = [
            #"{"kind":"placement","v":1,"id":"p1","child":"C-1","dob":"2010-05-01","placement":"Synthetic Home","start":"2025-06-02","trafficking-concern":false}"#,
            #"{"kind":"missing-start","v":1,"id":"s1","child":"C-1","last-seen":"2025-06-01T10:00:00+01:00","type":"missing","may-have-been-moved":false}"#,
            #"{"kind":"missing-return","v":1,"id":"r1","child":"C-1","returned":"2025-06-01T12:00:00+01:00"}"#,
            #"{"kind":"missing-start","v":1,"id":"s2","child":"C-1","last-seen":"2025-06-01T23:30:00Z","type":"missing","may-have-been-moved":false}"#,
            #"{"kind":"missing-return","v":1,"id":"r2","child":"C-1","returned":"2025-06-02T12:00:00+01:00"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let r = try Tools.run(tool, ["ssda903", "--year", "2026", path.path])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stdout.isEmpty)
        XCTAssertTrue(r.stderr.contains("\(path.path):2: the episode of child C-1 starts (2025-06-01) before their first placement (2025-06-02)"), r.stderr)
        XCTAssertFalse(r.stderr.contains(":4:"), "00:30 BST on the placement's first day is while looked after")
        let born = [lines[0].replacingOccurrences(of: "2010-05-01", with: "2025-06-02")] + lines[3...]
        try (born.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Tools.run(tool, ["ssda903", "--year", "2026", path.path]).status, 0)
        let early = [lines[0].replacingOccurrences(of: "2010-05-01", with: "2025-06-03").replacingOccurrences(of: "2025-06-02", with: "2025-06-03")] + lines[3...]
        try (early.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let before = try Tools.run(tool, ["ssda903", "--year", "2026", path.path])
        XCTAssertEqual(before.status, 65)
        XCTAssertTrue(before.stderr.contains("\(path.path):2: the episode of child C-1 starts (2025-06-02) before their date of birth"), before.stderr)
    }

    /// Issue 12 rule 7: the table does not depend on line order; an interview at the instant of its return, but earlier in the file, counts for it.
    func testSSDA903IsIndependentOfLineOrder() throws {
        let lines = [
            #"{"kind":"placement","v":1,"id":"p1","child":"C-1","dob":"2010-05-01","placement":"Synthetic Home","start":"2025-01-01","trafficking-concern":false}"#,
            #"{"kind":"return-interview","v":1,"id":"i1","child":"C-1","status":"done","at":"2025-06-02T10:00:00Z","by":"SW-1","independent":true}"#,
            #"{"kind":"missing-return","v":1,"id":"r1","child":"C-1","returned":"2025-06-02T10:00:00Z","to":"placement"}"#,
            #"{"kind":"missing-start","v":1,"id":"s1","child":"C-1","last-seen":"2025-06-01T10:00:00+01:00","type":"missing","may-have-been-moved":false}"#,
            #"{"kind":"missing-start","v":1,"id":"s2","child":"C-1","last-seen":"2025-08-01T10:00:00Z","type":"away","may-have-been-moved":false}"#,
            #"{"kind":"missing-return","v":1,"id":"r2","child":"C-1","returned":"2025-08-01T12:00:00+01:00","to":"placement"}"#,
        ]
        var tables: Set<String> = []
        for order in [[0, 1, 2, 3, 4, 5], [1, 2, 3, 0, 5, 4], [5, 4, 3, 2, 1, 0], [3, 0, 2, 1, 4, 5]] {
            let input = order.map { lines[$0] }.joined(separator: "\n") + "\n"
            let r = try Tools.run(tool, ["ssda903", "--year", "2026"], stdin: input.data)
            XCTAssertEqual(r.status, 0, "\(order): \(r.stderr)")
            tables.insert(r.out)
            let report = try Tools.run(tool, ["report", "--as-of", "2025-08-02T00:00:00Z"], stdin: input.data)
            XCTAssertEqual(report.status, 0, "\(order): \(report.out) \(report.stderr)")
        }
        XCTAssertEqual(tables, ["CHILD,DOB,MISSING,MIS_START,MIS_END\nC-1,01/05/2010,M,01/06/2025,02/06/2025\nC-1,01/05/2010,A,01/08/2025,01/08/2025\n"])
    }

    /// Issue 13 rule 6 and its end-to-end check: a trafficked child missing three times in a week makes the cron
    /// script mail, and the mail holds ids, counts and what to do, never a personal value of the fixture.
    func testTheCronMailHoldsNoPersonalField() throws {
        let dir = Tools.scratch()
        let fmt = ISO8601DateFormatter()
        func ago(hours: Double) -> String { fmt.string(from: Date(timeIntervalSinceNow: -hours * 3600)) }
        func day(_ hours: Double) -> String { String(ago(hours: hours).prefix(10)) }
        var commands: [[String]] = [
            [tool, "placement", "--child", "S-9", "--dob", "2010-06-07", "--placement", "Synthetic Safe House Address", "--start", day(24 * 30), "--trafficking-concern"],
            [tool, "concern", "--child", "S-9", "--raised", "--reason", "Synthetic reason naming Carol", "--on", day(24 * 20)],
        ]
        for h: Double in [24 * 7, 24 * 4, 24 * 2] {
            commands += [[tool, "start", "--child", "S-9", "--last-seen", ago(hours: h), "--type", "missing", "--from", "Synthetic Safe House Address",
                          "--reported-to-police", ago(hours: h - 0.5), "--police-reference", "PR-1"],
                         [tool, "return", "--child", "S-9", "--returned", ago(hours: h - 6), "--found-at", "Synthetic Found Street", "--to", "other-adult",
                          "--enquiries-done"],
                         [tool, "interview", "--child", "S-9", "--status", "done", "--at", ago(hours: h - 20), "--by", "SW-1", "--independent"]]
        }
        let file = try build("missing.ndjson", in: dir, commands)
        let nrm = try build("nrm.ndjson", in: dir, [["nrm-referral", "new", "--subject", "S-2", "--name", "Synthetic Carol Example", "--dob", "2010-06-08",
                                                     "--sex", "female", "--first-responder", "police", "--exploitation", "sexual",
                                                     "--account", "Synthetic account at Synthetic Street"]])
        // Every value the schemas mark personal, in both files.
        var personal: [String] = []
        for input in [file, nrm] {
            for line in try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n") {
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                personal += try Self.personalValues(record, kind: record["kind"] as! String)
            }
        }
        XCTAssertTrue(Set(personal).isSuperset(of: ["Synthetic Safe House Address", "2010-06-07", "Synthetic Found Street", "Synthetic reason naming Carol",
                                                    "Synthetic Carol Example", "2010-06-08", "Synthetic account at Synthetic Street"]), "\(personal)")
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let mailbox = dir.appendingPathComponent("mailbox").path
        try "#!/bin/sh\n{ echo \"To: $*\"; cat; } > \"$MAILBOX\"\n".write(to: bin.appendingPathComponent("mail"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("mail").path)
        let reports = dir.appendingPathComponent("reports").path
        let run = try Tools.sh("MAILBOX=\(mailbox) PATH=\(bin.path):$PATH bash examples/cron/missing-report.sh \(file) \(reports) duty@example.invalid \(nrm)",
                               cwd: Tools.packageRoot)
        XCTAssertEqual(run.status, 1, run.out + run.stderr)
        let mail = try String(contentsOfFile: mailbox, encoding: .utf8)
        XCTAssertTrue(mail.contains("To: -s Missing from care ") && mail.contains(": 1 child needs action duty@example.invalid"), mail)
        XCTAssertTrue(mail.contains(": 1 child needs action.\n"), mail)
        XCTAssertTrue(mail.contains("Child S-9:"), mail)
        for code in ["review-outstanding: repeat: 3 episodes in 90 days", "agencies-not-notified", "release-unchecked", "no-nrm-referral"] {
            XCTAssertTrue(mail.contains("  - \(code)"), "\(code) not in:\n\(mail)")
        }
        for value in personal { XCTAssertFalse(mail.contains(value), "the mail holds the personal value '\(value)':\n\(mail)") }
        XCTAssertFalse(mail.contains("placement"), "no placement field at all:\n\(mail)")
        // The full report, placement names included, stays in the dated 0600 file.
        let stored = try FileManager.default.contentsOfDirectory(atPath: reports).filter { $0.hasSuffix(".ndjson") }
        XCTAssertEqual(stored.count, 1)
        let full = reports + "/" + stored[0]
        XCTAssertTrue(try String(contentsOfFile: full, encoding: .utf8).contains("Synthetic Safe House Address"))
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: full)[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        // The review held and the Home Office told: the releases without photo ID still need action while in the window.
        try FileManager.default.removeItem(atPath: mailbox)
        _ = try build("missing.ndjson", in: dir, [
            [tool, "review", "--child", "S-9", "--held", day(0), "--by", "police,childrens-social-care"],
            [tool, "notify", "--child", "S-9", "--agency", "home-office", "--at", ago(hours: 24 * 7 - 1)],
            [tool, "notify", "--child", "S-9", "--agency", "home-office", "--at", ago(hours: 24 * 4 - 1)],
            [tool, "notify", "--child", "S-9", "--agency", "home-office", "--at", ago(hours: 24 * 2 - 1)],
        ])
        let again = try Tools.sh("MAILBOX=\(mailbox) PATH=\(bin.path):$PATH bash examples/cron/missing-report.sh \(file) \(reports) duty@example.invalid \(nrm)",
                                 cwd: Tools.packageRoot)
        XCTAssertEqual(again.status, 1, again.out)
        let second = try String(contentsOfFile: mailbox, encoding: .utf8)
        XCTAssertTrue(second.contains("release-unchecked") && !second.contains("review-outstanding") && !second.contains("agencies-not-notified"), second)
        // Nothing needs action: no mail, exit 0.
        try FileManager.default.removeItem(atPath: mailbox)
        let calm = try build("calm.ndjson", in: dir, [[tool, "placement", "--child", "C-3", "--dob", "2010-01-01", "--placement", "Synthetic Home", "--start", day(24), "--no-trafficking-concern"]])
        let quiet = try Tools.sh("MAILBOX=\(mailbox) PATH=\(bin.path):$PATH bash examples/cron/missing-report.sh \(calm) \(reports) duty@example.invalid",
                                 cwd: Tools.packageRoot)
        XCTAssertEqual(quiet.status, 0, quiet.out + quiet.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mailbox), "no mail when nothing needs action")
    }

    /// The values of the fields a record's schema marks "x-personal-data", at any depth.
    static func personalValues(_ record: [String: Any], kind: String) throws -> [String] {
        let url = Tools.packageRoot.appendingPathComponent("Schemas/\(kind).schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let defs = schema["$defs"] as? [String: [String: Any]] ?? [:]
        func values(_ value: Any, _ node: [String: Any]) -> [String] {
            var node = node
            if let ref = node["$ref"] as? String, let def = defs[String(ref.split(separator: "/").last!)] { node.merge(def) { a, _ in a } }
            if node["x-personal-data"] as? Bool == true { return flatten(value) }
            guard let object = value as? [String: Any], let props = node["properties"] as? [String: [String: Any]] else { return [] }
            return object.flatMap { key, v in props[key].map { values(v, $0) } ?? [] }
        }
        func flatten(_ v: Any) -> [String] {
            switch v {
            case let s as String: return [s]
            case let a as [Any]: return a.flatMap(flatten)
            case let o as [String: Any]: return o.values.flatMap(flatten)
            default: return []
            }
        }
        return values(record, schema)
    }
}
