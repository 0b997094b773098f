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
    public static func find(in inputs: [OpenedInput]) throws -> Voids {
        var found = Voids()
        defer { for input in inputs { try? input.rewind() } }
        guard try inputs.contains(where: { try $0.contains(Array(#""void""#.utf8)) }) else { return found }
        for input in inputs { try input.rewind() }
        let quiet = Diagnostics(tool: "", quiet: true) { _ in }
        try forEachLine(in: inputs, diagnostics: quiet) { _, line in
            guard line.bytes.contains(subsequence: Array(#""void""#.utf8)),
                  case .object(let o)? = try? JSONParser.parse(line.bytes), o["kind"]?.stringValue == VoidRecord.kind,
                  let v = try? VoidRecord(o) else { return }
            found.cancelled.insert(v.voids)
            found.voidIDs.insert(v.id)
        }
        return found
    }
}

extension OpenedInput {
    /// Whether the bytes from here to the end hold `pattern`; a 1 MiB window with an overlap.
    func contains(_ pattern: [UInt8]) throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: (1 << 20) + pattern.count)
        var kept = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + kept, $0.count - kept) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("cannot read \(name): \(String(cString: strerror(errno)))", exitCode: .ioError)
            }
            if n == 0 { return false }
            let end = kept + n
            let hit = buffer.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[..<end]).contains(subsequence: pattern) }
            if hit { return true }
            // Keep the last bytes, in case the pattern spans two reads.
            kept = min(pattern.count - 1, end)
            buffer.withUnsafeMutableBytes { b in _ = memmove(b.baseAddress!, b.baseAddress! + end - kept, kept) }
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// A byte search: memchr for one byte of the pattern, then a compare
    /// (glibc's memmem is not visible to Swift). The byte looked for is the
    /// first that is not a quote, since quotes are everywhere in JSON.
    func contains(subsequence pattern: [UInt8]) -> Bool {
        guard let base = baseAddress, count >= pattern.count else { return false }
        let anchor = pattern.firstIndex { $0 != 0x22 } ?? 0
        var at = anchor
        let last = count - pattern.count + anchor
        while at <= last {
            guard let p = memchr(base + at, Int32(pattern[anchor]), last - at + 1) else { return false }
            at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at - anchor, pattern, pattern.count) == 0 { return true }
            at += 1
        }
        return false
    }
}

/// Leaves out, line by line, what a case file's voids cancel, and the voids
/// themselves: for readers that scan lines rather than parse records (csv-report).
public final class VoidFilter {
    let voids: Voids
    let scanner = FieldScanner(paths: ["kind", "id"])
    /// Records left out because a void cancels them.
    public private(set) var voided = 0

    public init(_ voids: Voids) { self.voids = voids }

    /// Reads the voids of rewindable inputs (pipes are first copied), unless `keep`.
    public convenience init(_ inputs: inout [OpenedInput], keep: Bool) throws {
        guard !keep else { self.init(Voids()); return }
        for k in inputs.indices { try inputs[k].makeRewindable() }
        self.init(try Voids.find(in: inputs))
    }

    public func leavesOut(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !voids.voidIDs.isEmpty else { return false }
        // A line that does not scan is the reader's to report.
        guard (try? scanner.scan(line)) == true else { return false }
        if scanner.text(scanner.cells[0], in: line) == VoidRecord.kind { return true }
        guard let id = scanner.text(scanner.cells[1], in: line).flatMap(RecordID.init), voids.cancelled.contains(id) else { return false }
        voided += 1
        return true
    }

    /// The note a command gives when it left voided records out.
    public var note: String? { voided > 0 ? Self.note(voided) : nil }
    static func note(_ n: Int) -> String { "\(n) voided record(s) treated as absent, as their void records say (--keep-voided in csv-report keeps them)" }
}
