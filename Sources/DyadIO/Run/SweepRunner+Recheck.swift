import DyadCore
import DyadExperiment
import Foundation

extension SweepRunner {
    /// What `--resume` does with a directory that has a manifest.
    enum Recheck {
        /// Every file holds what the manifest records (summaries rebuilt from intact records if
        /// they were damaged): nothing to simulate.
        case intact(RunReport)
        /// Row files or records are damaged or missing: every run is simulated again (the result
        /// is byte-identical, by determinism); the sentences say what was found.
        case redo([String])
    }

    /// Re-checks a finished directory against its manifest: each file's rows, bytes and XXH64
    /// checksum, and the run records' checksum. Damaged or missing summaries (runs, effects,
    /// summary, points) are rewritten from the records; damaged or missing row files
    /// (couples.csv, daily.csv) or records mean the runs must be simulated again, so every
    /// record is removed.
    static func recheckFinished(
        _ request: RunRequest, directory: OutputDirectory, started: Date
    ) throws(OutputError) -> Recheck {
        let runs = request.runs
        let wanted = Set(runs.map(\.identifier))
        guard let manifest = ManifestChecksums.read(directory.manifestPath) else {
            return redo(directory, ["\(OutputDirectory.manifestName) cannot be read"])
        }
        let found = directory.finishedRecords(armNames: request.plan.scenario.arms.map(\.name))
            .filter { wanted.contains($0.key) }
        let records = runs.compactMap { found[$0.identifier] }
        if records.count != runs.count {
            return redo(directory, ["\(runs.count - records.count) of \(runs.count) run records are missing"])
        }
        if let problem = OutputVerification.recordsProblem(records, manifest: manifest) {
            return redo(directory, [problem])
        }
        let outputs = request.plan.scenario.outputs
        var expected = OutputFile.rowFiles(for: outputs)
        expected += [.runs, .effects, .summary]
        if !request.plan.scenario.sweep.isEmpty { expected.append(.points) }
        var damaged: [(file: OutputFile, problem: String)] = []
        for file in expected {
            guard let entry = manifest.entry(file.rawValue) else {
                damaged.append((file, "the manifest does not list it"))
                continue
            }
            if let problem = try OutputVerification.problem(directory.file(file), entry: entry) {
                damaged.append((file, problem))
            }
        }
        let sentences = damaged.map { "\($0.file.rawValue): \($0.problem)" }
        if damaged.contains(where: { $0.file.isRowFile }) {
            return redo(directory, sentences)
        }
        let kept = expected.filter { file in !damaged.contains { $0.file == file } }
        var files = kept.compactMap { file -> WrittenFile? in
            guard let entry = manifest.entry(file.rawValue), let checksum = entry.checksum else { return nil }
            return WrittenFile(name: file.rawValue, rows: entry.rows, bytes: entry.bytes, checksum: checksum)
        }
        if !damaged.isEmpty {
            files = files.filter { file in OutputFile.rowFiles.contains { $0.rawValue == file.name } }
            let assembler = OutputAssembler(plan: request.plan, directory: directory, records: records)
            files += try assembler.summaryFiles()
            let execution = ExecutionFacts(
                threads: request.threads, started: started, finished: Date(), coupleDays: 0, episodeTurns: 0,
                command: request.command)
            try Files.writeAtomically(
                Manifest.text(
                    plan: request.plan, scenarioFile: request.scenarioFile, shard: request.shard,
                    runs: runs.count, files: files, records: records, execution: execution),
                to: directory.manifestPath)
        }
        return .intact(
            RunReport(
                runs: runs.count, reused: runs.count, coupleDays: 0, simulatedCoupleDays: 0, episodeTurns: 0,
                wallSeconds: 0, files: files, directory: request.directory,
                repairs: sentences.map { $0 + "; rebuilt from the run records" }))
    }

    /// Removes the manifest and every record, so that all runs are simulated again.
    private static func redo(_ directory: OutputDirectory, _ problems: [String]) -> Recheck {
        Files.remove(directory.manifestPath)
        directory.removeUnfinishedFragments(finished: [])
        return .redo(problems.map { $0 + "; every run is simulated again" })
    }
}
