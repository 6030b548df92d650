import DyadExperiment

/// Summaries of a weighted particle population (the posterior of the last generation): per parameter
/// the weighted mean, sd and 2.5 %, 50 % and 97.5 % quantiles
/// (``WeightedStatistics/quantile(_:weights:probability:)``), the prior bounds, and the weighted
/// covariance with its Cholesky factor (a row of `posterior-summary.csv` per parameter).
public struct PosteriorSummary: Sendable, Equatable {
    /// The marginal summary of one parameter.
    public struct Marginal: Sendable, Equatable {
        /// The parameter's name.
        public let name: String
        /// Σᵢ wᵢθᵢ.
        public let mean: Double
        /// √(Σᵢ wᵢ(θᵢ − mean)²) (the weighted, maximum-likelihood sd).
        public let standardDeviation: Double
        /// The weighted 2.5 % quantile.
        public let lower95: Double
        /// The weighted median.
        public let median: Double
        /// The weighted 97.5 % quantile.
        public let upper95: Double
        /// The prior's support, [lowerBound, upperBound] (possibly infinite).
        public let priorLowerBound: Double
        /// The upper end of the prior's support.
        public let priorUpperBound: Double
    }

    /// One summary per parameter, in problem order.
    public let marginals: [Marginal]
    /// The weighted covariance Σ, row-major d×d.
    public let covariance: [Double]
    /// Σ = L·Lᵀ (ridge-regularised if Σ is singular; see ``CholeskyFactor``).
    public let cholesky: CholeskyFactor
    /// ESS = 1/Σᵢ wᵢ².
    public let effectiveSampleSize: Double

    /// Summarises `population`, whose θ rows follow `parameters`.
    public init(population: ABCPopulation, parameters: [CalibrationProblem.Parameter]) {
        let dimension = parameters.count
        covariance = WeightedStatistics.covariance(
            population.parameters, weights: population.weights, dimension: dimension)
        cholesky = CholeskyFactor(covariance: covariance, dimension: dimension)
        effectiveSampleSize = population.effectiveSampleSize
        var marginals: [Marginal] = []
        for (index, parameter) in parameters.enumerated() {
            let values = population.values(ofParameter: index)
            let weights = population.weights
            marginals.append(
                Marginal(
                    name: parameter.name,
                    mean: WeightedStatistics.mean(values, weights: weights),
                    standardDeviation: max(0, covariance[index * dimension + index]).squareRoot(),
                    lower95: WeightedStatistics.quantile(values, weights: weights, probability: 0.025),
                    median: WeightedStatistics.quantile(values, weights: weights, probability: 0.5),
                    upper95: WeightedStatistics.quantile(values, weights: weights, probability: 0.975),
                    priorLowerBound: parameter.prior.lowerBound,
                    priorUpperBound: parameter.prior.upperBound))
        }
        self.marginals = marginals
    }

    /// The weighted correlation of parameters i and j: Σᵢⱼ/√(Σᵢᵢ Σⱼⱼ).
    public func correlation(_ first: Int, _ second: Int) -> Double {
        let dimension = marginals.count
        return covariance[first * dimension + second]
            / (covariance[first * dimension + first] * covariance[second * dimension + second]).squareRoot()
    }
}
