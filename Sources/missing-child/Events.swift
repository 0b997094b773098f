import SafeguardCore
import SafeguardCLI

enum EventFlag {
    static let child = Flag<RecordID?>("child", value: "ID", help: "The child's pseudonymous id.", .id)
    static let lastSeen = Flag<DateTime?>("last-seen", value: "DATETIME", help: "When the child was last seen (yyyy-mm-ddThh:mm+00:00).", .dateTime)
    static let type = Flag<MissingType?>("type", value: "TYPE", help: "missing (whereabouts unknown) or away (absent without authorisation, whereabouts known).", .code)
    static let from = Flag<String?>("from", value: "PLACEMENT", help: "The placement id or name they went from (personal data: it can locate the child).", .text)
    static let reported = Flag<DateTime?>("reported-to-police", value: "DATETIME", help: "When the police were told.", .dateTime)
    static let policeRef = Flag<String?>("police-reference", value: "REF", help: "The police reference.", .text)
    static let moved = Flag(switch: "may-have-been-moved", help: "The child may have been moved out of the area (the Missing People helpline is then told too).")
    static let returned = Flag<DateTime?>("returned", value: "DATETIME", help: "When the child was found or came back.", .dateTime)
    static let foundAt = Flag<String?>("found-at", value: "PLACE", help: "Where the child was found (personal data).", .text)
    static let status = Flag<InterviewStatus?>("status", value: "STATUS", help: "offered, done or refused.", .code)
    static let at = Flag<DateTime?>("at", value: "DATETIME", help: "When the interview was offered, held or refused.", .dateTime)
    static let by = Flag<RecordID?>("by", value: "ID", help: "The interviewer's staff id (needed when done).", .id)
    static let independent = Flag(switch: "independent", help: "The interviewer is independent of the placement and the child's social worker.")
    static let dob = Flag<CivilDate?>("dob", value: "DATE", help: "The child's date of birth (personal data; the SSDA903 DOB).", .date)
    static let placement = Flag<String?>("placement", value: "NAME", help: "The placement id or name (personal data).", .text)
    static let start = Flag.date("start", help: "The date the placement started.")
    static let concern = Flag(switch: "trafficking-concern", help: "Trafficking is a concern for this child.")
}

let recordFlags: [any AnyFlag] = [CommonFlag.id, CommonFlag.append, CommonFlag.interactive, CommonFlag.yes]
let dateTimeHint = "yyyy-mm-ddThh:mm+00:00"

let startFields: [any AnyFlag] = [EventFlag.child, EventFlag.lastSeen, EventFlag.type, EventFlag.from, EventFlag.reported, EventFlag.policeRef, EventFlag.moved]
let startCommand = Command(
    name: "start", summary: "Record a child going missing, or away without authorisation (a missing-start record).",
    usage: "--child ID --last-seen DATETIME --type missing|away [OPTIONS] [--append FILE]",
    details: "At the prompt or from options. Date-times are ISO 8601 with an offset. A child whose whereabouts are unknown must be reported to the police; the report flags an open missing episode with no police report.",
    flags: startFields + recordFlags
) { context in
    try context.record(fields: startFields) { form in
        let child = try form.required(EventFlag.child, "Child's pseudonymous id")
        let lastSeen = try form.required(EventFlag.lastSeen, "Last seen", hint: dateTimeHint)
        let type = try form.choose(EventFlag.type, "Missing or away")
        let from = try form.optional(EventFlag.from, "Placement they went from")
        let reported = try form.optional(EventFlag.reported, "Reported to the police at", hint: dateTimeHint)
        if let reported, reported < lastSeen { throw UsageError("--reported-to-police is before --last-seen") }
        return Draft(MissingStart(id: try context.recordID(prefix: "ms"), child: child, lastSeen: lastSeen, type: type, from: from,
                                  reportedToPolice: reported, policeReference: try form.optional(EventFlag.policeRef, "Police reference"),
                                  mayHaveBeenMoved: try form.yesNo(EventFlag.moved, "May the child have been moved out of the area?")).json)
    }
}

let returnFields: [any AnyFlag] = [EventFlag.child, EventFlag.returned, EventFlag.foundAt]
let returnCommand = Command(
    name: "return", summary: "Record a child found or returned (a missing-return record).",
    usage: "--child ID --returned DATETIME [--found-at PLACE] [--append FILE]",
    details: "The return interview is due 72 hours after the return (statutory guidance).",
    flags: returnFields + recordFlags
) { context in
    try context.record(fields: returnFields) { form in
        Draft(MissingReturn(id: try context.recordID(prefix: "mr"), child: try form.required(EventFlag.child, "Child's pseudonymous id"),
                            returned: try form.required(EventFlag.returned, "Found or returned at", hint: dateTimeHint),
                            foundAt: try form.optional(EventFlag.foundAt, "Where found")).json)
    }
}

let interviewFields: [any AnyFlag] = [EventFlag.child, EventFlag.status, EventFlag.at, EventFlag.by, EventFlag.independent]
let interviewCommand = Command(
    name: "interview", summary: "Record the return interview: offered, held, or refused (a return-interview record).",
    usage: "--child ID --status offered|done|refused --at DATETIME [--by ID] [--independent] [--append FILE]",
    details: "A held interview names who held it. It counts for the child's latest return before it.",
    flags: interviewFields + recordFlags
) { context in
    try context.record(fields: interviewFields) { form in
        let child = try form.required(EventFlag.child, "Child's pseudonymous id")
        let status = try form.choose(EventFlag.status, "Interview")
        let at = try form.required(EventFlag.at, "When", hint: dateTimeHint)
        let by = try form.optional(EventFlag.by, "Interviewer's staff id")
        if status == .done, by == nil { throw UsageError("--by is needed for a held interview") }
        return Draft(ReturnInterview(id: try context.recordID(prefix: "ri"), child: child, status: status, at: at, by: by,
                                     independent: try form.yesNo(EventFlag.independent, "Was the interviewer independent?")).json)
    }
}

let placementFields: [any AnyFlag] = [EventFlag.child, EventFlag.dob, EventFlag.placement, EventFlag.start, EventFlag.concern]
let placementCommand = Command(
    name: "placement", summary: "Record a child's placement (a placement record): date of birth, where, from when, trafficking concern.",
    usage: "--child ID --dob DATE --placement NAME --start DATE [--trafficking-concern] [--append FILE]",
    details: "The first 7 days of a placement are the high-risk window for a child with a trafficking concern (SOLACE L399).",
    flags: placementFields + recordFlags
) { context in
    try context.record(fields: placementFields) { form in
        let child = try form.required(EventFlag.child, "Child's pseudonymous id")
        let dob = try form.required(EventFlag.dob, "Date of birth", hint: "yyyy-mm-dd")
        let placement = try form.required(EventFlag.placement, "Placement id or name")
        let start = try form.value(EventFlag.start, "Placement start", hint: "yyyy-mm-dd")
        guard dob <= start else { throw UsageError("--dob is after --start") }
        return Draft(Placement(id: try context.recordID(prefix: "plc"), child: child, dob: dob, placement: placement, start: start,
                               traffickingConcern: try form.yesNo(EventFlag.concern, "Is trafficking a concern for this child?")).json)
    }
}
