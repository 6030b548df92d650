import DyadExperiment

/// What a calibration fits: d parameters θ with independent priors, and observed target statistics
/// s_obs with scales sd (standard errors or tolerances). The distance of simulated statistics s is
/// ρ(s) = √(Σₖ ((sₖ − s_obs,ₖ)/sdₖ)²) (Euclidean in units of each target's sd).
public struct CalibrationProblem: Sendable, Hashable {
    /// One calibrated parameter: a name (e.g. a sweep path such as `params.lambda0`) and its prior.
    public struct Parameter: Sendable, Hashable {
        /// The parameter's name, e.g. `params.lambda0`.
        public let name: String
        /// π, its prior; proposals outside its support are never simulated.
        public let prior: UnivariateDistribution

        /// A parameter with its prior.
        public init(name: String, prior: UnivariateDistribution) {
            self.name = name
            self.prior = prior
        }
    }

    /// One observed statistic: its name, observed value and scale sd > 0.
    public struct Target: Sendable, Hashable {
        /// The target's name (a column of the outputs).
        public let name: String
        /// s_obs, the observed value.
        public let observed: Double
        /// sd > 0: the unit of this target in the distance (its standard error or tolerance).
        public let scale: Double

        /// A target with its observed value and scale.
        public init(name: String, observed: Double, scale: Double) {
            self.name = name
            self.observed = observed
            self.scale = scale
        }
    }

    /// The parameters, in the order of every θ vector.
    public let parameters: [Parameter]
    /// The targets, in the order of every statistics vector.
    public let targets: [Target]
    /// A hash of everything the simulations depend on besides θ and their seed (base scenario,
    /// simulation size, target definitions), so a saved state is never resumed against another model.
    public let modelKey: UInt64

    /// A problem; check ``problems`` (``ABCCalibration`` does).
    public init(parameters: [Parameter], targets: [Target], modelKey: UInt64 = 0) {
        self.parameters = parameters
        self.targets = targets
        self.modelKey = modelKey
    }

    /// d, the number of parameters.
    public var dimension: Int { parameters.count }

    /// ρ(s) = √(Σₖ ((sₖ − s_obs,ₖ)/sdₖ)²), summed in target order; nil when s has the wrong length or
    /// ρ is not finite (a failed simulation).
    public func distance(_ statistics: [Double]) -> Double? {
        guard statistics.count == targets.count else { return nil }
        var sum = 0.0
        for index in targets.indices {
            let standardised = (statistics[index] - targets[index].observed) / targets[index].scale
            sum += standardised * standardised
        }
        let distance = sum.squareRoot()
        return distance.isFinite ? distance : nil
    }

    /// ln π(θ) = Σₖ ln πₖ(θₖ): −∞ outside the prior support.
    public func logPrior(_ theta: [Double]) -> Double {
        var sum = 0.0
        for index in parameters.indices { sum += parameters[index].prior.logDensity(theta[index]) }
        return sum
    }

    /// Problems that make the problem unusable (empty lists, duplicate names, non-finite or
    /// non-positive scales), as sentences.
    public var problems: [String] {
        var found: [String] = []
        if parameters.isEmpty { found.append("no parameters to calibrate") }
        if targets.isEmpty { found.append("no targets") }
        var seen: Set<String> = []
        for parameter in parameters where !seen.insert(parameter.name).inserted {
            found.append("parameter \"\(parameter.name)\" appears twice")
        }
        for target in targets {
            if !target.observed.isFinite {
                found.append("target \"\(target.name)\": value \(NumberText.shortest(target.observed)) is not finite")
            }
            if !(target.scale.isFinite && target.scale > 0) {
                found.append(
                    "target \"\(target.name)\": sd \(NumberText.shortest(target.scale)) is out of range (allowed > 0)")
            }
        }
        return found
    }
}
