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

    func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    func exitCode(_ body: () throws -> Void) -> ExitCode? {
        do { try body() } catch let e as CommandFailure { return e.exitCode } catch let e as OutputError { return e.exitCode } catch { return .software }
        return nil
    }

    /// A file written whole (a workbook): 0600, renamed into place; a failure
    /// part-way leaves the old file as it was and no temporary file.
    func testReplaceWritesWholeOrNotAtAll() throws {
        let old = umask(0)
        defer { umask(old) }
        let path = temporaryPath("book.xlsx")
        let dir = (path as NSString).deletingLastPathComponent
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        struct Failed: Error {}
        XCTAssertThrowsError(try SafeFile.replace(path: path) { sink in
            try sink.write("half")
            try sink.flush()
            throw Failed()
        })
        XCTAssertEqual(contents(path), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["book.xlsx"], "no temporary file left")
        try SafeFile.replace(path: path) { try $0.write("new") }
        XCTAssertEqual(contents(path), "new")
        XCTAssertEqual(mode(path), 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["book.xlsx"])
        // Refused as any output is: a link (73), an input (64); nothing written.
        let link = temporaryPath("link.xlsx")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        XCTAssertEqual(exitCode { try SafeFile.replace(path: link) { try $0.write("x") } }, .cannotCreate)
        XCTAssertEqual(exitCode { try SafeFile.replace(path: path, inputs: [FileIdentity(path: path)!]) { try $0.write("x") } }, .usage)
        XCTAssertEqual(contents(path), "new")
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

    /// A complete last record without its newline is kept, and gets the newline.
    func testACompleteLastRecordWithoutANewlineIsKept() throws {
        let path = temporaryPath("case.ndjson")
        try "{\"a\":1}\n{\"b\":2}".write(toFile: path, atomically: false, encoding: .utf8)
        let done = try SafeFile.append(Array("{\"c\":3}\n".utf8), to: path)
        XCTAssertTrue(done.addedNewline)
        XCTAssertEqual(done.tornBytes, 0)
        XCTAssertEqual(contents(path), "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".torn"))
        // One record and no newline at all: still kept.
        let one = temporaryPath("one.ndjson")
        try "{\"only\":1}".write(toFile: one, atomically: false, encoding: .utf8)
        try SafeFile.append(Array("{\"c\":3}\n".utf8), to: one)
        XCTAssertEqual(contents(one), "{\"only\":1}\n{\"c\":3}\n")
    }

    /// An unfinished record is moved byte for byte to FILE.torn (appended to, 0600), never deleted.
    func testAnUnfinishedRecordMovesToTheTornFile() throws {
        let path = temporaryPath("case.ndjson")
        try "{\"a\":1}\n{\"b\":".write(toFile: path, atomically: false, encoding: .utf8)
        let done = try SafeFile.append(Array("{\"c\":3}\n".utf8), to: path)
        XCTAssertEqual(done.tornBytes, 5)
        XCTAssertEqual(done.tornPath, path + ".torn")
        XCTAssertEqual(contents(path), "{\"a\":1}\n{\"c\":3}\n")
        XCTAssertEqual(contents(path + ".torn"), "{\"b\":\n")
        XCTAssertEqual(mode(path + ".torn"), 0o600)
        // A second torn tail is added after the first, never over it.
        try FileHandle(forWritingAtPath: path)!.seekToEndAndWrite("partial")
        try SafeFile.append(Array("x\n".utf8), to: path)
        XCTAssertEqual(contents(path), "{\"a\":1}\n{\"c\":3}\nx\n")
        XCTAssertEqual(contents(path + ".torn"), "{\"b\":\npartial\n")
    }

    func testDangerousOutputsAreRefusedAndLeftAlone() throws {
        let dir = temporaryPath("d")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let target = dir + "/target"
        try "keep\n".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o644)
        symlink(target, dir + "/link")
        mkfifo(dir + "/fifo", 0o600)
        let line = Array("{}\n".utf8)
        XCTAssertEqual(exitCode { try SafeFile.append(line, to: dir + "/link") }, .cannotCreate)
        XCTAssertEqual(exitCode { try SafeFile.append(line, to: dir + "/fifo") }, .cannotCreate, "and it did not hang")
        XCTAssertEqual(exitCode { try SafeFile.append(line, to: dir) }, .cannotCreate)
        XCTAssertEqual(exitCode { _ = try SafeFile.create(path: "/dev/null") }, .cannotCreate)
        XCTAssertEqual(exitCode { _ = try SafeFile.create(path: dir + "/link") }, .cannotCreate)
        XCTAssertEqual(contents(target), "keep\n")
        XCTAssertEqual(mode(target), 0o644, "the link's target was not chmodded")
        // The same file as an input, by name or through a link: exit 64.
        let input = Set([FileIdentity(path: target)!])
        XCTAssertEqual(exitCode { try SafeFile.append(line, to: target, inputs: input) }, .usage)
        XCTAssertEqual(exitCode { _ = try SafeFile.create(path: dir + "/link", inputs: input) }, .usage)
        link(target, dir + "/hard")
        XCTAssertEqual(exitCode { _ = try SafeFile.create(path: dir + "/hard", inputs: input) }, .usage)
        XCTAssertEqual(contents(target), "keep\n")
        // A file of one's own with a wider mode is narrowed.
        let (fd, narrowed) = try SafeFile.openOutput(path: target, mode: .append, inputs: [])
        close(fd)
        XCTAssertTrue(narrowed)
        XCTAssertEqual(mode(target), 0o600)
    }

    /// The check sees the file from its start, under the lock; if it throws, nothing is written.
    func testTheCheckSeesTheFileAndCanRefuse() throws {
        let path = temporaryPath("case.ndjson")
        try "{\"kind\":\"a\",\"v\":1}\n{\"kind\":\"b\",\"v\":1}".write(toFile: path, atomically: false, encoding: .utf8)
        var seen: [String] = []
        let check: (OpenedInput) throws -> Void = { input in
            try LineReader(fd: input.fd, end: input.end).forEachLine { seen.append(String(decoding: $0.bytes, as: UTF8.self)) }
        }
        try SafeFile.append(Array("{\"kind\":\"c\",\"v\":1}\n".utf8), to: path, check: check)
        XCTAssertEqual(seen, ["{\"kind\":\"a\",\"v\":1}", "{\"kind\":\"b\",\"v\":1}"])
        let before = contents(path)
        XCTAssertThrowsError(try SafeFile.append(Array("{}\n".utf8), to: path) { _ in throw RecordError("no") })
        XCTAssertEqual(contents(path), before)
        // The check may read the file with the reader's own rules and never deadlocks on the lock.
        try SafeFile.append(Array("{}\n".utf8), to: path) { input in
            var opened = [input]
            opened[0].end = input.end
            try forEachLine(in: opened, diagnostics: Diagnostics(tool: "t") { _ in }) { _, _ in }
        }
    }

    /// A reader stops at the size the file had when opened.
    func testAReaderStopsAtTheSizeWhenOpened() throws {
        let path = temporaryPath("case.ndjson")
        try "{\"a\":1}\n".write(toFile: path, atomically: false, encoding: .utf8)
        let opened = try InputFiles([path]).open()
        defer { opened.forEach { $0.close() } }
        XCTAssertEqual(opened[0].end, 8)
        try SafeFile.append(Array("{\"b\":2}\n".utf8), to: path)
        var lines = 0
        try forEachLine(in: opened, diagnostics: Diagnostics(tool: "t") { _ in }) { _, _ in lines += 1 }
        XCTAssertEqual(lines, 1)
        XCTAssertTrue(InputRegistry.all.contains(FileIdentity(path: path)!), "inputs are registered")
    }

    func testCompleteJSON() {
        for (text, whole) in [("{\"a\":1}", true), ("{\"a\":", false), ("  ", true), ("{\"a\":\"x", false), ("[1,2]", true), ("{} x", false)] {
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer { JSONParser.isComplete($0) }, whole, text)
        }
    }
}

extension FileHandle {
    func seekToEndAndWrite(_ text: String) throws {
        try seekToEnd()
        try write(contentsOf: Data(text.utf8))
        try close()
    }
}
