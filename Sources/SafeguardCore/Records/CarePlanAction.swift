/// An action on a need: added, or changed (by its action id; the latest record wins).
public struct CarePlanAction: Record, LaidOutRecord, Equatable, Sendable {
    public static let kind = "care-plan-action"
    public static let layout: [JSONField<Self>] = [
        .init("id", \.id), .init("plan", \.plan), .init("date", \.date), .init("action", \.action), .init("action-kind", \.actionKind), .init("need", \.need),
        .init("description", \.description), .init("owner", \.owner), .init("due", \.due), .init("status", \.status),
    ]

    public let id: RecordID
    public let plan: RecordID
    public let date: CivilDate
    /// The action's own id, the same across its records.
    public let action: RecordID
    /// What the action is for (`--kind`); an action made before kinds were kept is support.
    public let actionKind: ActionKind
    public let need: NeedDomain
    /// Free text: personal data.
    public let description: String?
    /// The agency that owns the action.
    public let owner: String
    public let due: CivilDate
    public let status: NeedStatus
}

// The initialisers are declared here, outside the type, so that the compiler
// still writes the memberwise one, which the public one below passes to.
extension CarePlanAction {
    /// `kind` may be left out for a support action, as most are.
    public init(id: RecordID, plan: RecordID, date: CivilDate, action: RecordID, kind: ActionKind = .support, need: NeedDomain, description: String?,
                owner: String, due: CivilDate, status: NeedStatus) {
        self.init(id: id, plan: plan, date: date, action: action, actionKind: kind, need: need, description: description, owner: owner, due: due, status: status)
    }

    public init(reading r: FieldReader) throws {
        guard let owner = try r.optionalText("owner") else { throw RecordError("field owner is missing: every action has an owner agency") }
        self.init(id: try r.id("id"), plan: try r.id("plan"), date: try r.date("date"), action: try r.id("action"),
                  kind: try r.optionalCode("action-kind") ?? .support, need: try r.code("need"), description: try r.optionalText("description"), owner: owner,
                  due: try r.date("due"), status: try r.code("status"))
    }
}
