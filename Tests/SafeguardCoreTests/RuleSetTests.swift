import XCTest
@testable import SafeguardCore

/// Issue 18: the current rules beside the sources' (DOMAIN "Current practice").
final class RuleSetTests: XCTestCase {
    func testRGDueInWorkingDaysUnderCurrentRules() throws {
        let r = try referral(.dateOfBirth(date("2012-01-01")), received: "2025-04-17")
        func status(_ t: NRMTimescales) throws -> NRMStatus {
            try NRMStatus(referral: r.facts, rg: nil, cg: nil, withdrawn: nil, asOf: date("2025-04-30"), timescales: t)
        }
        let current = try status(NRMTimescales(rules: .current))
        XCTAssertEqual(current.rgDue, date("2025-04-28"), "Good Friday and Easter Monday are not working days")
        XCTAssertEqual(current.overdueDays, 2)
        XCTAssertEqual(current.rules, .current)
        let sources = try status(NRMTimescales(rules: .sources))
        XCTAssertEqual(sources.rgDue, date("2025-04-22"))
        XCTAssertEqual(sources.rules, .sources)
        var overridden = NRMTimescales(rules: .current)
        overridden.rgDays = 2   // each flag still overrides its number
        XCTAssertEqual(try status(overridden).rgDue, date("2025-04-23"))
        // Named in the output, and read back; an old status without it reads as sources.
        guard case .object(var o) = current.json else { return XCTFail() }
        XCTAssertEqual(o["rules"], .string("current"))
        XCTAssertEqual(try NRMStatus(o), current)
        o["rules"] = nil
        XCTAssertEqual(try NRMStatus(o).rules, .sources)
    }

    func testCurrentRecoveryPeriodAndCGReminder() throws {
        let r = try referral(.dateOfBirth(date("2012-01-01")), received: "2026-11-01")
        let rg = NRMStatus.Decided(on: date("2026-11-04"), outcome: .positive)
        let t = NRMTimescales(rules: .current)
        let s = try NRMStatus(referral: r.facts, rg: rg, cg: nil, withdrawn: nil, asOf: date("2027-03-05"), timescales: t)
        XCTAssertEqual(s.recoveryEnds, date("2026-12-04"), "30 days")
        XCTAssertNil(s.cgDue, "no target date under current")
        XCTAssertEqual(s.cgReview, date("2027-03-04"), "a reminder 90 days after the recovery period ends")
        XCTAssertEqual(s.due, date("2027-03-04"))
        XCTAssertEqual(s.overdueDays, 1)
        let sources = try NRMStatus(referral: r.facts, rg: rg, cg: nil, withdrawn: nil, asOf: date("2027-03-05"), timescales: NRMTimescales())
        XCTAssertNil(sources.cgReview)
        XCTAssertEqual(sources.cgDue, date("2026-12-19"))
    }

    func testUnderCurrentRulesACGIsNoSoonerThan30DaysAfterTheRG() throws {
        let rg = NRMStatus.Decided(on: date("2026-11-04"), outcome: .positive)
        let current = NRMTimescales(rules: .current)
        XCTAssertEqual(current.cgTooSoon(date("2026-12-03"), after: rg), date("2026-12-04"), "29 days: refused")
        XCTAssertNil(current.cgTooSoon(date("2026-12-04"), after: rg), "30 days: accepted")
        XCTAssertNil(NRMTimescales().cgTooSoon(date("2026-12-03"), after: rg), "no such rule in the sources")

        func fold(_ cgOn: String, _ t: NRMTimescales) throws -> [CaseProblem] {
            var folder = NRMCaseFolder(timescales: t)
            let r = try referral(.dateOfBirth(date("2012-01-01")), received: "2026-11-01")
            let at = { SourceLine(file: "case", line: $0) }
            try folder.add(r, at: at(1))
            folder.add(NRMDecision(id: RecordID("d-2")!, referral: r.id, stage: .rg, outcome: .positive, on: rg.on), at: at(2), raw: [])
            folder.add(NRMDecision(id: RecordID("d-3")!, referral: r.id, stage: .cg, outcome: .positive, on: date(cgOn)), at: at(3), raw: [])
            return folder.resolve()
        }
        let refused = try fold("2026-12-03", current)
        XCTAssertEqual(refused.map(\.source.line), [3])
        XCTAssertTrue(refused[0].message.contains("no sooner") && refused[0].message.contains("s.50A"), refused[0].message)
        XCTAssertTrue(try fold("2026-12-04", current).isEmpty)
        XCTAssertTrue(try fold("2026-12-03", NRMTimescales()).isEmpty, "sources: kept (and marked early-cg)")
    }

    func testHistoricCodesAreReadButRefusedForNewRecordsUnderCurrentRules() {
        XCTAssertNotNil(RuleSet.current.historicCodeProblem(firstResponder: .poppyProject, competentAuthority: nil))
        XCTAssertNotNil(RuleSet.current.historicCodeProblem(firstResponder: .police, competentAuthority: .ukhtc))
        XCTAssertNil(RuleSet.current.historicCodeProblem(firstResponder: .police, competentAuthority: .sca))
        XCTAssertNil(RuleSet.sources.historicCodeProblem(firstResponder: .migrantHelpline, competentAuthority: .ukba))
        XCTAssertEqual(FirstResponder.allCases.filter(\.isHistoric), [.poppyProject, .migrantHelpline, .gangmastersLicensingAuthority])
        XCTAssertEqual(CompetentAuthority(rawValue: "ddm-panel"), .ddmPanel)
        XCTAssertTrue(CompetentAuthority.ukba.label.contains("historic"))
    }

    func testStatisticsCategories2019CountCriminalOnItsOwnAndSeveralTypesOnce() {
        let y2019 = StatisticsCategories.y2019, y2015 = StatisticsCategories.y2015
        XCTAssertEqual(y2019.category(of: [.criminal]), "criminal")
        XCTAssertEqual(y2019.category(of: [.criminal, .sexual]), "sexual & criminal", "in the categories' order, whatever the referral's")
        XCTAssertEqual(y2019.category(of: [.sexual, .criminal]), "sexual & criminal")
        XCTAssertEqual(y2019.category(of: [.benefitFraud, .criminal]), "criminal", "benefit fraud is criminal exploitation")
        XCTAssertEqual(y2019.category(of: [.notSpecified, .labour]), "labour", "not specified adds nothing beside a type")
        XCTAssertEqual(y2019.category(of: [.forcedMarriage]), "not-specified")
        XCTAssertEqual(y2015.category(of: [.criminal, .sexual]), "labour", "2015: the first type, criminal as labour")
        XCTAssertEqual(StatisticsCategories(rules: .current), y2019)
        XCTAssertEqual(StatisticsCategories(rules: .sources), y2015)

        var stats = NRMStatistics(categories: y2019)
        XCTAssertTrue(stats.tablesInUse.contains(.countyLines))
        XCTAssertFalse(NRMStatistics().tablesInUse.contains(.countyLines))
        let r = try! Referral(id: RecordID("ref-c")!, received: date("2026-01-05"), firstResponder: .nca, competentAuthority: .sca,
                              subject: subject(.dateOfBirth(date("2012-01-01"))), exploitation: [.criminal, .sexual], indicators: [],
                              consentSignedOn: nil, account: nil, countyLines: true)
        stats.add(r.facts, status: try! NRMStatus(referral: r.facts, rg: nil, cg: nil, withdrawn: nil, asOf: date("2026-02-01"), timescales: NRMTimescales()))
        XCTAssertEqual(stats.grid(.exploitation).rowKeys.last, ["sexual & criminal"])
        XCTAssertEqual(stats.grid(.countyLines).rowKeys, [["flagged"], ["not-flagged"]])
    }

    func testUnderCurrentRulesAnOlderFindingNeedsTheMindedToStage() throws {
        let older = assessment()
        XCTAssertTrue(older.isSound, "the sources ask for no minded-to stage")
        XCTAssertEqual(older.gaps(under: .current), [.noMindedToStage])
        XCTAssertFalse(older.isSound(under: .current))
        XCTAssertEqual(AgePresumption.determine(assessments: [older], on: date("2026-11-23"), rules: .current).treatedAs, .child)
        XCTAssertEqual(AgePresumption.determine(assessments: [older], on: date("2026-11-23")).treatedAs, .adult)
        let minded = try AgeAssessment(id: older.id, person: older.person, date: older.date, claimed: older.claimed, documents: older.documents,
                                       assessors: older.assessors, interpreterNeeded: older.interpreterNeeded, interpreter: older.interpreter,
                                       appropriateAdult: true, purposeExplained: true, adversePointsPut: true, factors: older.factors,
                                       reasons: older.reasons, outcome: .assessedOlder, assessed: older.assessed, conclusion: .adult,
                                       assessedBy: .naab, mindedToDate: date("2026-11-18"), mindedToResponse: "Synthetic response")
        XCTAssertTrue(minded.isSound(under: .current))
        XCTAssertEqual(try AgeAssessment(minded.json.objectValue!), minded, "read back")
        XCTAssertTrue(assessment(outcome: .claimedAgeAccepted, assessed: nil, conclusion: .child).gaps(under: .current).isEmpty,
                      "only a finding older than claimed needs it")
    }
}
