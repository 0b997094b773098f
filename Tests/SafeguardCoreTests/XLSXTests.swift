import XCTest
@testable import SafeguardCore

/// The ZIP and worksheet writers behind `csv-report --format xlsx`, without a
/// process (the end-to-end check with openpyxl is Tests/Support/test_xlsx.py).
final class XLSXTests: XCTestCase {
    func testCRC32KnownValues() {
        // The check value of CRC-32/ISO-HDLC (the ZIP CRC), and two more well-known ones.
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
        XCTAssertEqual(CRC32.checksum(Array("a".utf8)), 0xE8B7_BE43)
        XCTAssertEqual(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
        // Given in pieces, the same.
        var crc = CRC32()
        crc.update(Array("12345".utf8))
        crc.update(Array("6789".utf8))
        XCTAssertEqual(crc.value, 0xCBF4_3926)
    }

    func le16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    func le32(_ b: [UInt8], _ at: Int) -> Int { le16(b, at) | le16(b, at + 2) << 16 }

    /// Walks the archive from its end record, as a reader does, and checks
    /// each central entry against its local header and its bytes.
    func entries(_ zip: [UInt8]) throws -> [String: [UInt8]] {
        let end = zip.count - 22
        XCTAssertEqual(le32(zip, end), 0x0605_4B50, "end of central directory record last, with no comment")
        let count = le16(zip, end + 10), size = le32(zip, end + 12), start = le32(zip, end + 16)
        XCTAssertEqual(le16(zip, end + 8), count)
        XCTAssertEqual(start + size, end, "the directory runs up to the end record")
        var found: [String: [UInt8]] = [:]
        var at = start
        for _ in 0..<count {
            XCTAssertEqual(le32(zip, at), 0x0201_4B50)
            XCTAssertEqual(le16(zip, at + 10), 0, "stored")
            let crc = le32(zip, at + 16), compressed = le32(zip, at + 20), plain = le32(zip, at + 24)
            let nameLength = le16(zip, at + 28), extra = le16(zip, at + 30), comment = le16(zip, at + 32)
            let local = le32(zip, at + 42)
            let name = Array(zip[at + 46 ..< at + 46 + nameLength])
            XCTAssertEqual(compressed, plain)
            // The local header says the same (patched once the entry was written).
            XCTAssertEqual(le32(zip, local), 0x0403_4B50)
            XCTAssertEqual(le16(zip, local + 6) & 0x08, 0, "no data descriptor")
            XCTAssertEqual(le32(zip, local + 14), crc)
            XCTAssertEqual(le32(zip, local + 18), compressed)
            XCTAssertEqual(le32(zip, local + 22), plain)
            XCTAssertEqual(Array(zip[local + 30 ..< local + 30 + nameLength]), name)
            let dataStart = local + 30 + nameLength + le16(zip, local + 28)
            let data = Array(zip[dataStart ..< dataStart + plain])
            XCTAssertEqual(CRC32.checksum(data), UInt32(crc))
            found[String(decoding: name, as: UTF8.self)] = data
            at += 46 + nameLength + extra + comment
        }
        return found
    }

    func testZIPStructure() throws {
        let out = ZIPBytes()
        let zip = ZIPWriter(to: out, name: "test.zip")
        try zip.add("a.txt", Array("hello".utf8))
        try zip.begin("dir/streamed.xml")
        try zip.write(Array("<x>".utf8))
        try zip.write(Array(repeating: UInt8(ascii: "y"), count: 70_000))
        try zip.write(Array("</x>".utf8))
        try zip.end()
        try zip.add("empty", [])
        try zip.finish()
        let found = try entries(out.bytes)
        XCTAssertEqual(found.keys.sorted(), ["a.txt", "dir/streamed.xml", "empty"])
        XCTAssertEqual(found["a.txt"], Array("hello".utf8))
        XCTAssertEqual(found["dir/streamed.xml"]?.count, 70_007)
        XCTAssertEqual(found["empty"], [])
        // Entries follow each other from offset 0: the first local header starts the file.
        XCTAssertEqual(Array(out.bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
    }

    func testWorkbookParts() throws {
        let out = ZIPBytes()
        let book = try XLSXWorkbook(to: out, name: "t.xlsx", sheet: "count", frozenHeader: true)
        try book.appendRow([.text("kind"), .text("count")], header: true)
        try book.appendRow(XLSXCell.tableRow(["referral", "12"], labelColumns: 1))
        try book.appendRow(XLSXCell.tableRow(["total", "[c]"], labelColumns: 1))
        try book.finish()
        let parts = try entries(out.bytes)
        XCTAssertEqual(parts.keys.sorted(), ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                             "xl/workbook.xml", "xl/worksheets/sheet1.xml"])
        let sheet = String(decoding: parts["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        XCTAssertTrue(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#), sheet)
        XCTAssertTrue(sheet.contains(#"<row r="1"><c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">kind</t></is></c>"#), sheet)
        XCTAssertTrue(sheet.contains(#"<c r="B2" s="0"><v>12</v></c>"#), sheet)
        XCTAssertTrue(sheet.contains(#"<c r="B3" s="2" t="inlineStr"><is><t xml:space="preserve">[c]</t></is></c>"#), sheet)
        XCTAssertTrue(String(decoding: parts["xl/workbook.xml"]!, as: UTF8.self).contains(#"<sheet name="count""#))
        XCTAssertTrue(String(decoding: parts["xl/styles.xml"]!, as: UTF8.self).contains("<b/>"), "a bold font for the header")
    }

    func cellXML(_ text: String) throws -> String {
        var out: [UInt8] = []
        let rows = XLSXRowEncoder()
        try rows.appendRow([.text(text)], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testTextIsEscapedNeverDropped() throws {
        XCTAssertEqual(try cellXML("=1+1"), #"<row r="1"><c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c></row>"#)
        let xml = try cellXML("a&b<c>d\r\ne\tf\u{1}g\u{1F}h_x0041_i_x12_\u{FFFE}\u{FFFF}é😀")
        XCTAssertTrue(xml.contains(">a&amp;b&lt;c&gt;d&#13;\ne\tf_x0001_g_x001F_h_x005F_x0041_i_x12__xFFFE__xFFFF_é😀</t>"), xml)
        XCTAssertEqual(try cellXML(""), #"<row r="1"></row>"#, "an empty text is no cell")
    }

    func testNumbersKeptWholeOrWrittenAsText() throws {
        func whole(_ s: String) -> Bool { var t = s; return t.withUTF8 { XLSXRowEncoder.keepsWhole($0) } }
        for n in ["0", "-0", "12", "-3.5", "1E5", "1.5e-3", "123456789012345", "1000000000000000000000", "0.000000000000001"] {
            XCTAssertTrue(whole(n), n)
        }
        for n in ["1234567890123456", "12345678901234567890", "0.1234567890123456", "1e400", "1e-400", "true", "false", "x"] {
            XCTAssertFalse(whole(n), n)
        }
    }

    func testColumnNamesAndLimits() throws {
        func name(_ k: Int) -> String { var out: [UInt8] = []; XLSXRowEncoder.appendColumnName(k, to: &out); return String(decoding: out, as: UTF8.self) }
        XCTAssertEqual([0, 25, 26, 51, 52, 701, 702, 16383].map(name), ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
        var out: [UInt8] = []
        let rows = XLSXRowEncoder()
        // 32,767 UTF-16 code units fit; an emoji is two of them.
        XCTAssertNoThrow(try rows.appendRow([.text(String(repeating: "x", count: 32_765) + "😀")], to: &out))
        XCTAssertThrowsError(try rows.appendRow([.text("a"), .text(String(repeating: "x", count: 32_766) + "😀")], to: &out)) { error in
            let e = error as? CellTooLong
            XCTAssertEqual(e?.length, 32_768)
            XCTAssertEqual(e?.column, 1)
        }
    }

    /// A flattened record, written as a worksheet row: text as text, numbers as numbers.
    func testFlattenerWritesWorksheetRows() throws {
        let columns = Flattener.plan(requested: ["id", "n", "tags", "gone"], kind: nil, includePersonal: false, ageBand: false).columns
        let flattener = Flattener(columns: columns, kind: nil, asOf: CivilDate(year: 2026, month: 1, day: 1)!, csv: CSVWriter())
        let rows = XLSXRowEncoder()
        var out: [UInt8] = []
        let line = Array(#"{"id":"0012345","n":7,"tags":["=a","b"]}"#.utf8)
        XCTAssertTrue(try line.withUnsafeBufferPointer { try flattener.appendRow($0, as: rows, to: &out) })
        XCTAssertEqual(String(decoding: out, as: UTF8.self),
                       #"<row r="1"><c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve">0012345</t></is></c><c r="B1" s="0"><v>7</v></c>"#
                       + #"<c r="C1" s="2" t="inlineStr"><is><t xml:space="preserve">=a;b</t></is></c></row>"#)
        // Too long for a cell: a RecordError naming the field, and nothing of the row left.
        out.removeAll()
        let long = Array(("{\"id\":\"a\",\"tags\":\"" + String(repeating: "x", count: 40_000) + "\"}").utf8)
        XCTAssertThrowsError(try long.withUnsafeBufferPointer { try flattener.appendRow($0, as: rows, to: &out) }) { error in
            XCTAssertTrue("\(error)".contains("field tags has 40000 characters"), "\(error)")
        }
        XCTAssertEqual(out, [])
        XCTAssertEqual(rows.rows, 1)
    }
}
