import DyadCore
import DyadExperiment

/// The proposal of ABC-SMC generation t built from generation t − 1 (Beaumont et al. 2009, "Adaptive
/// approximate Bayesian computation", Biometrika 96): pick particle j with probability wⱼ, then
/// θ = θⱼ + L·z with z ~ N(0, I) and L·Lᵀ = 2Σ, Σ the weighted covariance of generation t − 1.
///
/// The importance weight of an accepted θ is π(θ)/Σⱼ wⱼ K(θ | θⱼ) with K the N(θⱼ, 2Σ) density; the
/// Gaussian's constant (2π)^(−d/2)|2Σ|^(−1/2) is common to all particles and cancels on normalising, so
/// ``logMixtureDensity(_:)`` returns ln Σⱼ wⱼ exp(−½‖L⁻¹(θ − θⱼ)‖²).
struct PerturbationKernel {
    let dimension: Int
    /// L with L·Lᵀ = 2Σ (ridge-regularised if Σ is degenerate).
    let factor: CholeskyFactor
    /// θⱼ, flat N×d.
    private let centres: [Double]
    /// L⁻¹θⱼ, flat N×d.
    private let whitenedCentres: [Double]
    /// ln wⱼ.
    private let logWeights: [Double]
    /// Cumulative normalised weights for picking a particle.
    private let cumulativeWeights: [Double]

    /// The kernel of `population`. Each variance is floored at (10⁻⁹·sₖ)², sₖ a scale of prior k, so
    /// identical particles still give a proper kernel.
    init(population: ABCPopulation, priorScales: [Double]) {
        let dimension = priorScales.count
        self.dimension = dimension
        var covariance = WeightedStatistics.covariance(
            population.parameters, weights: population.weights,
            dimension: dimension)
        for index in 0..<dimension {
            let floor = 1e-9 * priorScales[index]
            let diagonal = index * dimension + index
            covariance[diagonal] = max(covariance[diagonal], floor * floor)
        }
        factor = CholeskyFactor(covariance: covariance.map { 2 * $0 }, dimension: dimension)
        var centres: [Double] = []
        centres.reserveCapacity(population.count * dimension)
        for row in population.parameters { centres.append(contentsOf: row) }
        self.centres = centres
        var whitened = [Double](repeating: 0, count: centres.count)
        var point = [Double](repeating: 0, count: dimension)
        var solved = [Double](repeating: 0, count: dimension)
        for particle in 0..<population.count {
            for column in 0..<dimension { point[column] = centres[particle * dimension + column] }
            factor.solveLower(point, into: &solved)
            for column in 0..<dimension { whitened[particle * dimension + column] = solved[column] }
        }
        whitenedCentres = whitened
        var total = 0.0
        for weight in population.weights { total += weight }
        logWeights = population.weights.map { DyadMath.log($0 / total) }
        var running = 0.0
        cumulativeWeights = population.weights.map { weight in
            running += weight / total
            return running
        }
    }

    /// A proposal into `theta`: j picked by weight (one uniform u, the first j with Cⱼ > u·C_N), then
    /// θ = θⱼ + L·z with zₖ = Φ⁻¹(uₖ) from d further open uniforms. `z` is scratch of length d.
    func perturb(_ stream: inout RandomStream, into theta: inout [Double], z: inout [Double]) {
        let target = stream.uniform() * cumulativeWeights[cumulativeWeights.count - 1]
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
        }
        for index in 0..<dimension { z[index] = StandardNormal.quantile(stream.openUniform()) }
        factor.multiply(z, into: &theta)
        for index in 0..<dimension { theta[index] += centres[low * dimension + index] }
    }

    /// ln Σⱼ wⱼ exp(−½‖L⁻¹θ − L⁻¹θⱼ‖²), by the max-shifted log-sum-exp over j in order. `whitened` (length d)
    /// and `terms` (length N) are scratch, so the O(N·d) loop allocates nothing.
    func logMixtureDensity(_ theta: [Double], whitened: inout [Double], terms: inout [Double]) -> Double {
        factor.solveLower(theta, into: &whitened)
        var largest = -Double.infinity
        for particle in 0..<logWeights.count {
            var squared = 0.0
            let base = particle * dimension
            for column in 0..<dimension {
                let difference = whitened[column] - whitenedCentres[base + column]
                squared += difference * difference
            }
            let term = logWeights[particle] - 0.5 * squared
            terms[particle] = term
            if term > largest { largest = term }
        }
        guard largest > -.infinity else { return -.infinity }
        var sum = 0.0
        for particle in 0..<logWeights.count { sum += DyadMath.exp(terms[particle] - largest) }
        return largest + DyadMath.log(sum)
    }

    /// N.
    var particleCount: Int { logWeights.count }
}
