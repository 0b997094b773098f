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
    static let concern = Flag(switch: "trafficking-concern", help: "Trafficking is a concern for this child (asked for every placement; this or --no-trafficking-concern is needed).")
    static let noConcern = Flag(switch: "no-trafficking-concern", help: "Trafficking was considered and no concern found for this placement; it never lifts a concern already raised.")
    static let to = Flag<ReleaseTo?>("to", value: "WHO", help: "Who the child came back to or was released to: \(ReleaseTo.codes.joined(separator: ", ")). No name is stored.", .code)
    static let enquiries = Flag(switch: "enquiries-done", help: "Release to a parent, carer or other adult: full enquiries were made into their relationship to the child (SOLACE L592).")
    static let childPhoto = Flag(switch: "child-photo-id", help: "Release to a parent, carer or other adult: photographic ID for the child was produced (SOLACE L592).")
    static let adultPhoto = Flag(switch: "adult-photo-id", help: "Release to a parent, carer or other adult: photographic ID for the adult was produced (SOLACE L592).")
    static let agency = Flag<AgencyToNotify?>("agency", value: "AGENCY", help: "The agency told: \(AgencyToNotify.codes.joined(separator: ", ")).", .code)
    static let told = Flag<DateTime?>("at", value: "DATETIME", help: "When the agency was told.", .dateTime)
    static let held = Flag.date("held", help: "The date the review was held.")
    static let reviewBy = Flag<[ReviewAgency]>("by", value: "AGENCY", help: "An agency present (two at least): \(ReviewAgency.codes.joined(separator: ", ")).", each: .code)
    static let raised = Flag(switch: "raised", help: "Raise a trafficking concern for the child.")
    static let lifted = Flag(switch: "lifted", help: "Lift the child's trafficking concern (with --reason).")
    static let reason = Flag<String?>("reason", value: "TEXT", help: "Why (personal data; needed to lift a concern).", .text)
    static let on = Flag.date("on", help: "The date the concern was raised or lifted.")
}

let recordFlags: [any AnyFlag] = [CommonFlag.id, CommonFlag.append, CommonFlag.caseFile, CommonFlag.interactive, CommonFlag.yes]

/// A command that records one event in a child's case: --child and its own
/// fields, then the record flags. It is filled at the prompt or from options
/// through `context.record`, the child asked first; `build` makes the record
/// for that child, and a rule of the record it breaks names the option (`fromOptions`).
func eventCommand(name: String, summary: String, usage: String, details: String, fields: [any AnyFlag], title: String? = nil,
                  build: @escaping @Sendable (Form, RecordID) throws -> Draft?) -> Command {
    let fields = [EventFlag.child] + fields
    return Command(name: name, summary: summary, usage: usage, details: details, flags: fields + recordFlags) { context in
        try context.record(fields: fields, title: title) { form in
            let child = try form.required(EventFlag.child, "Child's pseudonymous id")
            return try context.fromOptions { try build(form, child) }
        }
    }
}
let dateTimeHint = "dd/mm/yyyy hh:mm UK time, or now"
