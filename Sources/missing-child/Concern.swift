import SafeguardCore
import SafeguardCLI

let concernCommand = eventCommand(
    name: "concern", summary: "Raise or lift a child's trafficking concern (a trafficking-concern record).",
    usage: "--child ID --raised|--lifted [--reason TEXT] [--on DATE] [--append FILE]",
    details: """
    A concern, raised by a placement with --trafficking-concern or by --raised here, stays with the \
    child across placements (SOLACE L399, L421). Only --lifted lifts it, with a reason (personal data) \
    and a date; a later placement's --no-trafficking-concern never does. A concern raised or recorded \
    by a placement on the same day as a lift stands.
    """,
    fields: [EventFlag.raised, EventFlag.lifted, EventFlag.reason, EventFlag.on]
) { form, child in
    let raised = try form.context[EventFlag.raised], liftedGiven = try form.context[EventFlag.lifted]
    if raised && liftedGiven { throw UsageError("give one of --raised and --lifted, not both") }
    let change: ConcernChange
    if raised || liftedGiven {
        change = liftedGiven ? .lifted : .raised
    } else if let p = form.prompter {
        change = try p.choose("Raise or lift the concern")
    } else {
        throw UsageError("--raised or --lifted is needed (or run with --interactive to be asked)")
    }
    let lifted = change == .lifted
    let reason = lifted ? try form.required(EventFlag.reason, "Why is the concern lifted?")
                        : try form.optional(EventFlag.reason, "Why is the concern raised?")
    return Draft(try TraffickingConcern(id: try form.context.recordID(prefix: "tc"), child: child, change: change,
                                        on: try form.value(EventFlag.on, "On", hint: "yyyy-mm-dd"), reason: reason).json)
}
