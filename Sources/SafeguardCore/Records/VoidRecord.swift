/// A correction: it cancels one earlier record by its id. The voided record
/// stays in the case file for the audit trail; every fold and report treats it
/// as absent (DESIGN: corrections by void). A void corrects the record, it does
/// not happen in the case, so it applies whatever a report's --as-of.
public struct VoidRecord: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "void"
    public static let layout: [JSONField<Self>] = [.init("id", \.id), .init("voids", \.voids), .init("reason", \.reason), .init("on", \.on)]

    public let id: RecordID
    /// The id of the record it cancels.
    public let voids: RecordID
    /// Why: free text, so personal data.
    public let reason: String
    public let on: CivilDate

    public init(reading r: FieldReader) throws {
        guard let reason = try r.optionalText("reason") else { throw RecordError("field reason is missing: a void says why") }
        try self.init(id: try r.id("id"), voids: try r.id("voids"), reason: reason, on: try r.date("on"))
    }

    /// A void cancels another record, never itself.
    public init(id: RecordID, voids: RecordID, reason: String, on: CivilDate) throws {
        if id == voids { throw RecordError("field id: a void cannot void itself") }
        self.id = id
        self.voids = voids
        self.reason = reason
        self.on = on
    }
}

/// Whether a record can be voided, read from the case it belongs to: it must be
/// there, be of a kind the tool keeps, not be a void or voided already, and
/// have no live record that depends on it (a referral's decisions, a plan's
/// reviews, the return that ends a missing episode): those are voided first.
public struct VoidCheck {
    public let target: RecordID
    let kinds: Set<String>
    var found: (kind: String, source: SourceLine)?
    var seen: [RecordID] = []
    var voidIDs: Set<RecordID> = []
    var cancelled: Set<RecordID> = []
    /// Records that name the target in a field.
    var dependents: [(id: RecordID, source: SourceLine)] = []
    /// When the target is a missing start: its child's returns.
    var start: MissingStart?
    var returns: [(MissingReturn, SourceLine)] = []

    public init(voiding target: RecordID, kinds: Set<String>) {
        self.target = target
        self.kinds = kinds
    }

    /// Reads the case (voids kept, since they matter here) and says why the target cannot be voided.
    public static func problem(_ void: VoidRecord, kinds: Set<String>, in inputs: inout [OpenedInput]) throws -> String? {
        var check = VoidCheck(voiding: void.voids, kinds: kinds)
        let quiet = Diagnostics(tool: "", quiet: true) { _ in }
        try forEachRecord(in: &inputs, diagnostics: quiet, voids: .keep) { check.see($0) }
        if check.seen.contains(void.id) { return "id \(void.id) is already used in the case; ids are never reused" }
        return check.problem
    }

    mutating func see(_ r: InputRecord) {
        let at = SourceLine(file: r.file, line: r.line)
        guard let id = r.object["id"]?.stringValue.flatMap(RecordID.init) else { return }
        seen.append(id)
        if r.kind == VoidRecord.kind, let v = try? VoidRecord(r.object) {
            voidIDs.insert(v.id)
            cancelled.insert(v.voids)
            return
        }
        if id == target {
            found = (r.kind, at)
            if r.kind == MissingStart.kind { start = try? MissingStart(r.object) }
            return
        }
        if r.kind == MissingReturn.kind, let ret = try? MissingReturn(r.object) { returns.append((ret, at)) }
        if Self.names(target.rawValue, in: .object(r.object), top: true) { dependents.append((id, at)) }
    }

    /// Whether a field (other than the record's own id) holds `id`.
    static func names(_ id: String, in value: JSONValue, top: Bool = false) -> Bool {
        switch value {
        case .string(let s): return s == id
        case .array(let a): return a.contains { names(id, in: $0) }
        case .object(let o): return o.fields.contains { !(top && $0.key == "id") && names(id, in: $0.value) }
        default: return false
        }
    }

    var problem: String? {
        guard let (kind, at) = found else {
            if voidIDs.contains(target) { return "\(target) is a void, and a void cannot be voided" }
            return "record \(target) is not in the case\(Nearest.didYouMean(target, among: seen)); check the id, or give the file that holds it with --case"
        }
        guard kinds.contains(kind) else { return "record \(target) is a \(kind) record (\(at)), which this tool does not keep; void it with the tool that made it" }
        if cancelled.contains(target) { return "record \(target) (\(at)) is already voided" }
        var live = dependents.filter { !cancelled.contains($0.id) }
        if let start {
            // The return that ends the episode: the child's first return at or after the start.
            let ending = returns.filter { $0.0.child == start.child && $0.0.returned >= start.lastSeen && !cancelled.contains($0.0.id) }
                .min { $0.0.returned < $1.0.returned }
            if let (ret, source) = ending { live.append((ret.id, source)) }
        }
        guard live.isEmpty else {
            let named = live.map { "\($0.id) (\($0.source))" }.joined(separator: ", ")
            return "record \(target) (\(at)) has records that depend on it; void them first: \(named)"
        }
        return nil
    }
}
