import XCTest

/// A record appended to a case file is checked against the case first, and a
/// mistake is corrected by a void, never by editing or deleting a line.
final class CaseFileTests: XCTestCase {
    var dir: URL!
    override func setUp() { dir = Tools.scratch() }
    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    func bytes(_ name: String) -> Data { (try? Data(contentsOf: dir.appendingPathComponent(name))) ?? Data() }

    @discardableResult
    func ok(_ tool: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Tools.Result {
        let r = try Tools.run(tool, args)
        XCTAssertEqual(r.status, 0, "\(tool) \(args): \(r.stderr)", file: file, line: line)
        return r
    }

    /// Refused: exit 65, the message, and the file byte for byte as it was.
    func refused(_ tool: String, _ args: [String], file name: String, saying: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = bytes(name)
        let r = try Tools.run(tool, args)
        XCTAssertEqual(r.status, 65, "\(tool) \(args)", file: file, line: line)
        XCTAssertTrue(r.stderr.contains(saying), r.stderr, file: file, line: line)
        XCTAssertEqual(bytes(name), before, "the case file changed", file: file, line: line)
    }

    func referral(_ id: String, append: String) throws {
        try ok("nrm-referral", ["new", "--id", id, "--subject", "S-\(id)", "--dob", "2010-01-01", "--sex", "female", "--first-responder", "police",
                                "--exploitation", "sexual", "--received", "2026-11-01", "--append", path(append)])
    }

    func testUnknownIdsAreRefusedWithTheNearestOne() throws {
        try referral("ref-1", append: "nrm.ndjson")
        try refused("nrm-referral", ["decide", "ref-l", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-03", "--append", path("nrm.ndjson")],
                    file: "nrm.ndjson", saying: "referral ref-l is not in the input (did you mean ref-1?)")
        try refused("nrm-referral", ["decide", "ref-NOPE", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-03", "--append", path("nrm.ndjson")],
                    file: "nrm.ndjson", saying: "referral ref-NOPE is not in the input")
        try ok("missing-child", ["placement", "--child", "C-1", "--dob", "2011-02-03", "--placement", "Oak House", "--start", "2026-11-01",
                                 "--trafficking-concern", "--append", path("m.ndjson")])
        try refused("missing-child", ["return", "--child", "C-l", "--returned", "2026-11-21T09:30:00Z", "--to", "placement", "--append", path("m.ndjson")],
                    file: "m.ndjson", saying: "child C-l is not known: there is no placement or missing-start for them (did you mean C-1?)")
        try refused("missing-child", ["return", "--child", "C-1", "--returned", "2026-11-21T09:30:00Z", "--to", "placement", "--append", path("m.ndjson")],
                    file: "m.ndjson", saying: "child C-1 has no open episode to return from")
        try ok("missing-child", ["start", "--child", "C-1", "--last-seen", "2026-11-20T18:00:00Z", "--type", "away", "--append", path("m.ndjson")])
        try refused("missing-child", ["start", "--child", "C-1", "--last-seen", "2026-11-20T20:00:00Z", "--type", "away", "--append", path("m.ndjson")],
                    file: "m.ndjson", saying: "child C-1 is already missing")
        try ok("care-plan", ["new", "--id", "cp-1", "--person", "P-1", "--claimed-age", "30", "--public-funds", "no", "--date", "2026-11-01",
                             "--append", path("cp.ndjson")])
        try refused("care-plan", ["action", "cp-NOPE", "--need", "accommodation", "--owner", "LA", "--due", "2026-12-01", "--append", path("cp.ndjson")],
                    file: "cp.ndjson", saying: "plan cp-NOPE is not in the input")
        try refused("care-plan", ["action", "cp-l", "--need", "accommodation", "--owner", "LA", "--due", "2026-12-01", "--append", path("cp.ndjson")],
                    file: "cp.ndjson", saying: "(did you mean cp-1?)")
        try refused("care-plan", ["action", "cp-1", "--need", "accommodation", "--owner", "LA", "--due", "2026-10-01", "--date", "2026-11-02",
                                  "--append", path("cp.ndjson")], file: "cp.ndjson", saying: "before the plan was made")
        // An id is never used twice in a case, even by a different kind of record.
        try refused("nrm-referral", ["decide", "ref-1", "--id", "ref-1", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-03",
                                     "--append", path("nrm.ndjson")], file: "nrm.ndjson", saying: "id ref-1 is already used")
    }

    /// A second RG is refused unless it is a reconsideration, which supersedes the first; both stay in the file.
    func testAReconsiderationSupersedesTheEarlierDecision() throws {
        try referral("ref-1", append: "nrm.ndjson")
        try ok("nrm-referral", ["decide", "ref-1", "--stage", "rg", "--outcome", "negative", "--on", "2026-11-03", "--append", path("nrm.ndjson")])
        try refused("nrm-referral", ["decide", "ref-1", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-10", "--append", path("nrm.ndjson")],
                    file: "nrm.ndjson", saying: "already has a reasonable-grounds decision")
        try refused("nrm-referral", ["decide", "ref-1", "--stage", "cg", "--outcome", "positive", "--on", "2026-11-10", "--append", path("nrm.ndjson")],
                    file: "nrm.ndjson", saying: "after a negative reasonable-grounds decision")
        try ok("nrm-referral", ["decide", "ref-1", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-10", "--reconsideration",
                                "--append", path("nrm.ndjson")])
        let status = try ok("nrm-referral", ["status", "--as-of", "2026-11-12", path("nrm.ndjson")])
        XCTAssertTrue(status.out.contains(#""stage":"rg-positive""#), status.out)
        XCTAssertEqual(String(decoding: bytes("nrm.ndjson"), as: UTF8.self).split(separator: "\n").count, 3)
        try Tools.assertValidAgainstSchemas(bytes("nrm.ndjson"))
    }

    /// A void, then the record made again: every report gives the corrected result, and the voided line stays.
    func testACorrectionIsAVoidAndANewRecord() throws {
        try referral("ref-1", append: "nrm.ndjson")
        try ok("nrm-referral", ["decide", "ref-1", "--id", "dec-wrong", "--stage", "rg", "--outcome", "negative", "--on", "2026-11-03",
                                "--append", path("nrm.ndjson")])
        try ok("nrm-referral", ["void", "dec-wrong", "--reason", "entered on the wrong referral", "--on", "2026-11-04", "--append", path("nrm.ndjson")])
        try ok("nrm-referral", ["decide", "ref-1", "--id", "dec-right", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-03",
                                "--append", path("nrm.ndjson")])
        let text = String(decoding: bytes("nrm.ndjson"), as: UTF8.self)
        XCTAssertTrue(text.contains(#""id":"dec-wrong""#), "the voided line stays for the audit trail")
        try Tools.assertValidAgainstSchemas(bytes("nrm.ndjson"))
        // The void applies whatever the as-of: here the as-of is before the void was made.
        let status = try ok("nrm-referral", ["status", "--as-of", "2026-11-03", path("nrm.ndjson")])
        XCTAssertTrue(status.out.contains(#""stage":"rg-positive""#), status.out)
        XCTAssertTrue(status.stderr.contains("1 voided record(s) treated as absent"), status.stderr)
        // Standard input is spooled, so the void counts there too.
        let piped = try Tools.run("nrm-referral", ["status", "--as-of", "2026-11-03"], stdin: bytes("nrm.ndjson"))
        XCTAssertEqual(piped.out, status.out)
        let validate = try ok("nrm-referral", ["validate", path("nrm.ndjson")])
        XCTAssertEqual(validate.stdout, bytes("nrm.ndjson"), "validate copies the whole case, voids included")
        let flat = try ok("csv-report", ["flatten", "--kind", "nrm-decision", "--columns", "id,outcome", path("nrm.ndjson")])
        XCTAssertEqual(flat.lines, ["id,outcome", "dec-right,positive"])
        let audit = try ok("csv-report", ["flatten", "--kind", "nrm-decision", "--columns", "id,outcome", "--keep-voided", path("nrm.ndjson")])
        XCTAssertEqual(audit.lines, ["id,outcome", "dec-wrong,negative", "dec-right,positive"])
        let counted = try ok("csv-report", ["count", "--by", "kind", "--no-suppress", path("nrm.ndjson")])
        XCTAssertTrue(counted.lines.contains("nrm-decision,1"), counted.out)
        let stats = try ok("csv-report", ["nrm-stats", "--no-suppress", "--table", "rg-outcome", path("nrm.ndjson")])
        XCTAssertTrue(stats.lines.contains("rg-outcome,positive,0,1,1"), stats.out)
        XCTAssertTrue(stats.lines.contains("rg-outcome,negative,0,0,0"), stats.out)
    }

    func testMissingEpisodesAreCorrectedByVoids() throws {
        let m = path("m.ndjson")
        try ok("missing-child", ["placement", "--child", "C-1", "--dob", "2011-02-03", "--placement", "Oak House", "--start", "2025-11-01",
                                 "--trafficking-concern", "--append", m])
        try ok("missing-child", ["start", "--child", "C-1", "--id", "ms-wrong", "--last-seen", "2025-12-02T18:00:00Z", "--type", "missing",
                                 "--reported-to-police", "2025-12-02T19:00:00Z", "--append", m])
        try ok("missing-child", ["return", "--child", "C-1", "--id", "mr-1", "--returned", "2025-12-03T09:30:00Z", "--to", "placement", "--append", m])
        // The start has its return: the return is voided first.
        try refused("missing-child", ["void", "ms-wrong", "--reason", "wrong day", "--append", m], file: "m.ndjson",
                    saying: "has records that depend on it; void them first: mr-1")
        try ok("missing-child", ["void", "mr-1", "--reason", "wrong day", "--append", m])
        try ok("missing-child", ["void", "ms-wrong", "--reason", "wrong day", "--append", m])
        try ok("missing-child", ["start", "--child", "C-1", "--last-seen", "2025-12-01T18:00:00Z", "--type", "missing",
                                 "--reported-to-police", "2025-12-01T19:00:00Z", "--append", m])
        try ok("missing-child", ["return", "--child", "C-1", "--returned", "2025-12-02T09:30:00Z", "--to", "placement", "--append", m])
        let table = try ok("missing-child", ["ssda903", "--year", "2026", m])
        XCTAssertEqual(table.lines, ["CHILD,DOB,MISSING,MIS_START,MIS_END", "C-1,03/02/2011,M,01/12/2025,02/12/2025"])
        let report = try Tools.run("missing-child", ["report", "--as-of", "2025-12-10T00:00:00Z", m])
        XCTAssertTrue(report.out.contains(#""episodes-in-window":1"#), report.out)
        try Tools.assertValidAgainstSchemas(bytes("m.ndjson"))
    }

    func testWhatAVoidCannotDo() throws {
        try referral("ref-1", append: "nrm.ndjson")
        try ok("nrm-referral", ["decide", "ref-1", "--id", "dec-1", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-03",
                                "--append", path("nrm.ndjson")])
        try refused("nrm-referral", ["void", "dec-l", "--reason", "x", "--append", path("nrm.ndjson")], file: "nrm.ndjson",
                    saying: "record dec-l is not in the case (did you mean dec-1?)")
        try refused("nrm-referral", ["void", "ref-1", "--reason", "x", "--append", path("nrm.ndjson")], file: "nrm.ndjson",
                    saying: "void them first: dec-1")
        try ok("nrm-referral", ["void", "dec-1", "--id", "void-1", "--reason", "x", "--append", path("nrm.ndjson")])
        try refused("nrm-referral", ["void", "void-1", "--reason", "x", "--append", path("nrm.ndjson")], file: "nrm.ndjson",
                    saying: "a void cannot be voided")
        try refused("nrm-referral", ["void", "dec-1", "--reason", "x", "--append", path("nrm.ndjson")], file: "nrm.ndjson",
                    saying: "already voided")
        try ok("missing-child", ["placement", "--child", "C-1", "--id", "plc-1", "--dob", "2011-02-03", "--placement", "Oak House",
                                 "--start", "2026-11-01", "--no-trafficking-concern", "--append", path("nrm.ndjson")])
        try refused("nrm-referral", ["void", "plc-1", "--reason", "x", "--append", path("nrm.ndjson")], file: "nrm.ndjson",
                    saying: "which this tool does not keep")
        XCTAssertEqual(try Tools.run("nrm-referral", ["void", "dec-1", "--append", path("nrm.ndjson")]).status, 64, "a void needs a reason")
        XCTAssertEqual(try Tools.run("nrm-referral", ["void", "dec-1", "--reason", "x"]).status, 64, "a void needs its case file")
    }

    /// A void counts wherever it stands, before the record it cancels or in another file.
    func testAVoidCountsWhereverItStands() throws {
        let void = #"{"kind":"void","v":1,"id":"void-1","voids":"dec-1","reason":"x","on":"2026-11-04"}"#
        let referral = try Tools.run("nrm-referral", ["new", "--id", "ref-1", "--subject", "S-1", "--dob", "2010-01-01", "--sex", "female",
                                                     "--first-responder", "police", "--exploitation", "sexual", "--received", "2026-11-01"]).out
        let decision = #"{"kind":"nrm-decision","v":1,"id":"dec-1","referral":"ref-1","stage":"rg","outcome":"negative","on":"2026-11-03"}"#
        try (void + "\n").write(toFile: path("voids.ndjson"), atomically: true, encoding: .utf8)
        try (referral + decision + "\n").write(toFile: path("case.ndjson"), atomically: true, encoding: .utf8)
        let status = try ok("nrm-referral", ["status", "--as-of", "2026-11-05", path("voids.ndjson"), path("case.ndjson")])
        XCTAssertTrue(status.out.contains(#""stage":"rg-pending""#), status.out)
    }
}
