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

let recordFlags: [any AnyFlag] = [CommonFlag.id, CommonFlag.append, CommonFlag.caseFile, CommonFlag.interactive, CommonFlag.yes]
let dateTimeHint = "dd/mm/yyyy hh:mm UK time, or now"
