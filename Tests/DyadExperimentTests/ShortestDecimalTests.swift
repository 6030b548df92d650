import DyadCore
import DyadExperiment
import Foundation
import Testing

/// `ShortestDecimal` against the standard library: byte equality with `Double.description` (and
/// with the output rule built on it) on 10⁷ seeded random doubles and on hard cases, and
/// parse-back exactness. A failure prints the seed and the failing bit pattern.
@Suite("Shortest round-trip decimal text")
struct ShortestDecimalTests {
    /// The output rule as it was written with the standard library: NA for NaN, whole numbers
    /// below 2⁵³ as integer digits, otherwise `description`.
    static func referenceOutput(_ value: Double, description: String) -> String {
        if value.isNaN { return "NA" }
        if value == value.rounded(), value.magnitude < 0x1p53 { return String(Int64(value)) }
        return description
    }

    /// Formats values into a reusable buffer and compares them with the references.
    final class Checker {
        /// `capacity` bytes for the formatter, then a guard word that must stay untouched.
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: ShortestDecimal.capacity + 8)
        static let guardWord: UInt64 = 0xA5A5_A5A5_A5A5_A5A5
        var checked = 0
        var failures = 0
        var firstFailure: String?

        init() {
            buffer.initialize(repeating: 0xA5, count: ShortestDecimal.capacity + 8)
        }

        deinit { buffer.deallocate() }

        /// Whether the bytes after `capacity` are as they were.
        var guardIntact: Bool {
            UnsafeRawPointer(buffer + ShortestDecimal.capacity).loadUnaligned(as: UInt64.self) == Self.guardWord
        }

        func output(_ value: Double) -> String {
            let count = ShortestDecimal.write(value, to: buffer)
            return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
        }

        func description(_ value: Double) -> String {
            let count = ShortestDecimal.writeDescription(value, to: buffer)
            return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
        }

        /// Both texts equal their references (compared as bytes), nothing is written past
        /// `capacity`, and the text of a finite value parses to the same bits (the output text
        /// to an equal value: "0" for −0).
        func check(_ value: Double) {
            checked += 1
            let expectedDescription = value.description
            var problem: String?
            let descriptionCount = ShortestDecimal.writeDescription(value, to: buffer)
            if !expectedDescription.utf8.elementsEqual(UnsafeBufferPointer(start: buffer, count: descriptionCount)) {
                problem = "description text \(description(value)), expected \(expectedDescription)"
            }
            let expectedOutput = ShortestDecimalTests.referenceOutput(value, description: expectedDescription)
            let outputCount = ShortestDecimal.write(value, to: buffer)
            let outputBytes = UnsafeBufferPointer(start: buffer, count: outputCount)
            if problem == nil, !expectedOutput.utf8.elementsEqual(outputBytes) {
                problem = "output text \(output(value)), expected \(expectedOutput)"
            }
            if problem == nil, !guardIntact {
                problem = "bytes written past ShortestDecimal.capacity"
            }
            if problem == nil, value.isFinite {
                if Double(expectedDescription)?.bitPattern != value.bitPattern {
                    problem = "\(expectedDescription) parses to \(String(describing: Double(expectedDescription)))"
                } else if Double(expectedOutput) != value {
                    problem = "output text \(expectedOutput) parses to \(String(describing: Double(expectedOutput)))"
                }
            }
            guard let problem else { return }
            failures += 1
            if firstFailure == nil {
                let bits = String(value.bitPattern, radix: 16)
                firstFailure = "bit pattern 0x\(bits) (\(expectedDescription)): \(problem)"
            }
        }
    }

    /// Random samples: uniform 64-bit patterns, 53-bit values in [0, 1), values in [0, 200).
    enum Sample: String, CaseIterable, CustomTestStringConvertible {
        case bitPatterns, unitInterval, upTo200

        var testDescription: String { rawValue }

        var count: Int {
            switch self {
            case .bitPatterns: 4_000_000
            case .unitInterval, .upTo200: 3_000_000
            }
        }

        var seed: UInt64 {
            switch self {
            case .bitPatterns: 0x5eed_0001
            case .unitInterval: 0x5eed_0002
            case .upTo200: 0x5eed_0003
            }
        }

        func value(_ random: inout SplitMix64) -> Double {
            switch self {
            case .bitPatterns: Double(bitPattern: random.next())
            case .unitInterval: Double(random.next() >> 11) * 0x1p-53
            case .upTo200: Double(random.next() >> 11) * 0x1p-53 * 200
            }
        }
    }

    @Test(
        "equal to the standard library on 10⁷ seeded random doubles, and parsed back exactly",
        arguments: Sample.allCases)
    func randomValues(sample: Sample) {
        let checker = Checker()
        var random = SplitMix64(state: sample.seed)
        for _ in 0..<sample.count { checker.check(sample.value(&random)) }
        #expect(checker.checked == sample.count)
        let seed = String(sample.seed, radix: 16)
        #expect(
            checker.failures == 0,
            "seed 0x\(seed): \(checker.failures) failures, first \(checker.firstFailure ?? "")")
    }

    @Test("hand-checked texts: zeros, infinities, NaNs, the 2⁵³ boundary, exponent switches")
    func knownTexts() {
        let checker = Checker()
        let cases: [(Double, output: String, description: String)] = [
            (0, "0", "0.0"), (-0.0, "0", "-0.0"), (1, "1", "1.0"), (-3, "-3", "-3.0"),
            (0.5, "0.5", "0.5"), (-0.5, "-0.5", "-0.5"), (0.1 + 0.2, "0.30000000000000004", "0.30000000000000004"),
            (1.0 / 3, "0.3333333333333333", "0.3333333333333333"),
            (0.0001, "0.0001", "0.0001"), (0.00001, "1e-05", "1e-05"), (0.00012345, "0.00012345", "0.00012345"),
            (123.456, "123.456", "123.456"), (1e15, "1000000000000000", "1000000000000000.0"),
            (0x1p53 - 1, "9007199254740991", "9007199254740991.0"),
            (0x1p53, "9007199254740992.0", "9007199254740992.0"),
            (0x1p53 + 2, "9.007199254740994e+15", "9.007199254740994e+15"),
            (0x1p54, "1.8014398509481984e+16", "1.8014398509481984e+16"),
            (1e16, "1e+16", "1e+16"), (1e23, "1e+23", "1e+23"),
            (.leastNonzeroMagnitude, "5e-324", "5e-324"),
            (-.leastNonzeroMagnitude, "-5e-324", "-5e-324"),
            (Double(bitPattern: 0x000F_FFFF_FFFF_FFFF), "2.225073858507201e-308", "2.225073858507201e-308"),
            (.leastNormalMagnitude, "2.2250738585072014e-308", "2.2250738585072014e-308"),
            (.greatestFiniteMagnitude, "1.7976931348623157e+308", "1.7976931348623157e+308"),
            (-.greatestFiniteMagnitude, "-1.7976931348623157e+308", "-1.7976931348623157e+308"),
            (.infinity, "inf", "inf"), (-.infinity, "-inf", "-inf"),
            (.nan, "NA", "nan"), (-.nan, "NA", "nan"), (.signalingNaN, "NA", "nan"),
            (Double(nan: 0x123, signaling: false), "NA", "nan"), (Double(nan: 0x123, signaling: true), "NA", "nan"),
            (Double(bitPattern: 0x7FF0_0000_0000_0001), "NA", "nan"), (Double(bitPattern: ~0), "NA", "nan"),
        ]
        for (value, output, description) in cases {
            #expect(checker.output(value) == output, "bit pattern 0x\(String(value.bitPattern, radix: 16))")
            #expect(checker.description(value) == description, "bit pattern 0x\(String(value.bitPattern, radix: 16))")
            #expect(ShortestDecimal.text(value) == output)
            #expect(ShortestDecimal.descriptionText(value) == description)
            #expect(NumberText.shortest(value) == output)
            checker.check(value)
        }
        #expect(checker.failures == 0, "\(checker.firstFailure ?? "")")
    }

    @Test("equal to the standard library on hard cases: subnormals, powers of two and ten, ties, thresholds")
    func hardCases() {
        let checker = Checker()
        func checkWithNeighbours(_ value: Double) {
            for candidate in [value, value.nextUp, value.nextDown, -value, -value.nextUp, -value.nextDown] {
                checker.check(candidate)
            }
        }
        // The smallest subnormals one by one, and subnormals of every bit length.
        for bits in UInt64(1)...100_000 { checker.check(Double(bitPattern: bits)) }
        for shift in UInt64(0)..<53 {
            for bits in [UInt64(1) << shift, (UInt64(1) << shift) &- 1, (UInt64(1) << shift) | 1] where bits > 0 {
                checkWithNeighbours(Double(bitPattern: bits))
            }
        }
        // Every power of two (the narrow lower gap), every power of ten, with neighbours.
        for exponent in -1074...1023 { checkWithNeighbours(Double(sign: .plus, exponent: exponent, significand: 1)) }
        for exponent in -323...308 {
            if let power = Double("1e\(exponent)") { checkWithNeighbours(power) }
        }
        // Thresholds of the integer rule and of exponential notation.
        for value in [
            0x1p53 - 1, 0x1p53, 0x1p53 + 2, 0x1p54, 0x1p52, 0x1p52 + 0.5, 1e15, 1e16, 1e17, 0.0001, 0.00001,
            1, 0.1, 10, 100, 0.5, 2, 4503599627370495.5, 9.999999999999999e-05,
        ] {
            checkWithNeighbours(value)
        }
        // [2⁵⁰, 2⁵¹): quarter ulps, where two shortest candidates can tie exactly (ties to even).
        for step in 0..<20_000 { checkWithNeighbours(0x1p50 + Double(step) * 0.25) }
        // Values that need 17 digits, and the largest and smallest finite values.
        for value in [
            0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.1 * 3, Double.leastNonzeroMagnitude, 1.7976931348623157e308,
            2.2250738585072014e-308,
            0x1p53 + 2, 1.2345678901234567e-300, 123456789012345.67, 0.3,
        ] {
            checkWithNeighbours(value)
        }
        #expect(checker.checked > 150_000)
        #expect(checker.failures == 0, "\(checker.failures) failures, first \(checker.firstFailure ?? "")")
    }
}
