/// Runs the model (docs/model.md §3–§9) for one run configuration, in parallel over couples.
public struct Simulator: Sendable {
    /// Worker threads (1 runs on the calling thread).
    public var threads: Int
    /// Couples per chunk of the fixed partition.
    public var chunkSize: Int

    /// Bytes of one couple's live simulation state (held per worker, not per couple).
    public static var liveStateBytes: Int { MemoryLayout<CoupleSimulation>.size }

    /// Bytes stored per couple and arm by the simulator itself: none, rows go to a sink chunk by
    /// chunk (an ``OutcomeTableCollector`` stores 8 bytes per column).
    public static var storedBytesPerCoupleAndArm: Int { 0 }

    /// A simulator with `threads` workers (at least 1) and chunks of `chunkSize` couples (at least 1).
    public init(threads: Int = 1, chunkSize: Int = 64) {
        self.threads = max(1, threads)
        self.chunkSize = max(1, chunkSize)
    }

    /// Simulates every couple of `configuration.coupleRange` in every arm and returns the whole
    /// outcome tables (collected by an ``OutcomeTableCollector``: for in-process use of small runs).
    public func run(
        _ configuration: RunConfiguration, cancellation: CancellationFlag? = nil, progress: ProgressCounter? = nil
    ) throws(SimulationError) -> RunResult {
        let collector = OutcomeTableCollector()
        let totals = try run(configuration, sink: collector, cancellation: cancellation, progress: progress)
        let tables = collector.tables()
        return RunResult(
            arms: totals.armNames.indices.map {
                ArmResult(name: totals.armNames[$0], outcomes: tables[$0], daily: totals.daily[$0])
            },
            prototypeNames: totals.prototypeNames, episodeTurns: totals.episodeTurns, coupleDays: totals.coupleDays,
            isComplete: totals.isComplete)
    }

    /// Hand-off slots per worker of a streamed run (see ``OutcomeSink``): a worker may run this
    /// many chunks ahead of the oldest undelivered one before it waits.
    public static let slotsPerWorker = 4

    /// Simulates every couple of `configuration.coupleRange` in every arm, passing each chunk's
    /// rows to `sink` as soon as the chunk is simulated (see ``OutcomeSink`` for the order of
    /// calls); the run holds no outcome table. Per-day aggregates are exact integer sums per
    /// worker, combined at the end.
    public func run(
        _ configuration: RunConfiguration, sink: any OutcomeSink, cancellation: CancellationFlag? = nil,
        progress: ProgressCounter? = nil
    ) throws(SimulationError) -> RunTotals {
        let range = configuration.coupleRange
        guard configuration.days > 0, configuration.burnInDays >= 0,
            range.lowerBound >= 0, range.upperBound <= configuration.coupleCount,
            configuration.baselineDay >= 0, configuration.baselineDay < configuration.days
        else { throw .invalidRange("days, burn-in, baseline day or couple range out of range") }
        let sampler: PopulationSampler
        do { sampler = try PopulationSampler(population: configuration.population) } catch { throw .population(error) }
        let arms = try Self.compiledArms(configuration)
        let classifier = StyleClassifier(population: configuration.population)
        let armCount = arms.count
        let rows = range.count
        let columns = CoupleOutcomeColumn.allCases.count
        let measurement = configuration.measurement.map {
            MeasurementModel(settings: $0, configuration: configuration, sampler: sampler, armNames: arms.map(\.name))
        }
        let measuredCount = measurement == nil ? 0 : MeasuredColumn.allCases.count
        let rowWidth = columns + measuredCount
        let chunkSize = self.chunkSize
        let chunkCount = (rows + chunkSize - 1) / chunkSize
        let workerCount = max(1, min(threads, chunkCount))
        let slots = workerCount == 1 ? 1 : workerCount * Self.slotsPerWorker
        sink.prepare(
            OutcomeLayout(
                armNames: arms.map(\.name), prototypeNames: configuration.population.prototypes.map(\.name),
                couples: range, chunkSize: chunkSize, chunkCount: chunkCount, workers: workerCount, slots: slots,
                measuredCount: measuredCount))
        // One heap object per worker, so workers never write to a shared cache line.
        let workers = (0..<workerCount).map { _ in WorkerTotals(arms: armCount, days: configuration.days) }
        // Each worker's rows of its current chunk: arm, row, column (row-major).
        let armStride = min(chunkSize, max(rows, 1))
        let rowBuffers = (0..<workerCount).map { _ in
            SharedStorage(repeating: Double.nan, count: armCount * armStride * rowWidth)
        }

        ParallelChunks.runInOrder(
            range: range, chunkSize: chunkSize, threads: workerCount, slots: slots, cancellation: cancellation
        ) { worker, index, slot, chunk in
            let totals = workers[worker]
            let buffer = rowBuffers[worker].pointer
            var turns = 0
            for couple in chunk {
                var stream = RandomStream(key: StreamKey.couple(runKey: configuration.runKey, couple: couple))
                let traits = sampler.sample(couple: couple, coupleCount: configuration.coupleCount, stream: &stream)
                var burnedIn = CoupleSimulation(traits: traits, parameters: configuration.parameters, stream: stream)
                burnedIn.runBurnIn(days: configuration.burnInDays)
                for armIndex in 0..<armCount {
                    var simulation = burnedIn
                    simulation.runOutcomeDays(
                        days: configuration.days, baselineDay: configuration.baselineDay, arm: arms[armIndex],
                        aggregates: &totals.aggregates[armIndex])
                    let row = buffer + (armIndex * armStride + couple - chunk.lowerBound) * rowWidth
                    simulation.writeOutcomes(OutcomeRowWriter(base: row, stride: 1, row: 0), classifier: classifier)
                    if let measurement {
                        measurement.write(
                            simulation, couple: couple, arm: armIndex, runKey: configuration.runKey, to: row + columns)
                    }
                    turns += simulation.statistics.completedTurns
                }
            }
            totals.turns += turns
            totals.finished += chunk.count
            sink.consume(
                OutcomeChunk(
                    index: index, couples: chunk, worker: worker, slot: slot, values: UnsafePointer(buffer),
                    armStride: armStride, measuredCount: measuredCount, arms: armCount))
            progress?.add(chunk.count)
        } deliver: { index, slot in
            sink.deliver(chunk: index, slot: slot)
        }

        var daily: [DailyAggregates] = []
        for armIndex in 0..<armCount {
            var aggregates = DailyAggregates(coupleCount: rows, days: configuration.days)
            for totals in workers { aggregates.add(totals.aggregates[armIndex]) }
            daily.append(aggregates)
        }
        let done = workers.reduce(0) { $0 + $1.finished }
        return RunTotals(
            armNames: arms.map(\.name), daily: daily, prototypeNames: configuration.population.prototypes.map(\.name),
            episodeTurns: workers.reduce(0) { $0 + $1.turns }, coupleDays: done * configuration.days * armCount,
            isComplete: done == rows)
    }
}

/// A worker's private accumulators (only that worker touches them while the run goes on).
final class WorkerTotals: @unchecked Sendable {
    var aggregates: [DailyAggregates]
    var turns = 0
    var finished = 0

    init(arms: Int, days: Int) {
        aggregates = (0..<arms).map { _ in DailyAggregates(coupleCount: 0, days: days) }
    }
}
