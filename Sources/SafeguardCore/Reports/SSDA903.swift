/// The DfE's SSDA903 `Missing` table for a collection year (1 April to 31 March).
/// Every date in it is the calendar date in England (Europe/London, with BST)
/// of the instant recorded, whatever offset the record carries, so records
/// written with different offsets never make episodes overlap, or end before
/// they start, on paper (DfE validator rules 574 and 567).
public enum SSDA903 {
    public static let header = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]

    /// `year` names the year the collection ends: 2026 is 1 April 2025 to 31 March 2026 (UK dates).
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
            let start = e.start.londonDate, end = e.end?.londonDate
            guard start <= p.upperBound, end.map({ $0 >= p.lowerBound }) ?? true else { continue }
            guard let birth = dob[e.child] else { noDOB.append(e); continue }
            // Still open on 31 March: MIS_END is left blank.
            let endCell = end.flatMap { $0 <= p.upperBound ? $0.ukFormat : nil } ?? ""
            rows.append((e, [e.child.rawValue, birth.ukFormat, e.type.ssda903Code, start.ukFormat, endCell]))
        }
        rows.sort { ($0.0.child, $0.0.start) < ($1.0.child, $1.0.start) }
        return (rows.map(\.1), noDOB)
    }

    /// Episodes that are not while looked after, with why (DfE validator rules
    /// 577, 578, 581 and 586): one that starts before the child's date of birth,
    /// or before their first placement (UK dates, so a start on the placement's
    /// first day counts).
    public static func notLookedAfter(episodes: [MissingEpisode], dob: [RecordID: CivilDate], firstPlacement: [RecordID: CivilDate])
        -> [(episode: MissingEpisode, message: String)] {
        episodes.compactMap { e in
            let start = e.start.londonDate
            if let birth = dob[e.child], start < birth {
                return (e, "the episode of child \(e.child) starts (\(start)) before their date of birth: the SSDA903 table holds only episodes while looked after; correct the start or the placement's date of birth")
            }
            if let first = firstPlacement[e.child], start < first {
                return (e, "the episode of child \(e.child) starts (\(start)) before their first placement (\(first)): the SSDA903 table holds only episodes while looked after; record the placement that began earlier, or correct the start")
            }
            return nil
        }
    }
}
