import Foundation
import SafeguardCore
import SafeguardCLI

enum ReportFlag {
    static let kind = Flag<String?>("kind", value: "KIND", help: "Only records of this kind (referral, nrm-status...).", .text)
    static let crlf = Flag(switch: "crlf", help: "End lines with CRLF, for spreadsheet programs that want it.")
    static let noHeader = Flag(switch: "no-header", help: "Leave out the header row.")
    static let includePersonal = Flag(switch: "include-personal-data", help: "Keep fields the schemas mark as personal data (names, dates of birth, addresses, free text). Off by default.")
    static let ageBand = Flag(switch: "age-band", help: "Turn each date of birth into an age band on the --as-of date (0-9, 10-13, 14-15, 16-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+), which is not personal data.")
    static let suppressBelow = Flag("suppress-below", value: "N", help: "Show counts from 1 to N-1 as [c], and hide enough others that none can be narrowed to fewer than N values from what is published.",
                                    .int(in: 2...1000), default: 5)
    static let bom = Flag(switch: "bom", help: "Start the CSV with a UTF-8 byte-order mark, so spreadsheet programs read it as UTF-8 (Zoë, not ZoÃ«).")
    static let keepVoided = Flag(switch: "keep-voided", help: "Keep records that a void record cancels, and the voids themselves (for auditors). By default they are treated as absent.")
    static let threads = Flag("threads", value: "N", help: "Read a regular file with N threads, each taking blocks of whole lines; the output, messages and rejects are the same, in input order, whatever N is. A pipe is read by one thread, unless it is first copied to a temporary file.",
                              .int(in: 1...256), defaultText: "the number of cores") { _ in min(256, max(1, ProcessInfo.processInfo.activeProcessorCount)) }
    static let noSuppress = Flag(switch: "no-suppress", help: "Show every count as it is. Not for tables shared outside the team.")
}

extension CommandContext {
    /// The suppression threshold from --suppress-below and --no-suppress (0: none).
    func suppressionThreshold() throws -> Int {
        if try self[ReportFlag.noSuppress] {
            if isGiven(ReportFlag.suppressBelow) { throw UsageError("--no-suppress and --suppress-below cannot both be given") }
            return 0
        }
        return try self[ReportFlag.suppressBelow]
    }

    func csvWriter() throws -> CSVWriter { CSVWriter(crlf: try self[ReportFlag.crlf]) }

    /// Writes the UTF-8 byte-order mark first, when --bom asks for it.
    func startCSV() throws {
        if try self[ReportFlag.bom] { try output.write(CSVWriter.byteOrderMark) }
    }

    /// Says on standard error which personal data was left out.
    func noteLeftOut(dropped: [String], redacted: [String]) {
        if !dropped.isEmpty {
            diagnostics.note("left out personal data: \(dropped.joined(separator: ", ")) (--include-personal-data keeps it; --age-band turns a date of birth into an age band)")
        }
        if !redacted.isEmpty {
            diagnostics.note("left out the personal fields inside: \(redacted.joined(separator: ", "))")
        }
    }
}
