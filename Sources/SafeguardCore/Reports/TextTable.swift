/// One column of a report's text view: its heading and each row's cell, in plain English.
public struct TextColumn<Row> {
    public let heading: String
    public let cell: (Row) -> String

    public init(_ heading: String, _ cell: @escaping (Row) -> String) {
        self.heading = heading
        self.cell = cell
    }
}

/// A report record's text view, for a person at a terminal: one row per case,
/// aligned columns, dates, and what is overdue and by how much. The same
/// records go to a pipe or a file as NDJSON; `SafeguardCLI` chooses and draws.
/// Each report's rows are declared once, in ReportTables.swift.
public protocol TextReportRow {
    /// The columns, left to right.
    static var textColumns: [TextColumn<Self>] { get }
    /// The line above the table: what it is, as of when, and how many need action.
    static func textHeading(_ rows: [Self]) -> String
    /// A line under the table (a key to abbreviations); nil for none.
    static var textFootnote: String? { get }
    /// Lines under the row, indented: each problem or unmet item in words.
    var textDetails: [String] { get }
}

public extension TextReportRow {
    static var textFootnote: String? { nil }
    var textDetails: [String] { [] }
}

/// Plain-English pieces the tables share.
public enum TextWords {
    /// "1 referral", "2 referrals".
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// How a due date stands on `asOf`: "3 days overdue", "due today", "due in 2 days".
    public static func due(_ due: CivilDate, asOf: CivilDate) -> String {
        let days = due.days(to: asOf)
        if days > 0 { return count(days, "day") + " overdue" }
        if days == 0 { return "due today" }
        return "due in " + count(-days, "day")
    }

    /// "5 hours", "2 days 3 hours".
    public static func hours(_ h: Int) -> String {
        h < 48 ? count(h, "hour") : count(h / 24, "day") + (h % 24 == 0 ? "" : " " + count(h % 24, "hour"))
    }
}
