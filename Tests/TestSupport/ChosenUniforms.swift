import DyadCore

extension RandomStream {
    /// A stream whose first one or two uniforms are the given values (each rounded down to a
    /// multiple of 2⁻⁵³), built by inverting xoshiro256**'s output function
    /// `rotl(s1·5, 7)·9` for the state word it reads. Later draws are arbitrary but fixed.
    /// Lets a rule test put a uniform just below or just above a probability boundary.
    public static func feeding(_ uniforms: Double...) -> RandomStream {
        precondition((1...2).contains(uniforms.count), "one or two uniforms")
        func word(_ u: Double) -> UInt64 {
            precondition(u >= 0 && u < 1, "a uniform lies in [0, 1)")
            let output = UInt64(u * 0x1p53) << 11
            let rotated = output &* inverse(9)
            return ((rotated >> 7) | (rotated << 57)) &* inverse(5)
        }
        let s1 = word(uniforms[0])
        let s0: UInt64 = 0x9e37_79b9_7f4a_7c15
        let s3: UInt64 = 0x3c6e_f372_fe94_f82b
        // The second output reads s1 ⊕ s0 ⊕ s2 (see RandomStream.next()).
        let s2 = uniforms.count == 2 ? word(uniforms[1]) ^ s1 ^ s0 : 0x2545_f491_4f6c_dd1d
        return RandomStream(state: (s0, s1, s2, s3))
    }

    /// The multiplicative inverse of an odd number modulo 2⁶⁴ (Newton's iteration).
    private static func inverse(_ odd: UInt64) -> UInt64 {
        var x = odd
        for _ in 0..<6 { x = x &* (2 &- odd &* x) }
        return x
    }
}
