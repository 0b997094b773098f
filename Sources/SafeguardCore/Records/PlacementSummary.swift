/// One placement's missing episodes that started in the report window: how
/// many, how many children, and how many hours missing (SOLACE L419).
public struct PlacementSummary: LaidOutRecord, Equatable, Sendable {
    public static let kind = "placement-summary"
    /// The placement's id or name can point to where a child lives.
    public static let personalPaths: Set<String> = ["placement"]
    public static let layout: [JSONField<Self>] = [
        .init("placement", \.placement), .init("as-of", \.asOf), .init("window-days", \.windowDays),
        .init("episodes", \.episodes), .init("children", \.children.count), .init("hours-missing", \.hoursMissing),
    ]

    public let placement: String
    public let asOf: DateTime
    public let windowDays: Int
    public private(set) var episodes = 0
    public private(set) var children: Set<RecordID> = []
    public private(set) var hoursMissing = 0

    public init(placement: String, asOf: DateTime, windowDays: Int) {
        self.placement = placement
        self.asOf = asOf
        self.windowDays = windowDays
    }

    /// Counts one episode of `child`.
    public mutating func add(child: RecordID, hours: Int) {
        episodes += 1
        children.insert(child)
        hoursMissing += hours
    }

}
