import Foundation

/// Where a ZIP archive is written: appended to, and a local header patched
/// once its entry's CRC and size are known.
public protocol ZIPDestination: AnyObject {
    func write(_ bytes: [UInt8]) throws
    /// Overwrites bytes already written.
    func overwrite(at offset: Int, with bytes: [UInt8]) throws
}

/// An archive built in memory (tests, small tables).
public final class ZIPBytes: ZIPDestination {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ bytes: [UInt8]) throws { self.bytes.append(contentsOf: bytes) }
    public func overwrite(at offset: Int, with bytes: [UInt8]) throws {
        self.bytes.replaceSubrange(offset..<offset + bytes.count, with: bytes)
    }
}

extension OutputSink: ZIPDestination {
    public func overwrite(at offset: Int, with bytes: [UInt8]) throws {
        try flush()
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
            if n > 0 { done += n; continue }
            if n < 0, errno == EINTR { continue }
            throw OutputError(description: "cannot write to \(name): \(String(cString: strerror(errno)))", exitCode: .ioError)
        }
    }
}

/// A ZIP archive of stored (uncompressed) entries, as APPNOTE 6.3 describes:
/// each entry's local header, its bytes, then the central directory and its
/// end record. An entry is streamed: its local header is written with a zero
/// CRC and size and patched when the entry ends, so a large entry is never
/// held in memory and no data descriptor is needed. No ZIP64: an archive
/// that would pass 4 GiB is refused. Every entry is dated 1980-01-01 00:00
/// (the DOS epoch), so the same input gives the same bytes.
public final class ZIPWriter {
    struct Entry {
        let name: [UInt8]
        let offset: Int
        var crc = CRC32()
        var size = 0
    }

    /// The largest size or offset a ZIP without ZIP64 can record.
    public static let limit = Int(UInt32.max)

    let destination: any ZIPDestination
    let name: String
    var offset = 0
    var done: [Entry] = []
    var current: Entry?

    /// `name` is the archive's name, for messages.
    public init(to destination: any ZIPDestination, name: String) {
        self.destination = destination
        self.name = name
    }

    /// Starts an entry; its bytes follow with `write`, and `end` closes it.
    public func begin(_ entryName: String) throws {
        precondition(current == nil, "one entry at a time")
        let entry = Entry(name: Array(entryName.utf8), offset: offset)
        try emit(ZIPWriter.localHeader(entry))
        current = entry
    }

    public func write(_ bytes: [UInt8]) throws {
        precondition(current != nil, "write within an entry")
        current!.crc.update(bytes)
        current!.size += bytes.count
        try emit(bytes)
    }

    public func end() throws {
        guard let entry = current else { preconditionFailure("end of no entry") }
        current = nil
        try destination.overwrite(at: entry.offset, with: ZIPWriter.localHeader(entry))
        done.append(entry)
    }

    /// One whole entry.
    public func add(_ entryName: String, _ bytes: [UInt8]) throws {
        try begin(entryName)
        try write(bytes)
        try end()
    }

    /// Writes the central directory and its end record.
    public func finish() throws {
        precondition(current == nil, "finish with an entry open")
        let start = offset
        for entry in done {
            var h: [UInt8] = []
            h.le32(0x0201_4B50)          // central file header signature
            h.le16(20); h.le16(10)       // made by: 2.0 (MS-DOS attributes); needed to extract: 1.0 (stored)
            h.le16(0); h.le16(0)         // flags; method 0: stored
            h.le16(0); h.le16(0x21)      // time 00:00:00; date 1980-01-01
            h.le32(entry.crc.value); h.le32(UInt32(entry.size)); h.le32(UInt32(entry.size))
            h.le16(UInt16(entry.name.count)); h.le16(0); h.le16(0)   // name, extra field and comment lengths
            h.le16(0); h.le16(0); h.le32(0)                         // disk number, internal and external attributes
            h.le32(UInt32(entry.offset))
            h += entry.name
            try emit(h)
        }
        var e: [UInt8] = []
        e.le32(0x0605_4B50)              // end of central directory signature
        e.le16(0); e.le16(0)             // this disk, the directory's disk
        e.le16(UInt16(done.count)); e.le16(UInt16(done.count))
        e.le32(UInt32(offset - start)); e.le32(UInt32(start))
        e.le16(0)                        // comment length
        try emit(e)
    }

    static func localHeader(_ entry: Entry) -> [UInt8] {
        var h: [UInt8] = []
        h.le32(0x0403_4B50)              // local file header signature
        h.le16(10); h.le16(0); h.le16(0) // needed to extract: 1.0; flags; method 0: stored
        h.le16(0); h.le16(0x21)          // time 00:00:00; date 1980-01-01
        h.le32(entry.crc.value); h.le32(UInt32(entry.size)); h.le32(UInt32(entry.size))
        h.le16(UInt16(entry.name.count)); h.le16(0)
        return h + entry.name
    }

    func emit(_ bytes: [UInt8]) throws {
        // Sizes and offsets are 32-bit without ZIP64, and the directory's end record must fit too.
        guard offset + bytes.count + 4096 < ZIPWriter.limit else {
            throw CommandFailure("cannot write \(name): it would pass 4 GiB, the most a ZIP file without ZIP64 holds; "
                                 + "write CSV, or fewer records or columns", exitCode: .cannotCreate)
        }
        try destination.write(bytes)
        offset += bytes.count
    }
}

extension [UInt8] {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for k in 0..<4 { append(UInt8((v >> (8 * k)) & 0xFF)) } }
}
