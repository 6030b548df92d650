import DyadValidation
import TestSupport
import Testing

/// The correlation helpers of the validation layer against their documented formulas on uneven
/// data: the delta-method SE of r and Steiger's SE of a difference of overlapping correlations.
@Suite("Correlation standard errors")
struct CorrelationTests {
    /// Var(r) ≈ [m22 + r²/4·(m40 + m04 + 2·m22) − r·(m31 + m13)]/n with x, y standardised by their
    /// mean and population SD and m_jk = mean(x^j·y^k).
    static func deltaMethod(_ x: [Double], _ y: [Double]) -> (r: Double, se: Double) {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sx = (x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +) / n).squareRoot()
        let sy = (y.map { ($0 - my) * ($0 - my) }.reduce(0, +) / n).squareRoot()
        let zx = x.map { ($0 - mx) / sx }, zy = y.map { ($0 - my) / sy }
        func moment(_ j: Int, _ k: Int) -> Double {
            zip(zx, zy).map { pow($0.0, j) * pow($0.1, k) }.reduce(0, +) / n
        }
        let r = moment(1, 1)
        let variance =
            (moment(2, 2) + r * r / 4 * (moment(4, 0) + moment(0, 4) + 2 * moment(2, 2))
                - r * (moment(3, 1) + moment(1, 3))) / n
        return (r, variance.squareRoot())
    }

    static func pow(_ x: Double, _ k: Int) -> Double { (0..<k).reduce(1.0) { value, _ in value * x } }

    @Test(
        "r and its delta-method SE on skewed data",
        arguments: [
            ([1.0, 2, 4, 7, 3, 5, 11, 2], [2.0, 1, 5, 8, 4, 4, 9, 3]),
            ([0.1, 0.4, 0.35, 0.8, 0.05, 0.6, 0.2], [3.0, 1, 2, 0.5, 4, 1, 2.5]),
        ])
    func correlation(x: [Double], y: [Double]) {
        let expected = Self.deltaMethod(x, y)
        let estimate = ValidationStatistics.correlation(x + [.nan], y + [1])
        #expect(estimate.count == x.count)
        #expect(Close.to(estimate.value, expected.r, 1e-12))
        #expect(Close.to(estimate.standardError, expected.se, 1e-12), "\(estimate.standardError) vs \(expected.se)")
    }

    @Test("Steiger's SE of r_jk − r_jh on hand-computed values")
    func overlapping() {
        // r_jk 0.5, r_jh 0.3, r_kh 0.2: ψ = 0.2·(1 − 0.25 − 0.09) − 0.5·0.15·(1 − 0.25 − 0.09 − 0.04) = 0.0855;
        // Var = (0.75² + 0.91² − 2ψ)/100 = (0.5625 + 0.8281 − 0.171)/100.
        let se = ValidationStatistics.overlappingCorrelationDifferenceStandardError(0.5, 0.3, 0.2, count: 100)
        #expect(Close.to(se, ((0.5625 + 0.8281 - 0.171) / 100).squareRoot(), 1e-12))
    }
}
