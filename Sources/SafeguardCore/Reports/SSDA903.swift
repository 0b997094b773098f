/// The DfE's SSDA903 `Missing` table for a collection year (1 April to 31 March).
public enum SSDA903 {
    public static let header = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]

    /// `year` names the year the collection ends: 2026 is 1 April 2025 to 31 March 2026.
    public static func period(year: Int) -> ClosedRange<CivilDate> {
        CivilDate(year: year - 1, month: 4, day: 1)!...CivilDate(year: year, month: 3, day: 31)!
    }

    /// The rows for episodes that overlap the year, by child then start; and
    /// the episodes that cannot be filed because the child has no date of birth.
    public static func rows(episodes: [MissingEpisode], dob: [RecordID: CivilDate], year: Int)
        -> (rows: [[String]], noDOB: [MissingEpisode]) {
        let p = period(year: year)
        var rows: [(MissingEpisode, [String])] = [], noDOB: [MissingEpisode] = []
        for e in episodes {
            let start = e.start.localDate, end = e.end?.localDate
            guard start <= p.upperBound, end.map({ $0 >= p.lowerBound }) ?? true else { continue }
            guard let birth = dob[e.child] else { noDOB.append(e); continue }
            // Still open on 31 March: MIS_END is left blank.
            let endCell = end.flatMap { $0 <= p.upperBound ? $0.ukFormat : nil } ?? ""
            rows.append((e, [e.child.rawValue, birth.ukFormat, e.type.ssda903Code, start.ukFormat, endCell]))
        }
        rows.sort { ($0.0.child, $0.0.start) < ($1.0.child, $1.0.start) }
        return (rows.map(\.1), noDOB)
    }
}
