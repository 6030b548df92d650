import Dispatch
import DyadCore
import DyadExperiment
import Foundation
import Synchronization

/// Executes a run request: streams each finished run's rows and record to disk, resumes from
/// records left by an interrupted invocation, and assembles the final files.
public enum SweepRunner {
    /// Executes `request`: completed with its report, or interrupted by `cancellation` with the finished
    /// runs kept on disk for `--resume`. `progress` receives updates from worker threads.
    public static func execute(
        _ request: RunRequest, cancellation: CancellationFlag, progress: ProgressSink? = nil
    ) throws(OutputError) -> RunOutcome {
        let started = Date()
        let directory = OutputDirectory(path: request.directory)
        let scenario = request.plan.scenario
        let fingerprint = ScenarioEncoding.fingerprint(scenario)
        let lock = try directory.prepare(
            fingerprint: fingerprint, resumeKey: ScenarioEncoding.resumeKey(scenario), shard: request.shard,
            force: request.force, resume: request.resume)
        defer { lock.release() }
        let runs = request.runs
        var repairs: [String] = []
        let reuse = RunReuse(plan: request.plan, directory: directory)
        // A crash between the two renames of the runs folder is undone first.
        if request.resume { try reuse.recoverSwap() }
        if request.resume, Self.assembled(directory, fingerprint: fingerprint) {
            // Finished and assembled before, of this very scenario: re-check the files against
            // the manifest; intact means nothing to do.
            switch try recheckFinished(request, directory: directory, started: started) {
            case .intact(var report):
                report.upToDate = report.repairs.isEmpty
                return .completed(report)
            case .redo(let problems): repairs = problems
            }
        }
        var finished = try reuse.finishedRecords(for: runs)
        Files.remove(directory.manifestPath)
        let reused = finished.count
        let pending = RunPlan.executionOrder(runs.filter { finished[$0.identifier] == nil })
        progress?.begin(
            reused: reused, pending: pending.count,
            reusedCoupleDays: request.plan.coupleDays(of: runs.filter { finished[$0.identifier] != nil }))
        let state = ExecutionState(total: runs.count, alreadyFinished: reused, progress: progress)
        if case .acrossRuns(let workers) = parallelism(for: pending, request: request) {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while !cancellation.isCancelled, let run = state.claim(from: pending) {
                    perform(
                        run, request: request, directory: directory, threads: 1, cancellation: cancellation,
                        state: state)
                }
            }
        } else {
            for run in pending where !cancellation.isCancelled {
                perform(
                    run, request: request, directory: directory, threads: request.threads, cancellation: cancellation,
                    state: state)
            }
        }
        if let failure = state.failure { throw failure }
        for record in state.records { finished[record.run.identifier] = record }
        guard finished.count == runs.count else {
            return .interrupted(finished: finished.count, total: runs.count)
        }
        let records = runs.compactMap { finished[$0.identifier] }
        let assembler = OutputAssembler(plan: request.plan, directory: directory, records: records)
        let files = try assembler.assemble { run, output, writer throws(OutputError) in
            try BlockCopy.appendSkippingHeader(file: directory.fragmentPath(run, output), to: writer)
        }
        let coupleDays = records.reduce(0) { $0 &+ $1.coupleDays }
        let execution = ExecutionFacts(
            threads: request.threads, started: started, finished: Date(), coupleDays: state.coupleDays,
            episodeTurns: state.episodeTurns, command: request.command)
        try Files.writeAtomically(
            Manifest.text(
                plan: request.plan, scenarioFile: request.scenarioFile, shard: request.shard, runs: runs.count,
                files: files, records: records, execution: execution),
            to: directory.manifestPath)
        for run in runs {
            for output in OutputFile.rowFiles { Files.remove(directory.fragmentPath(run, output)) }
        }
        return .completed(
            RunReport(
                runs: runs.count, reused: reused, coupleDays: coupleDays, simulatedCoupleDays: state.coupleDays,
                episodeTurns: records.reduce(0) { $0 &+ $1.episodeTurns },
                wallSeconds: execution.wallSeconds, files: files, directory: request.directory, repairs: repairs))
    }

    /// How the threads of `request` are spread over `runs` (the runs still to simulate).
    package static func parallelism(for runs: [PlannedRun], request: RunRequest) -> RunParallelism {
        RunParallelism.choose(runs: runs, plan: request.plan, threads: request.threads)
    }

    /// Whether the directory holds assembled outputs of exactly this scenario (its manifest
    /// carries `fingerprint`).
    private static func assembled(_ directory: OutputDirectory, fingerprint: String) -> Bool {
        guard let text = try? Files.read(directory.manifestPath, limit: 256 << 20, followingLinks: false) else {
            return false
        }
        return text.contains("\"fingerprint\": \"\(fingerprint)\"")
    }

    /// Simulates one run and writes its fragments, then its record (the commit marker).
    private static func perform(
        _ run: PlannedRun, request: RunRequest, directory: OutputDirectory, threads: Int,
        cancellation: CancellationFlag, state: ExecutionState
    ) {
        do {
            let configuration = request.plan.configuration(for: run)
            let outputs = request.plan.scenario(at: run.point).outputs
            let swept = request.plan.sweptPaths.map(\.text)
            var fragments: [String: Int] = [:]
            // Rows are formatted and written while the run is simulated; the record's statistics
            // are accumulated from the same rows (the values the paired moments read twice wait
            // in memory up to a limit, then in a temporary file).
            let spool = FileValueSpool(directory: directory.runsDirectory, limit: request.spillLimit)
            let measured = configuration.measurement != nil
            let moments = RunMoments(
                controlArm: request.plan.scenario.controlArmIndex, spool: spool,
                outcomes: .of(measured: measured))
            var streamed: [StreamedRows] = []
            var checksums: [String: String] = [:]
            for file in [OutputFile.couples, .partners] where file.isWritten(by: outputs) {
                let writer = try AtomicFileWriter(path: directory.fragmentPath(run, file), durable: false)
                try writer.write(file.header(swept: swept, measured: measured))
                streamed.append(
                    StreamedRows(
                        file: file, run: run, writer: writer, spillDirectory: directory.runsDirectory,
                        spillLimit: request.spillLimit, cancellation: cancellation, measured: measured))
            }
            let sink: any OutcomeSink = streamed.isEmpty ? moments : OutcomeSinkGroup([moments] + streamed.map(\.sink))
            let totals = try Simulator(threads: threads, chunkSize: request.chunkSize)
                .run(configuration, sink: sink, cancellation: cancellation, progress: request.coupleProgress)
            for rows in streamed { if let error = rows.error { throw error } }
            guard totals.isComplete else { return }
            for rows in streamed {
                try rows.finish()
                fragments[rows.file.rawValue] = rows.writer.totalBytes
                checksums[rows.file.rawValue] = rows.writer.checksum.text
            }
            if outputs.daily {
                let writer = try AtomicFileWriter(path: directory.fragmentPath(run, .daily), durable: false)
                try writer.write(OutputFile.daily.header(swept: swept))
                try RunFragments.writeDaily(totals, run: run, outputs: outputs, to: writer)
                try writer.commit()
                fragments[OutputFile.daily.rawValue] = writer.totalBytes
                checksums[OutputFile.daily.rawValue] = writer.checksum.text
            }
            if let traces = outputs.traces {
                let writer = try AtomicFileWriter(path: directory.fragmentPath(run, .traces), durable: false)
                try writer.write(OutputFile.traces.header(swept: swept))
                try RunFragments.writeTraces(traces, configuration: configuration, run: run, to: writer)
                try writer.commit()
                fragments[OutputFile.traces.rawValue] = writer.totalBytes
                checksums[OutputFile.traces.rawValue] = writer.checksum.text
            }
            let record = RunRecord(
                run: run, moments: moments, coupleDays: totals.coupleDays, episodeTurns: totals.episodeTurns)
            if let error = spool.error { throw error }
            try Files.writeAtomically(
                RunRecordCoding.encode(record, fragments: fragments, checksums: checksums),
                to: directory.recordPath(run), durable: false)
            state.finish(record)
        } catch let error as OutputError {
            state.fail(error)
            cancellation.cancel()
        } catch {
            state.fail(OutputError("run \(run.identifier) could not be simulated: \(error)"))
            cancellation.cancel()
        }
    }
}

/// Shared bookkeeping of the workers.
final class ExecutionState: Sendable {
    private struct Values {
        var next = 0
        var finished: Int
        var records: [RunRecord] = []
        var coupleDays = 0
        var episodeTurns = 0
        var failure: OutputError?
    }

    private let values: Mutex<Values>
    private let total: Int
    private let progress: ProgressSink?

    init(total: Int, alreadyFinished: Int, progress: ProgressSink?) {
        self.total = total
        self.progress = progress
        values = Mutex(Values(finished: alreadyFinished))
    }

    func claim(from runs: [PlannedRun]) -> PlannedRun? {
        values.withLock { state in
            guard state.next < runs.count, state.failure == nil else { return nil }
            defer { state.next += 1 }
            return runs[state.next]
        }
    }

    func finish(_ record: RunRecord) {
        let snapshot = values.withLock { state in
            state.records.append(record)
            state.finished += 1
            state.coupleDays += record.coupleDays
            state.episodeTurns += record.episodeTurns
            return (state.finished, state.coupleDays)
        }
        progress?.update(finished: snapshot.0, total: total, coupleDays: snapshot.1)
    }

    func fail(_ error: OutputError) {
        values.withLock { if $0.failure == nil { $0.failure = error } }
    }

    var failure: OutputError? { values.withLock { $0.failure } }
    var records: [RunRecord] { values.withLock { $0.records } }
    var coupleDays: Int { values.withLock { $0.coupleDays } }
    var episodeTurns: Int { values.withLock { $0.episodeTurns } }
}
