import DyadCore
import DyadExperiment
import Foundation

/// What a plan will need: runs, couple-days, peak memory, output rows and bytes.
public struct PlanEstimate: Sendable {
    public let runs: Int
    public let points: Int
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

    public init(plan: RunPlan, runs: [PlannedRun], threads: Int) {
        self.runs = runs.count
        points = Set(runs.map(\.point)).count
        var coupleDays = 0.0, burnIn = 0.0, couplesRows = 0.0, dailyRows = 0.0, largestRun = 0.0
        for run in runs {
            let scenario = plan.scenario(at: run.point)
            let couples = Double(scenario.couples), arms = Double(scenario.arms.count)
            coupleDays += couples * Double(scenario.days) * arms
            burnIn += couples * Double(scenario.burnInDays)
            if scenario.outputs.couples { couplesRows += couples * arms }
            if scenario.outputs.daily {
                let written = (0..<scenario.days).filter { scenario.outputs.writesDay($0, of: scenario.days) }.count
                dailyRows += Double(written) * arms
            }
            largestRun = max(largestRun, Self.runBytes(couples: couples, arms: arms, days: Double(scenario.days)))
        }
        self.coupleDays = coupleDays
        burnInCoupleDays = burnIn
        parallelism = RunParallelism.choose(runs: runs, plan: plan, threads: threads)
        peakMemoryBytes = 40e6 + largestRun * Double(parallelism.concurrentRuns)
        let arms = Double(plan.scenario.arms.count)
        let outcomes = Double(EffectOutcomes.columns.count)
        let runsRows = Double(runs.count) * arms
        var files: [(String, Double, Double)] = []
        if plan.scenario.outputs.couples { files.append(("couples.csv", couplesRows, couplesRows * Self.couplesRowBytes)) }
        if plan.scenario.outputs.daily { files.append(("daily.csv", dailyRows, dailyRows * Self.dailyRowBytes)) }
        files.append(("runs.csv", runsRows, runsRows * 1400))
        let effectRows = Double(points) * max(0, arms - 1) * outcomes
        files.append(("effects.csv", effectRows, effectRows * 150))
        let summaryRows = Double(points) * arms * outcomes
        files.append(("summary.csv", summaryRows, summaryRows * 110))
        if !plan.scenario.sweep.isEmpty { files.append(("points.csv", Double(points), Double(points) * 40)) }
        self.files = files
    }

    /// Memory of one run in flight: outcome tables, per-worker aggregates, record.
    static func runBytes(couples: Double, arms: Double, days: Double) -> Double {
        couples * arms * Double(CoupleOutcomeColumn.allCases.count) * 8 * 2 + days * arms * 200 * 8
    }

    /// This machine's physical memory in bytes.
    public static var physicalMemory: Double { Double(ProcessInfo.processInfo.physicalMemory) }
}

/// Human-readable sizes and counts.
public enum Quantity {
    public static func bytes(_ value: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var scaled = value, index = 0
        while scaled >= 1000 && index < units.count - 1 { scaled /= 1000; index += 1 }
        return index == 0 ? "\(Int(scaled)) B" : String(format: "%.1f %@", scaled, units[index])
    }

    public static func count(_ value: Double) -> String {
        if value >= 1e9 { return String(format: "%.2f billion", value / 1e9) }
        if value >= 1e6 { return String(format: "%.2f million", value / 1e6) }
        return String(Int(value))
    }

    /// Parses "4G", "512M", "2000000000" (bytes; K, M, G, T in powers of 1024).
    public static func parseBytes(_ text: String) -> Double? {
        let upper = text.uppercased().replacingOccurrences(of: "B", with: "")
        let factors: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        if let last = upper.last, let factor = factors[last] {
            return Double(upper.dropLast()).map { $0 * factor }.flatMap { $0 > 0 ? $0 : nil }
        }
        return Double(upper).flatMap { $0 > 0 ? $0 : nil }
    }
}
