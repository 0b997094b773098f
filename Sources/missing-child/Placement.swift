import SafeguardCore
import SafeguardCLI

let placementFields: [any AnyFlag] = [EventFlag.child, EventFlag.dob, EventFlag.placement, EventFlag.start, EventFlag.concern]
let placementCommand = Command(
    name: "placement", summary: "Record a child's placement (a placement record): date of birth, where, from when, trafficking concern.",
    usage: "--child ID --dob DATE --placement NAME --start DATE [--trafficking-concern] [--append FILE]",
    details: "The first 7 days of a placement are the high-risk window for a child with a trafficking concern (SOLACE L399).",
    flags: placementFields + recordFlags
) { context in
    try context.record(fields: placementFields, title: "A child's placement") { form in
        let child = try form.required(EventFlag.child, "Child's pseudonymous id")
        let dob = try form.required(EventFlag.dob, "Date of birth", hint: "dd/mm/yyyy")
        let placement = try form.required(EventFlag.placement, "Placement id or name")
        let start = try form.value(EventFlag.start, "Placement start", hint: "dd/mm/yyyy or today")
        guard dob <= start else { throw UsageError("--dob is after --start") }
        return Draft(Placement(id: try context.recordID(prefix: "plc"), child: child, dob: dob, placement: placement, start: start,
                               traffickingConcern: try form.yesNo(EventFlag.concern, "Is trafficking a concern for this child?")).json)
    }
}
