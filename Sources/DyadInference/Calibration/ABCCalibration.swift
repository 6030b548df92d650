import DyadCore
import DyadExperiment

/// Approximate Bayesian computation by sequential Monte Carlo: population Monte Carlo with adaptive
/// tolerances (Beaumont, Cornuet, Marin & Robert 2009, Biometrika 96; Toni et al. 2009, J. R. Soc.
/// Interface 6; tolerances as quantiles of the previous distances as in Del Moral, Doucet & Jasra 2012
/// and pyABC).
///
/// - Generation 0: θ from the priors, ε₀ = ∞ (every simulation that does not fail is accepted), wᵢ = 1/N.
/// - Generation t ≥ 1: εₜ = max(weighted q-quantile of generation t − 1's distances, `minEpsilon`);
///   proposals θ = θⱼ + N(0, 2Σ) from a particle picked by weight (``PerturbationKernel``), redrawn
///   without simulating while π(θ) = 0; accepted when ρ ≤ εₜ; weights wᵢ ∝ π(θᵢ)/Σⱼ wⱼK(θᵢ | θⱼ),
///   normalised; ESS = 1/Σwᵢ².
/// - Determinism: attempt i of generation t draws its proposal from a stream keyed by (seed, t, i) and
///   its simulation seed from the same key; attempts go to the evaluator in batches of
///   ``ABCSettings/batchSize`` (a function of N only); the generation keeps the first N accepting
///   attempts in attempt order. The evaluator may simulate a batch in parallel: results are the same
///   bits for any thread count.
/// - Stopping after generation t (checked in this order): εₜ ≤ `minEpsilon`; t + 1 = `maxGenerations`;
///   t ≥ 1 and the acceptance rate < `minAcceptance`; the next tolerance ≥ (1 − `minEpsilonDecrease`)·εₜ.
///   A generation without N acceptances after ⌈N/`minAcceptance`⌉ attempts is abandoned (reason
///   `min_acceptance`) and the previous generation is the result.
///
/// Usage: make one (or restore one from a saved ``ABCState``), call ``advance(onBatch:evaluate:)`` until
/// ``isFinished``, saving ``state`` after each call; read ``posteriorSummary()``.
public struct ABCCalibration: Sendable {
    /// The parameters with their priors, and the targets.
    public let problem: CalibrationProblem
    /// Particles, stop rules, tolerance quantile and seed.
    public let settings: ABCSettings
    /// Completed generations, counters and the stop reason: save it after every ``advance(onBatch:evaluate:)``.
    public private(set) var state: ABCState

    /// Proposals redrawn at most this often per attempt while they fall outside the prior support; an
    /// attempt that exhausts them is skipped without a simulation.
    static let maximumRedraws = 10_000

    /// A calibration at its start, or `CalibrationError` if the problem or settings are invalid.
    public init(problem: CalibrationProblem, settings: ABCSettings) throws(CalibrationError) {
        try Self.validate(problem, settings)
        self.problem = problem
        self.settings = settings
        state = ABCState(
            fingerprint: Self.fingerprint(problem: problem, settings: settings), particles: settings.particles,
            dimension: problem.dimension, statisticCount: problem.targets.count)
    }

    /// A calibration continuing from `state`, which must have been written for the same problem and
    /// settings (same fingerprint and shape).
    public init(problem: CalibrationProblem, settings: ABCSettings, resumingFrom state: ABCState)
        throws(CalibrationError)
    {
        try Self.validate(problem, settings)
        let expected = Self.fingerprint(problem: problem, settings: settings)
        guard state.fingerprint == expected else {
            throw .stateMismatch(
                "the saved state belongs to another calibration (fingerprint "
                    + "\(Self.hex(state.fingerprint)), expected \(Self.hex(expected))): the calibration file or its "
                    + "scenario changed; start again without resuming")
        }
        guard state.particles == settings.particles, state.dimension == problem.dimension,
            state.statisticCount == problem.targets.count
        else {
            throw .stateMismatch(
                "the saved state has \(state.particles) particles, \(state.dimension) parameters and "
                    + "\(state.statisticCount) targets; the calibration has \(settings.particles), "
                    + "\(problem.dimension) and \(problem.targets.count)")
        }
        self.problem = problem
        self.settings = settings
        self.state = state
    }

    private static func validate(_ problem: CalibrationProblem, _ settings: ABCSettings) throws(CalibrationError) {
        let problems = problem.problems
        if !problems.isEmpty { throw .invalidProblem(problems) }
        let settingProblems = settings.problems
        if !settingProblems.isEmpty { throw .invalidSettings(settingProblems) }
    }

    /// True once a stop rule has fired.
    public var isFinished: Bool { state.stopReason != nil }

    /// The tolerance of the next generation: ∞ before generation 0, then
    /// max(weighted `epsilonQuantile`-quantile of the last distances, `minEpsilon`).
    public var nextEpsilon: Double {
        guard let last = state.generations.last else { return .infinity }
        let quantile = WeightedStatistics.quantile(
            last.population.distances, weights: last.population.weights,
            probability: settings.epsilonQuantile)
        return max(quantile, settings.minEpsilon)
    }

    // MARK: - Seeds

    /// The key of attempt `attempt` of generation `generation`:
    /// sm(sm(sm(seed ⊕ "ABC-SMC\0") ⊕ generation) ⊕ attempt), with sm = ``SplitMix64/scramble(_:)``.
    /// The attempt's proposal stream is `RandomStream(key:)` of it.
    public static func attemptKey(seed: UInt64, generation: Int, attempt: Int) -> UInt64 {
        let seeded = SplitMix64.scramble(seed ^ 0x4142_432d_534d_4300)
        let generationKey = SplitMix64.scramble(seeded ^ UInt64(truncatingIfNeeded: generation))
        return SplitMix64.scramble(generationKey ^ UInt64(truncatingIfNeeded: attempt))
    }

    /// The simulation seed of an attempt: sm(key ⊕ "SIMULATE") >> 11, below 2⁵³.
    public static func simulationSeed(attemptKey: UInt64) -> UInt64 {
        SplitMix64.scramble(attemptKey ^ 0x5349_4d55_4c41_5445) >> 11
    }

    /// The FNV-1a hash of a canonical text of the problem (parameter names and priors with exact bit
    /// patterns, targets, model key) and every setting.
    public static func fingerprint(problem: CalibrationProblem, settings: ABCSettings) -> UInt64 {
        var text = "abc-smc 1\nparticles \(settings.particles) max_generations \(settings.maxGenerations)"
        text += " min_acceptance \(hex(settings.minAcceptance)) epsilon_quantile \(hex(settings.epsilonQuantile))"
        text += " min_epsilon \(hex(settings.minEpsilon)) min_epsilon_decrease \(hex(settings.minEpsilonDecrease))"
        text += " seed \(hex(settings.seed))\n"
        for parameter in problem.parameters {
            text += "parameter \(parameter.name.utf8.count):\(parameter.name) \(parameter.prior.family.rawValue)"
            for key in DistributionParameter.allCases {
                if let value = parameter.prior.parameters[key] { text += " \(key.rawValue) \(hex(value))" }
            }
            text += "\n"
        }
        for target in problem.targets {
            text += "target \(target.name.utf8.count):\(target.name) \(hex(target.observed)) \(hex(target.scale))\n"
        }
        text += "model \(hex(problem.modelKey))\n"
        return FNV1a.hash(text)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(_ value: Double) -> String { hex(value.bitPattern) }

    // MARK: - Running

    /// Runs the next generation and returns its report (every simulation, the generation unless it was
    /// abandoned, the stop reason). `evaluate` simulates a batch of proposals (in parallel if it likes)
    /// and returns one statistics vector per proposal in the same order (one value per target), or nil
    /// for a failed simulation. If `evaluate` throws, ``state`` is unchanged.
    /// - Precondition: not ``isFinished``; `evaluate` returns as many results as proposals.
    public mutating func advance(
        onBatch: (ABCBatchProgress) -> Void = { _ in },
        evaluate: ([ABCProposal]) throws -> [[Double]?]
    ) rethrows -> ABCGenerationReport {
        precondition(!isFinished, "advance() called after the calibration finished")
        let index = state.generations.count
        let epsilon = nextEpsilon
        let kernel = state.generations.last.map {
            PerturbationKernel(population: $0.population, priorScales: priorScales)
        }
        let particles = settings.particles
        var builder = PopulationBuilder(capacity: particles)
        var simulations: [ABCSimulation] = []
        var proposer = Proposer(problem: problem, kernel: kernel)
        var proposals: [ABCProposal] = []
        proposals.reserveCapacity(settings.batchSize)
        var attempt = 0
        let budget = settings.attemptBudget
        while builder.count < particles && attempt < budget {
            let end = min(attempt + settings.batchSize, budget)
            proposals.removeAll(keepingCapacity: true)
            for number in attempt..<end {
                let key = Self.attemptKey(seed: settings.seed, generation: index, attempt: number)
                if let theta = proposer.propose(key: key) {
                    proposals.append(
                        ABCProposal(
                            generation: index, attempt: number, parameters: theta,
                            seed: Self.simulationSeed(attemptKey: key)))
                }
            }
            attempt = end
            guard !proposals.isEmpty else { continue }
            let results = try evaluate(proposals)
            precondition(
                results.count == proposals.count,
                "the evaluator returned \(results.count) results for \(proposals.count) proposals")
            precondition(
                results.allSatisfy { $0 == nil || $0?.count == problem.targets.count },
                "the evaluator returned a statistics vector of the wrong length")
            for (proposal, statistics) in zip(proposals, results) {
                let distance = statistics.flatMap { problem.distance($0) }
                let status: ABCSimulation.Status
                if let distance, let statistics {
                    if distance <= epsilon {
                        if builder.count < particles {
                            status = .accepted
                            builder.append(proposal, statistics: statistics, distance: distance)
                        } else {
                            status = .surplus
                        }
                    } else {
                        status = .rejected
                    }
                } else {
                    status = .failed
                }
                simulations.append(
                    ABCSimulation(
                        proposal: proposal, statistics: statistics,
                        distance: distance, status: status))
            }
            onBatch(
                ABCBatchProgress(
                    generation: index, epsilon: epsilon, simulations: simulations.count,
                    accepted: builder.count, particles: particles))
        }
        let simulationCount = state.simulationCount + simulations.count
        guard builder.count == particles else {
            state.simulationCount = simulationCount
            state.stopReason = .minAcceptance
            return ABCGenerationReport(
                index: index, epsilon: epsilon, simulations: simulations, generation: nil,
                stopReason: .minAcceptance)
        }
        let weights =
            kernel.map { importanceWeights(builder.parameters, kernel: $0) }
            ?? [Double](repeating: 1 / Double(particles), count: particles)
        let generation = ABCGeneration(
            index: index, epsilon: epsilon, simulations: simulations.count,
            population: builder.population(weights: weights))
        state.generations.append(generation)
        state.simulationCount = simulationCount
        state.stopReason = stopReason(after: generation)
        return ABCGenerationReport(
            index: index, epsilon: epsilon, simulations: simulations, generation: generation,
            stopReason: state.stopReason)
    }

    /// Runs generations until a stop rule fires, calling `onGeneration` with each report and the state
    /// to save (write the report's simulations, then the state). If a closure throws, ``state`` is that of
    /// the last completed generation.
    public mutating func run(
        onBatch: (ABCBatchProgress) -> Void = { _ in },
        onGeneration: (ABCGenerationReport, ABCState) throws -> Void,
        evaluate: ([ABCProposal]) throws -> [[Double]?]
    ) rethrows {
        while !isFinished {
            let report = try advance(onBatch: onBatch, evaluate: evaluate)
            try onGeneration(report, state)
        }
    }

    /// The posterior summary of the last completed generation (nil before generation 0 completed).
    public func posteriorSummary() -> PosteriorSummary? {
        state.generations.last.map { PosteriorSummary(population: $0.population, parameters: problem.parameters) }
    }

    // MARK: - Internals

    /// A positive scale per prior for the kernel's variance floor: its sd, else its width, else 1.
    private var priorScales: [Double] {
        problem.parameters.map { parameter in
            let prior = parameter.prior
            if prior.standardDeviation.isFinite && prior.standardDeviation > 0 { return prior.standardDeviation }
            let width = prior.upperBound - prior.lowerBound
            return width.isFinite && width > 0 ? width : 1
        }
    }

    /// wᵢ ∝ π(θᵢ)/Σⱼ wⱼK(θᵢ | θⱼ), in log space and normalised by the max-shifted sum.
    private func importanceWeights(_ parameters: [[Double]], kernel: PerturbationKernel) -> [Double] {
        var whitened = [Double](repeating: 0, count: problem.dimension)
        var terms = [Double](repeating: 0, count: kernel.particleCount)
        var logWeights = [Double](repeating: 0, count: parameters.count)
        var largest = -Double.infinity
        for (index, theta) in parameters.enumerated() {
            let logWeight =
                problem.logPrior(theta) - kernel.logMixtureDensity(theta, whitened: &whitened, terms: &terms)
            logWeights[index] = logWeight.isNaN ? -.infinity : logWeight
            largest = max(largest, logWeights[index])
        }
        guard largest.isFinite else {
            return [Double](repeating: 1 / Double(parameters.count), count: parameters.count)
        }
        var weights = logWeights.map { DyadMath.exp($0 - largest) }
        var total = 0.0
        for weight in weights { total += weight }
        for index in weights.indices { weights[index] /= total }
        return weights
    }

    private func stopReason(after generation: ABCGeneration) -> ABCStopReason? {
        if generation.epsilon <= settings.minEpsilon { return .minEpsilon }
        if generation.index + 1 >= settings.maxGenerations { return .maxGenerations }
        if generation.index >= 1 && generation.acceptanceRate < settings.minAcceptance { return .minAcceptance }
        if nextEpsilon >= (1 - settings.minEpsilonDecrease) * generation.epsilon { return .epsilonStalled }
        return nil
    }
}

/// Draws the proposals of one generation (scratch buffers reused across attempts).
private struct Proposer {
    let problem: CalibrationProblem
    let kernel: PerturbationKernel?
    var z: [Double]

    init(problem: CalibrationProblem, kernel: PerturbationKernel?) {
        self.problem = problem
        self.kernel = kernel
        z = [Double](repeating: 0, count: problem.dimension)
    }

    /// θ for the attempt keyed `key`: prior draws by inverse CDF (generation 0), else kernel proposals
    /// redrawn until π(θ) > 0 (nil after ``ABCCalibration/maximumRedraws`` tries).
    mutating func propose(key: UInt64) -> [Double]? {
        var stream = RandomStream(key: key)
        var theta = [Double](repeating: 0, count: problem.dimension)
        guard let kernel else {
            for index in theta.indices { theta[index] = problem.parameters[index].prior.sample(&stream) }
            return theta
        }
        for _ in 0..<ABCCalibration.maximumRedraws {
            kernel.perturb(&stream, into: &theta, z: &z)
            if problem.logPrior(theta) > -.infinity { return theta }
        }
        return nil
    }
}

/// Accumulates the accepted particles of a generation in attempt order.
private struct PopulationBuilder {
    var attempts: [Int] = []
    var seeds: [UInt64] = []
    var parameters: [[Double]] = []
    var statistics: [[Double]] = []
    var distances: [Double] = []

    init(capacity: Int) {
        attempts.reserveCapacity(capacity)
        seeds.reserveCapacity(capacity)
        parameters.reserveCapacity(capacity)
        statistics.reserveCapacity(capacity)
        distances.reserveCapacity(capacity)
    }

    var count: Int { attempts.count }

    mutating func append(_ proposal: ABCProposal, statistics values: [Double], distance: Double) {
        attempts.append(proposal.attempt)
        seeds.append(proposal.seed)
        parameters.append(proposal.parameters)
        statistics.append(values)
        distances.append(distance)
    }

    func population(weights: [Double]) -> ABCPopulation {
        ABCPopulation(
            attempts: attempts, seeds: seeds, parameters: parameters, statistics: statistics,
            distances: distances, weights: weights)
    }
}
