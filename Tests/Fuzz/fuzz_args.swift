// libFuzzer target: the argument parser. Any argv (NUL-separated) must parse
// or fail with a usage error: never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgs(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let argv = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        .split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
    let flags: [Flag] = [.asOf, .rejects, .pass, .append, .interactive, .yes, .id, .help, .version,
                         Flag("exploitation", value: "TYPE", help: "", repeatable: true), Flag("claimed-age", value: "N", help: "")]
    if let parsed = try? ArgumentParser.parse(argv, flags: flags) {
        _ = try? parsed.date("as-of")
        _ = try? parsed.int("claimed-age", in: 0...120)
        _ = try? parsed.codes("exploitation", ExploitationType.self)
        _ = parsed.list("exploitation")
    }
    return 0
}
