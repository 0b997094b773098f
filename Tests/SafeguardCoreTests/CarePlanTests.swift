import XCTest
@testable import SafeguardCore

final class CarePlanTests: XCTestCase {
    let date = CivilDate("2026-10-01")!

    /// A child's plan that breaks no rule; each test breaks one.
    func childPlan(_ change: (inout CarePlan) -> Void = { _ in }) -> CarePlan {
        var arrangements = ChildArrangements()
        arrangements.missingStrategy = "Key worker on shift; return interview"
        arrangements.notifyIfMissing = [.police, .homeOffice]
        arrangements.placement = .specialistFosterCare
        arrangements.safeHouseNeeded = false
        arrangements.strategyMeetingHeld = true
        arrangements.familyRoleAssessed = true
        arrangements.risksConsidered = [.cse, .missing, .trafficking]
        var p = CarePlan(id: RecordID("cp-1")!, person: RecordID("S-1")!, date: date, dob: CivilDate("2012-03-04"), ageDisputed: false,
                         nationality: Country("VN"), leadProfessional: RecordID("SW-1"), exploitation: [.sexual],
                         needs: [(.accommodation, .open), (.education, .open)],
                         risk: [.communitySafe: .medium, .publicFunds: .high, .understands: .medium, .canKeepSafe: .medium,
                                .familyFriendsRisk: .low, .abduction: .low, .goingMissing: .high],
                         safetyPlanReviewed: date, agencies: [("police", true)],
                         papersComplete: false, interpreter: .independentProfessional, interpreterKnowsPerson: false,
                         arrangements: .child(arrangements))
        change(&p)
        return p
    }

    func child(_ p: inout CarePlan, _ f: (inout ChildArrangements) -> Void) {
        guard case .child(var c) = p.arrangements else { return }
        f(&c)
        p.arrangements = .child(c)
    }

    func problems(_ p: CarePlan, actions: [CarePlanAction] = [], assessments: [AgeAssessment] = [], asOf: String = "2026-10-20",
                  rules: CarePlanRules = CarePlanRules()) -> [PlanProblem] {
        var c = CarePlanCase(p, at: SourceLine(file: "f", line: 1))
        for a in actions { try! c.apply(a) }
        c.assessments = assessments
        return c.check(asOf: CivilDate(asOf)!, rules: rules).map(\.problem)
    }

    func action(_ id: String, kind: ActionKind = .support, need: NeedDomain = .accommodation, status: NeedStatus = .open, due: String = "2026-12-15") -> CarePlanAction {
        CarePlanAction(id: RecordID("pa-\(id)")!, plan: RecordID("cp-1")!, date: date, action: RecordID(id)!, kind: kind, need: need,
                       description: nil, owner: "Children's services", due: CivilDate(due)!, status: status)
    }

    func testAPlanThatKeepsEveryRulePasses() {
        XCTAssertEqual(problems(childPlan()), [])
    }

    /// Each rule: a fixture that breaks it, and the passing fixture above.
    func testEachRuleHasAFailingFixture() {
        let cases: [(CarePlan, PlanProblem)] = [
            (childPlan { p in self.child(&p) { $0.missingStrategy = nil } }, .childNoMissingStrategy),
            (childPlan { p in self.child(&p) { $0.notifyIfMissing = [.homeOffice, .missingPeople] } }, .notifyNoPolice),
            (childPlan { p in self.child(&p) { $0.notifyIfMissing = [.police] } }, .notifyNoHomeOffice),
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
        XCTAssertEqual(reviewed.needs.map(\.domain), [.accommodation, .education, .medical])
        XCTAssertEqual(reviewed.needs.map(\.status), [.met, .open, .open])
        XCTAssertEqual(reviewed.risk, childPlan().risk.merging([.abduction: .high]) { $1 })
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
        var missG = CarePlan(id: RecordID("cp-g")!, person: RecordID("S-G")!, date: date,
                             claimedDOBRange: ClaimedDOBRange(try ClaimedAgeRange(age: 24, on: date)), ageDisputed: false,
                             nationality: Country("AL"), leadProfessional: RecordID("SW-1"),
                             needs: NeedDomain.allCases.filter { $0 != .safety }.map { ($0, NeedStatus.open) },
                             risk: [.communitySafe: .high, .publicFunds: .high, .understands: .medium, .canKeepSafe: .high, .familyFriendsRisk: .high],
                             safetyPlanReviewed: date, agencies: [("police", false), ("home-office", false)], papersComplete: false,
                             interpreter: .independentProfessional, interpreterKnowsPerson: false,
                             arrangements: .adult(AdultArrangements(recourseToPublicFunds: false, additionalNeeds: [.mentalHealth])))
        var c = CarePlanCase(missG, at: SourceLine(file: "f", line: 1))
        XCTAssertEqual(c.unmetExitCriteria(asOf: CivilDate("2026-10-20")!).map(\.0), [.riskReduced, .agenciesInformed, .targetsMet, .papersComplete,
                                                                                     .aimOfServiceUnderstood, .rightsInUKUnderstood, .otherServicesExplained, .policeConcernsDiscussed])
        // Each criterion met in turn; exit stays no until the last.
        let steps: [String] = [
            #"{"risk":{"community-safe":"low","public-funds":"medium","understands":"low","can-keep-safe":"low","family-friends-risk":"medium"}}"#,
            #"{"agencies":[{"agency":"police","informed":true},{"agency":"home-office","informed":true}]}"#,
            #"{"exit-informed":[{"agency":"police","date":"2026-11-25"}]}"#,
            #"{"exit-informed":[{"agency":"home-office","date":"2026-11-25"}]}"#,
            #"{"support-checklist":["aim-of-service","rights-in-uk","other-services"]}"#,
            #"{"support-checklist":["police-concerns"]}"#,
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
        // Told of the exit after the as-of: not yet.
        XCTAssertEqual(c.unmetExitCriteria(asOf: CivilDate("2026-11-24")!).map(\.0).first { $0 == .agenciesInformed }, .agenciesInformed)
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

    // MARK: Issue 14 and issue 12's care-plan rules: each has a failing and a passing fixture.

    /// No empty plan passes: a child's plan with every optional field blank gives one problem per unanswered duty.
    func testNoEmptyChildPlanPasses() {
        let empty = CarePlan(id: RecordID("cp-0")!, person: RecordID("S-0")!, date: date, dob: CivilDate("2012-03-04"), ageDisputed: false,
                             arrangements: .child(ChildArrangements()))
        XCTAssertEqual(problems(empty), [
            .childNoMissingStrategy, .notifyNoPolice, .notifyNoHomeOffice, .childNoInterpreter,
            .riskUnansweredCommunitySafe, .riskUnansweredPublicFunds, .riskUnansweredUnderstands, .riskUnansweredCanKeepSafe,
            .riskUnansweredFamilyFriends, .riskUnansweredAbduction, .riskUnansweredGoingMissing,
            .noStrategyMeeting, .exploitationNotRecorded, .cseRiskNotConsidered, .missingRiskNotConsidered, .traffickingRiskNotConsidered,
            .noEducationNeed, .noLeadProfessional, .safetyPlanStale,
        ])
    }

    /// Rule 0: the status is worked out on the report's date, never frozen at the plan's.
    func testStatusIsWorkedOutOnTheReportDate() throws {
        // A child who turns 18: a child the day before, an adult on the birthday, and the output says the group changed.
        let turning = childPlan { $0.dob = CivilDate("2008-10-25") }
        let rules = { () -> CarePlanRules in var r = CarePlanRules(); r.transitionDays = 0; return r }()
        XCTAssertEqual(problems(turning, asOf: "2026-10-24", rules: rules), [], "a child the day before, outside a 0-day transition window")
        var c = CarePlanCase(turning, at: SourceLine(file: "f", line: 1))
        XCTAssertEqual(c.ageStatus(asOf: CivilDate("2026-10-24")!).treatedAs, .child)
        XCTAssertEqual(c.ageStatus(asOf: CivilDate("2026-10-25")!).treatedAs, .adult)
        XCTAssertEqual(c.ageStatus(asOf: CivilDate("2026-10-25")!).basis, .eighteenOrOver)
        XCTAssertTrue(problems(turning, asOf: "2026-10-25").contains(.ageGroupChanged))
        // A claimed age counts by the youngest it allows: a claim of 17 is still a child a year on.
        let claimed = childPlan { $0.dob = nil; $0.claimedDOBRange = ClaimedDOBRange(try! ClaimedAgeRange(age: 17, on: self.date)) }
        c = CarePlanCase(claimed, at: SourceLine(file: "f", line: 1))
        XCTAssertEqual(c.ageStatus(asOf: CivilDate("2027-09-30")!).treatedAs, .child)
        XCTAssertEqual(c.ageStatus(asOf: CivilDate("2027-10-01")!).treatedAs, .adult)
        // An adult's plan, age disputed: a child until a sound assessment settles it; the plan holds no child arrangements,
        // so every child duty is unanswered.
        var adult = childPlan { $0.dob = nil; $0.claimedDOBRange = ClaimedDOBRange(try! ClaimedAgeRange(age: 20, on: self.date)); $0.ageDisputed = true }
        adult.arrangements = .adult(AdultArrangements(recourseToPublicFunds: false))
        let disputed = problems(adult)
        XCTAssertTrue(disputed.contains(.ageGroupChanged) && disputed.contains(.childNoMissingStrategy) && disputed.contains(.noStrategyMeeting), "\(disputed)")
        let sound = assessment(date: "2026-09-01")
        let settledPlan = CarePlan(id: adult.id, person: sound.person, date: adult.date, claimedDOBRange: adult.claimedDOBRange, ageDisputed: true,
                               nationality: adult.nationality, leadProfessional: adult.leadProfessional, needs: adult.needs, risk: adult.risk,
                               safetyPlanReviewed: adult.safetyPlanReviewed, interpreter: .independentProfessional, arrangements: adult.arrangements)
        XCTAssertEqual(problems(settledPlan, assessments: [sound]), [], "a sound assessment found them an adult")
        XCTAssertTrue(problems(settledPlan, assessments: [assessment(date: "2026-09-01", appropriateAdult: false)]).contains(.ageGroupChanged),
                      "an assessment with gaps settles nothing: a child")
        // A plan made before the age was kept still reads; its group stands, and the missing age is a problem.
        var old = childPlan()
        old.dob = nil
        old.ageDisputed = nil
        XCTAssertEqual(problems(old), [.ageNotRecorded])
        XCTAssertEqual(CarePlanCase(old, at: SourceLine(file: "f", line: 1)).ageStatus(asOf: date).treatedAs, .child)
    }

    /// Issue 12 rule 9: a child's notify list names the police and the Home Office, each its own code.
    func testNotifyListNamesPoliceAndHomeOffice() {
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.notifyIfMissing = [.missingPeople] } }), [.notifyNoPolice, .notifyNoHomeOffice])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.notifyIfMissing = [.police, .homeOffice, .missingPeople] } }), [])
    }

    /// Issue 12 rule 11: an interpreter needed and none arranged; a child of unknown nationality may not be a UK national.
    func testInterpreterArrangedWhereNeeded() {
        var adult = childPlan { $0.interpreter = .none }
        adult.arrangements = .adult(AdultArrangements(recourseToPublicFunds: true))
        adult.dob = CivilDate("1990-01-01")
        XCTAssertEqual(problems(adult), [.interpreterNotArranged])
        adult.interpreter = .independentProfessional
        XCTAssertEqual(problems(adult), [])
        XCTAssertEqual(problems(childPlan { $0.nationality = nil; $0.interpreter = .notNeeded }), [.childNoInterpreter])
        XCTAssertEqual(problems(childPlan { $0.nationality = nil; $0.interpreter = .none }), [.childNoInterpreter], "one problem, not two")
        XCTAssertEqual(problems(childPlan { $0.nationality = Country("GB"); $0.interpreter = .notNeeded }), [])
    }

    /// Rule 1: each unanswered question is its own problem, never read as low.
    func testEachUnansweredRiskQuestionIsAProblem() {
        for q in RiskQuestion.allCases {
            XCTAssertEqual(problems(childPlan { $0.risk[q] = nil }), [q.unanswered], q.rawValue)
        }
        XCTAssertEqual(Set(RiskQuestion.allCases.map(\.unanswered)).count, RiskQuestion.allCases.count)
    }

    /// Rule 2: not criminalised.
    func testNotCriminalised() {
        XCTAssertEqual(problems(childPlan { $0.exploitation = nil }), [.exploitationNotRecorded])
        XCTAssertEqual(problems(childPlan { $0.exploitation = [.criminal] }), [.nonCriminalisationNotConsidered, .policeNotToldOfTrafficking, .cpsNotToldOfTrafficking])
        XCTAssertEqual(problems(childPlan { $0.exploitation = [.criminal]; $0.nonCriminalisation = NonCriminalisation(considered: self.date, policeTold: true, cpsTold: false) }),
                       [.cpsNotToldOfTrafficking])
        XCTAssertEqual(problems(childPlan { $0.exploitation = [.criminal, .labour]; $0.nonCriminalisation = NonCriminalisation(considered: self.date, policeTold: true, cpsTold: true) }), [])
    }

    /// Rule 3: other children in the household where the family is thought complicit.
    func testOtherChildrenInTheHousehold() {
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = true } }), [.householdChildrenNotListed])
        let kids = [HouseholdChild(child: RecordID("S-8")!, assessed: true), HouseholdChild(child: RecordID("S-9")!, assessed: false)]
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = true; $0.householdChildren = kids } }), [.householdChildNotAssessed])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = true; $0.householdChildren = [kids[0]] } }), [])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = true; $0.householdChildren = [] } }), [], "none to assess")
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = false } }), [])
    }

    /// Rule 4: reunification only after the family's role is assessed, and never with a complicit family.
    func testReunificationAfterTheFamilysRoleIsKnown() {
        let reunion = [action("r-1", kind: .reunification)]
        XCTAssertEqual(problems(childPlan(), actions: reunion), [.reunificationFamilyRoleNotAssessed], "assessed, but the outcome not recorded")
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyRoleAssessed = false; $0.familyComplicit = false } }, actions: reunion), [.reunificationFamilyRoleNotAssessed])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = false; $0.placement = .family } }), [])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.placement = .family } }), [.reunificationFamilyRoleNotAssessed])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = true; $0.householdChildren = [] } }, actions: reunion), [.reunificationWithComplicitFamily])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.familyComplicit = false } }, actions: reunion), [])
    }

    /// Rule 6: CSE, missing and trafficking each considered.
    func testCSEMissingAndTraffickingConsidered() {
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.risksConsidered = [.missing] } }), [.cseRiskNotConsidered, .traffickingRiskNotConsidered])
        XCTAssertEqual(problems(childPlan { p in self.child(&p) { $0.risksConsidered = [.trafficking, .cse] } }), [.missingRiskNotConsidered])
    }

    /// Rule 7: leaving care. Turning 18 within --transition-days needs a transition action and adult social care informed.
    func testLeavingCare() {
        let soon = childPlan { $0.dob = CivilDate("2009-01-10") }   // 18 on 2027-01-10: 82 days after 2026-10-20
        XCTAssertEqual(problems(soon), [.noTransitionAction, .adultSocialCareNotInformed])
        XCTAssertEqual(problems(soon, actions: [action("t-1", kind: .transition)]), [.adultSocialCareNotInformed])
        let ready = childPlan { $0.dob = CivilDate("2009-01-10"); $0.agencies.append((Agency.adultSocialCare.rawValue, true)) }
        XCTAssertEqual(problems(ready, actions: [action("t-1", kind: .transition)]), [])
        var shorter = CarePlanRules()
        shorter.transitionDays = 60
        XCTAssertEqual(problems(soon, rules: shorter), [], "not yet within 60 days")
        // A claimed age: the earliest 18th birthday the claim allows starts the transition.
        let claimed = childPlan { $0.dob = nil; $0.claimedDOBRange = ClaimedDOBRange(earliest: CivilDate("2009-01-10")!, latest: CivilDate("2010-01-09")!) }
        XCTAssertEqual(problems(claimed), [.noTransitionAction, .adultSocialCareNotInformed])
        let text = CarePlanSummary(CarePlanCase(claimed, at: SourceLine(file: "f", line: 1)), asOf: CivilDate("2026-10-20")!, rules: CarePlanRules()).text
        XCTAssertTrue(text.contains("18th birthday: between 2027-01-10 and 2028-01-09"), text)
    }

    /// Rule 8: education for a child.
    func testEducationForAChild() {
        XCTAssertEqual(problems(childPlan { $0.needs = [(.accommodation, .open)] }), [.noEducationNeed])
    }

    /// Rule 9: private fostering notified within 48 hours.
    func testPrivateFosteringNotifiedWithin48Hours() {
        func fostered(_ start: String?, _ notified: String?) -> CarePlan {
            childPlan { p in self.child(&p) { $0.placement = .privateFostering; $0.placementStart = start.flatMap(CivilDate.init); $0.privateFosteringNotified = notified.flatMap(CivilDate.init) } }
        }
        XCTAssertEqual(problems(fostered("2026-10-01", nil)), [.privateFosteringNotNotified])
        XCTAssertEqual(problems(fostered(nil, "2026-10-02")), [.privateFosteringNotNotified])
        XCTAssertEqual(problems(fostered("2026-10-01", "2026-10-04")), [.privateFosteringNotNotified])
        XCTAssertEqual(problems(fostered("2026-10-01", "2026-10-03")), [])
    }

    /// Issue 12 rule 10 and issue 14 rule 5: exit needs a dated exit telling of every agency, the checklist, and no check problem.
    func testExitListsEveryCheckProblemAndNeedsTheExitTelling() throws {
        var plan = childPlan { p in
            p.risk = Dictionary(uniqueKeysWithValues: RiskQuestion.allCases.map { ($0, RiskLevel.low) })
            p.needs = [(.education, .met)]
            p.papersComplete = true
            p.supportChecklist = SupportChecklistItem.allCases
            p.agencies = [("police", true), ("home-office", true)]
            self.child(&p) { $0.missingStrategy = nil }
        }
        var c = CarePlanCase(plan, at: SourceLine(file: "f", line: 1))
        let unmet = c.unmetExitCriteria(asOf: date, rules: { var r = CarePlanRules(); r.riskReduction = 0; return r }())
        XCTAssertEqual(unmet.map(\.criterion), [.agenciesInformed, .planRulesKept])
        XCTAssertEqual(unmet.last?.problem, .childNoMissingStrategy)
        XCTAssertEqual(unmet.first?.detail, "not told of the exit: police, home-office", "informed at intake does not count")
        plan.exitInformed = [ExitTelling(agency: "police", date: date), ExitTelling(agency: "home-office", date: date)]
        self.child(&plan) { $0.missingStrategy = "Synthetic strategy" }
        c = CarePlanCase(plan, at: SourceLine(file: "f", line: 1))
        XCTAssertEqual(c.unmetExitCriteria(asOf: date, rules: { var r = CarePlanRules(); r.riskReduction = 0; return r }()).map(\.criterion), [])
    }

    /// A plan written before these fields reads, and a plan with them reads back as written.
    func testOldAndNewPlansRead() throws {
        let old = try JSONParser.parse(#"{"kind":"care-plan","v":1,"id":"cp-3","person":"S-3","date":"2026-10-01","treated-as":"child","needs":[],"risk":{},"agencies":[{"agency":"Hestia","informed":true}],"papers-complete":false,"interpreter":{"arrangement":"not-needed","knows-person":false},"child":{"notify-if-missing":[],"head-of-service-notified":false,"strategy-meeting-held":false,"family-role-assessed":false}}"#).objectValue!
        let plan = try CarePlan(old)
        XCTAssertEqual(plan.exitInformed, [])
        XCTAssertNil(plan.exploitation)
        XCTAssertTrue(problems(plan).contains(.ageNotRecorded))
        var full = childPlan { p in
            p.exploitation = [.criminal]
            p.exitInformed = [ExitTelling(agency: "police", date: self.date)]
            p.supportChecklist = [.rightsInUK]
            p.nonCriminalisation = NonCriminalisation(considered: self.date, policeTold: true)
            self.child(&p) { $0.familyComplicit = true; $0.householdChildren = [HouseholdChild(child: RecordID("S-2")!, assessed: false)]; $0.placementStart = self.date }
        }
        full.claimedDOBRange = nil
        XCTAssertEqual(try CarePlan(full.json.objectValue!), full)
        let both = try JSONParser.parse(#"{"kind":"care-plan","v":1,"id":"cp-3","person":"S-3","date":"2026-10-01","treated-as":"adult","dob":"1990-01-01","claimed-age-range":{"earliest-dob":"1990-01-01","latest-dob":"1991-01-01"},"needs":[],"risk":{},"agencies":[],"papers-complete":false,"interpreter":{"arrangement":"not-needed","knows-person":false},"adult":{"recourse-to-public-funds":false,"additional-needs":[]}}"#).objectValue!
        XCTAssertThrowsError(try CarePlan(both))
        // A review can neither change the age a plan was made with nor clear a checklist item.
        XCTAssertFalse(CarePlan.changeable.contains("dob"))
        var undo = CarePlanChanges()
        undo.supportChecklist = []
        XCTAssertEqual(try full.applying(undo).supportChecklist, [.rightsInUK])
    }

    /// Issue 12 rule 12: the wording fits every person.
    func testWordingFitsEveryPerson() {
        let texts = RiskQuestion.allCases.map(\.label) + ExitCriterion.allCases.map(\.label) + PlanProblem.allCases.map(\.label)
            + SupportChecklistItem.allCases.map(\.label)
        for t in texts {
            let words = Set(t.lowercased().split { !$0.isLetter }.map(String.init))
            XCTAssertTrue(words.isDisjoint(with: ["she", "her", "hers", "herself"]), t)
        }
    }

    /// Rule 10: the catalogue holds the internal-trafficking and CSE signs, and Annex 1's fourth column.
    func testIndicatorCatalogueIsComplete() {
        for code in ["cse-short-missing-spells", "cse-gifts-from-older-men", "cse-secrecy", "cse-drugs-alcohol", "cse-taxi-to-adult-address", "work-in-nail-bars"] {
            XCTAssertNotNil(IndicatorCatalogue.indicator(code), code)
        }
        let annex = IndicatorCatalogue.all.filter { $0.source.hasPrefix("SOLACE Annex 1") }
        XCTAssertFalse(annex.isEmpty)
        for i in annex { XCTAssertNotNil(i.pickingUpSigns, "\(i.code) has Annex 1's fourth column") }
        XCTAssertEqual(IndicatorCatalogue.indicator("child-no-gp")?.pickingUpSigns, ["Social workers trained in identifying trafficked children"])
        XCTAssertNil(IndicatorCatalogue.indicator("debt-bondage")?.pickingUpSigns, "PLAN L249 gives no fourth column")
        XCTAssertEqual(Set(IndicatorCatalogue.all.map(\.code)).count, IndicatorCatalogue.all.count)
    }
}
