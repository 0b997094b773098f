import SafeguardCore
import SafeguardCLI

let checkCommand = Command(
    name: "check", summary: "Report every procedural gap in age assessments, each with a stable code and a plain sentence.",
    usage: "[--rules RULES] [--format text|ndjson] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Writes one assessment-check record per age-assessment record (on a terminal, a table: one row per \
    assessment, each gap in words under it). The gap codes: \
    \(AssessmentGap.codes.joined(separator: ", ")). Exit status 1 when any assessment has a gap, so a \
    script can act on it; 65 when a line is not a valid record. Under --rules current an assessment \
    finding the person older than claimed also needs the minded-to stage (no-minded-to-stage).
    """,
    flags: [CommonFlag.rules, CommonFlag.format, CommonFlag.pass, CommonFlag.rejects]
) { context in
    var withGaps = 0
    let rules = try context[CommonFlag.rules]
    let report = try context.report(AssessmentCheck.self)
    try forEachRecord(in: InputFiles(context.operands), diagnostics: context.diagnostics) { r in
        guard r.kind == AgeAssessment.kind else {
            try context.passOrLeaveOut(r)
            return
        }
        let assessment = try AgeAssessment(r.object)
        let check = AssessmentCheck(assessment, rules: rules)
        if !check.gaps.isEmpty { withGaps += 1 }
        try report.write(check, json: check.json)
    }
    try report.finish()
    return withGaps > 0 ? .actionNeeded : .ok
}
