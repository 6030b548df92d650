import Dispatch
import DyadCore
import DyadExperiment
import DyadInference

/// s = A·θ + σ ⊙ z with z ~ N(0, I) drawn from the proposal's seed: a linear-Gaussian simulator whose
/// ABC posterior tends to the exact Gaussian posterior as ε → 0.
struct LinearGaussianModel: Sendable {
    /// A, k × d.
    let matrix: [[Double]]
    /// σ, one noise sd per statistic.
    let noise: [Double]

    func simulate(_ proposal: ABCProposal) -> [Double] {
        var stream = RandomStream(key: proposal.seed)
        return matrix.indices.map { row in
            var value = 0.0
            for column in proposal.parameters.indices { value += matrix[row][column] * proposal.parameters[column] }
            return value + noise[row] * StandardNormal.quantile(stream.openUniform())
        }
    }

    /// Evaluates a batch one proposal after another.
    func sequential(_ batch: [ABCProposal]) -> [[Double]?] {
        batch.map { simulate($0) }
    }

    /// Evaluates a batch with `DispatchQueue.concurrentPerform`, each proposal writing its own slot.
    func parallel(_ batch: [ABCProposal]) -> [[Double]?] {
        let slots = ResultSlots(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            slots.store(simulate(batch[index]), at: index)
        }
        return slots.values
    }
}

/// Disjoint result slots written by parallel workers (each index exactly once).
final class ResultSlots: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<[Double]?>

    init(count: Int) {
        pointer = UnsafeMutableBufferPointer<[Double]?>.allocate(capacity: count)
        pointer.initialize(repeating: nil)
    }

    deinit { pointer.deinitialize().deallocate() }

    func store(_ value: [Double]?, at index: Int) { pointer[index] = value }

    var values: [[Double]?] { Array(pointer) }
}

/// Gaussian posterior of θ ~ N(m₀, S₀) with s = Aθ + N(0, diag σ²) observed at y, for 1 or 2 parameters:
/// precision P = S₀⁻¹ + AᵀWA (W = diag σ⁻²), mean P⁻¹(S₀⁻¹m₀ + AᵀWy).
func gaussianPosterior(
    priorMean: [Double], priorSD: [Double], matrix: [[Double]], noise: [Double],
    observed: [Double]
) -> (mean: [Double], covariance: [[Double]]) {
    let d = priorMean.count
    var precision = (0..<d).map { row in
        (0..<d).map { column in row == column ? 1 / (priorSD[row] * priorSD[row]) : 0.0 }
    }
    var linear = (0..<d).map { priorMean[$0] / (priorSD[$0] * priorSD[$0]) }
    for (row, coefficients) in matrix.enumerated() {
        let weight = 1 / (noise[row] * noise[row])
        for first in 0..<d {
            linear[first] += coefficients[first] * weight * observed[row]
            for second in 0..<d { precision[first][second] += coefficients[first] * weight * coefficients[second] }
        }
    }
    let covariance: [[Double]]
    if d == 1 {
        covariance = [[1 / precision[0][0]]]
    } else {
        let determinant = precision[0][0] * precision[1][1] - precision[0][1] * precision[1][0]
        covariance = [
            [precision[1][1] / determinant, -precision[0][1] / determinant],
            [-precision[1][0] / determinant, precision[0][0] / determinant],
        ]
    }
    let mean = (0..<d).map { row in (0..<d).reduce(0.0) { $0 + covariance[row][$1] * linear[$1] } }
    return (mean, covariance)
}
