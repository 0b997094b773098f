import SafeguardCore
import SafeguardCLI

let interviewCommand = eventCommand(
    name: "interview", summary: "Record the return interview: offered, held, or refused (a return-interview record).",
    usage: "--child ID --status offered|done|refused --at DATETIME [--by ID] [--independent] [--append FILE]",
    details: "A held interview names who held it. It counts for the child's latest return before it.",
    fields: [EventFlag.status, EventFlag.at, EventFlag.by, EventFlag.independent], title: "A return interview"
) { form, child in
    let status = try form.choose(EventFlag.status, "Interview")
    let at = try form.required(EventFlag.at, "When", hint: dateTimeHint)
    let by = try form.optional(EventFlag.by, "Interviewer's staff id")
    return Draft(try ReturnInterview(id: try form.context.recordID(prefix: "ri"), child: child, status: status, at: at, by: by,
                                     independent: try form.yesNo(EventFlag.independent, "Was the interviewer independent?")).json)
}
