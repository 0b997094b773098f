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
        // Informed at intake and at review, but not yet told of the exit, and the checklist not done: not ready.
        let untold = try Tools.run(tool, ["exit", "cp-g", "--as-of", "2026-12-05", g])
        XCTAssertEqual(untold.status, 1)
        XCTAssertTrue(untold.out.contains("not told of the exit: police, home-office"), untold.out)
        for criterion in ["aim-of-service-understood", "rights-in-uk-understood", "other-services-explained", "police-concerns-discussed"] {
            XCTAssertTrue(untold.out.contains(#""criterion":"\#(criterion)""#), criterion)
        }
        XCTAssertEqual(try run(["review", "cp-g", "--date", "2026-12-03", "--exit-informed", "police", "--checklist", "aim-of-service,rights-in-uk,other-services,police-concerns"]).status, 0)
        let halfTold = try Tools.run(tool, ["exit", "cp-g", "--as-of", "2026-12-05", g])
        XCTAssertEqual(halfTold.status, 1, "the Home Office has not been told of the exit")
        XCTAssertTrue(halfTold.out.contains("not told of the exit: home-office"), halfTold.out)
        XCTAssertEqual(try run(["review", "cp-g", "--date", "2026-12-04", "--exit-informed", "home-office"]).status, 0)
        XCTAssertEqual(try Tools.run(tool, ["exit", "cp-g", "--as-of", "2026-12-03", g]).status, 1, "not yet told on the as-of")
        let ready = try Tools.run(tool, ["exit", "cp-g", "--as-of", "2026-12-05", g])
        XCTAssertEqual(ready.status, 0, ready.stderr)
        XCTAssertEqual(ready.out, #"{"kind":"care-plan-exit","v":1,"plan":"cp-g","as-of":"2026-12-05","rules":"sources","treated-as":"adult","made-as":"adult","ready":true,"unmet":[]}"# + "\n")

        let summary = try Tools.run(tool, ["summary", "cp-g", "--as-of", "2026-12-05", g])
        XCTAssertTrue(summary.out.hasPrefix("Care plan cp-g for S-G (adult)"))
        XCTAssertFalse(summary.out.hasPrefix("{"), "text unless --json")
        XCTAssertFalse(summary.out.contains("Synthetic"), "free text stays out of the printed summary")
        let json = try Tools.run(tool, ["summary", "cp-g", "--as-of", "2026-12-05", "--json", g])
        var all = try Data(contentsOf: URL(fileURLWithPath: g))
        for out in [first.stdout, untold.stdout, ready.stdout, json.stdout, try Tools.run(tool, ["check", "--as-of", "2026-12-05", g]).stdout] { all.append(out) }
        try Tools.assertValidAgainstSchemas(all)
    }

    func testFromReferralMakesAChildsPlanAndCheckNamesTheGaps() throws {
        let referral = try Tools.run("nrm-referral", ["new", "--id", "ref-1", "--subject", "S-7", "--claimed-age", "19", "--age-disputed", "--sex", "male",
                                                      "--nationality", "VN", "--first-responder", "police", "--exploitation", "criminal", "--received", "2026-11-01"])
        let plan = try Tools.run(tool, ["new", "--from-referral", "ref-1", "--id", "cp-7", "--date", "2026-11-02", "--need", "safety"], stdin: referral.stdout)
        XCTAssertEqual(plan.status, 0, plan.stderr)
        XCTAssertTrue(plan.out.contains(#""person":"S-7","date":"2026-11-02","treated-as":"child","claimed-age-range":{"earliest-dob":"2006-11-02","latest-dob":"2007-11-01"},"age-disputed":true,"nationality":"VN""#), plan.out)
        let check = try Tools.run(tool, ["check", "--as-of", "2026-11-03"], stdin: plan.stdout)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(plan.out.contains(#""exploitation":["criminal"]"#), "the exploitation types come from the referral")
        for code in ["child-no-missing-strategy", "child-no-interpreter", "no-strategy-meeting", "no-lead-professional", "safety-plan-stale",
                     "non-criminalisation-not-considered", "police-not-told-of-trafficking", "cps-not-told-of-trafficking"] {
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

    /// No empty plan passes: a child's plan with every optional field blank gives one problem per unanswered duty, and exit 1.
    func testNoEmptyChildPlanPasses() throws {
        let plan = try Tools.run(tool, ["new", "--id", "cp-0", "--person", "S-0", "--date", "2026-11-01", "--dob", "2012-05-06"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        let check = try Tools.run(tool, ["check", "--as-of", "2026-11-02"], stdin: plan.stdout)
        XCTAssertEqual(check.status, 1)
        let codes = check.out.components(separatedBy: #""code":""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(codes, ["child-no-missing-strategy", "notify-if-missing-no-police", "notify-if-missing-no-home-office", "child-no-interpreter",
                               "risk-unanswered-community-safe", "risk-unanswered-public-funds", "risk-unanswered-understands",
                               "risk-unanswered-can-keep-safe", "risk-unanswered-family-friends-risk", "risk-unanswered-abduction",
                               "risk-unanswered-going-missing", "no-strategy-meeting", "exploitation-not-recorded", "cse-risk-not-considered",
                               "missing-risk-not-considered", "trafficking-risk-not-considered", "no-education-need", "no-lead-professional",
                               "safety-plan-stale"])
        let exit = try Tools.run(tool, ["exit", "cp-0", "--as-of", "2026-11-02"], stdin: plan.stdout)
        XCTAssertEqual(exit.status, 1)
        XCTAssertTrue(exit.out.contains(#""criterion":"plan-rules-kept","problem":"notify-if-missing-no-police""#), exit.out)
        try Tools.assertValidAgainstSchemas(plan.stdout + check.stdout + exit.stdout)
    }

    /// A child's plan through the binaries: the new checks fail, then pass after the review that answers them.
    func testChildPlanNewChecksFailThenPass() throws {
        let dir = Tools.scratch()
        let c = dir.appendingPathComponent("c.ndjson").path
        func run(_ args: [String]) throws -> Tools.Result { try Tools.run(tool, args + ["--append", c]) }
        XCTAssertEqual(try run(["new", "--id", "cp-c", "--person", "C-1", "--date", "2026-11-01", "--dob", "2009-01-20", "--nationality", "VN",
                                "--lead-professional", "SW-1", "--exploitation", "criminal", "--need", "accommodation,safety",
                                "--risk", "community-safe=medium,public-funds=high,understands=medium,can-keep-safe=medium,family-friends-risk=high,abduction=low",
                                "--safety-plan-reviewed", "2026-11-01", "--interpreter", "independent-professional", "--agency", "police,home-office",
                                "--missing-strategy", "Synthetic strategy", "--notify-if-missing", "missing-people",
                                "--placement-type", "private-fostering", "--placement-start", "2026-11-01", "--strategy-meeting-held",
                                "--family-role-assessed", "--family-complicit", "yes", "--risk-considered", "missing"]).status, 0)
        XCTAssertEqual(try run(["action", "cp-c", "--action", "act-r", "--kind", "reunification", "--need", "safety", "--owner", "LA", "--due", "2026-12-20", "--date", "2026-11-01"]).status, 0)
        let before = try Tools.run(tool, ["check", "--as-of", "2026-11-05", c])
        XCTAssertEqual(before.status, 1)
        for code in ["notify-if-missing-no-police", "notify-if-missing-no-home-office", "risk-unanswered-going-missing",
                     "non-criminalisation-not-considered", "police-not-told-of-trafficking", "cps-not-told-of-trafficking",
                     "household-children-not-listed", "reunification-with-complicit-family", "cse-risk-not-considered",
                     "trafficking-risk-not-considered", "no-transition-action", "adult-social-care-not-informed", "no-education-need",
                     "private-fostering-not-notified"] {
            XCTAssertTrue(before.out.contains(#""code":"\#(code)""#), code + "\n" + before.out)
        }
        XCTAssertEqual(try run(["review", "cp-c", "--date", "2026-11-05", "--notify-if-missing", "police,home-office,missing-people",
                                "--risk", "going-missing=high", "--non-criminalisation-considered", "2026-11-05", "--police-told", "yes", "--cps-told", "yes",
                                "--household-child", "C-2=assessed", "--family-complicit", "no", "--risk-considered", "cse,trafficking",
                                "--need", "education", "--private-fostering-notified", "2026-11-02", "--agency-informed", "adult-social-care"]).status, 0)
        XCTAssertEqual(try run(["action", "cp-c", "--action", "act-t", "--kind", "transition", "--need", "safety", "--owner", "LA", "--due", "2026-12-20", "--date", "2026-11-05"]).status, 0)
        let after = try Tools.run(tool, ["check", "--as-of", "2026-11-06", c])
        XCTAssertEqual(after.status, 0, after.out)
        XCTAssertEqual(after.out, #"{"kind":"care-plan-check","v":1,"plan":"cp-c","as-of":"2026-11-06","rules":"sources","treated-as":"child","made-as":"child","age-basis":"under-18","problems":[]}"# + "\n")
        // On the 18th birthday the plan's group no longer fits: check says so.
        let grown = try Tools.run(tool, ["check", "--as-of", "2027-01-20", "--safety-plan-days", "3650", c])
        XCTAssertTrue(grown.out.contains(#""treated-as":"adult","made-as":"child""#) && grown.out.contains("age-group-changed"), grown.out)
        let summary = try Tools.run(tool, ["summary", "cp-c", "--as-of", "2026-11-06", c])
        XCTAssertTrue(summary.out.contains("18th birthday: 2027-01-20"), summary.out)
        XCTAssertFalse(summary.out.contains("2009-01-20"), "the date of birth itself is not printed")
        try Tools.assertValidAgainstSchemas(try Data(contentsOf: URL(fileURLWithPath: c)) + before.stdout + after.stdout + grown.stdout)
        // Agencies are codes now.
        XCTAssertEqual(try Tools.run(tool, ["review", "cp-c", "--agency", "Hestia"]).status, 64)
    }

    /// Issue 18: under --rules current a child's plan records the ICTG referral (Modern Slavery Act 2015 s.48);
    /// under the sources it is not asked for. The check and exit records name the current rule set.
    func testICTGReferralUnderCurrentRules() throws {
        let dir = Tools.scratch()
        let c = dir.appendingPathComponent("c.ndjson").path
        let made = try Tools.run(tool, ["new", "--id", "cp-i", "--person", "C-9", "--date", "2026-11-01", "--dob", "2012-01-20", "--nationality", "GB",
                                         "--rules", "current", "--append", c])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stderr.contains("check no-ictg-referral"), "named at write time, as every check problem is: \(made.stderr)")
        XCTAssertTrue(try String(contentsOfFile: c, encoding: .utf8).hasPrefix(#"{"kind":"care-plan","v":1,"rules":"current","#), "the plan names its rule set")
        let current = try Tools.run(tool, ["check", "--rules", "current", "--as-of", "2026-11-02", c])
        XCTAssertEqual(current.status, 1)
        XCTAssertTrue(current.out.contains(#""code":"no-ictg-referral""#) && current.out.contains(#""rules":"current""#), current.out)
        let env = try Tools.sh("SAFEGUARD_RULES=current care-plan check --as-of 2026-11-02 \(c)")
        XCTAssertEqual(env.stdout, current.stdout)
        let sources = try Tools.run(tool, ["check", "--as-of", "2026-11-02", c])
        XCTAssertFalse(sources.out.contains("no-ictg-referral"), sources.out)
        XCTAssertTrue(sources.out.contains(#""rules":"sources""#), sources.out)
        let exit = try Tools.run(tool, ["exit", "cp-i", "--rules", "current", "--as-of", "2026-11-02", c])
        XCTAssertTrue(exit.out.contains(#""problem":"no-ictg-referral""#) && exit.out.contains(#""rules":"current""#), exit.out)
        let summary = try Tools.run(tool, ["summary", "cp-i", "--json", "--rules", "current", "--as-of", "2026-11-02", c])
        XCTAssertTrue(summary.out.contains(#""rules":"current""#) && summary.out.contains("no-ictg-referral"), summary.out)
        // Recorded by a review, it is no longer a problem; each value counts, declined included.
        XCTAssertEqual(try Tools.run(tool, ["review", "cp-i", "--date", "2026-11-03", "--ictg", "declined", "--append", c]).status, 0)
        let after = try Tools.run(tool, ["check", "--rules", "current", "--as-of", "2026-11-04", c])
        XCTAssertFalse(after.out.contains("no-ictg-referral"), after.out)
        XCTAssertTrue(try String(contentsOfFile: c, encoding: .utf8).contains(#""ictg":"declined""#))
        // An adult's plan holds no ICTG referral.
        XCTAssertEqual(try Tools.run(tool, ["new", "--person", "A-1", "--dob", "1990-01-01", "--public-funds", "no", "--ictg", "referred"]).status, 64)
        let given = try Tools.run(tool, ["new", "--id", "cp-j", "--person", "C-8", "--date", "2026-11-01", "--dob", "2012-01-20", "--ictg", "referred", "--rules", "current"])
        XCTAssertTrue(given.out.contains(#""ictg":"referred""#) && !given.stderr.contains("no-ictg-referral"), given.out + given.stderr)
        try Tools.assertValidAgainstSchemas(try Data(contentsOf: URL(fileURLWithPath: c)) + given.stdout + current.stdout + sources.stdout
                                            + exit.stdout + summary.stdout + after.stdout)
    }

    /// Rule 0 through the binaries: age assessments in --case decide a disputed age, on the report's date.
    func testCaseAssessmentsDecideADisputedAge() throws {
        let dir = Tools.scratch()
        let plan = try Tools.run(tool, ["new", "--id", "cp-d", "--person", "S-7", "--date", "2026-11-01", "--claimed-age", "16", "--age-disputed"])
        XCTAssertTrue(plan.out.contains(#""treated-as":"child""#) && plan.out.contains(#""age-disputed":true"#), plan.out)
        let ages = dir.appendingPathComponent("ages.ndjson").path
        XCTAssertEqual(try Tools.run("age-assess", ["new", "--id", "aa-1", "--person", "S-7", "--date", "2026-11-10", "--claimed-age", "16", "--documents", "none",
                                                    "--assessor", "SW-1,SW-2", "--appropriate-adult", "--purpose-explained", "--adverse-points-put",
                                                    "--factor", "physical,psychological,cultural", "--reasons", "Synthetic reasons", "--outcome", "assessed-older",
                                                    "--assessed-age-range", "19-21", "--conclusion", "adult", "--append", ages]).status, 0)
        let without = try Tools.run(tool, ["check", "--as-of", "2026-11-20"], stdin: plan.stdout)
        XCTAssertTrue(without.out.contains(#""treated-as":"child","made-as":"child","age-basis":"age-disputed""#), without.out)
        let with = try Tools.run(tool, ["check", "--as-of", "2026-11-20", "--case", ages], stdin: plan.stdout)
        XCTAssertTrue(with.out.contains(#""treated-as":"adult","made-as":"child","age-basis":"assessed-18-or-over""#), with.out)
        XCTAssertTrue(with.out.contains("age-group-changed"), with.out)
        let before = try Tools.run(tool, ["check", "--as-of", "2026-11-09", "--case", ages], stdin: plan.stdout)
        XCTAssertTrue(before.out.contains(#""treated-as":"child""#), "an assessment made after the as-of does not count")
        // care-plan new gives the same answer from the same assessments.
        let adultPlan = try Tools.run(tool, ["new", "--person", "S-7", "--date", "2026-11-20", "--claimed-age", "16", "--age-disputed", "--public-funds", "no", "--case", ages])
        XCTAssertEqual(adultPlan.status, 0, adultPlan.stderr)
        XCTAssertTrue(adultPlan.out.contains(#""treated-as":"adult""#), adultPlan.out)
    }

    /// The indicator catalogue prints the internal-trafficking and CSE signs, and Annex 1's fourth column.
    func testIndicatorsPrintTheNewSignsAndTheFourthColumn() throws {
        let r = try Tools.run("nrm-referral", ["indicators", "--setting", "internal-trafficking-cse"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for code in ["cse-short-missing-spells", "cse-gifts-from-older-men", "cse-secrecy", "cse-drugs-alcohol", "cse-taxi-to-adult-address", "work-in-nail-bars"] {
            XCTAssertTrue(r.out.contains(#""code":"\#(code)""#), code)
        }
        let schools = try Tools.run("nrm-referral", ["indicators", "--setting", "schools"])
        XCTAssertTrue(schools.out.contains(#""picking-up-signs":["Training and information materials for teachers"]"#), schools.out)
        try Tools.assertValidAgainstSchemas(try Tools.run("nrm-referral", ["indicators"]).stdout)
    }
}
