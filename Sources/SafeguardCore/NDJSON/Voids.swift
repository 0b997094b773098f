import Foundation

/// The records that `void` records cancel, found by a first pass over the
/// inputs, so a void counts wherever it stands: before or after the record it
/// cancels, in the same file or another.
public struct Voids: Sendable {
    /// The ids cancelled.
    public private(set) var cancelled: Set<RecordID> = []
    /// The ids of the void records themselves: a void cannot be voided.
    public private(set) var voidIDs: Set<RecordID> = []

    public init() {}

    public var isEmpty: Bool { cancelled.isEmpty }

    /// Every void record's target. The inputs must be rewindable; they are left
    /// at their start. A case file with no void costs one byte search
    /// (DESIGN: only the needed passes), and only lines holding `"void"` are parsed.
    /// With `threads` over 1, a regular file is searched in blocks by that many threads.
    public static func find(in inputs: [OpenedInput], threads: Int = 1) throws -> Voids {
        var found = Voids()
        defer { for input in inputs { try? input.rewind() } }
        for input in inputs {
            if threads > 1, let range = FileBlocks.regularRange(input) {
                try FileBlocks.run(fd: input.fd, range: range, threads: threads) { _, block in
                    Result { () throws -> Voids in
                        var local = Voids()
                        try input.forEachLine(mentioning: [Voids.pattern], block: block) { local.take($0) }
                        return local
                    }
                } consume: { local in
                    let local = try local.get()
                    found.cancelled.formUnion(local.cancelled)
                    found.voidIDs.formUnion(local.voidIDs)
                }
            } else {
                try input.forEachLine(mentioning: [Voids.pattern]) { found.take($0) }
            }
        }
        return found
    }

    static let pattern = Array(#""void""#.utf8)

    /// Takes a line that mentions "void", if it is a void record.
    mutating func take(_ line: UnsafeBufferPointer<UInt8>) {
        guard case .object(let o)? = try? JSONParser.parse(line), o["kind"]?.stringValue == VoidRecord.kind,
              let v = try? VoidRecord(o) else { return }
        cancelled.insert(v.voids)
        voidIDs.insert(v.id)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    func contains(subsequence pattern: [UInt8]) -> Bool { !offsets(of: pattern).isEmpty }
}

/// Leaves out, line by line, what a case file's voids cancel, and the voids
/// themselves: for readers that scan lines rather than parse records (csv-report).
public final class VoidFilter {
    let voids: Voids
    let scanner = FieldScanner(paths: ["kind", "id"])
    /// Records left out because a void cancels them.
    public private(set) var voided = 0

    public init(_ voids: Voids) { self.voids = voids }

    /// Reads the voids of rewindable inputs (pipes are first copied), unless `keep`, with `threads` threads.
    public convenience init(_ inputs: inout [OpenedInput], keep: Bool, threads: Int = 1) throws {
        guard !keep else { self.init(Voids()); return }
        for k in inputs.indices { try inputs[k].makeRewindable() }
        self.init(try Voids.find(in: inputs, threads: threads))
    }

    /// Whether a void leaves the line out; `counting` adds it to the note (false for a first pass).
    public func leavesOut(_ line: UnsafeBufferPointer<UInt8>, counting: Bool = true) -> Bool {
        guard !voids.voidIDs.isEmpty else { return false }
        // A line that does not scan is the reader's to report.
        guard (try? scanner.scan(line)) == true else { return false }
        if scanner.text(scanner.cells[0], in: line) == VoidRecord.kind { return true }
        guard let id = scanner.text(scanner.cells[1], in: line).flatMap(RecordID.init), voids.cancelled.contains(id) else { return false }
        if counting { voided += 1 }
        return true
    }

    /// Another filter over the same voids, for another thread (each has its own scanner and count).
    public func copy() -> VoidFilter { VoidFilter(voids) }

    /// Adds another thread's count of records left out.
    public func merge(_ other: VoidFilter) { voided += other.voided }

    /// The note a command gives when it left voided records out.
    public var note: String? { voided > 0 ? Self.note(voided) : nil }
    static func note(_ n: Int) -> String { "\(n) voided record(s) treated as absent, as their void records say (--keep-voided in csv-report keeps them)" }
}
