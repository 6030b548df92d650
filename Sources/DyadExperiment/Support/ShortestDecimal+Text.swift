extension ShortestDecimal {
    /// Writes f·10^e (1 ≤ f < 10¹⁷) as `Double.description` lays it out and returns the length:
    /// exponential "d.ddde±XX" when `exponential` or the decimal exponent is below −4, else
    /// "0.000ddd", "ddd.ddd" or "ddd000.0". Writes within `capacity` − 1 bytes.
    @inline(__always)
    static func layOut(
        significand f: UInt64, exponent e: Int, exponential: Bool,
        to destination: UnsafeMutablePointer<UInt8>
    ) -> Int {
        // Every normal double gives 16 or 17 digits (f ≥ 2⁵² − 9: 10^k is at most the gap):
        // written as 17 characters, a leading "0" one place early when there are 16, so no
        // branch depends on the digit count.
        guard f >= 1_000_000_000_000_000 else {
            return layOutSubnormal(significand: f, exponent: e, to: destination)
        }
        let length = f >= 10_000_000_000_000_000 ? 17 : 16
        let early = 17 &- length
        let scientificExponent = e &+ length &- 1
        if exponential || scientificExponent < -4 {
            // Digits from destination + 1, then the first digit moves left over a point.
            let count = length &- writeSeventeen(f, to: destination + 1 - early)
            return finishExponential(digitCount: count, exponent: scientificExponent, at: destination)
        }
        if scientificExponent < 0 {
            // "0." and 0 to 3 zeros, then the digits (an early "0" lands on the prefix).
            storeWord(0x3030_3030_3030_2E30, to: destination)  // "0.000000"
            let offset = 1 &- scientificExponent
            let count = length &- writeSeventeen(f, to: destination + offset - early)
            destination[1] = UInt8(ascii: ".")
            return offset &+ count
        }
        destination.pointee = UInt8(ascii: "0")
        let count = length &- writeSeventeen(f, to: destination + 1 - early)
        let integerDigits = scientificExponent &+ 1  // 1...16: |v| ≤ 2⁵³ < 10¹⁶ here
        if integerDigits < count {
            insertPoint(after: integerDigits, at: destination)
            return count &+ 1
        }
        return writeWholeNumber(f, digitCount: count, integerDigits: integerDigits, to: destination)
    }

    /// `layOut` for f < 10¹⁵, which only subnormals give: all are below 10⁻³⁰⁷, so the text
    /// is always exponential.
    @inline(never)
    static func layOutSubnormal(
        significand f: UInt64, exponent e: Int,
        to destination: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let length = decimalLength(f)
        let count = length &- writeDigits(f, length: length, to: destination + 1)
        return finishExponential(digitCount: count, exponent: e &+ length &- 1, at: destination)
    }

    /// Turns digits at destination + 1 ..< destination + 1 + digitCount into "d.ddd" (or "d")
    /// followed by the exponent; returns the total length.
    @inline(__always)
    static func finishExponential(digitCount: Int, exponent: Int, at destination: UnsafeMutablePointer<UInt8>) -> Int {
        destination[0] = destination[1]
        var end = 1
        if digitCount > 1 {
            destination[1] = UInt8(ascii: ".")
            end = digitCount &+ 1
        }
        return end &+ writeExponent(exponent, to: destination + end)
    }

    /// Moves the first `integerDigits` (1...16) of the digits at destination + 1 one place left
    /// and puts a point after them, without a branch on the count: two 16-byte windows are
    /// blended with byte masks. Bytes destination ..< destination + 17 must be initialized.
    @inline(__always)
    static func insertPoint(after integerDigits: Int, at destination: UnsafeMutablePointer<UInt8>) {
        let raw = UnsafeMutableRawPointer(destination)
        let stay0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let stay1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let moved0 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt64.self))
        let moved1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 9, as: UInt64.self))
        let bits = UInt64(truncatingIfNeeded: integerDigits &* 8)  // 8...128
        let mask0: UInt64 = bits >= 64 ? ~0 : (1 &<< bits) &- 1
        let mask1: UInt64 = bits >= 128 ? ~0 : bits <= 64 ? 0 : (1 &<< (bits &- 64)) &- 1
        storeWord((moved0 & mask0) | (stay0 & ~mask0), to: destination)
        storeWord((moved1 & mask1) | (stay1 & ~mask1), to: destination + 8)
        destination[integerDigits] = UInt8(ascii: ".")
    }

    /// Writes a whole number f·10^e with `integerDigits` digits, `digitCount` of them
    /// significant, as "ddd000.0"; returns the length.
    static func writeWholeNumber(
        _ f: UInt64, digitCount: Int, integerDigits: Int,
        to destination: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var significand = f
        while significand % 10 == 0 { significand /= 10 }
        _ = writeDigits(significand, length: digitCount, to: destination)
        var index = digitCount
        while index < integerDigits {
            destination[index] = UInt8(ascii: "0")
            index &+= 1
        }
        destination[integerDigits] = UInt8(ascii: ".")
        destination[integerDigits &+ 1] = UInt8(ascii: "0")
        return integerDigits &+ 2
    }

    /// Writes "e+XX", "e-XX" or "e±XXX" (|exponent| ≤ 999) and returns its length. A hundreds
    /// digit is always stored and overwritten when it is zero, so no branch depends on it.
    @inline(__always)
    static func writeExponent(_ exponent: Int, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        destination[0] = UInt8(ascii: "e")
        destination[1] = exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        let magnitude = UInt32(truncatingIfNeeded: exponent < 0 ? 0 &- exponent : exponent)
        let hundreds = magnitude / 100
        let rest = magnitude &- hundreds &* 100
        let tens = rest / 10
        destination[2] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: hundreds)
        let next = hundreds == 0 ? 2 : 3
        destination[next] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: tens)
        destination[next &+ 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest &- tens &* 10)
        return next &+ 2
    }

    /// Writes the decimal digits of n < 2⁵³ and returns their count (writes 16 bytes at most).
    @inline(__always)
    static func writeInteger(_ n: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if n < 10 {
            destination.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n)
            return 1
        }
        let length = decimalLength(n)
        _ = writeDigits(n, length: length, to: destination)
        return length
    }

    /// Writes the `length` decimal digits of 1 ≤ f < 10¹⁷ and returns how many of them are
    /// trailing zeros. Stores whole eight-byte words: writes max(8, `length`) bytes.
    @inline(__always)
    static func writeDigits(_ f: UInt64, length: Int, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        guard f >= 100_000_000 else {
            let digits = eightDigits(UInt32(truncatingIfNeeded: f))
            storeWord((digits | asciiZeros) &>> UInt64(truncatingIfNeeded: (8 &- length) &* 8), to: destination)
            return digits.leadingZeroBitCount &>> 3
        }
        let high = f / 100_000_000
        let low = UInt32(truncatingIfNeeded: f &- high &* 100_000_000)
        let highLength = length &- 8
        let highTrailingZeros: Int
        if high >= 100_000_000 {
            let top = high / 100_000_000
            let middle = UInt32(truncatingIfNeeded: high &- top &* 100_000_000)
            let middleDigits = eightDigits(middle)
            destination.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: top)
            storeWord(middleDigits | asciiZeros, to: destination + 1)
            highTrailingZeros = middleDigits.leadingZeroBitCount &>> 3
        } else {
            let highDigits = eightDigits(UInt32(truncatingIfNeeded: high))
            storeWord((highDigits | asciiZeros) &>> UInt64(truncatingIfNeeded: (8 &- highLength) &* 8), to: destination)
            highTrailingZeros = highDigits.leadingZeroBitCount &>> 3
        }
        let lowDigits = eightDigits(low)
        storeWord(lowDigits | asciiZeros, to: destination + highLength)
        return low == 0 ? 8 &+ highTrailingZeros : lowDigits.leadingZeroBitCount &>> 3
    }

    /// Writes 10¹⁵ ≤ f < 10¹⁷ as 17 characters (a leading "0" when f has 16 digits) and returns
    /// the number of trailing zero digits. Writes exactly 17 bytes.
    @inline(__always)
    static func writeSeventeen(_ f: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let high = f / 100_000_000  // < 10⁹
        let low = UInt32(truncatingIfNeeded: f &- high &* 100_000_000)
        let high32 = UInt32(truncatingIfNeeded: high)
        let top = high32 / 100_000_000
        let middleDigits = eightDigits(high32 &- top &* 100_000_000)
        let lowDigits = eightDigits(low)
        destination.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: top)
        storeWord(middleDigits | asciiZeros, to: destination + 1)
        storeWord(lowDigits | asciiZeros, to: destination + 9)
        return low == 0 ? 8 &+ middleDigits.leadingZeroBitCount &>> 3 : lowDigits.leadingZeroBitCount &>> 3
    }

    /// "00000000" as a little-endian word.
    static let asciiZeros: UInt64 = 0x3030_3030_3030_3030

    /// The eight decimal digits of n < 10⁸ (with leading zeros) as byte values 0...9, the first
    /// digit in the lowest byte, so a little-endian store writes them in reading order and the
    /// number of trailing zero digits is the number of zero high bytes. Splits into two
    /// four-digit, then four two-digit, then eight one-digit lanes of one 64-bit word, dividing
    /// all lanes at once by multiply-and-shift (x·10486 >> 20 = ⌊x/100⌋ for x < 10⁴,
    /// x·103 >> 10 = ⌊x/10⌋ for x < 100).
    @inline(__always)
    static func eightDigits(_ n: UInt32) -> UInt64 {
        let upper = n / 10_000
        let fours = UInt64(upper) | (UInt64(n &- upper &* 10_000) &<< 32)
        let hundreds = ((fours &* 10_486) &>> 20) & 0x0000_007F_0000_007F
        let pairs = hundreds | ((fours &- hundreds &* 100) &<< 16)
        let tens = ((pairs &* 103) &>> 10) & 0x000F_000F_000F_000F
        return tens | ((pairs &- tens &* 10) &<< 8)
    }

    /// Number of decimal digits of n ≥ 1: ⌊b·1233/4096⌋ (b = bit length) is ⌊log₁₀ 2^b⌋,
    /// one more when n reaches that power of ten.
    @inline(__always)
    static func decimalLength(_ n: UInt64) -> Int {
        let guess = ((64 &- n.leadingZeroBitCount) &* 1233) &>> 12
        return guess &+ (n >= powersOfTenUpTo19[guess] ? 1 : 0)
    }

    /// 10⁰ ... 10¹⁹.
    static let powersOfTenUpTo19: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ]

    /// Stores a word in little-endian byte order at any alignment.
    @inline(__always)
    static func storeWord(_ word: UInt64, to destination: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(destination).storeBytes(of: word.littleEndian, as: UInt64.self)
    }
}
