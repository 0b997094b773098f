/// Why bytes are not valid RFC 4180 CSV.
public struct CSVSyntaxError: Error, Equatable, Sendable {
    public let row: Int
    public let reason: String
}

/// A strict RFC 4180 reader: fields separated by commas, records by LF or
/// CRLF; a quoted field may hold commas, quotes (doubled) and line breaks.
/// Used to read CSV back (tests, round trips); the tools write CSV, not read it.
public enum CSVReader {
    public static func rows(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = []
        var i = 0, quoted = false
        // At the start of a field, a quote opens a quoted field; `open` says a
        // field has begun on this line (so the end of input closes it).
        var atFieldStart = true, open = false
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let c = bytes[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false
                    i += 1
                    // After a closing quote: a separator, a line end, or the end.
                    guard i == bytes.count || bytes[i] == 0x2C || bytes[i] == 0x0A || bytes[i] == 0x0D else {
                        throw CSVSyntaxError(row: rows.count + 1, reason: "text after a closing quote")
                    }
                    continue
                }
                field.append(c)
                i += 1
                continue
            }
            switch c {
            case 0x22:
                guard atFieldStart else { throw CSVSyntaxError(row: rows.count + 1, reason: "a quote inside an unquoted field") }
                quoted = true
                atFieldStart = false
                open = true
            case 0x2C:
                endField()
                atFieldStart = true
                open = true
            case 0x0D:
                guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { throw CSVSyntaxError(row: rows.count + 1, reason: "a CR not followed by LF") }
                i += 1
                fallthrough
            case 0x0A:
                endField()
                rows.append(row)
                row = []
                atFieldStart = true
                open = false
            default:
                field.append(c)
                atFieldStart = false
                open = true
            }
            i += 1
        }
        if quoted { throw CSVSyntaxError(row: rows.count + 1, reason: "the input ends inside a quoted field") }
        if open { endField(); rows.append(row) }
        return rows
    }
}
