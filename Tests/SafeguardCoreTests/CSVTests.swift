import XCTest
@testable import SafeguardCore

final class CSVWriterTests: XCTestCase {
    func row(_ fields: [String], crlf: Bool = false) -> String {
        var out: [UInt8] = []
        CSVWriter(crlf: crlf).appendRow(fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testQuotesOnlyWhatNeedsIt() {
        XCTAssertEqual(row(["plain", "with,comma", "with \"quote\"", "two\nlines", "cr\rhere", "", "é 😀"]),
                       "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\"cr\rhere\",,é 😀\n")
        XCTAssertEqual(row(["a", "b"], crlf: true), "a,b\r\n")
    }

    /// OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading quote.
    func testNeutralisesFormulas() {
        XCTAssertEqual(row(["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", "a=b"]),
                       "'=1+1,'+44 20,'-2,'@SUM(A1),'\tx,\"'\rx\",a=b\n")
        XCTAssertEqual(row(["=HYPERLINK(\"http://x\",\"y\")"]), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n")
    }

    /// Each text item of an array cell is neutralised, not only the first;
    /// numbers are not; a NUL is found so its record can be refused.
    func testArrayItemsAndNUL() throws {
        let csv = CSVWriter()
        let v = try JSONParser.parse(Array(#"["ok","=HYPERLINK(1)",-5,"@x",["+1"]]"#.utf8))
        XCTAssertEqual(csv.compositeText(v), "ok;'=HYPERLINK(1);-5;'@x;'+1")
        XCTAssertEqual(CSVWriter(neutraliseFormulas: false).compositeText(v), "ok;=HYPERLINK(1);-5;@x;+1")
        XCTAssertTrue(CSVWriter.holdsNUL("a\u{0}b"))
        XCTAssertFalse(CSVWriter.holdsNUL("ab"))
    }
}

final class TerminalTextTests: XCTestCase {
    /// ESC, BEL, CR and the other C0 codes, DEL and the C1 codes are shown
    /// escaped; line feed, tab and other text (UTF-8 included) are kept.
    func testControlCharactersAreShownEscaped() {
        XCTAssertEqual(TerminalText.escaped("Hes\u{1B}[8mtia"), "Hes\\x1b[8mtia")
        XCTAssertEqual(TerminalText.escaped("a\u{7}b\rc\u{7F}d\u{9B}e\u{85}"), "a\\x07b\\x0dc\\x7fd\\u009be\\u0085")
        XCTAssertEqual(TerminalText.escaped("line\n\tnext é ¡ 😀"), "line\n\tnext é ¡ 😀")
        XCTAssertEqual(TerminalText.escaped("\u{0}"), "\\x00")
    }
}

final class FieldScannerTests: XCTestCase {
    func scan(_ paths: [String], _ line: String) throws -> [String?] {
        let s = FieldScanner(paths: paths)
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { buf in
            _ = try s.scan(buf)
            return s.cells.map { s.text($0, in: buf) }
        }
    }

    func testPicksNestedPathsArraysAndEscapes() throws {
        let line = #"{"id":"r1","subject":{"sex":"female","x":{"y":1},"nationality":"AL"},"exploitation":["sexual","labour"],"n":-1.5e3,"t":true,"z":null,"s":"caf\u00e9 \"q\"\n\ud83d\ude00","o":{"a":[1,{"b":2}]}}"#
        XCTAssertEqual(try scan(["id", "subject.nationality", "exploitation", "n", "t", "z", "s", "absent", "subject.x.y", "o", "subject.absent.deeper"], line),
                       ["r1", "AL", "sexual;labour", "-1.5e3", "true", nil, "café \"q\"\n😀", nil, "1", #"{"a":[1,{"b":2}]}"#, nil])
    }

    func testAKeyWithEscapesStillMatches() throws {
        XCTAssertEqual(try scan(["kind"], #"{"k\u0069nd":"referral"}"#), ["referral"])
    }

    func testADuplicatePickedKeyIsRefused() {
        XCTAssertThrowsError(try scan(["id"], #"{"id":"a","id":"b"}"#))
    }

    func testNonObjectsAreValidButNotRecords() throws {
        let s = FieldScanner(paths: ["a"])
        for line in ["[1,2]", "\"x\"", "3", "null"] {
            XCTAssertFalse(try Array(line.utf8).withUnsafeBufferPointer { try s.scan($0) }, line)
        }
    }

    /// The scanner and the tree parser share one lexer, so they accept and refuse the same lines.
    func testAgreesWithTheParserOnGoodAndBadLines() {
        let lines = [
            #"{"a":1}"#, #"{"a":"b","c":[true,false,null,{"d":"\u00e9"}]}"#, #"{}"#, "  {\"a\" : 1 }  ",
            #"{"kind":"referral","v":1,"#, #"{"a":"abc"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":01}"#, #"{"a":1.}"#,
            #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":"\ud800"}"#, "{\"a\":\"\t\"}", #"{"a":1} x"#, #"{"a":[1 2]}"#, "",
            String(repeating: "[", count: 200), #"{"a":"\u12"}"#, #"{"a":-}"#,
        ]
        let scanner = FieldScanner(paths: ["a", "c.d"])
        for line in lines {
            var bytes = Array(line.utf8)
            var parserOK = true, scannerOK = true
            bytes.withUnsafeMutableBufferPointer { buf in
                let b = UnsafeBufferPointer(buf)
                do { _ = try JSONParser.parse(b) } catch { parserOK = false }
                do { _ = try scanner.scan(b) } catch { scannerOK = false }
            }
            XCTAssertEqual(scannerOK, parserOK, line)
        }
        for bad: [UInt8] in [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D]] {
            XCTAssertThrowsError(try bad.withUnsafeBufferPointer { try scanner.scan($0) })
        }
    }
}

/// The field scanner's quick pass (issue 18) hands every line it does not
/// take to the careful pass; a line it takes must be one the careful pass
/// takes too, with the very same cells. Checked on records and on thousands of
/// damaged copies of them (bytes changed, dropped, doubled; lines cut short).
final class QuickPassTests: XCTestCase {
    static let pathSets: [[String]] = [
        ["id", "received", "first-responder", "subject.sex", "subject.nationality", "treated-as", "kind"],
        ["kind", "id", "subject", "subject.languages", "exploitation", "kind", "v", "z.y.x"],
        ["a", "c.d", "o.a", "s", "n", "t", "e"],
    ]
    static let records = [
        #"{"kind":"referral","v":1,"id":"ref-1","received":"2025-01-01","first-responder":"salvation-army","subject":{"id":"subj-1","name":"A B","dob":"1995-03-29","age-disputed":false,"sex":"female","nationality":"SY","languages":["ar","en"]},"treated-as":"adult","exploitation":["not-specified"],"consent":{"status":"signed"},"account":"Synthetic, with commas; no real person."}"#,
        #"{"a":"caf\u00e9 \"q\"\n\ud83d\ude00","c":{"d":[1,{"b":2}],"e":null},"o":{"a":[-1.5e3,0,0.25,1E+2,true,false,null,"x"]},"s":"Zoë 😀 é","n":-0,"t":true,"e":{}}"#,
        " { \"k\\u0069nd\" : \"void\" , \"id\" :\t\"x\" , \"subject\" : { \"sex\" : \"male\" } , \"z\":{\"y\":{\"x\":[[],{},[[]]]}} } ",
        #"{"id":"a","subject":{"sex":"f"},"subject":{"nationality":"GB"}}"#,
        #"{"id":"a","subject":{"sex":"f"},"subject":{"sex":"m"}}"#,
        "{\"a\":" + String(repeating: "[", count: 62) + String(repeating: "]", count: 62) + "}",
        "{\"a\":" + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}",
        "{\"a\":" + String(repeating: "{\"b\":", count: 126) + "1" + String(repeating: "}", count: 126) + "}",
        "{\"a\":" + String(repeating: "[", count: 127) + String(repeating: "]", count: 127) + "}",
        "{\"a\":" + String(repeating: "[", count: 128) + String(repeating: "]", count: 128) + "}",
        #"{"id":"=1+2","kind":"@x","subject":{"sex":"-","nationality":"\t"}}"#,
        #"[1,{"a":2}]"#, #""x""#, "{}", "",
    ]
    static let bytes: [UInt8] = Array(#""\{}[]:, 0123456789-+.eEtrufalsn"#.utf8)
        + [0x09, 0x00, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]

    func testTheQuickPassTakesOnlyWhatTheCarefulPassGivesTheSameCellsFor() {
        var lines = Self.records.map { Array($0.utf8) }
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for record in Self.records.map({ Array($0.utf8) }) where record.count > 2 {
            for _ in 0..<1500 {
                var line = record
                for _ in 0...next(3) {
                    let at = next(line.count)
                    switch next(4) {
                    case 0: line[at] = Self.bytes[next(Self.bytes.count)]
                    case 1: line.remove(at: at)
                    case 2: line.insert(contentsOf: Array(line[at..<min(line.count, at + 1 + next(8))]), at: at)
                    default: line.insert(Self.bytes[next(Self.bytes.count)], at: at)
                    }
                    if line.isEmpty { break }
                }
                if next(10) == 0 { line = Array(line.prefix(next(line.count + 1))) }
                lines.append(line)
            }
        }
        var quickTook = 0, carefulOnly = 0, refused = 0
        for paths in Self.pathSets {
            let scanner = FieldScanner(paths: paths)
            for line in lines {
                line.withUnsafeBufferPointer { b in
                    for k in scanner.cells.indices { scanner.cells[k] = .missing }
                    let took = scanner.quickScan(b, scanner.cells)
                    let quickCells = Array(scanner.cells)
                    let careful = Result { () throws(JSONSyntaxError) -> Bool in try scanner.scan(b, quick: false) }
                    let carefulCells = Array(scanner.cells)
                    let text = String(decoding: line, as: UTF8.self)
                    if took {
                        quickTook += 1
                        XCTAssertEqual(try? careful.get(), true, text)
                        XCTAssertEqual(quickCells, carefulCells, text)
                    } else if (try? careful.get()) == true {
                        carefulOnly += 1
                    } else {
                        refused += 1
                    }
                    // The public scan, quick pass first, answers as the careful pass alone does.
                    let both = Result { () throws(JSONSyntaxError) -> Bool in try scanner.scan(b) }
                    XCTAssertEqual(both, careful, text)
                    XCTAssertEqual(Array(scanner.cells), carefulCells, text)
                }
            }
        }
        // Each way is taken often: the check is not vacuous.
        XCTAssertGreaterThan(quickTook, 1000)
        XCTAssertGreaterThan(carefulOnly, 100)
        XCTAssertGreaterThan(refused, 1000)
    }
}

final class SuppressionTests: XCTestCase {
    func grid(_ rows: [[Int]], columns: [String]) -> CountGrid {
        var t = CountTable(rowFields: ["r"], columnField: columns.count > 1 ? "c" : nil)
        for (r, counts) in rows.enumerated() {
            for (c, n) in counts.enumerated() where n > 0 { t.add(row: ["r\(r)"], column: columns[c], count: n) }
        }
        return t.grid(rows: rows.indices.map { ["r\($0)"] }, columns: columns.count > 1 ? columns : [])
    }

    func cells(_ g: CountGrid) -> [[String]] { g.values.indices.map { r in g.values[r].indices.map { g.cell(r, $0) } } }

    func testNoSuppressionShowsEveryCount() {
        let g = grid([[3, 10], [20, 7]], columns: ["a", "b"])
        XCTAssertEqual(cells(g), [["3", "10", "13"], ["20", "7", "27"], ["23", "17", "40"]])
    }

    /// A lone small count is hidden, and so is the smallest other count in its
    /// row and column, so subtraction from the totals gives nothing away.
    func testPrimaryAndSecondarySuppression() throws {
        var g = grid([[3, 10, 12], [20, 7, 30], [15, 9, 6]], columns: ["a", "b", "c"])
        try g.suppress(below: 5)
        let c = cells(g)
        XCTAssertEqual(c[0][0], "[c]")
        for r in g.values.indices {
            let hidden = c[r].filter { $0 == "[c]" }.count
            XCTAssertNotEqual(hidden, 1, "row \(r) gives a hidden cell away: \(c[r])")
        }
        for col in g.values[0].indices {
            let hidden = g.values.indices.filter { c[$0][col] == "[c]" }.count
            XCTAssertNotEqual(hidden, 1, "column \(col) gives a hidden cell away")
        }
        // Worked by hand: 3 is hidden; then 10 (smallest other in its row), 15 and 7 (in the
        // columns of those), then 20 and 6 (rows r1, r2), then 12 (column c).
        XCTAssertEqual(c, [["[c]", "[c]", "[c]", "25"], ["[c]", "[c]", "30", "57"], ["[c]", "9", "[c]", "30"], ["38", "26", "48", "112"]])
    }

    /// In a one-column table the only way to protect a lone small count is the next smallest, or the total.
    func testSingleColumnTables() throws {
        var g = grid([[3], [50], [40]], columns: ["count"])
        try g.suppress(below: 5)
        XCTAssertEqual(cells(g), [["[c]"], ["50"], ["[c]"], ["93"]])
        var lone = grid([[3], [0]], columns: ["count"])
        try lone.suppress(below: 5)
        XCTAssertEqual(cells(lone), [["[c]"], ["0"], ["[c]"]], "the total equals the small count, so it is hidden too")
    }

    /// Every row and column of this table has two hidden cells, which a
    /// per-row, per-column rule accepts; but the six form one cycle, and with
    /// each at least 1 the totals pin them all. The audit hides more.
    func testTheAuditCatchesWhatRowsAndColumnsMiss() throws {
        var first = grid([[1, 1, 10], [1, 10, 1], [10, 1, 1]], columns: ["a", "b", "c"])
        first.suppressFirstPass(below: 5)
        var audit = DisclosureAudit()
        let cells = audit.add(first)
        let before = try audit.intervals()
        XCTAssertTrue(before.values.contains { $0.min == $0.max }, "the first pass alone gives a cell away")
        var g = grid([[1, 1, 10], [1, 10, 1], [10, 1, 1]], columns: ["a", "b", "c"])
        try g.suppress(below: 5)
        var after = DisclosureAudit()
        _ = after.add(g)
        for (v, range) in try after.intervals() {
            XCTAssertTrue(DisclosureAudit.isProtected(range, threshold: 5), "variable \(v): \(range)")
        }
        XCTAssertGreaterThan(cells.count, 0)
    }

    func testExactArithmetic() throws {
        XCTAssertEqual(try Rational(6, -4).description, "-3/2")
        XCTAssertEqual(try Rational(7, 2).floor, 3)
        XCTAssertEqual(try Rational(-7, 2).floor, -4)
        XCTAssertEqual(try Rational(-7, 2).ceiling, -3)
        XCTAssertEqual(try (try Rational(1, 3) + Rational(1, 6)).description, "1/2")
        XCTAssertThrowsError(try Rational(Int64.max) + Rational(1))
        XCTAssertThrowsError(try Rational(Int64.max / 2 + 1) * Rational(2))
        XCTAssertTrue(try Rational(1, 3) < Rational(1, 2))
        // A figure too large for exact arithmetic: nothing is published, exit 70.
        var audit = DisclosureAudit()
        let a = audit.add(value: Int.max, suppressed: true), b = audit.add(value: Int.max)
        audit.equate([(a, 1), (b, 1)], constant: 0)
        XCTAssertThrowsError(try audit.protect(threshold: 5)) { XCTAssertEqual(($0 as? CommandFailure)?.exitCode, .software) }
    }

    func testZerosAreNotSuppressed() throws {
        var g = grid([[0, 12], [8, 9]], columns: ["a", "b"])
        try g.suppress(below: 5)
        XCTAssertEqual(cells(g), [["0", "12", "12"], ["8", "9", "17"], ["8", "21", "29"]])
    }
}

final class PersonalDataTests: XCTestCase {
    /// The core's lists of fields and personal fields are the schemas' own.
    /// The walk follows $ref into $defs, items (arrays of objects), nested
    /// properties and allOf/anyOf/oneOf/if/then/else: the walk that followed
    /// only `properties` missed a care-plan summary's actions[].description.
    func testMatchesTheSchemas() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Schemas")
        var marked: [String: Set<String>] = [:], defined: [String: Set<String>] = [:]
        func walk(_ v: JSONValue, _ path: String, _ kind: String, _ root: JSONValue, _ refs: Set<String>) {
            guard case .object(let o) = v else { return }
            if o["x-personal-data"] == .bool(true) { marked[kind, default: []].insert(path) }
            if case .string(let ref)? = o["$ref"], !refs.contains(ref) {
                XCTAssertTrue(ref.hasPrefix("#/"), "\(kind): \(ref)")
                var target: JSONValue? = root
                for part in ref.dropFirst(2).split(separator: "/") { target = target?.objectValue?[String(part)] }
                XCTAssertNotNil(target, "\(kind): \(ref) leads nowhere")
                if let target { walk(target, path, kind, root, refs.union([ref])) }
            }
            if case .object(let props)? = o["properties"] {
                for f in props.fields {
                    let inner = path.isEmpty ? f.key : path + "." + f.key
                    defined[kind, default: []].insert(inner)
                    walk(f.value, inner, kind, root, refs)
                }
            }
            for key in ["items", "contains", "if", "then", "else", "additionalProperties"] {
                if let sub = o[key] { walk(sub, path, kind, root, refs) }
            }
            for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
                for sub in o[key]?.arrayValue ?? [] { walk(sub, path, kind, root, refs) }
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".schema.json") }
        for file in files {
            let kind = String(file.dropLast(".schema.json".count))
            let schema = try JSONParser.parse(Array(try Data(contentsOf: dir.appendingPathComponent(file))))
            marked[kind, default: []].formUnion([])
            walk(schema, "", kind, schema, [])
        }
        XCTAssertEqual(marked.count, files.count, "every kind with a schema")
        XCTAssertGreaterThanOrEqual(files.count, 27)
        XCTAssertEqual(marked, PersonalData.pathsByKind, "run 'make schema-fields'")
        XCTAssertEqual(defined, SchemaFields.pathsByKind, "run 'make schema-fields'")
        XCTAssertEqual(marked["care-plan-summary"], ["plan.child.missing-strategy", "actions.description", "plan.dob",
                                                     "plan.claimed-age-range.earliest-dob", "plan.claimed-age-range.latest-dob"])
        XCTAssertTrue(PersonalData.isPersonal("subject.name", kind: nil))
        XCTAssertFalse(PersonalData.isPersonal("subject.nationality", kind: "referral"))
        XCTAssertTrue(PersonalData.isPersonal("carer.address", kind: "some-new-kind"), "unknown kinds are safe by default")
        // A field the kind's schema does not know keeps the field-name fallback.
        XCTAssertTrue(PersonalData.isPersonal("subject.address", kind: "referral"))
        XCTAssertTrue(PersonalData.isPersonal("note", kind: "referral"))
        XCTAssertTrue(PersonalData.isPersonal("subject.name.given", kind: "referral"), "inside a personal field")
        XCTAssertTrue(PersonalData.isPersonal("placement", kind: "care-plan-check"), "personal in another kind")
        XCTAssertTrue(PersonalData.mayHoldPersonal("actions", kind: "care-plan-summary"))
        let summary = try JSONParser.parse(Array(#"{"actions":[{"action":"a1","description":"Ann at 1 High St"}]}"#.utf8))
        XCTAssertEqual(JSONWriter.string(PersonalData.redact(summary.objectValue!["actions"]!, at: "actions", kind: "care-plan-summary")),
                       #"[{"action":"a1"}]"#)
    }

    func testAgeBands() {
        let on = CivilDate("2026-11-23")!
        XCTAssertEqual(AgeBand.label(dob: CivilDate("2010-11-24")!, on: on), "14-15")
        XCTAssertEqual(AgeBand.label(dob: CivilDate("2008-11-23")!, on: on), "18-24")
        XCTAssertEqual(AgeBand.label(dob: CivilDate("2008-11-24")!, on: on), "16-17")
        XCTAssertEqual(AgeBand.label(dob: CivilDate("1950-01-01")!, on: on), "65+")
        XCTAssertNil(AgeBand.label(dob: CivilDate("2027-01-01")!, on: on))
    }
}

final class CSVReaderTests: XCTestCase {
    func read(_ s: String) throws -> [[String]] { try CSVReader.rows(Array(s.utf8)) }

    func testReadsWhatTheWriterWrites() throws {
        // Found by fuzz-csv: a row with a quoted field and an embedded newline.
        let fields = ["plain", "with,comma", "\"quoted\"", "two\nlines"]
        for crlf in [false, true] {
            var out: [UInt8] = []
            CSVWriter(crlf: crlf, neutraliseFormulas: false).appendRow(fields, to: &out)
            XCTAssertEqual(try CSVReader.rows(out), [fields], String(decoding: out, as: UTF8.self))
        }
        XCTAssertEqual(try read("a,b\r\n\"c,d\",\"e\"\"f\"\n,\n"), [["a", "b"], ["c,d", "e\"f"], ["", ""]])
        XCTAssertEqual(try read("x"), [["x"]])
        XCTAssertEqual(try read(""), [])
    }

    func testRefusesMalformedCSV() {
        XCTAssertThrowsError(try read("\"open"))
        XCTAssertThrowsError(try read("a\"b"))
        XCTAssertThrowsError(try read("\"a\"b"))
        XCTAssertThrowsError(try read("a\rb"))
    }
}
