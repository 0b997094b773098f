import XCTest
@testable import SafeguardCore

final class WorkingDaysTests: XCTestCase {
    /// England and Wales bank holidays 2020-2030, typed from the published lists
    /// (gov.uk/bank-holidays and the proclamations). The moved days are here as
    /// published (2020-05-08 VE Day for the early May holiday; 2022-06-02 for the
    /// spring holiday); the one-off additions (2022-06-03 Platinum Jubilee,
    /// 2022-09-19 State Funeral, 2023-05-08 Coronation) are not computed, and are
    /// checked below through a holidays file.
    static let published: [Int: [String]] = [
        2020: ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"],
        2021: ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"],
        2022: ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-08-29", "2022-12-26", "2022-12-27"],
        2023: ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"],
        2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
        2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
        2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
        2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
        2028: ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"],
        2029: ["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"],
        2030: ["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"],
    ]
    static let oneOffs = ["2022-06-03", "2022-09-19", "2023-05-08"]

    func d(_ s: String) -> CivilDate { CivilDate(s)! }

    func testEveryBankHolidayOf2020To2030() {
        for year in 2020...2030 {
            XCTAssertEqual(WorkingCalendar.bankHolidays(year: year).map(\.description), Self.published[year], "\(year)")
        }
    }

    func testWeekdaysAndEaster() {
        XCTAssertEqual(d("1970-01-01").isoWeekday, 4)   // Thursday
        XCTAssertEqual(d("2025-04-17").isoWeekday, 4)
        XCTAssertEqual(d("1969-12-28").isoWeekday, 7)   // before day 0
        XCTAssertEqual(CivilDate.easterSunday(year: 2025), d("2025-04-20"))
        XCTAssertEqual(CivilDate.easterSunday(year: 2038), d("2038-04-25"))   // the latest possible
        XCTAssertEqual(CivilDate.easterSunday(year: 2285), d("2285-03-22"))   // the earliest possible
    }

    func testOneOffsComeFromTheHolidaysFile() throws {
        let plain = WorkingCalendar()
        for day in Self.oneOffs { XCTAssertTrue(plain.isWorkingDay(d(day)), day) }
        let file = "# one-off bank holidays\n2022-06-03 Platinum Jubilee\n\n2022-09-19 State Funeral\n2023-05-08\n"
        let calendar = WorkingCalendar(extra: try WorkingCalendar.holidays(fromFileText: file))
        for day in Self.oneOffs { XCTAssertFalse(calendar.isWorkingDay(d(day)), day) }
        // The published 2022 and 2023 lists, one-offs included.
        let y2022 = (Self.published[2022]! + ["2022-06-03", "2022-09-19"]).sorted()
        XCTAssertEqual((d("2022-01-01").dayNumber...d("2022-12-31").dayNumber).map(CivilDate.init(dayNumber:))
            .filter { !$0.isWeekend && calendar.isHoliday($0) }.map(\.description), y2022)
        XCTAssertThrowsError(try WorkingCalendar.holidays(fromFileText: "2022-06-03\n3 June 2022\n")) { e in
            XCTAssertTrue("\(e)".contains("line 2"), "\(e)")
        }
    }

    func testRGDueInFiveWorkingDaysOverEaster() {
        // Thu 17 April 2025: Good Friday 18, Easter Monday 21; the fifth working day is Mon 28 April.
        XCTAssertEqual(WorkingCalendar().adding(workingDays: 5, to: d("2025-04-17")), d("2025-04-28"))
        XCTAssertEqual(d("2025-04-17").adding(days: 5), d("2025-04-22"))
        XCTAssertEqual(WorkingCalendar().adding(workingDays: 5, to: d("2025-04-28")), d("2025-05-06"))   // over early May
        XCTAssertEqual(WorkingCalendar().adding(workingDays: 0, to: d("2025-04-19")), d("2025-04-19"))
        let funeral = WorkingCalendar(extra: [d("2022-09-19")])
        XCTAssertEqual(funeral.adding(workingDays: 1, to: d("2022-09-16")), d("2022-09-20"))
        XCTAssertEqual(WorkingCalendar().adding(workingDays: 1, to: d("2022-09-16")), d("2022-09-19"))
    }
}
