import DyadExperiment
import DyadIO
import DyadInference
import DyadReport
import Foundation

/// `dyadsim analyze <results dir> [--method sobol|morris] [--outcomes a,b] [--bootstrap N]
/// [--out DIR]`: Sobol or Morris sensitivity indices of a sampled sweep's outcomes and paired
/// effects, written to `sensitivity.csv`.
enum AnalyzeCommand: Command {
    static let specification = CommandSpecification(
        name: "analyze", valueFlags: ["--method", "--outcomes", "--bootstrap", "--out", "--threads"],
        switches: ["--quiet"], positionalRange: (1, 1),
        usage: "dyadsim analyze <results dir> [--method sobol|morris] [--outcomes a,b] [--bootstrap N] [--out DIR]",
        summary: "sensitivity indices (Sobol, Morris) of a sampled sweep's outcomes and paired effects",
        details: """
            Reads manifest.json, points.csv, runs.csv and effects.csv of a sweep whose sweep.sample
            method is sobol (Saltelli design) or morris (trajectories), and computes for every outcome
            of every arm (kind level) and every paired effect arm − control (kind effect): Sobol S1, ST
            and S2 (Saltelli 2010, Jansen 1999) or Morris mu, mu_star and sigma, each with a bootstrap
            95% interval (resampling base samples or trajectories; seeded from the design, so the same
            folder gives the same file). With replicates it also estimates the replicate-noise share and
            flags every index no larger than what noise alone produces (docs/sensitivity.md).
            options:
              --method M      sobol or morris (default: the design's method; it must match the design)
              --outcomes a,b  outcomes to analyse, named as couples.csv columns (default: every outcome)
              --bootstrap N   bootstrap resamples, 2...1000000 (default 1000)
              --out DIR       folder for the files (default: the results folder), with a copy of
                              the run's manifest.json
              --threads N     outputs analysed in parallel (default: all cores; results do not depend on it)
              --quiet         no console table
            files: sensitivity.csv (outcome, arm, kind, parameter, method, index, value, ci_low, ci_high)
            and, with replicates, sensitivity_noise.csv (noise thresholds, below_noise flags, noise
            shares); each is written under a temporary name and renamed when complete.
            exit codes: 0 done, 64 usage, 65 a folder that is not a complete sampled sweep, or an unknown
            outcome, 74 I/O error.
            """)

    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        let resamples: Int
        let threads: Int
        var method: SensitivityMethod?
        do throws(UsageError) {
            resamples = try arguments.integer("--bootstrap", in: 2...1_000_000) ?? 1000
            threads = try arguments.integer("--threads", in: 1...4096) ?? ProcessInfo.processInfo.activeProcessorCount
            if let text = arguments.values["--method"] {
                guard let chosen = SensitivityMethod(rawValue: text) else {
                    let names = SensitivityMethod.allCases.map(\.rawValue)
                    throw UsageError(
                        message: "--method: \"\(EscapedText.excerpt(text))\" is not a sensitivity method"
                            + "\(Suggestion.hint(for: text, among: names)) (allowed \(names.joined(separator: ", ")))")
                }
                method = chosen
            }
        } catch {
            throw error.withUsage(specification.usage)
        }
        let outcomes: [String]?
        do { outcomes = try arguments.names("--outcomes") } catch { throw error.withUsage(specification.usage) }
        let directory = arguments.positional[0]
        let inputs = try SensitivityInputs.read(directory: directory, outcomes: outcomes)
        let designMethod: SensitivityMethod = inputs.design.method == .sobol ? .sobol : .morris
        if let method, method != designMethod {
            throw AnalysisError.invalid(
                "\(directory): --method \(method.rawValue), but the sweep's design is "
                    + "\(designMethod.rawValue) (allowed \(designMethod.rawValue): each method needs its own design)")
        }
        let report = try SensitivityReport.analyze(inputs, method: designMethod, resamples: resamples, threads: threads)

        let target = arguments.values["--out"] ?? directory
        do {
            try Files.createDirectory(target)
            try Files.writeAtomically(report.csvText, to: target + "/sensitivity.csv")
            if inputs.replicates > 1 {
                try Files.writeAtomically(report.noiseCSVText, to: target + "/sensitivity_noise.csv")
            }
            // A folder of its own gets a copy of the run's manifest (the design the report shows),
            // unless it holds a run's outputs itself.
            let own = OutputDirectory(path: target)
            if target != directory && !Files.exists(target + "/" + OutputFile.runs.rawValue) {
                let manifest = try Files.read(OutputDirectory(path: directory).manifestPath, followingLinks: false)
                try Files.writeAtomically(manifest, to: own.manifestPath)
            }
        } catch {
            throw AnalysisError.inputOutput(error.message)
        }
        guard !arguments.has("--quiet") else { return ExitCode.success }
        let analysed = report.results.filter { $0.skipped == nil }.count
        console.print(
            "dyadsim: \(designMethod.rawValue) indices of \(analysed) outputs (\(inputs.parameterNames.count)"
                + " parameters, \(inputs.inputs.count) points x \(inputs.replicates) replicates, \(resamples) bootstrap "
                + "resamples) written to \(target)/sensitivity.csv"
                + (inputs.replicates > 1 ? " and sensitivity_noise.csv" : ""))
        // Without --outcomes the table shows the headline outcomes; the file has them all.
        let headline = Set(ReportWriter.sensitivityHeadlineOutcomes)
        let shown = outcomes.map(Set.init) ?? headline
        for line in report.consoleTable(outcomes: shown) { console.print(line) }
        if outcomes == nil {
            console.print(
                "(headline outcomes; \(inputs.outcomes.count) outcomes in sensitivity.csv; --outcomes to choose)")
        }
        for result in report.results where result.skipped != nil && !shown.contains(result.outcome) {
            console.print(
                "  note: \(result.outcome) (\(result.arm), \(result.kind.rawValue)) not analysed: "
                    + (result.skipped ?? ""))
        }
        if inputs.replicates > 1 {
            let below = report.belowNoiseCount
            if below > 0 {
                console.print(
                    "warning: \(below) of \(report.rows.count) indices are no larger than replicate noise alone "
                        + "produces (marked *; below_noise in sensitivity_noise.csv): they cannot be told from a parameter "
                        + "without effect")
            }
        } else {
            console.print(
                "note: one replicate, so replicate noise cannot be separated from parameter effects "
                    + "(replicates: 2 or more gives noise shares and thresholds)")
        }
        return ExitCode.success
    }
}
