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
    // The quick pass takes a line only where the careful pass gives the same cells.
    for k in scanner.cells.indices { scanner.cells[k] = .missing }
    let quickTook = scanner.quickScan(line, scanner.cells)
    let quickCells = Array(scanner.cells)
    let careful = Result { () throws(JSONSyntaxError) -> Bool in try scanner.scan(line, quick: false) }
    if quickTook, (try? careful.get()) != true || Array(scanner.cells) != quickCells { fatalError("the quick pass took a line the careful pass reads otherwise") }
    var scannedOK = true
    do { _ = try scanner.scan(line) } catch { scannedOK = false }
    if Result(catching: { () throws(JSONSyntaxError) -> Bool in try scanner.scan(line) }) != careful { fatalError("the scan's answer is not the careful pass's") }
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
