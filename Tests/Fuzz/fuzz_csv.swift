// libFuzzer target: the CSV writer and reader. Bytes are split into fields;
// what the writer writes, the reader must read back to the same fields, and
// the reader must never crash on any input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? CSVReader.rows(bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    let fields = text.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
    var out: [UInt8] = []
    CSVWriter(crlf: size % 2 == 0, neutraliseFormulas: false).appendRow(fields, to: &out)
    guard let back = try? CSVReader.rows(out), back == [fields] else { fatalError("a written row does not read back: \(fields)") }
    return 0
}
