import DyadCore
import Foundation
import Testing

@Suite("Portable elementary functions")
struct ElementaryFunctionTests {
    private func ulps(_ value: Double, _ reference: Double) -> Double {
        value == reference ? 0 : abs(value - reference) / reference.ulp
    }

    @Test("exp is within 1 ulp of libm on [−704, 704] and within 2 ulp beyond")
    func exponentialAccuracy() {
        var stream = RandomStream(key: 42)
        var worst = 0.0, worstOutside = 0.0
        for _ in 0..<200_000 {
            let x = -745 + stream.uniform() * 1454.7
            let error = ulps(DyadMath.exp(x), Foundation.exp(x))
            if abs(x) < 704 { worst = max(worst, error) } else { worstOutside = max(worstOutside, error) }
            let small = (stream.uniform() - 0.5) * 1e-3
            worst = max(worst, ulps(DyadMath.exp(small), Foundation.exp(small)))
        }
        #expect(worst <= 1)
        #expect(worstOutside <= 2)
    }

    @Test("exp special values")
    func exponentialSpecialValues() {
        #expect(DyadMath.exp(0) == 1)
        #expect(DyadMath.exp(-746) == 0)
        #expect(DyadMath.exp(710) == .infinity)
        #expect(DyadMath.exp(-.infinity) == 0)
        #expect(DyadMath.exp(.infinity) == .infinity)
        #expect(DyadMath.exp(.nan).isNaN)
        #expect(DyadMath.exp(-1e9) == 0)
        #expect(DyadMath.exp(-740) > 0)
    }

    @Test("log is within 1 ulp of libm, including near 1 and for subnormals")
    func logarithmAccuracy() {
        var stream = RandomStream(key: 7)
        var worst = 0.0
        for _ in 0..<200_000 {
            let wide = Foundation.exp((stream.uniform() - 0.5) * 1400)
            let nearOne = 1 + (stream.uniform() - 0.5) * 0.02
            worst = max(worst, ulps(DyadMath.log(wide), Foundation.log(wide)))
            worst = max(worst, ulps(DyadMath.log(nearOne), Foundation.log(nearOne)))
        }
        #expect(worst <= 1)
        let subnormal = 0x1p-1060
        #expect(ulps(DyadMath.log(subnormal), Foundation.log(subnormal)) <= 1)
    }

    @Test("log special values")
    func logarithmSpecialValues() {
        #expect(DyadMath.log(1) == 0)
        #expect(DyadMath.log(0) == -.infinity)
        #expect(DyadMath.log(-1).isNaN)
        #expect(DyadMath.log(.infinity) == .infinity)
        #expect(DyadMath.log(.nan).isNaN)
        #expect(DyadMath.halfPower(1) == 0.5)
        #expect(DyadMath.halfPower(.infinity) == 0)
    }

    @Test("clamp01 and half-even rounding")
    func clampingAndRounding() {
        #expect(clamp01(-0.5) == 0)
        #expect(clamp01(1.5) == 1)
        #expect(clamp01(0.25) == 0.25)
        #expect(clamp01(.nan) == 0)
        #expect(roundedCount(2.5) == 2)
        #expect(roundedCount(3.5) == 4)
        #expect(roundedCount(5.49) == 5)
    }
}
