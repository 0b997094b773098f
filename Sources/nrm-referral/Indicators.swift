import SafeguardCore

let indicatorsCommand = Command(
    name: "indicators", summary: "Print the indicator catalogue (SOLACE Annex 1, PLAN L249, DRIVER L41) as indicator records.",
    usage: "[--setting SETTING] [--child | --adult]",
    details: """
    Each line gives the indicator's stable code (used in referrals), its setting, whether it concerns \
    children or adults, its text, who is likely to have first contact, and its source. No single \
    indicator is sufficient; several together should raise suspicion (SOLACE L895). \
    Settings: \(IndicatorSetting.codes.joined(separator: ", ")).
    """,
    flags: [
        Flag("setting", value: "SETTING", help: "Only indicators seen in this setting."),
        Flag("child", help: "Only indicators for children (and those for anyone)."),
        Flag("adult", help: "Only indicators for adults (and those for anyone)."),
    ]
) { context in
    let a = context.arguments
    if a.has("child") && a.has("adult") { throw UsageError("--child and --adult cannot both be given") }
    let setting: IndicatorSetting? = try a.code("setting")
    let group: IndicatorGroup = a.has("child") ? .child : a.has("adult") ? .adult : .any
    for i in IndicatorCatalogue.all where i.applies(to: group) && (setting == nil || i.setting == setting) {
        try context.output.write(record: i.json)
    }
    return .ok
}
