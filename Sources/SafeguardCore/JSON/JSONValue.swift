/// A parsed JSON value. Objects keep their key order so records written back
/// out read the same way they came in.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's exact source text: nothing is lost to floating point.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// The value as a whole number, if it is one written without fraction or exponent.
    public var intValue: Int? { if case .number(let n) = self { return Int(n) }; return nil }

    public static func int(_ n: Int) -> JSONValue { .number(String(n)) }
}

/// A JSON object with its keys in order. Records are small, so a linear
/// lookup beats hashing and keeps the order for free.
public struct JSONObject: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }
    public var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public subscript(key: String) -> JSONValue? {
        get { fields.first(where: { $0.key == key })?.value }
        set {
            if let i = fields.firstIndex(where: { $0.key == key }) {
                if let v = newValue { fields[i].value = v } else { fields.remove(at: i) }
            } else if let v = newValue {
                fields.append(Field(key: key, value: v))
            }
        }
    }

    public var keys: [String] { fields.map(\.key) }
}

public extension JSONObject {
    /// The value at a dotted path, if every step is an object that has it.
    func value(at path: String) -> JSONValue? {
        var current: JSONValue = .object(self)
        for part in path.split(separator: ".") {
            guard let o = current.objectValue, let next = o[String(part)] else { return nil }
            current = next
        }
        return current == .null ? nil : current
    }
}

/// Builds an object in order, leaving out absent optionals.
public struct JSONObjectBuilder {
    public private(set) var object = JSONObject()
    public init() {}

    /// A record: its `kind` and schema version first, as every line of the contract starts.
    public init(kind: String) {
        set("kind", kind)
        set("v", 1)
    }
    public mutating func set(_ key: String, _ value: JSONValue?) {
        if let value { object.fields.append(.init(key: key, value: value)) }
    }
    public mutating func set<V: JSONRepresentable>(_ key: String, _ value: V?) { set(key, value?.jsonValue) }
    /// Every field of `layout`, in order, from `r`.
    public mutating func set<R>(_ layout: [JSONField<R>], of r: R) {
        for field in layout { set(field.key, field.value(r)) }
    }
    /// An object of just the fields of `layout`.
    public init<R>(_ layout: [JSONField<R>], of r: R) { set(layout, of: r) }
    public var value: JSONValue { .object(object) }
}
