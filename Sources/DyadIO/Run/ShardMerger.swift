import DyadCore
import DyadExperiment
import Foundation

/// Why shards cannot be merged (invalid data, exit 65), an input/output failure (exit 74), or an
/// interruption by a signal (the command turns it into 130/143).
package enum MergeError: DyadSimError {
    case invalid(String)
    case io(OutputError)
    /// SIGINT or SIGTERM arrived; nothing was left in the output directory.
    case interrupted

    /// The one-line message without the `error: ` prefix.
    package var message: String {
        switch self {
        case .invalid(let text): text
        case .io(let error): error.message
        case .interrupted: "the merge was interrupted; nothing was written"
        }
    }

    /// `error: ` and the message.
    package var lines: [String] { ["error: " + message] }

    /// 65 for shards that do not fit together or are damaged, 74 for an input/output failure,
    /// 130 for an interruption (the command reports 143 after SIGTERM).
    package var exitCode: Int32 {
        switch self {
        case .invalid: ExitCode.invalidData
        case .io: ExitCode.ioError
        case .interrupted: ExitCode.interrupted
        }
    }
}

/// `dyadsim merge`: combines shard output directories into the output an unsharded run of the
/// same scenario would have written, byte for byte (manifest `execution` aside), after checking
/// that the shards share one resolved scenario and hold every run exactly once, and that each
/// shard's content is what its manifest records.
///
/// Verification before anything is written: every shard's `couples.csv` and `daily.csv` is read
/// once and its rows, bytes and XXH64 checksum compared with its manifest, and its run records
/// (from which runs, effects and summary are computed) with the manifest's record checksum; any
/// difference names the shard and file and refuses the merge (65). The output may not be one of
/// the inputs (compared by device and inode, so `./s0` or a link to `s0` is caught too). An
/// interruption (`cancellation`) stops at the next block, removes the temporary files and
/// everything the merge put into the output directory, and throws ``MergeError/interrupted``.
package enum ShardMerger {
    /// Merges the shard directories `inputs` into `output` (replaced only with `force`), after
    /// verifying each as described above; returns what was written, as a run does.
    package static func merge(
        inputs: [String], output: String, force: Bool, command: [String],
        cancellation: CancellationFlag = CancellationFlag()
    ) throws(MergeError) -> RunReport {
        let started = Date()
        try refuseOutputAmongInputs(inputs: inputs, output: output)
        var plan: RunPlan?
        var fingerprint = ""
        var scenarioFile = ""
        var manifests: [ManifestChecksums] = []
        var owner: [String: Int] = [:]
        var records: [String: RunRecord] = [:]
        for (index, input) in inputs.enumerated() {
            let manifest = try readManifest(input)
            manifests.append(manifest.contents)
            if plan != nil {
                guard manifest.fingerprint == fingerprint else {
                    throw .invalid(
                        "the shards come from different scenarios: \(inputs[0]) has fingerprint "
                            + "\(EscapedText.excerpt(fingerprint)), \(input) has \(EscapedText.excerpt(manifest.fingerprint))"
                    )
                }
            } else {
                plan = manifest.plan
                fingerprint = manifest.fingerprint
                scenarioFile = manifest.scenarioFile
            }
            let armNames = plan?.scenario.arms.map(\.name)
            for (identifier, record) in OutputDirectory(path: input).finishedRecords(armNames: armNames) {
                if let other = owner[identifier] {
                    throw .invalid(
                        "run \(identifier) (point \(record.run.point), replicate \(record.run.replicate)) appears in both \(inputs[other]) and \(input)"
                    )
                }
                owner[identifier] = index
                records[identifier] = record
            }
        }
        guard let plan else { throw .invalid("no shard directories given") }
        let missing = plan.runs.filter { records[$0.identifier] == nil }
        guard missing.isEmpty else {
            let listed = missing.prefix(10).map { "\($0.identifier) (point \($0.point), replicate \($0.replicate))" }
                .joined(separator: ", ")
            throw .invalid(
                "\(missing.count) of \(plan.runs.count) runs are missing from the shards: \(listed)\(missing.count > 10 ? ", …" : "")"
            )
        }
        let planned = Set(plan.runs.map(\.identifier))
        let extra = Set(records.keys).subtracting(planned)
        guard extra.isEmpty else {
            throw .invalid(
                "the shards hold runs the scenario does not plan: \(extra.sorted().prefix(10).joined(separator: ", "))")
        }
        if let foreign = plan.runs.first(where: { records[$0.identifier]?.run != $0 }),
            let index = owner[foreign.identifier]
        {
            throw .invalid(
                "\(inputs[index]): the record of run \(foreign.identifier) does not belong to this scenario's plan (another seed)"
            )
        }
        try verify(
            plan: plan, inputs: inputs, manifests: manifests, records: records, owner: owner,
            cancellation: cancellation)
        return try write(
            plan: plan, records: records, owner: owner, inputs: inputs, manifests: manifests,
            output: output, force: force, scenarioFile: scenarioFile, command: command, started: started,
            cancellation: cancellation)
    }

    /// Refuses an output directory that is one of the inputs (same device and inode).
    private static func refuseOutputAmongInputs(inputs: [String], output: String) throws(MergeError) {
        var outputStatus = stat()
        guard stat(output, &outputStatus) == 0 else { return }
        for input in inputs {
            var inputStatus = stat()
            if stat(input, &inputStatus) == 0, inputStatus.st_dev == outputStatus.st_dev,
                inputStatus.st_ino == outputStatus.st_ino
            {
                throw .invalid(
                    "--out \(output) is the shard directory \(input); the merged output needs a directory of its own")
            }
        }
    }

    /// Checks each shard's row files and run records against its manifest.
    private static func verify(
        plan: RunPlan, inputs: [String], manifests: [ManifestChecksums], records: [String: RunRecord],
        owner: [String: Int], cancellation: CancellationFlag
    ) throws(MergeError) {
        let outputs = plan.scenario.outputs
        for (index, input) in inputs.enumerated() {
            let own = plan.runs.filter { owner[$0.identifier] == index }.compactMap { records[$0.identifier] }
            if let problem = OutputVerification.recordsProblem(own, manifest: manifests[index]) {
                throw .invalid("\(input): \(problem); copy the shard again from where it ran, or rerun it")
            }
            for file in OutputFile.rowFiles(for: outputs) {
                let path = OutputDirectory(path: input).file(file)
                guard let entry = manifests[index].entry(file.rawValue) else {
                    throw .invalid("\(input): its manifest lists no \(file.rawValue) (not a complete DyadSim output)")
                }
                let problem: String?
                do {
                    problem = try OutputVerification.problem(path, entry: entry, cancellation: cancellation)
                } catch {
                    throw .io(error)
                }
                if cancellation.isCancelled { throw .interrupted }
                if let problem {
                    throw .invalid("\(path): \(problem); copy the shard again from where it ran, or rerun it")
                }
            }
        }
    }

    private static func write(
        plan: RunPlan, records: [String: RunRecord], owner: [String: Int], inputs: [String],
        manifests: [ManifestChecksums], output: String, force: Bool, scenarioFile: String, command: [String],
        started: Date, cancellation: CancellationFlag
    ) throws(MergeError) -> RunReport {
        let existed = Files.entryKind(output) != .missing
        let directory = OutputDirectory(path: output)
        let lock: DirectoryLock
        do {
            lock = try directory.prepare(
                fingerprint: ScenarioEncoding.fingerprint(plan.scenario),
                resumeKey: ScenarioEncoding.resumeKey(plan.scenario), shard: nil, force: force, resume: false,
                resumable: false)
        } catch {
            throw .io(error)
        }
        defer { lock.release() }
        // On any failure or interruption, leave the directory as the merge found it (empty, or
        // without DyadSim outputs after --force): no half merge under a final name.
        var finished = false
        defer {
            if !finished {
                directory.clear()
                if !existed { rmdir(output) }
            }
        }
        let ordered = plan.runs.compactMap { records[$0.identifier] }
        var readers: [OutputFile: [LineReader]] = [:]
        let files: [WrittenFile]
        do {
            for record in ordered {
                if cancellation.isCancelled { throw MergeError.interrupted }
                try Files.writeAtomically(
                    RunRecordCoding.encode(record), to: directory.recordPath(record.run), durable: false)
            }
            for file in OutputFile.rowFiles {
                var list: [LineReader] = []
                for input in inputs {
                    list.append(try LineReader(path: OutputDirectory(path: input).file(file), skipHeader: true))
                }
                readers[file] = list
            }
            let assembler = OutputAssembler(plan: plan, directory: directory, records: ordered)
            files = try assembler.assemble { run, file, writer throws(OutputError) in
                guard !cancellation.isCancelled else { throw OutputError(MergeError.interrupted.message) }
                guard let index = owner[run.identifier], let reader = readers[file]?[index] else { return 0 }
                let prefix = Array("\(run.point),\(run.replicate),".utf8)
                return try reader.copyBlock(prefix: prefix, to: writer, cancellation: cancellation)
            }
        } catch let error as MergeError {
            throw error
        } catch let error as OutputError {
            throw cancellation.isCancelled ? .interrupted : .io(error)
        } catch {
            throw .io(OutputError("\(error)"))
        }
        if cancellation.isCancelled { throw .interrupted }
        // Every verified row must have found its run: none left over, none missing.
        for file in OutputFile.rowFiles {
            let expected = manifests.reduce(0) { $0 + ($1.entry(file.rawValue)?.rows ?? 0) }
            let merged = files.first { $0.name == file.rawValue }?.rows ?? 0
            if merged != expected {
                throw .invalid(
                    "the shards' \(file.rawValue) rows do not follow their runs (\(merged) of \(expected) rows "
                        + "placed); the shards were not written by this DyadSim")
            }
        }
        let coupleDays = ordered.reduce(0) { $0 &+ $1.coupleDays }
        let execution = ExecutionFacts(
            threads: 1, started: started, finished: Date(), coupleDays: 0, episodeTurns: 0, command: command)
        do {
            try Files.writeAtomically(
                Manifest.text(
                    plan: plan, scenarioFile: scenarioFile, shard: nil, runs: plan.runs.count, files: files,
                    records: ordered, execution: execution),
                to: directory.manifestPath)
        } catch {
            throw .io(error)
        }
        finished = true
        return RunReport(
            runs: ordered.count, reused: ordered.count, coupleDays: coupleDays, simulatedCoupleDays: 0,
            episodeTurns: ordered.reduce(0) { $0 &+ $1.episodeTurns }, wallSeconds: execution.wallSeconds,
            files: files, directory: output)
    }

    private struct ManifestFacts {
        let plan: RunPlan
        let fingerprint: String
        let scenarioFile: String
        let contents: ManifestChecksums
    }

    private static func readManifest(_ input: String) throws(MergeError) -> ManifestFacts {
        let directory = OutputDirectory(path: input)
        let path = directory.manifestPath
        let manifest: ManifestContents
        do {
            manifest = try ManifestContents.read(directory: input)
        } catch {
            switch error {
            case .missing:
                var hint = ""
                if let state = directory.recordedState() {
                    let shard = state.shard == "none" ? "" : " --shard \(state.shard)"
                    hint =
                        " (the run there is not finished; finish it with "
                        + "dyadsim run SCENARIO --out \(input)\(shard) --resume)"
                }
                throw .invalid(
                    "\(input) is not a finished DyadSim output directory: it has no "
                        + "\(OutputDirectory.manifestName)\(hint)")
            case .unreadable(let error): throw .io(error)
            case .notAnObject, .noScenario: throw .invalid("\(path) is not a DyadSim manifest")
            }
        }
        guard let fingerprint = manifest.fingerprint, let checksums = ManifestChecksums.read(path) else {
            throw .invalid("\(path) is not a DyadSim manifest")
        }
        let plan: RunPlan
        do {
            plan = try manifest.plan()
        } catch {
            throw .invalid("\(path): its scenario cannot be read: \(error.lines.first ?? "")")
        }
        guard ScenarioEncoding.fingerprint(plan.scenario) == fingerprint else {
            throw .invalid(
                "\(path): the scenario does not match its fingerprint (the manifest was edited or comes from another DyadSim version)"
            )
        }
        return ManifestFacts(
            plan: plan, fingerprint: fingerprint, scenarioFile: manifest.scenarioFile ?? "", contents: checksums)
    }
}

/// Reads a CSV file line by line (1 MiB blocks, POSIX reads) and copies blocks of lines with a
/// prefix.
final class LineReader {
    private var descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    /// A reader of the regular file at `path` (a link, FIFO or device is refused); a missing
    /// file reads as empty.
    init(path: String, skipHeader: Bool) throws(OutputError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0 {
            guard errno == ENOENT else { throw .system("read", path) }
            finished = true
        } else {
            var status = stat()
            guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                close(descriptor)
                descriptor = -1
                throw OutputError("cannot read \(path): it is not a regular file")
            }
        }
        if skipHeader { _ = try nextLine() }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    private func fill() throws(OutputError) -> Bool {
        guard !finished, descriptor >= 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var count = 0
        while true {
            count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { break }
            if errno != EINTR { throw .system("read", path) }
        }
        if count == 0 {
            finished = true
            return false
        }
        buffer.removeFirst(position)
        position = 0
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// The next line including its newline, or nil at the end.
    private func nextLine() throws(OutputError) -> ArraySlice<UInt8>? {
        while true {
            if let end = buffer[position...].firstIndex(of: 10) {
                defer { position = end + 1 }
                return buffer[position...end]
            }
            if try !fill() {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return buffer[position...]
            }
        }
    }

    /// Whether the unread data starts with `prefix`.
    private func startsWith(_ prefix: [UInt8]) throws(OutputError) -> Bool {
        while buffer.count - position < prefix.count {
            if try !fill() { return false }
        }
        return buffer[position..<(position + prefix.count)].elementsEqual(prefix)
    }

    /// Copies every consecutive line starting with `prefix`; returns how many.
    /// Stops (throwing) when `cancellation` is set, checked every 65,536 rows.
    func copyBlock(
        prefix: [UInt8], to writer: AtomicFileWriter, cancellation: CancellationFlag? = nil
    ) throws(OutputError) -> Int {
        var rows = 0
        while try startsWith(prefix), let line = try nextLine() {
            try writer.write(line)
            rows += 1
            if rows & 0xFFFF == 0, cancellation?.isCancelled == true {
                throw OutputError(MergeError.interrupted.message)
            }
        }
        return rows
    }
}
