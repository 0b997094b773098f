// libFuzzer target: the NDJSON scanner. The tree parser and the field scanner
// share one lexer and must agree on every input: a line one accepts and the
// other refuses is a bug, and so is any crash, hang or sanitizer report.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = UnsafeBufferPointer(start: data, count: size)
    var parsed: JSONValue?
    var parserError: JSONSyntaxError?
    do throws(JSONSyntaxError) { parsed = try JSONParser.parse(line) } catch { parserError = error }
    let scanner = FieldScanner(paths: ["kind", "id", "subject.dob", "a.b.c", "kind"])
    var scannedOK = true
    do { _ = try scanner.scan(line) } catch { scannedOK = false }
    // The scanner refuses a duplicate only among the keys it picks; the parser refuses every duplicate.
    if scannedOK, let e = parserError, !e.reason.hasPrefix("duplicate key") { fatalError("the scanner accepted what the parser refused: \(e.message)") }
    if let v = parsed {
        if !scannedOK { fatalError("the parser accepted what the scanner refused") }
        // Written back, a value parses to itself.
        var out: [UInt8] = []
        JSONWriter.write(v, into: &out)
        guard (try? JSONParser.parse(out)) == v else { fatalError("a written value does not read back") }
    }
    return 0
}
