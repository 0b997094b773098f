import XCTest

/// Each `new` command builds its record through one form: the same answers
/// typed at the prompt and given as options make byte-identical records.
final class PromptAndOptionsTests: XCTestCase {
    /// Runs `tool new` twice with a fixed --id: at the prompt with `answers`, and from `options`.
    func assertSame(_ tool: String, _ command: String, answers: [String], options: [String], prompted extra: [String] = [],
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let fixed = ["--id", "rec-1"]
        let prompted = try Tools.run(tool, [command, "--interactive", "--yes"] + fixed + extra, stdin: Data((answers.joined(separator: "\n") + "\n").utf8))
        let scripted = try Tools.run(tool, [command] + fixed + options)
        XCTAssertEqual(prompted.status, 0, prompted.stderr, file: file, line: line)
        XCTAssertEqual(scripted.status, 0, scripted.stderr, file: file, line: line)
        XCTAssertFalse(scripted.out.isEmpty, file: file, line: line)
        XCTAssertEqual(prompted.out, scripted.out, "\(tool) \(command): the prompt and the options made different records", file: file, line: line)
    }

    func testReferral() throws {
        try assertSame("nrm-referral", "new",
                       answers: ["S-9", "", "2026-11-20", "2012-05-01", "n", "female", "AL", "sq,en", "y", "police", "sexual,labour", "", ""],
                       options: ["--subject", "S-9", "--dob", "2012-05-01", "--sex", "female", "--nationality", "AL", "--language", "sq,en",
                                 "--interpreter-needed", "--first-responder", "police", "--received", "2026-11-20", "--exploitation", "sexual,labour"])
    }

    func testAgeAssessment() throws {
        try assertSame("age-assess", "new",
                       answers: ["P-1", "2026-11-20", "", "16", "none", "SW-1", "SW-2:untrained", "", "n", "", "y", "y", "y",
                                 "physical,psychological,cultural", "", "assessed-older", "", "17-19", "adult"],
                       options: ["--person", "P-1", "--date", "2026-11-20", "--claimed-age", "16", "--documents", "none",
                                 "--assessor", "SW-1,SW-2:untrained", "--appropriate-adult", "--purpose-explained", "--adverse-points-put",
                                 "--factor", "physical,psychological,cultural", "--outcome", "assessed-older", "--assessed-age-range", "17-19",
                                 "--conclusion", "adult"])
    }

    func testMissingEvents() throws {
        try assertSame("missing-child", "placement", answers: ["C-1", "2011-02-03", "Oak House", "2026-11-01", "y"],
                       options: ["--child", "C-1", "--dob", "2011-02-03", "--placement", "Oak House", "--start", "2026-11-01", "--trafficking-concern"])
        try assertSame("missing-child", "start", answers: ["C-1", "2026-11-20T18:00:00Z", "missing", "Oak House", "2026-11-20T19:00:00Z", "PR-7", "y"],
                       options: ["--child", "C-1", "--last-seen", "2026-11-20T18:00:00Z", "--type", "missing", "--from", "Oak House",
                                 "--reported-to-police", "2026-11-20T19:00:00Z", "--police-reference", "PR-7", "--may-have-been-moved"])
        try assertSame("missing-child", "return", answers: ["C-1", "2026-11-21T09:30:00Z", "", "placement"],
                       options: ["--child", "C-1", "--returned", "2026-11-21T09:30:00Z", "--to", "placement"])
        try assertSame("missing-child", "return", answers: ["C-1", "2026-11-21T09:30:00Z", "", "other-adult", "y", "n", "y"],
                       options: ["--child", "C-1", "--returned", "2026-11-21T09:30:00Z", "--to", "other-adult", "--enquiries-done", "--adult-photo-id"])
        try assertSame("missing-child", "placement", answers: ["C-1", "2011-02-03", "Oak House", "2026-11-01", "n"],
                       options: ["--child", "C-1", "--dob", "2011-02-03", "--placement", "Oak House", "--start", "2026-11-01", "--no-trafficking-concern"])
        try assertSame("missing-child", "concern", answers: ["C-1", "lifted", "Synthetic reason", "2026-12-01"],
                       options: ["--child", "C-1", "--lifted", "--reason", "Synthetic reason", "--on", "2026-12-01"])
        try assertSame("missing-child", "notify", answers: ["C-1", "home-office", "2026-11-20T20:00:00Z"],
                       options: ["--child", "C-1", "--agency", "home-office", "--at", "2026-11-20T20:00:00Z"])
        try assertSame("missing-child", "review", answers: ["C-1", "2026-11-25", "police,childrens-social-care"],
                       options: ["--child", "C-1", "--held", "2026-11-25", "--by", "police,childrens-social-care"])
        try assertSame("missing-child", "interview", answers: ["C-1", "done", "2026-11-22T10:00:00Z", "SW-01", "y"],
                       options: ["--child", "C-1", "--status", "done", "--at", "2026-11-22T10:00:00Z", "--by", "SW-01", "--independent"])
    }

    func testCarePlan() throws {
        try assertSame("care-plan", "new",
                       answers: ["2026-11-20", "P-2", "2011-01-01", "n", "AL", "SW-1", "accommodation,emotional-support", "sexual",
                                 "high", "high", "medium", "high", "low", "medium", "high", "2026-11-19", "not-needed",
                                 "Key worker on shift", "police", "specialist-foster-care", "y", "", "cse,missing"],
                       options: ["--date", "2026-11-20", "--person", "P-2", "--dob", "2011-01-01", "--nationality", "AL",
                                 "--lead-professional", "SW-1", "--need", "accommodation,emotional-support", "--exploitation", "sexual",
                                 "--risk", "community-safe=high,public-funds=high,understands=medium,can-keep-safe=high,family-friends-risk=low,abduction=medium,going-missing=high",
                                 "--safety-plan-reviewed", "2026-11-19", "--interpreter", "not-needed",
                                 "--missing-strategy", "Key worker on shift", "--notify-if-missing", "police",
                                 "--placement-type", "specialist-foster-care", "--strategy-meeting-held", "--risk-considered", "cse,missing"])
    }

    /// Under --rules current the prompt asks the questions of current practice: the ICTG referral of a child's plan,
    /// the county-lines flag of a criminal-exploitation referral.
    func testCurrentRulesQuestions() throws {
        try assertSame("care-plan", "new",
                       answers: ["2026-11-20", "P-3", "2011-01-01", "n", "GB", "SW-1", "accommodation,education", "criminal",
                                 "low", "low", "low", "low", "low", "low", "low", "2026-11-19", "not-needed",
                                 "Key worker on shift", "police,home-office", "specialist-foster-care", "y", "", "cse,missing,trafficking", "not-available"],
                       options: ["--rules", "current", "--date", "2026-11-20", "--person", "P-3", "--dob", "2011-01-01", "--nationality", "GB",
                                 "--lead-professional", "SW-1", "--need", "accommodation,education", "--exploitation", "criminal",
                                 "--risk", "community-safe=low,public-funds=low,understands=low,can-keep-safe=low,family-friends-risk=low,abduction=low,going-missing=low",
                                 "--safety-plan-reviewed", "2026-11-19", "--interpreter", "not-needed",
                                 "--missing-strategy", "Key worker on shift", "--notify-if-missing", "police,home-office",
                                 "--placement-type", "specialist-foster-care", "--strategy-meeting-held", "--risk-considered", "cse,missing,trafficking",
                                 "--ictg", "not-available"], prompted: ["--rules", "current"])
        try assertSame("nrm-referral", "new",
                       answers: ["S-9", "", "2026-11-20", "2012-05-01", "n", "male", "GB", "en", "n", "police", "criminal", "y", "", ""],
                       options: ["--rules", "current", "--subject", "S-9", "--dob", "2012-05-01", "--sex", "male", "--nationality", "GB", "--language", "en",
                                 "--first-responder", "police", "--received", "2026-11-20", "--exploitation", "criminal", "--county-lines"],
                       prompted: ["--rules", "current"])
        try assertSame("age-assess", "new",
                       answers: ["P-1", "2026-11-20", "", "16", "none", "SW-1", "SW-2", "", "naab", "n", "", "y", "y", "y",
                                 "physical,psychological,cultural", "", "assessed-older", "", "17-19", "adult", "2026-11-19", "Synthetic response"],
                       options: ["--rules", "current", "--person", "P-1", "--date", "2026-11-20", "--claimed-age", "16", "--documents", "none",
                                 "--assessor", "SW-1,SW-2", "--assessed-by", "naab", "--appropriate-adult", "--purpose-explained", "--adverse-points-put",
                                 "--factor", "physical,psychological,cultural", "--outcome", "assessed-older", "--assessed-age-range", "17-19",
                                 "--conclusion", "adult", "--minded-to-date", "2026-11-19", "--minded-to-response", "Synthetic response"],
                       prompted: ["--rules", "current"])
    }
}
