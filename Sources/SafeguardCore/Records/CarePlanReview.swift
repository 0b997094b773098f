/// A review: the fields of the plan it changes (the same shape as the plan's),
/// and a note. Needs and agencies are changed one by one; risk answers one by one.
/// The changes are kept as written and checked against the plan when the case
/// is folded, so a bad change is reported there, on the review's line.
public struct CarePlanReview: Record, LaidOutRecord, Sendable {
    public static let kind = "care-plan-review"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("plan", \.plan), .init("date", \.date), .init("changes", \.changes), .init("note", \.note),
    ]

    public let id: RecordID
    public let plan: RecordID
    public let date: CivilDate
    /// As written; `changeSet()` reads them.
    public let changes: JSONObject
    /// Free text: personal data.
    public let note: String?

    public func changeSet() throws -> CarePlanChanges { try CarePlanChanges(reading: FieldReader(changes)) }

    /// The plan with this review's changes made. Throws when the result is not a valid plan.
    public func apply(to plan: CarePlan) throws -> CarePlan {
        do {
            return try plan.applying(changeSet())
        } catch let e as RecordError {
            throw RecordError("the review would make the plan invalid: \(e.description)")
        }
    }
}

// The initialisers are declared here, outside the type, so that the compiler
// still writes the memberwise one over the changes as written, which reading uses.
extension CarePlanReview {
    public init(id: RecordID, plan: RecordID, date: CivilDate, changes: CarePlanChanges, note: String?) {
        self.init(id: id, plan: plan, date: date, changes: changes.object, note: note)
    }

    public init(reading r: FieldReader) throws {
        let changes = try r.object("changes")
        func hasNull(_ v: JSONValue) -> Bool {
            switch v {
            case .null: return true
            case .array(let items): return items.contains(where: hasNull)
            case .object(let o): return o.fields.contains { hasNull($0.value) }
            default: return false
            }
        }
        if hasNull(.object(changes.object)) { throw RecordError("field changes: must not hold null; leave a field out to keep it as it is") }
        for k in changes.object.keys where !CarePlan.changeable.contains(k) {
            throw RecordError("field changes.\(k.prefix(40)) cannot be changed by a review; the changeable fields are: \(CarePlan.changeable.sorted().joined(separator: ", "))")
        }
        self.init(id: try r.id("id"), plan: try r.id("plan"), date: try r.date("date"), changes: changes.object, note: try r.optionalText("note"))
    }
}
