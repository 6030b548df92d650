import DyadCore
import Foundation

/// Engine throughput: docs/model.md §5.7's default scenario (365 outcome days after 90 burn-in days,
/// one control arm), counting outcome couple-days only; best and median of several repeats.
/// Rows stream to a sink that ignores them (no outcome table is kept).
enum EngineBenchmark {
    static func run(options: Options, machine: Machine) {
        var rows: [[String]] = []
        print("\ncouples   threads  best s    median s  couple-days/s  turns/s       peak RSS")
        for couples in options.sizes {
            for threads in options.threads {
                let configuration = RunConfiguration(
                    coupleCount: couples, days: 365, burnInDays: 90,
                    runKey: StreamKey.run(seed: 20_240_601, pointKey: 0, replicate: 0))
                var times: [Double] = []
                var turns = 0
                let repeats = couples >= 1_000_000 ? 1 : options.repeats
                for _ in 0..<repeats {
                    let clock = ContinuousClock()
                    let start = clock.now
                    // Rows go to a sink that ignores them, as a run's rows stream to its files.
                    guard
                        let result = try? Simulator(threads: threads, chunkSize: 64)
                            .run(configuration, sink: RowsBenchmark.DiscardingSink())
                    else { continue }
                    let elapsed = clock.now - start
                    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                    turns = result.episodeTurns
                }
                times.sort()
                guard let best = times.first else { continue }
                let median = times[times.count / 2]
                let coupleDays = Double(couples) * 365
                let rate = coupleDays / best
                let peak = Memory.peak
                print(
                    pad(String(couples), 10) + pad(String(threads), 9) + pad(String(format: "%.3f", best), 10)
                        + pad(String(format: "%.3f", median), 10) + pad(String(format: "%.3fM", rate / 1e6), 15)
                        + pad(String(format: "%.3fM", Double(turns) / best / 1e6), 14)
                        + String(format: "%.0f MB", peak / 1e6))
                rows.append([
                    machine.commit, machine.date, machine.cpuModel, String(machine.cores), String(threads),
                    String(couples),
                    "365", "90", String(times.count), String(best), String(median), String(rate),
                    String(Double(turns) / best), String(Int(peak)), String(Simulator.liveStateBytes),
                    String(Simulator.storedBytesPerCoupleAndArm),
                ])
            }
        }
        if options.record {
            ResultFile.append(
                rows,
                header: [
                    "commit", "date", "cpu_model", "cores", "threads", "couples", "days", "burn_in_days", "repeats",
                    "best_seconds", "median_seconds", "couple_days_per_second", "episode_turns_per_second",
                    "peak_rss_bytes",
                    "live_state_bytes", "stored_bytes_per_couple_arm",
                ], to: options.outputDirectory + "/engine.csv")
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
