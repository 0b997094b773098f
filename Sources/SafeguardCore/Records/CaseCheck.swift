/// A fold that can check one new record against the case it joins.
public protocol CaseChecking: CaseFolder {
    /// A folder that takes every event whatever its date, and knows every id, for checking.
    static func checking() -> Self
    /// The kinds it folds: those its tool keeps, and may void.
    static var kinds: Set<String> { get }
    /// The id of the case a record belongs to (a referral, a child, a plan):
    /// cases fold independently, so a check need read only the lines that name it.
    static func caseID(of record: JSONObject) -> String?
}

/// Checked at write (DESIGN): a record appended to a case file is checked
/// against that case first, by the same fold the reports use, so what
/// `status`, `report` or `ssda903` would refuse is never written.
public enum CaseCheck {
    /// Where the record being written is said to come from.
    public static let newRecord = SourceLine(file: "the new record", line: 0)

    /// Folds the case (`inputs`, voids honoured), then the new record; throws
    /// the rule the new record would break (exit 65). Bad lines already in the
    /// case are not the new record's fault, so they are passed over here.
    public static func check<Folder: CaseChecking>(_ record: JSONObject, against inputs: inout [OpenedInput], using folder: Folder.Type) throws {
        for k in inputs.indices { try inputs[k].makeRewindable() }
        // First only the lines that name the record's id or its case: fast on a
        // large file. A refusal is confirmed over the whole case, which also
        // knows every id for "did you mean".
        let names = [record["id"]?.stringValue, Folder.caseID(of: record)].compactMap { $0 }.map { Array("\"\($0)\"".utf8) }
        do {
            try check(record, against: &inputs, using: folder, mentioning: names)
        } catch {
            for input in inputs { try input.rewind() }
            try check(record, against: &inputs, using: folder, mentioning: nil)
        }
    }

    static func check<Folder: CaseChecking>(_ record: JSONObject, against inputs: inout [OpenedInput], using _: Folder.Type,
                                            mentioning: [[UInt8]]?) throws {
        var folder = Folder.checking()
        let quiet = Diagnostics(tool: "", quiet: true) { _ in }
        let voids = try Voids.find(in: inputs)
        let newID = record["id"]?.stringValue
        // Read as it stands, so an id stays unique even once its record is voided.
        func see(_ r: InputRecord) throws {
            let id = r.object["id"]?.stringValue
            if let id, id == newID {
                throw CommandFailure("not written: id \(id) is already used in the case (\(r.file):\(r.line)); ids are never reused", exitCode: .dataError)
            }
            guard r.kind != VoidRecord.kind, !(id.flatMap(RecordID.init).map(voids.cancelled.contains) ?? false) else { return }
            _ = try? folder.take(r, at: SourceLine(file: r.file, line: r.line), raw: [])
        }
        if let mentioning {
            // Only the lines that name the case; they are not numbered (a refusal is confirmed by the whole pass).
            for input in inputs {
                try input.forEachLine(mentioning: mentioning) { line in
                    guard case .object(let o)? = try? JSONParser.parse(line), let kind = o["kind"]?.stringValue else { return }
                    try see(InputRecord(file: input.name, line: 0, object: o, kind: kind, raw: line))
                }
            }
        } else {
            try forEachRecord(in: &inputs, diagnostics: quiet, voids: .keep) { try see($0) }
        }
        var line: [UInt8] = []
        JSONWriter.write(.object(record), into: &line)
        try line.withUnsafeBufferPointer { raw in
            let r = InputRecord(file: newRecord.file, line: 0, object: record, kind: record["kind"]?.stringValue ?? "", raw: raw)
            do {
                _ = try folder.take(r, at: newRecord, raw: [])
            } catch let e as RecordError {
                throw CommandFailure("not written: \(e.description)", exitCode: .dataError)
            }
        }
        if let p = folder.resolve().first(where: { $0.source == newRecord }) {
            throw CommandFailure("not written: \(p.message)", exitCode: .dataError)
        }
    }
}
