import XCTest
@testable import SafeguardCore

final class CivilDateTests: XCTestCase {
    func d(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> CivilDate {
        guard let v = CivilDate(s) else { XCTFail("bad date \(s)", file: file, line: line); return CivilDate(dayNumber: 0) }
        return v
    }

    func testParsesOnlyRealDates() {
        for good in ["2024-02-29", "2000-02-29", "1970-01-01", "2026-12-31", "0001-01-01", "9999-12-31"] {
            XCTAssertEqual(CivilDate(good)?.description, good)
        }
        for bad in ["2025-02-30", "2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
                    "26-01-01", "2026/01/01", "2026-01-01T00:00", " 2026-01-01", "２０２６-01-01", "0000-01-01", "", "abcd-ef-gh"] {
            XCTAssertNil(CivilDate(bad), bad)
        }
    }

    func testDayArithmeticAcrossBoundaries() {
        XCTAssertEqual(d("2026-12-29").adding(days: 5), d("2027-01-03"))
        XCTAssertEqual(d("2024-02-27").adding(days: 5), d("2024-03-03"))   // leap year: 28, 29, 1, 2, 3
        XCTAssertEqual(d("2025-02-27").adding(days: 5), d("2025-03-04"))
        XCTAssertEqual(d("2026-01-31").adding(days: 1), d("2026-02-01"))
        XCTAssertEqual(d("2026-03-01").adding(days: -1), d("2026-02-28"))
        XCTAssertEqual(d("2024-01-01").days(to: d("2025-01-01")), 366)
        XCTAssertEqual(d("2025-01-01").days(to: d("2026-01-01")), 365)
        XCTAssertEqual(d("2026-11-23").days(to: d("2026-11-20")), -3)
        XCTAssertEqual(d("1970-01-01").dayNumber, 0)
        XCTAssertEqual(d("2000-03-01").dayNumber, 11017)
    }

    func testRoundTripsEveryDayOfFourCenturies() {
        var day = d("1900-01-01")
        for _ in 0..<(400 * 366) {
            let (y, m, dd) = day.components
            XCTAssertEqual(CivilDate(year: y, month: m, day: dd), day)
            day = day.adding(days: 1)
        }
    }

    /// Hand-checked: age in whole years, child or adult, and the 18th birthday.
    func testAgeOnADate() {
        let table: [(dob: String, on: String, age: Int, eighteenth: String)] = [
            ("2008-11-23", "2026-11-23", 18, "2026-11-23"),   // 18 on the birthday itself
            ("2008-11-24", "2026-11-23", 17, "2026-11-24"),   // the day before
            ("2008-12-31", "2026-12-30", 17, "2026-12-31"),   // year end
            ("2008-12-31", "2026-12-31", 18, "2026-12-31"),
            ("2009-01-01", "2026-12-31", 17, "2027-01-01"),   // new year's day birthday
            ("2008-02-29", "2026-02-28", 17, "2026-03-01"),   // leap-day birthday: 1 March in a common year
            ("2008-02-29", "2026-03-01", 18, "2026-03-01"),
            ("2004-02-29", "2022-02-28", 17, "2022-03-01"),
            ("2004-02-29", "2022-03-01", 18, "2022-03-01"),
            ("2012-02-29", "2030-02-28", 17, "2030-03-01"),
            ("2000-02-29", "2018-02-28", 17, "2018-03-01"),
            ("2000-01-15", "2000-01-15", 0, "2018-01-15"),
            ("2010-06-15", "2026-06-14", 15, "2028-06-15"),
        ]
        for row in table {
            let dob = d(row.dob)
            XCTAssertEqual(dob.age(on: d(row.on)), row.age, "\(row.dob) on \(row.on)")
            XCTAssertEqual(dob.birthday(turning: 18), d(row.eighteenth), row.dob)
        }
        XCTAssertNil(d("2026-01-02").age(on: d("2026-01-01")))
        XCTAssertEqual(d("2026-03-09").ukFormat, "09/03/2026")
    }
}

final class DateEdgeTests: XCTestCase {
    /// Found by fuzz-dates: anniversaries past year 9999 (and claimed ages near year 1) crashed.
    func testAnniversariesOutsideTheWrittenRange() throws {
        let last = CivilDate("9999-12-31")!
        XCTAssertEqual(last.age(on: last.adding(days: 366)), 1)
        XCTAssertNotNil(last.birthday(turning: 18))
        // Worked out without a crash, and refused: those dates cannot be written (issue 11).
        XCTAssertThrowsError(try ClaimedAgeRange(age: 30, on: CivilDate("0001-01-01")!))
        let r = try ClaimedAgeRange(age: 30, on: CivilDate("0032-01-01")!)
        XCTAssertEqual(r.latestDOB.age(on: CivilDate("0032-01-01")!), 30)
    }
}
