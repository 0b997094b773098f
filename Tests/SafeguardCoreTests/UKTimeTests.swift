import XCTest
@testable import SafeguardCore

/// UK local time at the prompt (Europe/London: GMT, and BST from the last
/// Sunday in March to the last Sunday in October, 01:00 UTC), and dates in words.
final class UKTimeTests: XCTestCase {
    let today = CivilDate("2026-11-30")!
    let now = DateTime("2026-11-30T17:45:00Z")!

    func t(_ text: String) -> DateTime? {
        if case .success(let v) = Parse.promptDateTime(text, now: now, today: today) { return v }
        return nil
    }

    func testAnOffsetLessTimeIsUKTime() {
        XCTAssertEqual(t("2026-11-30T18:00")?.description, "2026-11-30T18:00:00Z", "GMT in winter")
        XCTAssertEqual(t("2026-07-01T18:00")?.description, "2026-07-01T18:00:00+01:00", "BST in summer")
        XCTAssertEqual(t("30/11/2026 18:00")?.description, "2026-11-30T18:00:00Z")
        XCTAssertEqual(t("1/7/2026 09:05:30")?.description, "2026-07-01T09:05:30+01:00")
        XCTAssertEqual(t("today 18:00")?.description, "2026-11-30T18:00:00Z")
        XCTAssertEqual(t("2026-07-01T18:00:00-04:00")?.description, "2026-07-01T18:00:00-04:00", "an offset given is kept")
        XCTAssertEqual(t("now"), now)
        XCTAssertNil(t("2026-11-30T25:00"))
        XCTAssertNil(t("30/11/26 18:00"))
    }

    /// The clock changes: 2026-03-29 and 2026-10-25 (the last Sundays).
    func testTheClockChanges() {
        XCTAssertEqual(t("2026-03-29T00:59")?.description, "2026-03-29T00:59:00Z")
        XCTAssertNil(t("2026-03-29T01:30"), "01:00 to 02:00 does not happen in spring")
        XCTAssertEqual(t("2026-03-29T02:00")?.description, "2026-03-29T02:00:00+01:00")
        // 01:30 happens twice in autumn: the earlier instant (BST) is taken, so no time missing is lost.
        XCTAssertEqual(t("2026-10-25T01:30")?.description, "2026-10-25T01:30:00+01:00")
        XCTAssertEqual(t("2026-10-25T02:00")?.description, "2026-10-25T02:00:00Z")
        XCTAssertEqual(UKTime.offsetMinutes(at: DateTime("2026-10-25T00:59:59Z")!.seconds), 60)
        XCTAssertEqual(UKTime.offsetMinutes(at: DateTime("2026-10-25T01:00:00Z")!.seconds), 0)
        if case .failure(let p) = Parse.promptDateTime("29/03/2026 01:30", now: now, today: today) {
            XCTAssertTrue(p.message.contains("did not happen in the UK"), p.message)
        } else { XCTFail("the spring gap is refused") }
    }

    func testDatesInWords() {
        XCTAssertEqual(CivilDate("2010-03-14")!.inWords, "14 March 2010")
        XCTAssertEqual(CivilDate("2010-03-14")!.echoed, "2010-03-14 (14 March 2010)")
        XCTAssertEqual(DateTime("2026-07-01T17:00:00Z")!.inWordsUK, "1 July 2026, 18:00 BST")
        XCTAssertEqual(DateTime("2026-11-30T18:00:00Z")!.echoed, "2026-11-30T18:00:00Z (30 November 2026, 18:00 GMT)")
        XCTAssertEqual(TextWords.due(CivilDate("2026-11-21")!, asOf: CivilDate("2026-11-23")!), "2 days overdue")
        XCTAssertEqual(TextWords.due(CivilDate("2026-11-23")!, asOf: CivilDate("2026-11-23")!), "due today")
        XCTAssertEqual(TextWords.due(CivilDate("2026-11-24")!, asOf: CivilDate("2026-11-23")!), "due in 1 day")
    }

    func testPromptDates() {
        func d(_ s: String) -> CivilDate? { try? Parse.promptDate(s, today: today).get() }
        XCTAssertEqual(d("14/03/2010"), CivilDate("2010-03-14"))
        XCTAssertEqual(d("4/3/2010"), CivilDate("2010-03-04"))
        XCTAssertEqual(d("TODAY"), today)
        XCTAssertEqual(d("yesterday"), CivilDate("2026-11-29"))
        XCTAssertNil(d("29/02/2025"))
        XCTAssertNil(d("14/3/10"))
        XCTAssertNil(d("14-03-2010"))
        XCTAssertNil(d("/3/2010"))
    }
}
