import XCTest
@testable import SafeguardCore

final class CarePlanTests: XCTestCase {
    let date = CivilDate("2026-10-01")!

    /// A child's plan that breaks no rule; each test breaks one.
    func childPlan(_ change: (inout CarePlan) -> Void = { _ in }) -> CarePlan {
        var p = CarePlan(id: RecordID("cp-1")!, person: RecordID("S-1")!, date: date, nationality: Country("VN"),
                         leadProfessional: RecordID("SW-1"), needs: [(.accommodation, .open)],
                         risk: [.communitySafe: .medium, .abduction: .low], safetyPlanReviewed: date, agencies: [("police", true)],
                         papersComplete: false, interpreter: .independentProfessional, interpreterKnowsPerson: false,
                         arrangements: .child(ChildArrangements(missingStrategy: "Key worker on shift; return interview", notifyIfMissing: [.police, .homeOffice],
                                                                placement: .specialistFosterCare, safeHouseNeeded: false, headOfServiceNotified: false,
                                                                strategyMeetingHeld: true, familyRoleAssessed: true)))
        change(&p)
        return p
    }

    func child(_ p: inout CarePlan, _ f: (inout ChildArrangements) -> Void) {
        guard case .child(var c) = p.arrangements else { return }
        f(&c)
        p.arrangements = .child(c)
    }

    func problems(_ p: CarePlan, actions: [CarePlanAction] = [], asOf: String = "2026-10-20") -> [PlanProblem] {
        var c = CarePlanCase(p, at: SourceLine(file: "f", line: 1))
        for a in actions { try! c.apply(a) }
        return c.check(asOf: CivilDate(asOf)!).map(\.problem)
    }

    func testAPlanThatKeepsEveryRulePasses() {
        XCTAssertEqual(problems(childPlan()), [])
    }

    /// Each rule: a fixture that breaks it, and the passing fixture above.
    func testEachRuleHasAFailingFixture() {
        let cases: [(CarePlan, PlanProblem)] = [
            (childPlan { p in self.child(&p) { $0.missingStrategy = nil } }, .childNoMissingStrategy),
            (childPlan { p in self.child(&p) { $0.notifyIfMissing = [] } }, .childNoMissingStrategy),
            (childPlan { $0.interpreter = .none }, .childNoInterpreter),
            (childPlan { $0.nationality = Country("GB"); $0.interpreter = .community }, .communityInterpreter),
            (childPlan { $0.interpreterKnowsPerson = true }, .interpreterKnowsPerson),
            (childPlan { $0.risk[.abduction] = .high }, .abductionRiskNoSafeHouse),
            (childPlan { p in p.risk[.abduction] = .high; self.child(&p) { $0.safeHouseNeeded = true } }, .abductionRiskNoSafeHouse),
            (childPlan { p in self.child(&p) { $0.strategyMeetingHeld = false } }, .noStrategyMeeting),
            (childPlan { $0.leadProfessional = nil }, .noLeadProfessional),
            (childPlan { $0.safetyPlanReviewed = nil }, .safetyPlanStale),
        ]
        for (plan, problem) in cases { XCTAssertEqual(problems(plan), [problem], "\(problem)") }
        // Passing variants of the same rules.
        XCTAssertEqual(problems(childPlan { $0.nationality = Country("GB"); $0.interpreter = .notNeeded }), [], "a UK national child")
        XCTAssertEqual(problems(childPlan { p in p.risk[.abduction] = .high; self.child(&p) { $0.safeHouseNeeded = true; $0.headOfServiceNotified = true } }), [])
        // Safety plan: 28 days is current, 29 is stale.
        XCTAssertEqual(problems(childPlan(), asOf: "2026-10-29"), [])
        XCTAssertEqual(problems(childPlan(), asOf: "2026-10-30"), [.safetyPlanStale])
        // An action past its due date, and one that is done.
        func action(_ status: NeedStatus) -> CarePlanAction {
            CarePlanAction(id: RecordID("pa-1")!, plan: RecordID("cp-1")!, date: date, action: RecordID("act-1")!, need: .accommodation,
                           description: nil, owner: "Children's services", due: CivilDate("2026-10-15")!, status: status)
        }
        XCTAssertEqual(problems(childPlan(), actions: [action(.open)]), [.actionOverdue])
        XCTAssertEqual(problems(childPlan(), actions: [action(.open)], asOf: "2026-10-15"), [], "due today is not overdue")
        XCTAssertEqual(problems(childPlan(), actions: [action(.met)]), [])
    }

    func testAReviewChangesOnlyWhatItNames() throws {
        let changes = try JSONParser.parse(#"{"needs":[{"domain":"accommodation","status":"met"},{"domain":"medical","status":"open"}],"risk":{"abduction":"high"},"child":{"head-of-service-notified":true}}"#).objectValue!
        let reviewed = try CarePlanReview(id: RecordID("rv-1")!, plan: RecordID("cp-1")!, date: date, changes: changes, note: nil).apply(to: childPlan())
        XCTAssertEqual(reviewed.needs.map(\.domain), [.accommodation, .medical])
        XCTAssertEqual(reviewed.needs.map(\.status), [.met, .open])
        XCTAssertEqual(reviewed.risk, [.communitySafe: .medium, .abduction: .high])
        guard case .child(let c) = reviewed.arrangements else { return XCTFail() }
        XCTAssertTrue(c.headOfServiceNotified)
        XCTAssertEqual(c.missingStrategy, "Key worker on shift; return interview", "unchanged")
        let bad = try JSONParser.parse(#"{"needs":[{"domain":"spaceflight","status":"met"}]}"#).objectValue!
        XCTAssertThrowsError(try CarePlanReview(id: RecordID("rv-2")!, plan: RecordID("cp-1")!, date: date, changes: bad, note: nil).apply(to: childPlan())) {
            XCTAssertTrue("\($0)".contains("domain: is not a known need domain"), "\($0)")
        }
    }

    func testFoldErrorsNameTheirLines() throws {
        var folder = CarePlanFolder(asOf: CivilDate("2026-12-01")!)
        try folder.add(childPlan(), at: SourceLine(file: "f", line: 1))
        folder.add(.review(CarePlanReview(id: RecordID("rv-1")!, plan: RecordID("cp-9")!, date: date, changes: JSONObject(), note: "x")), at: SourceLine(file: "f", line: 2), raw: [])
        folder.add(.review(CarePlanReview(id: RecordID("rv-2")!, plan: RecordID("cp-1")!, date: CivilDate("2026-09-01")!, changes: JSONObject(), note: "x")), at: SourceLine(file: "f", line: 3), raw: [])
        folder.add(.action(CarePlanAction(id: RecordID("pa-1")!, plan: RecordID("cp-1")!, date: date, action: RecordID("act-1")!, need: .medical,
                                  description: nil, owner: "GP", due: CivilDate("2026-09-30")!, status: .open)), at: SourceLine(file: "f", line: 4), raw: [])
        let problems = folder.resolve()
        XCTAssertEqual(problems.map(\.source.line), [2, 3, 4])
        XCTAssertTrue(problems[0].message.contains("plan cp-9 is not in the input"))
        XCTAssertTrue(problems[1].message.contains("before plan cp-1 was made"))
        XCTAssertTrue(problems[2].message.contains("field due: 2026-09-30 is before the plan was made"))
    }

    /// Miss G (HESTIA): as first made, not ready to leave; after the reviews that meet the criteria, ready.
    func testExitNeverSaysYesWhileACriterionIsUnmet() throws {
        var missG = CarePlan(id: RecordID("cp-g")!, person: RecordID("S-G")!, date: date, nationality: Country("AL"), leadProfessional: RecordID("SW-1"),
                             needs: NeedDomain.allCases.filter { $0 != .safety }.map { ($0, NeedStatus.open) },
                             risk: [.communitySafe: .high, .publicFunds: .high, .understands: .medium, .canKeepSafe: .high, .familyFriendsRisk: .high],
                             safetyPlanReviewed: date, agencies: [("police", false), ("home-office", false)], papersComplete: false,
                             interpreter: .independentProfessional, interpreterKnowsPerson: false,
                             arrangements: .adult(AdultArrangements(recourseToPublicFunds: false, additionalNeeds: [.mentalHealth])))
        var c = CarePlanCase(missG, at: SourceLine(file: "f", line: 1))
        XCTAssertEqual(c.unmetExitCriteria(asOf: CivilDate("2026-10-20")!).map(\.0), [.riskReduced, .agenciesInformed, .targetsMet, .papersComplete])
        // Each criterion met in turn; exit stays no until the last.
        let steps: [String] = [
            #"{"risk":{"community-safe":"low","public-funds":"medium","understands":"low","can-keep-safe":"low","family-friends-risk":"medium"}}"#,
            #"{"agencies":[{"agency":"police","informed":true},{"agency":"home-office","informed":true}]}"#,
            #"{"needs":[\#(NeedDomain.allCases.filter { $0 != .safety }.map { #"{"domain":"\#($0.rawValue)","status":"\#($0 == .legalImmigration ? "signposted" : "met")"}"# }.joined(separator: ","))]}"#,
            #"{"papers-complete":true,"safety-plan-reviewed":"2026-11-25"}"#,
        ]
        for (k, step) in steps.enumerated() {
            try c.apply(CarePlanReview(id: RecordID("rv-\(k)")!, plan: missG.id, date: CivilDate("2026-11-25")!, changes: try JSONParser.parse(step).objectValue!, note: nil))
            let unmet = c.unmetExitCriteria(asOf: CivilDate("2026-12-01")!)
            XCTAssertEqual(unmet.isEmpty, k == steps.count - 1, "after step \(k): \(unmet)")
        }
        // Stale again later: not ready.
        XCTAssertEqual(c.unmetExitCriteria(asOf: CivilDate("2027-01-30")!).map(\.0), [.safetyPlanCurrent])
        missG.risk = [:]
        XCTAssertEqual(CarePlanCase(missG, at: SourceLine(file: "f", line: 1)).unmetExitCriteria(asOf: date).first?.0, .riskReduced)
    }

    /// The first assessment may come in a review: reduction is measured from each question's first answer.
    func testRiskReductionFromAFirstAnswerInAReview() throws {
        var plan = childPlan()
        plan.risk = [:]
        var c = CarePlanCase(plan, at: SourceLine(file: "f", line: 1))
        try c.apply(CarePlanReview(id: RecordID("rv-1")!, plan: plan.id, date: date, changes: try JSONParser.parse(#"{"risk":{"community-safe":"high","can-keep-safe":"high"}}"#).objectValue!, note: nil))
        try c.apply(CarePlanReview(id: RecordID("rv-2")!, plan: plan.id, date: date, changes: try JSONParser.parse(#"{"risk":{"community-safe":"low","can-keep-safe":"medium"}}"#).objectValue!, note: nil))
        XCTAssertEqual(c.firstRisk, [.communitySafe: .high, .canKeepSafe: .high])
        XCTAssertFalse(c.unmetExitCriteria(asOf: date).contains { $0.0 == .riskReduced }, "down by 3 from the first answers")
    }

    func testAReviewCannotHoldNull() throws {
        let review = try JSONParser.parse(#"{"kind":"care-plan-review","v":1,"id":"rv-1","plan":"cp-1","date":"2026-10-02","changes":{"lead-professional":null}}"#).objectValue!
        XCTAssertThrowsError(try CarePlanReview(review)) { XCTAssertTrue("\($0)".contains("must not hold null")) }
    }

    /// A plan is written and read in one place: it reads back as written, child's and adult's.
    func testAPlanReadsBackAsWritten() throws {
        var adult = childPlan()
        adult.arrangements = .adult(AdultArrangements(recourseToPublicFunds: false, additionalNeeds: [.disability]))
        for plan in [childPlan(), adult] {
            guard case .object(let o) = plan.json else { return XCTFail() }
            XCTAssertEqual(try CarePlan(o), plan)
        }
    }

    /// Typed changes do what the same review read from JSON does; the wrong age group's arrangements are refused.
    func testTypedChangesMatchAReview() throws {
        var changes = CarePlanChanges()
        changes.needs = [(.accommodation, .met), (.medical, .open)]
        changes.risk = [(.abduction, .high)]
        var child = ChildChanges()
        child.headOfServiceNotified = true
        changes.child = child
        let review = CarePlanReview(id: RecordID("rv-1")!, plan: RecordID("cp-1")!, date: date, changes: changes, note: nil)
        XCTAssertEqual(try childPlan().applying(changes), try review.apply(to: childPlan()))
        XCTAssertEqual(try CarePlanReview(review.json.objectValue!).changes, review.changes, "a review reads back as written")
        var adultChanges = CarePlanChanges()
        adultChanges.adult = AdultChanges()
        XCTAssertThrowsError(try childPlan().applying(adultChanges)) { XCTAssertTrue("\($0)".contains("a child's plan has child arrangements")) }
    }
}
