import XCTest

final class CarePlanCLITests: XCTestCase {
    let tool = "care-plan"

    /// Miss G's plan through the binaries: exit says no as first made, yes after the reviews.
    func testMissGPlanExitsOnlyWhenEveryCriterionIsMet() throws {
        let dir = Tools.scratch()
        let g = dir.appendingPathComponent("g.ndjson").path
        func run(_ args: [String]) throws -> Tools.Result { try Tools.run(tool, args + ["--append", g]) }
        XCTAssertEqual(try run(["new", "--id", "cp-g", "--person", "S-G", "--date", "2026-10-01", "--claimed-age", "24", "--nationality", "AL",
                                "--lead-professional", "SW-1", "--need", "accommodation,income-benefits,emotional-support,legal-immigration,police-trust,language-interpreter,isolation,medical",
                                "--risk", "community-safe=high", "--risk", "public-funds=high", "--risk", "understands=medium", "--risk", "can-keep-safe=high",
                                "--risk", "family-friends-risk=high", "--safety-plan-reviewed", "2026-10-01", "--agency", "police,home-office",
                                "--interpreter", "independent-professional", "--public-funds", "no"]).status, 0)
        XCTAssertEqual(try run(["action", "cp-g", "--action", "act-1", "--need", "accommodation", "--owner", "Hestia", "--due", "2026-10-08", "--date", "2026-10-01",
                                "--description", "Synthetic description"]).status, 0)
        let first = try Tools.run(tool, ["exit", "cp-g", "--as-of", "2026-10-20", g])
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertTrue(first.out.contains(#""ready":false"#))
        for criterion in ["risk-significantly-reduced", "every-agency-informed", "targets-met-or-signposted", "papers-complete"] {
            XCTAssertTrue(first.out.contains(#""criterion":"\#(criterion)""#), criterion)
        }
        XCTAssertEqual(try run(["action", "cp-g", "--action", "act-1", "--need", "accommodation", "--owner", "Hestia", "--due", "2026-10-08", "--status", "met", "--date", "2026-10-07"]).status, 0)
        XCTAssertEqual(try run(["review", "cp-g", "--date", "2026-12-01",
                                "--need", "accommodation=met,income-benefits=met,emotional-support=met,legal-immigration=signposted,police-trust=met,language-interpreter=met,isolation=met",
                                "--risk", "community-safe=low", "--risk", "public-funds=medium", "--risk", "understands=low", "--risk", "can-keep-safe=low",
                                "--risk", "family-friends-risk=medium", "--safety-plan-reviewed", "2026-12-01", "--agency-informed", "police,home-office",
                                "--papers-complete", "--note", "Synthetic note"]).status, 0)
        let almost = try Tools.run(tool, ["exit", "cp-g", "--as-of", "2026-12-05", g])
        XCTAssertEqual(almost.status, 1, "the medical need is still open")
        XCTAssertTrue(almost.out.contains("needs open: medical"), almost.out)
        XCTAssertEqual(try run(["review", "cp-g", "--date", "2026-12-02", "--need", "medical=met"]).status, 0)
        let ready = try Tools.run(tool, ["exit", "cp-g", "--as-of", "2026-12-05", g])
        XCTAssertEqual(ready.status, 0, ready.stderr)
        XCTAssertEqual(ready.out, #"{"kind":"care-plan-exit","v":1,"plan":"cp-g","as-of":"2026-12-05","ready":true,"unmet":[]}"# + "\n")

        let summary = try Tools.run(tool, ["summary", "cp-g", "--as-of", "2026-12-05", g])
        XCTAssertTrue(summary.out.hasPrefix("Care plan cp-g for S-G (adult)"))
        XCTAssertFalse(summary.out.hasPrefix("{"), "text unless --json")
        XCTAssertFalse(summary.out.contains("Synthetic"), "free text stays out of the printed summary")
        let json = try Tools.run(tool, ["summary", "cp-g", "--as-of", "2026-12-05", "--json", g])
        var all = try Data(contentsOf: URL(fileURLWithPath: g))
        for out in [first.stdout, ready.stdout, json.stdout, try Tools.run(tool, ["check", "--as-of", "2026-12-05", g]).stdout] { all.append(out) }
        try Tools.assertValidAgainstSchemas(all)
    }

    func testFromReferralMakesAChildsPlanAndCheckNamesTheGaps() throws {
        let referral = try Tools.run("nrm-referral", ["new", "--id", "ref-1", "--subject", "S-7", "--claimed-age", "19", "--age-disputed", "--sex", "male",
                                                      "--nationality", "VN", "--first-responder", "police", "--exploitation", "criminal", "--received", "2026-11-01"])
        let plan = try Tools.run(tool, ["new", "--from-referral", "ref-1", "--id", "cp-7", "--date", "2026-11-02", "--need", "safety"], stdin: referral.stdout)
        XCTAssertEqual(plan.status, 0, plan.stderr)
        XCTAssertTrue(plan.out.contains(#""person":"S-7","date":"2026-11-02","treated-as":"child","nationality":"VN""#), plan.out)
        let check = try Tools.run(tool, ["check", "--as-of", "2026-11-03"], stdin: plan.stdout)
        XCTAssertEqual(check.status, 1)
        for code in ["child-no-missing-strategy", "child-no-interpreter", "no-strategy-meeting", "no-lead-professional", "safety-plan-stale"] {
            XCTAssertTrue(check.out.contains(#""code":"\#(code)""#), code)
        }
        XCTAssertEqual(try Tools.run(tool, ["new", "--from-referral", "ref-1", "--date", "2026-11-02", "--public-funds", "no"], stdin: referral.stdout).status, 64,
                       "adult options on a child's plan")
    }

    /// Bad input: unknown need domains, a review for an unknown plan, a due date before the plan, wrong types.
    func testBadInputIsReportedAndNothingIsLost() throws {
        let plan = try Tools.run(tool, ["new", "--id", "cp-1", "--person", "S-1", "--date", "2026-10-01", "--dob", "1990-01-01", "--public-funds", "yes",
                                        "--lead-professional", "SW-1", "--need", "accommodation"]).out.trimmingCharacters(in: .newlines)
        let lines = [
            plan,
            plan.replacingOccurrences(of: #""domain":"accommodation""#, with: #""domain":"spaceflight""#).replacingOccurrences(of: "cp-1", with: "cp-2"),
            #"{"kind":"care-plan-review","v":1,"id":"rv-1","plan":"cp-404","date":"2026-10-05","changes":{"papers-complete":true}}"#,
            #"{"kind":"care-plan-action","v":1,"id":"pa-1","plan":"cp-1","date":"2026-10-02","action":"act-1","need":"accommodation","owner":"LA","due":"2026-09-30","status":"open"}"#,
            #"{"kind":"care-plan-review","v":1,"id":"rv-2","plan":"cp-1","date":"2026-10-05","changes":{"papers-complete":"yes"}}"#,
            #"{"kind":"care-plan-review","v":1,"id":"rv-3","plan":"cp-1","date":"2026-10-05","changes":{"needs":[{"domain":"medical","status":"met"}]}}"#,
        ]
        let dir = Tools.scratch()
        let path = dir.appendingPathComponent("plans.ndjson")
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let rejects = dir.appendingPathComponent("rejects").path
        let r = try Tools.run(tool, ["check", "--as-of", "2026-10-10", "--rejects", rejects, path.path])
        XCTAssertEqual(r.status, 65)
        let messages = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(messages.count, 4, r.stderr)
        let p = path.path
        XCTAssertTrue(messages[0].hasPrefix("care-plan: \(p):2: field needs[0].domain: is not a known need domain"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("care-plan: \(p):3: plan cp-404 is not in the input"), messages[1])
        XCTAssertTrue(messages[2].hasPrefix("care-plan: \(p):4: field due: 2026-09-30 is before the plan was made"), messages[2])
        XCTAssertTrue(messages[3].hasPrefix("care-plan: \(p):5: the review would make the plan invalid: field papers-complete: must be true or false"), messages[3])
        XCTAssertEqual(try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").map(String.init).sorted(), [lines[1], lines[2], lines[3], lines[4]].sorted())
        XCTAssertEqual(r.lines.count, 1, "the good plan is still checked")
        let summary = try Tools.run(tool, ["summary", "cp-1", "--as-of", "2026-10-10", path.path])
        XCTAssertTrue(summary.out.contains("Medical care (including pregnancy)   Met"), "the good review still applies")
    }
}
