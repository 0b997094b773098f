import XCTest
@testable import SafeguardCore

final class SafeFileTests: XCTestCase {
    func temporaryPath(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "/safefile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    func mode(_ path: String) -> mode_t {
        var st = stat()
        stat(path, &st)
        return st.st_mode & 0o777
    }

    func testAppendCreatesAPrivateFileWhateverTheUmask() throws {
        let old = umask(0)
        defer { umask(old) }
        let path = temporaryPath("case.ndjson")
        try SafeFile.append(Array("{\"a\":1}\n".utf8), to: path)
        XCTAssertEqual(mode(path), 0o600)
        let rejects = temporaryPath("rejects")
        close(try SafeFile.create(path: rejects))
        XCTAssertEqual(mode(rejects), 0o600)
    }

    func testAppendCutsAnUnfinishedLineLeftByAKilledWriter() throws {
        let path = temporaryPath("case.ndjson")
        try "{\"a\":1}\n{\"b\":".write(toFile: path, atomically: false, encoding: .utf8)
        let cut = try SafeFile.append(Array("{\"c\":3}\n".utf8), to: path)
        XCTAssertEqual(cut, 5)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"a\":1}\n{\"c\":3}\n")
    }

    func testAppendToAFileWithNoNewlineAtAll() throws {
        let path = temporaryPath("case.ndjson")
        try "partial".write(toFile: path, atomically: false, encoding: .utf8)
        try SafeFile.append(Array("x\n".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "x\n")
    }
}
