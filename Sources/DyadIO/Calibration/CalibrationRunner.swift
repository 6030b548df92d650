import DyadCore
import DyadExperiment
import DyadInference
import Foundation

/// What `dyadsim calibrate` asks for.
package struct CalibrationRequest: Sendable {
    /// The decoded calibration file.
    package var file: CalibrationFile
    /// The calibration file as named by the user (for the manifest).
    package var path: String
    /// The output directory.
    package var directory: String
    /// Worker threads (results do not depend on it).
    package var threads: Int
    /// Continue from the last finished generation recorded in `directory`.
    package var resume = false
    /// Replace DyadSim outputs already in `directory`.
    package var force = false
    /// The command line (for the manifest).
    package var command: [String] = []

    /// A request to calibrate `file` into `directory` on `threads` threads.
    package init(file: CalibrationFile, path: String, directory: String, threads: Int) {
        self.file = file
        self.path = path
        self.directory = directory
        self.threads = max(1, threads)
    }

    /// The default output directory: `Results/<name>`.
    package static func defaultDirectory(for file: CalibrationFile) -> String { "Results/\(file.name)" }
}

/// How a calibration ended.
package enum CalibrationOutcome: Sendable {
    /// Every output written; the final state.
    case completed(CalibrationSummary)
    /// Stopped by the cancellation flag; `generations` finished generations are kept.
    case interrupted(generations: Int)
}

/// What a finished calibration did (for the console).
package struct CalibrationSummary: Sendable {
    /// Completed generations.
    package let generations: Int
    /// Simulations run in all generations (resumed ones included) plus the predictive draws.
    package let simulations: Int
    /// Why it stopped.
    package let stopReason: ABCStopReason
    /// The last generation's posterior.
    package let posterior: PosteriorSummary
    /// Generations found finished when resuming.
    package let resumedGenerations: Int
    /// Wall time of this invocation.
    package let wallSeconds: Double
    /// Wall time of this invocation spent in the evaluator (simulating and measuring the targets);
    /// the rest is the kernel, the records and the outputs.
    package let simulationSeconds: Double
    /// The files written.
    package let files: [String]
}

/// Runs a calibration into an output directory: generation after generation through
/// ``ABCCalibration``, simulating each batch with a ``CalibrationEvaluator``, recording each
/// finished generation (its simulations, then the state) durably in `.dyadsim/`, and writing the
/// outputs under temporary names, renamed when complete, manifest last.
///
/// Resume: after a kill at any moment, `--resume` reads the state of the last finished generation
/// and continues; the outputs are the same bytes as without the interruption (except
/// `wall_seconds` and the manifest's timing and command).
package enum CalibrationRunner {
    /// Posterior predictive draws simulated after the last generation: min(N, this).
    package static let maximumPredictiveDraws = 200

    /// The output files, in the order they are written (manifest last).
    package static let outputFiles = [
        "posterior.csv", "generations.csv", "posterior-summary.csv", "predictive.csv", "simulations.csv",
        OutputDirectory.manifestName,
    ]

    /// Runs `request`; `cancellation` stops it after the current simulation (the finished
    /// generations are kept); `onBatch` and `onGeneration` report progress.
    package static func execute(
        _ request: CalibrationRequest, cancellation: CancellationFlag? = nil,
        onBatch: (ABCBatchProgress) -> Void = { _ in },
        onGeneration: (ABCGenerationReport) -> Void = { _ in }
    ) throws -> CalibrationOutcome {
        let started = Date()
        let file = request.file
        let problem = file.problem
        let directory = CalibrationDirectory(path: request.directory)
        let lock = try directory.prepare(force: request.force, resume: request.resume)
        defer { lock.release() }
        var calibration: ABCCalibration
        var resumedGenerations = 0
        if request.resume, let text = try directory.savedState() {
            let state: ABCState
            do { state = try ABCState(encoded: text) } catch {
                throw OutputError(
                    "cannot resume in \(request.directory): the saved calibration state is unreadable "
                        + "(\(error)); use --force to start over")
            }
            do {
                calibration = try ABCCalibration(problem: problem, settings: file.settings, resumingFrom: state)
            } catch {
                throw OutputError(
                    "cannot resume in \(request.directory): \(error); use --force to start over, or "
                        + "--out to calibrate into another directory")
            }
            resumedGenerations = state.generations.count
        } else {
            calibration = try makeCalibration(problem: problem, settings: file.settings)
        }
        directory.removeFragments(after: calibration.state)
        let model = file.model
        let evaluator = makeEvaluator(
            model: model, batch: file.settings.batchSize, threads: request.threads,
            cancellation: cancellation)
        var simulationSeconds = 0.0
        func timed<Result>(_ body: () throws -> Result) rethrows -> Result {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { simulationSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            return try body()
        }
        while !calibration.isFinished {
            let generationStart = Date()
            let report: ABCGenerationReport
            do {
                report = try calibration.advance(
                    onBatch: onBatch, evaluate: { proposals in try timed { try evaluator.evaluate(proposals) } })
            } catch is CalibrationEvaluator.Cancelled {
                return .interrupted(generations: calibration.state.generations.count)
            }
            let seconds = Date().timeIntervalSince(generationStart)
            try directory.recordGeneration(
                report, rows: CalibrationColumns.simulationRows(report, targetCount: problem.targets.count),
                seconds: seconds, state: calibration.state)
            onGeneration(report)
            if cancellation?.isCancelled == true && !calibration.isFinished {
                return .interrupted(generations: calibration.state.generations.count)
            }
        }
        guard let posterior = calibration.posteriorSummary(), let last = calibration.state.generations.last,
            let stopReason = calibration.state.stopReason
        else {
            throw CalibrationFailure(
                "\(request.path): the calibration stopped before generation 0 was complete: "
                    + "too few simulations of the prior gave finite statistics (check the targets' where and the "
                    + "simulation size); simulations.csv is not written")
        }
        let draws: [[Double]]
        do {
            draws = try timed { try predictiveDraws(last, settings: file.settings, evaluator: evaluator) }
        } catch {
            return .interrupted(generations: calibration.state.generations.count)
        }
        let files = try directory.writeOutputs(
            state: calibration.state, problem: problem, predictions: file.predictions, posterior: posterior,
            predictive: draws,
            manifest: { written in
                CalibrationManifest.text(
                    request: request, problem: problem, state: calibration.state, files: written,
                    predictiveDraws: draws.count, started: started,
                    fingerprint: ABCCalibration.fingerprint(
                        problem: problem, settings: file.settings))
            })
        return .completed(
            CalibrationSummary(
                generations: calibration.state.generations.count,
                simulations: calibration.state.simulationCount + draws.count, stopReason: stopReason,
                posterior: posterior, resumedGenerations: resumedGenerations,
                wallSeconds: Date().timeIntervalSince(started), simulationSeconds: simulationSeconds, files: files))
    }

    private static func makeCalibration(problem: CalibrationProblem, settings: ABCSettings) throws -> ABCCalibration {
        do { return try ABCCalibration(problem: problem, settings: settings) } catch {
            throw CalibrationFailure("cannot calibrate: \(error)")
        }
    }

    /// The evaluator, spreading threads by the run-parallelism rule: a batch of `batch`
    /// simulations of the model's size.
    static func makeEvaluator(
        model: CalibrationModel, batch: Int, threads: Int, cancellation: CancellationFlag?
    ) -> CalibrationEvaluator {
        switch RunParallelism.choose(runCount: batch, largestCoupleDays: model.coupleDays, threads: threads) {
        case .acrossRuns(let workers):
            return CalibrationEvaluator(model: model, workers: workers, threadsPerRun: 1, cancellation: cancellation)
        case .withinRun:
            return CalibrationEvaluator(model: model, workers: 1, threadsPerRun: threads, cancellation: cancellation)
        }
    }

    /// The posterior predictive draws: M = min(N, ``maximumPredictiveDraws``) particles of the last
    /// generation picked by weight (draw i from the stream of attempt i of "generation" 2³¹, by the
    /// inverse of the cumulative weights) and simulated again with fresh seeds. Failed simulations
    /// are left out.
    static func predictiveDraws(
        _ generation: ABCGeneration, settings: ABCSettings, evaluator: CalibrationEvaluator
    ) throws -> [[Double]] {
        let population = generation.population
        let count = min(population.count, maximumPredictiveDraws)
        var cumulative: [Double] = []
        var total = 0.0
        for weight in population.weights {
            total += weight
            cumulative.append(total)
        }
        var proposals: [ABCProposal] = []
        for draw in 0..<count {
            let key = ABCCalibration.attemptKey(seed: settings.seed, generation: 1 << 31, attempt: draw)
            var stream = RandomStream(key: key)
            let u = stream.uniform() * total
            let particle = min(cumulative.firstIndex { $0 > u } ?? (population.count - 1), population.count - 1)
            proposals.append(
                ABCProposal(
                    generation: 1 << 31, attempt: draw, parameters: population.parameters[particle],
                    seed: ABCCalibration.simulationSeed(attemptKey: key)))
        }
        return try evaluator.evaluate(proposals, includingPredictions: true).compactMap { $0 }
    }
}
