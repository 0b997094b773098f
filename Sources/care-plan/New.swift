import SafeguardCore
import SafeguardCLI

let newPlanCommand = Command(
    name: "new", summary: "Make a support or care plan (a care-plan record), at the prompt or from options.",
    usage: "--person ID (--dob DATE | --claimed-age N | --from-referral ID) [PLAN OPTIONS] [--case FILE] [--append FILE] [FILE...]",
    details: """
    Whether the plan is a child's or an adult's comes from the core's age rule: under 18 on the plan \
    date, or age disputed, is a child (SOLACE L312), unless a sound age assessment in the --case files \
    settles it. The plan keeps the date of birth, or the range of dates of birth a claimed age allows \
    (personal data), so check, exit and summary work the status out again on their own date. With \
    --from-referral, the referral is read from the input files (or standard input) and gives the \
    person, age, child or adult, nationality and exploitation types. A \
    child's plan holds the missing-from-care strategy, the placement, the safe-house decision, the \
    strategy meeting and the family assessment; an adult's holds recourse to public funds and \
    additional needs. Actions are added with 'care-plan action'; later changes with 'care-plan review'.
    """,
    flags: [PlanFlag.person, PlanFlag.date, PlanFlag.dob, PlanFlag.claimedAge, PlanFlag.ageDisputed, PlanFlag.fromReferral]
        + PlanFlag.changeFlags + [CommonFlag.rules, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile, CommonFlag.interactive, CommonFlag.yes]
) { context in
    let fields: [any AnyFlag] = [PlanFlag.person, PlanFlag.dob, PlanFlag.claimedAge, PlanFlag.fromReferral] + PlanFlag.changeFlags
    return try context.record(fields: fields, title: "New care plan") { form in
        let date = try form.value(PlanFlag.date, "Date of the plan", hint: "dd/mm/yyyy or today")
        var person: RecordID, group: AgeGroup, nationality: Country?
        var age: StatedAge, ageOn: CivilDate, disputed: Bool, exploitation: [ExploitationType]?
        var settledAtReferral: AgeBasis?
        if let referralID = try context[PlanFlag.fromReferral] {
            guard let referral = try findReferral(referralID, context) else {
                throw CommandFailure("referral \(referralID) is not in the input; give the file that holds it", exitCode: .dataError)
            }
            person = referral.subject.id
            nationality = referral.subject.nationality
            age = referral.subject.age
            ageOn = referral.received
            disputed = referral.subject.ageDisputed
            exploitation = referral.exploitation
            if referral.ageBasis.restsOnAssessment { settledAtReferral = referral.ageBasis }
            group = referral.treatedAs
            context.diagnostics.note("from referral \(referralID): person \(person), treated as \(group.rawValue) at referral")
        } else {
            guard context.operands.isEmpty else { throw UsageError("input files are read only with --from-referral") }
            if context.isGiven(PlanFlag.dob) && context.isGiven(PlanFlag.claimedAge) { throw UsageError("give --dob or --claimed-age, not both") }
            person = try form.required(PlanFlag.person, "Person's pseudonymous id")
            if let d = try form.optional(PlanFlag.dob, "Date of birth", hint: "dd/mm/yyyy; Enter if not known",
                                         check: { $0 <= date ? nil : "the date of birth is after the plan date" }) {
                age = .dateOfBirth(d)
            } else {
                age = .claimedAge(try form.required(PlanFlag.claimedAge, "Age claimed", hint: "years"))
            }
            ageOn = date
            disputed = try form.yesNo(PlanFlag.ageDisputed, "Is the age disputed?")
            group = .child
            nationality = try form.optional(PlanFlag.nationality, "Nationality", hint: "ISO code, e.g. GB, AL")
            exploitation = nil
        }
        var dob: CivilDate?, range: ClaimedDOBRange?
        switch age {
        case .dateOfBirth(let d): dob = d
        case .claimedAge(let years):
            do { range = ClaimedDOBRange(try ClaimedAgeRange(age: years, on: ageOn)) } catch let e as RecordError {
                throw CommandFailure("no plan made: \(e.description)", exitCode: .dataError)
            }
        }
        // The group on the plan date by the one rule; a claimed age counts by the youngest it allows.
        let status = try planStatus(person: person, date: date, dob: dob, range: range, disputed: disputed, context: context)
        if let basis = settledAtReferral, status.assessment == nil {
            // The referral's age rests on a sound assessment that is not in the --case files: the referral,
            // made by the same rule, stands. check, exit and summary need the assessment (--case) to keep it.
            context.diagnostics.note("treated as \(group.rawValue), as the referral's age assessment found (\(basis.rawValue)); give the assessments with --case to check, exit and summary")
        } else {
            if status.treatedAs != group, context.isGiven(PlanFlag.fromReferral) {
                context.diagnostics.note("treated as \(status.treatedAs.rawValue) on \(date) (\(status.basis?.rawValue ?? "-")), not \(group.rawValue) as at referral")
            }
            group = status.treatedAs
        }
        form.say("  A \(group == .child ? "child's" : "adult's") plan.")
        var changes = try context.planChanges(for: group)
        if changes.exploitation == nil { changes.exploitation = exploitation }
        if let p = form.prompter {
            changes = try askPlanFields(p, changes, group: group, nationality: nationality, rules: try context[CommonFlag.rules])
        }
        let id = try context.recordID(prefix: "cp")
        let arrangements: PlanArrangements
        if group == .child {
            arrangements = .child(ChildArrangements())
        } else {
            guard let funds = changes.adult?.recourseToPublicFunds else {
                throw UsageError("--public-funds yes|no is needed for an adult's plan (many adults have no recourse to public funds)")
            }
            arrangements = .adult(AdultArrangements(recourseToPublicFunds: funds))
        }
        let plan = try CarePlan(id: id, person: person, date: date, dob: dob, claimedDOBRange: range, ageDisputed: disputed,
                                nationality: nationality, arrangements: arrangements).applying(changes)
        var made = CarePlanCase(plan, at: SourceLine(file: "-", line: 0))
        made.assessments = try context.ageAssessments().filter { $0.person == person }
        var rules = CarePlanRules()
        rules.ruleSet = try context[CommonFlag.rules]
        for finding in made.check(asOf: date, rules: rules) {
            context.diagnostics.note("check \(finding.problem.rawValue): \(finding.problem.label)")
        }
        return Draft(plan.json)
    }
}

/// The one age rule on the plan date, as check, exit and summary apply it on
/// theirs (`CarePlanCase.ageStatus`): the stated age, and for a disputed age
/// the person's assessments in the --case files (SOLACE L312).
func planStatus(person: RecordID, date: CivilDate, dob: CivilDate?, range: ClaimedDOBRange?, disputed: Bool, context: CommandContext) throws -> PlanAgeStatus {
    let probe = CarePlan(id: RecordID("probe")!, person: person, date: date, dob: dob, claimedDOBRange: range, ageDisputed: disputed,
                         arrangements: .child(ChildArrangements()))
    var c = CarePlanCase(probe, at: SourceLine(file: "-", line: 0))
    c.assessments = try context.ageAssessments().filter { $0.person == person }
    return c.ageStatus(asOf: date, rules: try context[CommonFlag.rules])
}

/// The referral with this id in the input files.
func findReferral(_ id: RecordID, _ context: CommandContext) throws -> Referral? {
    var found: Referral?
    try forEachRecord(in: InputFiles(context.operands), diagnostics: context.diagnostics) { r in
        guard found == nil, r.kind == Referral.kind, r.object["id"]?.stringValue == id.rawValue else { return }
        found = try Referral(r.object)
    }
    return found
}

/// At the prompt: the plan fields not given as options.
func askPlanFields(_ p: Prompter, _ given: CarePlanChanges, group: AgeGroup, nationality: Country?, rules: RuleSet) throws -> CarePlanChanges {
    var c = given
    if c.leadProfessional == nil, let lead = try p.ask("Lead professional's staff id", optional: true, parse: Parse.id) {
        c.leadProfessional = lead
    }
    if c.needs == nil {
        let needs: [NeedDomain] = try p.chooseMany("Needs")
        c.needs = needs.map { ($0, .open) }
    }
    if c.exploitation == nil {
        let types: [ExploitationType] = try p.chooseMany("Exploitation types (Enter if not known)", atLeastOne: false)
        if !types.isEmpty { c.exploitation = types }
    }
    if c.risk == nil {
        c.risk = try RiskQuestion.allCases.map { q in
            let level: RiskLevel = try p.choose(q.label)
            return (q, level)
        }
    }
    if c.safetyPlanReviewed == nil, let d = try p.date("Safety plan last reviewed", hint: "dd/mm/yyyy; Enter if there is none yet", optional: true) {
        c.safetyPlanReviewed = d
    }
    if c.interpreter == nil && c.interpreterKnowsPerson == nil {
        // The default follows the nationality: "not needed" for a UK national, an
        // independent professional for anyone else (PLAN: a child who is not a UK
        // national needs one); no default when the nationality is not known.
        let suggested: InterpreterPlan? = nationality.map { $0.isUK ? .notNeeded : .independentProfessional }
        let arrangement: InterpreterPlan = try p.choose("Interpreter", default: suggested)
        c.interpreter = arrangement
        if arrangement != .notNeeded { c.interpreterKnowsPerson = try p.yesNo("Do the interpreter and the person know each other?", default: false) }
    }
    if group == .child, c.child == nil {
        var child = ChildChanges()
        child.missingStrategy = try p.ask("How will going missing be prevented and managed?", optional: true, parse: Parse.text)
        child.notifyIfMissing = try p.chooseMany("Agencies to notify if the child goes missing", atLeastOne: false)
        child.placement = try p.choose("Placement", default: PlacementType.specialistFosterCare)
        // What `check` asks of a child's plan where the risk of abduction is high.
        if c.risk?.first(where: { $0.question == .abduction })?.level == .high {
            child.safeHouseNeeded = try p.yesNo("The risk of abduction is high. Is a safe house needed?")
            child.headOfServiceNotified = try p.yesNo("Has the Head of Service been notified?")
        }
        child.strategyMeetingHeld = try p.yesNo("Has a multi-agency strategy meeting been held?")
        child.familyRoleAssessed = try p.yesNo("Has the family's possible role in the trafficking been assessed?", default: false)
        let considered: [ConsideredRisk] = try p.chooseMany("Risks considered in the plan (all three, CHESHIRE §7)", atLeastOne: false)
        if !considered.isEmpty { child.risksConsidered = considered }
        // Current practice (Modern Slavery Act 2015 s.48): asked only then, as only then does check ask for it.
        if rules == .current { child.ictg = try p.choose("Independent Child Trafficking Guardian referral") as ICTGReferral }
        c.child = child
    }
    if group == .adult, c.adult?.recourseToPublicFunds == nil {
        var adult = c.adult ?? AdultChanges()
        adult.recourseToPublicFunds = try p.yesNo("Does the person have recourse to public funds?")
        c.adult = adult
    }
    return c
}
