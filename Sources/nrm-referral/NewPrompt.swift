import SafeguardCore

/// Fills a referral at the prompt. Fields already given as options are not asked again.
func promptForReferral(_ context: CommandContext) throws -> ReferralDraft {
    Prompter.installInterruptHandler()
    let p = Prompter()
    let a = context.arguments
    do {
        p.say("New NRM referral. Enter accepts a [default]; Ctrl-D or Ctrl-C stops without writing anything.\n")
        let subjectID = try a.parsed(ReferralFlag.subject.long, Parse.id)
            ?? p.required("Subject's pseudonymous id", hint: "e.g. S-1042", parse: Parse.id)
        let name = try a.text(ReferralFlag.name.long) ?? p.ask("Name", optional: true, parse: Parse.text)
        let age: StatedAge
        if let d = try a.date(ReferralFlag.dob.long) {
            age = .dateOfBirth(d)
        } else if let n = try a.int(ReferralFlag.claimedAge.long, in: StatedAge.claimedAgeRange) {
            age = .claimedAge(n)
        } else if let d = try p.ask("Date of birth", hint: "yyyy-mm-dd; Enter if not known", optional: true, parse: Parse.date) {
            age = .dateOfBirth(d)
        } else {
            age = .claimedAge(try p.required("Age the person claims", hint: "years", parse: { Parse.int($0, in: StatedAge.claimedAgeRange) }))
        }
        let disputed = a.has(ReferralFlag.ageDisputed.long) ? true
            : try p.yesNo("Is the person's age in doubt? (if so they are treated as a child)", default: false)
        let sex: Sex = try a.code(ReferralFlag.sex.long) ?? p.choose("Sex")
        let nationality = try a.country(ReferralFlag.nationality.long)
            ?? p.ask("Nationality", hint: "ISO code, e.g. GB, AL, VN", optional: true, parse: Parse.country)
        let languages = a.isGiven(ReferralFlag.language.long)
            ? try Parse.languages(a.list(ReferralFlag.language.long).joined(separator: ",")).get()
            : try p.ask("Languages spoken", hint: "e.g. sq, en", optional: true, parse: Parse.languages) ?? []
        let interpreter = a.has(ReferralFlag.interpreter.long) ? true : try p.yesNo("Is an interpreter needed?", default: nil)
        let responder: FirstResponder = try a.code(ReferralFlag.firstResponder.long) ?? p.choose("First responder organisation")
        let received = try a.date(ReferralFlag.received.long)
            ?? p.required("Date of referral", hint: "yyyy-mm-dd", defaultAnswer: CivilDate.today().description, parse: Parse.date)
        let exploitation: [ExploitationType] = a.isGiven(ReferralFlag.exploitation.long)
            ? try a.codes(ReferralFlag.exploitation.long).uniqued()
            : try p.chooseMany("Exploitation types")

        let subject = Subject(id: subjectID, name: name, age: age, ageDisputed: disputed, sex: sex, nationality: nationality,
                              languages: languages, interpreterNeeded: interpreter)
        let settlement = try ageSettlement(subject: subject, received: received, arguments: a, diagnostics: context.diagnostics)
        let basis = AgePresumption.basis(for: age, disputed: disputed, on: received, settlement: settlement)
        p.say("  Treated as: \(basis.treatedAs.label), because: \(basis.label).")

        let indicators: [String]
        if a.isGiven(ReferralFlag.indicator.long) {
            indicators = try a.indicators(ReferralFlag.indicator.long)
        } else {
            let group: IndicatorGroup = basis.isChild ? .child : .adult
            let options = IndicatorCatalogue.all.filter { $0.applies(to: group) }
            indicators = try p.chooseMany("Indicators observed", labels: options.map { "\($0.setting.label): \($0.text)" }, atLeastOne: false) { text in
                guard let n = Int(text), (1...options.count).contains(n) else {
                    return .failure(InputProblem("Choose numbers from 1 to \(options.count)."))
                }
                return .success(options[n - 1].code)
            }
        }

        var consentSigned = try a.date(ReferralFlag.consentSigned.long)
        if !basis.isChild, consentSigned == nil {
            if try p.yesNo("An adult is referred only with consent. Has the person signed the referral form?") {
                consentSigned = try p.required("Date the form was signed", hint: "yyyy-mm-dd", defaultAnswer: received.description, parse: Parse.date)
            } else {
                p.say("\nWithout consent an adult cannot be referred to the NRM (HESTIA). The duty to notify still applies:")
                p.say("the Home Office is told anonymously, with no name, date of birth or account.")
                guard try p.yesNo("Make the anonymous duty-to-notify record instead?", default: true) else { return .cancelled }
                let notice = DutyToNotify(id: try a.recordID(prefix: "dtn"), notifiedOn: received, firstResponder: responder, sex: sex,
                                          nationality: nationality, exploitation: exploitation, indicators: indicators)
                if a.has(Flag.yes.long) { return .notification(notice) }
                return try p.confirm("Duty to notify (anonymous)", notice.summaryRows) ? .notification(notice) : .cancelled
            }
        }
        let account = try a.text(ReferralFlag.account.long) ?? p.ask("Account of what happened", hint: "one line", optional: true, parse: Parse.text)

        let referral: Referral
        do {
            referral = try Referral(id: try a.recordID(prefix: "ref"), received: received, firstResponder: responder,
                                    competentAuthority: try a.code(ReferralFlag.authority.long), subject: subject,
                                    exploitation: exploitation, indicators: indicators, consentSignedOn: consentSigned, account: account,
                                    settlement: settlement)
        } catch {
            p.say("\nNo referral made: \(error).")
            throw CommandFailure("no referral made: \(error)", exitCode: .dataError)
        }
        if a.has(Flag.yes.long) { return .referral(referral) }
        return try p.confirm("Referral", referral.summaryRows) ? .referral(referral) : .cancelled
    } catch is PromptCancelled {
        return .cancelled
    }
}
