/// A record kind of the NDJSON contract: it knows its `kind`, writes itself
/// as one JSON object and reads itself back with every rule checked. Its rules
/// live in its public throwing initialiser: `init(reading:)` reads the fields
/// and passes them there, as a command does with its options or the answers at
/// the prompt, so a record read and a record made meet the same rules.
public protocol Record {
    static var kind: String { get }
    /// The fields this kind defines, in the order they are written.
    static var fields: [String] { get }
    var json: JSONValue { get }
    init(reading fields: FieldReader) throws
}

public extension Record {
    /// Reads a record from a parsed line whose kind is already known to match.
    /// Any record may say which rule set made it (`RuleSet.stamp`); the command's own --rules judges it.
    init(_ object: JSONObject) throws {
        let reader = FieldReader(object)
        try reader.allowOnly(["kind", "v", "rules"] + Self.fields)
        _ = try reader.optionalCode("rules", RuleSet.self)
        try self.init(reading: reader)
    }

    /// The envelope every record starts with.
    static func envelope() -> JSONObjectBuilder { JSONObjectBuilder(kind: kind) }
}

/// One field of a record (or of an object within one) as written: its key, and
/// its value in `R`. A nil value leaves the field out, as an absent optional is written.
public struct JSONField<R>: Sendable {
    public let key: String
    let value: @Sendable (R) -> JSONValue?

    public init<V: JSONRepresentable>(_ key: String, _ value: @escaping @Sendable (R) -> V?) {
        self.key = key
        self.value = { value($0)?.jsonValue }
    }
}

/// A type written as one JSON object from one table, `layout`: its fields in
/// the order they are written. Its JSON and its list of keys both come from
/// it, so a field is declared once.
public protocol LaidOut {
    static var layout: [JSONField<Self>] { get }
}

public extension LaidOut {
    /// The keys, in the order they are written.
    static var keys: [String] { layout.map(\.key) }
}

/// An object within a record is written as just its fields.
public extension JSONRepresentable where Self: LaidOut {
    var jsonValue: JSONValue { JSONObjectBuilder(Self.layout, of: self).value }
}

/// A record kind written from its layout: the envelope, then its fields.
public protocol LaidOutRecord: LaidOut {
    static var kind: String { get }
}

public extension LaidOutRecord {
    var json: JSONValue {
        var b = JSONObjectBuilder(kind: Self.kind)
        b.set(Self.layout, of: self)
        return b.value
    }
}

public extension Record where Self: LaidOutRecord {
    static var fields: [String] { keys }
}
