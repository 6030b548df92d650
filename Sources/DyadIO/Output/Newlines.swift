/// Counts line breaks in bytes eight at a time (SWAR), for the row counts of concatenated
/// fragments: under one instruction per byte instead of a compare and branch per byte.
enum Newlines {
    /// The number of `\n` bytes in `bytes[start..<end]`.
    static func count(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        precondition(start >= 0 && start <= end && end <= bytes.count, "range out of bounds")
        return bytes.withUnsafeBytes { raw in
            let ones: UInt64 = 0x0101_0101_0101_0101
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            var total = 0
            var index = start
            while index + 8 <= end {
                // Per byte lane, how many '\n' were seen (at most 255 words per round).
                var lanes: UInt64 = 0
                var words = 0
                while words < 255 && index + 8 <= end {
                    // A byte of `word` is zero exactly where the input byte is '\n'; its high bit
                    // in `nonzero` is set exactly where it is not (no carries across bytes).
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 10)
                    let nonzero = (((word & low7) &+ low7) | word) & ~low7
                    lanes &+= (~nonzero & ~low7) &>> 7
                    index += 8
                    words += 1
                }
                // Eight lanes of at most 255 each: add them in 16-bit lanes, then across.
                let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes &>> 8) & 0x00FF_00FF_00FF_00FF)
                total += Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
            }
            while index < end {
                if raw[index] == 10 { total += 1 }
                index += 1
            }
            return total
        }
    }
}
