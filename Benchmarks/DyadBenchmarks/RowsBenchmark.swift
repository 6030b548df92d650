import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import Synchronization

/// What per-couple rows (couples.csv) cost (issue "Output at engine speed"):
/// 1. the same sweep (`--rows-runs` runs of 1,000 couples × 90 days after 30 burn-in days, two
///    arms) through the runner without and with couples.csv, side by side in interleaved
///    repeats, against simulation alone: wall and process CPU time (medians), the extra time
///    rows cost and the share of time outside simulation;
/// 2. peak resident memory of `dyadsim run` child processes with couples.csv on at the
///    `--rss-couples` sizes (few days, so ten million couples finish), from `wait4`.
/// Formatting speed per core is the formatting benchmark's (`--format-values`).
enum RowsBenchmark {
    static func run(options: Options, machine: Machine) {
        if options.rowsRuns > 0 { sweep(options: options, machine: machine) }
        if !options.rssCouples.isEmpty { residentMemory(options: options, machine: machine) }
    }

    /// Wall and CPU seconds of one measured step.
    struct Timing {
        var wall: [Double] = []
        var cpu: [Double] = []

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return .nan }
            return sorted.count % 2 == 1
                ? sorted[sorted.count / 2]
                : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }

        var wallMedian: Double { Self.median(wall) }
        var cpuMedian: Double { Self.median(cpu) }
    }

    /// CPU seconds (user + system) of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }

    static func measure(_ timing: inout Timing, _ body: () -> Void) {
        let clock = ContinuousClock()
        let cpuStart = processCPUSeconds()
        let start = clock.now
        body()
        let elapsed = clock.now - start
        timing.wall.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        timing.cpu.append(processCPUSeconds() - cpuStart)
    }

    /// A sink that ignores the rows (simulation alone).
    final class DiscardingSink: OutcomeSink {
        func prepare(_ layout: OutcomeLayout) {}
        func consume(_ chunk: OutcomeChunk) {}
    }

    static func sweep(options: Options, machine: Machine) {
        let threads = options.threads.max() ?? 1
        var scenario = Scenario()
        scenario.name = "bench-rows"
        scenario.couples = 1_000
        scenario.days = 90
        scenario.burnInDays = 30
        scenario.replicates = options.rowsRuns
        scenario.arms = [
            Arm(name: "control"),
            Arm(name: "cv", interventions: [Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)]),
        ]
        let repeats = max(1, options.repeats)
        print(
            "\nrows: \(options.rowsRuns) runs (1000 couples x 90 days, 2 arms), \(threads) threads, "
                + "\(repeats) interleaved repeats (medians; CPU = process user + system)")
        var simulation = Timing(), without = Timing(), with = Timing()
        for repeatIndex in 0..<repeats {
            let steps: [Int] = repeatIndex % 2 == 0 ? [0, 1, 2] : [2, 1, 0]
            for step in steps {
                switch step {
                case 0: measure(&simulation) { simulate(scenario, threads: threads) }
                case 1: measure(&without) { runSweep(scenario, couplesFile: false, threads: threads) }
                default: measure(&with) { runSweep(scenario, couplesFile: true, threads: threads) }
                }
            }
        }
        let wallCost = with.wallMedian / without.wallMedian - 1
        let cpuCost = with.cpuMedian / without.cpuMedian - 1
        let outsideWithout = 1 - simulation.wallMedian / without.wallMedian
        let outsideWith = 1 - simulation.wallMedian / with.wallMedian
        print("  step                       wall s    CPU s")
        for (name, timing) in [
            ("simulation only", simulation), ("sweep without couples.csv", without),
            ("sweep with couples.csv", with),
        ] {
            print(
                EngineBenchmark.pad("  " + name, 29)
                    + EngineBenchmark.pad(String(format: "%.2f", timing.wallMedian), 10)
                    + String(format: "%.2f", timing.cpuMedian))
        }
        print(
            String(
                format: "  couples.csv costs %+.1f %% wall time, %+.1f %% CPU time", wallCost * 100,
                cpuCost * 100))
        print(
            String(
                format: "  outside simulation: %.1f %% without couples.csv, %.1f %% with", outsideWithout * 100,
                outsideWith * 100))
        if options.record {
            ResultFile.append(
                [
                    [
                        machine.commit, machine.date, machine.cpuModel, String(machine.cores), String(threads),
                        String(options.rowsRuns), "1000", "90", "2", String(repeats),
                        String(simulation.wallMedian), String(without.wallMedian), String(with.wallMedian),
                        String(simulation.cpuMedian), String(without.cpuMedian), String(with.cpuMedian),
                        String(wallCost), String(cpuCost), String(outsideWithout), String(outsideWith),
                    ]
                ],
                header: [
                    "commit", "date", "cpu_model", "cores", "threads", "runs", "couples", "days", "arms", "repeats",
                    "simulation_wall_seconds", "without_rows_wall_seconds", "with_rows_wall_seconds",
                    "simulation_cpu_seconds", "without_rows_cpu_seconds", "with_rows_cpu_seconds",
                    "rows_wall_cost", "rows_cpu_cost", "outside_simulation_without_rows",
                    "outside_simulation_with_rows",
                ], to: options.outputDirectory + "/rows.csv")
        }
    }

    /// Every run of the plan simulated with no output, runs spread over the threads.
    static func simulate(_ scenario: Scenario, threads: Int) {
        let plan = RunPlan(scenario: scenario)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, plan.runs.count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < plan.runs.count, let configuration = try? plan.configuration(for: plan.runs[index])
                else { return }
                _ = try? Simulator(threads: 1).run(configuration, sink: DiscardingSink())
            }
        }
    }

    /// The whole runner into a fresh temporary directory (removed afterwards).
    static func runSweep(_ scenario: Scenario, couplesFile: Bool, threads: Int) {
        var scenario = scenario
        scenario.outputs.couples = couplesFile
        let directory = NSTemporaryDirectory() + "dyadsim-bench-rows-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var request = RunRequest(
            plan: RunPlan(scenario: scenario), scenarioFile: "bench", directory: directory,
            threads: threads)
        request.force = true
        guard case .completed? = try? SweepRunner.execute(request, cancellation: CancellationFlag()) else {
            print("  the sweep failed")
            return
        }
    }

    /// Peak RSS of `dyadsim run` at each size, one child process each.
    static func residentMemory(options: Options, machine: Machine) {
        let threads = options.threads.max() ?? 1
        let executable =
            options.dyadsimPath
            ?? ((CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/dyadsim")
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            print("\npeak RSS: no dyadsim executable at \(executable) (build it, or pass --dyadsim PATH)")
            return
        }
        let base = options.rssDirectory + "/dyadsim-bench-rss-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        print(
            "\npeak RSS of dyadsim run with couples.csv on (\(options.rssDays) days after 5 burn-in days, "
                + "\(options.rssArms) arm\(options.rssArms == 1 ? "" : "s"), \(threads) threads):")
        print("couples      wall s    peak RSS   couples.csv")
        var rows: [[String]] = []
        for couples in options.rssCouples {
            let arms = (0..<options.rssArms).map { index in
                index == 0
                    ? "{ name: \"control\" }"
                    : "{ name: \"cv\(index)\", interventions: [{ type: \"consistent_validation\" }] }"
            }
            let scenario = base + "/rss.json5"
            let text =
                "{ name: \"rss\", couples: \(couples), days: \(options.rssDays), burn_in_days: 5, "
                + "arms: [\(arms.joined(separator: ", "))], outputs: { couples: true } }\n"
            guard FileManager.default.createFile(atPath: scenario, contents: Data(text.utf8)) else { return }
            let out = base + "/out"
            let clock = ContinuousClock()
            let start = clock.now
            let arguments = [
                "run", scenario, "--out", out, "--threads", String(threads), "--quiet", "--force",
                "--max-memory", "1T",
            ]
            guard let (status, peakBytes) = spawn(executable, arguments) else {
                print("cannot start \(executable)")
                return
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let size =
                ((try? FileManager.default.attributesOfItem(atPath: out + "/couples.csv"))?[.size] as? NSNumber)?
                .doubleValue ?? 0
            try? FileManager.default.removeItem(atPath: out)
            guard status == 0 else {
                print("\(couples): dyadsim exited with status \(status)")
                continue
            }
            print(
                EngineBenchmark.pad(String(couples), 13) + EngineBenchmark.pad(String(format: "%.1f", seconds), 10)
                    + EngineBenchmark.pad(String(format: "%.0f MB", peakBytes / 1e6), 11)
                    + String(format: "%.2f GB", size / 1e9))
            rows.append([
                machine.commit, machine.date, machine.cpuModel, String(machine.cores), String(threads),
                String(couples), String(options.rssDays), "5", String(options.rssArms), String(seconds),
                String(Int(peakBytes)), String(Int(size)),
            ])
        }
        if options.record {
            ResultFile.append(
                rows,
                header: [
                    "commit", "date", "cpu_model", "cores", "threads", "couples", "days", "burn_in_days", "arms",
                    "wall_seconds", "peak_rss_bytes", "couples_csv_bytes",
                ], to: options.outputDirectory + "/rss.csv")
        }
    }

    /// Runs `executable` with `arguments` and waits: exit status and peak resident bytes.
    static func spawn(_ executable: String, _ arguments: [String]) -> (Int32, Double)? {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        let exited = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exited, Double(usage.ru_maxrss) * 1024)
    }
}
