import DyadCore
import DyadExperiment
import DyadJSON5
import Foundation

/// Why shards cannot be merged (invalid data, exit 65) or an I/O failure (exit 74).
public enum MergeError: DyadSimError {
    case invalid(String)
    case io(OutputError)

    public var message: String {
        switch self {
        case .invalid(let text): text
        case .io(let error): error.message
        }
    }

    /// `error: ` and the message.
    public var lines: [String] { ["error: " + message] }

    /// 65 for shards that do not fit together, 74 for an input/output failure.
    public var exitCode: Int32 {
        switch self {
        case .invalid: ExitCode.invalidData
        case .io: ExitCode.ioError
        }
    }
}

/// `dyadsim merge`: combines shard output directories into the output an unsharded run of the
/// same scenario would have written, byte for byte (manifest `execution` aside), after checking
/// that the shards share one resolved scenario and hold every run exactly once.
public enum ShardMerger {
    public static func merge(inputs: [String], output: String, force: Bool, command: [String]) throws(MergeError) -> RunReport {
        let started = Date()
        var plan: RunPlan?
        var fingerprint = ""
        var scenarioFile = ""
        var owner: [String: Int] = [:]
        var records: [String: RunRecord] = [:]
        for (index, input) in inputs.enumerated() {
            let manifest = try readManifest(input)
            if let plan {
                guard manifest.fingerprint == fingerprint else {
                    throw .invalid("the shards come from different scenarios: \(inputs[0]) has fingerprint \(fingerprint), \(input) has \(manifest.fingerprint)")
                }
                _ = plan
            } else {
                plan = RunPlan(scenario: manifest.scenario)
                fingerprint = manifest.fingerprint
                scenarioFile = manifest.scenarioFile
            }
            for (identifier, record) in OutputDirectory(path: input).finishedRecords() {
                if let other = owner[identifier] {
                    throw .invalid("run \(identifier) (point \(record.run.point), replicate \(record.run.replicate)) appears in both \(inputs[other]) and \(input)")
                }
                owner[identifier] = index
                records[identifier] = record
            }
        }
        guard let plan else { throw .invalid("no shard directories given") }
        let missing = plan.runs.filter { records[$0.identifier] == nil }
        guard missing.isEmpty else {
            let listed = missing.prefix(10).map { "\($0.identifier) (point \($0.point), replicate \($0.replicate))" }.joined(separator: ", ")
            throw .invalid("\(missing.count) of \(plan.runs.count) runs are missing from the shards: \(listed)\(missing.count > 10 ? ", …" : "")")
        }
        let extra = Set(records.keys).subtracting(plan.runs.map(\.identifier))
        guard extra.isEmpty else { throw .invalid("the shards hold runs the scenario does not plan: \(extra.sorted().prefix(10).joined(separator: ", "))") }
        do {
            return try write(plan: plan, records: records, owner: owner, inputs: inputs, output: output, force: force,
                             scenarioFile: scenarioFile, command: command, started: started)
        } catch {
            throw .io(error)
        }
    }

    private static func write(
        plan: RunPlan, records: [String: RunRecord], owner: [String: Int], inputs: [String], output: String,
        force: Bool, scenarioFile: String, command: [String], started: Date
    ) throws(OutputError) -> RunReport {
        let directory = OutputDirectory(path: output)
        let lock = try directory.prepare(
            fingerprint: ScenarioEncoding.fingerprint(plan.scenario),
            resumeKey: ScenarioEncoding.resumeKey(plan.scenario), shard: nil, force: force, resume: false)
        defer { lock.release() }
        let ordered = plan.runs.compactMap { records[$0.identifier] }
        for record in ordered {
            try Files.writeAtomically(RunRecordCoding.encode(record), to: directory.recordPath(record.run), durable: false)
        }
        var readers: [OutputFile: [LineReader]] = [:]
        for file in [OutputFile.couples, .daily] {
            var list: [LineReader] = []
            for input in inputs {
                let path = OutputDirectory(path: input).file(file)
                list.append(try LineReader(path: path, skipHeader: true))
            }
            readers[file] = list
        }
        let assembler = OutputAssembler(plan: plan, directory: directory, records: ordered)
        let files = try assembler.assemble { run, file, writer throws(OutputError) in
            guard let index = owner[run.identifier], let reader = readers[file]?[index] else { return 0 }
            return try reader.copyBlock(prefix: Array("\(run.point),\(run.replicate),".utf8), to: writer)
        }
        let coupleDays = ordered.reduce(0) { $0 + $1.coupleDays }
        let execution = ExecutionFacts(threads: 1, started: started, finished: Date(), coupleDays: 0, episodeTurns: 0, command: command)
        try Files.writeAtomically(
            Manifest.text(plan: plan, scenarioFile: scenarioFile, shard: nil, runs: plan.runs.count, files: files, execution: execution),
            to: directory.manifestPath)
        return RunReport(runs: ordered.count, reused: ordered.count, coupleDays: coupleDays, simulatedCoupleDays: 0,
                         episodeTurns: ordered.reduce(0) { $0 + $1.episodeTurns }, wallSeconds: execution.wallSeconds,
                         files: files, directory: output)
    }

    private struct ManifestFacts {
        let scenario: Scenario
        let fingerprint: String
        let scenarioFile: String
    }

    private static func readManifest(_ input: String) throws(MergeError) -> ManifestFacts {
        let directory = OutputDirectory(path: input)
        let path = directory.manifestPath
        guard Files.exists(path) else {
            let hint = Files.exists(directory.statePath) ? " (the run there is not finished; finish it with --resume)" : ""
            throw .invalid("\(input) is not a finished DyadSim output directory: it has no \(OutputDirectory.manifestName)\(hint)")
        }
        let text: String
        do { text = try Files.read(path) } catch { throw .io(error) }
        guard let root = try? JSON5Parser.parse(text), case .object(let members) = root.value,
              let scenarioNode = members.first(where: { $0.key == "scenario" })?.node,
              case .string(let fingerprint)? = members.first(where: { $0.key == "fingerprint" })?.node.value
        else { throw .invalid("\(path) is not a DyadSim manifest") }
        var file = ""
        if case .string(let name)? = members.first(where: { $0.key == "scenario_file" })?.node.value { file = name }
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.decode(node: scenarioNode, file: path, baseDirectory: input)
        } catch {
            throw .invalid("\(path): its scenario cannot be read: \(error.lines.first ?? "")")
        }
        guard ScenarioEncoding.fingerprint(scenario) == fingerprint else {
            throw .invalid("\(path): the scenario does not match its fingerprint (the manifest was edited or comes from another DyadSim version)")
        }
        return ManifestFacts(scenario: scenario, fingerprint: fingerprint, scenarioFile: file)
    }
}

/// Reads a CSV file line by line (1 MiB blocks) and copies blocks of lines with a prefix.
final class LineReader {
    private let handle: FileHandle?
    private let path: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    /// A reader of `path`; a missing file reads as empty.
    init(path: String, skipHeader: Bool) throws(OutputError) {
        self.path = path
        handle = FileHandle(forReadingAtPath: path)
        if handle == nil { finished = true }
        if skipHeader { _ = try nextLine() }
    }

    deinit { try? handle?.close() }

    private func fill() throws(OutputError) -> Bool {
        guard !finished, let handle else { return false }
        let chunk: Data
        do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw OutputError("cannot read \(path)") }
        if chunk.isEmpty {
            finished = true
            return false
        }
        buffer.removeFirst(position)
        position = 0
        buffer.append(contentsOf: chunk)
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
    func copyBlock(prefix: [UInt8], to writer: AtomicFileWriter) throws(OutputError) -> Int {
        var rows = 0
        while try startsWith(prefix), let line = try nextLine() {
            try writer.write(line)
            rows += 1
        }
        return rows
    }
}
