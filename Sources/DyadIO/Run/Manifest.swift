import DyadCore
import DyadExperiment
import Foundation

/// DyadSim's version.
package enum DyadSimVersion {
    /// The version recorded in every manifest and printed by `dyadsim --version`.
    package static let current = "0.1.0"

    /// The git commit of the source tree the executable was built from, if it can be found
    /// (the executable lives in the package's .build folder); "unknown" otherwise.
    package static let gitCommit: String = {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        let directory = executable.deletingLastPathComponent().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "rev-parse", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "unknown" }
        // readToEnd throws where readDataToEndOfFile would trap.
        let data = (try? pipe.fileHandleForReading.readToEnd()) ?? nil
        process.waitUntilExit()
        let text =
            data.flatMap { String(data: $0, encoding: .utf8) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return process.terminationStatus == 0 && text.count == 40 ? text : "unknown"
    }()
}

/// Timing and machine facts of one invocation (the only part of a manifest that differs
/// between otherwise identical outputs).
package struct ExecutionFacts: Sendable {
    /// Worker threads used (outputs do not depend on it).
    package var threads: Int
    /// When the invocation started.
    package var started: Date
    /// When the invocation finished.
    package var finished: Date
    /// Outcome couple-days simulated by this invocation.
    package var coupleDays: Int
    /// Completed episode turns simulated by this invocation (for turns per second).
    package var episodeTurns: Int
    /// The command line as given.
    package var command: [String]

    /// finished − started, in seconds.
    package var wallSeconds: Double { finished.timeIntervalSince(started) }
}

/// manifest.json: provenance of an output directory, and what its files hold: for each file its
/// rows, bytes and XXH64 checksum (`xxh64`), and for the run records in `.dyadsim/runs/` their
/// count and the checksum of their canonical encoding (`records`), so that a damaged or
/// incomplete copy is recognised (``OutputVerification``).
enum Manifest {
    static func text(
        plan: RunPlan, scenarioFile: String, shard: (index: Int, count: Int)?, runs: Int, files: [WrittenFile],
        records: [RunRecord], execution: ExecutionFacts
    ) -> String {
        let seconds = max(execution.wallSeconds, 1e-9)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let value: JSONText = .object([
            ("dyadsim_version", .string(DyadSimVersion.current)),
            ("git_commit", .string(DyadSimVersion.gitCommit)),
            ("scenario_file", .string(scenarioFile)),
            ("fingerprint", .string(ScenarioEncoding.fingerprint(plan.scenario))),
            (
                "seeds",
                .object([
                    ("scenario_seed", .unsigned(plan.scenario.seed)),
                    ("run_seeds", .string("see the seed column of runs.csv")),
                    ("random_numbers", .string(plan.scenario.sweep.randomNumbers.rawValue)),
                ])
            ),
            ("runs", .object([("planned", .integer(plan.runs.count)), ("in_this_output", .integer(runs))])),
            ("shard", shard.map { .object([("index", .integer($0.index)), ("count", .integer($0.count))]) } ?? .null),
            (
                "files",
                .array(
                    files.map {
                        .object([
                            ("name", .string($0.name)), ("rows", .integer($0.rows)), ("bytes", .integer($0.bytes)),
                            ("xxh64", .string($0.checksum)),
                        ])
                    })
            ),
            (
                "records",
                .object([
                    ("count", .integer(records.count)), ("xxh64", .string(RunRecordCoding.checksum(of: records))),
                ])
            ),
            ("scenario", ScenarioEncoding.value(plan.scenario)),
            (
                "execution",
                .object([
                    ("threads", .integer(execution.threads)),
                    ("started", .string(iso.string(from: execution.started))),
                    ("finished", .string(iso.string(from: execution.finished))),
                    ("wall_seconds", .number(execution.wallSeconds)),
                    ("couple_days", .integer(execution.coupleDays)),
                    ("couple_days_per_second", .number(Double(execution.coupleDays) / seconds)),
                    ("episode_turns", .integer(execution.episodeTurns)),
                    ("command", .array(execution.command.map { .string($0) })),
                ])
            ),
        ])
        return value.rendered
    }
}
