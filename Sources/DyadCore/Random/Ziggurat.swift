/// Tables of the 256-layer ziggurat for the standard normal (Marsaglia & Tsang 2000, in the
/// 64-bit form of Doornik 2005 / Rust `rand_distr`): layer edges x[0…256] and f(x) = e^(−x²/2).
/// Built once from ``DyadMath`` (portable), so every platform gets identical tables.
enum Ziggurat {
    /// Right edge of the base layer (the tail starts here).
    static let tailStart = 3.6541528853610088
    /// Area of every layer.
    static let layerArea = 0.00492867323399

    /// x[i] for i = 0…256 (x[0] = V/f(R), x[1] = R, …, x[256] = 0) followed by f(x[i]).
    static let tables: [Double] = {
        var x = [Double](repeating: 0, count: 257)
        x[0] = layerArea / density(tailStart)
        x[1] = tailStart
        for i in 1..<256 {
            let next = layerArea / x[i] + density(x[i])
            x[i + 1] = next >= 1 ? 0 : (-2 * DyadMath.log(next)).squareRoot()
        }
        x[256] = 0
        return x + x.map(density)
    }()

    static func density(_ x: Double) -> Double { DyadMath.exp(-0.5 * x * x) }
}

extension RandomStream {
    /// A standard normal draw by the ziggurat method: one 64-bit draw and a comparison in
    /// about 99 % of calls (index from the low 8 bits, value from the high 53 bits).
    @inline(__always)
    public mutating func normal() -> Double {
        Ziggurat.tables.withUnsafeBufferPointer { table in
            while true {
                let bits = next()
                let layer = Int(truncatingIfNeeded: bits & 0xff)
                let u = 2 * (Double(bits >> 11) * 0x1p-53) - 1
                let x = u * table[layer]
                if x.magnitude < table[layer + 1] { return x }
                if layer == 0 { return normalTail(negative: u < 0) }
                let fLow = table[257 + layer + 1], fHigh = table[257 + layer]
                if fLow + (fHigh - fLow) * uniform() < Ziggurat.density(x) { return x }
            }
        }
    }

    /// A draw from the normal tail beyond ``Ziggurat/tailStart`` (Marsaglia 1964).
    @inline(never)
    mutating func normalTail(negative: Bool) -> Double {
        while true {
            let x = DyadMath.log(1 - uniform()) / Ziggurat.tailStart
            let y = DyadMath.log(1 - uniform())
            if -2 * y >= x * x {
                return negative ? x - Ziggurat.tailStart : Ziggurat.tailStart - x
            }
        }
    }

    /// The number of successes in `n` Bernoulli(p) trials, each "u < p" with a 32-bit uniform
    /// u (two trials per 64-bit draw; p is effectively rounded up to a multiple of 2⁻³²).
    /// Used for everyday bids (docs/model.md §7.3, §7.21).
    @inline(__always)
    public mutating func successes(trials n: Int, probability p: Double) -> Int {
        let scaled = clamp01(p) * 0x1p32
        let truncated = Int64(scaled)
        let threshold = UInt64(bitPattern: Double(truncated) < scaled ? truncated &+ 1 : truncated)
        var count: UInt64 = 0
        for _ in 0..<(n >> 1) {
            let bits = next()
            count &+= (bits & 0xffff_ffff < threshold ? 1 : 0) &+ (bits >> 32 < threshold ? 1 : 0)
        }
        if n & 1 == 1 && next() >> 32 < threshold { count &+= 1 }
        return Int(count)
    }
}
