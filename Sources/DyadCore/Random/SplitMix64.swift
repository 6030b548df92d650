/// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit counter-based mixer used to derive
/// independent stream keys and to seed ``RandomStream``.
public struct SplitMix64: Sendable {
    /// The counter, advanced by the golden gamma 0x9E3779B97F4A7C15 per draw.
    public private(set) var state: UInt64

    /// A generator starting from counter `state`.
    public init(state: UInt64) { self.state = state }

    /// Advances the counter by the golden gamma and returns the mixed value.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function applied to `x + golden gamma` (`sm` in docs/model.md §7.20).
    public static func scramble(_ x: UInt64) -> UInt64 {
        mix(x &+ 0x9e37_79b9_7f4a_7c15)
    }

    /// Stafford's variant-13 finaliser.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
