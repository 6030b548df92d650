/// Shortest round-trip decimal text for doubles, written into caller-provided memory with no
/// allocation, in exactly the bytes of DyadSim's output rule (`write(_:to:)`) or of Swift's
/// `Double.description` (`writeDescription(_:to:)`).
///
/// **Algorithm: Schubfach** (R. Giulietti, "The Schubfach way to render doubles", 2020). A
/// finite nonzero double v = c·2^q rounds back from every real in its rounding interval R:
/// between the midpoints to its neighbours, closed when c is even and open when c is odd
/// (IEEE round-to-nearest-even); at a power of two the lower half-gap is a quarter ulp. With
/// k = ⌊log₁₀ 2^q⌋ (⌊log₁₀ ¾·2^q⌋ at powers of two), 10^k is at most the width of R, so R
/// holds at least one multiple of 10^k and at most one multiple of 10^(k+1). The bounds of R
/// and v are scaled by 10^(−k) with a 126-bit over-approximation of 10^(−k)
/// (`powersOfTen`, generated exactly by `scripts/generate_pow10_table.py`) and products
/// rounded to odd, which decide every comparison with a candidate exactly. The result is the
/// multiple of 10^(k+1) in R if there is one, otherwise the multiple of 10^k in R closest to
/// v, an exact tie going to the even one.
///
/// **Guarantee**, for every finite double: the digits (1) form a decimal in R, so a correctly
/// rounding parser (`Double(text)`) gives back the same bits; (2) are as few as any decimal
/// in R has; (3) are the closest to v among those, ties to an even last digit. These are the
/// digits `Double.description` prints (same interval, same tie rule).
///
/// **Text** (mirrors `description`): exponential notation "d.ddde±XX" (at least two exponent
/// digits, no point for one digit: "5e-324", "1e+16") when the decimal exponent is below −4 or
/// |v| > 2⁵³, otherwise plain notation ("0.0001", "123.456", "9007199254740992.0").
/// Cost: constant time, a few 64×64-bit multiplications; no allocation, no trap on any bit
/// pattern.
package enum ShortestDecimal {
    /// Bytes the destination of `write(_:to:)` and `writeDescription(_:to:)` must have room for.
    /// The longest text is 24 bytes ("-2.2250738585072014e-308"); digits are stored in whole
    /// eight-byte words, and nothing is written past 32 bytes (checked by the tests).
    package static let capacity = 32

    /// Writes DyadSim's output text of `value` and returns its length in bytes: `NA` for any
    /// NaN; a whole number of magnitude below 2⁵³ as integer digits ("3", "-12", "0" for
    /// −0.0); anything else as `Double.description` writes it ("0.25", "1e-05", "inf").
    /// `destination` must have room for `capacity` bytes.
    package static func write(_ value: Double, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let bits = value.bitPattern
        let magnitudeBits = bits & 0x7FFF_FFFF_FFFF_FFFF
        if magnitudeBits < twoToThe53Bits, let whole = wholeNumber(magnitudeBits: magnitudeBits) {
            var start = destination
            if bits != magnitudeBits && whole != 0 {
                destination.pointee = UInt8(ascii: "-")
                start += 1
            }
            return start - destination + writeInteger(whole, to: start)
        }
        if magnitudeBits > infinityBits {
            destination[0] = UInt8(ascii: "N")
            destination[1] = UInt8(ascii: "A")
            return 2
        }
        return writeNonzero(bits: bits, to: destination)
    }

    /// Writes exactly the bytes of `value.description` and returns their length: "nan" for
    /// every NaN, "0.0" and "-0.0" for zeros, "inf" and "-inf" for infinities, otherwise the
    /// shortest round-trip decimal laid out as described on the type. `destination` must have
    /// room for `capacity` bytes.
    package static func writeDescription(_ value: Double, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let bits = value.bitPattern
        let magnitudeBits = bits & 0x7FFF_FFFF_FFFF_FFFF
        if magnitudeBits > infinityBits {
            destination[0] = UInt8(ascii: "n")
            destination[1] = UInt8(ascii: "a")
            destination[2] = UInt8(ascii: "n")
            return 3
        }
        if magnitudeBits == 0 {
            var start = destination
            if bits != 0 {
                destination.pointee = UInt8(ascii: "-")
                start += 1
            }
            start[0] = UInt8(ascii: "0")
            start[1] = UInt8(ascii: ".")
            start[2] = UInt8(ascii: "0")
            return start - destination + 3
        }
        return writeNonzero(bits: bits, to: destination)
    }

    /// DyadSim's output text of `value` (as `write(_:to:)`) as a string.
    package static func text(_ value: Double) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return write(value, to: base)
        }
    }

    /// Exactly `value.description`, written by `writeDescription(_:to:)`.
    package static func descriptionText(_ value: Double) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return writeDescription(value, to: base)
        }
    }

    /// Bits of 2⁵³ and of +∞.
    static let twoToThe53Bits: UInt64 = 0x4340_0000_0000_0000
    static let infinityBits: UInt64 = 0x7FF0_0000_0000_0000

    /// |v| when v (given by the bits of |v| < 2⁵³) is a whole number, else nil.
    @inline(__always)
    static func wholeNumber(magnitudeBits: UInt64) -> UInt64? {
        let biasedExponent = Int(truncatingIfNeeded: magnitudeBits >> 52)
        if biasedExponent < 1023 { return magnitudeBits == 0 ? 0 : nil }
        let significand = (magnitudeBits & 0x000F_FFFF_FFFF_FFFF) | 0x0010_0000_0000_0000
        let fractionBits = UInt64(truncatingIfNeeded: 1075 &- biasedExponent)  // 0...52 below 2⁵³
        guard significand & ((1 &<< fractionBits) &- 1) == 0 else { return nil }
        return significand &>> fractionBits
    }

    /// Text of a finite nonzero or infinite double (bits), as `description` writes it.
    @inline(__always)
    static func writeNonzero(bits: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let magnitudeBits = bits & 0x7FFF_FFFF_FFFF_FFFF
        // The sign without a branch: "-" is always stored, and kept only for negative values.
        destination.pointee = UInt8(ascii: "-")
        let start = destination + Int(truncatingIfNeeded: bits &>> 63)
        if magnitudeBits == infinityBits {
            start[0] = UInt8(ascii: "i")
            start[1] = UInt8(ascii: "n")
            start[2] = UInt8(ascii: "f")
            return start - destination + 3
        }
        let biasedExponent = Int(truncatingIfNeeded: magnitudeBits >> 52)
        let fraction = magnitudeBits & 0x000F_FFFF_FFFF_FFFF
        let decimal =
            biasedExponent == 0
            ? shortest(significand: fraction, exponent: -1074)
            : shortest(significand: fraction | 0x0010_0000_0000_0000, exponent: biasedExponent &- 1075)
        let length = layOut(
            significand: decimal.significand, exponent: decimal.exponent,
            exponential: magnitudeBits > twoToThe53Bits, to: start)
        return start - destination + length
    }
}
