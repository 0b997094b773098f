import SafeguardCore
import SafeguardCLI

enum ActionFlag {
    static let need = Flag<NeedDomain?>("need", value: "DOMAIN", help: "The need the action serves: \(NeedDomain.codes.joined(separator: ", ")).", .code)
    static let owner = Flag<String?>("owner", value: "AGENCY", help: "The agency that owns the action.", .text)
    static let due = Flag<CivilDate?>("due", value: "DATE", help: "When it is due.", .date)
    static let status = Flag<NeedStatus>("status", value: "STATUS", help: "\(NeedStatus.codes.joined(separator: ", ")).", .code, default: .open)
    static let action = Flag<RecordID?>("action", value: "ID", help: "The action's id, to change an existing action (by default a new id).", .id)
    static let kind = Flag<ActionKind>("kind", value: "KIND", help: "What the action is for: \(ActionKind.codes.joined(separator: ", ")) (a reunification needs the family's role assessed first, CHESHIRE L217; a transition prepares a child turning 18 for adult services, SOLACE L405).", .code, default: .support)
    static let description = Flag<String?>("description", value: "TEXT", help: "What is to be done (free text, personal data).", .text)
}

/// The one plan id a review or action names.
func planOperand(_ context: CommandContext) throws -> RecordID {
    guard context.operands.count == 1 else { throw UsageError("give exactly one plan id") }
    return try context.recordID(from: context.operands[0], what: "plan id")
}

let actionCommand = Command(
    name: "action", summary: "Add an action to a plan's need, or change one (a care-plan-action record).",
    usage: "PLAN-ID --need DOMAIN --owner AGENCY --due DATE [--kind KIND] [--status STATUS] [--action ID] [--description TEXT] [--append FILE]",
    details: "Every action has an owner agency and a due date. To change an action, give its --action id again: the latest record wins.",
    flags: [ActionFlag.need, ActionFlag.kind, ActionFlag.owner, ActionFlag.due, ActionFlag.status, ActionFlag.action, ActionFlag.description,
            PlanFlag.date, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile]
) { context in
    let plan = try planOperand(context)
    guard let need = try context[ActionFlag.need] else { throw UsageError("--need is needed") }
    guard let owner = try context[ActionFlag.owner] else { throw UsageError("--owner is needed: every action has an owner agency") }
    guard let due = try context[ActionFlag.due] else { throw UsageError("--due is needed") }
    let action = CarePlanAction(id: try context.recordID(prefix: "pa"), plan: plan, date: try context[PlanFlag.date],
                                action: try context[ActionFlag.action] ?? RecordID.generate(prefix: "act"), kind: try context[ActionFlag.kind], need: need,
                                description: try context[ActionFlag.description], owner: owner, due: due, status: try context[ActionFlag.status])
    try context.emit(action.json)
    return .ok
}
