/// CRC-32 as ZIP uses it (APPNOTE 4.4.7: the IEEE 802.3 polynomial, reflected,
/// 0xEDB88320, starting from and finished with all ones), a byte at a time
/// from a 256-entry table. "123456789" gives 0xCBF43926.
public struct CRC32: Sendable {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The CRC of everything given so far.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var c = state
        CRC32.table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        state = c
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
