import DyadExperiment

/// The settings of an ABC-SMC calibration (the `abc` object of a calibration file).
public struct ABCSettings: Sendable, Hashable {
    /// N, accepted particles per generation (≥ 2).
    public var particles: Int
    /// Generations at most, generation 0 (the prior) included (≥ 1).
    public var maxGenerations: Int
    /// Stop when a generation's acceptance rate (accepted/simulations) falls below this, in (0, 1]; a
    /// generation that cannot reach N particles within ⌈N/minAcceptance⌉ attempts is abandoned.
    public var minAcceptance: Double
    /// q: each tolerance εₜ is the weighted q-quantile of generation t − 1's distances, in (0, 1).
    public var epsilonQuantile: Double
    /// Stop once the tolerance reaches this value (≥ 0; tolerances are never set below it).
    public var minEpsilon: Double
    /// Stop when the next tolerance would be above (1 − this)·εₜ, in [0, 1): ε stopped decreasing.
    public var minEpsilonDecrease: Double
    /// The calibration seed: every proposal and simulation seed derives from it.
    public var seed: UInt64

    /// Settings with the defaults of a calibration file (N = 500, at most 10 generations, …).
    public init(
        seed: UInt64, particles: Int = 500, maxGenerations: Int = 10, minAcceptance: Double = 0.02,
        epsilonQuantile: Double = 0.5, minEpsilon: Double = 0, minEpsilonDecrease: Double = 0.01
    ) {
        self.seed = seed
        self.particles = particles
        self.maxGenerations = maxGenerations
        self.minAcceptance = minAcceptance
        self.epsilonQuantile = epsilonQuantile
        self.minEpsilon = minEpsilon
        self.minEpsilonDecrease = minEpsilonDecrease
    }

    /// The settings' names in files (snake_case).
    public enum Field: String, CaseIterable, Sendable {
        case particles
        case maxGenerations = "max_generations"
        case minAcceptance = "min_acceptance"
        case epsilonQuantile = "epsilon_quantile"
        case minEpsilon = "min_epsilon"
        case minEpsilonDecrease = "min_epsilon_decrease"
        case seed
    }

    /// A setting out of its range: `field: value is out of range (allowed …)`.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The setting.
        public let field: Field
        /// Its value.
        public let value: Double
        /// What would be allowed.
        public let allowed: String

        /// `field: value is out of range (allowed …)`.
        public var description: String {
            "\(field.rawValue): \(NumberText.shortest(value)) is out of range (allowed \(allowed))"
        }
    }

    /// Every setting out of range.
    public var problems: [Problem] {
        var found: [Problem] = []
        func require(_ field: Field, _ value: Double, _ condition: Bool, _ allowed: String) {
            if !condition { found.append(Problem(field: field, value: value, allowed: allowed)) }
        }
        require(.particles, Double(particles), (2...1_000_000).contains(particles), "2...1000000")
        require(.maxGenerations, Double(maxGenerations), (1...10_000).contains(maxGenerations), "1...10000")
        require(.minAcceptance, minAcceptance, minAcceptance > 0 && minAcceptance <= 1, "more than 0, at most 1")
        require(
            .epsilonQuantile, epsilonQuantile, epsilonQuantile > 0 && epsilonQuantile < 1, "more than 0, less than 1")
        require(.minEpsilon, minEpsilon, minEpsilon >= 0 && minEpsilon.isFinite, "a finite number, 0 or more")
        require(
            .minEpsilonDecrease, minEpsilonDecrease, minEpsilonDecrease >= 0 && minEpsilonDecrease < 1,
            "0 or more, less than 1")
        return found
    }

    /// Attempts per batch handed to the evaluator: min(N, max(16, ⌈N/8⌉)). A function of N only, never
    /// of the thread count, so the simulations run (and `simulations.csv`) do not depend on threads;
    /// the posterior does not depend on the batch size at all (the first N acceptances in attempt order).
    public var batchSize: Int {
        min(particles, max(16, (particles + 7) / 8))
    }

    /// ⌈N/minAcceptance⌉: attempts after which a generation without N acceptances is abandoned.
    public var attemptBudget: Int {
        let budget = (Double(particles) / minAcceptance).rounded(.up)
        return budget < 0x1p62 ? Int(budget) : 1 << 62
    }
}
