import DyadExperiment
import DyadInference
import Testing

/// y = 5·x1 + 0·x2 + 2·x3 + noise (variance 1) on [0, 1]³: Var f = 25/12 + 4/12 = 29/12, so with
/// R = 4 replicates the run-level noise share is 1/(29/12 + 1) and the share of the row means
/// (1/4)/(29/12 + 1/4). x2 does nothing; x1 and x3 act additively (no interactions).
@Suite("Replicate noise")
struct ReplicateNoiseTests {
    private static let signalVariance = 29.0 / 12
    private static func model(_ x: [Double]) -> Double { 5 * x[0] + 2 * x[2] }
    private let unitRanges: [(Double, Double)] = [(0, 1), (0, 1), (0, 1)]

    /// R = 4 replicates with noise variance 1.
    private static func outputs(_ rows: [[Double]], seed: UInt64) throws -> ReplicatedOutputs {
        try ReplicatedOutputs(rows: TestModels.noisy(rows, replicates: 4, sigma: 1, seed: seed, model))
    }

    /// Ten noise realizations: a parameter without effect should be flagged with probability
    /// ≥ 0.95 per index, so at least 8 of 10 (a miss of 3 has probability < 0.002); a parameter
    /// with a clear effect never.
    private static let seeds: [UInt64] = Array(30..<40)

    @Test("Sobol: noise shares match the known split; the pure-noise parameter is flagged, the active ones are not")
    func sobolNoiseThresholds() throws {
        let rows = try TestModels.rows(.sobol, count: 512, ranges: unitRanges)
        var flags: [String: Int] = [:]
        for seed in Self.seeds {
            let outputs = try Self.outputs(rows, seed: seed)
            let indices = try SobolAnalysis.analyze(outputs, parameterCount: 3, bootstrap: BootstrapOptions(seed: seed))
            let noise = try #require(indices.noise)
            #expect(noise.replicates == 4)
            #expect(abs(noise.withinPointShare - 1 / (Self.signalVariance + 1)) < 0.03, "\(noise)")
            #expect(abs(noise.noiseShareOfMeans - 0.25 / (Self.signalVariance + 0.25)) < 0.03, "\(noise)")
            // Noise inflates the inert parameter's ST to about the noise share of the means.
            #expect(abs(indices.total[1].value - noise.noiseShareOfMeans) < 0.03, "ST of x2 \(indices.total[1].value)")
            #expect(indices.estimates.allSatisfy { $0.noiseThreshold.map { $0 >= 0 && $0.isFinite } == true })
            for estimate in indices.firstOrder + indices.total where estimate.isBelowNoise {
                flags["\(estimate.index.rawValue) x\(estimate.parameter + 1)", default: 0] += 1
            }
        }
        print("Sobol noise flags over \(Self.seeds.count) seeds: \(flags.sorted { $0.key < $1.key })")
        #expect(flags["S1 x2", default: 0] >= 8 && flags["ST x2", default: 0] >= 8, "\(flags)")
        #expect(flags.keys.allSatisfy { $0.hasSuffix("x2") }, "\(flags)")
    }

    @Test("Morris: μ, μ* of the pure-noise parameter and every σ (no interactions) are flagged; active μ* are not")
    func morrisNoiseThresholds() throws {
        let rows = try TestModels.rows(.morris, count: 100, ranges: unitRanges)
        var flags: [String: Int] = [:]
        for seed in Self.seeds {
            let outputs = try Self.outputs(rows, seed: seed)
            let indices = try MorrisAnalysis.analyze(
                inputs: rows, outputs: outputs, levels: 4,
                bootstrap: BootstrapOptions(seed: seed))
            #expect(abs(indices.muStar[0].value - 5) < 0.3 && abs(indices.muStar[2].value - 2) < 0.3)
            for estimate in indices.estimates where estimate.isBelowNoise {
                flags["\(estimate.index.rawValue) x\(estimate.parameter + 1)", default: 0] += 1
            }
        }
        print("Morris noise flags over \(Self.seeds.count) seeds: \(flags.sorted { $0.key < $1.key })")
        for key in ["mu x2", "mu_star x2", "sigma x1", "sigma x2", "sigma x3"] {
            #expect(flags[key, default: 0] >= 8, "\(key): \(flags)")
        }
        #expect(["mu_star x1", "mu_star x3", "mu x1", "mu x3"].allSatisfy { flags[$0] == nil }, "\(flags)")
    }

    @Test("one replicate: no noise shares, no thresholds, nothing flagged")
    func singleReplicate() throws {
        let rows = try TestModels.rows(.sobol, count: 64, ranges: unitRanges)
        let indices = try SobolAnalysis.analyze(
            outputs: rows.map(Self.model), parameterCount: 3,
            bootstrap: BootstrapOptions(resamples: 50, seed: 1))
        #expect(indices.noise == nil)
        #expect(indices.estimates.allSatisfy { $0.noiseThreshold == nil && !$0.isBelowNoise })
    }

    @Test("the pure-noise realization has mean 0 and the variance σ²/R of a row mean's noise, for even and odd R")
    func noiseRealization() throws {
        for replicates in [2, 3, 4, 5] {
            let rows = [[Double]](repeating: [0.5, 0.5], count: 20_000)
            let values = TestModels.noisy(rows, replicates: replicates, sigma: 2, seed: 7) { 100 * $0[0] }
            let outputs = try ReplicatedOutputs(rows: values)
            let noise = try #require(outputs.noiseRealization)
            let moments = Moments(of: noise)
            #expect(abs(moments.mean) < 0.05)
            #expect(abs(moments.variance / (4 / Double(replicates)) - 1) < 0.05, "R \(replicates): \(moments.variance)")
            #expect(outputs.means.allSatisfy { abs($0 - 50) < 2 * 12.0.squareRoot() })
        }
    }
}
