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
        XCTAssertFalse(try p.confirm("Referral", [("Subject id", "S-1")]))
        XCTAssertTrue(transcript().contains("Subject id: S-1"))
        XCTAssertTrue(transcript().contains("Answer y or n."))
    }
}
