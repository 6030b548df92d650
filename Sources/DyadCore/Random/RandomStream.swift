/// One couple's random stream: xoshiro256** (Blackman & Vigna 2018), seeded with four
/// SplitMix64 outputs of the couple key. Period 2^256 − 1; about 1 ns per 64-bit draw.
///
/// Uniforms are `(next >> 11) · 2⁻⁵³` in [0, 1); normals come from a 256-layer ziggurat
/// (``Ziggurat``); binomials by inverse CDF from one uniform.
public struct RandomStream: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the generator from `key` (docs/model.md §7.20: four further SplitMix64 outputs).
    public init(key: UInt64) {
        var seeder = SplitMix64(state: key)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// A generator with the given raw xoshiro256** state (for reference test vectors).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with probability `p` (docs/model.md §2.1: draw u, the event happens iff u < p).
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }
}

extension UInt64 {
    @inline(__always)
    func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
