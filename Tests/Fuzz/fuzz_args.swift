// libFuzzer target: the argument parser and typed flags. Any argv
// (NUL-separated) must parse or fail with a usage error: never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgs(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let argv = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        .split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
    let exploitation = Flag<[ExploitationType]>("exploitation", value: "TYPE", help: "", each: .code)
    let claimedAge = Flag<Int?>("claimed-age", value: "N", help: "", .int(in: 0...120))
    let flags: [any AnyFlag] = [CommonFlag.asOf, CommonFlag.rejects, CommonFlag.pass, CommonFlag.append, CommonFlag.interactive,
                                CommonFlag.yes, CommonFlag.id, CommonFlag.help, CommonFlag.version, exploitation, claimedAge]
    let command = Command(name: "fuzz", summary: "", flags: flags) { _ in .ok }
    if let parsed = try? ArgumentParser.parse(argv, flags: command.allFlags) {
        let context = CommandContext(tool: "fuzz", command: command, arguments: parsed, environment: .system(),
                                     output: OutputSink(fd: -1, name: "none"), diagnostics: Diagnostics(tool: "fuzz") { _ in })
        _ = try? context[CommonFlag.asOf]
        _ = try? context[claimedAge]
        _ = try? context[exploitation]
        _ = try? context[CommonFlag.id]
    }
    return 0
}
