/// A value with one way of being written as JSON. Every record field and every
/// builder `set` goes through it, so each type's JSON form is said once.
public protocol JSONRepresentable: SendableMetatype {
    var jsonValue: JSONValue { get }
}

extension JSONValue: JSONRepresentable { public var jsonValue: JSONValue { self } }
extension JSONObject: JSONRepresentable { public var jsonValue: JSONValue { .object(self) } }
extension String: JSONRepresentable { public var jsonValue: JSONValue { .string(self) } }
extension Bool: JSONRepresentable { public var jsonValue: JSONValue { .bool(self) } }
extension Int: JSONRepresentable { public var jsonValue: JSONValue { .int(self) } }
extension CivilDate: JSONRepresentable { public var jsonValue: JSONValue { .string(description) } }
extension DateTime: JSONRepresentable { public var jsonValue: JSONValue { .string(description) } }
extension RecordID: JSONRepresentable { public var jsonValue: JSONValue { .string(rawValue) } }
extension Country: JSONRepresentable { public var jsonValue: JSONValue { .string(code) } }
extension LanguageTag: JSONRepresentable { public var jsonValue: JSONValue { .string(rawValue) } }
public extension CodeList { var jsonValue: JSONValue { .string(rawValue) } }
extension Array: JSONRepresentable where Element: JSONRepresentable {
    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}
