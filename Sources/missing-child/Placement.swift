import SafeguardCore
import SafeguardCLI

let placementCommand = eventCommand(
    name: "placement", summary: "Record a child's placement (a placement record): date of birth, where, from when, trafficking concern yes or no.",
    usage: "--child ID --dob DATE --placement NAME --start DATE --trafficking-concern|--no-trafficking-concern [--append FILE]",
    details: """
    The trafficking question is answered for every placement, yes or no (CHESHIRE L83-89, L283: consider \
    trafficking in every missing case); at the prompt it is always asked. A concern stays with the child \
    across placements: a later "no" records that none was found there, and only 'missing-child concern \
    --lifted' lifts it. The first 7 days of every placement of a child with a concern are the high-risk \
    window (SOLACE L399).
    """,
    fields: [EventFlag.dob, EventFlag.placement, EventFlag.start, EventFlag.concern, EventFlag.noConcern], title: "A child's placement"
) { form, child in
    let dob = try form.required(EventFlag.dob, "Date of birth", hint: "dd/mm/yyyy")
    let placement = try form.required(EventFlag.placement, "Placement id or name")
    let start = try form.value(EventFlag.start, "Placement start", hint: "dd/mm/yyyy or today")
    let concern = try answered(form, yes: EventFlag.concern, no: EventFlag.noConcern, "Is trafficking a concern for this child?",
                               why: "for every placement")
    return Draft(try Placement(id: try form.context.recordID(prefix: "plc"), child: child, dob: dob, placement: placement, start: start,
                               traffickingConcern: concern).json)
}

/// A question answered yes or no, never left out: from one of two switches,
/// or always asked at the prompt (no default); with neither, a usage error.
func answered(_ form: Form, yes: Flag<Bool>, no: Flag<Bool>, _ question: String, why: String) throws -> Bool {
    let y = try form.context[yes], n = try form.context[no]
    if y && n { throw UsageError("give one of --\(yes.long) and --\(no.long), not both") }
    if y || n { return y }
    if let p = form.prompter { return try p.yesNo(question) }
    throw UsageError("--\(yes.long) or --\(no.long) is needed: the question is answered \(why) (or run with --interactive to be asked)")
}
