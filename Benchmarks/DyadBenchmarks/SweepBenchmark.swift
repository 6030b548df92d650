import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import Synchronization

/// A sweep of many small runs (1,000 couples × 90 days each, two arms) through the full runner:
/// resident memory from the first to the last run, and the share of wall time spent outside
/// simulation (scheduling, CSV writing, assembly), measured against the same runs simulated
/// without any output.
enum SweepBenchmark {
    /// Measures the sweep with per-couple rows (couples.csv: 2 million rows) and without
    /// (runs, daily, effects and summary files only, the usual set-up of large sweeps).
    static func run(options: Options, machine: Machine) {
        for couplesFile in [true, false] { run(options: options, machine: machine, couplesFile: couplesFile) }
    }

    static func run(options: Options, machine: Machine, couplesFile: Bool) {
        let threads = options.threads.max() ?? 1
        var scenario = Scenario()
        scenario.name = "bench-sweep"
        scenario.couples = 1_000
        scenario.days = 90
        scenario.burnInDays = 30
        scenario.replicates = options.sweepRuns
        scenario.arms = [
            Arm(name: "control"),
            Arm(name: "cv", interventions: [Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)]),
        ]
        scenario.outputs.couples = couplesFile
        let plan = RunPlan(scenario: scenario)
        let directory =
            NSTemporaryDirectory() + "dyadsim-bench-sweep-\(ProcessInfo.processInfo.processIdentifier)-\(couplesFile)"
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let engineStart = Date()
        let workers = min(threads, plan.runs.count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < plan.runs.count else { return }
                _ = try? Simulator(threads: 1).run(plan.configuration(for: plan.runs[index]))
            }
        }
        let engineSeconds = Date().timeIntervalSince(engineStart)

        let sampler = MemorySampler()
        var request = RunRequest(plan: plan, scenarioFile: "bench", directory: directory, threads: threads)
        request.force = true
        let runnerStart = Date()
        guard case .completed? = try? SweepRunner.execute(request, cancellation: CancellationFlag(), progress: sampler)
        else {
            print("sweep benchmark failed")
            return
        }
        let runnerSeconds = Date().timeIntervalSince(runnerStart)
        let samples = sampler.samples
        let early = samples.dropFirst(min(10, samples.count / 10)).first ?? .nan
        let last = samples.last ?? .nan
        let outside = max(0, runnerSeconds - engineSeconds) / runnerSeconds
        print(
            "\nsweep of \(plan.runs.count) runs (1000 couples x 90 days, 2 arms), \(threads) threads, couples.csv \(couplesFile ? "written" : "off"):"
        )
        print(
            String(
                format: "  runner %.2f s, simulation only %.2f s: %.1f %% of wall time outside simulation",
                runnerSeconds, engineSeconds, outside * 100))
        print(
            String(
                format:
                    "  resident memory after run 10: %.1f MB, after the last run: %.1f MB (growth %.1f MB), peak %.1f MB",
                early / 1e6, last / 1e6, (last - early) / 1e6, Memory.peak / 1e6))
        if options.record {
            ResultFile.append(
                [
                    [
                        machine.commit, machine.date, machine.cpuModel, String(machine.cores), String(threads),
                        String(plan.runs.count),
                        "1000", "90", "2", couplesFile ? "1" : "0", String(runnerSeconds), String(engineSeconds),
                        String(outside), String(Int(early)),
                        String(Int(last)), String(Int(Memory.peak)),
                    ]
                ],
                header: [
                    "commit", "date", "cpu_model", "cores", "threads", "runs", "couples", "days", "arms", "couples_csv",
                    "runner_seconds",
                    "simulation_only_seconds", "outside_fraction", "rss_after_run_10_bytes", "rss_last_bytes",
                    "peak_rss_bytes",
                ], to: options.outputDirectory + "/sweep.csv")
        }
    }
}

/// Samples the resident set after every finished run.
final class MemorySampler: ProgressSink, Sendable {
    private let values = Mutex<[Double]>([])

    func update(finished: Int, total: Int, coupleDays: Int) {
        let resident = Memory.resident
        values.withLock { $0.append(resident) }
    }

    var samples: [Double] { values.withLock { $0 } }
}
