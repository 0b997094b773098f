/// Which fields hold personal data: names, dates of birth, addresses and free
/// text (DESIGN; SOLACE L41, L594). The lists are the `"x-personal-data": true`
/// marks in `Schemas/`, generated into `SchemaFields` (following `$ref`,
/// `$defs`, nested objects and arrays of objects), and a test keeps them the same.
public enum PersonalData {
    /// Dotted paths marked personal, by record kind: every kind with a schema,
    /// report kinds included. A path through an array names its items' field
    /// (`actions.description` in a care-plan summary).
    public static let pathsByKind: [String: Set<String>] = SchemaFields.personalByKind

    /// Every path marked personal in any kind, for records of no given kind.
    static let anyKind: Set<String> = pathsByKind.values.reduce(into: []) { $0.formUnion($1) }

    /// Field names treated as personal wherever no schema defines the field
    /// (an unknown kind, or a field a kind's schema does not know), so that
    /// what no schema describes is safe by default.
    public static let personalFieldNames: Set<String> = ["name", "dob", "address", "account", "note", "notes"]

    /// Whether `path` may hold personal data in records of `kind` (any kind when nil).
    /// A path inside a personal field is personal too.
    public static func isPersonal(_ path: String, kind: String?) -> Bool {
        var prefix = Substring(path)
        while true {
            if isPersonalField(String(prefix), kind: kind) { return true }
            guard let dot = prefix.lastIndex(of: ".") else { return false }
            prefix = prefix[..<dot]
        }
    }

    static func isPersonalField(_ path: String, kind: String?) -> Bool {
        // The kind's schema decides the fields it defines; for the rest, the
        // field-name fallback applies as it does to an unknown kind.
        if let kind, let known = SchemaFields.pathsByKind[kind], known.contains(path) {
            return pathsByKind[kind]?.contains(path) ?? false
        }
        if anyKind.contains(path) { return true }
        let last = path.split(separator: ".").last.map(String.init) ?? path
        return personalFieldNames.contains(last)
    }

    /// Whether personal fields may lie inside the object (or array of objects) at `path`.
    public static func mayHoldPersonal(_ path: String, kind: String?) -> Bool {
        let prefix = path + "."
        let known = kind.flatMap { pathsByKind[$0] } ?? anyKind
        return known.contains { $0.hasPrefix(prefix) }
    }

    /// `value` (found at `path`) with every personal field inside it removed, at any depth.
    public static func redact(_ value: JSONValue, at path: String, kind: String?) -> JSONValue {
        switch value {
        case .object(let o):
            return .object(JSONObject(o.fields.compactMap { f in
                let inner = path + "." + f.key
                return isPersonalField(inner, kind: kind) ? nil : .init(key: f.key, value: redact(f.value, at: inner, kind: kind))
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

public extension SchemaFields {
    /// Whether records of `kind` have a field at `path`; nil for a kind with no schema.
    static func defines(_ path: String, kind: String) -> Bool? { pathsByKind[kind].map { $0.contains(path) } }
}
