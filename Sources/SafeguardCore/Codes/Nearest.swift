/// The nearest known name to a mistyped one: "did you mean C-1?" for ids,
/// "did you mean --as-of?" for options.
public enum Nearest {
    /// Levenshtein distance: insertions, deletions and substitutions.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[y.count]
    }

    /// The known id closest to `id`, when it is close enough to be a slip (2 edits,
    /// or a difference of case only).
    public static func id(to id: RecordID, among known: some Sequence<RecordID>) -> RecordID? {
        var best: (RecordID, Int)?
        for k in known where k != id {
            let d = k.rawValue.lowercased() == id.rawValue.lowercased() ? 0 : editDistance(k.rawValue, id.rawValue)
            if d <= 2, d < best?.1 ?? Int.max { best = (k, d) }
        }
        return best?.0
    }

    /// " (did you mean C-1?)" or nothing.
    public static func didYouMean(_ id: RecordID, among known: some Sequence<RecordID>) -> String {
        self.id(to: id, among: known).map { " (did you mean \($0)?)" } ?? ""
    }
}
