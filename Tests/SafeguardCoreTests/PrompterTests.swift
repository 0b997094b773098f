import XCTest
@testable import SafeguardCore
@testable import SafeguardCLI

final class PrompterTests: XCTestCase {
    /// A prompter fed scripted answers; returns it and the transcript.
    func scripted(_ answers: [String]) -> (Prompter, () -> String) {
        var queue = answers[...]
        var transcript = ""
        let p = Prompter(readLine: { queue.popFirst() }, write: { transcript += $0 })
        return (p, { transcript })
    }

    func testReasksUntilTheAnswerIsValid() throws {
        let (p, transcript) = scripted(["2025-02-30", "", "2025-02-28"])
        XCTAssertEqual(try p.required("Date", parse: Parse.date), CivilDate("2025-02-28"))
        XCTAssertTrue(transcript().contains("'2025-02-30' is not a real date"))
        XCTAssertTrue(transcript().contains("An answer is needed."))
    }

    func testDefaultsAndOptionalAnswers() throws {
        let (p, _) = scripted(["", ""])
        XCTAssertEqual(try p.required("Date", defaultAnswer: "2026-01-02", parse: Parse.date), CivilDate("2026-01-02"))
        XCTAssertNil(try p.ask("Name", optional: true, parse: Parse.text))
    }

    func testNumberedChoices() throws {
        let (p, transcript) = scripted(["9", "2", "labour", "1, 3,1", "x", "male"])
        XCTAssertEqual(try p.choose("Sex", from: Sex.allCases), .male)
        XCTAssertTrue(transcript().contains("Choose a number from 1 to 4."))
        XCTAssertTrue(transcript().contains("  1) Female"))
        XCTAssertEqual(try p.choose("Type", from: ExploitationType.allCases), .labour)
        XCTAssertEqual(try p.chooseMany("Types", from: ExploitationType.allCases), [.sexual, .domesticServitude])
        XCTAssertEqual(try p.choose("Sex", from: Sex.allCases), .male)
    }

    func testEndOfInputCancels() {
        let (p, _) = scripted(["S-1"])
        XCTAssertEqual(try? p.required("Id", parse: Parse.id), RecordID("S-1"))
        XCTAssertThrowsError(try p.required("Next", parse: Parse.text)) { XCTAssertTrue($0 is PromptCancelled) }
    }

    func testConfirmation() throws {
        let (p, transcript) = scripted(["maybe", "n"])
        XCTAssertEqual(try p.confirm("Referral", [("Subject id", "S-1")]), .discard)
        XCTAssertTrue(transcript().contains("Subject id: S-1"))
        XCTAssertTrue(transcript().contains("Answer y or n."))
    }

    /// A prompter whose clock says 2026-03-31, 12:00 UTC (13:00 BST).
    func dated(_ answers: [String]) -> (Prompter, () -> String) {
        var queue = answers[...]
        var transcript = ""
        let env = Environment(today: { CivilDate("2026-03-31")! }, now: { DateTime("2026-03-31T12:00:00Z")! }, standardInputIsTerminal: true)
        let p = Prompter(readLine: { queue.popFirst() }, write: { transcript += $0 }, environment: env)
        return (p, { transcript })
    }

    /// A UK caseworker's dates: dd/mm/yyyy, d/m/yyyy, today, yesterday; each echoed in ISO and in words.
    func testDatesAsAUKCaseworkerTypesThemAreEchoedInISOAndInWords() throws {
        let (p, transcript) = dated(["14/03/2010", "1/2/2011", "today", "Yesterday", "31/02/2010", "2010-03-14"])
        XCTAssertEqual(try p.date("Date of birth"), CivilDate("2010-03-14"))
        XCTAssertTrue(transcript().contains("= 2010-03-14 (14 March 2010)"), transcript())
        XCTAssertEqual(try p.date("D"), CivilDate("2011-02-01"))
        XCTAssertTrue(transcript().contains("= 2011-02-01 (1 February 2011)"))
        XCTAssertEqual(try p.date("D"), CivilDate("2026-03-31"))
        XCTAssertEqual(try p.date("D"), CivilDate("2026-03-30"))
        XCTAssertEqual(try p.date("D"), CivilDate("2010-03-14"))
        XCTAssertTrue(transcript().contains("'31/02/2010' is not a real date; write it as dd/mm/yyyy"), transcript())
    }

    /// Options keep ISO only: the prompt's spellings are the prompt's.
    func testOptionsKeepISODates() {
        let flag = Flag<CivilDate?>("dob", value: "DATE", help: "", .date)
        XCTAssertThrowsError(try Flag<CivilDate?>.parse("14/03/2010", ValueParser<CivilDate>.date, flag.long))
        XCTAssertNotNil(try? Flag<CivilDate?>.parse("2010-03-14", ValueParser<CivilDate>.date, flag.long))
        let time = Flag<DateTime?>("at", value: "DATETIME", help: "", .dateTime)
        XCTAssertThrowsError(try Flag<DateTime?>.parse("2026-11-30T18:00", ValueParser<DateTime>.dateTime, time.long))
        XCTAssertThrowsError(try Flag<DateTime?>.parse("now", ValueParser<DateTime>.dateTime, time.long))
    }

    /// Changing an answer at the confirmation: the form is filled again, the
    /// others kept while they hold; one that no longer holds is asked again.
    func testChangingAnAnswerChecksTheAnswersThatDependOnIt() throws {
        let (p, transcript) = dated(["01/01/2026", "05/01/2026", "F-1", "9", "1", "10/01/2026", "20/01/2026", "y"])
        func fill() throws -> (CivilDate, CivilDate, String) {
            let start = try p.date("Start")!
            let end = try p.required("End", describe: { $0.echoed }) { t in
                Parse.promptDate(t, today: p.environment.today()).flatMap { $0 < start ? .failure(InputProblem("The end is before the start.")) : .success($0) }
            }
            let id = try p.required("File id", parse: Parse.text)
            return (start, end, id)
        }
        var result = try fill()
        var decision = try p.confirm("Episode", [])
        XCTAssertTrue(transcript().contains("1  Start:   2026-01-01 (1 January 2026)"), transcript())
        XCTAssertTrue(transcript().contains("3  File id: F-1"), transcript())
        XCTAssertTrue(transcript().contains("Answer y, n, or a number from 1 to 3."), transcript())
        XCTAssertEqual(decision, .change(1))
        p.startChanging(1)
        result = try fill()
        XCTAssertTrue(transcript().contains("Start (dd/mm/yyyy) [01/01/2026]"), "the old answer is offered: \(transcript())")
        XCTAssertTrue(transcript().contains("The answer to \"End\" no longer holds: The end is before the start."), transcript())
        decision = try p.confirm("Episode", [])
        XCTAssertEqual(decision, .write)
        XCTAssertEqual(result.0, CivilDate("2026-01-10"))
        XCTAssertEqual(result.1, CivilDate("2026-01-20"))
        XCTAssertEqual(result.2, "F-1", "an answer that still holds is kept without asking")
        XCTAssertEqual(transcript().components(separatedBy: "File id:").count - 1, 3, "asked once, shown in two summaries")
    }
}
