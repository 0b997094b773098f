import SafeguardCore
import SafeguardCLI

let releaseRule = "Never release a child to an adult claiming to be a parent or carer without full enquiries into the relationship and photographic ID for both the adult and the child (SOLACE L592)."
let returnCommand = eventCommand(
    name: "return", summary: "Record a child found or returned, and who to (a missing-return record).",
    usage: "--child ID --returned DATETIME --to WHO [--enquiries-done] [--child-photo-id] [--adult-photo-id] [--found-at PLACE] [--append FILE]",
    details: """
    --to says who the child came back to or was released to: placement, parent, carer, police or \
    other-adult; no person's name is stored. A release to a parent, carer or other adult records three \
    checks: --enquiries-done, --child-photo-id and --adult-photo-id (SOLACE L592); one not given is \
    recorded as not done, and 'report' flags the release for action. At the prompt each is asked, with \
    the rule shown. The return interview is due 72 hours after the return (statutory guidance).
    """,
    fields: [EventFlag.returned, EventFlag.foundAt, EventFlag.to, EventFlag.enquiries, EventFlag.childPhoto, EventFlag.adultPhoto],
    title: "A child found or returned"
) { form, child in
    let returned = try form.required(EventFlag.returned, "Found or returned at", hint: dateTimeHint)
    let foundAt = try form.optional(EventFlag.foundAt, "Where found")
    let to = try form.choose(EventFlag.to, "Came back to, or released to")
    let switches: [(ReleaseCheck, Flag<Bool>, String)] = [
        (.enquiriesDone, EventFlag.enquiries, "Were full enquiries made into the adult's relationship to the child?"),
        (.childPhotoID, EventFlag.childPhoto, "Was photographic ID for the child produced?"),
        (.adultPhotoID, EventFlag.adultPhoto, "Was photographic ID for the adult produced?"),
    ]
    var checks: Set<ReleaseCheck> = []
    if to.needsChecks {
        form.say(releaseRule)
        for (check, flag, question) in switches where try form.yesNo(flag, question, default: nil) { checks.insert(check) }
    } else if let given = try switches.first(where: { try form.context[$0.1] }) {
        throw UsageError("--\(given.1.long) is for a release to a parent, carer or other adult; a return to the \(to.rawValue) needs no checks")
    }
    let record = MissingReturn(id: try form.context.recordID(prefix: "mr"), child: child, returned: returned, foundAt: foundAt, to: to, checks: checks)
    if !record.missingChecks.isEmpty {
        form.context.diagnostics.warning("released to \(to.rawValue) without \(record.missingChecks.map(\.rawValue).joined(separator: ", ")): "
                                         + "'report' will flag it for action. " + releaseRule)
    }
    return Draft(record.json)
}
