import DyadCore
import DyadExperiment
import DyadInference
import Synchronization

/// The indices of every output of a sampled sweep (``SensitivityInputs``), computed by
/// ``SobolAnalysis`` or ``MorrisAnalysis`` with bootstrap intervals and, with replicates,
/// replicate-noise shares and thresholds.
struct SensitivityReport {
    /// The indices of one output, or why it has none.
    struct Result: Sendable {
        let outcome: String
        let arm: String
        let kind: SensitivityKind
        /// `sensitivity.csv` rows (empty when the output could not be analysed).
        let rows: [SensitivityRow]
        let noise: ReplicateNoise?
        /// Why the output has no indices (a constant output, a missing value), or nil.
        let skipped: String?
    }

    let method: SensitivityMethod
    let bootstrap: BootstrapOptions
    let parameterNames: [String]
    let replicates: Int
    let results: [Result]

    /// Analyses every output of `inputs` with `method` (which must be the design's) and
    /// `resamples` bootstrap resamples, outputs in parallel on `threads` threads (results do
    /// not depend on it: each output's bootstrap starts from the same seed).
    static func analyze(
        _ inputs: SensitivityInputs, method: SensitivityMethod, resamples: Int,
        threads: Int
    ) throws(AnalysisError) -> SensitivityReport {
        let bootstrap = BootstrapOptions(resamples: resamples, seed: inputs.bootstrapSeed)
        try checkDesign(inputs, method: method)
        let slots = Mutex<[Result?]>(Array(repeating: nil, count: inputs.outputs.count))
        ParallelChunks.run(range: 0..<inputs.outputs.count, chunkSize: 1, threads: max(1, threads)) { _, chunk in
            for index in chunk {
                let result = analyze(inputs.outputs[index], inputs: inputs, method: method, bootstrap: bootstrap)
                slots.withLock { $0[index] = result }
            }
        }
        let results = slots.withLock { $0.compactMap { $0 } }
        return SensitivityReport(
            method: method, bootstrap: bootstrap, parameterNames: inputs.parameterNames,
            replicates: inputs.replicates, results: results)
    }

    /// Refuses a design the estimators cannot analyse, before any output is analysed.
    private static func checkDesign(_ inputs: SensitivityInputs, method: SensitivityMethod) throws(AnalysisError) {
        let points = "\(inputs.directory)/points.csv"
        switch method {
        case .sobol:
            guard inputs.design.count >= 2 else {
                throw .invalid(
                    points + ": "
                        + SensitivityError.tooFewBlocks(
                            count: inputs.design.count, minimum: 2, noun: "base sample"
                        ).message)
            }
        case .morris:
            do {
                _ = try MorrisAnalysis.elementaryEffects(
                    inputs: inputs.inputs, outputs: [Double](repeating: 0, count: inputs.inputs.count),
                    levels: inputs.design.levels)
            } catch let error as SensitivityError {
                throw .invalid(points + ": " + error.message)
            } catch {
                throw .invalid(points + ": \(error)")
            }
        }
    }

    private static func analyze(
        _ output: SensitivityInputs.Output, inputs: SensitivityInputs,
        method: SensitivityMethod, bootstrap: BootstrapOptions
    ) -> Result {
        func skipped(_ reason: String) -> Result {
            Result(outcome: output.outcome, arm: output.arm, kind: output.kind, rows: [], noise: nil, skipped: reason)
        }
        do {
            let outputs = try ReplicatedOutputs(rows: output.values)
            switch method {
            case .sobol:
                let indices = try SobolAnalysis.analyze(
                    outputs, parameterCount: inputs.parameterNames.count, secondOrder: true, bootstrap: bootstrap)
                return Result(
                    outcome: output.outcome, arm: output.arm, kind: output.kind,
                    rows: indices.rows(
                        parameterNames: inputs.parameterNames, outcome: output.outcome,
                        arm: output.arm, kind: output.kind),
                    noise: indices.noise, skipped: nil)
            case .morris:
                let indices = try MorrisAnalysis.analyze(
                    inputs: inputs.inputs, outputs: outputs, levels: inputs.design.levels, bootstrap: bootstrap)
                return Result(
                    outcome: output.outcome, arm: output.arm, kind: output.kind,
                    rows: indices.rows(
                        parameterNames: inputs.parameterNames, outcome: output.outcome,
                        arm: output.arm, kind: output.kind),
                    noise: indices.noise, skipped: nil)
            }
        } catch let error as SensitivityError {
            if case .nonFiniteOutput(let row, let replicate, _) = error {
                return skipped("no value (NA) at sweep point \(row), replicate \(replicate)")
            }
            return skipped(error.message)
        } catch {
            return skipped("\(error)")
        }
    }

    /// Every row of `sensitivity.csv`, outputs in order.
    var rows: [SensitivityRow] { results.flatMap(\.rows) }
}
