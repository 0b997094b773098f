/// Which fields hold personal data: names, dates of birth, addresses and free
/// text (DESIGN; SOLACE L41, L594). This mirrors the `"x-personal-data": true`
/// marks in `Schemas/`, and a test keeps the two the same.
public enum PersonalData {
    /// Dotted paths marked personal, by record kind.
    public static let pathsByKind: [String: Set<String>] = [
        Referral.kind: ["subject.name", "subject.dob", "account"],
        AgeAssessment.kind: ["claimed.dob", "assessed.dob", "reasons"],
        Placement.kind: ["dob", "placement"],
        MissingStart.kind: ["from"],
        MissingReturn.kind: ["found-at"],
        MissingStatus.kind: MissingStatus.personalPaths,
        PlacementSummary.kind: PlacementSummary.personalPaths,
        CarePlan.kind: ["child.missing-strategy"],
        CarePlanReview.kind: ["note", "changes.child.missing-strategy"],
        CarePlanAction.kind: ["description"],
        "care-plan-summary": ["plan.child.missing-strategy"],
        VoidRecord.kind: ["reason"],
    ]

    /// Field names treated as personal in kinds that have no schema here yet,
    /// so that an unknown record kind is safe by default.
    public static let personalFieldNames: Set<String> = ["name", "dob", "address", "account", "note", "notes"]

    /// Whether `path` may hold personal data in records of `kind` (any kind when nil).
    public static func isPersonal(_ path: String, kind: String?) -> Bool {
        if let kind, let known = pathsByKind[kind] { return known.contains(path) }
        if pathsByKind.values.contains(where: { $0.contains(path) }) { return true }
        let last = path.split(separator: ".").last.map(String.init) ?? path
        return personalFieldNames.contains(last)
    }

    /// Whether personal fields may lie inside the object at `path`.
    public static func mayHoldPersonal(_ path: String, kind: String?) -> Bool {
        let prefix = path + "."
        let known = kind.flatMap { pathsByKind[$0] } ?? pathsByKind.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        return known.contains { $0.hasPrefix(prefix) }
    }

    /// `value` (found at `path`) with every personal field inside it removed, at any depth.
    public static func redact(_ value: JSONValue, at path: String, kind: String?) -> JSONValue {
        switch value {
        case .object(let o):
            return .object(JSONObject(o.fields.compactMap { f in
                let inner = path + "." + f.key
                return isPersonal(inner, kind: kind) ? nil : .init(key: f.key, value: redact(f.value, at: inner, kind: kind))
            }))
        case .array(let items):
            return .array(items.map { redact($0, at: path, kind: kind) })
        default:
            return value
        }
    }

    /// Whether the path is a date of birth, which `--age-band` can turn into a band.
    public static func isDateOfBirth(_ path: String) -> Bool {
        path == "dob" || path.hasSuffix(".dob")
    }
}

/// Age bands for sharing ages without dates of birth. The child bands follow
/// the ages at which care changes (16 and 17: leaving-care planning); the adult
/// bands are the ten-year bands of official statistics.
public enum AgeBand {
    public static let bands: [(range: ClosedRange<Int>, label: String)] = [
        (0...9, "0-9"), (10...13, "10-13"), (14...15, "14-15"), (16...17, "16-17"), (18...24, "18-24"),
        (25...34, "25-34"), (35...44, "35-44"), (45...54, "45-54"), (55...64, "55-64"), (65...200, "65+"),
    ]

    /// The band of someone born on `dob`, on `date`; nil when `dob` is after `date`.
    public static func label(dob: CivilDate, on date: CivilDate) -> String? {
        guard let age = dob.age(on: date) else { return nil }
        return bands.first { $0.range.contains(age) }?.label
    }
}
