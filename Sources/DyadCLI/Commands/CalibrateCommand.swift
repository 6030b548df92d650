import DyadCore
import DyadExperiment
import DyadIO
import DyadInference
import Foundation

/// `dyadsim calibrate <file>`: fits parameters of a scenario to observed statistics with ABC-SMC
/// (docs/calibration.md).
enum CalibrateCommand: Command {
    static let specification = CommandSpecification(
        name: "calibrate",
        valueFlags: ["--out", "--threads"],
        switches: ["--force", "--resume", "--quiet", "--progress"],
        positionalRange: (1, 1),
        usage: "dyadsim calibrate <calibration file> [--out DIR] [--threads N] [--resume] [--force] [--quiet] "
            + "[--progress]",
        summary: "fit parameters to observed statistics by ABC-SMC, with posterior uncertainty",
        details: """
            options:
              --out DIR      output directory (default: Results/<name>/)
              --threads N    worker threads (default: all cores); results do not depend on it
              --resume       continue an interrupted calibration in DIR from its last finished generation
              --force        replace DyadSim outputs already in DIR
              --quiet        no progress and no summary
              --progress     show progress even when standard error is not a terminal

            files: posterior.csv, generations.csv, posterior-summary.csv, predictive.csv, simulations.csv,
            manifest.json; each is written under a temporary name and renamed when complete. Every
            finished generation is recorded in DIR/.dyadsim/, so --resume continues after a kill and ends
            with the same files (wall_seconds in generations.csv aside). See docs/calibration.md.
            exit codes: 0 done, 64 usage, 65 invalid calibration file or scenario, 74 I/O error,
            130/143 interrupted by Ctrl-C/SIGTERM (finished generations are kept; rerun with --resume).
            """)

    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        let path = arguments.positional[0]
        let threads: Int
        do throws(UsageError) {
            threads = try ScenarioOptions.threads(arguments)
            if arguments.has("--quiet") && arguments.has("--progress") {
                throw UsageError(message: "--quiet and --progress contradict each other; give one")
            }
        } catch {
            throw error.withUsage(specification.usage)
        }
        let file = try CalibrationLoader.load(path: path)
        var request = CalibrationRequest(
            file: file, path: path,
            directory: arguments.values["--out"] ?? CalibrationRequest.defaultDirectory(for: file),
            threads: threads)
        request.resume = arguments.has("--resume")
        request.force = arguments.has("--force")
        request.command = context.invocation
        let quiet = arguments.has("--quiet")
        let showProgress = !quiet && (console.errorIsTerminal || arguments.has("--progress"))
        let trap = SignalTrap(active: console.handlesSignals, console: console)
        defer { trap.remove() }
        let outcome = try CalibrationRunner.execute(
            request, cancellation: trap.cancellation,
            onBatch: { progress in
                guard showProgress else { return }
                console.errorRaw(
                    "\rgeneration \(progress.generation): \(progress.accepted)/\(progress.particles) accepted of "
                        + "\(progress.simulations) simulations   ")
            },
            onGeneration: { report in
                guard showProgress, let generation = report.generation else { return }
                console.errorRaw(
                    "\rgeneration \(report.index): epsilon \(text(report.epsilon)), \(report.simulations.count) "
                        + "simulations, acceptance \(text(generation.acceptanceRate)), ESS "
                        + "\(text(generation.effectiveSampleSize))\n")
            })
        switch outcome {
        case .interrupted(let generations):
            var resume = context.invocation
            if !resume.contains("--resume") { resume.append("--resume") }
            resume.removeAll { $0 == "--force" }
            console.error(
                "dyadsim: stopped; \(generations) finished generation\(generations == 1 ? " is" : "s are") "
                    + "kept in \(request.directory)")
            console.error("dyadsim: to continue: \(resume.joined(separator: " "))")
            return trap.signalNumber == 0 ? ExitCode.interrupted : trap.exitCode
        case .completed(let summary):
            if !quiet { printSummary(summary, request: request, console: console) }
            return ExitCode.success
        }
    }

    private static func text(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4g", value) : (value.isNaN ? "NA" : "Inf")
    }

    private static func printSummary(_ summary: CalibrationSummary, request: CalibrationRequest, console: Console) {
        let file = request.file
        console.print(
            "dyadsim: \(file.name): \(summary.generations) generation\(summary.generations == 1 ? "" : "s") "
                + "of \(file.settings.particles) particles, \(summary.simulations) simulations of \(file.scenario.couples) "
                + "couples x \(file.scenario.days) days; stopped: \(summary.stopReason.explanation)")
        if summary.resumedGenerations > 0 {
            let count = summary.resumedGenerations
            console.print("  resumed: \(count) generation\(count == 1 ? " was" : "s were") already finished")
        }
        for marginal in summary.posterior.marginals {
            console.print(
                "  \(marginal.name): \(text(marginal.median)) (95% \(text(marginal.lower95))..."
                    + "\(text(marginal.upper95))), prior \(text(marginal.priorLowerBound))..."
                    + "\(text(marginal.priorUpperBound))")
        }
        let outside = summary.wallSeconds > 0 ? 1 - summary.simulationSeconds / summary.wallSeconds : 0
        console.print(
            "  wall time \(String(format: "%.2f", summary.wallSeconds)) s, "
                + "\(String(format: "%.1f", 100 * outside)) % of it outside simulation")
        console.print("  files in \(request.directory)/: \(summary.files.joined(separator: ", "))")
    }
}
