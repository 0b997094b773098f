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

    /// A line's offset finds its exact bytes again in the file (`--rejects`
    /// reads them back rather than holding them), across slides of a small
    /// buffer, its growth, an over-long line, CRLF, a BOM and a last line
    /// with no newline; from a file read from an offset, and from a range.
    func testOffsetsFindEachLineAgain() throws {
        var text: [UInt8] = Array("\u{FEFF}first\r\n".utf8)
        for k in 0..<40 { text += Array("line \(k) \(String(repeating: "w", count: k * 3))\(k % 3 == 0 ? "\r" : "")\n".utf8) }
        text += Array("\(String(repeating: "o", count: 300))\n\n  \t\nlast".utf8)
        let path = NSTemporaryDirectory() + "/linereader-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try Data(text).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        defer { close(fd); unlink(path) }
        func check(_ reader: LineReader, from start: Int) throws {
            var seen = 0
            try reader.forEachLine { line in
                guard line.overlongLength == nil else { return }
                XCTAssertGreaterThanOrEqual(line.offset, start)
                let again = try OpenedInput(name: "t", fd: fd).bytes(at: line.offset, count: line.raw.count)
                XCTAssertEqual(again, Array(line.raw), "line \(line.number)")
                seen += 1
            }
            XCTAssertGreaterThan(seen, 20)
        }
        try check(LineReader(fd: fd, maxLineBytes: 200), from: 0)
        XCTAssertEqual(lseek(fd, 9, SEEK_SET), 9)
        try check(LineReader(fd: fd, maxLineBytes: 64, end: text.count), from: 9)
        try check(LineReader(fd: fd, maxLineBytes: 64, range: 9..<text.count, atStart: false), from: 9)
        XCTAssertThrowsError(try OpenedInput(name: "t", fd: fd).bytes(at: text.count - 2, count: 3), "past the end: the file shrank")
    }
}
