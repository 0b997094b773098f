import SafeguardCore
import SafeguardCLI

let withdrawnOnFlag = Flag.date("on", help: "The date of the withdrawal (yyyy-mm-dd).")

let withdrawCommand = Command(
    name: "withdraw", summary: "Record that a referral was withdrawn (an nrm-withdrawal record).",
    usage: "REFERRAL-ID [--on DATE] [--append FILE]",
    flags: [withdrawnOnFlag, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile]
) { context in
    let w = NRMWithdrawal(id: try context.recordID(prefix: "wdr"), referral: try referralOperand(context), on: try context[withdrawnOnFlag])
    try context.emit(w.json)
    return .ok
}
