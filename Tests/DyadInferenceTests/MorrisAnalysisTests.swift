import DyadExperiment
import DyadInference
import Testing

@Suite("Morris screening")
struct MorrisAnalysisTests {
    private let ranges: [(Double, Double)] = [(0.2, 0.6), (0, 1), (1, 2), (5, 10)]

    private func analyze(_ rows: [[Double]], _ outputs: ReplicatedOutputs, seed: UInt64) throws -> MorrisIndices {
        try MorrisAnalysis.analyze(inputs: rows, outputs: outputs, levels: 4, bootstrap: BootstrapOptions(seed: seed))
    }

    private func bits(_ indices: MorrisIndices) -> [UInt64] {
        indices.estimates.flatMap {
            [$0.value.bitPattern, $0.halfWidth.bitPattern, ($0.noiseThreshold ?? .nan).bitPattern]
        }
    }

    @Test("a linear model on DyadSim's Morris design: μ = c·w, μ* = |c|·w, σ = 0; the inert parameter 0 exactly")
    func linear() throws {
        let coefficients = [2.0, -3.0, 0.5, 0]
        for levels in [2, 4, 8] {
            let rows = try TestModels.rows(.morris, count: 30, ranges: ranges, levels: levels)
            let outputs = rows.map { row in zip(coefficients, row).reduce(0) { $0 + $1.0 * $1.1 } }
            let indices = try MorrisAnalysis.analyze(
                inputs: rows, outputs: outputs, levels: levels,
                bootstrap: BootstrapOptions(seed: 1))
            #expect(indices.trajectories == 30)
            for (j, (coefficient, range)) in zip(coefficients, ranges).enumerated() {
                let width = range.1 - range.0
                #expect(abs(indices.mu[j].value - coefficient * width) < 1e-12, "levels \(levels), μ of \(j)")
                #expect(abs(indices.muStar[j].value - abs(coefficient) * width) < 1e-12, "levels \(levels), μ* \(j)")
                #expect(indices.sigma[j].value < 1e-12 && indices.muStar[j].halfWidth < 1e-12)
                #expect(indices.elementaryEffects[j].allSatisfy { abs($0 - coefficient * width) < 1e-12 })
            }
            #expect(indices.muStar[3].value == 0 && indices.sigma[3].value == 0 && indices.mu[3].value == 0)
        }
    }

    @Test("a non-linear model: σ > 0 for the interacting parameters, μ* ≥ |μ|; the scaling of X does not matter")
    func interaction() throws {
        let rows = try TestModels.rows(.morris, count: 40, ranges: [(0, 1), (0, 1), (0, 1)])
        let outputs = rows.map { $0[0] * $0[1] + $0[2] }
        let indices = try analyze(rows, ReplicatedOutputs(outputs: outputs), seed: 2)
        #expect(indices.sigma[0].value > 0.1 && indices.sigma[1].value > 0.1 && indices.sigma[2].value < 1e-12)
        for j in 0..<3 { #expect(indices.muStar[j].value >= abs(indices.mu[j].value)) }
        let rescaled = rows.map { row in row.map { 10 * $0 - 3 } }
        let again = try analyze(rescaled, ReplicatedOutputs(outputs: outputs), seed: 2)
        #expect(again == indices)
    }

    @Test("bootstrap intervals: the same seed gives the same bits, another seed other intervals")
    func determinism() throws {
        let rows = try TestModels.rows(.morris, count: 25, ranges: [(-3, 3), (-3, 3), (-3, 3)])
        let outputs = try ReplicatedOutputs(
            rows: TestModels.noisy(rows, replicates: 2, sigma: 0.5, seed: 8) {
                TestModels.ishigami($0)
            })
        let first = try analyze(rows, outputs, seed: 5), second = try analyze(rows, outputs, seed: 5)
        #expect(bits(first) == bits(second))
        let other = try analyze(rows, outputs, seed: 6)
        #expect(other.estimates.map(\.value) == first.estimates.map(\.value))
        #expect(other.estimates.map(\.halfWidth) != first.estimates.map(\.halfWidth))
    }

    @Test("Δ = p/(2(p − 1)) as SALib's _compute_delta")
    func step() {
        #expect(MorrisAnalysis.step(levels: 4) == 2.0 / 3)
        #expect(MorrisAnalysis.step(levels: 2) == 1)
        #expect(MorrisAnalysis.step(levels: 6) == 0.6)
    }
}
