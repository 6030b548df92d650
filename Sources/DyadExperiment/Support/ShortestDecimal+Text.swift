extension ShortestDecimal {
    /// Writes f·10^e (1 ≤ f < 10¹⁷) as `Double.description` lays it out and returns the length:
    /// exponential "d.ddde±XX" when `exponential` or the decimal exponent is below −4, else
    /// "0.000ddd", "ddd.ddd" or "ddd000.0". Needs 34 writable bytes at `destination`.
    @inline(__always)
    static func layOut(significand f: UInt64, exponent e: Int, exponential: Bool,
                       to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let length = decimalLength(f)
        let scientificExponent = e &+ length &- 1
        if exponential || scientificExponent < -4 {
            // Digits from destination + 1, then the first digit moves left over a point.
            let count = length &- writeDigits(f, length: length, to: destination + 1)
            destination[0] = destination[1]
            var end = 1
            if count > 1 {
                destination[1] = UInt8(ascii: ".")
                end = count &+ 1
            }
            return end &+ writeExponent(scientificExponent, to: destination + end)
        }
        if scientificExponent < 0 {
            // "0." and 0 to 3 zeros, then the digits.
            storeWord(0x3030_3030_3030_2E30, to: destination)  // "0.000000"
            let offset = 1 &- scientificExponent
            let count = length &- writeDigits(f, length: length, to: destination + offset)
            return offset &+ count
        }
        let count = length &- writeDigits(f, length: length, to: destination + 1)
        let integerDigits = scientificExponent &+ 1  // 1...16: |v| ≤ 2⁵³ < 10¹⁶ here
        if integerDigits < count {
            // "ddd.ddd": the integer digits move left over the point.
            var index = 0
            while index < integerDigits {
                destination[index] = destination[index &+ 1]
                index &+= 1
            }
            destination[integerDigits] = UInt8(ascii: ".")
            return count &+ 1
        }
        // A whole number: its digits, zeros up to the point, then ".0".
        _ = writeDigits(f, length: length, to: destination)
        var index = count
        while index < integerDigits {
            destination[index] = UInt8(ascii: "0")
            index &+= 1
        }
        destination[integerDigits] = UInt8(ascii: ".")
        destination[integerDigits &+ 1] = UInt8(ascii: "0")
        return integerDigits &+ 2
    }

    /// Writes "e+XX", "e-XX" or "e±XXX" (|exponent| ≤ 999) and returns its length.
    @inline(__always)
    static func writeExponent(_ exponent: Int, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        destination[0] = UInt8(ascii: "e")
        destination[1] = exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        var magnitude = UInt32(truncatingIfNeeded: exponent < 0 ? 0 &- exponent : exponent)
        var next = 2
        if magnitude >= 100 {
            let hundreds = magnitude / 100
            destination[2] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: hundreds)
            magnitude &-= hundreds &* 100
            next = 3
        }
        let tens = magnitude / 10
        destination[next] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: tens)
        destination[next &+ 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude &- tens &* 10)
        return next &+ 2
    }

    /// Writes the decimal digits of n < 2⁵³ and returns their count. Needs 24 writable bytes.
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
    /// trailing zeros. Stores whole eight-byte words: needs `length` + 8 writable bytes.
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

    /// Number of decimal digits of n ≥ 1.
    @inline(__always)
    static func decimalLength(_ n: UInt64) -> Int {
        if n >= 10_000_000_000_000_000 { return n >= 100_000_000_000_000_000 ? 18 : 17 }
        if n >= 1_000_000_000_000_000 { return 16 }
        var length = 1
        var rest = n
        while rest >= 10 {
            rest /= 10
            length &+= 1
        }
        return length
    }

    /// Stores a word in little-endian byte order at any alignment.
    @inline(__always)
    static func storeWord(_ word: UInt64, to destination: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(destination).storeBytes(of: word.littleEndian, as: UInt64.self)
    }
}
