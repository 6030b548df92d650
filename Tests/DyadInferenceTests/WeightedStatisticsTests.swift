import DyadExperiment
import DyadInference
import Testing

@Suite("Weighted statistics and Cholesky factors")
struct WeightedStatisticsTests {
    @Test("weighted quantiles interpolate between cumulative-weight mid-points (hand-computed cases)")
    func quantiles() {
        let equal = [1.0, 1, 1, 1]
        // Mid-points 1/8, 3/8, 5/8, 7/8 (the Hazen definition for equal weights).
        #expect(WeightedStatistics.quantile([4, 1, 3, 2], weights: equal, probability: 0.5) == 2.5)
        #expect(WeightedStatistics.quantile([4, 1, 3, 2], weights: equal, probability: 0.1) == 1)
        #expect(WeightedStatistics.quantile([4, 1, 3, 2], weights: equal, probability: 0.95) == 4)
        #expect(WeightedStatistics.quantile([4, 1, 3, 2], weights: equal, probability: 0.25) == 1.5)
        // Weights 0.5, 0.25, 0.25: mid-points 0.25, 0.625, 0.875; α = 0.5 lies 2/3 of the way from 1 to 2.
        let weighted = WeightedStatistics.quantile([1, 2, 3], weights: [2, 1, 1], probability: 0.5)
        #expect((weighted - 5.0 / 3).magnitude < 1e-15)
        // A zero weight does not move the quantile.
        #expect(WeightedStatistics.quantile([1, 2, 3, 2.5], weights: [2, 1, 1, 0], probability: 0.5) == weighted)
    }

    @Test("weighted mean, covariance and ESS")
    func moments() {
        let rows: [[Double]] = [[0, 0], [1, 1], [2, 2]]
        let covariance = WeightedStatistics.covariance(rows, weights: [1, 1, 1], dimension: 2)
        #expect(covariance.allSatisfy { ($0 - 2.0 / 3).magnitude < 1e-15 })
        let skewed = WeightedStatistics.covariance([[0], [1]], weights: [3, 1], dimension: 1)
        #expect((skewed[0] - 0.1875).magnitude < 1e-15)  // p(1 − p) with p = 1/4
        #expect(WeightedStatistics.mean([0, 1], weights: [3, 1]) == 0.25)
        #expect(WeightedStatistics.effectiveSampleSize([0.25, 0.25, 0.25, 0.25]) == 4)
        #expect(WeightedStatistics.effectiveSampleSize([1, 0, 0]) == 1)
    }

    @Test("Cholesky: exact for a positive-definite matrix, a tiny ridge for singular ones, never a trap")
    func cholesky() {
        let definite = CholeskyFactor(covariance: [4, 2, 2, 3], dimension: 2)
        #expect(definite.ridge == 0)
        #expect(definite.lower[0] == 2 && definite.lower[1] == 0 && definite.lower[2] == 1)
        #expect((definite.lower[3] - 2.0.squareRoot()).magnitude < 1e-15)
        let singular = CholeskyFactor(covariance: [1, 1, 1, 1], dimension: 2)
        #expect(singular.ridge > 0 && singular.ridge < 1e-6)
        let l = singular.lower
        #expect((l[2] * l[2] + l[3] * l[3] - 1).magnitude < 1e-6 && (l[2] * l[0] - 1).magnitude < 1e-6)
        let zero = CholeskyFactor(covariance: [0, 0, 0, 0], dimension: 2)
        #expect(zero.lower[0] > 0 && zero.lower[3] > 0)
        let broken = CholeskyFactor(covariance: [.nan, 0, 0, -1], dimension: 2)
        #expect(broken.lower.allSatisfy(\.isFinite) && broken.lower[0] > 0 && broken.lower[3] > 0)
        var solved = [0.0, 0.0]
        var product = [0.0, 0.0]
        definite.solveLower([2, 3], into: &solved)
        definite.multiply(solved, into: &product)
        #expect(product == [2, 3])
    }
}
