import XCTest
@testable import SafeguardCore

final class JSONTests: XCTestCase {
    func parse(_ s: String) throws -> JSONValue { try JSONParser.parse(s) }

    func parseBytes(_ b: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
        do throws(JSONSyntaxError) { return .success(try JSONParser.parse(b)) } catch { return .failure(error) }
    }

    func error(_ s: String) -> String? {
        if case .failure(let e) = parseBytes(Array(s.utf8)) { return e.reason }
        return nil
    }

    func testParsesValues() throws {
        let v = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        guard case .object(let o) = v else { return XCTFail() }
        XCTAssertEqual(o.keys, ["a", "b", "e"])
        XCTAssertEqual(o["a"], .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(o["b"]?.objectValue?["c"], .string("d"))
        XCTAssertEqual(o["e"], .string(""))
    }

    func testDecodesEscapesAndUnicode() throws {
        XCTAssertEqual(try parse(#""caf\u00e9 \"q\" \\ \/ \n\t\r\b\f""#), .string("café \"q\" \\ / \n\t\r\u{8}\u{c}"))
        XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try parse("\"Zoë 😀 漢字\""), .string("Zoë 😀 漢字"))
    }

    func testRejectsBadInputWithAReason() {
        XCTAssertEqual(error(#"{"kind":"referral","v":1,"#), "the line ends inside an object (truncated record?)")
        XCTAssertEqual(error(#"{"a":"abc"#), "the line ends inside a string (truncated record?)")
        XCTAssertNotNil(error(#"{"a":1,}"#))
        XCTAssertNotNil(error(#"{"a" 1}"#))
        XCTAssertNotNil(error(#"[1 2]"#))
        XCTAssertNotNil(error("01"))
        XCTAssertNotNil(error("1."))
        XCTAssertNotNil(error("-"))
        XCTAssertNotNil(error("tru"))
        XCTAssertNotNil(error("nul"))
        XCTAssertNotNil(error("NaN"))
        XCTAssertNotNil(error("{} {}"))
        XCTAssertNotNil(error("\"tab\there\""))
        XCTAssertNotNil(error(#""\x""#))
        XCTAssertNotNil(error(#""\u12""#))
        XCTAssertEqual(error(#"{"a":1,"a":2}"#), "duplicate key \"a\"")
        XCTAssertNotNil(error(#""\ud83d""#), "lone high surrogate")
        XCTAssertNotNil(error(#""\ude00""#), "lone low surrogate")
        XCTAssertNotNil(error(""))
    }

    /// Issue 17: the duplicate-key check is linear, so a line with 80,000 keys
    /// is checked whole (its time is measured in Tests/Bench/bench.sh, not here).
    func testDuplicateKeysAmongEightyThousandAreFound() throws {
        let keys = (0..<80_000).map { "k\($0)" }
        func line(_ extra: [String]) -> String {
            "{" + (keys + extra).map { "\"\($0)\":1" }.joined(separator: ",") + "}"
        }
        guard case .object(let o) = try parse(line([])) else { return XCTFail("not an object") }
        XCTAssertEqual(o.fields.count, 80_000)
        XCTAssertEqual(o.keys.last, "k79999")
        // A repeat of the first key, of a middle one, and one spelled with an escape, each at the end.
        XCTAssertEqual(error(line(["k0"])), "duplicate key \"k0\"")
        XCTAssertEqual(error(line(["k40000"])), "duplicate key \"k40000\"")
        XCTAssertEqual(error(line([#"k\u0037"#])), "duplicate key \"k7\"")
        // The offset names the repeated key, at the start of its quote.
        let text = line(["k79999"])
        guard case .failure(let e) = parseBytes(Array(text.utf8)) else { return XCTFail("accepted") }
        XCTAssertEqual(e.offset, text.utf8.count - #""k79999":1}"#.utf8.count)
        // Around the point where the check changes method, and in a nested object.
        for n in [14, 15, 16, 17, 33] {
            let small = (0..<n).map { "\"x\($0)\":\($0)" }.joined(separator: ",")
            XCTAssertNil(error("{\(small)}"), "\(n) keys")
            XCTAssertEqual(error(#"{"o":{"# + small + #","x0":0}}"#), "duplicate key \"x0\"", "\(n) keys")
            XCTAssertEqual(error("{\(small),\"x\(n - 1)\":0}"), "duplicate key \"x\(n - 1)\"", "\(n) keys")
        }
    }

    func testRejectsInvalidUTF8() {
        for bad: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
                             [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0x61, 0x5C, 0x6E, 0xE2, 0x82, 0x22]] {
            guard case .failure(let e) = parseBytes(bad) else { XCTFail("accepted \(bad)"); continue }
            XCTAssertTrue(e.reason.contains("UTF-8"), e.reason)
        }
    }

    func testLimitsNesting() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertEqual(error(deep), "nested more than \(JSONParser.maxDepth) levels deep")
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        XCTAssertNil(error(ok))
    }

    func testWriterRoundTripsAndKeepsOneLine() throws {
        let text = #"{"kind":"x","v":1,"s":"line1\nline2 \"q\" \\ é 😀 \u0001","n":-0.5,"a":[],"o":{}}"#
        let v = try parse(text)
        let written = JSONWriter.string(v)
        XCTAssertEqual(written, text)
        XCTAssertFalse(written.contains("\n"))
        XCTAssertEqual(try parse(written), v)
    }
}
