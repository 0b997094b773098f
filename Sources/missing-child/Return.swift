import SafeguardCore
import SafeguardCLI

let returnFields: [any AnyFlag] = [EventFlag.child, EventFlag.returned, EventFlag.foundAt]
let returnCommand = Command(
    name: "return", summary: "Record a child found or returned (a missing-return record).",
    usage: "--child ID --returned DATETIME [--found-at PLACE] [--append FILE]",
    details: "The return interview is due 72 hours after the return (statutory guidance).",
    flags: returnFields + recordFlags
) { context in
    try context.record(fields: returnFields, title: "A child found or returned") { form in
        Draft(MissingReturn(id: try context.recordID(prefix: "mr"), child: try form.required(EventFlag.child, "Child's pseudonymous id"),
                            returned: try form.required(EventFlag.returned, "Found or returned at", hint: dateTimeHint),
                            foundAt: try form.optional(EventFlag.foundAt, "Where found")).json)
    }
}
