import SafeguardCore
import SafeguardCLI

let settingFlag = Flag<IndicatorSetting?>("setting", value: "SETTING", help: "Only indicators seen in this setting.", .code)
let childOnlyFlag = Flag(switch: "child", help: "Only indicators for children (and those for anyone).")
let adultOnlyFlag = Flag(switch: "adult", help: "Only indicators for adults (and those for anyone).")

let indicatorsCommand = Command(
    name: "indicators", summary: "Print the indicator catalogue (SOLACE Annex 1, PLAN L249, DRIVER L41) as indicator records.",
    usage: "[--setting SETTING] [--child | --adult]",
    details: """
    Each line gives the indicator's stable code (used in referrals), its setting, whether it concerns \
    children or adults, its text, who is likely to have first contact, and its source. No single \
    indicator is sufficient; several together should raise suspicion (SOLACE L895). \
    Settings: \(IndicatorSetting.codes.joined(separator: ", ")).
    """,
    flags: [settingFlag, childOnlyFlag, adultOnlyFlag]
) { context in
    let child = try context[childOnlyFlag], adult = try context[adultOnlyFlag]
    if child && adult { throw UsageError("--child and --adult cannot both be given") }
    let setting = try context[settingFlag]
    let group: IndicatorGroup = child ? .child : adult ? .adult : .any
    for i in IndicatorCatalogue.all where i.applies(to: group) && (setting == nil || i.setting == setting) {
        try context.output.write(record: i.json)
    }
    return .ok
}
