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
        .placement(try! Placement(id: RecordID("p\(start)")!, child: child, dob: CivilDate("2010-05-01")!, placement: "Oak House",
                                  start: CivilDate(start)!, traffickingConcern: concern))
    }
    func start(_ t: String, type: MissingType = .missing, reported: String? = nil, moved: Bool = false) -> MissingEvent {
        .start(try! MissingStart(id: RecordID("s-\(line)")!, child: child, lastSeen: dt(t), type: type, from: "Oak House",
                                 reportedToPolice: reported.map(dt), policeReference: nil, mayHaveBeenMoved: moved))
    }
    func back(_ t: String) -> MissingEvent { .returned(MissingReturn(id: RecordID("r-\(line)")!, child: child, returned: dt(t), foundAt: nil)) }
    func interview(_ t: String, _ status: InterviewStatus) -> MissingEvent {
        .interview(try! ReturnInterview(id: RecordID("i-\(line)")!, child: child, status: status, at: dt(t), by: RecordID("SW-1"), independent: true))
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

final class LondonTimeTests: XCTestCase {
    /// BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    func testTheClockChanges() {
        XCTAssertEqual(dt("2026-03-29T00:59:59Z").londonDate, CivilDate("2026-03-29"))
        XCTAssertFalse(London.isSummerTime(dt("2026-03-29T00:59:59Z").seconds))
        XCTAssertTrue(London.isSummerTime(dt("2026-03-29T01:00:00Z").seconds))
        XCTAssertEqual(dt("2026-03-28T23:30:00Z").londonDate, CivilDate("2026-03-28"), "GMT the night before")
        XCTAssertEqual(dt("2026-06-10T23:30:00Z").londonDate, CivilDate("2026-06-11"), "00:30 BST")
        XCTAssertEqual(dt("2026-10-25T00:59:59Z").londonDate, CivilDate("2026-10-25"), "01:59:59 BST")
        XCTAssertTrue(London.isSummerTime(dt("2026-10-25T00:59:59Z").seconds))
        XCTAssertFalse(London.isSummerTime(dt("2026-10-25T01:00:00Z").seconds), "the repeated hour is GMT")
        XCTAssertEqual(dt("2026-10-24T23:00:00Z").londonDate, CivilDate("2026-10-25"), "midnight BST")
        XCTAssertEqual(dt("2026-03-31T23:30:00-01:00").londonDate, CivilDate("2026-04-01"), "00:30 UTC is 01:30 BST on 1 April")
        XCTAssertEqual(dt("2026-03-31T23:30:00+01:00").londonDate, CivilDate("2026-03-31"))
        XCTAssertEqual(dt("2025-12-31T23:30:00-01:00").londonDate, CivilDate("2026-01-01"))
        XCTAssertEqual(London.startOfDay(CivilDate("2026-06-02")!), dt("2026-06-01T23:00:00Z"))
        XCTAssertEqual(London.startOfDay(CivilDate("2026-03-29")!), dt("2026-03-29T00:00:00Z"), "the day BST begins starts in GMT")
        XCTAssertEqual(London.startOfDay(CivilDate("2026-10-25")!), dt("2026-10-24T23:00:00Z"), "the day BST ends starts in BST")
        XCTAssertEqual(London.startOfDay(CivilDate("2026-12-01")!), dt("2026-12-01T00:00:00Z"))
        XCTAssertEqual(CivilDate("2026-11-20")!.shortText, "20 Nov 2026")
    }

    /// The rule agrees with the system's time-zone database, hour by hour around
    /// every change from 2000 to 2040, and at noon and midnight every day.
    func testAgreesWithTheTimeZoneDatabase() throws {
        guard let tz = TimeZone(identifier: "Europe/London") else { throw XCTSkip("no Europe/London in this system's database") }
        var checked = 0
        var t = dt("2000-01-01T00:00:00Z").seconds
        let end = dt("2041-01-01T00:00:00Z").seconds
        while t < end {
            let offset = tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))) / 60
            XCTAssertEqual(London.offsetMinutes(at: t), offset, "\(DateTime(seconds: t))")
            for d in [-1, 0, 1] where London.offsetMinutes(at: t + Int64(d) * 3600) != London.offsetMinutes(at: t) {
                // Near a change: every minute of the hour either side.
                for m in stride(from: t - 3600, to: t + 3600, by: 60) {
                    XCTAssertEqual(London.offsetMinutes(at: m), tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(m))) / 60)
                }
            }
            checked += 1
            t += 12 * 3600
        }
        XCTAssertGreaterThan(checked, 29_000)
    }
}

/// The missing-from-care duties of issues 12 (rule 4) and 13: each with a failing and a passing fixture.
final class MissingDutiesTests: XCTestCase {
    let child = RecordID("C-1")!
    var line = 0
    var referred: Set<RecordID> = []

    func placement(_ start: String, concern: Bool, name: String = "Oak House") -> MissingEvent {
        line += 1
        return .placement(try! Placement(id: RecordID("p\(line)")!, child: child, dob: CivilDate("2010-05-01")!, placement: name,
                                         start: CivilDate(start)!, traffickingConcern: concern))
    }
    func concern(_ on: String, _ change: ConcernChange) -> MissingEvent {
        line += 1
        return .concern(try! TraffickingConcern(id: RecordID("tc\(line)")!, child: child, change: change, on: CivilDate(on)!, reason: "Synthetic"))
    }
    func start(_ t: String, reported: String? = nil, moved: Bool = false) -> MissingEvent {
        line += 1
        return .start(try! MissingStart(id: RecordID("s\(line)")!, child: child, lastSeen: dt(t), type: .missing, from: nil,
                                        reportedToPolice: reported.map(dt), policeReference: nil, mayHaveBeenMoved: moved))
    }
    func back(_ t: String, to: ReleaseTo = .placement, checks: Set<ReleaseCheck> = []) -> MissingEvent {
        line += 1
        return .returned(MissingReturn(id: RecordID("r\(line)")!, child: child, returned: dt(t), foundAt: nil, to: to, checks: checks))
    }
    func told(_ agency: AgencyToNotify, _ t: String) -> MissingEvent {
        line += 1
        return .notification(MissingNotification(id: RecordID("n\(line)")!, child: child, agency: agency, at: dt(t)))
    }
    func review(_ held: String) -> MissingEvent {
        line += 1
        return .review(try! MissingReview(id: RecordID("v\(line)")!, child: child, held: CivilDate(held)!, by: [.police, .childrensSocialCare]))
    }
    func interview(_ t: String) -> MissingEvent {
        line += 1
        return .interview(try! ReturnInterview(id: RecordID("i\(line)")!, child: child, status: .done, at: dt(t), by: RecordID("SW-1"), independent: true))
    }

    func fold(_ events: [MissingEvent], asOf: String, limit: Int = 64) -> (MissingStatus, MissingFolder) {
        let f = MissingFolder(asOf: dt(asOf), bufferLimit: limit)
        f.referred = referred
        for (k, e) in events.enumerated() { f.add(e, at: SourceLine(file: "case", line: k + 1), raw: []) }
        return (f.finish().first!, f)
    }
    func codes(_ s: MissingStatus) -> [MissingActionCode] { s.actions.map(\.code) }

    /// Issue 12 rule 4 (SOLACE L399, L421): a second placement without a concern keeps it, with its high-risk window.
    func testAConcernStaysAcrossPlacements() {
        referred = [child]
        let moved = fold([placement("2026-10-01", concern: true), placement("2026-11-18", concern: false, name: "Elm Lodge"),
                          start("2026-11-20T18:00:00Z", reported: "2026-11-20T18:30:00Z")], asOf: "2026-11-21T08:00:00Z").0
        XCTAssertTrue(moved.traffickingConcern, "the concern went with the child")
        XCTAssertTrue(moved.highRiskWindow, "the first week of the new placement")
        XCTAssertEqual(moved.notify, [.police, .homeOffice])
        XCTAssertEqual(moved.notNotified, [.homeOffice])
        let never = fold([placement("2026-10-01", concern: false), placement("2026-11-18", concern: false),
                          start("2026-11-20T18:00:00Z", reported: "2026-11-20T18:30:00Z")], asOf: "2026-11-21T08:00:00Z").0
        XCTAssertFalse(never.traffickingConcern)
        XCTAssertFalse(never.highRiskWindow)
        XCTAssertEqual(never.notify, [])
    }

    /// Only a lift record lifts it; a lift with no concern is refused; a raise the same day as a lift stands.
    func testOnlyALiftRecordLiftsAConcern() {
        referred = [child]
        let lifted = fold([placement("2026-10-01", concern: true), concern("2026-11-01", .lifted), placement("2026-11-18", concern: false)],
                          asOf: "2026-11-21T08:00:00Z")
        XCTAssertFalse(lifted.0.traffickingConcern)
        XCTAssertFalse(lifted.0.highRiskWindow)
        XCTAssertEqual(lifted.1.problems.count, 0)
        let raisedAgain = fold([placement("2026-10-01", concern: true), concern("2026-11-01", .lifted), concern("2026-11-10", .raised)],
                               asOf: "2026-11-21T08:00:00Z").0
        XCTAssertTrue(raisedAgain.traffickingConcern)
        let sameDay = fold([placement("2026-11-18", concern: true), concern("2026-11-18", .lifted)], asOf: "2026-11-21T08:00:00Z").0
        XCTAssertTrue(sameDay.traffickingConcern, "a placement's yes and a lift on the same day: the concern stands")
        let (_, nothing) = fold([placement("2026-10-01", concern: false), concern("2026-11-01", .lifted)], asOf: "2026-11-21T08:00:00Z")
        XCTAssertEqual(nothing.problems.map(\.source.line), [2])
        XCTAssertTrue(nothing.problems[0].message.contains("has no trafficking concern to lift"), nothing.problems[0].message)
        XCTAssertThrowsError(try TraffickingConcern(obj(#"{"kind":"trafficking-concern","v":1,"id":"t","child":"C-1","concern":"lifted","on":"2026-11-01"}"#)))
    }

    /// Issue 13 rule 1 (CHESHIRE §6.3): repeat episodes need a review on or after the day the latest began.
    func testRepeatEpisodesNeedAReview() {
        let episodes = [placement("2026-01-01", concern: false),
                        start("2026-11-01T10:00:00Z", reported: "2026-11-01T10:30:00Z"), back("2026-11-01T20:00:00Z"), interview("2026-11-02T10:00:00Z"),
                        start("2026-11-05T10:00:00Z", reported: "2026-11-05T10:30:00Z"), back("2026-11-05T20:00:00Z"), interview("2026-11-06T10:00:00Z"),
                        start("2026-11-20T10:00:00Z", reported: "2026-11-20T10:30:00Z"), back("2026-11-20T20:00:00Z"), interview("2026-11-21T10:00:00Z")]
        let none = fold(episodes, asOf: "2026-11-25T00:00:00Z").0
        XCTAssertTrue(none.isRepeat)
        XCTAssertTrue(none.reviewOutstanding)
        XCTAssertEqual(codes(none), [.reviewOutstanding])
        XCTAssertTrue(none.actions[0].message.hasPrefix("repeat: 3 episodes in 90 days; no review since 20 Nov 2026"), none.actions[0].message)
        XCTAssertTrue(none.actionNeeded)
        let early = fold(episodes + [review("2026-11-19")], asOf: "2026-11-25T00:00:00Z").0
        XCTAssertTrue(early.reviewOutstanding, "a review before the latest episode")
        XCTAssertEqual(early.lastReview, CivilDate("2026-11-19"))
        let held = fold(episodes + [review("2026-11-20")], asOf: "2026-11-25T00:00:00Z").0
        XCTAssertFalse(held.reviewOutstanding)
        XCTAssertFalse(held.actionNeeded)
        XCTAssertThrowsError(try MissingReview(obj(#"{"kind":"missing-review","v":1,"id":"v","child":"C-1","held":"2026-11-20","by":["police"]}"#)))
    }

    /// Issue 13 rule 2 (SOLACE L592): a release to an adult without every check needs action.
    func testNoReleaseWithoutChecks() {
        let before = [placement("2026-01-01", concern: false), start("2026-11-01T10:00:00Z", reported: "2026-11-01T10:30:00Z")]
        let after = [interview("2026-11-02T10:00:00Z")]
        let unchecked = fold(before + [back("2026-11-01T20:00:00Z", to: .otherAdult, checks: [.enquiriesDone])] + after, asOf: "2026-11-05T00:00:00Z").0
        XCTAssertTrue(unchecked.releaseUnchecked)
        XCTAssertEqual(codes(unchecked), [.releaseUnchecked])
        XCTAssertTrue(unchecked.actions[0].message.contains("without child-photo-id, adult-photo-id"), unchecked.actions[0].message)
        let checked = fold(before + [back("2026-11-01T20:00:00Z", to: .otherAdult, checks: Set(ReleaseCheck.allCases))] + after, asOf: "2026-11-05T00:00:00Z").0
        XCTAssertFalse(checked.releaseUnchecked)
        XCTAssertFalse(checked.actionNeeded)
        for to in [ReleaseTo.placement, .police] {
            XCTAssertFalse(fold(before + [back("2026-11-01T20:00:00Z", to: to)] + after, asOf: "2026-11-05T00:00:00Z").0.actionNeeded, "\(to)")
        }
        let parent = MissingReturn(id: RecordID("r")!, child: child, returned: dt("2026-11-01T20:00:00Z"), foundAt: nil, to: .parent)
        XCTAssertEqual(parent.missingChecks, ReleaseCheck.allCases)
        XCTAssertEqual(try MissingReturn(obj(JSONWriter.string(parent.json))), parent, "reads back")
        XCTAssertThrowsError(try MissingReturn(obj(#"{"kind":"missing-return","v":1,"id":"r","child":"C-1","returned":"2026-11-01T20:00:00Z","to":"carer","enquiries-done":true}"#)))
        XCTAssertThrowsError(try MissingReturn(obj(#"{"kind":"missing-return","v":1,"id":"r","child":"C-1","returned":"2026-11-01T20:00:00Z","to":"police","enquiries-done":true}"#)))
        XCTAssertNoThrow(try MissingReturn(obj(#"{"kind":"missing-return","v":1,"id":"r","child":"C-1","returned":"2026-11-01T20:00:00Z"}"#)), "made before it was asked")
    }

    /// Issue 13 rule 3 (SOLACE L419, L421): each agency on an episode's list is told, and each telling recorded.
    func testEveryoneWhoMustKnowIsTold() {
        referred = [child]
        let base = [placement("2026-01-01", concern: true), start("2026-11-20T18:00:00Z", reported: "2026-11-20T18:30:00Z", moved: true)]
        let open = fold(base, asOf: "2026-11-21T08:00:00Z").0
        XCTAssertEqual(open.notNotified, [.homeOffice, .missingPeople])
        XCTAssertEqual(codes(open), [.missingNow, .agenciesNotNotified])
        XCTAssertTrue(open.actions[1].message.contains("home-office, missing-people"), open.actions[1].message)
        let shared = fold(base + [told(.homeOffice, "2026-11-20T19:00:00Z"), told(.missingPeople, "2026-11-20T19:05:00Z"),
                                back("2026-11-21T06:00:00Z")], asOf: "2026-11-21T08:00:00Z").0
        XCTAssertEqual(shared.notNotified, [])
        XCTAssertFalse(shared.actionNeeded)
        // An earlier episode in the window that was never shared stays owed after a later one was.
        let earlier = fold([placement("2026-01-01", concern: true), start("2026-11-01T10:00:00Z", reported: "2026-11-01T10:10:00Z"),
                            back("2026-11-01T20:00:00Z"), interview("2026-11-02T10:00:00Z"),
                            start("2026-11-10T10:00:00Z", reported: "2026-11-10T10:10:00Z"), told(.homeOffice, "2026-11-10T11:00:00Z"),
                            back("2026-11-10T20:00:00Z"), interview("2026-11-11T10:00:00Z")], asOf: "2026-11-12T00:00:00Z").0
        XCTAssertEqual(earlier.notNotified, [.homeOffice])
        XCTAssertTrue(earlier.actions[0].message.contains("2026-11-01T10:00:00Z"), earlier.actions[0].message)
        // The police told after the report time have not been told yet.
        let late = fold([placement("2026-01-01", concern: true), start("2026-11-20T18:00:00Z", reported: "2026-11-21T09:00:00Z")], asOf: "2026-11-21T08:00:00Z").0
        XCTAssertEqual(late.notNotified, [.police, .homeOffice])
        let (_, orphan) = fold([placement("2026-01-01", concern: true), told(.police, "2026-11-20T18:00:00Z")], asOf: "2026-11-21T08:00:00Z")
        XCTAssertTrue(orphan.problems.first?.message.contains("no missing episode before") ?? false)
    }

    /// Issue 13 rule 4 (CHESHIRE L207, L232, L282): a concern with no referral needs action.
    func testEveryConcernReachesTheNRM() {
        let events = [placement("2026-01-01", concern: true)]
        let none = fold(events, asOf: "2026-11-21T08:00:00Z").0
        XCTAssertEqual(none.nrmReferral, false)
        XCTAssertEqual(codes(none), [.noNRMReferral])
        let f = MissingFolder(asOf: dt("2026-11-21T08:00:00Z"))
        f.noteReferral(obj(#"{"kind":"referral","subject":{"id":"C-1"}}"#))
        f.add(events[0], at: SourceLine(file: "case", line: 1), raw: [])
        let referredStatus = f.finish()[0]
        XCTAssertTrue(referredStatus.nrmReferral)
        XCTAssertFalse(referredStatus.actionNeeded)
        XCTAssertFalse(fold([placement("2026-01-01", concern: false)], asOf: "2026-11-21T08:00:00Z").0.actionNeeded, "no concern, no referral needed")
    }
}

final class SSDA903UKDateTests: XCTestCase {
    func e(_ s: String, _ end: String?, line: Int = 1) -> MissingEpisode {
        MissingEpisode(child: RecordID("C-1")!, start: dt(s), end: end.map(dt), type: .missing, from: nil, startSource: SourceLine(file: "f", line: line))
    }

    /// Issue 12 rule 5: records mixing Z, +00:00 and +01:00 give UK dates: no overlap, no end before a start.
    func testDatesAreUKDates() {
        let dob = [RecordID("C-1")!: CivilDate("2010-05-01")!]
        let episodes = [
            e("2025-03-31T23:30:00Z", "2025-03-31T23:50:00+00:00"),      // 00:30 BST on 1 April 2025: in the 2026 year
            e("2025-06-10T10:00:00+01:00", "2025-06-11T00:30:00+01:00"),
            e("2025-06-10T23:45:00Z", "2025-06-11T09:00:00+01:00"),      // 00:45 BST on 11 June: not before the last one ended
            e("2025-07-01T00:30:00+01:00", "2025-06-30T23:50:00Z"),      // ends 00:50 BST on 1 July, not on 30 June
            e("2026-03-31T23:30:00-01:00", nil),                           // 1 April 2026: the next year
        ]
        let (rows, _) = SSDA903.rows(episodes: episodes, dob: dob, year: 2026)
        XCTAssertEqual(rows, [
            ["C-1", "01/05/2010", "M", "01/04/2025", "01/04/2025"],
            ["C-1", "01/05/2010", "M", "10/06/2025", "11/06/2025"],
            ["C-1", "01/05/2010", "M", "11/06/2025", "11/06/2025"],
            ["C-1", "01/05/2010", "M", "01/07/2025", "01/07/2025"],
        ])
        for row in rows { XCTAssertLessThanOrEqual(ukDate(row[3]), ukDate(row[4])) }
        for (a, b) in zip(rows, rows.dropFirst()) { XCTAssertLessThanOrEqual(ukDate(a[4]), ukDate(b[3]), "no overlap") }
    }

    func ukDate(_ s: String) -> CivilDate {
        let p = s.split(separator: "/").map { Int($0)! }
        return CivilDate(year: p[2], month: p[1], day: p[0])!
    }

    /// Issue 12 rule 6: episodes only while looked after.
    func testEpisodesBeforeBirthOrCareAreRefused() {
        let c = RecordID("C-1")!
        let dob = [c: CivilDate("2010-05-01")!], first = [c: CivilDate("2025-06-02")!]
        let bad = SSDA903.notLookedAfter(episodes: [e("2010-04-30T10:00:00Z", nil, line: 3), e("2025-06-01T10:00:00Z", nil, line: 4)],
                                         dob: dob, firstPlacement: first)
        XCTAssertEqual(bad.map(\.episode.startSource.line), [3, 4])
        XCTAssertTrue(bad[0].message.contains("before their date of birth"))
        XCTAssertTrue(bad[1].message.contains("before their first placement (2025-06-02)"))
        // 23:30 UTC on 1 June is 00:30 BST on 2 June: the placement's first day.
        XCTAssertEqual(SSDA903.notLookedAfter(episodes: [e("2025-06-01T23:30:00Z", nil), e("2025-06-02T10:00:00+01:00", nil)],
                                              dob: dob, firstPlacement: first).count, 0)
    }
}

/// A JSON object from its text, for record fixtures.
func obj(_ text: String) -> JSONObject { (try! JSONParser.parse(text)).objectValue! }
