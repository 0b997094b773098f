import SafeguardCore
import SafeguardCLI

let newPlanCommand = Command(
    name: "new", summary: "Make a support or care plan (a care-plan record), at the prompt or from options.",
    usage: "--person ID (--dob DATE | --claimed-age N | --from-referral ID) [PLAN OPTIONS] [--append FILE] [FILE...]",
    details: """
    Whether the plan is a child's or an adult's comes from the core's age rule: under 18 on the plan \
    date, or age disputed, is a child (SOLACE L312). With --from-referral, the referral is read from \
    the input files (or standard input) and gives the person, child or adult, and nationality. A \
    child's plan holds the missing-from-care strategy, the placement, the safe-house decision, the \
    strategy meeting and the family assessment; an adult's holds recourse to public funds and \
    additional needs. Actions are added with 'care-plan action'; later changes with 'care-plan review'.
    """,
    flags: [PlanFlag.person, PlanFlag.date, PlanFlag.dob, PlanFlag.claimedAge, PlanFlag.ageDisputed, PlanFlag.fromReferral]
        + PlanFlag.changeFlags + [CommonFlag.id, CommonFlag.append, CommonFlag.interactive, CommonFlag.yes]
) { context in
    let fields: [any AnyFlag] = [PlanFlag.person, PlanFlag.dob, PlanFlag.claimedAge, PlanFlag.fromReferral] + PlanFlag.changeFlags
    return try context.record(fields: fields) { form in
        let p = form.prompter
        let date = try form.value(PlanFlag.date, "Date of the plan", hint: "yyyy-mm-dd")
        var person: RecordID, group: AgeGroup, nationality: Country?
        if let referralID = try context[PlanFlag.fromReferral] {
            guard let referral = try findReferral(referralID, context) else {
                throw CommandFailure("referral \(referralID) is not in the input; give the file that holds it", exitCode: .dataError)
            }
            person = referral.subject.id
            group = referral.treatedAs
            nationality = referral.subject.nationality
            context.diagnostics.note("from referral \(referralID): person \(person), treated as \(group.rawValue)")
        } else {
            guard context.operands.isEmpty else { throw UsageError("input files are read only with --from-referral") }
            if context.isGiven(PlanFlag.dob) && context.isGiven(PlanFlag.claimedAge) { throw UsageError("give --dob or --claimed-age, not both") }
            person = try form.required(PlanFlag.person, "Person's pseudonymous id")
            let age: StatedAge
            if let d = try form.optional(PlanFlag.dob, "Date of birth", hint: "yyyy-mm-dd; Enter if not known") {
                guard d <= date else { throw UsageError("--dob \(d) is after the plan date \(date)") }
                age = .dateOfBirth(d)
            } else {
                age = .claimedAge(try form.required(PlanFlag.claimedAge, "Age claimed", hint: "years"))
            }
            let disputed = try form.yesNo(PlanFlag.ageDisputed, "Is the age disputed?")
            group = AgePresumption.basis(for: age, disputed: disputed, on: date).treatedAs
            nationality = try form.optional(PlanFlag.nationality, "Nationality", hint: "ISO code, e.g. GB, AL")
        }
        p?.say("  A \(group == .child ? "child's" : "adult's") plan.")
        var changes = try context.planChanges(for: group)
        if let p {
            changes = try askPlanFields(p, changes, group: group)
        }
        var base = JSONObject()
        base["kind"] = .string(CarePlan.kind)
        base["v"] = .int(1)
        base["id"] = .string(try context.recordID(prefix: "cp").rawValue)
        base["person"] = .string(person.rawValue)
        base["date"] = .string(date.description)
        base["treated-as"] = .string(group.rawValue)
        if let nationality { base["nationality"] = .string(nationality.code) }
        base["needs"] = .array([])
        base["risk"] = .object(JSONObject())
        base["agencies"] = .array([])
        base["papers-complete"] = .bool(false)
        base["interpreter"] = .object(JSONObject([.init(key: "arrangement", value: .string(InterpreterPlan.notNeeded.rawValue)), .init(key: "knows-person", value: .bool(false))]))
        if group == .child {
            base["child"] = .object(JSONObject([.init(key: "notify-if-missing", value: .array([])), .init(key: "head-of-service-notified", value: .bool(false)),
                                                .init(key: "strategy-meeting-held", value: .bool(false)), .init(key: "family-role-assessed", value: .bool(false))]))
        } else {
            guard let funds = changes["adult"]?.objectValue?["recourse-to-public-funds"] else {
                throw UsageError("--public-funds yes|no is needed for an adult's plan (many adults have no recourse to public funds)")
            }
            base["adult"] = .object(JSONObject([.init(key: "recourse-to-public-funds", value: funds), .init(key: "additional-needs", value: .array([]))]))
        }
        let blank = try CarePlan(base)
        let plan = try CarePlanReview(id: blank.id, plan: blank.id, date: date, changes: changes, note: nil).apply(to: blank)
        for finding in CarePlanCase(plan, at: SourceLine(file: "-", line: 0)).check(asOf: date) {
            context.diagnostics.note("check \(finding.problem.rawValue): \(finding.problem.label)")
        }
        return Draft(plan.json)
    }
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
func askPlanFields(_ p: Prompter, _ given: JSONObject, group: AgeGroup) throws -> JSONObject {
    var o = given
    if o["lead-professional"] == nil, let lead = try p.ask("Lead professional's staff id", optional: true, parse: Parse.id) {
        o["lead-professional"] = .string(lead.rawValue)
    }
    if o["needs"] == nil {
        let needs: [NeedDomain] = try p.chooseMany("Needs")
        o["needs"] = .array(needs.map { .object(JSONObject([.init(key: "domain", value: .string($0.rawValue)), .init(key: "status", value: .string("open"))])) })
    }
    if o["risk"] == nil {
        var risk = JSONObject()
        for q in RiskQuestion.allCases {
            let level: RiskLevel = try p.choose(q.label)
            risk[q.rawValue] = .string(level.rawValue)
        }
        o["risk"] = .object(risk)
    }
    if o["safety-plan-reviewed"] == nil, let d = try p.ask("Safety plan last reviewed", hint: "yyyy-mm-dd; Enter if there is none yet", optional: true, parse: Parse.date) {
        o["safety-plan-reviewed"] = .string(d.description)
    }
    if o["interpreter"] == nil {
        let arrangement: InterpreterPlan = try p.choose("Interpreter", default: .notNeeded)
        var i = JSONObject([.init(key: "arrangement", value: .string(arrangement.rawValue))])
        if arrangement != .notNeeded { i["knows-person"] = .bool(try p.yesNo("Do the interpreter and the person know each other?", default: false)) }
        o["interpreter"] = .object(i)
    }
    if group == .child, o["child"] == nil {
        var c = JSONObject()
        if let s = try p.ask("How will going missing be prevented and managed?", optional: true, parse: Parse.text) { c["missing-strategy"] = .string(s) }
        let notify: [AgencyToNotify] = try p.chooseMany("Agencies to notify if the child goes missing", atLeastOne: false)
        c["notify-if-missing"] = .array(notify.map { .string($0.rawValue) })
        let placement: PlacementType = try p.choose("Placement", default: .specialistFosterCare)
        c["placement"] = .string(placement.rawValue)
        c["strategy-meeting-held"] = .bool(try p.yesNo("Has a multi-agency strategy meeting been held?"))
        o["child"] = .object(c)
    }
    if group == .adult, o["adult"]?.objectValue?["recourse-to-public-funds"] == nil {
        var adult = o["adult"]?.objectValue ?? JSONObject()
        adult["recourse-to-public-funds"] = .bool(try p.yesNo("Does the person have recourse to public funds?"))
        o["adult"] = .object(adult)
    }
    return o
}
