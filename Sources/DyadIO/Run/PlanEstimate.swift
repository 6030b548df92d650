import DyadCore
import DyadExperiment
import Foundation

/// What a plan will need: runs, couple-days, peak memory, output rows and bytes.
public struct PlanEstimate: Sendable {
    /// Runs covered (all of the plan's, or one shard's).
    public let runs: Int
    /// Distinct sweep points among those runs.
    public let points: Int
    /// Outcome couple-days of those runs (couples × days × arms), summed.
    public let coupleDays: Double
    /// Burn-in couple-days (simulated once per couple, not per arm).
    public let burnInCoupleDays: Double
    /// Estimated peak resident memory in bytes.
    public let peakMemoryBytes: Double
    /// (file, rows, bytes) of the output files.
    public let files: [(name: String, rows: Double, bytes: Double)]
    /// How the runner will spread the threads over these runs (the memory estimate assumes it).
    package let parallelism: RunParallelism

    /// Approximate bytes of one row of couples.csv and daily.csv (measured on default runs).
    static let couplesRowBytes = 900.0
    static let dailyRowBytes = 190.0
    /// Approximate bytes of one row of partners.csv, and what a `measurement` section adds to it.
    /// Measured on 1,000 couples × 100 days (default parameters; traits and styles populations):
    /// file bytes / rows = 487–515 without measurement, 704 with it.
    static let partnersRowBytes = 500.0
    static let partnersMeasuredRowBytes = 200.0
    /// Approximate bytes of one row of traces.csv (the same runs: 154–160).
    static let tracesRowBytes = 157.0
    /// Rows of traces.csv per traced couple, outcome day and arm: actions in conflict episodes
    /// per couple-day. Measured on the same runs, every couple traced for 100 days (rows /
    /// (couples × days × arms)): 1.52 in the control arm of the default traits population
    /// (1.30 averaged with a consistent-validation arm), 2.55 in the default styles population,
    /// whose fearful and anxious pairings fight more. Other parameters move it up or down.
    static func tracesRowsPerCoupleDay(_ mode: PopulationMode) -> Double {
        switch mode {
        case .traits: 1.5
        case .styles: 2.5
        }
    }

    /// The estimate for `runs` of `plan`, in O(runs + points): each distinct point's scenario
    /// is resolved once, and its daily rows are counted in closed form (no walk over days).
    public init(plan: RunPlan, runs: [PlannedRun], threads: Int) {
        self.runs = runs.count
        var facts = [PointFacts?](repeating: nil, count: plan.points.count)
        var distinctPoints = 0
        var coupleDays = 0.0, burnIn = 0.0, couplesRows = 0.0, dailyRows = 0.0, largestRun = 0.0
        var partnersRows = 0.0, partnersBytes = 0.0, tracesRows = 0.0
        var largestRunCoupleDays = 0.0
        for run in runs {
            let point: PointFacts
            if let known = facts[run.point] {
                point = known
            } else {
                point = PointFacts(plan.scenario(at: run.point), workers: Double(max(1, threads)))
                facts[run.point] = point
                distinctPoints += 1
                largestRun = max(largestRun, point.runBytes)
                largestRunCoupleDays = max(largestRunCoupleDays, point.coupleDays)
            }
            coupleDays += point.coupleDays
            burnIn += point.burnInCoupleDays
            couplesRows += point.couplesRows
            dailyRows += point.dailyRows
            partnersRows += point.partnersRows
            partnersBytes += point.partnersRows * point.partnersRowBytes
            tracesRows += point.tracesRows
        }
        points = distinctPoints
        self.coupleDays = coupleDays
        burnInCoupleDays = burnIn
        parallelism = RunParallelism.choose(
            runCount: runs.count, largestCoupleDays: largestRunCoupleDays, threads: threads)
        let assignments = Double(plan.sweptPaths.count)
        peakMemoryBytes =
            40e6 + largestRun * Double(parallelism.concurrentRuns)
            + Self.bookkeepingBytes(
                runs: Double(runs.count), points: Double(plan.points.count),
                arms: Double(plan.scenario.arms.count), assignments: assignments)
        let arms = Double(plan.scenario.arms.count)
        let outcomes = Double(OutcomeSelection.of(measured: plan.scenario.measurement != nil).compared.count)
        let runsRows = Double(runs.count) * arms
        var files: [(String, Double, Double)] = []
        if plan.scenario.outputs.couples {
            files.append(("couples.csv", couplesRows, couplesRows * Self.couplesRowBytes))
        }
        if plan.scenario.outputs.partners { files.append(("partners.csv", partnersRows, partnersBytes)) }
        if plan.scenario.outputs.daily { files.append(("daily.csv", dailyRows, dailyRows * Self.dailyRowBytes)) }
        if plan.scenario.outputs.traces != nil {
            files.append(("traces.csv", tracesRows, tracesRows * Self.tracesRowBytes))
        }
        files.append(("runs.csv", runsRows, runsRows * 1400))
        let effectRows = Double(distinctPoints) * max(0, arms - 1) * outcomes
        files.append(("effects.csv", effectRows, effectRows * 150))
        let summaryRows = Double(distinctPoints) * arms * outcomes
        files.append(("summary.csv", summaryRows, summaryRows * 110))
        if !plan.scenario.sweep.isEmpty {
            files.append(("points.csv", Double(distinctPoints), Double(distinctPoints) * 40))
        }
        self.files = files
    }

    /// What one sweep point's runs need, each.
    private struct PointFacts {
        let coupleDays: Double
        let burnInCoupleDays: Double
        let couplesRows: Double
        let dailyRows: Double
        let partnersRows: Double
        let partnersRowBytes: Double
        let tracesRows: Double
        let runBytes: Double

        init(_ scenario: Scenario, workers: Double = 1) {
            let couples = Double(scenario.couples), arms = Double(scenario.arms.count)
            coupleDays = couples * Double(scenario.days) * arms
            burnInCoupleDays = couples * Double(scenario.burnInDays)
            couplesRows = scenario.outputs.couples ? couples * arms : 0
            dailyRows =
                scenario.outputs.daily
                ? Double(PlanEstimate.writtenDays(days: scenario.days, every: scenario.outputs.dailyEvery)) * arms : 0
            partnersRows = scenario.outputs.partners ? 2 * couples * arms : 0
            partnersRowBytes =
                PlanEstimate.partnersRowBytes
                + (scenario.measurement == nil ? 0 : PlanEstimate.partnersMeasuredRowBytes)
            if let traces = scenario.outputs.traces {
                let window = traces.days ?? 0...Int.max
                let days = max(0, min(window.upperBound, scenario.days - 1) - max(window.lowerBound, 0) + 1)
                tracesRows =
                    min(couples, Double(traces.couples)) * Double(days) * arms
                    * PlanEstimate.tracesRowsPerCoupleDay(scenario.population.mode)
            } else {
                tracesRows = 0
            }
            runBytes = PlanEstimate.runBytes(
                couples: couples, arms: arms, days: Double(scenario.days), workers: workers,
                couplesFile: scenario.outputs.couples)
        }
    }

    /// Days written to daily.csv by a run of `days` outcome days writing every `every`-th day
    /// (days 0, every, 2·every, … and always the last): ⌊(days − 1)/every⌋ + 1, plus 1 when the
    /// last day is not a multiple of `every`. Agrees with ``OutputSettings/writesDay(_:of:)``.
    static func writtenDays(days: Int, every: Int) -> Int {
        guard days > 0 else { return 0 }
        let step = max(1, every)
        return (days - 1) / step + 1 + ((days - 1) % step == 0 ? 0 : 1)
    }

    /// Memory of the plan's bookkeeping: the planned runs (kept in several lists), one record per
    /// finished run (arm means and paired moments) and the sweep points with their assignments.
    public static func bookkeepingBytes(runs: Double, points: Double, arms: Double, assignments: Double) -> Double {
        let outcomes = Double(EffectOutcomes.columns.count)
        let recordBytes = 200 + arms * (64 + outcomes * 8) + max(0, arms - 1) * outcomes * 72
        return runs * (4 * 24 + recordBytes) + points * (96 + assignments * 64)
    }

    /// Bookkeeping memory of a scenario's plan, from the scenario alone (nothing allocated):
    /// for a shard of `shardCount` runs, about a `shardCount`-th of the runs.
    public static func bookkeepingBytes(of scenario: Scenario, shardCount: Int = 1) -> Double {
        let points = Double(scenario.sweep.pointCount)
        let runs = (points * Double(scenario.replicates) / Double(max(1, shardCount))).rounded(.up)
        return bookkeepingBytes(
            runs: runs, points: points, arms: Double(scenario.arms.count),
            assignments: Double(scenario.sweep.paths.count))
    }

    /// The runs of each of `count` shards and the largest shard's couple-days (burn-in
    /// included), in one pass over the runs: O(runs + count).
    public static func shards(
        of plan: RunPlan, count: Int
    ) -> (fewestRuns: Int, mostRuns: Int, largestCoupleDays: Double) {
        let shardCount = max(1, count)
        var work = [Double](repeating: 0, count: shardCount)
        var perPoint = [Double?](repeating: nil, count: plan.points.count)
        for (index, run) in plan.runs.enumerated() {
            let days: Double
            if let known = perPoint[run.point] {
                days = known
            } else {
                let facts = PointFacts(plan.scenario(at: run.point))
                days = facts.coupleDays + facts.burnInCoupleDays
                perPoint[run.point] = days
            }
            work[index % shardCount] += days
        }
        let runs = plan.runs.count
        let fewest = runs / shardCount, most = fewest + (runs % shardCount == 0 ? 0 : 1)
        return (fewest, most, work.max() ?? 0)
    }

    /// Memory of one run in flight with `workers` threads. Rows stream to the files chunk by
    /// chunk, so nothing grows with the couples beyond the spill limits: the rows of each
    /// worker's chunk and the hand-off slots (``Simulator/slotsPerWorker`` per worker: numeric
    /// values, formatted rows of about 2.4 KB at most), the later arms' rows and the values the
    /// paired moments read twice (in memory up to the spill limit each, array growth
    /// included), the per-day aggregates.
    static func runBytes(couples: Double, arms: Double, days: Double, workers: Double, couplesFile: Bool) -> Double {
        let chunk = min(64, max(1, couples))
        let slots = workers > 1 ? workers * Double(Simulator.slotsPerWorker) : 1
        let columns = Double(CoupleOutcomeColumn.allCases.count)
        let spill = 2 * Double(RunRequest.defaultSpillLimit)
        var bytes = workers * arms * chunk * columns * 8 + slots * arms * chunk * columns * 8
        if arms > 1 { bytes += min(spill, couples * arms * Double(EffectOutcomes.columns.count) * 8) }
        if couplesFile {
            bytes += slots * arms * chunk * 2_400 + (arms - 1) * min(spill, couples * couplesRowBytes) + 2e6
        }
        return bytes + (workers + 1) * arms * days * Double(MemoryLayout<DayTotals>.stride)
    }

    /// This machine's physical memory in bytes.
    public static var physicalMemory: Double { Double(ProcessInfo.processInfo.physicalMemory) }
}

/// Human-readable sizes and counts.
public enum Quantity {
    /// `value` bytes in powers of 1000 with one decimal ("1.5 MB"); "?" if not finite or negative.
    public static func bytes(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "?" }
        let units = ["B", "KB", "MB", "GB", "TB"]
        var scaled = value, index = 0
        while scaled >= 1000 && index < units.count - 1 { scaled /= 1000; index += 1 }
        return index == 0 ? "\(Int(scaled)) B" : String(format: "%.1f %@", scaled, units[index])
    }

    /// A size in powers of 1024 for limits: "16 MiB", "64 MiB", "512 KiB", "100 B".
    public static func binaryBytes(_ value: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = Double(value), index = 0
        while scaled >= 1024 && index < units.count - 1 { scaled /= 1024; index += 1 }
        let number = scaled == scaled.rounded() ? String(Int(scaled)) : String(format: "%.1f", scaled)
        return number + " " + units[index]
    }

    /// `value` as a whole number, or in millions/billions with two decimals; "?" if not finite or
    /// negative.
    public static func count(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "?" }
        if value >= 1e9 { return String(format: "%.2f billion", value / 1e9) }
        if value >= 1e6 { return String(format: "%.2f million", value / 1e6) }
        return String(Int(value))
    }

    /// Largest size ``parseBytes(_:)`` accepts: 1 EiB (2⁶⁰ bytes).
    public static let maximumBytes = 1_152_921_504_606_846_976.0

    /// Parses a size: a whole or decimal number followed by a unit K, M, G or T (powers of
    /// 1024; an optional `B` or `iB` after it, any case: `8G`, `1.5g`, `512MiB`, `64KB`), or a
    /// whole number of bytes with or without `B` (`2000000000`). Nil for anything else:
    /// signs, exponents, `inf`, `nan`, hexadecimal, spaces, zero, more than 1 EiB.
    public static func parseBytes(_ text: String) -> Double? {
        var characters = Array(text.uppercased())
        if characters.last == "B" { characters.removeLast() }
        if characters.last == "I" {
            characters.removeLast()
            guard let last = characters.last, "KMGT".contains(last) else { return nil }
        }
        let factors: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        var factor = 1.0
        if let last = characters.last, let unit = factors[last] {
            factor = unit
            characters.removeLast()
        }
        let parts = characters.split(separator: ".", omittingEmptySubsequences: false)
        let digits = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        guard (1...2).contains(parts.count), digits,
            parts.count == 1 || factor > 1, let number = Double(String(characters))
        else { return nil }
        let value = number * factor
        guard value.isFinite, value >= 1, value <= maximumBytes else { return nil }
        return value
    }
}
