import XCTest
@testable import SafeguardCore

func date(_ s: String) -> CivilDate { CivilDate(s)! }

func subject(_ age: StatedAge, disputed: Bool = false) -> Subject {
    Subject(id: RecordID("S-1")!, name: "Synthetic Person", age: age, ageDisputed: disputed, sex: .female,
            nationality: Country("AL"), languages: [LanguageTag("sq")!], interpreterNeeded: true)
}

func referral(id: String = "ref-1", _ age: StatedAge, disputed: Bool = false, received: String = "2026-11-20",
              consent: String? = nil) throws -> Referral {
    try Referral(id: RecordID(id)!, received: date(received), firstResponder: .laChildrensServices, competentAuthority: nil,
                 subject: subject(age, disputed: disputed), exploitation: [.sexual], indicators: ["child-begging"],
                 consentSignedOn: consent.map(date), account: "Synthetic account")
}

final class ReferralTests: XCTestCase {
    func testAChildNeedsNoConsent() throws {
        let r = try referral(.dateOfBirth(date("2010-03-01")))
        XCTAssertEqual(r.treatedAs, .child)
        XCTAssertEqual(r.ageBasis, .under18)
        XCTAssertEqual(r.consent, .notRequiredChild)
    }

    func testAnAdultWithoutConsentCannotBeReferred() {
        XCTAssertThrowsError(try referral(.dateOfBirth(date("1990-03-01")))) { XCTAssertEqual($0 as? ReferralRefusal, .adultWithoutConsent) }
        XCTAssertThrowsError(try referral(.claimedAge(25))) { XCTAssertEqual($0 as? ReferralRefusal, .adultWithoutConsent) }
        XCTAssertNoThrow(try referral(.claimedAge(25), consent: "2026-11-20"))
        XCTAssertThrowsError(try referral(.claimedAge(25), consent: "2026-11-21")) { XCTAssertEqual($0 as? ReferralRefusal, .consentSignedAfterReferral) }
    }

    func testADisputedAgeIsTreatedAsAChild() throws {
        let r = try referral(.claimedAge(19), disputed: true)
        XCTAssertEqual(r.treatedAs, .child)
        XCTAssertEqual(r.ageBasis, .ageDisputed)
        XCTAssertEqual(r.consent, .notRequiredChild)
        let byDob = try referral(.dateOfBirth(date("1999-01-01")), disputed: true)
        XCTAssertEqual(byDob.treatedAs, .child)
    }

    func testChildOnTheReferralDateNotToday() throws {
        // 18 the day after the referral: still a child for this referral.
        XCTAssertEqual(try referral(.dateOfBirth(date("2008-11-21")), received: "2026-11-20").treatedAs, .child)
        XCTAssertEqual(try referral(.dateOfBirth(date("2008-11-20")), received: "2026-11-20", consent: "2026-11-20").treatedAs, .adult)
        XCTAssertThrowsError(try referral(.dateOfBirth(date("2026-11-21"))))
    }

    func testRoundTripAndTamperedTreatment() throws {
        let r = try referral(.dateOfBirth(date("2010-03-01")))
        guard case .object(let o) = r.json else { return XCTFail() }
        XCTAssertEqual(try Referral(o), r)
        var tampered = o
        tampered["treated-as"] = .string("adult")
        XCTAssertThrowsError(try Referral(tampered))
        var extra = o
        extra["safe-house-address"] = .string("x")
        XCTAssertThrowsError(try Referral(extra)) { XCTAssertTrue("\($0)".contains("not part of this record kind")) }
        var nullField = o
        nullField["competent-authority"] = .null
        XCTAssertThrowsError(try Referral(nullField)) { XCTAssertEqual("\($0)", "field competent-authority: must not be null; leave the field out instead") }
        var emptyAccount = o
        emptyAccount["account"] = .string("  ")
        XCTAssertThrowsError(try Referral(emptyAccount)) { XCTAssertEqual("\($0)", "field account: is empty; leave the field out instead") }
        var badDate = o
        badDate["received"] = .string("2025-02-30")
        XCTAssertThrowsError(try Referral(badDate)) { XCTAssertEqual("\($0)", "field received: is not a real date; write it as yyyy-mm-dd") }
    }

    func testDutyToNotifyHasNoPersonalFields() throws {
        let n = try DutyToNotify(id: RecordID("dtn-1")!, notifiedOn: date("2026-11-20"), firstResponder: .police, sex: .female,
                                 nationality: Country("RO"), exploitation: [.labour], indicators: [])
        guard case .object(let o) = n.json else { return XCTFail() }
        XCTAssertEqual(Set(o.keys), Set(["kind", "v"] + DutyToNotify.fields))
        for personal in ["name", "dob", "subject", "account", "claimed-age", "address"] {
            XCTAssertNil(o[personal])
            var withIt = o
            withIt[personal] = .string("x")
            XCTAssertThrowsError(try DutyToNotify(withIt), personal)
        }
    }
}

final class NRMStatusTests: XCTestCase {
    struct Row {
        let received: String, rg: (String, DecisionOutcome)?, cg: (String, DecisionOutcome)?, asOf: String
        let stage: NRMStage, rgDue: String, recoveryEnds: String?, outstanding: OutstandingDecision?, overdue: Int
    }

    /// Hand-checked against a calendar: due dates over a year end, a leap day and month ends.
    func testDueDatesAndOverdueDays() throws {
        let rows: [Row] = [
            // received 29 Dec: RG due 3 Jan next year; as of 10 Jan it is 7 days overdue.
            Row(received: "2026-12-29", rg: nil, cg: nil, asOf: "2027-01-10", stage: .rgPending, rgDue: "2027-01-03", recoveryEnds: nil, outstanding: .rgDecision, overdue: 7),
            // on the due date itself: not overdue
            Row(received: "2026-12-29", rg: nil, cg: nil, asOf: "2027-01-03", stage: .rgPending, rgDue: "2027-01-03", recoveryEnds: nil, outstanding: .rgDecision, overdue: 0),
            // leap year: 26 Feb 2028 + 5 = 2 Mar (29 Feb counts)
            Row(received: "2028-02-26", rg: nil, cg: nil, asOf: "2028-03-03", stage: .rgPending, rgDue: "2028-03-02", recoveryEnds: nil, outstanding: .rgDecision, overdue: 1),
            // common year: 26 Feb 2027 + 5 = 3 Mar
            Row(received: "2027-02-26", rg: nil, cg: nil, asOf: "2027-03-03", stage: .rgPending, rgDue: "2027-03-03", recoveryEnds: nil, outstanding: .rgDecision, overdue: 0),
            // month end: 31 Jan + 5 = 5 Feb; positive RG 4 Feb 2028, + 45 = 20 Mar 2028 (leap year: Feb has 29)
            Row(received: "2028-01-31", rg: ("2028-02-04", .positive), cg: nil, asOf: "2028-03-01", stage: .rgPositive, rgDue: "2028-02-05", recoveryEnds: "2028-03-20", outstanding: .cgDecision, overdue: 0),
            // the recovery period over with no CG: 30 Mar is 10 days past 20 Mar
            Row(received: "2028-01-31", rg: ("2028-02-04", .positive), cg: nil, asOf: "2028-03-30", stage: .cgPending, rgDue: "2028-02-05", recoveryEnds: "2028-03-20", outstanding: .cgDecision, overdue: 10),
            // positive RG on 20 Nov 2026 + 45 = 4 Jan 2027 (over the year end)
            Row(received: "2026-11-17", rg: ("2026-11-20", .positive), cg: nil, asOf: "2027-01-04", stage: .cgPending, rgDue: "2026-11-22", recoveryEnds: "2027-01-04", outstanding: .cgDecision, overdue: 0),
            Row(received: "2026-11-17", rg: ("2026-11-20", .positive), cg: ("2027-02-01", .positive), asOf: "2027-03-01", stage: .cgPositive, rgDue: "2026-11-22", recoveryEnds: "2027-01-04", outstanding: nil, overdue: 0),
            Row(received: "2026-11-17", rg: ("2026-11-20", .negative), cg: nil, asOf: "2027-03-01", stage: .rgNegative, rgDue: "2026-11-22", recoveryEnds: nil, outstanding: nil, overdue: 0),
            // a decision dated after --as-of is not counted yet
            Row(received: "2026-11-17", rg: ("2026-11-20", .positive), cg: nil, asOf: "2026-11-19", stage: .rgPending, rgDue: "2026-11-22", recoveryEnds: nil, outstanding: .rgDecision, overdue: 0),
        ]
        for (k, row) in rows.enumerated() {
            let r = try referral(.dateOfBirth(date("2012-01-01")), received: row.received)
            let s = try NRMStatus(referral: r.facts, rg: row.rg.map { .init(on: date($0.0), outcome: $0.1) },
                              cg: row.cg.map { .init(on: date($0.0), outcome: $0.1) }, withdrawn: nil,
                              asOf: date(row.asOf), timescales: NRMTimescales())
            XCTAssertEqual(s.stage, row.stage, "row \(k)")
            XCTAssertEqual(s.rgDue, date(row.rgDue), "row \(k)")
            XCTAssertEqual(s.recoveryEnds, row.recoveryEnds.map(date), "row \(k)")
            XCTAssertEqual(s.cgDue, row.recoveryEnds.map(date), "row \(k)")
            XCTAssertEqual(s.outstanding, row.outstanding, "row \(k)")
            XCTAssertEqual(s.overdueDays, row.overdue, "row \(k)")
            XCTAssertEqual(s.overdue, row.overdue > 0, "row \(k)")
        }
    }

    func testTimescalesCanBeOverridden() throws {
        let r = try referral(.dateOfBirth(date("2012-01-01")), received: "2026-11-20")
        let s = try NRMStatus(referral: r.facts, rg: .init(on: date("2026-11-21"), outcome: .positive), cg: nil, withdrawn: nil,
                          asOf: date("2026-11-21"), timescales: NRMTimescales(rgDays: 3, recoveryDays: 30))
        XCTAssertEqual(s.rgDue, date("2026-11-23"))
        XCTAssertEqual(s.recoveryEnds, date("2026-12-21"))
    }

    /// A due date past 9999-12-31 is refused where it is worked out, never written (issue 11).
    func testADueDateThatCannotBeWrittenIsRefused() throws {
        let r = try referral(.dateOfBirth(date("9990-01-01")), received: "9999-12-31")
        XCTAssertThrowsError(try NRMStatus(referral: r.facts, rg: nil, cg: nil, withdrawn: nil,
                                           asOf: date("9999-12-31"), timescales: NRMTimescales())) { e in
            XCTAssertTrue("\(e)".contains("rg-due") && "\(e)".contains("after 9999-12-31"), "\(e)")
        }
    }

    func testFoldReportsDecisionsThatBreakTheRules() throws {
        var folder = NRMCaseFolder()
        let at = { SourceLine(file: "case", line: $0) }
        try folder.add(try referral(id: "ref-1", .dateOfBirth(date("2012-01-01")), received: "2026-11-01"), at: at(1))
        try folder.add(try referral(id: "ref-2", .dateOfBirth(date("2012-01-01")), received: "2026-11-01"), at: at(2))
        XCTAssertThrowsError(try folder.add(try referral(id: "ref-1", .dateOfBirth(date("2012-01-01"))), at: at(3)))
        func decide(_ line: Int, _ ref: String, _ stage: DecisionStage, _ outcome: DecisionOutcome, _ on: String) {
            folder.add(NRMDecision(id: RecordID("dec-\(line)")!, referral: RecordID(ref)!, stage: stage, outcome: outcome, on: date(on)), at: at(line), raw: [])
        }
        decide(10, "ref-1", .cg, .positive, "2026-12-30")   // out of line order but after the RG by date: fine
        decide(11, "ref-1", .rg, .positive, "2026-11-04")
        decide(12, "ref-1", .rg, .negative, "2026-11-05")   // second RG
        decide(13, "ref-9", .rg, .positive, "2026-11-05")   // unknown referral
        decide(14, "ref-2", .cg, .positive, "2026-11-03")   // CG before any RG
        decide(15, "ref-2", .rg, .negative, "2026-11-04")
        decide(16, "ref-2", .cg, .positive, "2026-11-20")   // CG after a negative RG
        decide(17, "ref-2", .rg, .positive, "2026-10-01")   // before the referral
        let problems = folder.resolve()
        XCTAssertEqual(problems.map(\.source.line), [12, 13, 14, 16, 17])
        XCTAssertTrue(problems[0].message.contains("already has a reasonable-grounds decision (case:11)"))
        XCTAssertTrue(problems[1].message.contains("ref-9 is not in the input"))
        XCTAssertTrue(problems[2].message.contains("before any reasonable-grounds decision"))
        XCTAssertTrue(problems[3].message.contains("after a negative reasonable-grounds decision"))
        XCTAssertTrue(problems[4].message.contains("dated before referral ref-2 was received"))
        let statuses = try folder.statuses(asOf: date("2027-01-01"), timescales: NRMTimescales())
        XCTAssertEqual(statuses.map(\.stage), [.cgPositive, .rgNegative])
    }

    /// Issue 12, rule 8 (HESTIA; SOLACE L111): a CG decision dated before the
    /// recovery period ends is kept, but the period runs to its end and the
    /// status is marked early-cg with what to do.
    func testAnEarlyCGDoesNotEndTheRecoveryPeriod() throws {
        let r = try referral(.dateOfBirth(date("2012-01-01")), received: "2026-11-01")
        let rg = NRMStatus.Decided(on: date("2026-11-04"), outcome: .positive)   // the period ends 2026-12-19
        func status(_ cg: String, _ outcome: DecisionOutcome, asOf: String) throws -> NRMStatus {
            try NRMStatus(referral: r.facts, rg: rg, cg: .init(on: date(cg), outcome: outcome), withdrawn: nil,
                          asOf: date(asOf), timescales: NRMTimescales())
        }
        let during = try status("2026-12-01", .negative, asOf: "2026-12-05")
        XCTAssertEqual(during.stage, .rgPositive, "the recovery period keeps running")
        XCTAssertTrue(during.earlyCG)
        XCTAssertEqual(during.action, .confirmOrChallengeEarlyCG)
        XCTAssertEqual(during.recoveryEnds, date("2026-12-19"))
        let after = try status("2026-12-01", .negative, asOf: "2026-12-20")
        XCTAssertEqual(after.stage, .cgNegative)
        XCTAssertTrue(after.earlyCG, "still marked until confirmed or challenged")
        guard case .object(let o) = during.json else { return XCTFail() }
        XCTAssertEqual(o["early-cg"], .bool(true))
        XCTAssertEqual(try NRMStatus(o), during, "reads back")
        // Passing fixtures: on the last day of the period or after, not early.
        for onTime in ["2026-12-19", "2027-01-10"] {
            let s = try status(onTime, .negative, asOf: "2027-01-10")
            XCTAssertFalse(s.earlyCG, onTime)
            XCTAssertNil(s.action)
            XCTAssertEqual(s.stage, .cgNegative)
            guard case .object(let o) = s.json else { return XCTFail() }
            XCTAssertNil(o["early-cg"])
        }
        XCTAssertEqual(NRMTimescales().earlyCG(date("2026-12-18"), after: rg), date("2026-12-19"))
        XCTAssertNil(NRMTimescales(recoveryDays: 30).earlyCG(date("2026-12-18"), after: rg))
        XCTAssertNil(NRMTimescales().earlyCG(date("2026-11-05"), after: .init(on: date("2026-11-04"), outcome: .negative)))

        // The fold names the decision's line; a reconsideration after the period ends the mark.
        var folder = NRMCaseFolder()
        let at = { SourceLine(file: "case", line: $0) }
        try folder.add(r, at: at(1))
        folder.add(NRMDecision(id: RecordID("d-2")!, referral: r.id, stage: .rg, outcome: .positive, on: date("2026-11-04")), at: at(2), raw: [])
        folder.add(NRMDecision(id: RecordID("d-3")!, referral: r.id, stage: .cg, outcome: .negative, on: date("2026-12-01")), at: at(3), raw: [])
        XCTAssertEqual(folder.resolve().count, 0, "kept, never refused")
        XCTAssertEqual(folder.earlyConclusiveDecisions(timescales: NRMTimescales()).map(\.source), [at(3)])
        folder.add(NRMDecision(id: RecordID("d-4")!, referral: r.id, stage: .cg, outcome: .positive, on: date("2027-01-05"), reconsideration: true),
                   at: at(4), raw: [])
        XCTAssertEqual(folder.resolve().count, 0)
        XCTAssertTrue(folder.earlyConclusiveDecisions(timescales: NRMTimescales()).isEmpty)
    }

    /// One --as-of rule for every fold: a later event is neither applied nor reported.
    func testEventsAfterTheAsOfAreNeitherAppliedNorReported() throws {
        var folder = NRMCaseFolder(asOf: date("2026-11-10"))
        let at = { SourceLine(file: "case", line: $0) }
        try folder.add(try referral(id: "ref-1", .dateOfBirth(date("2012-01-01")), received: "2026-11-01"), at: at(1))
        folder.add(NRMDecision(id: RecordID("dec-2")!, referral: RecordID("ref-1")!, stage: .rg, outcome: .positive, on: date("2026-11-04")), at: at(2), raw: [])
        folder.add(NRMDecision(id: RecordID("dec-3")!, referral: RecordID("ref-1")!, stage: .rg, outcome: .negative, on: date("2026-11-11")), at: at(3), raw: [])
        XCTAssertEqual(folder.resolve().count, 0, "the second RG is after the as-of")
        XCTAssertEqual(try folder.statuses(asOf: date("2026-11-10"), timescales: NRMTimescales()).map(\.stage), [.rgPositive])
    }
}

/// The fold keeps a compact fact per record: a problem still names the right
/// file and line across inputs, events are applied in date order whatever the
/// input order, and a case with no referral keeps its id for the message.
final class NRMCompactFoldTests: XCTestCase {
    func testSourcesAndOrderSurviveTheCompactFold() throws {
        var folder = NRMCaseFolder()
        let a = { SourceLine(file: "a.ndjson", line: $0) }, b = { SourceLine(file: "b.ndjson", line: $0) }
        try folder.add(try referral(id: "ref-1", .dateOfBirth(date("2012-01-01")), received: "2026-11-01"), at: a(1))
        // Out of input order: the CG (line 2) is dated after the RG (b.ndjson line 7), so it is applied second.
        folder.add(NRMDecision(id: RecordID("d-2")!, referral: RecordID("ref-1")!, stage: .cg, outcome: .positive, on: date("2027-03-01")), at: a(2), raw: [])
        folder.add(NRMDecision(id: RecordID("d-3")!, referral: RecordID("ref-1")!, stage: .rg, outcome: .positive, on: date("2026-11-04")), at: b(7), raw: [])
        folder.add(NRMDecision(id: RecordID("d-4")!, referral: RecordID("ref-1")!, stage: .rg, outcome: .negative, on: date("2026-11-05")), at: b(9), raw: Array("x".utf8))
        folder.add(NRMDecision(id: RecordID("d-5")!, referral: RecordID("ref-9")!, stage: .rg, outcome: .positive, on: date("2026-11-05")), at: b(11), raw: [])
        let problems = folder.resolve()
        XCTAssertEqual(problems.map(\.source), [b(9), b(11)])
        XCTAssertTrue(problems[0].message.contains("already has a reasonable-grounds decision (b.ndjson:7)"), problems[0].message)
        XCTAssertEqual(problems[0].raw, Array("x".utf8), "the line kept for --rejects")
        XCTAssertTrue(problems[1].message.hasPrefix("referral ref-9 is not in the input"), problems[1].message)
        let statuses = try folder.statuses(asOf: date("2027-04-01"), timescales: NRMTimescales())
        XCTAssertEqual(statuses.map(\.stage), [.cgPositive])
        XCTAssertEqual(statuses.first?.rg, NRMStatus.Decided(on: date("2026-11-04"), outcome: .positive))
        XCTAssertEqual(folder.reasonableGrounds(of: RecordID("ref-1")!)?.on, date("2026-11-04"))
    }
}
