import SafeguardCore
import SafeguardCLI

let statusCommand = Command(
    name: "status", summary: "Which treatment applies to each person whose age is disputed, and why (an age-status record each).",
    usage: "[--as-of DATE] [--rules RULES] [--format text|ndjson] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Reads age-assessment records, and referral records whose subject's age is disputed. A person is \
    treated as a child unless a completed assessment free of procedural gaps, made by --as-of, settles \
    their age; then the youngest age it allows on --as-of decides (SOLACE L312: if there is any doubt, \
    treat the person as a child until their age is verified). Under --rules current an assessment \
    finding the person older than claimed is sound only with the minded-to stage.
    """,
    flags: [CommonFlag.asOf, CommonFlag.rules, CommonFlag.format, CommonFlag.pass, CommonFlag.rejects]
) { context in
    var folder = AgeStatusFolder(asOf: try context.asOf(), rules: try context[CommonFlag.rules])
    try CaseFile.fold(InputFiles(context.operands), into: &folder, diagnostics: context.diagnostics) { r in
        // A referral is read for its subject, so it is never left out; --pass copies it.
        if r.kind == Referral.kind {
            if try context[CommonFlag.pass] { try context.output.writeLine(r.raw) }
        } else {
            try context.passOrLeaveOut(r)
        }
    }
    let report = try context.report(AgeStatus.self)
    for status in try folder.statuses() { try report.write(status) }
    try report.finish()
    return .ok
}
