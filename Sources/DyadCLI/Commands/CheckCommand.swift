import DyadCore
import DyadExperiment
import DyadIO
import Foundation

/// `dyadsim check <scenario>...`: validate and print the plan without running it.
enum CheckCommand: Command {
    static let writesResultToStandardOutput = true

    static let specification = CommandSpecification(
        name: "check",
        valueFlags: ["--threads", "--shards"] + ScenarioOptions.valueFlags,
        switches: ["--no-calibration"],
        positionalRange: (1, nil),
        usage:
            "dyadsim check <scenario>... [--threads N] [--shards N] [--seed N] [--couples N] [--days N] [--no-calibration]",
        summary: "validate scenarios and print their plans: runs, couple-days, memory, output sizes, estimated time",
        details: """
            options:
              --threads N        threads the estimate assumes (default: all cores)
              --shards N         also show runs and estimated time per shard for --shard K/N
              --no-calibration   skip the short timing run behind the time estimate
            Exit code 0 if every scenario is valid, 65 otherwise.
            """)

    /// Describes every valid scenario, then reports the errors of the others together (the exit
    /// code of the last).
    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        let threads = try ScenarioOptions.threads(arguments)
        let shards = try arguments.integer("--shards", in: 1...1_000_000)
        var rate: Double?
        var failures: [any DyadSimError] = []
        for file in arguments.positional {
            let plan: RunPlan
            do {
                plan = RunPlan(scenario: try ScenarioOptions.load(file, arguments: arguments))
            } catch let error as any DyadSimError {
                failures.append(error)
                continue
            }
            if rate == nil && !arguments.has("--no-calibration") { rate = calibrate() }
            describe(plan, file: file, threads: threads, shards: shards, rate: rate, console: console)
        }
        if let last = failures.last {
            throw CommandFailure(lines: failures.flatMap { $0.lines }, exitCode: last.exitCode)
        }
        return ExitCode.success
    }

    private static func describe(
        _ plan: RunPlan, file: String, threads: Int, shards: Int?, rate: Double?, console: Console
    ) {
        let scenario = plan.scenario
        let estimate = PlanEstimate(plan: plan, runs: plan.runs, threads: threads)
        console.print("\(file): valid")
        console.print(
            "  scenario     \(scenario.name)\(scenario.description.isEmpty ? "" : ": " + scenario.description)")
        console.print(
            "  runs         \(plan.runs.count) (\(plan.points.count) sweep point\(plan.points.count == 1 ? "" : "s") x \(scenario.replicates) replicate\(scenario.replicates == 1 ? "" : "s")), arms: \(scenario.arms.map(\.name).joined(separator: ", ")) (control: \(scenario.resolvedControlArm))"
        )
        console.print(
            "  couples      \(scenario.couples) per run, \(scenario.days) days after \(scenario.burnInDays) burn-in days, \(scenario.population.mode.rawValue) population"
        )
        console.print(
            "  couple-days  \(Quantity.count(estimate.coupleDays)) (+ \(Quantity.count(estimate.burnInCoupleDays)) burn-in)"
        )
        console.print(
            "  memory       about \(Quantity.bytes(estimate.peakMemoryBytes)) peak with \(threads) thread\(threads == 1 ? "" : "s") (this machine has \(Quantity.bytes(PlanEstimate.physicalMemory)))"
        )
        for entry in estimate.files {
            console.print(
                "  output       \(ParamsCommand.pad(entry.name, 12)) \(Quantity.count(entry.rows)) rows, about \(Quantity.bytes(entry.bytes))"
            )
        }
        console.print("  directory    \(OutputDirectory.defaultPath(for: scenario))/")
        if let rate {
            let seconds = (estimate.coupleDays + estimate.burnInCoupleDays) / (rate * Double(threads) * 0.9)
            console.print(
                "  time         about \(ProgressDisplay.duration(seconds)) with \(threads) thread\(threads == 1 ? "" : "s") (calibrated at \(ProgressDisplay.rate(rate)) couple-days/s per thread)"
            )
            if let shards {
                let split = PlanEstimate.shards(of: plan, count: shards)
                let largest = split.largestCoupleDays / (rate * Double(threads) * 0.9)
                console.print(
                    "  shards       \(shards): \(split.fewestRuns)-\(split.mostRuns) runs each, about \(ProgressDisplay.duration(largest)) per shard"
                )
            }
        } else if let shards {
            let split = PlanEstimate.shards(of: plan, count: shards)
            console.print("  shards       \(shards): \(split.fewestRuns)-\(split.mostRuns) runs each")
        }
    }

    /// Couple-days per second on one thread, from a short run of the default model.
    private static func calibrate() -> Double {
        let configuration = RunConfiguration(coupleCount: 400, days: 60, burnInDays: 0, runKey: 1)
        let started = Date()
        let result = try? Simulator(threads: 1).run(configuration)
        let seconds = max(Date().timeIntervalSince(started), 1e-6)
        return Double(result?.coupleDays ?? 24_000) / seconds
    }
}
