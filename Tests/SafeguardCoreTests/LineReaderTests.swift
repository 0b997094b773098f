import XCTest
@testable import SafeguardCore

final class LineReaderTests: XCTestCase {
    /// Reads `bytes` through a pipe and returns (number, text or length) per line.
    func lines(_ bytes: [UInt8], max: Int = LineReader.defaultMaxLineBytes) throws -> [(Int, String, Int?)] {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let (readFD, writeFD) = (fds[0], fds[1])
        let writer = Thread {
            bytes.withUnsafeBytes { b in
                var off = 0
                while off < b.count { off += write(writeFD, b.baseAddress! + off, b.count - off) }
            }
            close(writeFD)
        }
        writer.start()
        defer { close(readFD) }
        var out: [(Int, String, Int?)] = []
        let reader = LineReader(fd: readFD, maxLineBytes: max)
        try reader.forEachLine { out.append(($0.number, String(decoding: $0.bytes, as: UTF8.self), $0.overlongLength)) }
        return out
    }

    func testSplitsLinesAndHandlesEndings() throws {
        let got = try lines(Array("\u{FEFF}one\r\ntwo\n\nthree".utf8))
        XCTAssertEqual(got.map(\.0), [1, 2, 3, 4])
        XCTAssertEqual(got.map(\.1), ["one", "two", "", "three"])
    }

    func testLongLinesAcrossBufferGrowth() throws {
        let long = String(repeating: "x", count: 3_000_000)
        let got = try lines(Array("a\n\(long)\nb\n".utf8))
        XCTAssertEqual(got.map(\.1.count), [1, 3_000_000, 1])
    }

    func testOverlongLineIsSkippedAndCounted() throws {
        let got = try lines(Array("short\n\(String(repeating: "y", count: 100))\nnext\n\(String(repeating: "z", count: 50))".utf8), max: 16)
        XCTAssertEqual(got.map(\.0), [1, 2, 3, 4])
        XCTAssertEqual(got.map(\.1), ["short", "", "next", ""])
        XCTAssertEqual(got.map(\.2), [nil, 100, nil, 50])
    }

    func testLineExactlyAtTheLimit() throws {
        let got = try lines(Array("\(String(repeating: "q", count: 16))\n\(String(repeating: "r", count: 17))\n".utf8), max: 16)
        XCTAssertEqual(got.map(\.2), [nil, 17])
    }
}
