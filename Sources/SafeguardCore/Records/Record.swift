/// A record kind of the NDJSON contract: it knows its `kind`, writes itself
/// as one JSON object and reads itself back with every rule checked.
public protocol Record {
    static var kind: String { get }
    /// The fields this kind defines, in the order they are written.
    static var fields: [String] { get }
    var json: JSONValue { get }
    init(reading fields: FieldReader) throws
}

public extension Record {
    /// Reads a record from a parsed line whose kind is already known to match.
    init(_ object: JSONObject) throws {
        let reader = FieldReader(object)
        try reader.allowOnly(["kind", "v"] + Self.fields)
        try self.init(reading: reader)
    }

    /// The envelope every record starts with.
    static func envelope() -> JSONObjectBuilder { JSONObjectBuilder(kind: kind) }
}
