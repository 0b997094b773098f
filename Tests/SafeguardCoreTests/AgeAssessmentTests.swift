import XCTest
@testable import SafeguardCore

/// A sound assessment; tests take away one safeguard at a time.
func assessment(id: String = "aa-1", date: String = "2026-11-20", documents: DocumentsSeen = .none, assessors: [Assessor]? = nil, interpreterNeeded: Bool = true,
                interpreter: InterpreterArrangement = .independentProfessional, appropriateAdult: Bool = true,
                purposeExplained: Bool = true, adversePointsPut: Bool = true,
                factors: [AssessmentFactor] = [.physical, .psychological, .cultural], reasons: String? = "Consistent account",
                outcome: AssessmentOutcome = .assessedOlder, assessed: AssessedAge? = .range(19...21),
                conclusion: AgeGroup = .adult) -> AgeAssessment {
    try! AgeAssessment(id: RecordID(id)!, person: RecordID("S-7")!, date: CivilDate(date)!, claimed: .claimedAge(16), documents: documents,
                       assessors: assessors ?? [Assessor(id: RecordID("SW-1")!, trained: true), Assessor(id: RecordID("SW-2")!, trained: true)],
                       interpreterNeeded: interpreterNeeded, interpreter: interpreter, appropriateAdult: appropriateAdult,
                       purposeExplained: purposeExplained, adversePointsPut: adversePointsPut, factors: factors, reasons: reasons,
                       outcome: outcome, assessed: assessed, conclusion: conclusion)
}

final class AgeAssessmentTests: XCTestCase {
    func testASoundAssessmentHasNoGaps() {
        XCTAssertEqual(assessment().gaps, [])
        XCTAssertTrue(assessment().isSound)
    }

    /// Each safeguard missing gives its own stable code, and only that one.
    func testEachGapHasAFailingAndAPassingCase() {
        let cases: [(AgeAssessment, AssessmentGap)] = [
            (assessment(assessors: [Assessor(id: RecordID("SW-1")!, trained: true)]), .fewerThanTwoTrainedAssessors),
            (assessment(assessors: [Assessor(id: RecordID("SW-1")!, trained: true), Assessor(id: RecordID("SW-2")!, trained: false)]), .fewerThanTwoTrainedAssessors),
            (assessment(interpreter: .notUsed), .noInterpreter),
            (assessment(interpreter: .community), .interpreterNotIndependent),
            (assessment(appropriateAdult: false), .noAppropriateAdult),
            (assessment(purposeExplained: false), .purposeNotExplained),
            (assessment(adversePointsPut: false), .noChanceToRespond),
            (assessment(reasons: nil), .noReasons),
            (assessment(factors: [.physical, .medical]), .appearanceOrMedicalOnly),
            (assessment(factors: [.physical]), .appearanceOrMedicalOnly),
            (assessment(factors: []), .noFactorsRecorded),
            (assessment(assessors: [Assessor(id: RecordID("SW-1")!, trained: true), Assessor(id: RecordID("SW-1")!, trained: true)]), .fewerThanTwoTrainedAssessors),
            (assessment(assessed: .range(19...21), conclusion: .child), .conclusionContradictsAge),
            (assessment(assessed: .range(17...19)), .adultDespiteDoubt),
            (assessment(outcome: .inconclusive, assessed: nil), .adultDespiteDoubt),
            (assessment(assessed: nil), .noAssessedAge),
        ]
        for (a, gap) in cases {
            XCTAssertTrue(a.gaps.contains(gap), "\(gap)")
            XCTAssertFalse(a.isSound, "\(gap)")
        }
        XCTAssertEqual(assessment(interpreterNeeded: false, interpreter: .notUsed).gaps, [], "no interpreter needed, none used")
        XCTAssertEqual(assessment(assessed: .range(17...19), conclusion: .child).gaps, [], "the benefit of the doubt given")
    }

    /// The case: one assessor and no interpreter for someone who needs one.
    func testOneAssessorAndNoInterpreterGiveBothCodesAndTheChildPresumptionHolds() throws {
        let a = assessment(assessors: [Assessor(id: RecordID("SW-1")!, trained: true)], interpreter: .notUsed)
        XCTAssertEqual(a.gaps, [.fewerThanTwoTrainedAssessors, .noInterpreter])
        let status = try AgeStatus(person: RecordID("S-7")!, assessments: [a], asOf: CivilDate("2026-11-23")!)
        XCTAssertEqual(status.treatedAs, .child)
        XCTAssertEqual(status.basis, .disputedNoSoundAssessment)
        XCTAssertEqual(status.latestGaps, [.fewerThanTwoTrainedAssessors, .noInterpreter])
    }

    func testTheLatestSoundAssessmentDecidesByTheYoungestAgeItAllows() {
        let child = assessment(id: "aa-1", date: "2026-01-10", outcome: .assessedOlder, assessed: .range(16...17), conclusion: .child)
        let flawedAdult = assessment(id: "aa-2", date: "2026-06-01", appropriateAdult: false, assessed: .range(19...20))
        // 16 on 10 Jan 2026 at the youngest: 17 on 10 Jan 2027, 18 on 10 Jan 2028.
        let d2027 = AgePresumption.determine(assessments: [child], on: CivilDate("2027-06-01")!)
        XCTAssertEqual(d2027.sound?.id.rawValue, "aa-1")
        XCTAssertEqual(d2027.youngestAge, 17)
        XCTAssertEqual(d2027.treatedAs, .child)
        // An assessment with gaps never decides; a later one reopens the doubt (issue 12, rule 3).
        let flawedLater = AgePresumption.determine(assessments: [child, flawedAdult], on: CivilDate("2027-06-01")!)
        XCTAssertNil(flawedLater.sound)
        XCTAssertEqual(flawedLater.treatedAs, .child)
        XCTAssertEqual(flawedLater.basis, .reopenedByLaterAssessment)
        XCTAssertEqual(AgePresumption.determine(assessments: [child], on: CivilDate("2028-01-10")!).treatedAs, .adult)
        XCTAssertEqual(AgePresumption.turns18(CivilDate("2026-01-10")!, .range(16...17)), CivilDate("2028-01-10"))
        XCTAssertEqual(AgePresumption.turns18(CivilDate("2026-11-22")!, .range(20...22)), CivilDate("2024-11-22"), "already 18 two years before")
        XCTAssertEqual(AgePresumption.determine(assessments: [], on: CivilDate("2027-06-01")!).treatedAs, .child)
        // An assessment made after the date does not count yet.
        XCTAssertNil(AgePresumption.determine(assessments: [child], on: CivilDate("2026-01-09")!).sound)
    }

    /// Issue 12, rule 1 (SOLACE L304, L312): documents are a factor only when
    /// they were seen, and what is left must not be appearance or medical alone.
    func testDocumentaryIsAFactorOnlyWhenDocumentsWereSeen() {
        let appearance = assessment(documents: .none, factors: [.physical, .documentary])
        XCTAssertTrue(appearance.gaps.contains(.documentaryWithoutDocuments))
        XCTAssertTrue(appearance.gaps.contains(.appearanceOrMedicalOnly), "documentary does not count: physical alone is left")
        XCTAssertFalse(appearance.isSound)
        let held = assessment(documents: .heldByThirdParty, factors: [.physical, .psychological, .cultural, .documentary])
        XCTAssertEqual(held.gaps, [.documentaryWithoutDocuments], "documents a third party holds were not seen")
        XCTAssertEqual(assessment(documents: .genuine, factors: [.physical, .psychological, .cultural, .documentary]).gaps, [])
        XCTAssertEqual(assessment(documents: .falseOrDoubtful, factors: [.physical, .psychological, .cultural, .documentary]).gaps, [])
        XCTAssertTrue(assessment(documents: .genuine, factors: [.medical, .physical]).gaps.contains(.appearanceOrMedicalOnly))
        XCTAssertFalse(assessment(documents: .genuine, factors: [.physical, .documentary]).gaps.contains(.appearanceOrMedicalOnly),
                       "documents seen are more than appearance")
    }

    /// Issue 12, rule 2 (SOLACE L316): physical, psychological and cultural
    /// factors all considered; each one missing is its own gap.
    func testEachOfTheThreeFactorsMissingIsItsOwnGap() {
        XCTAssertEqual(assessment(factors: [.psychological]).gaps, [.physicalNotConsidered, .culturalNotConsidered])
        XCTAssertEqual(assessment(factors: [.physical, .psychological]).gaps, [.culturalNotConsidered])
        XCTAssertEqual(assessment(factors: [.physical, .cultural]).gaps, [.psychologicalNotConsidered])
        XCTAssertFalse(assessment(factors: [.psychological]).isSound)
        XCTAssertEqual(assessment(factors: [.cultural, .psychological, .physical, .medical]).gaps, [])
        XCTAssertEqual(assessment(factors: []).gaps, [.noFactorsRecorded, .physicalNotConsidered, .psychologicalNotConsidered, .culturalNotConsidered])
    }

    /// Issue 12, rule 3 (SOLACE L312): any later doubt reopens the presumption.
    func testALaterFindingOfUnder18ReopensThePresumption() {
        let on = CivilDate("2026-06-01")!
        let soundAdult = assessment(id: "aa-1", date: "2026-01-10")
        let gappyChild = assessment(id: "aa-2", date: "2026-03-01", appropriateAdult: false, outcome: .claimedAgeAccepted, assessed: nil, conclusion: .child)
        let documentsChild = assessment(id: "aa-2", date: "2026-03-01", documents: .genuine, factors: [.documentary],
                                        outcome: .claimedAgeAccepted, assessed: nil, conclusion: .child)
        let soundChild = assessment(id: "aa-2", date: "2026-03-01", outcome: .assessedYounger, assessed: .range(15...16), conclusion: .child)
        let inconclusive = assessment(id: "aa-2", date: "2026-03-01", outcome: .inconclusive, assessed: nil, conclusion: .child)
        let gappyAdult = assessment(id: "aa-2", date: "2026-03-01", factors: [.physical])
        XCTAssertTrue(soundChild.isSound)

        let settled = AgePresumption.determine(assessments: [soundAdult], on: on)
        XCTAssertEqual(settled.treatedAs, .adult)
        XCTAssertEqual(settled.why, [AgeStatusReason(.soundAssessmentDecides, soundAdult.id)])

        for later in [gappyChild, documentsChild] {
            let d = AgePresumption.determine(assessments: [soundAdult, later], on: on)
            XCTAssertEqual(d.treatedAs, .child, "a later finding of under 18, sound or not, makes them a child again")
            XCTAssertEqual(d.basis, .reopenedByLaterAssessment)
            XCTAssertNil(d.settlement)
            XCTAssertEqual(d.why, [AgeStatusReason(.laterFindingUnder18, later.id), AgeStatusReason(.earlierSoundAssessmentSetAside, soundAdult.id)])
            // Input order does not matter: the assessments are taken by date.
            XCTAssertEqual(AgePresumption.determine(assessments: [later, soundAdult], on: on).treatedAs, .child)
            // Before the later finding, the sound adult finding stood.
            XCTAssertEqual(AgePresumption.determine(assessments: [soundAdult, later], on: CivilDate("2026-02-28")!).treatedAs, .adult)
        }
        let bySound = AgePresumption.determine(assessments: [soundAdult, soundChild], on: on)
        XCTAssertEqual(bySound.treatedAs, .child)
        XCTAssertEqual(bySound.sound?.id, soundChild.id)
        // A later inconclusive assessment leaves the sound finding in place, and is noted.
        let noted = AgePresumption.determine(assessments: [soundAdult, inconclusive], on: on)
        XCTAssertEqual(noted.treatedAs, .adult)
        XCTAssertEqual(noted.why, [AgeStatusReason(.soundAssessmentDecides, soundAdult.id), AgeStatusReason(.laterInconclusive, inconclusive.id)])
        // The latest completed assessment must itself be sound for an adult.
        let reopened = AgePresumption.determine(assessments: [soundAdult, gappyAdult], on: on)
        XCTAssertEqual(reopened.treatedAs, .child)
        XCTAssertEqual(reopened.why.first, AgeStatusReason(.laterAssessmentNotSound, gappyAdult.id))
        // A newer sound assessment settles it again.
        let newer = assessment(id: "aa-3", date: "2026-04-01")
        XCTAssertEqual(AgePresumption.determine(assessments: [soundAdult, gappyChild, newer], on: on).treatedAs, .adult)
        XCTAssertEqual(AgePresumption.determine(assessments: [], on: on).why, [AgeStatusReason(.noAssessment, nil)])
    }

    /// nrm-referral's consent rule asks the same presumption.
    func testAReferralOfADisputedAgeFollowsTheAssessment() throws {
        let subject = Subject(id: RecordID("S-7")!, name: nil, age: .claimedAge(19), ageDisputed: true, sex: .male, nationality: nil,
                              languages: [], interpreterNeeded: false)
        func refer(_ settlement: AgeSettlement?, consent: CivilDate? = nil) throws -> Referral {
            try Referral(id: RecordID("ref-1")!, received: CivilDate("2026-11-23")!, firstResponder: .police, competentAuthority: nil,
                         subject: subject, exploitation: [.labour], indicators: [], consentSignedOn: consent, account: nil, settlement: settlement)
        }
        // No sound assessment: a child, no consent needed.
        let unsettled = AgePresumption.settlement(assessments: [assessment(adversePointsPut: false)], on: CivilDate("2026-11-23")!)
        XCTAssertNil(unsettled)
        XCTAssertEqual(try refer(unsettled).consent, .notRequiredChild)
        // A sound assessment found an adult: consent is needed.
        let settled = AgePresumption.settlement(assessments: [assessment()], on: CivilDate("2026-11-23")!)
        XCTAssertEqual(settled, AgeSettlement(assessment: RecordID("aa-1")!, treatedAs: .adult))
        XCTAssertThrowsError(try refer(settled)) { XCTAssertEqual($0 as? ReferralRefusal, .adultWithoutConsent) }
        let r = try refer(settled, consent: CivilDate("2026-11-23"))
        XCTAssertEqual(r.ageBasis, .assessedEighteenOrOver)
        guard case .object(let o) = r.json else { return XCTFail() }
        XCTAssertEqual(try Referral(o), r, "reads back with the assessment named")
        var unnamed = o
        unnamed["age-assessment"] = nil
        XCTAssertThrowsError(try Referral(unnamed))
    }

    func testReadingRefusesBadValues() throws {
        guard case .object(let o) = assessment().json else { return XCTFail() }
        XCTAssertEqual(try AgeAssessment(o), assessment())
        var tooOld = o
        tooOld["claimed"] = .object(JSONObject([.init(key: "age", value: .int(121))]))
        XCTAssertThrowsError(try AgeAssessment(tooOld)) { XCTAssertEqual("\($0)", "field claimed.age: must be from 0 to 120") }
        var negative = o
        negative["claimed"] = .object(JSONObject([.init(key: "age", value: .int(-1))]))
        XCTAssertThrowsError(try AgeAssessment(negative))
        var future = o
        future["claimed"] = .object(JSONObject([.init(key: "dob", value: .string("2027-01-01"))]))
        XCTAssertThrowsError(try AgeAssessment(future)) { XCTAssertEqual("\($0)", "field claimed.dob is after the assessment date") }
        var unknown = o
        unknown["documents"] = .string("passport")
        XCTAssertThrowsError(try AgeAssessment(unknown)) { XCTAssertTrue("\($0)".contains("field documents: is not a known documents seen")) }
    }
}

final class AgeOnDateTests: XCTestCase {
    /// Hand-checked: leap days, 18th birthdays and year ends.
    func testAgesOnDates() throws {
        let table: [(dob: String, on: String, age: Int, group: AgeGroup, eighteenth: String)] = [
            ("2008-02-29", "2026-02-28", 17, .child, "2026-03-01"),
            ("2008-02-29", "2026-03-01", 18, .adult, "2026-03-01"),
            ("2008-12-31", "2026-12-31", 18, .adult, "2026-12-31"),
            ("2009-01-01", "2026-12-31", 17, .child, "2027-01-01"),
            ("2010-06-15", "2026-06-15", 16, .child, "2028-06-15"),
        ]
        for row in table {
            let r = try AgeOnDate(dob: CivilDate(row.dob)!, on: CivilDate(row.on)!)!
            XCTAssertEqual(r.age, row.age, row.dob)
            XCTAssertEqual(r.treatedAs, row.group, row.dob)
            XCTAssertEqual(r.eighteenthBirthday, CivilDate(row.eighteenth), row.dob)
        }
        XCTAssertNil(try AgeOnDate(dob: CivilDate("2027-01-01")!, on: CivilDate("2026-01-01")!))
    }

    /// The dates of birth a claimed age allows, checked by hand and by the age rule itself.
    func testClaimedAgeRanges() throws {
        let table: [(age: Int, on: String, earliest: String, latest: String)] = [
            (16, "2026-11-23", "2009-11-24", "2010-11-23"),
            (19, "2028-02-29", "2008-03-01", "2009-02-28"),
            (17, "2027-03-01", "2009-03-02", "2010-03-01"),
            (0, "2026-01-01", "2025-01-02", "2026-01-01"),
        ]
        for row in table {
            let r = try ClaimedAgeRange(age: row.age, on: CivilDate(row.on)!)
            XCTAssertEqual(r.earliestDOB, CivilDate(row.earliest), "\(row)")
            XCTAssertEqual(r.latestDOB, CivilDate(row.latest), "\(row)")
            let on = CivilDate(row.on)!
            XCTAssertEqual(r.earliestDOB.age(on: on), row.age)
            XCTAssertEqual(r.earliestDOB.adding(days: -1).age(on: on), row.age + 1)
            XCTAssertEqual(r.latestDOB.age(on: on), row.age)
            XCTAssertNotEqual(r.latestDOB.adding(days: 1).age(on: on), row.age)
        }
    }
}
