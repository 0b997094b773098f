/// RFC 4180 CSV output. A field is quoted when it holds a comma, a quote, CR
/// or LF, with quotes doubled. A text field that a spreadsheet would run as a
/// formula (starting `=`, `+`, `-`, `@`, tab or CR) is neutralised with a
/// leading `'`, as OWASP's CSV-injection guidance says.
public struct CSVWriter {
    public var lineEnd: [UInt8]
    public var neutraliseFormulas: Bool

    /// The UTF-8 byte-order mark (U+FEFF), which `--bom` writes first.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(crlf: Bool = false, neutraliseFormulas: Bool = true) {
        lineEnd = crlf ? [0x0D, 0x0A] : [0x0A]
        self.neutraliseFormulas = neutraliseFormulas
    }

    /// Whether a text cell would be read as a formula by a spreadsheet.
    public static func looksLikeFormula(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// Appends one text field. `text` is UTF-8.
    public func appendText(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let neutralise = neutraliseFormulas && !text.isEmpty && CSVWriter.looksLikeFormula(text[0])
        var needsQuotes = false
        for c in text where c == 0x2C || c == 0x22 || c == 0x0A || c == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if neutralise { out.append(UInt8(ascii: "'")) }
            out.append(contentsOf: text)
            return
        }
        out.append(0x22)
        if neutralise { out.append(UInt8(ascii: "'")) }
        var start = 0
        for (k, c) in text.enumerated() where c == 0x22 {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...k]))
            out.append(0x22)
            start = k + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        out.append(0x22)
    }

    public func appendText(_ text: String, to out: inout [UInt8]) {
        var t = text
        t.withUTF8 { appendText($0, to: &out) }
    }

    /// Appends a field that cannot hold a formula or a separator (a JSON number or boolean).
    public func appendPlain(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(contentsOf: bytes)
    }

    /// The text of an array or object cell: an array's items joined with `;`,
    /// each text item neutralised as a cell would be (`["ok","=HYPERLINK(1)"]`
    /// is `ok;'=HYPERLINK(1)`: split into cells, no item may run); an object as JSON.
    public func compositeText(_ value: JSONValue) -> String {
        guard case .array(let items) = value else { return FieldScanner.flatText(value) }
        return items.map { item -> String in
            let text = compositeText(item)
            guard neutraliseFormulas, case .string = item, let first = text.utf8.first, CSVWriter.looksLikeFormula(first) else { return text }
            return "'" + text
        }.joined(separator: ";")
    }

    /// Whether text holds a NUL, which a CSV cell must not carry raw: many
    /// readers end the cell (or the file) there. Such a record is refused.
    public static func holdsNUL(_ text: String) -> Bool { text.utf8.contains(0) }

    public func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (k, f) in fields.enumerated() {
            if k > 0 { out.append(0x2C) }
            appendText(f, to: &out)
        }
        out.append(contentsOf: lineEnd)
    }
}

/// How a flattened row's cells are written: as CSV (`CSVWriter`) or as a
/// worksheet row (`XLSXRowEncoder`). The Flattener reads each cell once and
/// hands it here.
public protocol RowEncoder {
    func startRow(to out: inout [UInt8])
    /// Between two cells.
    func appendSeparator(to out: inout [UInt8])
    /// A missing field or null.
    func appendEmpty(to out: inout [UInt8])
    /// A text cell (UTF-8); throws `CellTooLong` where a cell has a limit.
    func appendText(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) throws
    func appendText(_ text: String, to out: inout [UInt8]) throws
    /// A JSON number or boolean, as written in the record.
    func appendPlain(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) throws
    /// The text of an array or object cell.
    func compositeText(_ value: JSONValue) -> String
    func endRow(to out: inout [UInt8])
}

extension CSVWriter: RowEncoder {
    public func startRow(to out: inout [UInt8]) {}
    public func appendSeparator(to out: inout [UInt8]) { out.append(0x2C) }
    public func appendEmpty(to out: inout [UInt8]) {}
    public func endRow(to out: inout [UInt8]) { out.append(contentsOf: lineEnd) }
}
