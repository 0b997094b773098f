import SafeguardCore
import SafeguardCLI

let validateCommand = Command(
    name: "validate", summary: "Check a stream of NRM records against the rules; copy the good ones to standard output.",
    usage: "[--rules sources|current] [--recovery-days N] [--pass] [--rejects FILE] [FILE...]",
    details: """
    Every bad line is reported as FILE:LINE with the reason, and kept byte for byte in --rejects. \
    The exit status is 65 if there was one. The checks cover each record (types, codes, real dates, \
    the consent rule, unknown fields) and each case: a referral id used twice, a decision for an \
    unknown referral, a decision or withdrawal dated before the referral, a second RG or CG, a CG \
    before a positive RG or after a negative one, anything after a withdrawal, a withdrawal after the \
    CG. Good NRM records are written unchanged and in input order; records of other kinds only with \
    --pass. Input is read twice (a pipe is first copied to a temporary file). A conclusive-grounds \
    decision dated before the recovery period ends (positive RG + --recovery-days) is kept and copied, \
    but named as FILE:LINE with what to do, and the exit status is 1 (action needed) while it stands. \
    Under --rules current (or SAFEGUARD_RULES=current) a CG decision dated less than 30 days after a \
    positive RG is a bad line (Modern Slavery Act 2015 s.50A), and the recovery period is 30 days.
    """,
    flags: timescaleFlags + [CommonFlag.pass, CommonFlag.rejects]
) { context in
    var inputs = try InputFiles(context.operands).open()
    defer { inputs.forEach { $0.close() } }
    for k in inputs.indices { try inputs[k].makeRewindable() }

    context.diagnostics.tracksRejectedLines = true
    let timescales = try nrmTimescales(context)
    var folder = NRMCaseFolder(timescales: timescales)
    try CaseFile.fold(&inputs, into: &folder, diagnostics: context.diagnostics) { _ in }
    let bad = context.diagnostics.rejectedLines
    let early = folder.earlyConclusiveDecisions(timescales: timescales)
    for e in early { context.diagnostics.note(earlyCGMessage(e)) }

    // Second pass: copy the lines that passed, in order; voided records and
    // their voids stay in the copy, for the audit trail.
    for input in inputs { try input.rewind() }
    let quiet = context.diagnostics.quietCopy()
    try forEachRecord(in: &inputs, diagnostics: quiet, voids: .keep) { r in
        guard !bad.contains(SourceLine(file: r.file, line: r.line)) else { return }
        if NRMCaseFolder.kinds.contains(r.kind) || r.kind == VoidRecord.kind { try context.output.writeLine(r.raw) } else { try context.passOrLeaveOut(r) }
    }
    return early.isEmpty ? .ok : .actionNeeded
}
