/// The field scanner's quick pass (issue 17): the same walk as `scanObject`,
/// over raw memory, with no throwing and no per-token calls, and the values
/// no column asks for skipped by one flat loop (a bit a level says object or
/// array) rather than by recursion. It validates as much as the careful pass
/// does: every string (a string holding an escape, a control character or a
/// byte over 0x7F is handed to `JSONCursor.string`, the careful lexer), every
/// number and literal, the grammar between them, and duplicate picked keys.
/// Where it meets anything it does not take (an error, an escaped key, a line
/// that is not an object, nesting past `quickDepth`), it says so and the
/// careful pass scans the line again, so a bad line's message, and every
/// cell, is the careful pass's own.
extension FieldScanner {
    /// Nesting deeper than this goes to the careful pass (which allows `JSONParser.maxDepth`).
    static let quickDepth = 64

    /// Fills `cells` (all missing on entry) for an object line; false where the
    /// careful pass must scan the line instead (the cells are then to be cleared).
    func quickScan(_ line: UnsafeBufferPointer<UInt8>, _ cells: UnsafeMutableBufferPointer<Cell>) -> Bool {
        guard let b = line.baseAddress else { return false }
        let end = line.count
        var i = Quick.space(b, 0, end)
        guard i < end, b[i] == UInt8(ascii: "{") else { return false }
        var c = JSONCursor(line)
        i = quickObject(b, i, end, 0, cells, depth: 0, &c)
        guard i >= 0 else { return false }
        return Quick.space(b, i, end) == end
    }

    /// At the `{` of an object whose keys are looked up at `level`: the index after its `}`, or -1.
    func quickObject(_ b: UnsafePointer<UInt8>, _ open: Int, _ end: Int, _ level: Int, _ cells: UnsafeMutableBufferPointer<Cell>,
                     depth: Int, _ c: inout JSONCursor) -> Int {
        guard depth < FieldScanner.quickDepth else { return -1 }
        var i = Quick.space(b, open &+ 1, end)
        guard i < end else { return -1 }
        if b[i] == UInt8(ascii: "}") { return i &+ 1 }
        while true {
            guard i < end, b[i] == UInt8(ascii: "\"") else { return -1 }
            var escaped = false
            let keyEnd = Quick.string(b, i, end, &escaped)
            guard keyEnd >= 0, !escaped else { return -1 }
            let key = (range: (i &+ 1)..<(keyEnd &- 1), escaped: false)
            i = Quick.colon(b, keyEnd, end)
            guard i >= 0 else { return -1 }
            let child = match(key, in: level, &c)
            if child >= 0 {
                let column = levels[child].column
                if column >= 0 {
                    // A duplicate picked key: the careful pass names it.
                    guard case .missing = cells[column] else { return -1 }
                    let start = i
                    switch b[i] {
                    case UInt8(ascii: "\""):
                        var escaped = false
                        i = Quick.string(b, i, end, &escaped)
                        guard i >= 0 else { return -1 }
                        cells[column] = .string((start &+ 1)..<(i &- 1), escaped: escaped)
                    case UInt8(ascii: "n"):
                        i = Quick.literal(b, i, end, Quick.null, 4)
                        guard i >= 0 else { return -1 }
                        cells[column] = .null
                    case UInt8(ascii: "{") where levels[child].entryCount > 0:
                        i = quickObject(b, i, end, child, cells, depth: depth &+ 1, &c)
                        guard i >= 0 else { return -1 }
                        cells[column] = .composite(start..<i)
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        i = Quick.skip(b, i, end, depth: depth &+ 1)
                        guard i >= 0 else { return -1 }
                        cells[column] = .composite(start..<i)
                    default:
                        i = Quick.skip(b, i, end, depth: depth &+ 1)
                        guard i >= 0 else { return -1 }
                        cells[column] = .scalar(start..<i)
                    }
                    let l = levels[child]
                    for k in l.firstCopy..<(l.firstCopy &+ l.copyCount) { cells[copies[k]] = cells[column] }
                } else if b[i] == UInt8(ascii: "{") {
                    i = quickObject(b, i, end, child, cells, depth: depth &+ 1, &c)
                } else {
                    i = Quick.skip(b, i, end, depth: depth &+ 1)
                }
            } else {
                i = Quick.skip(b, i, end, depth: depth &+ 1)
            }
            guard i >= 0 else { return -1 }
            i = Quick.space(b, i, end)
            guard i < end else { return -1 }
            if b[i] == UInt8(ascii: ",") {
                i = Quick.space(b, i &+ 1, end)
                continue
            }
            return b[i] == UInt8(ascii: "}") ? i &+ 1 : -1
        }
    }
}

/// The quick pass's lexer: each function returns the index after what it
/// read, or -1 where the careful pass must look.
enum Quick {
    @inline(__always)
    static func space(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            let c = b[i]
            guard c <= 0x20, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { return i }
            i &+= 1
        }
        return i
    }

    /// After a key's closing quote: past the `:` and the space after it, at a value.
    @inline(__always)
    static func colon(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        if i < end, b[i] != UInt8(ascii: ":") { i = space(b, i, end) }
        guard i < end, b[i] == UInt8(ascii: ":") else { return -1 }
        i = space(b, i &+ 1, end)
        return i < end ? i : -1
    }

    /// A string at its opening quote. Plain ASCII is looked through eight bytes
    /// at a time for the closing quote; a string with anything else in it is
    /// the careful lexer's (which validates escapes, surrogates and UTF-8).
    @inline(__always)
    static func string(_ b: UnsafePointer<UInt8>, _ open: Int, _ end: Int, _ escaped: inout Bool) -> Int {
        var j = open &+ 1
        while end &- j >= 8 {
            let mask = JSONCursor.attention(UnsafeRawPointer(b + j).loadUnaligned(as: UInt64.self))
            if mask != 0 {
                j &+= mask.trailingZeroBitCount &>> 3
                return b[j] == UInt8(ascii: "\"") ? j &+ 1 : carefulString(b, open, end, &escaped)
            }
            j &+= 8
        }
        while j < end {
            let c = b[j]
            if c == UInt8(ascii: "\"") { return j &+ 1 }
            if c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { return carefulString(b, open, end, &escaped) }
            j &+= 1
        }
        return -1
    }

    @inline(never)
    static func carefulString(_ b: UnsafePointer<UInt8>, _ open: Int, _ end: Int, _ escaped: inout Bool) -> Int {
        var c = JSONCursor(UnsafeBufferPointer(start: b, count: end))
        c.i = open
        do throws(JSONSyntaxError) {
            escaped = try c.string().escaped
            return c.i
        } catch {
            return -1
        }
    }

    static let null = UInt32(littleEndian: 0x6C6C_756E), true4 = UInt32(littleEndian: 0x6575_7274), fals = UInt32(littleEndian: 0x736C_6166)

    /// A four-letter literal whose bytes, little-endian, are `word`; `length` 5 is `false` (`fals` then `e`).
    @inline(__always)
    static func literal(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int, _ word: UInt32, _ length: Int) -> Int {
        guard end &- i >= length, UInt32(littleEndian: UnsafeRawPointer(b + i).loadUnaligned(as: UInt32.self)) == word else { return -1 }
        if length == 5, b[i &+ 4] != UInt8(ascii: "e") { return -1 }
        return i &+ length
    }

    /// A number, as `JSONCursor.number` reads one.
    @inline(__always)
    static func number(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        @inline(__always) func digit(_ j: Int) -> Bool { j < end && b[j] &- 0x30 < 10 }
        var j = start
        if b[j] == UInt8(ascii: "-") { j &+= 1 }
        guard digit(j) else { return -1 }
        if b[j] == UInt8(ascii: "0") { j &+= 1 } else { while digit(j) { j &+= 1 } }
        if j < end, b[j] == UInt8(ascii: ".") {
            j &+= 1
            guard digit(j) else { return -1 }
            while digit(j) { j &+= 1 }
        }
        if j < end, b[j] | 0x20 == UInt8(ascii: "e") {
            j &+= 1
            if j < end, b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-") { j &+= 1 }
            guard digit(j) else { return -1 }
            while digit(j) { j &+= 1 }
        }
        return j
    }

    /// Skips the value at `start` (not a space), validating it: nested arrays
    /// and objects in one loop, a bit a level for which one is open.
    static func skip(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, depth: Int) -> Int {
        var i = start
        var objects: UInt64 = 0   // bit k: the container k levels down is an object
        var open = 0
        var atKey = false         // at an object member's key, not a value
        while true {
            guard i < end else { return -1 }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                var escaped = false
                i = string(b, i, end, &escaped)
                if i < 0 { return -1 }
                if atKey {
                    i = colon(b, i, end)
                    if i < 0 { return -1 }
                    atKey = false
                    continue
                }
            } else if atKey {
                return -1
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                guard depth &+ open < FieldScanner.quickDepth else { return -1 }
                let isObject = c == UInt8(ascii: "{")
                i = space(b, i &+ 1, end)
                guard i < end else { return -1 }
                if b[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i &+= 1
                } else {
                    open &+= 1
                    objects = objects &<< 1 | (isObject ? 1 : 0)
                    atKey = isObject
                    continue
                }
            } else {
                switch c {
                case UInt8(ascii: "t"): i = literal(b, i, end, true4, 4)
                case UInt8(ascii: "f"): i = literal(b, i, end, fals, 5)
                case UInt8(ascii: "n"): i = literal(b, i, end, null, 4)
                default: i = number(b, i, end)
                }
                if i < 0 { return -1 }
            }
            // After a value: the next member, or the ends of the containers it closes.
            while true {
                if open == 0 { return i }
                i = space(b, i, end)
                guard i < end else { return -1 }
                let inObject = objects & 1 != 0
                if b[i] == UInt8(ascii: ",") {
                    i = space(b, i &+ 1, end)
                    atKey = inObject
                    break
                }
                guard b[i] == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return -1 }
                i &+= 1
                open &-= 1
                objects &>>= 1
            }
        }
    }
}
