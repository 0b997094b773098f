/// Reads typed fields out of a record, with errors that name the field
/// (`field subject.dob: ...`). A value read from a record is never echoed in
/// a message, not even a mistyped code: it may be personal data in the wrong field.
public struct FieldReader {
    public let object: JSONObject
    let path: String

    public init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    func name(_ key: String) -> String { path + key }
    func fail(_ key: String, _ message: String) -> RecordError { RecordError("field \(name(key)): \(message)") }

    /// The field's value, or nil when it is left out. A null is refused, as
    /// the schemas refuse it: an absent value is written by leaving the field out.
    func present(_ key: String) throws -> JSONValue? {
        guard let v = object[key] else { return nil }
        if v == .null { throw fail(key, "must not be null; leave the field out instead") }
        return v
    }

    /// An optional field: nil when left out, else read as the required one is.
    func optional<T>(_ key: String, _ read: (String) throws -> T) throws -> T? {
        guard try present(key) != nil else { return nil }
        return try read(key)
    }

    func required(_ key: String) throws -> JSONValue {
        guard let v = try present(key) else { throw RecordError("field \(name(key)) is missing") }
        return v
    }

    /// Every key must be one the record kind defines: a typo is an error, not data silently ignored.
    public func allowOnly(_ keys: [String]) throws {
        for k in object.keys where !keys.contains(k) {
            let shown = k.count > 40 ? String(k.prefix(40)) + "…" : k
            throw RecordError("field \(name(shown)) is not part of this record kind; the fields are: \(keys.joined(separator: ", "))")
        }
    }

    public func string(_ key: String) throws -> String {
        let v = try required(key)
        guard let s = v.stringValue else { throw fail(key, "must be a string, found \(v.typeName)") }
        return s
    }

    public func optionalString(_ key: String) throws -> String? { try optional(key, string) }

    /// Optional free text: when present it must say something.
    public func optionalText(_ key: String) throws -> String? {
        guard let s = try optionalString(key) else { return nil }
        guard !s.trimmed.isEmpty else { throw fail(key, "is empty; leave the field out instead") }
        return s
    }

    public func bool(_ key: String) throws -> Bool {
        let v = try required(key)
        guard let b = v.boolValue else { throw fail(key, "must be true or false, found \(v.typeName)") }
        return b
    }

    public func optionalBool(_ key: String) throws -> Bool? { try optional(key, bool) }

    public func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let v = try required(key)
        guard let n = v.intValue else { throw fail(key, "must be a whole number, found \(v.typeName == "a number" ? "a fraction" : v.typeName)") }
        guard range.contains(n) else { throw fail(key, "must be from \(range.lowerBound) to \(range.upperBound)") }
        return n
    }

    public func optionalInt(_ key: String, in range: ClosedRange<Int>) throws -> Int? { try optional(key, { try int($0, in: range) }) }

    public func date(_ key: String) throws -> CivilDate {
        let s = try string(key)
        guard let d = CivilDate(s) else { throw fail(key, "is not a real date; write it as yyyy-mm-dd") }
        return d
    }

    public func optionalDate(_ key: String) throws -> CivilDate? { try optional(key, date) }

    public func dateTime(_ key: String) throws -> DateTime {
        let s = try string(key)
        guard let d = DateTime(s, requireSeconds: true) else { throw fail(key, "is not a real date-time with an offset; write it as yyyy-mm-ddThh:mm:ss+00:00 (or Z)") }
        return d
    }

    public func optionalDateTime(_ key: String) throws -> DateTime? { try optional(key, dateTime) }

    public func id(_ key: String) throws -> RecordID {
        let s = try string(key)
        guard let id = RecordID(s) else { throw fail(key, "is not a valid id; \(RecordID.rule)") }
        return id
    }

    public func optionalID(_ key: String) throws -> RecordID? { try optional(key, id) }

    public func code<C: CodeList>(_ key: String, _ type: C.Type = C.self) throws -> C {
        let s = try string(key)
        guard let c = C(rawValue: s) else { throw fail(key, C.unknownCodeMessage) }
        return c
    }

    public func optionalCode<C: CodeList>(_ key: String, _ type: C.Type = C.self) throws -> C? { try optional(key, { try code($0, type) }) }

    /// An array whose items are all of one type: `item` reads one, or is nil for any other (`what` names the type).
    func array<T>(_ key: String, of what: String, _ item: (JSONValue) -> T?) throws -> [T] {
        let v = try required(key)
        guard let items = v.arrayValue else { throw fail(key, "must be an array, found \(v.typeName)") }
        return try items.enumerated().map { k, element in
            guard let x = item(element) else { throw RecordError("field \(name(key))[\(k)]: must be \(what), found \(element.typeName)") }
            return x
        }
    }

    public func stringArray(_ key: String) throws -> [String] { try array(key, of: "a string", \.stringValue) }

    /// An array of codes, each known and none repeated.
    public func codes<C: CodeList>(_ key: String, _ type: C.Type = C.self) throws -> [C] {
        try unique(key, try stringArray(key).enumerated().map { k, s in
            guard let c = C(rawValue: s) else { throw RecordError("field \(name(key))[\(k)]: \(C.unknownCodeMessage)") }
            return c
        })
    }

    public func optionalCodes<C: CodeList>(_ key: String, _ type: C.Type = C.self) throws -> [C]? { try optional(key, { try codes($0, type) }) }

    public func unique<T: Hashable>(_ key: String, _ items: [T]) throws -> [T] {
        var seen = Set<T>()
        for item in items where !seen.insert(item).inserted {
            throw fail(key, "lists the same value twice")
        }
        return items
    }

    public func object(_ key: String) throws -> FieldReader {
        let v = try required(key)
        guard let o = v.objectValue else { throw fail(key, "must be an object, found \(v.typeName)") }
        return FieldReader(o, path: name(key) + ".")
    }

    public func optionalObject(_ key: String) throws -> FieldReader? { try optional(key, object) }

    /// An array whose items are all objects.
    public func objectArray(_ key: String) throws -> [JSONObject] { try array(key, of: "an object", \.objectValue) }

    public func optionalObjectArray(_ key: String) throws -> [JSONObject]? { try optional(key, objectArray) }

    public func country(_ key: String) throws -> Country? {
        guard try present(key) != nil else { return nil }
        let s = try string(key)
        // Only "UK", a common slip, is named back; any other value is not echoed.
        guard let c = Country(s) else { throw fail(key, s == "UK" ? Country.unknownMessage(s) : Country.unknownCodeMessage) }
        return c
    }
}
