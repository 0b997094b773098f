/// An array that grows a chunk of 65,536 elements at a time. An `Array`
/// doubles, copying: while it grows the old and the new storage are both
/// held, half again what it needs, and unused capacity is left over. For a
/// fold's millions of facts this wastes tens of megabytes (issue 17: flat
/// memory); here growth never copies what is held, and at most one chunk is
/// part empty. A small input keeps a small first chunk.
struct ChunkedArray<Element> {
    static var chunkShift: Int { 16 }
    static var chunkMask: Int { (1 << chunkShift) - 1 }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ element: Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            // The first chunk grows as an array does; the next ones are full at once.
            if count > 0 { chunk.reserveCapacity(1 << Self.chunkShift) }
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    subscript(k: Int) -> Element {
        get { chunks[k >> Self.chunkShift][k & Self.chunkMask] }
        _modify { yield &chunks[k >> Self.chunkShift][k & Self.chunkMask] }
    }

    /// Lets go of every element.
    mutating func removeAll() {
        chunks = []
        count = 0
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }
}
