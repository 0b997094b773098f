import SafeguardCore
import SafeguardCLI

let reviewCommand = eventCommand(
    name: "review", summary: "Record a multi-agency review of a child's repeat missing episodes (a missing-review record).",
    usage: "--child ID --held DATE --by AGENCY,AGENCY... [--append FILE]",
    details: """
    Repeat missing triggers a multi-agency review (CHESHIRE §6.3; current practice). Until one is held \
    on or after the day the latest episode began, 'report' marks a repeat pattern as needing action. \
    --by names the agencies present, two at least.
    """,
    fields: [EventFlag.held, EventFlag.reviewBy]
) { form, child in
    let held = try form.value(EventFlag.held, "Held on", hint: "yyyy-mm-dd")
    let by = try form.chooseMany(EventFlag.reviewBy, "Agencies present")
    return Draft(try MissingReview(id: try form.context.recordID(prefix: "mrv"), child: child, held: held, by: by).json)
}
