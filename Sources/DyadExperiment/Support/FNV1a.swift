/// FNV-1a, 64 bits (Fowler–Noll–Vo): a fast, stable hash of text, used for sweep-point keys
/// and scenario fingerprints (never for security).
package enum FNV1a {
    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
    package static func hash(_ text: String) -> UInt64 {
        hash(lines: [text])
    }

    /// The hash of `lines` concatenated, without building the concatenation.
    package static func hash(lines: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in lines {
            for byte in line.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }
}
