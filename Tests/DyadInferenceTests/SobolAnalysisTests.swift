import DyadExperiment
import DyadInference
import Testing

@Suite("Sobol indices")
struct SobolAnalysisTests {
    private let pi = Double.pi

    @Test("Ishigami on DyadSim's Saltelli design: S1, ST (and S2) within their bootstrap CIs of the analytic values")
    func ishigami() throws {
        let rows = try TestModels.rows(.sobol, count: 4096, ranges: [(-pi, pi), (-pi, pi), (-pi, pi)])
        let indices = try SobolAnalysis.analyze(
            outputs: rows.map { TestModels.ishigami($0) }, parameterCount: 3,
            bootstrap: BootstrapOptions(seed: 1))
        let exact = TestModels.ishigamiIndices()
        #expect(abs(exact.first[0] - 0.3139) < 1e-4 && abs(exact.total[2] - 0.2437) < 1e-4)
        #expect(indices.baseSamples == 4096 && indices.noise == nil)
        for estimate in indices.estimates {
            let pair = estimate.secondParameter.map { "×\($0)" } ?? ""
            print(
                "Ishigami \(estimate.index.rawValue) \(estimate.parameter)\(pair): \(estimate.value) ± \(estimate.halfWidth)"
            )
        }
        print("Ishigami exact: S1 \(exact.first), ST \(exact.total), S2 \(exact.second)")
        for j in 0..<3 {
            for (estimate, truth) in [(indices.firstOrder[j], exact.first[j]), (indices.total[j], exact.total[j])] {
                let message =
                    "\(estimate.index.rawValue) x\(j + 1): \(estimate.value) ± \(estimate.halfWidth), exact \(truth)"
                #expect(abs(estimate.value - truth) <= estimate.halfWidth, "\(message)")
                #expect(abs(estimate.value - truth) < 0.03, "\(message)")
                #expect(estimate.halfWidth > 0 && estimate.halfWidth < 0.1, "\(message)")
            }
        }
        #expect(indices.secondOrder.map { [$0.parameter, $0.secondParameter ?? -1] } == [[0, 1], [0, 2], [1, 2]])
        for (estimate, truth) in zip(indices.secondOrder, exact.second) {
            #expect(abs(estimate.value - truth) <= max(estimate.halfWidth, 0.05), "S2 \(estimate.value) vs \(truth)")
        }
    }

    @Test("an inert parameter has S1 = ST = 0 exactly (f_AB = f_A), S2 near 0; the others are unaffected")
    func inertParameter() throws {
        // y = 2 x1 + x2² + x1 x2 on [0, 1]² × [5, 9] (x3 inert).
        let rows = try TestModels.rows(.sobol, count: 512, ranges: [(0, 1), (0, 1), (5, 9)])
        let indices = try SobolAnalysis.analyze(
            outputs: rows.map { 2 * $0[0] + $0[1] * $0[1] + $0[0] * $0[1] },
            parameterCount: 3, bootstrap: BootstrapOptions(seed: 2))
        #expect(indices.firstOrder[2].value == 0 && indices.total[2].value == 0)
        #expect(indices.firstOrder[2].halfWidth == 0 && indices.total[2].halfWidth == 0)
        for pair in indices.secondOrder where pair.secondParameter == 2 {
            #expect(abs(pair.value) < 0.02 && abs(pair.value) <= pair.halfWidth, "S2 \(pair.value)")
        }
        // Known answer with x ~ U(0,1): V1 = Var(2x1 + x1/2 …) — checked through the total of the
        // two active parameters: S1_1 + S1_2 + S2_12 = 1 for a two-parameter function.
        let sum = indices.firstOrder[0].value + indices.firstOrder[1].value + indices.secondOrder[0].value
        #expect(abs(sum - 1) < 0.03, "S1_1 + S1_2 + S2_12 = \(sum)")
        #expect(indices.total[0].value > 0.5 && indices.total[1].value > 0.2)
    }

    @Test("the layout without second-order rows (k + 2 per base sample) gives S1 and ST and no S2")
    func withoutSecondOrder() throws {
        // Saltelli blocks without BA rows, built from DyadSim's second-order design.
        let k = 3
        let rows = try TestModels.rows(.sobol, count: 2048, ranges: [(-pi, pi), (-pi, pi), (-pi, pi)])
        var reduced: [Double] = []
        for block in stride(from: 0, to: rows.count, by: 2 * k + 2) {
            reduced += rows[block...(block + k)].map { TestModels.ishigami($0) }
            reduced.append(TestModels.ishigami(rows[block + 2 * k + 1]))
        }
        let indices = try SobolAnalysis.analyze(
            outputs: reduced, parameterCount: k, secondOrder: false,
            bootstrap: BootstrapOptions(seed: 3))
        let exact = TestModels.ishigamiIndices()
        #expect(indices.secondOrder.isEmpty && indices.baseSamples == 2048)
        for j in 0..<k {
            #expect(abs(indices.firstOrder[j].value - exact.first[j]) <= indices.firstOrder[j].halfWidth)
            #expect(abs(indices.total[j].value - exact.total[j]) <= indices.total[j].halfWidth)
        }
    }

    @Test("bootstrap intervals: the same seed gives the same bits; another seed other intervals, same point estimates")
    func determinism() throws {
        let rows = try TestModels.rows(.sobol, count: 256, ranges: [(-pi, pi), (-pi, pi), (-pi, pi)])
        let outputs = try ReplicatedOutputs(
            rows: TestModels.noisy(rows, replicates: 3, sigma: 1, seed: 5) {
                TestModels.ishigami($0)
            })
        let options = BootstrapOptions(resamples: 200, seed: 99)
        let first = try SobolAnalysis.analyze(outputs, parameterCount: 3, bootstrap: options)
        let second = try SobolAnalysis.analyze(outputs, parameterCount: 3, bootstrap: options)
        func bits(_ indices: SobolIndices) -> [UInt64] {
            indices.estimates.flatMap {
                [$0.value.bitPattern, $0.halfWidth.bitPattern, ($0.noiseThreshold ?? .nan).bitPattern]
            }
        }
        #expect(bits(first) == bits(second))
        let reseeded = try SobolAnalysis.analyze(
            outputs, parameterCount: 3,
            bootstrap: BootstrapOptions(resamples: 200, seed: 100))
        #expect(first.estimates.map(\.value) == reseeded.estimates.map(\.value))
        #expect(first.estimates.map(\.halfWidth) != reseeded.estimates.map(\.halfWidth))
    }

    @Test("the interval is value ± z·SD, z = Φ⁻¹((1 + c)/2): a 99 % interval is 2.5758/1.9600 times a 95 % one")
    func confidenceLevel() throws {
        let rows = try TestModels.rows(.sobol, count: 128, ranges: [(-pi, pi), (-pi, pi), (-pi, pi)])
        let outputs = rows.map { TestModels.ishigami($0) }
        let narrow = try SobolAnalysis.analyze(
            outputs: outputs, parameterCount: 3,
            bootstrap: BootstrapOptions(seed: 4))
        let wide = try SobolAnalysis.analyze(
            outputs: outputs, parameterCount: 3,
            bootstrap: BootstrapOptions(confidenceLevel: 0.99, seed: 4))
        for (a, b) in zip(narrow.estimates, wide.estimates) {
            #expect(abs(b.halfWidth / a.halfWidth - 2.5758293035489004 / 1.959963984540054) < 1e-12)
            #expect(a.ciLow == a.value - a.halfWidth && a.ciHigh == a.value + a.halfWidth)
        }
    }
}
