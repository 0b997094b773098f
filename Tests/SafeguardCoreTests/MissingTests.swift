import XCTest
@testable import SafeguardCore

func dt(_ s: String) -> DateTime { DateTime(s)! }

final class DateTimeTests: XCTestCase {
    func testParsesOnlyDateTimesWithAnOffset() {
        XCTAssertEqual(dt("2026-11-20T18:30:00Z").seconds, dt("2026-11-20T19:30:00+01:00").seconds)
        XCTAssertEqual(dt("2026-11-20T18:30Z").description, "2026-11-20T18:30:00Z")
        XCTAssertEqual(dt("2026-03-31T23:30:00+01:00").description, "2026-03-31T23:30:00+01:00")
        XCTAssertEqual(dt("2026-03-31T23:30:00+01:00").localDate, CivilDate("2026-03-31"), "the date on the clock it was written with")
        XCTAssertEqual(dt("2026-11-20T18:30:00.250-05:00").seconds, dt("2026-11-20T23:30:00Z").seconds)
        for bad in ["2026-11-20T18:30:00", "2026-11-20", "2026-02-30T10:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T18:60:00Z",
                    "2026-11-20T18:30:00+1:00", "2026-11-20T18:30:00+01", "2026-11-20T18:30:00ZZ", "2026-11-20T18:30:00.Z", ""] {
            XCTAssertNil(DateTime(bad), bad)
        }
        XCTAssertEqual(dt("2026-11-20T00:00:00Z").hours(to: dt("2026-11-21T23:59:59Z")), 47)
        XCTAssertNil(DateTime("2026-11-20 18:30:00Z"), "T only, as RFC 3339 records have it")
        XCTAssertNil(DateTime("2026-11-20T18:30Z", requireSeconds: true), "records carry seconds")
        XCTAssertNotNil(DateTime("2026-11-20T18:30Z"), "a person typing may leave them out")
    }
}

final class MissingFoldTests: XCTestCase {
    let child = RecordID("C-1")!
    var line = 0

    func placement(_ start: String, concern: Bool = true) -> MissingEvent {
        .placement(Placement(id: RecordID("p\(start)")!, child: child, dob: CivilDate("2010-05-01")!, placement: "Oak House",
                             start: CivilDate(start)!, traffickingConcern: concern))
    }
    func start(_ t: String, type: MissingType = .missing, reported: String? = nil, moved: Bool = false) -> MissingEvent {
        .start(MissingStart(id: RecordID("s-\(line)")!, child: child, lastSeen: dt(t), type: type, from: "Oak House",
                            reportedToPolice: reported.map(dt), policeReference: nil, mayHaveBeenMoved: moved))
    }
    func back(_ t: String) -> MissingEvent { .returned(MissingReturn(id: RecordID("r-\(line)")!, child: child, returned: dt(t), foundAt: nil)) }
    func interview(_ t: String, _ status: InterviewStatus) -> MissingEvent {
        .interview(ReturnInterview(id: RecordID("i-\(line)")!, child: child, status: status, at: dt(t), by: RecordID("SW-1"), independent: true))
    }

    func fold(_ events: [MissingEvent], asOf: String, rules: MissingRules = MissingRules(), limit: Int = 64) -> (MissingStatus?, MissingFolder) {
        let f = MissingFolder(asOf: dt(asOf), rules: rules, bufferLimit: limit)
        for e in events {
            line += 1
            f.add(e, at: SourceLine(file: "case", line: line), raw: [])
        }
        return (f.finish().first, f)
    }

    func testHoursMissing() {
        let table: [(since: String, asOf: String, hours: Int)] = [
            ("2026-11-20T18:00:00Z", "2026-11-20T18:59:59Z", 0),
            ("2026-11-20T18:00:00Z", "2026-11-20T19:00:00Z", 1),
            ("2026-11-20T18:00:00Z", "2026-11-23T18:00:00Z", 72),
            ("2026-03-28T23:00:00+00:00", "2026-03-29T03:00:00+01:00", 3),   // across the clocks going forward
        ]
        for row in table {
            let (s, _) = fold([start(row.since)], asOf: row.asOf)
            XCTAssertEqual(s?.missingNow, true)
            XCTAssertEqual(s?.hoursMissing, row.hours, "\(row)")
        }
    }

    /// Three episodes in 90 days is a repeat; the window includes its first instant.
    func testTheRepeatRuleAtItsEdges() {
        let asOf = "2026-12-31T12:00:00Z"
        func episodes(firstAt first: String) -> [MissingEvent] {
            [start(first), back("2026-10-15T00:00:00Z"), start("2026-11-01T00:00:00Z"), back("2026-11-02T00:00:00Z"),
             start("2026-12-01T00:00:00Z"), back("2026-12-02T00:00:00Z")]
        }
        // 2026-12-31T12:00Z minus 90 days is 2026-10-02T12:00Z.
        let onEdge = fold(episodes(firstAt: "2026-10-02T12:00:00Z"), asOf: asOf).0
        XCTAssertEqual(onEdge?.episodesInWindow, 3)
        XCTAssertEqual(onEdge?.isRepeat, true)
        let justOutside = fold(episodes(firstAt: "2026-10-02T11:59:59Z"), asOf: asOf).0
        XCTAssertEqual(justOutside?.episodesInWindow, 2)
        XCTAssertEqual(justOutside?.isRepeat, false)
        var rules = MissingRules()
        rules.repeatThreshold = 2
        rules.windowDays = 31
        let custom = fold(episodes(firstAt: "2026-10-02T12:00:00Z"), asOf: asOf, rules: rules).0
        XCTAssertEqual(custom?.episodesInWindow, 1)
        XCTAssertEqual(custom?.isRepeat, false)
    }

    /// The interview is due 72 hours after the return: at exactly 72 hours it is due, not overdue.
    func testInterviewDueAndOverdueAtExactly72Hours() {
        let events = [start("2026-11-20T18:00:00Z"), back("2026-11-21T09:30:00Z")]
        let table: [(asOf: String, outstanding: Bool, overdue: Bool)] = [
            ("2026-11-24T09:29:59Z", true, false),
            ("2026-11-24T09:30:00Z", true, false),
            ("2026-11-24T09:30:01Z", true, true),
        ]
        for row in table {
            let s = fold(events, asOf: row.asOf).0!
            XCTAssertEqual(s.interviewDue, dt("2026-11-24T09:30:00Z"))
            XCTAssertEqual(s.interviewOutstanding, row.outstanding, row.asOf)
            XCTAssertEqual(s.interviewOverdue, row.overdue, row.asOf)
            XCTAssertEqual(s.actionNeeded, row.overdue, row.asOf)
        }
        let offered = fold(events + [interview("2026-11-22T10:00:00Z", .offered)], asOf: "2026-11-25T00:00:00Z").0!
        XCTAssertTrue(offered.interviewOverdue, "offered is not held")
        let held = fold(events + [interview("2026-11-22T10:00:00Z", .done)], asOf: "2026-11-25T00:00:00Z").0!
        XCTAssertFalse(held.interviewOutstanding)
        let refused = fold(events + [interview("2026-11-22T10:00:00Z", .refused)], asOf: "2026-11-25T00:00:00Z").0!
        XCTAssertFalse(refused.interviewOverdue)
        XCTAssertEqual(refused.interview, .refused)
    }

    func testPoliceHighRiskWindowAndAgencies() {
        let missing = fold([placement("2026-11-18"), start("2026-11-20T18:00:00Z", moved: true)], asOf: "2026-11-24T23:59:00Z").0!
        XCTAssertTrue(missing.policeNotNotified)
        XCTAssertTrue(missing.highRiskWindow, "day 7 of the placement (18th is day 1)")
        XCTAssertEqual(missing.notify, [.police, .homeOffice, .missingPeople])
        let day8 = fold([placement("2026-11-18"), start("2026-11-20T18:00:00Z", reported: "2026-11-20T19:00:00Z")], asOf: "2026-11-25T00:00:00Z").0!
        XCTAssertFalse(day8.highRiskWindow)
        XCTAssertFalse(day8.policeNotNotified)
        XCTAssertEqual(day8.notify, [.police, .homeOffice])
        let away = fold([placement("2026-11-18", concern: false), start("2026-11-20T18:00:00Z", type: .away)], asOf: "2026-11-21T00:00:00Z").0!
        XCTAssertFalse(away.policeNotNotified, "whereabouts known")
        XCTAssertEqual(away.notify, [])
        XCTAssertFalse(away.highRiskWindow, "no trafficking concern")
    }

    /// Sorted per child by event time, not line order; breaches named by line.
    func testFoldingRules() {
        let (s, f) = fold([back("2026-11-21T09:30:00Z"), start("2026-11-20T18:00:00Z")], asOf: "2026-11-22T00:00:00Z")
        XCTAssertEqual(f.problems.count, 0, "out of line order, in time order: fine")
        XCTAssertEqual(s?.missingNow, false)
        let (_, twice) = fold([start("2026-11-20T18:00:00Z"), start("2026-11-21T18:00:00Z")], asOf: "2026-11-22T00:00:00Z")
        XCTAssertEqual(twice.problems.map(\.source.line), [line])
        XCTAssertTrue(twice.problems[0].message.contains("already missing since 2026-11-20T18:00:00Z"))
        let (_, early) = fold([back("2026-11-19T09:30:00Z"), start("2026-11-20T18:00:00Z")], asOf: "2026-11-22T00:00:00Z")
        XCTAssertTrue(early.problems[0].message.contains("before the start of its episode"), early.problems[0].message)
        let (_, noReturn) = fold([placement("2026-11-18"), back("2026-11-19T09:30:00Z")], asOf: "2026-11-22T00:00:00Z")
        XCTAssertTrue(noReturn.problems[0].message.contains("no open episode"))
    }

    /// At the same instant a start goes before its return, and a return before its interview, whatever the line order.
    func testAtTheSameInstantKindsKeepAFixedOrder() {
        let t = "2026-11-20T18:00:00Z"
        let (s, f) = fold([interview(t, .done), back(t), start(t)], asOf: "2026-11-21T00:00:00Z")
        XCTAssertEqual(f.problems.map(\.message), [])
        XCTAssertEqual(s?.missingNow, false)
        XCTAssertEqual(s?.interviewOutstanding, false)
        let (_, late) = fold([start(t)], asOf: "2026-11-20T17:59:59Z")
        XCTAssertEqual(late.problems.count, 0, "after the report time: not applied, not reported")
    }

    /// With a small buffer, old events are folded as they go, with the same result.
    func testFoldingOldEventsKeepsTheResult() {
        var events: [MissingEvent] = [placement("2025-01-01")]
        var day = CivilDate("2025-01-02")!
        while day < CivilDate("2026-11-01")! {
            events.append(start("\(day)T10:00:00Z"))
            events.append(back("\(day)T20:00:00Z"))
            day = day.adding(days: 10)
        }
        let small = fold(events, asOf: "2026-11-20T00:00:00Z", limit: 4)
        let large = fold(events, asOf: "2026-11-20T00:00:00Z", limit: Int.max)
        XCTAssertEqual(small.0, large.0)
        XCTAssertEqual(small.0?.episodesInWindow, 7, "starts on 25 Aug, 4, 14, 24 Sep, 4, 14, 24 Oct 2026")
        XCTAssertEqual(small.1.problems.count, 0)
    }

    /// Disorder within the buffer is put right; an event older than what was folded is reported, not misplaced.
    func testTooFarOutOfOrderIsReported() {
        let events = [start("2026-11-01T10:00:00Z"), back("2026-11-01T20:00:00Z"), start("2026-11-05T10:00:00Z"),
                      back("2026-11-05T20:00:00Z"), start("2026-11-09T10:00:00Z"), back("2026-11-09T20:00:00Z"),
                      start("2026-10-01T10:00:00Z"), back("2026-10-01T20:00:00Z")]
        let (_, within) = fold(events, asOf: "2026-11-20T00:00:00Z", limit: 16)
        XCTAssertEqual(within.problems.count, 0)
        let (_, beyond) = fold(events, asOf: "2026-11-20T00:00:00Z", limit: 4)
        XCTAssertEqual(beyond.problems.count, 2, "the late start and its return")
        XCTAssertTrue(beyond.problems.allSatisfy { $0.message.contains("more out of order than --max-reorder allows") })
    }
}

final class SSDA903Tests: XCTestCase {
    /// Hand-checked: the 2026 collection year is 1 April 2025 to 31 March 2026.
    func testEpisodesAcrossTheYearBoundary() {
        let c = RecordID("C-1")!, d = RecordID("C-2")!
        func e(_ child: RecordID, _ s: String, _ end: String?, _ type: MissingType = .missing) -> MissingEpisode {
            MissingEpisode(child: child, start: dt(s), end: end.map(dt), type: type, from: nil, startSource: SourceLine(file: "f", line: 1))
        }
        let episodes = [
            e(c, "2025-03-30T22:00:00Z", "2025-04-01T08:00:00+01:00"),    // crosses 31 March / 1 April 2025: included
            e(c, "2025-03-01T10:00:00Z", "2025-03-31T23:30:00+01:00"),    // ends 31 March 2025 on the clock: before the year
            e(c, "2026-03-31T20:00:00+01:00", "2026-04-01T09:00:00+01:00", .away),  // crosses 31 March 2026: MIS_END blank
            e(d, "2026-02-10T10:00:00Z", nil),                             // still open: MIS_END blank
            e(d, "2026-04-01T00:30:00+01:00", nil),                        // after the year (1 April 2026 on the clock)
        ]
        let (rows, noDOB) = SSDA903.rows(episodes: episodes, dob: [c: CivilDate("2010-05-01")!, d: CivilDate("2011-12-31")!], year: 2026)
        XCTAssertEqual(noDOB, [])
        XCTAssertEqual(rows, [
            ["C-1", "01/05/2010", "M", "30/03/2025", "01/04/2025"],
            ["C-1", "01/05/2010", "A", "31/03/2026", ""],
            ["C-2", "31/12/2011", "M", "10/02/2026", ""],
        ])
        XCTAssertEqual(SSDA903.rows(episodes: episodes, dob: [c: CivilDate("2010-05-01")!], year: 2026).noDOB.map(\.child), [d])
    }
}
