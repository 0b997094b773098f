import XCTest

/// Issue 12, rules 1, 2, 3, 8 and 13, through the binaries: each fails safe
/// (in doubt a person is a child, a protection is never ended early in
/// silence, a bad answer is asked again at once).
final class AgeAndNRMFailSafeTests: XCTestCase {
    /// An age-assessment made through `age-assess new` with every safeguard
    /// but the ones `extra` changes; by default sound, finding an adult.
    func assessment(_ id: String, date: String, documents: String = "none", factors: String = "physical,psychological,cultural",
                    outcome: [String] = ["--outcome", "assessed-older", "--assessed-age-range", "20-22", "--conclusion", "adult"],
                    extra: [String] = []) throws -> Data {
        let r = try Tools.run("age-assess", ["new", "--id", id, "--person", "S-7", "--date", date, "--claimed-age", "16",
                                             "--documents", documents, "--assessor", "SW-1,SW-2", "--appropriate-adult",
                                             "--purpose-explained", "--adverse-points-put", "--factor", factors,
                                             "--reasons", "Synthetic reasons"] + outcome + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    let under18 = ["--outcome", "claimed-age-accepted", "--conclusion", "child"]
    let inconclusive = ["--outcome", "inconclusive", "--conclusion", "child"]

    func check(_ record: Data) throws -> (status: Int32, out: String) {
        let r = try Tools.run("age-assess", ["check"], stdin: record)
        return (r.status, r.out)
    }

    // MARK: Rule 1: never on appearance alone; documents a factor only when seen (SOLACE L312).

    func testRule1DocumentaryIsAFactorOnlyWhenDocumentsWereSeen() throws {
        let appearance = try check(try assessment("aa-1", date: "2026-11-20", factors: "physical,documentary"))
        XCTAssertEqual(appearance.status, 1, "gaps found")
        XCTAssertTrue(appearance.out.contains(#""sound":false"#), appearance.out)
        XCTAssertTrue(appearance.out.contains(#""code":"appearance-or-medical-only""#), appearance.out)
        XCTAssertTrue(appearance.out.contains(#""code":"documentary-without-documents""#), appearance.out)
        // Documents held by a third party were not seen either.
        let held = try check(try assessment("aa-2", date: "2026-11-20", documents: "held-by-third-party",
                                            factors: "physical,psychological,cultural,documentary"))
        XCTAssertTrue(held.out.contains(#""code":"documentary-without-documents""#), held.out)
        XCTAssertFalse(held.out.contains("appearance-or-medical-only"), held.out)
        // Passing fixtures: genuine documents seen and considered, with the three factors.
        let seen = try check(try assessment("aa-3", date: "2026-11-20", documents: "genuine", factors: "physical,psychological,cultural,documentary"))
        XCTAssertEqual(seen.status, 0, seen.out)
        XCTAssertTrue(seen.out.contains(#""sound":true,"gaps":[]"#), seen.out)
        let doubtful = try check(try assessment("aa-4", date: "2026-11-20", documents: "false-or-doubtful",
                                                factors: "physical,psychological,cultural,documentary"))
        XCTAssertEqual(doubtful.status, 0, "false documents were seen, and weighed: \(doubtful.out)")
    }

    // MARK: Rule 2: physical, psychological and cultural factors all considered (SOLACE L316).

    func testRule2EachMissingFactorIsAGapWithItsOwnCode() throws {
        let psychological = try check(try assessment("aa-1", date: "2026-11-20", factors: "psychological"))
        XCTAssertEqual(psychological.status, 1)
        XCTAssertTrue(psychological.out.contains(#""sound":false"#))
        XCTAssertTrue(psychological.out.contains(#""code":"physical-not-considered""#), psychological.out)
        XCTAssertTrue(psychological.out.contains(#""code":"cultural-not-considered""#), psychological.out)
        XCTAssertFalse(psychological.out.contains("psychological-not-considered"))
        let two = try check(try assessment("aa-2", date: "2026-11-20", factors: "physical,psychological"))
        XCTAssertEqual(two.status, 1)
        XCTAssertTrue(two.out.contains(#""gaps":[{"code":"cultural-not-considered""#), two.out)
        XCTAssertEqual(two.out.components(separatedBy: #""code":"#).count, 2, "only the one missing factor: \(two.out)")
        let none = try check(try assessment("aa-3", date: "2026-11-20", documents: "genuine", factors: "medical,documentary"))
        for code in ["physical-not-considered", "psychological-not-considered", "cultural-not-considered"] {
            XCTAssertTrue(none.out.contains(#""code":"\#(code)""#), code)
        }
        let all = try check(try assessment("aa-4", date: "2026-11-20"))
        XCTAssertEqual(all.status, 0, all.out)
    }

    // MARK: Rule 3: any later doubt reopens the presumption (SOLACE L312).

    /// Assessment histories of S-7 and the treatment each gives on 2026-06-01.
    var histories: [(name: String, records: [Data], expect: String)] {
        get throws {
            let soundAdult = try assessment("aa-1", date: "2026-01-10")
            return [
                ("no assessment", [], "child"),
                ("a sound adult finding", [soundAdult], "adult"),
                ("a sound adult finding, then a gappy finding of under 18", [
                    soundAdult, try assessment("aa-2", date: "2026-03-01", outcome: under18, extra: ["--interpreter-needed"])], "child"),
                ("a sound adult finding, then a finding of under 18 on genuine documents alone", [
                    soundAdult, try assessment("aa-2", date: "2026-03-01", documents: "genuine", factors: "documentary", outcome: under18)], "child"),
                ("a sound adult finding, then a sound finding of under 18", [
                    soundAdult, try assessment("aa-2", date: "2026-03-01", outcome: ["--outcome", "assessed-younger", "--assessed-age-range", "15-16",
                                                                                      "--conclusion", "child"])], "child"),
                ("a sound adult finding, then an inconclusive one", [
                    soundAdult, try assessment("aa-2", date: "2026-03-01", outcome: inconclusive)], "adult"),
                ("a gappy finding of under 18, then a newer sound adult finding", [
                    try assessment("aa-2", date: "2025-12-01", outcome: under18, extra: ["--interpreter-needed"]), soundAdult], "adult"),
                ("a sound adult finding, then a gappy adult finding", [
                    soundAdult, try assessment("aa-2", date: "2026-03-01", factors: "physical")], "child"),
                ("a gappy adult finding only", [try assessment("aa-2", date: "2026-03-01", factors: "physical")], "child"),
                ("later findings out of line order", [
                    try assessment("aa-2", date: "2026-03-01", outcome: under18, extra: ["--interpreter-needed"]), soundAdult], "child"),
            ]
        }
    }

    func testRule3ALaterFindingOfUnder18ReopensTheChildPresumption() throws {
        var all = Data()
        for (name, records, expect) in try histories where !records.isEmpty {
            let r = try Tools.run("age-assess", ["status", "--as-of", "2026-06-01"], stdin: records.reduce(Data(), +))
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.out.contains(#""treated-as":"\#(expect)""#), "\(name): \(r.out)")
            all.append(r.stdout)
        }
        try Tools.assertValidAgainstSchemas(all)

        // The status says why, citing the records.
        let soundAdult = try assessment("aa-1", date: "2026-01-10")
        let reopened = try Tools.run("age-assess", ["status", "--as-of", "2026-06-01"],
                                     stdin: soundAdult + (try assessment("aa-2", date: "2026-03-01", documents: "genuine", factors: "documentary", outcome: under18)))
        XCTAssertTrue(reopened.out.contains(#""treated-as":"child","basis":"reopened-by-later-assessment""#), reopened.out)
        XCTAssertTrue(reopened.out.contains(#""why":[{"code":"later-finding-under-18","assessment":"aa-2""#), reopened.out)
        XCTAssertTrue(reopened.out.contains(#"{"code":"earlier-sound-assessment-set-aside","assessment":"aa-1""#), reopened.out)
        XCTAssertFalse(reopened.out.contains(#""youngest-age""#), "no sound assessment is relied on")
        // A later inconclusive assessment leaves the sound finding in place, and is noted.
        let noted = try Tools.run("age-assess", ["status", "--as-of", "2026-06-01"],
                                  stdin: soundAdult + (try assessment("aa-2", date: "2026-03-01", outcome: inconclusive)))
        XCTAssertTrue(noted.out.contains(#""treated-as":"adult","basis":"sound-assessment","assessment":"aa-1""#), noted.out)
        XCTAssertTrue(noted.out.contains(#"{"code":"later-inconclusive","assessment":"aa-2""#), noted.out)
        // Before the later finding was made, the sound adult finding stood.
        let before = try Tools.run("age-assess", ["status", "--as-of", "2026-02-28"],
                                   stdin: soundAdult + (try assessment("aa-2", date: "2026-03-01", outcome: under18, extra: ["--interpreter-needed"])))
        XCTAssertTrue(before.out.contains(#""treated-as":"adult""#), before.out)
    }

    /// The one rule: 'age-assess status', 'nrm-referral new --assessments' and
    /// 'care-plan new' (from that referral) give the same answer for every history.
    func testTheThreeToolsGiveTheSameAnswerForEveryHistory() throws {
        let dir = Tools.scratch()
        for (k, (name, records, expect)) in try histories.enumerated() {
            let file = dir.appendingPathComponent("h\(k).ndjson")
            try records.reduce(Data(), +).write(to: file)
            let status = try Tools.run("age-assess", ["status", "--as-of", "2026-06-01", file.path],
                                       stdin: nil)
            // With no assessment, the disputed referral itself gives the person a status.
            let referral = try Tools.run("nrm-referral", ["new", "--id", "ref-\(k)", "--subject", "S-7", "--claimed-age", "19", "--age-disputed",
                                                          "--sex", "male", "--first-responder", "police", "--exploitation", "labour",
                                                          "--received", "2026-06-01", "--consent-signed", "2026-06-01", "--assessments", file.path])
            XCTAssertEqual(referral.status, 0, "\(name): \(referral.stderr)")
            var statusAnswer = status.out
            if records.isEmpty {
                statusAnswer = try Tools.run("age-assess", ["status", "--as-of", "2026-06-01"], stdin: referral.stdout).out
            }
            // A plan is a child's or an adult's: the one that is made says which.
            let plans = try [[], ["--public-funds", "no"]].map { extra in
                try Tools.run("care-plan", ["new", "--from-referral", "ref-\(k)", "--id", "cp-\(k)", "--date", "2026-06-01"] + extra,
                              stdin: referral.stdout)
            }.filter { $0.status == 0 }
            XCTAssertEqual(plans.count, 1, name)
            for (tool, out) in [("age-assess status", statusAnswer), ("nrm-referral new", referral.out), ("care-plan new", plans.first?.out ?? "")] {
                XCTAssertTrue(out.contains(#""treated-as":"\#(expect)""#), "\(name): \(tool) says otherwise: \(out)")
            }
        }
    }

    // MARK: Rule 8: no CG decision ends the recovery period early (HESTIA; SOLACE L111).

    func caseWithPositiveRG() throws -> URL {
        let file = Tools.scratch().appendingPathComponent("case.ndjson")
        for args in [["new", "--id", "ref-1", "--subject", "S-1", "--dob", "2010-03-01", "--sex", "female", "--first-responder", "police",
                      "--exploitation", "sexual", "--received", "2026-11-01", "--append", file.path],
                     ["decide", "ref-1", "--id", "dec-1", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-04", "--append", file.path]] {
            let r = try Tools.run("nrm-referral", args)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        return file   // the recovery period ends 2026-12-19
    }

    func testRule8AnEarlyCGIsKeptButNeverSilent() throws {
        let file = try caseWithPositiveRG()
        let early = ["decide", "ref-1", "--id", "dec-2", "--stage", "cg", "--outcome", "negative", "--on", "2026-12-01", "--append", file.path]
        let before = try Data(contentsOf: file)
        // From options, --confirm-early-cg is needed; nothing is written without it.
        let refused = try Tools.run("nrm-referral", early)
        XCTAssertEqual(refused.status, 64, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("before the recovery period of referral ref-1 ends (2026-12-19)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--confirm-early-cg"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: file), before)
        // At the prompt the person is warned and must confirm: no writes nothing.
        let declined = try Tools.run("nrm-referral", early + ["--interactive"], stdin: "n\n".data)
        XCTAssertEqual(declined.status, 2, declined.stderr)
        XCTAssertTrue(declined.stderr.contains("Warning: the conclusive-grounds decision is dated 2026-12-01"), declined.stderr)
        XCTAssertEqual(try Data(contentsOf: file), before)
        let confirmed = try Tools.run("nrm-referral", early + ["--interactive", "--yes"], stdin: "y\n".data)
        XCTAssertEqual(confirmed.status, 0, confirmed.stderr)
        let kept = try Data(contentsOf: file)
        XCTAssertEqual(kept.split(separator: 0x0A).count, 3, "the decision is kept")

        // Status keeps the recovery period running to its end, marked early-cg with what to do.
        let during = try Tools.run("nrm-referral", ["status", "--as-of", "2026-12-05", file.path])
        XCTAssertEqual(during.status, 0, during.stderr)
        XCTAssertTrue(during.out.contains(#""stage":"rg-positive""#), during.out)
        XCTAssertTrue(during.out.contains(#""recovery-ends":"2026-12-19""#), during.out)
        XCTAssertTrue(during.out.contains(#""cg-decided":"2026-12-01","cg-outcome":"negative""#), during.out)
        XCTAssertTrue(during.out.contains(#""early-cg":true,"action":"confirm-or-challenge-early-cg""#), during.out)
        XCTAssertTrue(during.stderr.contains("\(file.path):3: referral ref-1: early-cg"), during.stderr)
        let after = try Tools.run("nrm-referral", ["status", "--as-of", "2027-01-05", file.path])
        XCTAssertTrue(after.out.contains(#""stage":"cg-negative""#) && after.out.contains(#""early-cg":true"#), after.out)
        try Tools.assertValidAgainstSchemas(during.stdout + after.stdout)

        // Validate exits 1 (action needed), naming FILE:LINE, and still copies every line.
        let validated = try Tools.run("nrm-referral", ["validate", file.path])
        XCTAssertEqual(validated.status, 1, validated.stderr)
        XCTAssertTrue(validated.stderr.hasPrefix("nrm-referral: \(file.path):3: referral ref-1: early-cg: the conclusive-grounds decision is dated 2026-12-01"), validated.stderr)
        XCTAssertEqual(validated.stdout, kept)
        XCTAssertEqual(try Tools.run("nrm-referral", ["validate", "--recovery-days", "20", file.path]).status, 0, "the period overridden: on time")

        // A challenge: a reconsideration after the period ends; the case no longer stands.
        let challenged = try Tools.run("nrm-referral", ["decide", "ref-1", "--id", "dec-3", "--stage", "cg", "--outcome", "positive", "--on", "2027-01-10",
                                                        "--reconsideration", "--append", file.path])
        XCTAssertEqual(challenged.status, 0, challenged.stderr)
        XCTAssertEqual(try Tools.run("nrm-referral", ["validate", file.path]).status, 0)
        let resolved = try Tools.run("nrm-referral", ["status", "--as-of", "2027-01-10", file.path])
        XCTAssertTrue(resolved.out.contains(#""stage":"cg-positive""#) && !resolved.out.contains("early-cg"), resolved.out)
    }

    /// Passing fixture: a CG on or after the end of the recovery period needs no confirmation and is not marked.
    func testRule8ACGAfterTheRecoveryPeriodIsNotMarked() throws {
        let file = try caseWithPositiveRG()
        let r = try Tools.run("nrm-referral", ["decide", "ref-1", "--id", "dec-2", "--stage", "cg", "--outcome", "negative", "--on", "2026-12-19",
                                               "--append", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try Tools.run("nrm-referral", ["validate", file.path]).status, 0)
        let status = try Tools.run("nrm-referral", ["status", "--as-of", "2026-12-20", file.path])
        XCTAssertTrue(status.out.contains(#""stage":"cg-negative""#) && !status.out.contains("early-cg"), status.out)
    }

    // MARK: Rule 13: each answer checked as soon as it is given.

    func testRule13ADateOfBirthAfterTheReferralDateIsAskedAgainAtOnce() throws {
        // Subject, name, referral date, then the date of birth: after the referral date, asked again.
        let answers = ["S-9", "", "2026-11-20", "2026-12-01", "2012-05-01", "n", "female", "", "", "n", "police", "sexual", "", ""]
        let r = try Tools.run("nrm-referral", ["new", "--interactive", "--yes", "--id", "ref-1"], stdin: (answers.joined(separator: "\n") + "\n").data)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("the date of birth is after the referral date. Please try again."), r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "the date of birth is after the referral date").count, 2, "said once: \(r.stderr)")
        XCTAssertTrue(r.out.contains(#""dob":"2012-05-01""#) && r.out.contains(#""received":"2026-11-20""#), r.out)
        // From options: refused at once, with no value printed.
        let options = try Tools.run("nrm-referral", ["new", "--subject", "S-9", "--dob", "2026-12-01", "--received", "2026-11-20", "--sex", "female",
                                                     "--first-responder", "police", "--exploitation", "sexual"])
        XCTAssertEqual(options.status, 65)
        XCTAssertTrue(options.stderr.contains("the date of birth is after the referral date"), options.stderr)
        XCTAssertFalse(options.stderr.contains("2026-12-01"))
    }

    func testRule13CarePlanAsksAgainForADateOfBirthAfterThePlanDate() throws {
        // The care-plan prompt also asks the exploitation types, the risk of going missing,
        // the family's role and the risks considered (issue 14): each answered or left blank here.
        let answers = ["2026-11-20", "P-2", "2026-12-01", "2011-01-01", "n", "AL", "SW-1", "accommodation", "",
                       "high", "high", "medium", "high", "low", "medium", "medium", "2026-11-19", "not-needed",
                       "Key worker on shift", "police", "specialist-foster-care", "y", "", ""]
        let r = try Tools.run("care-plan", ["new", "--interactive", "--yes", "--id", "cp-1"], stdin: (answers.joined(separator: "\n") + "\n").data)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("the date of birth is after the plan date. Please try again."), r.stderr)
        XCTAssertTrue(r.out.contains(#""treated-as":"child""#), r.out)
        let options = try Tools.run("care-plan", ["new", "--person", "P-2", "--date", "2026-11-20", "--dob", "2026-12-01"])
        XCTAssertEqual(options.status, 65, options.stderr)
        XCTAssertFalse(options.stderr.contains("2026-12-01"), "no personal value in the message")
    }
}
