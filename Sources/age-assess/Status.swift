import SafeguardCore

let statusCommand = Command(
    name: "status", summary: "Which treatment applies to each person whose age is disputed, and why (an age-status record each).",
    usage: "[--as-of DATE] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Reads age-assessment records, and referral records whose subject's age is disputed. A person is \
    treated as a child unless a completed assessment free of procedural gaps, made by --as-of, settles \
    their age; then the youngest age it allows on --as-of decides (SOLACE L312: if there is any doubt, \
    treat the person as a child until their age is verified).
    """,
    flags: [.asOf, .pass, .rejects]
) { context in
    let a = context.arguments
    let asOf = try context.asOf()
    var order: [RecordID] = []
    var assessments: [RecordID: [AgeAssessment]] = [:]
    func see(_ person: RecordID) {
        if assessments[person] == nil { order.append(person); assessments[person] = [] }
    }
    try forEachRecord(in: InputFiles(a.positionals), diagnostics: context.diagnostics) { r in
        switch r.kind {
        case AgeAssessment.kind:
            let assessment = try AgeAssessment(r.object)
            see(assessment.person)
            assessments[assessment.person]!.append(assessment)
        case Referral.kind:
            let referral = try Referral(r.object)
            if referral.subject.ageDisputed { see(referral.subject.id) }
            if a.has(Flag.pass.long) { try context.output.writeLine(r.raw) }
        default:
            if a.has(Flag.pass.long) { try context.output.writeLine(r.raw) }
        }
    }
    for person in order {
        let made = assessments[person]!.sorted { $0.date < $1.date }
        try context.output.write(record: AgeStatus(person: person, assessments: made, asOf: asOf).json)
    }
    return .ok
}
