import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

/// Rows streamed to the files while runs are simulated: the same bytes for any thread count,
/// chunk size and spill limit; memory that does not grow with the couples; interruptions.
@Suite("Streamed outputs")
struct StreamedOutputTests {
    static let files = ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"]

    private static let scenario = """
        { name: "stream", couples: 130, days: 24, burn_in_days: 6, replicates: 2,
          arms: [{ name: "control" },
                 { name: "cv", interventions: [{ type: "consistent_validation", target: "partner_of_more_anxious" }] },
                 { name: "eft", interventions: [{ type: "eft", start_day: 4 }] }],
          sweep: { grid: { "params.imp_harsh": [0.05, 0.15] } } }
        """

    private func execute(
        _ file: String, into directory: String, threads: Int, chunkSize: Int = 64,
        spillLimit: Int = RunRequest.defaultSpillLimit, cancellation: CancellationFlag = CancellationFlag(),
        progress: ProgressCounter? = nil, resume: Bool = false
    ) throws -> RunOutcome {
        var request = RunRequest(
            plan: RunPlan(scenario: try ScenarioLoader.load(path: file)), scenarioFile: file, directory: directory,
            threads: threads)
        request.chunkSize = chunkSize
        request.spillLimit = spillLimit
        request.coupleProgress = progress
        request.resume = resume
        return try SweepRunner.execute(request, cancellation: cancellation)
    }

    private func contents(_ directory: String) -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: Self.files.compactMap { name in
                Repository.bytes(directory + "/" + name).map { (name, $0) }
            })
    }

    @Test(
        "threads 1, 2, 3 × chunk sizes 1, 7, 64, 4096 × spilling or not give byte-identical files",
        arguments: [(2, 1, 0), (3, 7, 0), (2, 64, 1_000), (3, 4_096, RunRequest.defaultSpillLimit), (1, 7, 0)])
    func identicalBytes(threads: Int, chunkSize: Int, spillLimit: Int) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("stream.json5", Self.scenario)
        _ = try execute(file, into: directory.file("reference"), threads: 1)
        let reference = contents(directory.file("reference"))
        #expect(reference.count == 6)
        _ = try execute(
            file, into: directory.file("other"), threads: threads, chunkSize: chunkSize,
            spillLimit: spillLimit)
        #expect(contents(directory.file("other")) == reference)
        // Temporary files are unlinked when created: nothing but records is left.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.file("other/.dyadsim/runs"))
        #expect(left.allSatisfy { $0.hasSuffix(".record") }, "\(left)")
    }

    @Test("a run cancelled while its rows stream leaves no fragment; resuming gives the same bytes")
    func cancelledMidRun() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write(
            "one.json5",
            """
            { name: "one", couples: 6000, days: 40, burn_in_days: 10,
              arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }] }
            """)
        _ = try execute(file, into: directory.file("full"), threads: 2, spillLimit: 10_000)
        let cancellation = CancellationFlag()
        let progress = ProgressCounter()
        let watcher = Thread {
            for _ in 0..<20_000 where progress.value < 300 { Thread.sleep(forTimeInterval: 0.001) }
            cancellation.cancel()
        }
        watcher.start()
        let first = try execute(
            file, into: directory.file("cut"), threads: 2, spillLimit: 10_000,
            cancellation: cancellation, progress: progress)
        guard case .interrupted(let finished, let total) = first else {
            Issue.record("expected an interruption, got \(first)")
            return
        }
        #expect(finished == 0 && total == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.file("cut/.dyadsim/runs"))
        #expect(left.isEmpty, "\(left)")
        _ = try execute(file, into: directory.file("cut"), threads: 1, resume: true)
        #expect(contents(directory.file("cut")) == contents(directory.file("full")))
    }

    @Test("the memory estimate does not grow with the couples: below 300 MB at 10⁶ and 10⁷ couples")
    func flatMemoryEstimate() throws {
        func peak(couples: Int, arms: Int, threads: Int) -> Double {
            var scenario = Scenario()
            scenario.couples = couples
            scenario.days = 60
            scenario.arms = (0..<arms).map { Arm(name: "arm\($0)") }
            let plan = RunPlan(scenario: scenario)
            return PlanEstimate(plan: plan, runs: plan.runs, threads: threads).peakMemoryBytes
        }
        for arms in [1, 2, 4] {
            for threads in [1, 2, 8] {
                let large = peak(couples: 10_000_000, arms: arms, threads: threads)
                #expect(large == peak(couples: 1_000_000, arms: arms, threads: threads))
                #expect(peak(couples: 10_000_000, arms: arms, threads: threads) < 300e6)
            }
        }
        #expect(peak(couples: 1_000, arms: 2, threads: 1) < peak(couples: 1_000_000, arms: 2, threads: 1))
    }
}
