import SafeguardCore
import SafeguardCLI

let checkCommand = Command(
    name: "check", summary: "Report every procedural gap in age assessments, each with a stable code and a plain sentence.",
    usage: "[--format text|ndjson] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Writes one assessment-check record per age-assessment record (on a terminal, a table: one row per \
    assessment, each gap in words under it). The gap codes: \
    \(AssessmentGap.codes.joined(separator: ", ")). Exit status 1 when any assessment has a gap, so a \
    script can act on it; 65 when a line is not a valid record.
    """,
    flags: [CommonFlag.format, CommonFlag.pass, CommonFlag.rejects]
) { context in
    var withGaps = 0
    let report = try context.report(AssessmentCheck.self)
    try forEachRecord(in: InputFiles(context.operands), diagnostics: context.diagnostics) { r in
        guard r.kind == AgeAssessment.kind else {
            try context.passOrLeaveOut(r)
            return
        }
        let assessment = try AgeAssessment(r.object)
        if !assessment.gaps.isEmpty { withGaps += 1 }
        let check = AssessmentCheck(assessment)
        try report.write(check, json: check.json)
    }
    try report.finish()
    return withGaps > 0 ? .actionNeeded : .ok
}
