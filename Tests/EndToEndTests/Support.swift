import Foundation
import XCTest

/// Runs the built tools as a shell would: real processes, real pipes and files.
enum Tools {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where the built binaries are: $SAFEGUARD_BIN, else beside the test bundle, else .build/debug.
    static let binDir: URL = {
        if let env = ProcessInfo.processInfo.environment["SAFEGUARD_BIN"] { return URL(fileURLWithPath: env) }
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          packageRoot.appendingPathComponent(".build/debug")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("nrm-referral").path) } ?? candidates[1]
    }()

    static let names = ["nrm-referral", "age-assess", "missing-child", "care-plan", "csv-report"]

    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
        /// Lines split on LF bytes (a Swift String would keep CRLF as one character).
        var lines: [String] { stdout.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) } }
    }

    /// A fresh private directory for one test.
    static func scratch() -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("safeguard-e2e-\(getpid())-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `tool args` with `stdin` (empty when nil), capturing both streams through files.
    @discardableResult
    static func run(_ tool: String, _ args: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Result {
        let exe = tool.hasPrefix("/") ? URL(fileURLWithPath: tool) : binDir.appendingPathComponent(tool)
        return try process(exe, args, stdin: stdin, cwd: cwd)
    }

    static func sh(_ script: String, stdin: Data? = nil, cwd: URL? = nil) throws -> Result {
        try process(URL(fileURLWithPath: "/bin/sh"), ["-c", script], stdin: stdin, cwd: cwd,
                    path: binDir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"))
    }

    static func process(_ exe: URL, _ args: [String], stdin: Data?, cwd: URL?, path: String? = nil) throws -> Result {
        let dir = scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in"), outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        try (stdin ?? Data()).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        if let path {
            var env = ProcessInfo.processInfo.environment
            env["PATH"] = path
            p.environment = env
        }
        p.standardInput = try FileHandle(forReadingFrom: inURL)
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Checks NDJSON against `Schemas/` with Python's jsonschema, an independent validator.
    static func assertValidAgainstSchemas(_ ndjson: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(ndjson.isEmpty, "nothing to validate", file: file, line: line)
        let r = try process(URL(fileURLWithPath: "/usr/bin/env"),
                            ["python3", packageRoot.appendingPathComponent("Tests/Support/validate_records.py").path,
                             packageRoot.appendingPathComponent("Schemas").path], stdin: ndjson, cwd: nil)
        XCTAssertEqual(r.status, 0, "schema validation failed:\n\(r.stderr)\(r.out)", file: file, line: line)
    }
}

extension String {
    var data: Data { Data(utf8) }
}
