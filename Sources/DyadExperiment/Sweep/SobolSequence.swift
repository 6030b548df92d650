import DyadCore

/// A Sobol low-discrepancy sequence in base 2 with 32-bit resolution (Bratley & Fox 1988).
///
/// Dimension 0 is the van der Corput sequence; dimension j ≥ 1 uses the j-th primitive
/// polynomial over GF(2) in order of degree and then coefficients (x+1, x²+x+1, x³+x+1, …),
/// found by an exact primitivity test, and odd initial direction numbers m_k < 2^k drawn from a
/// fixed SplitMix64 stream. Every one-dimensional projection of the first 2^k points has exactly
/// one point per interval [i/2^k, (i+1)/2^k). (These are not Joe–Kuo's optimised direction
/// numbers: pass a SALib design through `sweep.design_file` to reproduce SALib exactly.)
struct SobolSequence {
    private let directions: [[UInt32]]

    init(dimensions: Int) {
        var polynomials: [(degree: Int, inner: UInt32)] = []
        var degree = 1
        while polynomials.count < max(0, dimensions - 1) {
            for inner in 0..<(UInt32(1) << UInt32(degree - 1)) where Self.isPrimitive(degree: degree, inner: inner) {
                polynomials.append((degree, inner))
                if polynomials.count == dimensions - 1 { break }
            }
            degree += 1
        }
        var table: [[UInt32]] = [(1...32).map { UInt32(1) << UInt32(32 - $0) }]
        var initial = SplitMix64(state: 0x534f_424f_4c5f_5345)  // "SOBOL_SE"
        for (degree, inner) in polynomials {
            var v = [UInt32](repeating: 0, count: 33)
            for k in 1...min(degree, 32) {
                let m = UInt32(truncatingIfNeeded: initial.next() % (UInt64(1) << UInt64(k))) | 1
                v[k] = m << UInt32(32 - k)
            }
            if degree < 32 {
                for k in (degree + 1)...32 {
                    var value = v[k - degree] ^ (v[k - degree] >> UInt32(degree))
                    for i in 1..<degree where (inner >> UInt32(degree - 1 - i)) & 1 == 1 {
                        value ^= v[k - i]
                    }
                    v[k] = value
                }
            }
            table.append(Array(v[1...32]))
        }
        directions = Array(table.prefix(dimensions))
    }

    /// Point `index` (index 0 is the origin) in [0, 1)^d.
    func point(_ index: Int) -> [Double] {
        directions.map { vector in
            var value: UInt32 = 0
            var bits = UInt64(index)
            var bit = 0
            while bits != 0 && bit < 32 {
                if bits & 1 == 1 { value ^= vector[bit] }
                bits >>= 1
                bit += 1
            }
            return Double(value) * 0x1p-32
        }
    }

    /// Whether x^degree + inner·x + 1 (inner bits are the coefficients of x^(degree−1) … x) is
    /// primitive over GF(2): x has multiplicative order 2^degree − 1 modulo the polynomial.
    static func isPrimitive(degree: Int, inner: UInt32) -> Bool {
        let modulus = (UInt64(1) << UInt64(degree)) | (UInt64(inner) << 1) | 1
        let order = (UInt64(1) << UInt64(degree)) - 1
        func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
            var result: UInt64 = 0, x = a, y = b
            while y != 0 {
                if y & 1 == 1 { result ^= x }
                y >>= 1
                x <<= 1
                if x & (UInt64(1) << UInt64(degree)) != 0 { x ^= modulus }
            }
            return result
        }
        func power(_ exponent: UInt64) -> UInt64 {
            var result: UInt64 = 1, base: UInt64 = degree == 1 ? 1 : 2, e = exponent
            while e != 0 {
                if e & 1 == 1 { result = multiply(result, base) }
                base = multiply(base, base)
                e >>= 1
            }
            return result
        }
        if degree == 1 { return inner == 0 }
        guard power(order) == 1 else { return false }
        var remaining = order
        var factor: UInt64 = 2
        while factor * factor <= remaining {
            if remaining % factor == 0 {
                if power(order / factor) == 1 { return false }
                while remaining % factor == 0 { remaining /= factor }
            }
            factor += 1
        }
        if remaining > 1 { return power(order / remaining) != 1 }
        return true
    }
}
