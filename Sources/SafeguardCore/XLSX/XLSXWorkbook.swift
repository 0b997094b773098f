/// A cell of a worksheet row given whole (the tables of `count` and `nrm-stats`).
public enum XLSXCell: Equatable, Sendable {
    /// Text, stored as text: never a number, a date or a formula.
    case text(String)
    /// The text of a JSON number, stored as a number when Excel keeps it whole.
    case number(String)
}

extension XLSXCell {
    /// A row of a count table: labels are text; a count (digits only) is a
    /// number; a marker ([c] suppressed, [z] not applicable) stays text.
    public static func tableRow(_ row: [String], labelColumns: Int) -> [XLSXCell] {
        row.enumerated().map { k, value in
            k >= labelColumns && !value.isEmpty && value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? .number(value) : .text(value)
        }
    }
}

/// Writes worksheet rows (SpreadsheetML, ECMA-376 Part 1 §18.3) as they come:
/// a text cell is an inline string (`t="inlineStr"`) in the text number format
/// (`@`), so `1E5`, `0012345` and `=1+1` stay as written and never run; a
/// JSON number is a number; an empty cell is left out.
///
/// Text is made safe for XML 1.0: `&`, `<` and `>` are escaped and CR is
/// written `&#13;` (a parser would turn a raw CR into LF); the control
/// characters XML 1.0 cannot carry (U+0001 to U+001F but tab, LF and CR) and
/// U+FFFE, U+FFFF are written `_xHHHH_`, the escape ST_Xstring defines
/// (§22.9.2.19), which Excel reads back as the character; and a `_` that
/// would start such an escape in the text itself is written `_x005F_`, so
/// the text reads back as written. Nothing is dropped.
public final class XLSXRowEncoder: RowEncoder {
    /// Excel's limits (Excel specifications and limits).
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    /// Characters in a cell, counted in UTF-16 code units as Excel counts them.
    public static let maxCellLength = 32_767

    /// Rows written so far.
    public private(set) var rows = 0
    var column = 0
    var style = Style.text

    enum Style: String { case number = "0", header = "1", text = "2" }

    public init() {}

    public func startRow(to out: inout [UInt8]) {
        column = 0
        out += Array("<row r=\"\(rows + 1)\">".utf8)
    }

    public func endRow(to out: inout [UInt8]) {
        out += Array("</row>".utf8)
        rows += 1
    }

    public func appendSeparator(to out: inout [UInt8]) {}

    public func appendEmpty(to out: inout [UInt8]) { column += 1 }

    public func appendText(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) throws {
        let length = XLSXRowEncoder.utf16Length(text)
        guard length <= XLSXRowEncoder.maxCellLength else { throw CellTooLong(length: length, column: column) }
        guard !text.isEmpty else { column += 1; return }
        openCell(type: "inlineStr", style: style == .header ? .header : .text, to: &out)
        out += Array("<is><t xml:space=\"preserve\">".utf8)
        XLSXRowEncoder.appendEscaped(text, to: &out)
        out += Array("</t></is></c>".utf8)
    }

    public func appendText(_ text: String, to out: inout [UInt8]) throws {
        var t = text
        try t.withUTF8 { try appendText($0, to: &out) }
    }

    /// A JSON number or boolean. A boolean is the text true or false, as in
    /// the CSV. A number with more than 15 significant digits, or beyond a
    /// double's range, is text: Excel keeps 15 digits, and would change it.
    public func appendPlain(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) throws {
        guard XLSXRowEncoder.keepsWhole(bytes) else { return try appendText(bytes, to: &out) }
        openCell(type: nil, style: .number, to: &out)
        out += Array("<v>".utf8)
        out.append(contentsOf: bytes)   // a JSON number is an xsd:double as written
        out += Array("</v></c>".utf8)
    }

    /// Array items joined with `;`, objects as JSON; nothing is neutralised,
    /// as a text cell cannot run.
    public func compositeText(_ value: JSONValue) -> String {
        CSVWriter(neutraliseFormulas: false).compositeText(value)
    }

    /// One whole row; a header row is bold.
    public func appendRow(_ cells: [XLSXCell], header: Bool = false, to out: inout [UInt8]) throws {
        style = header ? .header : .text
        defer { style = .text }
        startRow(to: &out)
        for cell in cells {
            switch cell {
            case .text(let t): try appendText(t, to: &out)
            case .number(let n):
                var t = n
                try t.withUTF8 { try appendPlain($0, to: &out) }
            }
        }
        endRow(to: &out)
    }

    func openCell(type: String?, style: Style, to out: inout [UInt8]) {
        out += Array("<c r=\"".utf8)
        XLSXRowEncoder.appendColumnName(column, to: &out)
        out += Array(String(rows + 1).utf8)
        out += Array("\" s=\"\(style.rawValue)\"".utf8)
        if let type { out += Array(" t=\"\(type)\"".utf8) }
        out.append(UInt8(ascii: ">"))
        column += 1
    }

    /// A, B, ... Z, AA, AB, ...: the column's letters (`column` from 0).
    static func appendColumnName(_ column: Int, to out: inout [UInt8]) {
        var n = column + 1, letters: [UInt8] = []
        while n > 0 {
            n -= 1
            letters.append(UInt8(ascii: "A") + UInt8(n % 26))
            n /= 26
        }
        out.append(contentsOf: letters.reversed())
    }

    static func utf16Length(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in text where b & 0xC0 != 0x80 { n += b >= 0xF0 ? 2 : 1 }
        return n
    }

    /// Whether a JSON number reads back from a worksheet exactly as written:
    /// at most 15 significant digits and within a double's range.
    static func keepsWhole(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else { return false }
        var first1 = -1, last1 = -1, k = 0
        for b in bytes {
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { break }
            if (0x31...0x39).contains(b) {
                if first1 < 0 { first1 = k }
                last1 = k
            }
            if (0x30...0x39).contains(b) { k += 1 }
        }
        guard first1 < 0 || last1 - first1 < 15 else { return false }
        guard let d = Double(String(decoding: bytes, as: UTF8.self)), d.isFinite else { return false }
        return d == 0 ? first1 < 0 : d.magnitude >= Double.leastNormalMagnitude
    }

    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var k = 0
        while k < text.count {
            let b = text[k]
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case 0x0D: out += Array("&#13;".utf8)
            case 0x09, 0x0A: out.append(b)
            case 0x00..<0x20: appendXEscape(UInt32(b), to: &out)
            case 0xEF where k + 2 < text.count && text[k + 1] == 0xBF && (text[k + 2] == 0xBE || text[k + 2] == 0xBF):
                appendXEscape(text[k + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out)
                k += 2
            case UInt8(ascii: "_") where startsXEscape(text, at: k): appendXEscape(0x5F, to: &out)
            default: out.append(b)
            }
            k += 1
        }
    }

    /// Whether `_xHHHH_` (four hex digits) starts at `k`.
    static func startsXEscape(_ text: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        guard k + 6 < text.count, text[k + 1] == UInt8(ascii: "x"), text[k + 6] == UInt8(ascii: "_") else { return false }
        return (k + 2...k + 5).allSatisfy { i in
            let c = text[i] | 0x20
            return (0x30...0x39).contains(text[i]) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c)
        }
    }

    static func appendXEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        out += Array("_x".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
        out.append(UInt8(ascii: "_"))
    }
}

/// A text longer than a worksheet cell holds.
public struct CellTooLong: Error {
    public let length: Int
    /// The cell's column, from 0.
    public let column: Int
}

/// An Office Open XML workbook (.xlsx) of one worksheet, written as a
/// stored ZIP: the minimal parts (content types, relationships, workbook,
/// styles, sheet). The sheet's rows are streamed into the ZIP as they come.
/// With a header, the first row is bold and frozen (a pane split below it).
public final class XLSXWorkbook {
    public let rows = XLSXRowEncoder()
    let zip: ZIPWriter
    var pending: [UInt8] = []

    public init(to destination: any ZIPDestination, name: String, sheet: String, frozenHeader: Bool) throws {
        zip = ZIPWriter(to: destination, name: name)
        for (part, xml) in XLSXWorkbook.parts(sheet: sheet) { try zip.add(part, Array((XLSXWorkbook.declaration + xml).utf8)) }
        try zip.begin("xl/worksheets/sheet1.xml")
        let pane = frozenHeader
            ? #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>"#
            : ""
        try zip.write(Array((XLSXWorkbook.declaration + #"<worksheet xmlns="\#(XLSXWorkbook.main)">"# + pane + "<sheetData>").utf8))
    }

    /// Writes rows the encoder has made (`rows`), in order.
    public func write(_ encodedRows: [UInt8]) throws { try zip.write(encodedRows) }

    /// Encodes and writes one whole row.
    public func appendRow(_ cells: [XLSXCell], header: Bool = false) throws {
        pending.removeAll(keepingCapacity: true)
        try rows.appendRow(cells, header: header, to: &pending)
        try zip.write(pending)
    }

    public func finish() throws {
        try zip.write(Array("</sheetData></worksheet>".utf8))
        try zip.end()
        try zip.finish()
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelations = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Every part but the sheet, in the order written. Styles: 0 plain, 1
    /// bold text (the header), 2 text (number format 49, `@`).
    static func parts(sheet: String) -> [(String, String)] {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return [
            ("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
                + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
                + #"<Default Extension="xml" ContentType="application/xml"/>"#
                + #"<Override PartName="/xl/workbook.xml" ContentType="\#(type).sheet.main+xml"/>"#
                + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="\#(type).worksheet+xml"/>"#
                + #"<Override PartName="/xl/styles.xml" ContentType="\#(type).styles+xml"/></Types>"#),
            ("_rels/.rels", #"<Relationships xmlns="\#(packageRelations)">"#
                + #"<Relationship Id="rId1" Type="\#(officeRelations)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(officeRelations)">"#
                + #"<sheets><sheet name="\#(sheet)" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="\#(packageRelations)">"#
                + #"<Relationship Id="rId1" Type="\#(officeRelations)/worksheet" Target="worksheets/sheet1.xml"/>"#
                + #"<Relationship Id="rId2" Type="\#(officeRelations)/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<styleSheet xmlns="\#(main)">"#
                + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
                + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
                + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
                + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
                + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
                + #"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>"#
                + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
                + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#),
        ]
    }
}
