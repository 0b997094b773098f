// libFuzzer target: the date and date-time parsers. What parses must print
// and parse back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let d = CivilDate(text) {
        guard CivilDate(d.description) == d, d.description == text else { fatalError("date does not round-trip: \(text)") }
        _ = d.age(on: d.adding(days: size))
        _ = d.birthday(turning: 18)
    }
    for strict in [false, true] {
        if let t = DateTime(text, requireSeconds: strict) {
            guard let back = DateTime(t.description, requireSeconds: true), back == t, back.offsetMinutes == t.offsetMinutes else {
                fatalError("date-time does not round-trip: \(text)")
            }
            _ = t.localDate
        }
    }
    return 0
}
