import Foundation
import SafeguardCore
import SafeguardCLI

let rgDaysFlag = Flag<Int?>("rg-days", value: "N", help: "Days after the referral is received that the reasonable-grounds decision is due: 5 calendar days under --rules sources (HESTIA), 5 working days under current (statutory guidance). Overrides the rule set's number.",
                            .int(in: 0...365))
let recoveryDaysFlag = Flag<Int?>("recovery-days", value: "N", help: "Length of the recovery and reflection period after a positive RG: 45 under --rules sources (HESTIA; SOLACE L111), 30 under current (Modern Slavery Act 2015 s.50A). Overrides the rule set's number.",
                                  .int(in: 0...365))
let cgReviewDaysFlag = Flag<Int?>("cg-review-days", value: "N", help: "Under --rules current the conclusive-grounds decision has no target date: it is overdue, as a reminder, this many days after the recovery period ends (default 90, a local choice, not a rule of the guidance). Ignored under sources.",
                                  .int(in: 0...3650))
let holidaysFlag = Flag<String?>("holidays", value: "FILE", help: "One-off bank holidays to add to the computed England and Wales ones (a State Funeral, a coronation): one date (yyyy-mm-dd) a line, an optional name after a space, '#' comments. Used under --rules current, where the RG is due in working days.", .path)

/// The flags every command whose result depends on the NRM timescales takes.
let timescaleFlags: [any AnyFlag] = [CommonFlag.rules, rgDaysFlag, recoveryDaysFlag, cgReviewDaysFlag, holidaysFlag]

/// The timescales of the command's rule set, each number overridden by its flag.
func nrmTimescales(_ context: CommandContext) throws -> NRMTimescales {
    var t = NRMTimescales(rules: try context[CommonFlag.rules])
    if let n = try context[rgDaysFlag] { t.rgDays = n }
    if let n = try context[recoveryDaysFlag] { t.recoveryDays = n }
    if t.rules == .current, let n = try context[cgReviewDaysFlag] { t.cgReviewDays = n }
    if let path = try context[holidaysFlag] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(path): cannot read the holidays file; check the path and that it is UTF-8 text", exitCode: .noInput)
        }
        do {
            let extra = try WorkingCalendar.holidays(fromFileText: text)
            if t.workingDays != nil { t.workingDays!.extra.formUnion(extra) }
        } catch let e as RecordError {
            throw CommandFailure("\(path): \(e.description)", exitCode: .dataError)
        }
    }
    return t
}
