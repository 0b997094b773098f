import SafeguardCore

/// The fields of a referral, each an option for scripts and a question at the prompt.
enum ReferralFlag {
    static let subject = Flag("subject", value: "ID", help: "The subject's pseudonymous id (letters, digits, . _ : -).")
    static let name = Flag("name", value: "NAME", help: "The subject's name (personal data; optional).")
    static let dob = Flag("dob", value: "DATE", help: "Date of birth (yyyy-mm-dd). Give this or --claimed-age.")
    static let claimedAge = Flag("claimed-age", value: "N", help: "The age the subject claims, in years, when the date of birth is not known.")
    static let ageDisputed = Flag("age-disputed", help: "The subject's age is in doubt: they are treated as a child until it is verified (SOLACE L312).")
    static let sex = Flag("sex", value: "SEX", help: "female, male, other or not-known.")
    static let nationality = Flag("nationality", value: "CC", help: "Nationality as an ISO 3166-1 alpha-2 code (GB for the UK).")
    static let language = Flag("language", value: "TAG", help: "A language the subject speaks (en, sq, vi, pt-br...).", repeatable: true)
    static let interpreter = Flag("interpreter-needed", help: "The subject needs an interpreter.")
    static let firstResponder = Flag("first-responder", value: "ORG", help: "The referring first responder organisation: \(FirstResponder.codes.joined(separator: ", ")).")
    static let authority = Flag("competent-authority", value: "CA", help: "ukhtc, or ukba for cases in the immigration system (SOLACE L255).")
    static let received = Flag("received", value: "DATE", help: "The date of the referral.", default: "today")
    static let exploitation = Flag("exploitation", value: "TYPE", help: "Exploitation type: \(ExploitationType.codes.joined(separator: ", ")).", repeatable: true)
    static let indicator = Flag("indicator", value: "CODE", help: "An indicator observed (see 'nrm-referral indicators').", repeatable: true)
    static let consentSigned = Flag("consent-signed", value: "DATE", help: "The date an adult signed the referral form to consent. Not needed for a child.")
    static let account = Flag("account", value: "TEXT", help: "The account of what happened (free text, personal data).")
    static let assessments = Flag("assessments", value: "FILE", help: "A file of age-assessment records (from age-assess). Where the age is disputed, a sound assessment of the subject (completed, free of gaps) settles it; otherwise the subject is treated as a child.")

    static let recordFields = [subject, name, dob, claimedAge, ageDisputed, sex, nationality, language, interpreter,
                               firstResponder, authority, received, exploitation, indicator, consentSigned, account]
}

let newCommand = Command(
    name: "new", summary: "Make a referral record, at the prompt or from options.",
    usage: "[--interactive] [FIELD OPTIONS] [--append FILE]",
    details: """
    On a terminal with no field options, asks for each field in turn, re-asks on a bad answer, shows a \
    summary and asks before writing. End of input (Ctrl-D) or Ctrl-C writes nothing. With options (for \
    scripts), --subject, --sex, --first-responder, --exploitation and --dob or --claimed-age are needed. \
    A child (under 18 on the referral date, or age disputed) needs no consent. An adult is referred \
    only with signed consent (--consent-signed); without it no referral is made, and 'nrm-referral \
    notify' makes the anonymous duty-to-notify record instead.
    """,
    flags: ReferralFlag.recordFields + [ReferralFlag.assessments, .id, .append, .interactive, .yes]
) { context in
    let draft = context.wantsPrompt(fieldFlags: ReferralFlag.recordFields)
        ? try promptForReferral(context)
        : try ReferralDraft(flags: context.arguments, diagnostics: context.diagnostics)
    switch draft {
    case .referral(let r):
        if r.consent == .notRequiredChild, context.arguments.isGiven(ReferralFlag.consentSigned.long) {
            context.diagnostics.note("a child's referral needs no consent (CHESHIRE); the --consent-signed date is not recorded")
        }
        try context.emit(r.json)
    case .notification(let n): try context.emit(n.json)
    case .cancelled:
        context.diagnostics.note("nothing written")
        return .cancelled
    }
    return .ok
}

enum ReferralDraft {
    case referral(Referral)
    case notification(DutyToNotify)
    case cancelled

    /// Builds the referral from options alone.
    init(flags a: ParsedArguments, diagnostics: Diagnostics) throws {
        let age: StatedAge
        switch (try a.date(ReferralFlag.dob.long), try a.int(ReferralFlag.claimedAge.long, in: StatedAge.claimedAgeRange)) {
        case (let d?, nil): age = .dateOfBirth(d)
        case (nil, let n?): age = .claimedAge(n)
        case (nil, nil): throw UsageError("give --dob or --claimed-age")
        case (_?, _?): throw UsageError("give --dob or --claimed-age, not both")
        }
        let languages = try a.list(ReferralFlag.language.long).map { text in
            guard let t = LanguageTag(text.lowercased()) else { throw UsageError("--language: '\(text.prefix(20))' is not a language tag such as en, sq or pt-br") }
            return t
        }
        let subject = Subject(
            id: try a.recordID(from: try need(a.value(ReferralFlag.subject.long), ReferralFlag.subject), what: "--subject"),
            name: a.text(ReferralFlag.name.long), age: age, ageDisputed: a.has(ReferralFlag.ageDisputed.long),
            sex: try need(try a.code(ReferralFlag.sex.long), ReferralFlag.sex),
            nationality: try a.country(ReferralFlag.nationality.long),
            languages: languages.uniqued(), interpreterNeeded: a.has(ReferralFlag.interpreter.long))
        let exploitation: [ExploitationType] = try a.codes(ReferralFlag.exploitation.long, ExploitationType.self).uniqued()
        guard !exploitation.isEmpty else { throw UsageError("--exploitation is needed (not-specified if unknown)") }
        let indicators = try a.indicators(ReferralFlag.indicator.long)
        let received = try a.date(ReferralFlag.received.long) ?? CivilDate.today()
        let settlement = try ageSettlement(subject: subject, received: received, arguments: a, diagnostics: diagnostics)
        do {
            self = .referral(try Referral(
                id: try a.recordID(prefix: "ref"), received: received,
                firstResponder: try need(try a.code(ReferralFlag.firstResponder.long), ReferralFlag.firstResponder),
                competentAuthority: try a.code(ReferralFlag.authority.long), subject: subject,
                exploitation: exploitation, indicators: indicators,
                consentSignedOn: try a.date(ReferralFlag.consentSigned.long), account: a.text(ReferralFlag.account.long),
                settlement: settlement))
        } catch {
            throw CommandFailure("no referral made: \(error)", exitCode: .dataError)
        }
    }
}

/// What the subject's age assessments (--assessments) settle, where the age is disputed.
func ageSettlement(subject: Subject, received: CivilDate, arguments a: ParsedArguments, diagnostics: Diagnostics) throws -> AgeSettlement? {
    guard subject.ageDisputed, let path = a.value(ReferralFlag.assessments.long) else { return nil }
    var found: [AgeAssessment] = []
    try forEachRecord(in: InputFiles([path]), diagnostics: diagnostics) { r in
        guard r.kind == AgeAssessment.kind else { return }
        let assessment = try AgeAssessment(r.object)
        if assessment.person == subject.id { found.append(assessment) }
    }
    guard diagnostics.errorCount == 0 else {
        throw CommandFailure("no referral made: \(path) has bad lines; the subject's age cannot be settled from it", exitCode: .dataError)
    }
    let settlement = AgePresumption.settlement(assessments: found.sorted { $0.date < $1.date }, on: received)
    if settlement == nil, !found.isEmpty {
        diagnostics.note("no sound age assessment of \(subject.id) by \(received) (each has gaps or is inconclusive): treated as a child")
    }
    return settlement
}
