extension ShortestDecimal {
    /// The shortest decimal f·10^e in the rounding interval of v = c·2^q (c ≥ 1, as decoded from
    /// a finite nonzero double: q = −1074 for subnormals), closest to v among the shortest, ties
    /// to even. f < 10¹⁷ and may end in zeros. Schubfach; see the type's documentation.
    @inline(__always)
    static func shortest(significand c: UInt64, exponent q: Int) -> (significand: UInt64, exponent: Int) {
        // Interval bounds and v, times 4 (so the quarter-ulp gap at powers of two is whole).
        let isOdd = c & 1
        let scaled = c &<< 2
        let upperBound = scaled &+ 2
        let lowerBound: UInt64
        let k: Int
        if c != 0x0010_0000_0000_0000 || q == -1074 {
            lowerBound = scaled &- 2
            k = floorLog10PowerOfTwo(q)
        } else {
            lowerBound = scaled &- 1
            k = floorLog10ThreeQuartersPowerOfTwo(q)
        }
        // 4·x·10^(−k) for x = v and both bounds, rounded to odd: h ∈ 1...4 aligns the product.
        let h = q &+ floorLog2PowerOfTen(0 &- k) &+ 2
        let slot = (k &+ 324) &* 2
        let g1 = powersOfTen[slot]
        let g0 = powersOfTen[slot &+ 1]
        let vb = roundToOdd(g1, g0, scaled &<< UInt64(truncatingIfNeeded: h))
        let vbl = roundToOdd(g1, g0, lowerBound &<< UInt64(truncatingIfNeeded: h))
        let vbr = roundToOdd(g1, g0, upperBound &<< UInt64(truncatingIfNeeded: h))

        // s·10^k ≤ v < (s + 1)·10^k. The (at most one) multiple of 10^(k+1) in R if there is
        // one, otherwise the multiple of 10^k in R closest to v (ties to even). All candidates
        // are computed and selected without branches: which one wins is data-dependent.
        let s = vb &>> 2
        let sp10 = (s / 10) &* 10
        let tp10 = sp10 &+ 10
        let lowerIn = vbl &+ isOdd <= sp10 &<< 2
        let upperIn = (tp10 &<< 2) &+ isOdd <= vbr
        let t = s &+ 1
        let sIn = vbl &+ isOdd <= s &<< 2
        let tIn = (t &<< 2) &+ isOdd <= vbr
        let midpoint = (s &+ t) &<< 1
        let closest = vb < midpoint || (vb == midpoint && s & 1 == 0) ? s : t
        let fine = sIn == tIn ? closest : (sIn ? s : t)
        return (lowerIn != upperIn ? (lowerIn ? sp10 : tp10) : fine, k)
    }

    /// ⌊log₁₀ 2^q⌋, exact for |q| ≤ 5,456,721 (checked by the table script over the double range).
    @inline(__always)
    static func floorLog10PowerOfTwo(_ q: Int) -> Int {
        (q &* 661_971_961_083) &>> 41
    }

    /// ⌊log₁₀ (¾·2^q)⌋, exact over the double range (checked by the table script).
    @inline(__always)
    static func floorLog10ThreeQuartersPowerOfTwo(_ q: Int) -> Int {
        (q &* 661_971_961_083 &- 274_743_187_321) &>> 41
    }

    /// ⌊log₂ 10^e⌋, exact for |e| ≤ 6,432,162 (checked by the table script over the table).
    @inline(__always)
    static func floorLog2PowerOfTen(_ e: Int) -> Int {
        (e &* 913_124_641_741) &>> 38
    }

    /// ⌊g·x / 2¹²⁷⌋ with its lowest bit set when the division is inexact (round to odd), for
    /// g = g1·2⁶³ + g0 (g1, g0 < 2⁶³) and x < 2⁶³. Round to odd keeps comparisons of the
    /// result with multiples of 4 exact (Schubfach).
    @inline(__always)
    static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ x: UInt64) -> UInt64 {
        let low = g0.multipliedFullWidth(by: x).high
        let product = g1.multipliedFullWidth(by: x)
        let middle = (product.low &>> 1) &+ low  // < 2⁶⁴: both terms are below 2⁶³
        let upper = product.high &+ (middle &>> 63)
        let sticky = ((middle & 0x7FFF_FFFF_FFFF_FFFF) &+ 0x7FFF_FFFF_FFFF_FFFF) &>> 63
        return upper | sticky
    }
}
