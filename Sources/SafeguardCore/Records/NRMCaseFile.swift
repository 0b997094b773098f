/// Reading the NRM records of a case file: the kinds nrm-referral owns,
/// each checked by its own reader, folded into cases.
public enum NRMCaseFile {
    public static let kinds: Set<String> = [Referral.kind, DutyToNotify.kind, NRMDecision.kind, NRMWithdrawal.kind, NRMStatus.kind]

    /// Reads every input into a folder and resolves it. Bad lines, and events
    /// that break the case rules, are reported through `diagnostics` (and kept
    /// in `--rejects`). Valid records that are not folded (duty-to-notify,
    /// earlier status records) and records of other kinds go to `other`.
    public static func fold(_ inputs: [OpenedInput], diagnostics: Diagnostics,
                            other: (InputRecord) throws -> Void) throws -> NRMCaseFolder {
        var folder = NRMCaseFolder()
        // Event lines are kept for --rejects only: a case file's decisions need not sit in memory otherwise.
        let keepRaw = diagnostics.keepsRejects
        try forEachRecord(in: inputs, diagnostics: diagnostics) { r in
            let at = SourceLine(file: r.file, line: r.line)
            switch r.kind {
            case Referral.kind: try folder.add(Referral(r.object), at: at)
            case NRMDecision.kind: folder.add(try NRMDecision(r.object), at: at, raw: keepRaw ? Array(r.raw) : [])
            case NRMWithdrawal.kind: folder.add(try NRMWithdrawal(r.object), at: at, raw: keepRaw ? Array(r.raw) : [])
            case DutyToNotify.kind: _ = try DutyToNotify(r.object); try other(r)
            case NRMStatus.kind: _ = try NRMStatus(r.object); try other(r)
            default: try other(r)
            }
        }
        for p in folder.resolve() {
            try diagnostics.reject(p.source.file, p.source.line, p.message, raw: p.raw)
        }
        return folder
    }
}
