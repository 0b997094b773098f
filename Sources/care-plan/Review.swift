import SafeguardCore
import SafeguardCLI

let reviewCommand = Command(
    name: "review", summary: "Record a review of a plan (a care-plan-review record): changed needs, risk levels, agencies, safety plan, notes.",
    usage: "PLAN-ID [--date DATE] [CHANGE OPTIONS] [--note TEXT] [--append FILE]",
    details: """
    Each option given is a change: --need DOMAIN=STATUS sets one need, --risk QUESTION=LEVEL one risk \
    answer, --agency-informed NAME marks one agency informed, and so on; what is not given stays as it \
    was. With --append the review is checked against its plan first, and one that would make the plan \
    invalid, or names an unknown plan, is refused (exit 65, nothing written).
    """,
    flags: [PlanFlag.date] + PlanFlag.changeFlags + [PlanFlag.note, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile]
) { context in
    let plan = try planOperand(context)
    let changes = try context.planChanges(for: nil)
    let note = try context[PlanFlag.note]
    guard !changes.isEmpty || note != nil else { throw UsageError("a review needs at least one change or a --note") }
    let review = CarePlanReview(id: try context.recordID(prefix: "rv"), plan: plan,
                                date: try context[PlanFlag.date], changes: changes, note: note)
    try context.emit(review.json)
    return .ok
}
