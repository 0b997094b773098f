import SafeguardCore
import SafeguardCLI

let notifiedOnFlag = Flag.date("on", help: "The date of the notification.")

let notifyCommand = Command(
    name: "notify", summary: "Make the anonymous duty-to-notify record for an adult who does not consent to a referral.",
    usage: "--sex SEX --first-responder ORG --exploitation TYPE [OPTIONS] [--append FILE]",
    details: """
    The record holds no name, date of birth, subject id or account: this command has no options for them, \
    and the record kind has no fields for them. It is for adults only; a child is referred without consent.
    """,
    flags: [notifiedOnFlag, ReferralFlag.firstResponder, ReferralFlag.sex, ReferralFlag.nationality, ReferralFlag.exploitation,
            ReferralFlag.indicator, CommonFlag.rules, CommonFlag.id, CommonFlag.append]
) { context in
    if let problem = try context[CommonFlag.rules].historicCodeProblem(firstResponder: try context[ReferralFlag.firstResponder], competentAuthority: nil) {
        throw UsageError(problem)
    }
    let exploitation = try context[ReferralFlag.exploitation]
    guard !exploitation.isEmpty else { throw UsageError("--exploitation is needed (not-specified if unknown)") }
    let notice = try DutyToNotify(id: try context.recordID(prefix: "dtn"), notifiedOn: try context[notifiedOnFlag],
                                  firstResponder: try need(try context[ReferralFlag.firstResponder], ReferralFlag.firstResponder, prompt: false),
                                  sex: try need(try context[ReferralFlag.sex], ReferralFlag.sex, prompt: false),
                                  nationality: try context[ReferralFlag.nationality],
                                  exploitation: exploitation, indicators: try context[ReferralFlag.indicator])
    try context.emit(notice.json)
    return .ok
}
