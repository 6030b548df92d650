import DyadCore
import DyadExperiment
import Synchronization

/// Simulates a batch of proposals for ``ABCCalibration/advance(onBatch:evaluate:)``: across
/// proposals (one thread each, `workers` at a time) or one proposal at a time on every thread, as
/// the caller chose (DyadIO's run-parallelism rule). Each simulation is the same bits on any
/// number of threads, so results never depend on the choice.
public struct CalibrationEvaluator: Sendable {
    /// The simulation.
    public let model: CalibrationModel
    /// Proposals simulated at the same time (≥ 1).
    public let workers: Int
    /// Threads of each simulation (≥ 1).
    public let threadsPerRun: Int
    /// Set it to stop: the batch ends at the next simulation (or chunk) and ``evaluate(_:)`` throws.
    public let cancellation: CancellationFlag?

    /// An evaluator; `workers` > 1 runs proposals side by side on one thread each.
    public init(model: CalibrationModel, workers: Int, threadsPerRun: Int, cancellation: CancellationFlag? = nil) {
        self.model = model
        self.workers = max(1, workers)
        self.threadsPerRun = max(1, threadsPerRun)
        self.cancellation = cancellation
    }

    /// Thrown when the batch was cancelled (the calibration state stays at its last generation).
    public struct Cancelled: Error, Sendable {}

    /// One statistics vector per proposal (nil for a failed simulation), in proposal order; with
    /// `includingPredictions` the model's predictions follow the targets.
    public func evaluate(_ proposals: [ABCProposal], includingPredictions: Bool = false) throws(Cancelled)
        -> [[Double]?]
    {
        let results = Mutex([[Double]?](repeating: nil, count: proposals.count))
        let model = self.model, threads = threadsPerRun, cancellation = self.cancellation
        ParallelChunks.run(
            range: 0..<proposals.count, chunkSize: 1, threads: workers, cancellation: cancellation
        ) { _, chunk in
            for index in chunk {
                let proposal = proposals[index]
                let statistics = model.statistics(
                    parameters: proposal.parameters, seed: proposal.seed, threads: threads,
                    cancellation: cancellation, includingPredictions: includingPredictions)
                results.withLock { $0[index] = statistics }
            }
        }
        if cancellation?.isCancelled == true { throw Cancelled() }
        return results.withLock { $0 }
    }
}
