import SafeguardCore

let notifyCommand = Command(
    name: "notify", summary: "Make the anonymous duty-to-notify record for an adult who does not consent to a referral.",
    usage: "--sex SEX --first-responder ORG --exploitation TYPE [OPTIONS] [--append FILE]",
    details: """
    The record holds no name, date of birth, subject id or account: this command has no options for them, \
    and the record kind has no fields for them. It is for adults only; a child is referred without consent.
    """,
    flags: [
        Flag("on", value: "DATE", help: "The date of the notification.", default: "today"),
        ReferralFlag.firstResponder, ReferralFlag.sex, ReferralFlag.nationality, ReferralFlag.exploitation, ReferralFlag.indicator,
        .id, .append,
    ]
) { context in
    let a = context.arguments
    let exploitation: [ExploitationType] = try a.codes(ReferralFlag.exploitation.long).uniqued()
    guard !exploitation.isEmpty else { throw UsageError("--exploitation is needed (not-specified if unknown)") }
    let indicators = try a.indicators(ReferralFlag.indicator.long)
    let notice = DutyToNotify(id: try a.recordID(prefix: "dtn"), notifiedOn: try a.date("on") ?? CivilDate.today(),
                              firstResponder: try need(try a.code(ReferralFlag.firstResponder.long), ReferralFlag.firstResponder, prompt: false),
                              sex: try need(try a.code(ReferralFlag.sex.long), ReferralFlag.sex, prompt: false),
                              nationality: try a.country(ReferralFlag.nationality.long),
                              exploitation: exploitation, indicators: indicators)
    try context.emit(notice.json)
    return .ok
}
