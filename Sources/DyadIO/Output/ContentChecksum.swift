/// XXH64 (seed 0), computed incrementally: the 64-bit content checksum of every output file,
/// recorded in `manifest.json` and verified by `dyadsim merge` and `dyadsim run --resume`.
///
/// XXH64 (Yann Collet, xxHash specification v0.1.1) reads 32-byte stripes into four independent
/// accumulators, so it runs at several GB/s, far faster than the CSV writer produces bytes
/// (FNV-1a, one multiply per byte, would cost about as much as writing; see
/// Benchmarks/README.md). It detects accidental damage (a truncated copy, a deleted row, a
/// flipped digit), not deliberate forgery. Feeding the bytes in any pieces gives the same
/// digest as feeding them at once.
package struct ContentChecksum: Sendable {
    private static let prime1: UInt64 = 11_400_714_785_074_694_791
    private static let prime2: UInt64 = 14_029_467_366_897_019_727
    private static let prime3: UInt64 = 1_609_587_929_392_839_161
    private static let prime4: UInt64 = 9_650_029_242_287_828_579
    private static let prime5: UInt64 = 2_870_177_450_012_600_261

    private var accumulators: (UInt64, UInt64, UInt64, UInt64) = (
        0 &+ prime1 &+ prime2, 0 &+ prime2, 0, 0 &- prime1
    )
    /// Bytes of an unfinished stripe (fewer than 32).
    private var pending: [UInt8] = []
    /// Bytes fed so far.
    package private(set) var byteCount = 0

    /// The checksum of no bytes yet (XXH64 with seed 0).
    package init() { pending.reserveCapacity(32) }

    /// Feeds `bytes`.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        byteCount += bytes.count
        var offset = 0
        if !pending.isEmpty {
            let taken = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<taken])
            offset = taken
            guard pending.count == 32 else { return }
            let stripe = pending
            pending.removeAll(keepingCapacity: true)
            stripe.withUnsafeBytes { consume($0, from: 0, to: 32) }
        }
        let stripesEnd = offset + (bytes.count - offset) / 32 * 32
        if stripesEnd > offset { consume(bytes, from: offset, to: stripesEnd) }
        if stripesEnd < bytes.count { pending.append(contentsOf: bytes[stripesEnd..<bytes.count]) }
    }

    /// Feeds the bytes of an array slice.
    package mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds the UTF-8 bytes of `text`.
    package mutating func update(_ text: String) {
        var copy = text
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    private mutating func consume(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        var (v1, v2, v3, v4) = accumulators
        var offset = start
        while offset < end {
            v1 = Self.round(v1, Self.load64(bytes, offset))
            v2 = Self.round(v2, Self.load64(bytes, offset + 8))
            v3 = Self.round(v3, Self.load64(bytes, offset + 16))
            v4 = Self.round(v4, Self.load64(bytes, offset + 24))
            offset += 32
        }
        accumulators = (v1, v2, v3, v4)
    }

    /// The digest of the bytes fed so far (the state is unchanged, so feeding may continue).
    package var value: UInt64 {
        var hash: UInt64
        if byteCount >= 32 {
            let (v1, v2, v3, v4) = accumulators
            hash = Self.rotate(v1, 1) &+ Self.rotate(v2, 7) &+ Self.rotate(v3, 12) &+ Self.rotate(v4, 18)
            hash = Self.merge(hash, v1)
            hash = Self.merge(hash, v2)
            hash = Self.merge(hash, v3)
            hash = Self.merge(hash, v4)
        } else {
            hash = Self.prime5
        }
        hash &+= UInt64(byteCount)
        pending.withUnsafeBytes { tail in
            var offset = 0
            while offset + 8 <= tail.count {
                hash ^= Self.round(0, Self.load64(tail, offset))
                hash = Self.rotate(hash, 27) &* Self.prime1 &+ Self.prime4
                offset += 8
            }
            if offset + 4 <= tail.count {
                let word = UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                hash ^= UInt64(word) &* Self.prime1
                hash = Self.rotate(hash, 23) &* Self.prime2 &+ Self.prime3
                offset += 4
            }
            while offset < tail.count {
                hash ^= UInt64(tail[offset]) &* Self.prime5
                hash = Self.rotate(hash, 11) &* Self.prime1
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }

    /// The digest as 16 lowercase hexadecimal digits (the manifest's form).
    package var text: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The digest of `bytes` at once.
    package static func of(_ bytes: [UInt8]) -> UInt64 {
        var checksum = ContentChecksum()
        bytes.withUnsafeBytes { checksum.update($0) }
        return checksum.value
    }

    private static func load64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    private static func merge(_ hash: UInt64, _ accumulator: UInt64) -> UInt64 {
        (hash ^ round(0, accumulator)) &* prime1 &+ prime4
    }
}
