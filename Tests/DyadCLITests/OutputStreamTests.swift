import CommandLineTestSupport
import Dispatch
import DyadCLI
import Foundation
import TestSupport
import Testing

/// Standard output or error that cannot be written (a full disk, a closed descriptor, a broken
/// pipe, a file-size limit) never crashes a command. The exit code rule (docs/reliability.md):
/// 74 when a command whose result is its standard output (check, params, columns, schema, help,
/// --version) could not write it; otherwise the command's own code.
@Suite("Failing output streams")
struct OutputStreamTests {
    static let tinyScenario = """
        { name: "streams", couples: 40, days: 8, burn_in_days: 2, replicates: 2,
          arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
          sweep: { grid: { "params.imp_harsh": [0.05, 0.1] } } }
        """

    static let reasons: [(code: Int32, reason: String)] = [
        (ENOSPC, "no space left on the device"), (EPIPE, "the reading end of the pipe is closed"),
        (EBADF, "the stream is closed"),
        (EFBIG, "the file is larger than the file system or the process's file-size limit allows"),
    ]

    @Test(
        "in-process: a lost result exits 74 with one line naming why; a lost summary or error keeps the code",
        arguments: reasons.map(\.code))
    func inProcess(failure: Int32) throws {
        let reason = try #require(Self.reasons.first { $0.code == failure }).reason
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let tiny = directory.write("tiny.json5", Self.tinyScenario)
        let results: [[String]] = [
            ["schema"], ["params"], ["params", "--csv"], ["columns", "--markdown"], ["--version"], ["--help"],
            ["help", "run"],
            ["run", "--help"], ["check", "--no-calibration", tiny],
        ]
        for arguments in results {
            let outcome = CommandLineHarness.run(arguments, outputFailure: failure, errorFailure: nil)
            #expect(outcome.code == 74, "\(arguments)")
            #expect(
                outcome.errorLines == ["error: cannot write the result to standard output: \(reason)"], "\(arguments)")
        }
        let run = CommandLineHarness.run(
            ["run", tiny, "--out", directory.file("out"), "--progress"], outputFailure: failure, errorFailure: failure)
        #expect(run.code == 0)
        #expect(FileManager.default.fileExists(atPath: directory.file("out/manifest.json")))
        let invalid = CommandLineHarness.run(
            ["run", directory.file("missing.json5")], outputFailure: nil, errorFailure: failure)
        #expect(invalid.code == 65)
        let usage = CommandLineHarness.run(["schema", "--bogus"], outputFailure: failure, errorFailure: failure)
        #expect(usage.code == 64)
        let both = CommandLineHarness.run(["schema"], outputFailure: failure, errorFailure: failure)
        #expect(both.code == 74)
    }

    @Test("progress of a shard without runs ends cleanly (no division by zero turned into a count)")
    func emptyShardProgress() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let outcome = CommandLineHarness.run([
            "run", Repository.path("Scenarios/quickstart.json5"), "--out", directory.file("out"),
            "--shard", "5/6", "--progress", "--couples", "20", "--days", "5",
        ])
        #expect(outcome.code == 0)
        #expect(outcome.output.contains("0 runs (0 points x 1 replicate)"))
    }

    /// One invocation of the sweep: `{case}` in an argument becomes a name unique to the stream
    /// configuration (a fresh output folder).
    struct Invocation: Sendable {
        let command: String
        let arguments: [String]
        /// Whether to try it with a failing standard output / error.
        var output = true
        var error = true
        /// The exit code with healthy streams, when it is not measured (long runs).
        var knownCode: Int32?
    }

    enum Configuration: String, CaseIterable, Sendable {
        case outputFull, outputClosed, errorFull, errorClosed
    }

    @Test("every command, with standard output or error at /dev/full or closed: no crash, the documented exit code")
    func everyCommand() throws {
        let executable = try #require(
            ChildProcess.executable, "no dyadsim executable next to the test bundle (swift build first)")
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let tiny = directory.write("tiny.json5", Self.tinyScenario)
        let bad = directory.write("bad.json5", "{ couples: 0, arms: [{ name: \"NA\" }] }")
        for shard in 0..<2 {
            let made = CommandLineHarness.run([
                "run", tiny, "--out", directory.file("s\(shard)"), "--shard", "\(shard)/2", "--quiet",
            ])
            try #require(made.code == 0, "\(made.error)")
        }
        try #require(CommandLineHarness.run(["run", tiny, "--out", directory.file("results"), "--quiet"]).code == 0)

        var invocations: [Invocation] = []
        // Every registered command is picked up here with its help; the expectation below asks
        // for a real invocation of each (a bare one could run for long or write anywhere).
        for command in DyadSimCommandLine.commandNames {
            invocations.append(Invocation(command: command, arguments: [command, "--help"]))
        }
        invocations += [
            Invocation(command: "help", arguments: ["help", "merge"]),
            Invocation(command: "--help", arguments: ["--help"]),
            Invocation(command: "--version", arguments: ["--version"]),
            Invocation(
                command: "run",
                arguments: ["run", tiny, "--out", directory.file("run-{case}"), "--progress", "--threads", "1"]),
            Invocation(command: "run", arguments: ["run", bad, "--out", directory.file("never")]),
            Invocation(command: "check", arguments: ["check", "--no-calibration", "--shards", "3", tiny]),
            Invocation(
                command: "merge",
                arguments: [
                    "merge", directory.file("s0"), directory.file("s1"), "--out", directory.file("merge-{case}"),
                ]),
            Invocation(
                command: "report",
                arguments: ["report", directory.file("results"), "--out", directory.file("report-{case}")]),
            Invocation(command: "params", arguments: ["params", "--csv"]),
            Invocation(command: "columns", arguments: ["columns"]),
            Invocation(command: "schema", arguments: ["schema"]),
            // The full quick validation takes a while: its standard output (the summary) is
            // tried; a failing standard error is tried with a quick error.
            Invocation(
                command: "validate-model",
                arguments: [
                    "validate-model", "--quick", "--threads", "1", "--out", directory.file("validation-{case}"),
                ],
                error: false, knownCode: 0),
            Invocation(
                command: "validate-model", arguments: ["validate-model", "--params", directory.file("missing.json5")]),
        ]
        let missing = Set(DyadSimCommandLine.commandNames).subtracting(
            invocations.filter { $0.arguments.count > 1 }.map(\.command))
        #expect(missing.isEmpty, "commands tried only with --help (add an invocation here): \(missing.sorted())")

        struct Job: Sendable {
            let invocation: Invocation
            let configuration: Configuration?
        }
        var jobs: [Job] = []
        for invocation in invocations {
            if invocation.knownCode == nil { jobs.append(Job(invocation: invocation, configuration: nil)) }
            for configuration in Configuration.allCases {
                let isOutput = configuration == .outputFull || configuration == .outputClosed
                if isOutput ? invocation.output : invocation.error {
                    jobs.append(Job(invocation: invocation, configuration: configuration))
                }
            }
        }
        let allJobs = jobs
        let results = ParallelResults<(code: Int32, timedOut: Bool, error: String)>(count: allJobs.count)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: allJobs.count, by: 2) {
                let job = allJobs[index]
                let label = job.configuration?.rawValue ?? "healthy"
                let arguments = job.invocation.arguments.map {
                    $0.replacingOccurrences(of: "{case}", with: "\(index)-\(label)")
                }
                let errorFile = directory.file("stderr-\(index)")
                let output: ChildProcess.Stream, error: ChildProcess.Stream
                switch job.configuration {
                case nil: (output, error) = (.null, .file(errorFile))
                case .outputFull: (output, error) = (.full, .file(errorFile))
                case .outputClosed: (output, error) = (.closed, .file(errorFile))
                case .errorFull: (output, error) = (.null, .full)
                case .errorClosed: (output, error) = (.null, .closed)
                }
                let outcome = ChildProcess.run(
                    executable, arguments, output: output, error: error, directory: Repository.root)
                let text = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
                results.set(index, (outcome.code, outcome.timedOut, text))
            }
        }
        var healthy: [String: Int32] = [:]
        for (index, job) in jobs.enumerated() where job.configuration == nil {
            healthy[job.invocation.arguments.joined(separator: " ")] = results.get(index)?.code
        }
        for (index, job) in jobs.enumerated() {
            guard let configuration = job.configuration, let result = results.get(index) else { continue }
            let key = job.invocation.arguments.joined(separator: " ")
            let name = "\(key) [\(configuration.rawValue)]"
            #expect(!result.timedOut, "\(name): no exit within the time limit")
            #expect(
                result.code >= 0 && result.code < 128, "\(name): ended by signal or failed to start (\(result.code))")
            guard let baseline = job.invocation.knownCode ?? healthy[key] else {
                Issue.record("\(name): no healthy run to compare with")
                continue
            }
            let isOutput = configuration == .outputFull || configuration == .outputClosed
            // Help (`<command> --help`) is a result on standard output too.
            let printsResult =
                job.invocation.arguments.contains("--help")
                || DyadSimCommandLine.writesResultToStandardOutput(job.invocation.command)
            let resultLost = isOutput && baseline == 0 && printsResult
            #expect(result.code == (resultLost ? 74 : baseline), "\(name): exit \(result.code), healthy \(baseline)")
            if resultLost {
                let reason = configuration == .outputFull ? "no space left on the device" : "the stream is closed"
                #expect(
                    result.error.hasSuffix("error: cannot write the result to standard output: \(reason)\n"),
                    "\(name): \(result.error)")
            }
        }
    }
}

/// Results written by parallel workers, one slot each.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    func get(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
