import SafeguardCore
import SafeguardCLI

let startCommand = eventCommand(
    name: "start", summary: "Record a child going missing, or away without authorisation (a missing-start record).",
    usage: "--child ID --last-seen DATETIME --type missing|away [OPTIONS] [--append FILE]",
    details: "At the prompt or from options. Date-times are ISO 8601 with an offset. A child whose whereabouts are unknown must be reported to the police; the report flags an open missing episode with no police report.",
    fields: [EventFlag.lastSeen, EventFlag.type, EventFlag.from, EventFlag.reported, EventFlag.policeRef, EventFlag.moved],
    title: "A child missing or away"
) { form, child in
    let lastSeen = try form.required(EventFlag.lastSeen, "Last seen", hint: dateTimeHint)
    let type = try form.choose(EventFlag.type, "Missing or away")
    let from = try form.optional(EventFlag.from, "Placement they went from")
    let reported = try form.optional(EventFlag.reported, "Reported to the police at", hint: dateTimeHint)
    return Draft(try MissingStart(id: try form.context.recordID(prefix: "ms"), child: child, lastSeen: lastSeen, type: type, from: from,
                                  reportedToPolice: reported, policeReference: try form.optional(EventFlag.policeRef, "Police reference"),
                                  mayHaveBeenMoved: try form.yesNo(EventFlag.moved, "May the child have been moved out of the area?")).json)
}
