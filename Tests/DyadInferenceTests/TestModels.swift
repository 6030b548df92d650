import DyadCore
import DyadExperiment
import DyadInference
import Foundation

/// Test functions with known sensitivity indices, and designs built by DyadSim's sampler.
enum TestModels {
    /// Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³.
    static func ishigami(_ x: [Double], a: Double = 7, b: Double = 0.1) -> Double {
        sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * x[2] * x[2] * x[2] * x[2] * sin(x[0])
    }

    /// Analytic Ishigami variances (Sobol' & Levitan 1999; Saltelli et al. 2008 §4.9) for
    /// a = 7, b = 0.1: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8,
    /// V3 = 0, V13 = b²π⁸(1/18 − 1/50) = 8b²π⁸/225. Returns (S1, ST, S2 in pair order 12, 13, 23).
    static func ishigamiIndices(a: Double = 7, b: Double = 0.1)
        -> (first: [Double], total: [Double], second: [Double])
    {
        let pi4 = Double.pi * Double.pi * Double.pi * Double.pi
        let pi8 = pi4 * pi4
        let variance = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5)
        let v2 = a * a / 8
        let v13 = 8 * b * b * pi8 / 225
        return (
            [v1 / variance, v2 / variance, 0], [(v1 + v13) / variance, v2 / variance, v13 / variance],
            [0, v13 / variance, 0]
        )
    }

    /// Sweep paths of non-integer model parameters, to build designs with DyadSim's sampler.
    static func paths(_ count: Int) throws -> [SweepPath] {
        let names = ["params.g0", "params.imp_harsh", "params.tau", "params.lambda0", "params.h0"]
        return try names.prefix(count).map { try SweepPath.parse($0, in: Scenario()).get() }
    }

    /// Rows of a DyadSim `sweep.sample` design over `ranges`.
    static func rows(
        _ method: SampleMethod, count: Int, ranges: [(Double, Double)], levels: Int = 4,
        seed: UInt64 = 17
    ) throws -> [[Double]] {
        let paths = try paths(ranges.count)
        let design = SampleDesign(
            method: method, count: count,
            ranges: zip(paths, ranges).map { ($0, $1.0, $1.1) }, seed: seed, levels: levels)
        return SampleGenerator.rows(design, scenarioSeed: 1)
    }

    /// `replicates` noisy evaluations per row: f(x) + σ·√12·(u − ½), noise variance σ².
    static func noisy(
        _ rows: [[Double]], replicates: Int, sigma: Double, seed: UInt64,
        _ f: ([Double]) -> Double
    ) -> [[Double]] {
        var random = RandomStream(key: seed)
        return rows.map { row in
            let signal = f(row)
            return (0..<replicates).map { _ in signal + sigma * 12.0.squareRoot() * (random.uniform() - 0.5) }
        }
    }
}
