import SafeguardCore

enum AssessmentFlag {
    static let person = Flag("person", value: "ID", help: "The person's pseudonymous id (the subject id of their referral).")
    static let date = Flag("date", value: "DATE", help: "The date of the assessment.", default: "today")
    static let claimedDOB = Flag("claimed-dob", value: "DATE", help: "The date of birth the person claims. Give this or --claimed-age.")
    static let claimedAge = Flag("claimed-age", value: "N", help: "The age the person claims, in years (0 to 30).")
    static let documents = Flag("documents", value: "CODE", help: "Documents seen: \(DocumentsSeen.codes.joined(separator: ", ")).")
    static let assessor = Flag("assessor", value: "ID[:untrained]", help: "An assessor's staff id, trained in child-friendly interviewing unless followed by :untrained.", repeatable: true)
    static let interpreterNeeded = Flag("interpreter-needed", help: "The person needs an interpreter.")
    static let interpreter = Flag("interpreter", value: "CODE", help: "The interpreter used: \(InterpreterArrangement.codes.joined(separator: ", ")).", default: "none")
    static let appropriateAdult = Flag("appropriate-adult", help: "An appropriate adult was present.")
    static let purposeExplained = Flag("purpose-explained", help: "The purpose of the assessment was explained to the young person.")
    static let adversePoints = Flag("adverse-points-put", help: "Adverse points were put to the young person, with a chance to respond.")
    static let factor = Flag("factor", value: "CODE", help: "A factor considered: \(AssessmentFactor.codes.joined(separator: ", ")).", repeatable: true)
    static let reasons = Flag("reasons", value: "TEXT", help: "The written reasons (free text, personal data).")
    static let outcome = Flag("outcome", value: "CODE", help: "The outcome: \(AssessmentOutcome.codes.joined(separator: ", ")).")
    static let assessedDOB = Flag("assessed-dob", value: "DATE", help: "The assessed date of birth.")
    static let assessedRange = Flag("assessed-age-range", value: "MIN-MAX", help: "The assessed age range in whole years on the assessment date, e.g. 16-17.")
    static let conclusion = Flag("conclusion", value: "GROUP", help: "What the assessors concluded the person is to be treated as: child or adult.")

    static let recordFields = [person, date, claimedDOB, claimedAge, documents, assessor, interpreterNeeded, interpreter,
                               appropriateAdult, purposeExplained, adversePoints, factor, reasons, outcome, assessedDOB,
                               assessedRange, conclusion]
}

let newAssessmentCommand = Command(
    name: "new", summary: "Record an age assessment (an age-assessment record), at the prompt or from options.",
    usage: "[--interactive] [FIELD OPTIONS] [--append FILE]",
    details: """
    On a terminal with no field options, asks for each field in turn; Ctrl-D or Ctrl-C writes nothing. \
    A safeguard not given as an option (--appropriate-adult, --purpose-explained...) is recorded as not \
    done, and 'age-assess check' will report it. The record is written even when it has gaps: the \
    gaps are the point of recording it honestly.
    """,
    flags: AssessmentFlag.recordFields + [.id, .append, .interactive, .yes]
) { context in
    let assessment: AgeAssessment?
    if context.wantsPrompt(fieldFlags: AssessmentFlag.recordFields) {
        assessment = try promptForAssessment(context)
    } else {
        assessment = try assessmentFromFlags(context.arguments)
    }
    guard let assessment else {
        context.diagnostics.note("nothing written")
        return .cancelled
    }
    for gap in assessment.gaps { context.diagnostics.note("gap \(gap.rawValue): \(gap.label)") }
    try context.emit(assessment.json)
    return .ok
}

/// `ID`, `ID:trained` or `ID:untrained` (an id may itself hold colons).
func parseAssessor(_ text: String) -> Result<Assessor, InputProblem> {
    var idText = Substring(text), trained = true
    if text.hasSuffix(":untrained") { idText = idText.dropLast(":untrained".count); trained = false }
    else if text.hasSuffix(":trained") { idText = idText.dropLast(":trained".count) }
    guard let id = RecordID(String(idText)) else { return .failure(InputProblem("'\(text.prefix(30))' is not a staff id; \(RecordID.rule).")) }
    return .success(Assessor(id: id, trained: trained))
}

func parseRange(_ text: String) -> Result<ClosedRange<Int>, InputProblem> {
    let parts = text.split(separator: "-").map { Int($0) }
    guard parts.count == 2, let lo = parts[0], let hi = parts[1], AgeAssessment.claimedAgeRange.contains(lo),
          AgeAssessment.claimedAgeRange.contains(hi), lo <= hi else {
        return .failure(InputProblem("write the range as MIN-MAX in years from 0 to 30, e.g. 16-17."))
    }
    return .success(lo...hi)
}

func assessmentFromFlags(_ a: ParsedArguments) throws -> AgeAssessment {
    let date = try a.date(AssessmentFlag.date.long) ?? CivilDate.today()
    let claimed: StatedAge
    switch (try a.date(AssessmentFlag.claimedDOB.long), try a.int(AssessmentFlag.claimedAge.long, in: AgeAssessment.claimedAgeRange)) {
    case (let d?, nil):
        guard d <= date else { throw CommandFailure("the claimed date of birth is after the assessment date", exitCode: .dataError) }
        claimed = .dateOfBirth(d)
    case (nil, let n?): claimed = .claimedAge(n)
    default: throw UsageError("give --claimed-dob or --claimed-age")
    }
    var assessed: AssessedAge?
    switch (try a.date(AssessmentFlag.assessedDOB.long), try a.parsed(AssessmentFlag.assessedRange.long, parseRange)) {
    case (let d?, nil):
        guard d <= date else { throw CommandFailure("the assessed date of birth is after the assessment date", exitCode: .dataError) }
        assessed = .dateOfBirth(d)
    case (nil, let r?): assessed = .range(r)
    case (nil, nil): assessed = nil
    default: throw UsageError("give --assessed-dob or --assessed-age-range, not both")
    }
    let assessors = try a.list(AssessmentFlag.assessor.long).map { text in
        switch parseAssessor(text) {
        case .success(let v): return v
        case .failure(let p): throw UsageError("--assessor: \(p.message)")
        }
    }
    return AgeAssessment(
        id: try a.recordID(prefix: "aa"), person: try a.recordID(from: try need(a.value(AssessmentFlag.person.long), AssessmentFlag.person), what: "--person"),
        date: date, claimed: claimed, documents: try need(try a.code(AssessmentFlag.documents.long), AssessmentFlag.documents),
        assessors: assessors, interpreterNeeded: a.has(AssessmentFlag.interpreterNeeded.long),
        interpreter: try a.code(AssessmentFlag.interpreter.long) ?? .notUsed,
        appropriateAdult: a.has(AssessmentFlag.appropriateAdult.long), purposeExplained: a.has(AssessmentFlag.purposeExplained.long),
        adversePointsPut: a.has(AssessmentFlag.adversePoints.long), factors: try a.codes(AssessmentFlag.factor.long).uniqued(),
        reasons: a.text(AssessmentFlag.reasons.long), outcome: try need(try a.code(AssessmentFlag.outcome.long), AssessmentFlag.outcome),
        assessed: assessed, conclusion: try need(try a.code(AssessmentFlag.conclusion.long), AssessmentFlag.conclusion))
}

/// Fills an assessment at the prompt; nil when abandoned.
func promptForAssessment(_ context: CommandContext) throws -> AgeAssessment? {
    Prompter.installInterruptHandler()
    let p = Prompter()
    let a = context.arguments
    do {
        p.say("New age assessment. Enter accepts a [default]; Ctrl-D or Ctrl-C stops without writing anything.\n")
        let person = try a.parsed(AssessmentFlag.person.long, Parse.id) ?? p.required("Person's pseudonymous id", parse: Parse.id)
        let date = try a.date(AssessmentFlag.date.long)
            ?? p.required("Date of the assessment", hint: "yyyy-mm-dd", defaultAnswer: CivilDate.today().description, parse: Parse.date)
        // Fields given as options are taken as they are, and not asked again.
        let claimed: StatedAge
        if let d = try a.date(AssessmentFlag.claimedDOB.long) {
            claimed = .dateOfBirth(d)
        } else if let n = try a.int(AssessmentFlag.claimedAge.long, in: AgeAssessment.claimedAgeRange) {
            claimed = .claimedAge(n)
        } else if let d = try p.ask("Date of birth the person claims", hint: "yyyy-mm-dd; Enter if they give only an age", optional: true, parse: { text in
            Parse.date(text).flatMap { $0 <= date ? .success($0) : .failure(InputProblem("That is after the assessment date.")) }
        }) {
            claimed = .dateOfBirth(d)
        } else {
            claimed = .claimedAge(try p.required("Age the person claims", hint: "years", parse: { Parse.int($0, in: AgeAssessment.claimedAgeRange) }))
        }
        let documents: DocumentsSeen = try a.code(AssessmentFlag.documents.long) ?? p.choose("Documents seen")
        var assessors: [Assessor] = try a.list(AssessmentFlag.assessor.long).map { text in try parseAssessor(text).mapError { UsageError("--assessor: \($0.message)") }.get() }
        if assessors.isEmpty {
            while let next = try p.ask(assessors.isEmpty ? "First assessor's staff id" : "Another assessor's staff id", hint: "ID, or ID:untrained",
                                       optional: !assessors.isEmpty, parse: parseAssessor) {
                assessors.append(next)
            }
        }
        func yes(_ flag: Flag, _ question: String) throws -> Bool { try a.has(flag.long) || p.yesNo(question) }
        let interpreterNeeded = try yes(AssessmentFlag.interpreterNeeded, "Does the person need an interpreter?")
        let interpreter: InterpreterArrangement = try a.code(AssessmentFlag.interpreter.long) ?? p.choose("Interpreter used", default: .notUsed)
        let appropriateAdult = try yes(AssessmentFlag.appropriateAdult, "Was an appropriate adult present?")
        let purpose = try yes(AssessmentFlag.purposeExplained, "Was the purpose of the assessment explained to the young person?")
        let adverse = try yes(AssessmentFlag.adversePoints, "Were adverse points put to them, with a chance to respond?")
        let factors: [AssessmentFactor] = a.isGiven(AssessmentFlag.factor.long) ? try a.codes(AssessmentFlag.factor.long).uniqued() : try p.chooseMany("Factors considered")
        let reasons = try a.text(AssessmentFlag.reasons.long) ?? p.ask("Reasons", hint: "one line", optional: true, parse: Parse.text)
        let outcome: AssessmentOutcome = try a.code(AssessmentFlag.outcome.long) ?? p.choose("Outcome")
        var assessed: AssessedAge?
        if let d = try a.date(AssessmentFlag.assessedDOB.long) {
            assessed = .dateOfBirth(d)
        } else if let r = try a.parsed(AssessmentFlag.assessedRange.long, parseRange) {
            assessed = .range(r)
        } else if let d = try p.ask("Assessed date of birth", hint: "yyyy-mm-dd; Enter to give a range instead", optional: true, parse: Parse.date) {
            assessed = .dateOfBirth(d)
        } else if let r = try p.ask("Assessed age range", hint: "MIN-MAX years, e.g. 16-17; Enter for none", optional: true, parse: parseRange) {
            assessed = .range(r)
        }
        let conclusion: AgeGroup = try a.code(AssessmentFlag.conclusion.long) ?? p.choose("Treat the person as")
        let assessment = AgeAssessment(
            id: try a.recordID(prefix: "aa"), person: person, date: date, claimed: claimed, documents: documents, assessors: assessors,
            interpreterNeeded: interpreterNeeded, interpreter: interpreter, appropriateAdult: appropriateAdult, purposeExplained: purpose,
            adversePointsPut: adverse, factors: factors, reasons: reasons, outcome: outcome, assessed: assessed, conclusion: conclusion)
        if a.has(Flag.yes.long) { return assessment }
        var rows: [(String, String)] = [("Assessment id", assessment.id.rawValue), ("Person", person.rawValue), ("Date", date.description),
                                        ("Outcome", outcome.label), ("Treat as", conclusion.label)]
        rows.append(("Gaps", assessment.gaps.isEmpty ? "none" : assessment.gaps.map(\.rawValue).joined(separator: ", ")))
        return try p.confirm("Age assessment", rows) ? assessment : nil
    } catch is PromptCancelled {
        return nil
    }
}
