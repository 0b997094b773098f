import SafeguardCore

enum VoidFlag {
    static let reason = Flag<String?>("reason", value: "TEXT", help: "Why the record is cancelled (free text, personal data). Needed.", .text)
    static let on = Flag.date("on", help: "The date of the correction.")
}

/// `TOOL void ID --reason TEXT --append FILE`: the one way to correct a record
/// in an append-only case file. The same command in every tool that appends.
public let voidCommand = Command(
    name: "void", summary: "Cancel one earlier record by its id (a void record); the record stays in the file for the audit trail.",
    usage: "RECORD-ID --reason TEXT [--on DATE] --append FILE [--case FILE...]",
    details: """
    Every report then treats the voided record as absent, whatever its --as-of; a correction is a void \
    followed by a new record. Refused (exit 65, nothing written) when the id is not in the case, is a void \
    or already voided, is a record of another tool, or has records that depend on it (a referral's \
    decisions, a plan's reviews and actions, the return that ends a missing episode): void those first.
    """,
    flags: [VoidFlag.reason, VoidFlag.on, CommonFlag.id, CommonFlag.append, CommonFlag.caseFile]
) { context in
    guard context.operands.count == 1 else { throw UsageError("give exactly one record id") }
    let target = try context.recordID(from: context.operands[0], what: "record id")
    guard let reason = try context[VoidFlag.reason] else { throw UsageError("--reason is needed: a void says why") }
    guard try context[CommonFlag.append] != nil else { throw UsageError("--append FILE is needed: a void is checked against, and added to, the case file it corrects") }
    let void = try context.fromOptions {
        try VoidRecord(id: try context.recordID(prefix: "void"), voids: target, reason: reason, on: try context[VoidFlag.on])
    }
    try context.emit(void.json)
    return .ok
}
