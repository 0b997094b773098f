import SafeguardCore
import SafeguardCLI

let statusCommand = Command(
    name: "status", summary: "Which treatment applies to each person whose age is disputed, and why (an age-status record each).",
    usage: "[--as-of DATE] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Reads age-assessment records, and referral records whose subject's age is disputed. A person is \
    treated as a child unless a completed assessment free of procedural gaps, made by --as-of, settles \
    their age; then the youngest age it allows on --as-of decides (SOLACE L312: if there is any doubt, \
    treat the person as a child until their age is verified).
    """,
    flags: [CommonFlag.asOf, CommonFlag.pass, CommonFlag.rejects]
) { context in
    let asOf = try context.asOf()
    var order: [RecordID] = []
    var assessments: [RecordID: [AgeAssessment]] = [:]
    func see(_ person: RecordID) {
        if assessments[person] == nil { order.append(person); assessments[person] = [] }
    }
    try forEachRecord(in: InputFiles(context.operands), diagnostics: context.diagnostics) { r in
        switch r.kind {
        case AgeAssessment.kind:
            // Only what was known by --as-of counts, so a past report can be reproduced.
            let assessment = try AgeAssessment(r.object)
            guard assessment.date <= asOf else { return }
            see(assessment.person)
            assessments[assessment.person]!.append(assessment)
        case Referral.kind:
            let referral = try Referral(r.object)
            if referral.subject.ageDisputed && referral.received <= asOf { see(referral.subject.id) }
            if try context[CommonFlag.pass] { try context.output.writeLine(r.raw) }
        default:
            try context.passOrLeaveOut(r)
        }
    }
    for person in order {
        // By date; the sort is stable, so the same day keeps input order.
        let made = assessments[person]!.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        try context.output.write(record: AgeStatus(person: person, assessments: made, asOf: asOf).json)
    }
    return .ok
}
