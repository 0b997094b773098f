import XCTest

/// Rules of the layout that the compiler cannot check alone.
final class StructureTests: XCTestCase {
    func swiftFiles(under folder: String) throws -> [(String, String)] {
        let root = Tools.packageRoot.appendingPathComponent(folder)
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertFalse(paths.isEmpty, folder)
        return try paths.map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The core neither prints nor exits: the command-line layer does both.
    func testTheCoreNeitherPrintsNorExits() throws {
        for (path, text) in try swiftFiles(under: "Sources/SafeguardCore") {
            for call in ["print(", "exit(", "fputs(", "FileHandle.standardOutput", "FileHandle.standardError", "STDOUT_FILENO", "STDERR_FILENO"] {
                XCTAssertFalse(text.contains(call), "SafeguardCore/\(path) calls \(call)")
            }
        }
    }

    /// Commands read flags through their typed declarations (`context[flag]`), never by name.
    func testNoCommandReadsAFlagByName() throws {
        for tool in Tools.names {
            for (path, text) in try swiftFiles(under: "Sources/\(tool)") {
                XCTAssertFalse(text.contains(".arguments"), "\(tool)/\(path) reads the parsed arguments directly")
                XCTAssertFalse(text.contains("ParsedArguments"), "\(tool)/\(path) reads the parsed arguments directly")
            }
        }
    }
}
