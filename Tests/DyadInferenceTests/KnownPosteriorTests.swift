import DyadExperiment
import DyadInference
import Testing

/// ABC-SMC on problems whose posterior is known in closed form. With a fixed seed each run is
/// deterministic; the bands are about 3–4 Monte Carlo standard errors at the final ESS (≈ sd/√ESS for
/// a mean, ≈ 1/√(2·ESS) relative for an sd) plus the small ABC bias of the final tolerance.
@Suite("ABC-SMC known posteriors")
struct KnownPosteriorTests {
    static func calibrate(
        _ problem: CalibrationProblem, _ settings: ABCSettings, model: LinearGaussianModel,
        onProposal: ([ABCProposal]) -> Void = { _ in }
    ) throws -> ABCCalibration {
        var calibration = try ABCCalibration(problem: problem, settings: settings)
        calibration.run(onGeneration: { _, _ in }) { batch in
            onProposal(batch)
            return model.sequential(batch)
        }
        return calibration
    }

    static func describe(_ calibration: ABCCalibration) -> String {
        calibration.state.generations.map { generation in
            "t=\(generation.index) ε=\(generation.epsilon) sims=\(generation.simulations) "
                + "rate=\(generation.acceptanceRate) ess=\(Int(generation.effectiveSampleSize))"
        }.joined(separator: "\n") + "\nstop: \(calibration.state.stopReason?.rawValue ?? "none")"
    }

    @Test("normal mean, known variance, conjugate normal prior: posterior mean and sd within a few percent")
    func conjugateNormal() throws {
        // θ ~ N(0, 2²); the data mean of n = 25 draws with σ = 1 is 0.8, so s = θ + 0.2·z observed at 0.8 with
        // sd = its standard error 0.2. Posterior: precision 1/4 + 25 = 25.25, mean 20/25.25 = 0.79208,
        // sd 0.19901.
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.2])
        let problem = CalibrationProblem(
            parameters: [.init(name: "theta", prior: try .normal(mean: 0, sd: 2))],
            targets: [.init(name: "data_mean", observed: 0.8, scale: 0.2)])
        let settings = ABCSettings(seed: 11, particles: 2000, maxGenerations: 12, minAcceptance: 0.02)
        let calibration = try Self.calibrate(problem, settings, model: model)
        let exact = gaussianPosterior(priorMean: [0], priorSD: [2], matrix: [[1]], noise: [0.2], observed: [0.8])
        let exactSD = exact.covariance[0][0].squareRoot()
        let summary = try #require(calibration.posteriorSummary())
        let marginal = summary.marginals[0]
        print(Self.describe(calibration))
        print(
            "posterior mean \(marginal.mean) (exact \(exact.mean[0])),",
            "sd \(marginal.standardDeviation) (exact \(exactSD))")
        #expect((marginal.mean - exact.mean[0]).magnitude < 0.1 * exactSD)
        #expect((marginal.mean - exact.mean[0]).magnitude / exact.mean[0] < 0.03)
        #expect((marginal.standardDeviation / exactSD - 1).magnitude < 0.06)
        // The 95 % interval of the exact posterior is mean ± 1.96 sd.
        #expect((marginal.lower95 - (exact.mean[0] - 1.959963984540054 * exactSD)).magnitude < 0.25 * exactSD)
        #expect((marginal.upper95 - (exact.mean[0] + 1.959963984540054 * exactSD)).magnitude < 0.25 * exactSD)
        let last = try #require(calibration.state.generations.last)
        #expect(last.epsilon < 0.1)
        #expect(calibration.state.generations.count >= 6)
    }

    @Test("uniform prior on [0, 1] with data near its edge: the posterior is the truncated normal")
    func uniformPrior() throws {
        // θ ~ U(0, 1), s = θ + 0.1·z observed at 0.9: the posterior is N(0.9, 0.1²) truncated to [0, 1].
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.1])
        let problem = CalibrationProblem(
            parameters: [.init(name: "share", prior: try .uniform(low: 0, high: 1))],
            targets: [.init(name: "observed_share", observed: 0.9, scale: 0.1)])
        let settings = ABCSettings(seed: 5, particles: 2000, maxGenerations: 12, minAcceptance: 0.02)
        var outsideSupport = 0
        let calibration = try Self.calibrate(problem, settings, model: model) { batch in
            outsideSupport += batch.filter { !($0.parameters[0] >= 0 && $0.parameters[0] <= 1) }.count
        }
        let exact = try UnivariateDistribution.normal(mean: 0.9, sd: 0.1, low: 0, high: 1)
        let summary = try #require(calibration.posteriorSummary())
        let marginal = summary.marginals[0]
        print(Self.describe(calibration))
        print(
            "posterior mean \(marginal.mean) (exact \(exact.mean)),",
            "sd \(marginal.standardDeviation) (exact \(exact.standardDeviation))")
        #expect(outsideSupport == 0)
        for generation in calibration.state.generations {
            #expect(generation.population.parameters.allSatisfy { $0[0] >= 0 && $0[0] <= 1 })
        }
        #expect((marginal.mean - exact.mean).magnitude < 0.1 * exact.standardDeviation)
        #expect((marginal.standardDeviation / exact.standardDeviation - 1).magnitude < 0.06)
        #expect(marginal.upper95 <= 1 && marginal.priorLowerBound == 0 && marginal.priorUpperBound == 1)
        #expect((marginal.median - exact.quantile(0.5)).magnitude < 0.12 * exact.standardDeviation)
    }

    @Test("two parameters identified through their sum and difference: means, sds and the correlation")
    func correlatedPosterior() throws {
        // θ₁, θ₂ ~ N(0, 1); s₁ = θ₁ + θ₂ + 0.1·z₁ observed at 1, s₂ = θ₁ − θ₂ + 0.5·z₂ observed at 0.5.
        // Posterior precision [[105, 96], [96, 105]]: means (0.7197, 0.2753), sds 0.2409, correlation −0.914.
        let matrix: [[Double]] = [[1, 1], [1, -1]]
        let noise = [0.1, 0.5]
        let model = LinearGaussianModel(matrix: matrix, noise: noise)
        let problem = CalibrationProblem(
            parameters: [
                .init(name: "first", prior: try .normal(mean: 0, sd: 1)),
                .init(name: "second", prior: try .normal(mean: 0, sd: 1)),
            ],
            targets: [
                .init(name: "sum", observed: 1, scale: 0.1), .init(name: "difference", observed: 0.5, scale: 0.5),
            ])
        let settings = ABCSettings(seed: 2024, particles: 2000, maxGenerations: 12, minAcceptance: 0.02)
        let calibration = try Self.calibrate(problem, settings, model: model)
        let exact = gaussianPosterior(
            priorMean: [0, 0], priorSD: [1, 1], matrix: matrix, noise: noise, observed: [1, 0.5])
        let summary = try #require(calibration.posteriorSummary())
        print(Self.describe(calibration))
        let exactCorrelation = exact.covariance[0][1] / (exact.covariance[0][0] * exact.covariance[1][1]).squareRoot()
        for index in 0..<2 {
            let marginal = summary.marginals[index]
            let exactSD = exact.covariance[index][index].squareRoot()
            print(
                "\(marginal.name): mean \(marginal.mean) (exact \(exact.mean[index])),",
                "sd \(marginal.standardDeviation) (exact \(exactSD))")
            #expect((marginal.mean - exact.mean[index]).magnitude < 0.15 * exactSD)
            #expect((marginal.standardDeviation / exactSD - 1).magnitude < 0.08)
        }
        print("correlation \(summary.correlation(0, 1)) (exact \(exactCorrelation))")
        #expect((summary.correlation(0, 1) - exactCorrelation).magnitude < 0.03)
        // The Cholesky factor reproduces the covariance.
        let l = summary.cholesky.lower
        #expect((l[2] * l[0] - summary.covariance[2]).magnitude < 1e-12)
    }
}
