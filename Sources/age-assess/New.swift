import SafeguardCore
import SafeguardCLI

enum AssessmentFlag {
    static let person = Flag<RecordID?>("person", value: "ID", help: "The person's pseudonymous id (the subject id of their referral).", .id)
    static let date = Flag.date("date", help: "The date of the assessment.")
    static let claimedDOB = Flag<CivilDate?>("claimed-dob", value: "DATE", help: "The date of birth the person claims. Give this or --claimed-age.", .date)
    static let claimedAge = Flag<Int?>("claimed-age", value: "N", help: "The age the person claims, in years.", .int(in: StatedAge.claimedAgeRange))
    static let documents = Flag<DocumentsSeen?>("documents", value: "CODE", help: "Documents seen: \(DocumentsSeen.codes.joined(separator: ", ")).", .code)
    static let assessor = Flag<[Assessor]>("assessor", value: "ID[:untrained]", help: "An assessor's staff id, trained in child-friendly interviewing unless followed by :untrained.", each: ValueParser(parseAssessor))
    static let interpreterNeeded = Flag(switch: "interpreter-needed", help: "The person needs an interpreter.")
    static let interpreter = Flag<InterpreterArrangement>("interpreter", value: "CODE", help: "The interpreter used: \(InterpreterArrangement.codes.joined(separator: ", ")).", .code, default: .notUsed)
    static let appropriateAdult = Flag(switch: "appropriate-adult", help: "An appropriate adult was present.")
    static let purposeExplained = Flag(switch: "purpose-explained", help: "The purpose of the assessment was explained to the young person.")
    static let adversePoints = Flag(switch: "adverse-points-put", help: "Adverse points were put to the young person, with a chance to respond.")
    static let factor = Flag<[AssessmentFactor]>("factor", value: "CODE", help: "A factor considered: \(AssessmentFactor.codes.joined(separator: ", ")).", each: .code)
    static let reasons = Flag<String?>("reasons", value: "TEXT", help: "The written reasons (free text, personal data).", .text)
    static let outcome = Flag<AssessmentOutcome?>("outcome", value: "CODE", help: "The outcome: \(AssessmentOutcome.codes.joined(separator: ", ")).", .code)
    static let assessedDOB = Flag<CivilDate?>("assessed-dob", value: "DATE", help: "The assessed date of birth.", .date)
    static let assessedRange = Flag<ClosedRange<Int>?>("assessed-age-range", value: "MIN-MAX", help: "The assessed age range in whole years on the assessment date, e.g. 16-17.", ValueParser(range: "within \(StatedAge.claimedAgeRange.lowerBound) to \(StatedAge.claimedAgeRange.upperBound)", parseRange))
    static let assessedBy = Flag<AssessingBody?>("assessed-by", value: "BODY", help: "Who assessed: la (the local authority) or naab (the National Age Assessment Board, since 31 March 2023). At the prompt, asked under --rules current.", .code)
    static let mindedToDate = Flag<CivilDate?>("minded-to-date", value: "DATE", help: "The minded-to stage: the date the adverse points were put to the young person while the view was provisional (R (HAM) v Brent [2022]). Under --rules current an assessment finding the person older than claimed needs it.", .date)
    static let mindedToResponse = Flag<String?>("minded-to-response", value: "TEXT", help: "The young person's response at the minded-to stage (free text, personal data). Needs --minded-to-date.", .text)
    static let conclusion = Flag<AgeGroup?>("conclusion", value: "GROUP", help: "What the assessors concluded the person is to be treated as: child or adult.", .code)

    static let recordFields: [any AnyFlag] = [person, date, claimedDOB, claimedAge, documents, assessor, interpreterNeeded, interpreter,
                                              appropriateAdult, purposeExplained, adversePoints, factor, reasons, outcome, assessedDOB,
                                              assessedRange, conclusion, assessedBy, mindedToDate, mindedToResponse]
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
    flags: AssessmentFlag.recordFields + [CommonFlag.rules, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile, CommonFlag.interactive, CommonFlag.yes]
) { context in
    try context.record(fields: AssessmentFlag.recordFields, title: "New age assessment") { form in
        let assessment = try context.fromOptions { try fillAssessment(form) }
        let gaps = assessment.gaps(under: try context[CommonFlag.rules])
        for gap in gaps { context.diagnostics.note("gap \(gap.rawValue): \(gap.label)") }
        var rows: [(String, String)] = [("Assessment id", assessment.id.rawValue), ("Person", assessment.person.rawValue),
                                        ("Date", assessment.date.description), ("Outcome", assessment.outcome.label),
                                        ("Treat as", assessment.conclusion.label)]
        rows.append(("Gaps", gaps.isEmpty ? "none" : gaps.map(\.rawValue).joined(separator: ", ")))
        return Draft(assessment.json, title: "Age assessment", rows: rows)
    }
}

/// Fills an assessment from options or at the prompt, through the one `AgeAssessment` initialiser.
func fillAssessment(_ form: Form) throws -> AgeAssessment {
    typealias F = AssessmentFlag
    let context = form.context
    let person = try form.required(F.person, "Person's pseudonymous id")
    let date = try form.value(F.date, "Date of the assessment", hint: "dd/mm/yyyy or today")
    func notAfterTheAssessment(_ what: String) -> (CivilDate) -> String? {
        { $0 <= date ? nil : "the \(what) date of birth is after the assessment date" }
    }
    let claimed: StatedAge
    switch (try context[F.claimedDOB], try context[F.claimedAge]) {
    case (nil, let n?): claimed = .claimedAge(n)
    case (_?, _?): throw UsageError("give --claimed-dob or --claimed-age, not both")
    case (nil, nil) where !form.isPrompting: throw UsageError("give --claimed-dob or --claimed-age")
    default:
        if let d = try form.optional(F.claimedDOB, "Date of birth the person claims", hint: "dd/mm/yyyy; Enter if they give only an age",
                                     check: notAfterTheAssessment("claimed")) {
            claimed = .dateOfBirth(d)
        } else {
            claimed = .claimedAge(try form.required(F.claimedAge, "Age the person claims", hint: "years"))
        }
    }
    let documents = try form.choose(F.documents, "Documents seen")
    var assessors = try context[F.assessor]
    if let p = form.prompter, assessors.isEmpty {
        while let next = try p.ask(assessors.isEmpty ? "First assessor's staff id" : "Another assessor's staff id", hint: "ID, or ID:untrained",
                                   optional: !assessors.isEmpty, parse: parseAssessor) {
            assessors.append(next)
        }
    }
    // Current practice (DOMAIN "Current practice"): asked only then, as the NAAB began in 2023.
    let current = try context[CommonFlag.rules] == .current
    let assessedBy = current ? try form.optional(F.assessedBy, "Who assessed", hint: "la (local authority) or naab (National Age Assessment Board)")
                             : try context[F.assessedBy]
    let interpreterNeeded = try form.yesNo(F.interpreterNeeded, "Does the person need an interpreter?", default: nil)
    // "Not used" is offered only when no interpreter was needed: after "needed: yes" the person chooses.
    let interpreter = try form.choose(F.interpreter, "Interpreter used", offerDefault: !interpreterNeeded)
    let appropriateAdult = try form.yesNo(F.appropriateAdult, "Was an appropriate adult present?", default: nil)
    let purpose = try form.yesNo(F.purposeExplained, "Was the purpose of the assessment explained to the young person?", default: nil)
    let adverse = try form.yesNo(F.adversePoints, "Were adverse points put to them, with a chance to respond?", default: nil)
    let factors = try form.chooseMany(F.factor, "Factors considered", atLeastOne: form.isPrompting)
    let reasons = try form.optional(F.reasons, "Reasons", hint: "one line")
    let outcome = try form.choose(F.outcome, "Outcome")
    var assessed: AssessedAge?
    switch (try context[F.assessedDOB], try context[F.assessedRange]) {
    case (_?, _?): throw UsageError("give --assessed-dob or --assessed-age-range, not both")
    case (nil, let r?): assessed = .range(r)
    default:
        if let d = try form.optional(F.assessedDOB, "Assessed date of birth", hint: "dd/mm/yyyy; Enter to give a range instead",
                                     check: notAfterTheAssessment("assessed")) {
            assessed = .dateOfBirth(d)
        } else if let r = try form.optional(F.assessedRange, "Assessed age range", hint: "MIN-MAX years, e.g. 16-17; Enter for none") {
            assessed = .range(r)
        }
    }
    let conclusion = try form.choose(F.conclusion, "Treat the person as")
    // The minded-to stage (R (HAM) v Brent [2022]): asked under current rules where the finding is older than claimed.
    var mindedToDate = try context[F.mindedToDate], mindedToResponse = try context[F.mindedToResponse]
    if current, outcome == .assessedOlder, mindedToDate == nil, form.isPrompting {
        mindedToDate = try form.optional(F.mindedToDate, "Date the adverse points were put at a minded-to stage", hint: "dd/mm/yyyy; Enter if there was none")
        if mindedToDate != nil { mindedToResponse = try form.optional(F.mindedToResponse, "The young person's response", hint: "one line") }
    }
    return try AgeAssessment(
        id: try context.recordID(prefix: "aa"), person: person, date: date, claimed: claimed, documents: documents, assessors: assessors,
        interpreterNeeded: interpreterNeeded, interpreter: interpreter, appropriateAdult: appropriateAdult, purposeExplained: purpose,
        adversePointsPut: adverse, factors: factors, reasons: reasons, outcome: outcome, assessed: assessed, conclusion: conclusion,
        assessedBy: assessedBy, mindedToDate: mindedToDate, mindedToResponse: mindedToResponse)
}

/// `ID`, `ID:trained` or `ID:untrained` (an id may itself hold colons).
@Sendable func parseAssessor(_ text: String) -> Result<Assessor, InputProblem> {
    var idText = Substring(text), trained = true
    if text.hasSuffix(":untrained") { idText = idText.dropLast(":untrained".count); trained = false }
    else if text.hasSuffix(":trained") { idText = idText.dropLast(":trained".count) }
    guard let id = RecordID(String(idText)) else { return .failure(InputProblem("'\(text.prefix(30))' is not a staff id; \(RecordID.rule).")) }
    return .success(Assessor(id: id, trained: trained))
}

/// `MIN-MAX`: an assessed range may be any span within the claimed-age range.
@Sendable func parseRange(_ text: String) -> Result<ClosedRange<Int>, InputProblem> {
    let allowed = StatedAge.claimedAgeRange
    let parts = text.split(separator: "-").map { Int($0) }
    guard parts.count == 2, let lo = parts[0], let hi = parts[1], allowed.contains(lo), allowed.contains(hi), lo <= hi else {
        return .failure(InputProblem("write the range as MIN-MAX in years from \(allowed.lowerBound) to \(allowed.upperBound), e.g. 16-17."))
    }
    return .success(lo...hi)
}
