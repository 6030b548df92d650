import DyadCore
import DyadExperiment
import DyadIO
import DyadInference

/// The outputs of a sampled sweep that `dyadsim analyze` analyses, read from a results folder:
/// the design from `manifest.json`, the values actually run from `points.csv`, the run means
/// of every arm from `runs.csv` and the paired effects from `effects.csv`.
///
/// **Levels.** The output of design row i, replicate r for outcome o in arm a is the run mean
/// `o_mean` of runs.csv (sweep_point i, replicate r, arm a).
///
/// **Effects.** The analysed value of row i is the paired difference arm − control of
/// effects.csv (`difference`, pooled over the couples of all replicates). With R ≥ 2
/// replicates the rows also need per-replicate values for the noise estimates
/// (``ReplicatedOutputs``); they are the differences of run means d_ir = ȳ_arm,ir − ȳ_control,ir
/// of runs.csv, centred on the paired effect D_i: y_ir = D_i + (d_ir − d̄_i). Their mean is D_i and
/// their spread the replicate noise of the run-level differences. (When every couple has the
/// outcome, d̄_i = D_i already; otherwise the paired D_i uses only couples with the outcome in
/// both arms.)
struct SensitivityInputs {
    /// One analysable output: an outcome of an arm, or the paired effect of an arm.
    struct Output {
        let outcome: String
        let arm: String
        let kind: SensitivityKind
        /// values[row][replicate]; NaN where the run has no value (NA).
        let values: [[Double]]
    }

    let directory: String
    let design: SampleDesign
    /// The swept paths, one per design column.
    let parameterNames: [String]
    /// Design rows as run (points.csv).
    let inputs: [[Double]]
    let replicates: Int
    let controlArm: String
    /// Every outcome found, in couples.csv column order.
    let outcomes: [String]
    let outputs: [Output]
    /// Seed of the bootstrap: derived from the design's seed (or the scenario seed).
    let bootstrapSeed: UInt64

    /// Reads the folder; `outcomes` nil means every outcome. Throws one line for the first
    /// problem found.
    static func read(directory: String, outcomes requested: [String]?) throws(AnalysisError) -> SensitivityInputs {
        let plan = try readPlan(directory)
        let scenario = plan.scenario
        let manifestPath = OutputDirectory(path: directory).manifestPath
        guard let design = scenario.sweep.sample else {
            throw .invalid(
                "\(directory): the sweep has no sampled design (sweep.sample); analyze needs a sweep with "
                    + "sample method sobol or morris")
        }
        guard design.method == .sobol || design.method == .morris else {
            throw .invalid(
                "\(manifestPath): sweep.sample.method \"\(design.method.rawValue)\" has no sensitivity "
                    + "estimator (allowed sobol, morris)")
        }
        let sweep = scenario.sweep
        guard sweep.grid.isEmpty, sweep.zip.isEmpty, sweep.design == nil else {
            let other = !sweep.grid.isEmpty ? "grid" : (!sweep.zip.isEmpty ? "zip" : "design")
            throw .invalid(
                "\(manifestPath): the sweep crosses sample with \(other) (allowed a sweep with sample only, "
                    + "whose points are the design's rows)")
        }
        let names = design.ranges.map(\.path.text)
        let inputs = try readPoints(directory, plan: plan, names: names, design: design)
        let arms = scenario.arms.map(\.name)
        let control = scenario.resolvedControlArm
        let runs = try RunsTable(
            directory: directory, points: inputs.count, replicates: scenario.replicates, arms: arms)
        let effects =
            arms.count > 1
            ? try EffectsTable(directory: directory, points: inputs.count, arms: arms.filter { $0 != control })
            : nil

        let known = CoupleOutcomeColumn.numeric.map(\.name).filter {
            runs.outcomes.contains($0) || effects?.outcomes.contains($0) == true
        }
        var chosen = known
        if let requested {
            for name in requested where !known.contains(name) {
                let hint = Suggestion.hint(for: name, among: known)
                throw .invalid(
                    "--outcomes: unknown outcome \"\(EscapedText.excerpt(name))\"\(hint) (allowed the "
                        + "outcomes of \(directory)/runs.csv and effects.csv, named as couples.csv columns, e.g. satisfaction)"
                )
            }
            chosen = known.filter { requested.contains($0) }
        }
        var outputs: [Output] = []
        for outcome in chosen {
            if runs.outcomes.contains(outcome) {
                for arm in arms {
                    outputs.append(
                        Output(
                            outcome: outcome, arm: arm, kind: .level,
                            values: try runs.values(outcome: outcome, arm: arm)))
                }
            }
            guard let effects, effects.outcomes.contains(outcome) else { continue }
            for arm in arms where arm != control {
                let pooled = try effects.values(outcome: outcome, arm: arm)
                var values = pooled.map { [$0] }
                if scenario.replicates > 1, runs.outcomes.contains(outcome) {
                    let treated = try runs.values(outcome: outcome, arm: arm)
                    let untreated = try runs.values(outcome: outcome, arm: control)
                    values = pooled.indices.map { row in
                        let differences = zip(treated[row], untreated[row]).map { $0 - $1 }
                        let mean = differences.reduce(0, +) / Double(differences.count)
                        return differences.map { pooled[row] + ($0 - mean) }
                    }
                }
                outputs.append(Output(outcome: outcome, arm: arm, kind: .effect, values: values))
            }
        }
        let designSeed = design.seed ?? scenario.seed
        return SensitivityInputs(
            directory: directory, design: design, parameterNames: names, inputs: inputs,
            replicates: scenario.replicates, controlArm: control, outcomes: known, outputs: outputs,
            bootstrapSeed: SplitMix64.scramble(designSeed ^ 0x414e_414c_595a_4553))  // "ANALYZES"
    }

    /// The run plan of the folder's manifest; a shard or partial output is refused.
    private static func readPlan(_ directory: String) throws(AnalysisError) -> RunPlan {
        guard Files.entryKind(directory) == .directory else {
            throw Files.exists(directory)
                ? .invalid("\(directory) is not a directory (analyze reads a DyadSim results folder)")
                : .invalid("\(directory): no such results folder")
        }
        let manifest: ManifestContents
        do {
            manifest = try ManifestContents.read(directory: directory)
        } catch {
            switch error {
            case .missing:
                throw .invalid(
                    "\(directory): not a finished DyadSim output directory (no "
                        + "\(OutputDirectory.manifestName); run dyadsim run first)")
            case .unreadable(let failure): throw .inputOutput(failure.message)
            case .notAnObject, .noScenario:
                throw .invalid("\(manifestPath(directory)) is not a DyadSim manifest")
            }
        }
        if let shard = manifest.shard {
            throw .invalid(
                "\(directory) is shard \(shard.index) of \(shard.count) (allowed a complete output; "
                    + "merge the shards with dyadsim merge first)")
        }
        if let runs = manifest.runs, runs.planned != runs.present {
            throw .invalid(
                "\(directory) holds \(runs.present) of \(runs.planned) planned runs (allowed a complete output)")
        }
        do {
            return try manifest.plan()
        } catch {
            throw .invalid("\(manifest.path): its scenario cannot be read: \(error.lines.first ?? "")")
        }
    }

    private static func manifestPath(_ directory: String) -> String { OutputDirectory(path: directory).manifestPath }

    /// points.csv: one row per design row, one column per swept path, equal to the design the
    /// manifest's scenario generates.
    private static func readPoints(
        _ directory: String, plan: RunPlan, names: [String],
        design: SampleDesign
    ) throws(AnalysisError) -> [[Double]] {
        let table = try ResultsTable.read(directory + "/" + OutputFile.points.rawValue, what: "the sweep's points")
        let expected = SampleGenerator.pointCount(design)
        let shape =
            design.method == .sobol
            ? "a sobol design of n = \(design.count) over \(names.count) paths has \(expected) (n·(2d + 2))"
            : "a morris design of \(design.count) trajectories over \(names.count) paths has \(expected) (r·(d + 1))"
        guard table.rows.count == expected else {
            throw .invalid("\(table.path): \(table.rows.count) points, but \(shape)")
        }
        let pointColumn = try table.column("sweep_point")
        var columns: [Int] = []
        for name in names { columns.append(try table.column(name)) }
        var inputs: [[Double]] = []
        inputs.reserveCapacity(expected)
        for row in 0..<expected {
            guard try table.integer(row, pointColumn, in: 0..<expected) == row else {
                throw .invalid("\(table.path): line \(row + 2) is not sweep_point \(row) (allowed the points in order)")
            }
            var values: [Double] = []
            for (column, name) in zip(columns, names) {
                let value = try table.number(row, column)
                guard let planned = plan.points[row].value(of: design.ranges[values.count].path),
                    value == planned
                else {
                    let expected = plan.points[row].value(of: design.ranges[values.count].path)
                    throw .invalid(
                        "\(table.path): line \(row + 2): \(name) is \(NumberText.shortest(value)), but the "
                            + "manifest's design gives \(expected.map { NumberText.shortest($0) } ?? "nothing")")
                }
                values.append(value)
            }
            inputs.append(values)
        }
        return inputs
    }
}
