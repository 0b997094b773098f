import SafeguardCore
import SafeguardCLI

let checkCommand = Command(
    name: "check", summary: "Report every procedural gap in age assessments, each with a stable code and a plain sentence.",
    usage: "[--pass] [--rejects FILE] [FILE...]",
    details: """
    Writes one assessment-check record per age-assessment record. The gap codes: \
    \(AssessmentGap.codes.joined(separator: ", ")). Exit status 1 when any assessment has a gap, so a \
    script can act on it; 65 when a line is not a valid record.
    """,
    flags: [CommonFlag.pass, CommonFlag.rejects]
) { context in
    var withGaps = 0
    try forEachRecord(in: InputFiles(context.operands), diagnostics: context.diagnostics) { r in
        guard r.kind == AgeAssessment.kind else {
            try context.passOrLeaveOut(r)
            return
        }
        let assessment = try AgeAssessment(r.object)
        if !assessment.gaps.isEmpty { withGaps += 1 }
        try context.output.write(record: assessment.checkJSON)
    }
    return withGaps > 0 ? .actionNeeded : .ok
}
