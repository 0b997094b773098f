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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: CSVWriter.room(text.count)) { field in
            let n = CSVWriter.write(text, neutralise: neutraliseFormulas, to: field.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: field[..<n]))
        }
    }

    /// The most bytes `write` makes of a text of `count` bytes: every byte a quote, doubled, in quotes, after a '.
    @inline(__always)
    static func room(_ count: Int) -> Int { 2 &* count &+ 3 }

    /// Writes one text field at `to`, which has `room(text.count)` bytes; returns how many it wrote.
    @inline(__always)
    static func write(_ text: UnsafeBufferPointer<UInt8>, neutralise: Bool, to p: UnsafeMutablePointer<UInt8>) -> Int {
        guard let src = text.baseAddress, text.count > 0 else { return 0 }
        let n = text.count
        let lead = neutralise && looksLikeFormula(src[0]) ? 1 : 0
        guard needsQuotes(text) else {
            if lead == 1 { p[0] = UInt8(ascii: "'") }
            (p + lead).update(from: src, count: n)
            return n &+ lead
        }
        p[0] = 0x22
        var at = 1
        if lead == 1 { p[1] = UInt8(ascii: "'"); at = 2 }
        for k in 0..<n {
            let c = src[k]
            p[at] = c
            at &+= 1
            if c == 0x22 { p[at] = 0x22; at &+= 1 }
        }
        p[at] = 0x22
        return at &+ 1
    }

    /// Whether a field holds a comma, a quote, CR or LF; eight bytes at a time.
    @inline(__always)
    static func needsQuotes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let src = text.baseAddress!, n = text.count
        var k = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        while n &- k >= 8 {
            let w = UnsafeRawPointer(src + k).loadUnaligned(as: UInt64.self)
            if hasZero(w ^ (ones &* 0x2C)) | hasZero(w ^ (ones &* 0x22)) | hasZero(w ^ (ones &* 0x0A)) | hasZero(w ^ (ones &* 0x0D)) != 0 { return true }
            k &+= 8
        }
        while k < n {
            let c = src[k]
            if c == 0x2C || c == 0x22 || c == 0x0A || c == 0x0D { return true }
            k &+= 1
        }
        return false
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
