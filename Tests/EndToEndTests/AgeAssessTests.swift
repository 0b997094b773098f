import XCTest

final class AgeAssessTests: XCTestCase {
    let tool = "age-assess"

    func newAssessment(_ id: String, extra: [String]) -> [String] {
        ["new", "--id", id, "--person", "S-7", "--date", "2026-11-20", "--claimed-age", "16", "--documents", "none",
         "--conclusion", "child", "--outcome", "claimed-age-accepted", "--factor", "physical,psychological,cultural",
         "--reasons", "Synthetic reasons"] + extra
    }

    func testAGappyAssessmentKeepsThePersonAChildAndTheyCanBeReferredWithoutConsent() throws {
        let dir = Tools.scratch()
        let file = dir.appendingPathComponent("assessments.ndjson").path
        // One assessor, and no interpreter for someone who needs one.
        let made = try Tools.run(tool, newAssessment("aa-1", extra: ["--assessor", "SW-1", "--interpreter-needed", "--appropriate-adult",
                                                                       "--purpose-explained", "--adverse-points-put", "--append", file]))
        XCTAssertEqual(made.status, 0, made.stderr)
        let check = try Tools.run(tool, ["check", file])
        XCTAssertEqual(check.status, 1, "gaps found")
        XCTAssertTrue(check.out.contains(#""gaps":[{"code":"fewer-than-two-trained-assessors","message":"Fewer than two trained assessors took part."},{"code":"no-interpreter","message":"The person needs an interpreter but none was used."}]"#), check.out)
        let status = try Tools.run(tool, ["status", "--as-of", "2026-11-23", file])
        XCTAssertEqual(status.status, 0)
        XCTAssertTrue(status.out.contains(#""treated-as":"child","basis":"age-disputed-no-sound-assessment""#), status.out)

        // The issue's rule through nrm-referral: disputed, no completed sound assessment, no consent needed.
        let referral = try Tools.run("nrm-referral", ["new", "--subject", "S-7", "--claimed-age", "19", "--age-disputed", "--sex", "male",
                                                      "--first-responder", "police", "--exploitation", "labour", "--received", "2026-11-21",
                                                      "--assessments", file])
        XCTAssertEqual(referral.status, 0, referral.stderr)
        XCTAssertTrue(referral.out.contains(#""treated-as":"child","age-basis":"age-disputed""#))
        XCTAssertTrue(referral.out.contains(#""consent":{"status":"not-required-child"}"#))

        // A sound assessment that finds an adult: then consent is needed.
        let sound = try Tools.run(tool, ["new", "--id", "aa-2", "--person", "S-7", "--date", "2026-11-22", "--claimed-age", "16", "--documents", "none",
                                         "--assessor", "SW-1,SW-2", "--interpreter-needed", "--interpreter", "independent-professional",
                                         "--appropriate-adult", "--purpose-explained", "--adverse-points-put", "--factor", "physical,psychological,cultural",
                                         "--reasons", "Synthetic reasons", "--outcome", "assessed-older", "--assessed-age-range", "20-22",
                                         "--conclusion", "adult", "--append", file])
        XCTAssertEqual(sound.status, 0, sound.stderr)
        XCTAssertEqual(try Tools.run(tool, ["check", file]).status, 1, "aa-1 still has its gaps")
        let settled = try Tools.run(tool, ["status", "--as-of", "2026-11-23", file])
        XCTAssertTrue(settled.out.contains(#""treated-as":"adult","basis":"sound-assessment","assessment":"aa-2","youngest-age":20"#), settled.out)
        let refused = try Tools.run("nrm-referral", ["new", "--subject", "S-7", "--claimed-age", "19", "--age-disputed", "--sex", "male",
                                                     "--first-responder", "police", "--exploitation", "labour", "--received", "2026-11-23",
                                                     "--assessments", file])
        XCTAssertEqual(refused.status, 65)
        let consented = try Tools.run("nrm-referral", ["new", "--subject", "S-7", "--claimed-age", "19", "--age-disputed", "--sex", "male",
                                                       "--first-responder", "police", "--exploitation", "labour", "--received", "2026-11-23",
                                                       "--assessments", file, "--consent-signed", "2026-11-23"])
        XCTAssertEqual(consented.status, 0, consented.stderr)

        var all = try Data(contentsOf: URL(fileURLWithPath: file))
        for output in [check.stdout, status.stdout, settled.stdout, referral.stdout, consented.stdout,
                       try Tools.run(tool, ["age", "--dob", "2008-02-29", "--on", "2026-02-28"]).stdout,
                       try Tools.run(tool, ["age", "--claimed-age", "16", "--on", "2026-11-23"]).stdout,
                       try Tools.run(tool, ["age", "--on", "2026-11-23"], stdin: referral.stdout).stdout] {
            all.append(output)
        }
        try Tools.assertValidAgainstSchemas(all)
    }

    /// Issue 18: under --rules current an assessment finding the person older than claimed is sound only with
    /// the minded-to stage (FZ v Croydon; R (HAM) v Brent); the sources' rules do not ask for it.
    func testMindedToStageUnderCurrentRules() throws {
        let dir = Tools.scratch()
        let file = dir.appendingPathComponent("ages.ndjson").path
        let base = ["new", "--person", "S-8", "--claimed-age", "16", "--documents", "none",
                    "--assessor", "SW-1,SW-2", "--interpreter-needed", "--interpreter", "independent-professional",
                    "--appropriate-adult", "--purpose-explained", "--adverse-points-put", "--factor", "physical,psychological,cultural",
                    "--reasons", "Synthetic reasons", "--outcome", "assessed-older", "--assessed-age-range", "20-22", "--conclusion", "adult"]
        let made = try Tools.run(tool, base + ["--id", "aa-m1", "--date", "2026-11-22", "--assessed-by", "la", "--rules", "current", "--append", file])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stderr.contains("gap no-minded-to-stage"), made.stderr)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains(#""v":1,"rules":"current","id":"aa-m1""#), "the record names its rule set")
        let current = try Tools.run(tool, ["check", "--rules", "current", file])
        XCTAssertEqual(current.status, 1)
        XCTAssertTrue(current.out.contains(#""rules":"current","sound":false"#) && current.out.contains("no-minded-to-stage"), current.out)
        let sources = try Tools.run(tool, ["check", file])
        XCTAssertEqual(sources.status, 0, "the sources' rules ask for no minded-to stage: \(sources.out)")
        XCTAssertTrue(sources.out.contains(#""rules":"sources""#), sources.out)
        let childNow = try Tools.run(tool, ["status", "--rules", "current", "--as-of", "2026-11-23", file])
        XCTAssertTrue(childNow.out.contains(#""rules":"current","treated-as":"child","basis":"age-disputed-no-sound-assessment""#), childNow.out)
        let env = try Tools.sh("SAFEGUARD_RULES=current age-assess status --as-of 2026-11-23 \(file)")
        XCTAssertEqual(env.stdout, childNow.stdout, env.stderr)
        XCTAssertTrue(try Tools.run(tool, ["status", "--as-of", "2026-11-23", file]).out.contains(#""treated-as":"adult""#))
        // nrm-referral new --rules current asks the same of the assessment that would settle the age.
        let referral = try Tools.run("nrm-referral", ["new", "--subject", "S-8", "--claimed-age", "19", "--age-disputed", "--sex", "male",
                                                      "--first-responder", "police", "--exploitation", "labour", "--received", "2026-11-23",
                                                      "--assessments", file, "--rules", "current"])
        XCTAssertEqual(referral.status, 0, referral.stderr)
        XCTAssertTrue(referral.out.contains(#""treated-as":"child","age-basis":"age-disputed""#), referral.out)
        // With the minded-to stage, by the National Age Assessment Board, it is sound under current rules.
        let minded = try Tools.run(tool, base + ["--id", "aa-m2", "--date", "2026-11-24", "--assessed-by", "naab", "--minded-to-date", "2026-11-20",
                                                 "--minded-to-response", "Synthetic response", "--rules", "current", "--append", file])
        XCTAssertEqual(minded.status, 0, minded.stderr)
        XCTAssertFalse(minded.stderr.contains("no-minded-to-stage"), minded.stderr)
        let settled = try Tools.run(tool, ["status", "--rules", "current", "--as-of", "2026-11-25", file])
        XCTAssertTrue(settled.out.contains(#""treated-as":"adult","basis":"sound-assessment","assessment":"aa-m2""#), settled.out)
        XCTAssertEqual(try Tools.run(tool, base + ["--date", "2026-11-22", "--minded-to-response", "Synthetic"]).status, 64, "a response needs its date")
        // The response is personal data: left out of a flat export unless asked for.
        let flat = try Tools.run("csv-report", ["flatten", "--kind", "age-assessment", "--columns", "id,assessed-by,minded-to-date,minded-to-response", file])
        XCTAssertFalse(flat.out.contains("Synthetic response"), flat.out)
        var all = try Data(contentsOf: URL(fileURLWithPath: file))
        for output in [current.stdout, sources.stdout, childNow.stdout, settled.stdout, referral.stdout] { all.append(output) }
        try Tools.assertValidAgainstSchemas(all)
    }

    func testAgeOverAStream() throws {
        let input = [#"{"kind":"referral-like","v":1,"id":"r1","subject":{"id":"S-1","dob":"2008-02-29"}}"#,
                     #"{"kind":"other","v":1,"id":"r2","dob":"2010-12-31"}"#,
                     #"{"kind":"other","v":1,"id":"r3"}"#].joined(separator: "\n") + "\n"
        let r = try Tools.run(tool, ["age", "--on", "2026-02-28", "--pass"], stdin: input.data)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.lines, [
            #"{"kind":"age-on-date","v":1,"record":"r1","person":"S-1","on":"2026-02-28","age":17,"treated-as":"child","eighteenth-birthday":"2026-03-01"}"#,
            #"{"kind":"age-on-date","v":1,"record":"r2","on":"2026-02-28","age":15,"treated-as":"child","eighteenth-birthday":"2028-12-31"}"#,
            #"{"kind":"other","v":1,"id":"r3"}"#,
        ])
        XCTAssertFalse(r.out.contains("2008-02-29"), "the date of birth is not repeated")
    }

    /// Bad input: an unknown code, an impossible date, a date of birth in the
    /// future, a claimed age out of range. Each is FILE:LINE, exit 65, kept in
    /// --rejects, and the good lines are still checked.
    func testBadInputIsReportedAndNothingIsLost() throws {
        let dir = Tools.scratch()
        let good = try Tools.run(tool, newAssessment("aa-good", extra: ["--assessor", "SW-1,SW-2", "--appropriate-adult", "--purpose-explained",
                                                                          "--adverse-points-put"])).out.trimmingCharacters(in: .newlines)
        let bad: [(String, String)] = [
            (good.replacingOccurrences(of: #""documents":"none""#, with: #""documents":"passport""#), "field documents: is not a known documents seen"),
            (good.replacingOccurrences(of: #""date":"2026-11-20""#, with: #""date":"2025-02-30""#), "field date: is not a real date"),
            (good.replacingOccurrences(of: #""claimed":{"age":16}"#, with: #""claimed":{"dob":"2027-01-01"}"#), "field claimed.dob is after the assessment date"),
            (good.replacingOccurrences(of: #""claimed":{"age":16}"#, with: #""claimed":{"age":-1}"#), "field claimed.age: must be from 0 to 120"),
            (good.replacingOccurrences(of: #""claimed":{"age":16}"#, with: #""claimed":{"age":121}"#), "field claimed.age: must be from 0 to 120"),
            (good.replacingOccurrences(of: #""appropriate-adult":true"#, with: #""appropriate-adult":"yes""#), "field appropriate-adult: must be true or false"),
        ]
        let path = dir.appendingPathComponent("in.ndjson")
        try ([good] + bad.map(\.0) + [good.replacingOccurrences(of: "aa-good", with: "aa-good2")]).joined(separator: "\n").appending("\n").write(to: path, atomically: true, encoding: .utf8)
        let rejects = dir.appendingPathComponent("rejects").path
        for command in ["check", "status"] {
            let r = try Tools.run(tool, [command, "--rejects", rejects, path.path])
            XCTAssertEqual(r.status, 65, command)
            let messages = r.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(messages.count, bad.count, r.stderr)
            for (k, (_, message)) in bad.enumerated() {
                XCTAssertTrue(messages[k].hasPrefix("age-assess: \(path.path):\(k + 2): \(message)"), messages[k])
                XCTAssertFalse(messages[k].contains("Synthetic"))
            }
            XCTAssertEqual(try String(contentsOfFile: rejects, encoding: .utf8), bad.map { $0.0 + "\n" }.joined())
            if command == "check" { XCTAssertEqual(r.lines.count, 2, "both good assessments checked") }
        }
        let future = try Tools.run(tool, ["age", "--on", "2026-01-01"], stdin: (#"{"kind":"x","v":1,"dob":"2026-05-05"}"# + "\n").data)
        XCTAssertEqual(future.status, 65)
        XCTAssertTrue(future.stderr.hasPrefix("age-assess: <stdin>:1: field dob is after 2026-01-01"), future.stderr)
        XCTAssertEqual(try Tools.run(tool, ["age", "--claimed-age", "121"]).status, 64)
        XCTAssertEqual(try Tools.run(tool, ["age", "--dob", "2025-02-30"]).status, 64)
    }
}
