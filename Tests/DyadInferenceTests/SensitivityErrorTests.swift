import DyadInference
import Testing

/// A design of the wrong shape or bad outputs gives one clear sentence, never a trap. The
/// messages are asserted word for word.
@Suite("Sensitivity input errors")
struct SensitivityErrorTests {
    private let options = BootstrapOptions(resamples: 20, seed: 1)

    private func sobolMessage(_ outputs: [Double], parameters: Int, secondOrder: Bool = true) -> String? {
        do {
            _ = try SobolAnalysis.analyze(
                outputs: outputs, parameterCount: parameters, secondOrder: secondOrder,
                bootstrap: options)
            return nil
        } catch let error as SensitivityError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    private func morrisMessage(_ inputs: [[Double]], _ outputs: [Double], levels: Int = 4) -> String? {
        do {
            _ = try MorrisAnalysis.analyze(inputs: inputs, outputs: outputs, levels: levels, bootstrap: options)
            return nil
        } catch let error as SensitivityError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    /// Two valid trajectories for k = 2 (Δ = 2/3).
    private let trajectories: [[Double]] = [
        [0, 1.0 / 3], [2.0 / 3, 1.0 / 3], [2.0 / 3, 1],
        [1, 0], [1, 2.0 / 3], [1.0 / 3, 2.0 / 3],
    ]

    @Test("Sobol: row count, too few base samples, no parameters, non-finite and constant outputs")
    func sobolShapes() {
        let ramp = (0..<100).map(Double.init)
        #expect(
            sobolMessage(ramp, parameters: 3)
                == "100 design rows is not a multiple of 8, the rows per block of a Saltelli design with second-order rows for 3 parameters (2k + 2)"
        )
        #expect(
            sobolMessage(Array(ramp[0..<99]), parameters: 3, secondOrder: false)
                == "99 design rows is not a multiple of 5, the rows per block of a Saltelli design without second-order rows for 3 parameters (k + 2)"
        )
        #expect(sobolMessage(Array(ramp[0..<8]), parameters: 3) == "the design has 1 base sample (allowed at least 2)")
        #expect(sobolMessage([], parameters: 3) == "the design has 0 base samples (allowed at least 2)")
        #expect(sobolMessage(Array(ramp[0..<8]), parameters: 0) == "the design has no parameters (allowed at least 1)")
        var broken = Array(ramp[0..<16])
        broken[5] = .nan
        #expect(sobolMessage(broken, parameters: 3) == "design row 5 replicate 0: nan is not a finite output")
        broken[5] = -.infinity
        #expect(sobolMessage(broken, parameters: 3) == "design row 5 replicate 0: -inf is not a finite output")
        #expect(
            sobolMessage([Double](repeating: 3, count: 16), parameters: 3)
                == "every output is 3.0, so the output variance is 0 and no sensitivity index is defined")
    }

    @Test("replicates: ragged rows and a non-finite replicate are reported with their row")
    func replicates() {
        #expect(throws: SensitivityError.replicateCount(row: 2, count: 1, expected: 2)) {
            try ReplicatedOutputs(rows: [[1, 2], [3, 4], [5]])
        }
        #expect(
            SensitivityError.replicateCount(row: 2, count: 1, expected: 2).message
                == "design row 2 has 1 replicate but row 0 has 2 (allowed the same number for every row)")
        #expect(throws: SensitivityError.nonFiniteOutput(row: 1, replicate: 1, value: .infinity)) {
            try ReplicatedOutputs(rows: [[1, 2], [3, .infinity]])
        }
    }

    @Test("Morris: shapes, widths, non-finite inputs, and rows that are not one-at-a-time trajectories")
    func morrisShapes() {
        let outputs = [1.0, 2, 3, 4, 5, 6]
        #expect(morrisMessage(trajectories, outputs) == nil)
        #expect(
            morrisMessage(Array(trajectories[0..<5]), Array(outputs[0..<5]))
                == "5 design rows is not a multiple of 3, the rows per block of Morris trajectories for 2 parameters (k + 1)"
        )
        #expect(
            morrisMessage(Array(trajectories[0..<3]), Array(outputs[0..<3]))
                == "the design has 1 trajectory (allowed at least 2)")
        #expect(
            morrisMessage(trajectories, Array(outputs[0..<5]))
                == "6 input rows but 5 output rows (allowed one output row per input row)")
        #expect(morrisMessage([], []) == "the design has 0 trajectories (allowed at least 2)")
        var ragged = trajectories
        ragged[4] = [1]
        #expect(morrisMessage(ragged, outputs) == "design row 4 has 1 input values (allowed 2, one per parameter)")
        var infinite = trajectories
        infinite[3][1] = .nan
        #expect(morrisMessage(infinite, outputs) == "design row 3 parameter 1: nan is not a finite input")
        var together = trajectories
        together[4] = [0, 2.0 / 3]
        #expect(
            morrisMessage(together, outputs)
                == "Morris trajectory 1 (step to design row 4): parameters 0, 1 change together (allowed exactly one per step)"
        )
        var still = trajectories
        still[1] = still[0]
        #expect(
            morrisMessage(still, outputs)
                == "Morris trajectory 0 (step to design row 1): no parameter changes (allowed exactly one per step)")
        var twice = trajectories
        twice[2] = [0, 1.0 / 3]
        #expect(
            morrisMessage(twice, outputs)
                == "Morris trajectory 0 (step to design row 2): parameter 0 changes a second time (allowed once per trajectory)"
        )
        #expect(
            morrisMessage(trajectories, [1, 2, 3, .nan, 5, 6]) == "design row 3 replicate 0: nan is not a finite output"
        )
        #expect(morrisMessage(trajectories, outputs, levels: 1) == "1 Morris levels (allowed at least 2)")
    }

    @Test("bootstrap options: resamples 2...1000000 and a confidence level strictly inside (0, 1)")
    func bootstrapOptions() {
        #expect(throws: SensitivityError.bootstrap("1 bootstrap resamples (allowed 2...1000000)")) {
            try BootstrapOptions(resamples: 1, seed: 0).validate()
        }
        #expect(throws: SensitivityError.bootstrap("confidence level 1.0 (allowed strictly between 0 and 1)")) {
            try BootstrapOptions(confidenceLevel: 1, seed: 0).validate()
        }
    }

    @Test("z = Φ⁻¹((1 + c)/2) agrees with scipy.stats.norm.ppf")
    func criticalValues() {
        // scipy 1.17: norm.ppf(0.5 + c/2) for each c (the last two in AS 241's second and third range).
        let cases: [(Double, Double, Double)] = [
            (0.95, 1.959963984540054, 1e-14), (0.99, 2.5758293035489004, 1e-14), (0.8, 1.2815515655446004, 1e-14),
            (0.2, 0.2533471031357997, 1e-14), (1 - 2e-10, 6.361340889697422, 1e-12),
            (1 - 2e-12, 7.0344869100478356, 1e-12),
        ]
        for (level, expected, tolerance) in cases {
            let z = BootstrapOptions(confidenceLevel: level, seed: 0).criticalValue
            #expect(abs(z - expected) <= tolerance * expected, "c = \(level): \(z)")
        }
    }
}
