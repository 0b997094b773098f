import SafeguardCore
import SafeguardCLI

/// The fields of a referral, each an option for scripts and a question at the prompt.
enum ReferralFlag {
    static let subject = Flag<RecordID?>("subject", value: "ID", help: "The subject's pseudonymous id (letters, digits, . _ : -).", .id)
    static let name = Flag<String?>("name", value: "NAME", help: "The subject's name (personal data; optional).", .text)
    static let dob = Flag<CivilDate?>("dob", value: "DATE", help: "Date of birth (yyyy-mm-dd). Give this or --claimed-age.", .date)
    static let claimedAge = Flag<Int?>("claimed-age", value: "N", help: "The age the subject claims, in years, when the date of birth is not known.", .int(in: StatedAge.claimedAgeRange))
    static let ageDisputed = Flag(switch: "age-disputed", help: "The subject's age is in doubt: they are treated as a child until it is verified (SOLACE L312).")
    static let sex = Flag<Sex?>("sex", value: "SEX", help: "female, male, other or not-known.", .code)
    static let nationality = Flag<Country?>("nationality", value: "CC", help: "Nationality as an ISO 3166-1 alpha-2 code (GB for the UK).", .country)
    static let language = Flag<[LanguageTag]>("language", value: "TAG", help: "A language the subject speaks (en, sq, vi, pt-br...).", each: .language)
    static let interpreter = Flag(switch: "interpreter-needed", help: "The subject needs an interpreter.")
    static let firstResponder = Flag<FirstResponder?>("first-responder", value: "ORG", help: "The referring first responder organisation: \(FirstResponder.allCases.filter { !$0.isHistoric }.map(\.rawValue).joined(separator: ", ")); historic (still read, refused for new records under --rules current): \(FirstResponder.allCases.filter(\.isHistoric).map(\.rawValue).joined(separator: ", ")).", .code)
    static let authority = Flag<CompetentAuthority?>("competent-authority", value: "CA", help: "sca (Single Competent Authority), ieca (Immigration Enforcement Competent Authority) or ddm-panel (devolved decision-making, children); historic (still read, refused for new records under --rules current): ukhtc, or ukba for cases in the immigration system (SOLACE L255).", .code)
    static let received = Flag.date("received", help: "The date of the referral.")
    static let exploitation = Flag<[ExploitationType]>("exploitation", value: "TYPE", help: "Exploitation type: \(ExploitationType.codes.joined(separator: ", ")).", each: .code)
    static let countyLines = Flag(switch: "county-lines", help: "A county lines case (criminal exploitation moving drugs along a line), flagged as the Home Office statistics flag it since 2019. Needs criminal among the exploitation types. At the prompt, asked under --rules current when the exploitation includes criminal.")
    static let indicator = Flag<[String]>("indicator", value: "CODE", help: "An indicator observed (see 'nrm-referral indicators').", each: .indicator)
    static let consentSigned = Flag<CivilDate?>("consent-signed", value: "DATE", help: "The date an adult signed the referral form to consent. Not needed for a child.", .date)
    static let account = Flag<String?>("account", value: "TEXT", help: "The account of what happened (free text, personal data).", .text)
    static let assessments = Flag<String?>("assessments", value: "FILE", help: "A file of age-assessment records (from age-assess). Where the age is disputed, a sound assessment of the subject (completed, free of gaps) settles it; otherwise the subject is treated as a child.", .path)

    static let recordFields: [any AnyFlag] = [subject, name, dob, claimedAge, ageDisputed, sex, nationality, language, interpreter,
                                              firstResponder, authority, received, exploitation, countyLines, indicator, consentSigned, account]
}

extension ValueParser where T == String {
    /// An indicator code, checked against the catalogue.
    static var indicator: Self {
        ValueParser { IndicatorCatalogue.indicator($0) == nil ? .failure(InputProblem(IndicatorCatalogue.unknownMessage($0))) : .success($0) }
    }
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
    flags: ReferralFlag.recordFields + [ReferralFlag.assessments, CommonFlag.rules, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile, CommonFlag.interactive, CommonFlag.yes]
) { context in
    try context.record(fields: ReferralFlag.recordFields, title: "New NRM referral", build: fillReferral)
}

/// Fills a referral from options or at the prompt, through the one `Referral`
/// initialiser. At the prompt an adult without consent is offered the
/// anonymous duty-to-notify record instead.
func fillReferral(_ form: Form) throws -> Draft? {
    typealias F = ReferralFlag
    let context = form.context
    let subjectID = try form.required(F.subject, "Subject's pseudonymous id", hint: "e.g. S-1042")
    let name = try form.optional(F.name, "Name")
    // Asked before the date of birth, so the date of birth is checked against it as soon as it is given.
    let received = try form.value(F.received, "Date of referral", hint: "dd/mm/yyyy or today")
    let notAfterReferral: (CivilDate) -> String? = { $0 <= received ? nil : ReferralRefusal.bornAfterReferral.description }
    let age: StatedAge
    switch (try context[F.dob], try context[F.claimedAge]) {
    case (_?, _?): throw UsageError("give --dob or --claimed-age, not both")
    case (nil, let n?): age = .claimedAge(n)
    case (nil, nil) where !form.isPrompting: throw UsageError("give --dob or --claimed-age")
    default:
        if let d = try form.optional(F.dob, "Date of birth", hint: "dd/mm/yyyy; Enter if not known", check: notAfterReferral) {
            age = .dateOfBirth(d)
        } else {
            age = .claimedAge(try form.required(F.claimedAge, "Age the person claims", hint: "years"))
        }
    }
    let disputed = try form.yesNo(F.ageDisputed, "Is the person's age in doubt? (if so they are treated as a child)")
    let sex = try form.choose(F.sex, "Sex")
    let nationality = try form.optional(F.nationality, "Nationality", hint: "ISO code, e.g. GB, AL, VN")
    let languages = try form.list(F.language, "Languages spoken", hint: "e.g. sq, en")
    // The default follows the nationality: not a UK national, an interpreter is likely needed.
    let interpreter = try form.yesNo(F.interpreter, "Is an interpreter needed?", default: nationality.map { $0.isUK ? nil : true } ?? nil)
    let responder = try form.choose(F.firstResponder, "First responder organisation")
    if let problem = try context[CommonFlag.rules].historicCodeProblem(firstResponder: responder, competentAuthority: try context[F.authority]) {
        throw UsageError(problem)
    }
    let exploitation = try form.chooseMany(F.exploitation, "Exploitation types")
    guard !exploitation.isEmpty else { throw UsageError("--exploitation is needed (not-specified if unknown)") }
    // County lines is a flag of current practice (DOMAIN "Current practice"): the prompt asks it only then.
    let askCountyLines = try context[CommonFlag.rules] == .current && exploitation.contains(.criminal)
    let countyLines = askCountyLines ? try form.yesNo(F.countyLines, "Is it a county lines case?") : try context[F.countyLines]

    let subject = Subject(id: subjectID, name: name, age: age, ageDisputed: disputed, sex: sex, nationality: nationality,
                          languages: languages, interpreterNeeded: interpreter)
    let settlement = try ageSettlement(subject: subject, received: received, context: context)
    let basis = AgePresumption.basis(for: age, disputed: disputed, on: received, settlement: settlement)
    form.say("  Treated as: \(basis.treatedAs.label), because: \(basis.label).")

    var indicators = try context[F.indicator]
    if let p = form.prompter, !context.isGiven(F.indicator) {
        let options = IndicatorCatalogue.all.filter { $0.applies(to: basis.isChild ? .child : .adult) }
        indicators = try p.chooseMany("Indicators observed", labels: options.map { "\($0.setting.label): \($0.text)" }, atLeastOne: false) { text in
            guard let n = Int(text), (1...options.count).contains(n) else {
                return .failure(InputProblem("Choose numbers from 1 to \(options.count)."))
            }
            return .success(options[n - 1].code)
        }
    }

    var consentSigned = try context[F.consentSigned]
    if let p = form.prompter, !basis.isChild, consentSigned == nil {
        if try p.yesNo("An adult is referred only with consent. Has the person signed the referral form?") {
            consentSigned = try p.required("Date the form was signed", hint: "yyyy-mm-dd", defaultAnswer: received.description) { text in
                Parse.date(text).flatMap { $0 <= received ? .success($0) : .failure(InputProblem(ReferralRefusal.consentSignedAfterReferral.description + ".")) }
            }
        } else {
            p.say("\nWithout consent an adult cannot be referred to the NRM (HESTIA). The duty to notify still applies:")
            p.say("the Home Office is told anonymously, with no name, date of birth or account.")
            guard try p.yesNo("Make the anonymous duty-to-notify record instead?", default: true) else { return nil }
            let notice = try DutyToNotify(id: try context.recordID(prefix: "dtn"), notifiedOn: received, firstResponder: responder, sex: sex,
                                          nationality: nationality, exploitation: exploitation, indicators: indicators)
            return Draft(notice.json, title: "Duty to notify (anonymous)", rows: notice.summaryRows)
        }
    }
    let account = try form.optional(F.account, "Account of what happened", hint: "one line")

    let referral: Referral
    do {
        referral = try Referral(id: try context.recordID(prefix: "ref"), received: received, firstResponder: responder,
                                competentAuthority: try context[F.authority], subject: subject,
                                exploitation: exploitation, indicators: indicators, consentSignedOn: consentSigned, account: account,
                                settlement: settlement, countyLines: countyLines)
    } catch {
        form.say("\nNo referral made: \(error).")
        throw CommandFailure("no referral made: \(error)", exitCode: .dataError)
    }
    if referral.consent == .notRequiredChild, context.isGiven(F.consentSigned) {
        context.diagnostics.note("a child's referral needs no consent (CHESHIRE); the --consent-signed date is not recorded")
    }
    return Draft(referral.json, title: "Referral", rows: referral.summaryRows)
}

/// What the subject's age assessments (--assessments) settle, where the age
/// is disputed: the one rule, `AgePresumption.determine`, that 'age-assess
/// status' and every other tool ask.
func ageSettlement(subject: Subject, received: CivilDate, context: CommandContext) throws -> AgeSettlement? {
    guard subject.ageDisputed, let path = try context[ReferralFlag.assessments] else { return nil }
    let diagnostics = context.diagnostics
    var found: [AgeAssessment] = []
    try forEachRecord(in: InputFiles([path]), diagnostics: diagnostics) { r in
        guard r.kind == AgeAssessment.kind else { return }
        let assessment = try AgeAssessment(r.object)
        if assessment.person == subject.id { found.append(assessment) }
    }
    guard diagnostics.errorCount == 0 else {
        throw CommandFailure("no referral made: \(path) has bad lines; the subject's age cannot be settled from it", exitCode: .dataError)
    }
    let determination = AgePresumption.determine(assessments: found, on: received, rules: try context[CommonFlag.rules])
    if determination.settlement == nil, !found.isEmpty {
        for reason in determination.why {
            diagnostics.note("\(subject.id) on \(received): \(reason.assessment.map { "\($0): " } ?? "")\(reason.code.label)")
        }
    }
    return determination.settlement
}
