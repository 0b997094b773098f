import SafeguardCore

enum EventFlag {
    static let child = Flag("child", value: "ID", help: "The child's pseudonymous id.")
    static let lastSeen = Flag("last-seen", value: "DATETIME", help: "When the child was last seen (yyyy-mm-ddThh:mm+00:00).")
    static let type = Flag("type", value: "TYPE", help: "missing (whereabouts unknown) or away (absent without authorisation, whereabouts known).")
    static let from = Flag("from", value: "PLACEMENT", help: "The placement id or name they went from (personal data: it can locate the child).")
    static let reported = Flag("reported-to-police", value: "DATETIME", help: "When the police were told.")
    static let policeRef = Flag("police-reference", value: "REF", help: "The police reference.")
    static let moved = Flag("may-have-been-moved", help: "The child may have been moved out of the area (the Missing People helpline is then told too).")
    static let returned = Flag("returned", value: "DATETIME", help: "When the child was found or came back.")
    static let foundAt = Flag("found-at", value: "PLACE", help: "Where the child was found (personal data).")
    static let status = Flag("status", value: "STATUS", help: "offered, done or refused.")
    static let at = Flag("at", value: "DATETIME", help: "When the interview was offered, held or refused.")
    static let by = Flag("by", value: "ID", help: "The interviewer's staff id (needed when done).")
    static let independent = Flag("independent", help: "The interviewer is independent of the placement and the child's social worker.")
    static let dob = Flag("dob", value: "DATE", help: "The child's date of birth (personal data; the SSDA903 DOB).")
    static let placement = Flag("placement", value: "NAME", help: "The placement id or name (personal data).")
    static let start = Flag("start", value: "DATE", help: "The date the placement started.")
    static let concern = Flag("trafficking-concern", help: "Trafficking is a concern for this child.")
}

let recordFlags: [Flag] = [.id, .append, .interactive, .yes]

let startFields = [EventFlag.child, EventFlag.lastSeen, EventFlag.type, EventFlag.from, EventFlag.reported, EventFlag.policeRef, EventFlag.moved]
let startCommand = Command(
    name: "start", summary: "Record a child going missing, or away without authorisation (a missing-start record).",
    usage: "--child ID --last-seen DATETIME --type missing|away [OPTIONS] [--append FILE]",
    details: "At the prompt or from options. Date-times are ISO 8601 with an offset. A child whose whereabouts are unknown must be reported to the police; the report flags an open missing episode with no police report.",
    flags: startFields + recordFlags
) { context in
    try record(context, fields: startFields) { a, p in
        let child = try field(a, p, EventFlag.child, "Child's pseudonymous id", Parse.id)
        let lastSeen = try field(a, p, EventFlag.lastSeen, "Last seen", hint: "yyyy-mm-ddThh:mm+00:00", Parse.dateTime)
        let type: MissingType = try codeField(a, p, EventFlag.type, "Missing or away")
        let from = try optionalField(a, p, EventFlag.from, "Placement they went from", Parse.text)
        let reported = try optionalField(a, p, EventFlag.reported, "Reported to the police at", hint: "yyyy-mm-ddThh:mm+00:00", Parse.dateTime)
        if let reported, reported < lastSeen { throw UsageError("--reported-to-police is before --last-seen") }
        return MissingStart(id: try a.recordID(prefix: "ms"), child: child, lastSeen: lastSeen, type: type, from: from,
                            reportedToPolice: reported, policeReference: try optionalField(a, p, EventFlag.policeRef, "Police reference", Parse.text),
                            mayHaveBeenMoved: try yesNoField(a, p, EventFlag.moved, "May the child have been moved out of the area?")).json
    }
}

let returnFields = [EventFlag.child, EventFlag.returned, EventFlag.foundAt]
let returnCommand = Command(
    name: "return", summary: "Record a child found or returned (a missing-return record).",
    usage: "--child ID --returned DATETIME [--found-at PLACE] [--append FILE]",
    details: "The return interview is due 72 hours after the return (statutory guidance).",
    flags: returnFields + recordFlags
) { context in
    try record(context, fields: returnFields) { a, p in
        MissingReturn(id: try a.recordID(prefix: "mr"), child: try field(a, p, EventFlag.child, "Child's pseudonymous id", Parse.id),
                      returned: try field(a, p, EventFlag.returned, "Found or returned at", hint: "yyyy-mm-ddThh:mm+00:00", Parse.dateTime),
                      foundAt: try optionalField(a, p, EventFlag.foundAt, "Where found", Parse.text)).json
    }
}

let interviewFields = [EventFlag.child, EventFlag.status, EventFlag.at, EventFlag.by, EventFlag.independent]
let interviewCommand = Command(
    name: "interview", summary: "Record the return interview: offered, held, or refused (a return-interview record).",
    usage: "--child ID --status offered|done|refused --at DATETIME [--by ID] [--independent] [--append FILE]",
    details: "A held interview names who held it. It counts for the child's latest return before it.",
    flags: interviewFields + recordFlags
) { context in
    try record(context, fields: interviewFields) { a, p in
        let child = try field(a, p, EventFlag.child, "Child's pseudonymous id", Parse.id)
        let status: InterviewStatus = try codeField(a, p, EventFlag.status, "Interview")
        let at = try field(a, p, EventFlag.at, "When", hint: "yyyy-mm-ddThh:mm+00:00", Parse.dateTime)
        let by = try optionalField(a, p, EventFlag.by, "Interviewer's staff id", Parse.id)
        if status == .done, by == nil { throw UsageError("--by is needed for a held interview") }
        return ReturnInterview(id: try a.recordID(prefix: "ri"), child: child, status: status, at: at, by: by,
                               independent: try yesNoField(a, p, EventFlag.independent, "Was the interviewer independent?")).json
    }
}

let placementFields = [EventFlag.child, EventFlag.dob, EventFlag.placement, EventFlag.start, EventFlag.concern]
let placementCommand = Command(
    name: "placement", summary: "Record a child's placement (a placement record): date of birth, where, from when, trafficking concern.",
    usage: "--child ID --dob DATE --placement NAME --start DATE [--trafficking-concern] [--append FILE]",
    details: "The first 7 days of a placement are the high-risk window for a child with a trafficking concern (SOLACE L399).",
    flags: placementFields + recordFlags
) { context in
    try record(context, fields: placementFields) { a, p in
        let child = try field(a, p, EventFlag.child, "Child's pseudonymous id", Parse.id)
        let dob = try field(a, p, EventFlag.dob, "Date of birth", hint: "yyyy-mm-dd", Parse.date)
        let placement = try field(a, p, EventFlag.placement, "Placement id or name", Parse.text)
        let start = try field(a, p, EventFlag.start, "Placement start", hint: "yyyy-mm-dd", defaultAnswer: CivilDate.today().description, Parse.date)
        guard dob <= start else { throw UsageError("--dob is after --start") }
        return Placement(id: try a.recordID(prefix: "plc"), child: child, dob: dob, placement: placement, start: start,
                         traffickingConcern: try yesNoField(a, p, EventFlag.concern, "Is trafficking a concern for this child?")).json
    }
}
