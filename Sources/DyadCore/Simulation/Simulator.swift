/// Runs the model (MODEL.md §2–§9) for one run configuration, in parallel over couples.
public struct Simulator: Sendable {
    /// Worker threads (1 runs on the calling thread).
    public var threads: Int
    /// Couples per chunk of the fixed partition.
    public var chunkSize: Int

    /// Bytes of one couple's live simulation state (held per worker, not per couple).
    public static var liveStateBytes: Int { MemoryLayout<CoupleSimulation>.size }

    /// Bytes stored per couple and arm until a run's rows are written (the outcome table).
    public static var storedBytesPerCoupleAndArm: Int { CoupleOutcomeColumn.allCases.count * MemoryLayout<Double>.size }

    public init(threads: Int = 1, chunkSize: Int = 64) {
        self.threads = max(1, threads)
        self.chunkSize = max(1, chunkSize)
    }

    /// Simulates every couple of `configuration.coupleRange` in every arm.
    public func run(
        _ configuration: RunConfiguration, cancellation: CancellationFlag? = nil, progress: ProgressCounter? = nil
    ) throws(SimulationError) -> RunResult {
        let range = configuration.coupleRange
        guard configuration.days > 0, configuration.burnInDays >= 0,
            range.lowerBound >= 0, range.upperBound <= configuration.coupleCount,
            configuration.baselineDay >= 0, configuration.baselineDay < configuration.days
        else { throw .invalidRange("days, burn-in, baseline day or couple range out of range") }
        let sampler: PopulationSampler
        do { sampler = try PopulationSampler(population: configuration.population) } catch { throw .population(error) }
        var compiledArms: [CompiledArm] = []
        for arm in configuration.arms {
            do {
                let couple = configuration.parameters.couple
                compiledArms.append(try CompiledArm(
                    arm, days: configuration.days, eftInterval: roundedCount(couple.eftInterval),
                    eftSessions: roundedCount(couple.eftSessions)))
            } catch { throw .arm(error) }
        }
        let arms = compiledArms
        let classifier = StyleClassifier(population: configuration.population)
        let armCount = arms.count
        let rows = range.count
        let columns = CoupleOutcomeColumn.allCases.count
        let outcomes = (0..<armCount).map { _ in SharedStorage(repeating: Double.nan, count: rows * columns) }
        let workerCount = max(1, min(threads, (rows + chunkSize - 1) / chunkSize))
        // One heap object per worker, so workers never write to a shared cache line.
        let workers = (0..<workerCount).map { _ in WorkerTotals(arms: armCount, days: configuration.days) }

        ParallelChunks.run(range: range, chunkSize: chunkSize, threads: workerCount, cancellation: cancellation) {
            worker, chunk in
            let totals = workers[worker]
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
                    simulation.writeOutcomes(
                        OutcomeRowWriter(base: outcomes[armIndex].pointer, stride: rows, row: couple - range.lowerBound),
                        classifier: classifier)
                    turns += simulation.statistics.completedTurns
                }
            }
            totals.turns += turns
            totals.finished += chunk.count
            progress?.add(chunk.count)
        }

        var results: [ArmResult] = []
        for armIndex in 0..<armCount {
            var daily = DailyAggregates(coupleCount: rows, days: configuration.days)
            for totals in workers { daily.add(totals.aggregates[armIndex]) }
            var table = CoupleOutcomeTable(firstCouple: range.lowerBound, count: rows)
            table.values = outcomes[armIndex].toArray()
            results.append(ArmResult(name: arms[armIndex].name, outcomes: table, daily: daily))
        }
        let done = workers.reduce(0) { $0 + $1.finished }
        return RunResult(
            arms: results, prototypeNames: configuration.population.prototypes.map(\.name),
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
