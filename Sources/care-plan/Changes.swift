import SafeguardCore

let reviewCommand = Command(
    name: "review", summary: "Record a review of a plan (a care-plan-review record): changed needs, risk levels, agencies, safety plan, notes.",
    usage: "PLAN-ID [--date DATE] [CHANGE OPTIONS] [--note TEXT] [--append FILE]",
    details: """
    Each option given is a change: --need DOMAIN=STATUS sets one need, --risk QUESTION=LEVEL one risk \
    answer, --agency-informed NAME marks one agency informed, and so on; what is not given stays as it \
    was. The review is checked against its plan when the case file is read ('check', 'exit', 'summary').
    """,
    flags: [PlanFlag.date] + PlanFlag.changeFlags + [PlanFlag.note, .id, .append]
) { context in
    let a = context.arguments
    guard a.positionals.count == 1 else { throw UsageError("give exactly one plan id") }
    let changes = try a.planChanges(for: nil)
    let note = a.text(PlanFlag.note.long)
    guard !changes.isEmpty || note != nil else { throw UsageError("a review needs at least one change or a --note") }
    let review = CarePlanReview(id: try a.recordID(prefix: "rv"), plan: try a.recordID(from: a.positionals[0], what: "plan id"),
                                date: try a.date(PlanFlag.date.long) ?? CivilDate.today(), changes: changes, note: note)
    try context.emit(review.json)
    return .ok
}

let actionCommand = Command(
    name: "action", summary: "Add an action to a plan's need, or change one (a care-plan-action record).",
    usage: "PLAN-ID --need DOMAIN --owner AGENCY --due DATE [--status STATUS] [--action ID] [--description TEXT] [--append FILE]",
    details: "Every action has an owner agency and a due date. To change an action, give its --action id again: the latest record wins.",
    flags: [
        Flag("need", value: "DOMAIN", help: "The need the action serves: \(NeedDomain.codes.joined(separator: ", "))."),
        Flag("owner", value: "AGENCY", help: "The agency that owns the action."),
        Flag("due", value: "DATE", help: "When it is due."),
        Flag("status", value: "STATUS", help: "\(NeedStatus.codes.joined(separator: ", ")).", default: "open"),
        Flag("action", value: "ID", help: "The action's id, to change an existing action.", default: "a new id"),
        Flag("description", value: "TEXT", help: "What is to be done (free text, personal data)."),
        PlanFlag.date, .id, .append,
    ]
) { context in
    let a = context.arguments
    guard a.positionals.count == 1 else { throw UsageError("give exactly one plan id") }
    guard let need: NeedDomain = try a.code("need") else { throw UsageError("--need is needed") }
    guard let owner = a.text("owner") else { throw UsageError("--owner is needed: every action has an owner agency") }
    guard let due = try a.date("due") else { throw UsageError("--due is needed") }
    let action = CarePlanAction(id: try a.recordID(prefix: "pa"), plan: try a.recordID(from: a.positionals[0], what: "plan id"),
                                date: try a.date(PlanFlag.date.long) ?? CivilDate.today(),
                                action: try a.parsed("action", Parse.id) ?? RecordID.generate(prefix: "act"), need: need,
                                description: a.text("description"), owner: owner, due: due, status: try a.code("status") ?? .open)
    try context.emit(action.json)
    return .ok
}
