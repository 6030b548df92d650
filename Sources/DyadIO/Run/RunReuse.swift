import DyadCore
import DyadExperiment
import Foundation

/// The finished runs an output directory holds for a resumed request, matched by content.
///
/// A run is identified by its seed and replicate (the seed derives from the scenario seed, the
/// sweep point's values and the replicate), not by its position, so after replicates or sweep
/// values were added every earlier run is still found — possibly under another sweep point
/// index, when a new value sorts before old ones. The rows of such a run carry the old index in
/// their first column: they are rewritten into a fresh runs folder under the run's new
/// identifier, which then replaces the old folder with two renames (after a crash one complete
/// folder or the other is found and the other removed). Runs whose row fragments were removed
/// after assembly are cut back out of the final couples.csv and daily.csv (one pass over each),
/// checked against the sizes their records list. Anything that does not check out is not
/// reused: the run is simulated again.
struct RunReuse {
    let plan: RunPlan
    let directory: OutputDirectory

    /// Row files whose fragments a finished run must have.
    private var rowFiles: [OutputFile] {
        let outputs = plan.scenario.outputs
        return OutputFile.rowFiles(for: outputs)
    }

    private var nextDirectory: String { directory.stateDirectory + "/runs.next" }
    private var oldDirectory: String { directory.stateDirectory + "/runs.old" }

    /// One record found on disk.
    private struct Entry {
        let identifier: String
        let record: RunRecord
        let fragments: [String: Int]
        /// Every row fragment is present with the size the record lists.
        let intact: Bool
    }

    /// Where a kept run's rows come from.
    private enum Source {
        case fragments
        case finalFiles
    }

    /// A run kept under a new identifier or with rows recovered from the final files.
    private struct Transfer {
        let run: PlannedRun
        let entry: Entry
        let source: Source
    }

    /// Finishes an interrupted folder swap, reads every record, keeps those of `runs` (by
    /// content), moves or recovers their rows where needed, and removes everything else.
    /// Returns the kept records by (new) run identifier, each stamped with its planned run.
    func finishedRecords(for runs: [PlannedRun]) throws(OutputError) -> [String: RunRecord] {
        try recoverSwap()
        let entries = readEntries()
        var byContent: [ContentKey: [Entry]] = [:]
        for entry in entries { byContent[ContentKey(entry.record.run), default: []].append(entry) }
        let assembled = Files.exists(directory.manifestPath)
        var kept: [String: RunRecord] = [:]
        var transfers: [Transfer] = []
        for run in runs {
            guard let candidates = byContent[ContentKey(run)] else { continue }
            if let same = candidates.first(where: { $0.identifier == run.identifier && $0.intact }) {
                kept[run.identifier] = Self.stamped(same.record, run)
            } else if let source = candidates.first(where: \.intact) {
                transfers.append(Transfer(run: run, entry: source, source: .fragments))
            } else if assembled, let source = candidates.first {
                transfers.append(Transfer(run: run, entry: source, source: .finalFiles))
            }
        }
        guard !transfers.isEmpty else {
            directory.removeUnfinishedFragments(finished: Set(kept.keys))
            return kept
        }
        Self.removeTree(nextDirectory)
        try Files.createDirectory(nextDirectory)
        for identifier in kept.keys {
            for name in [identifier + ".record"] + rowFiles.map({ identifier + "." + $0.rawValue }) {
                try link(directory.runsDirectory + "/" + name, nextDirectory + "/" + name)
            }
        }
        var written: [String: [String: Int]] = [:]
        for transfer in transfers where transfer.source == .fragments {
            written[transfer.run.identifier] = try copyFragments(of: transfer)
        }
        let recovered = try recoverFromFinalFiles(transfers.filter { $0.source == .finalFiles })
        written.merge(recovered) { first, _ in first }
        for transfer in transfers {
            guard let fragments = written[transfer.run.identifier] else { continue }
            let record = Self.stamped(transfer.entry.record, transfer.run)
            let path = nextDirectory + "/" + transfer.run.identifier + ".record"
            var checksums: [String: String] = [:]
            for name in fragments.keys {
                let fragment = nextDirectory + "/" + transfer.run.identifier + "." + name
                if let measured = try OutputVerification.measure(fragment) { checksums[name] = measured.checksum }
            }
            try Files.writeAtomically(
                RunRecordCoding.encode(record, fragments: fragments, checksums: checksums), to: path, durable: false)
            kept[transfer.run.identifier] = record
        }
        try swapIn()
        directory.removeUnfinishedFragments(finished: Set(kept.keys))
        return kept
    }

    // MARK: Reading

    /// Content identity of a run: its seed (scenario seed, point values, replicate) and replicate.
    private struct ContentKey: Hashable {
        let seed: UInt64
        let replicate: Int

        init(_ run: PlannedRun) {
            seed = run.seed
            replicate = run.replicate
        }
    }

    private func readEntries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.runsDirectory)) ?? []
        var entries: [Entry] = []
        for name in names.sorted() where name.hasSuffix(".record") && !name.hasPrefix(".") {
            guard let text = try? Files.read(directory.runsDirectory + "/" + name, followingLinks: false),
                let decoded = RunRecordCoding.decodeWithFragments(text)
            else { continue }
            let identifier = String(name.dropLast(".record".count))
            guard identifier == decoded.record.run.identifier,
                decoded.record.arms.map(\.name) == plan.scenario.arms.map(\.name)
            else { continue }
            // A fragment is intact when its size and (if recorded) its XXH64 checksum match.
            let intact = rowFiles.allSatisfy { file in
                guard let size = decoded.fragments[file.rawValue] else { return false }
                let fragment = directory.runsDirectory + "/" + identifier + "." + file.rawValue
                guard Files.regularFileSize(fragment) == size else { return false }
                guard let checksum = decoded.checksums[file.rawValue] else { return true }
                return (try? OutputVerification.measure(fragment))??.checksum == checksum
            }
            entries.append(
                Entry(identifier: identifier, record: decoded.record, fragments: decoded.fragments, intact: intact))
        }
        return entries
    }

    /// `record` as a record of `run` (same content, possibly another sweep point index).
    private static func stamped(_ record: RunRecord, _ run: PlannedRun) -> RunRecord {
        RunRecord(
            run: run, arms: record.arms, effects: record.effects, coupleDays: record.coupleDays,
            episodeTurns: record.episodeTurns)
    }

    // MARK: Writing the new folder

    /// Copies a transfer's fragments into the new folder with the new sweep point index.
    private func copyFragments(of transfer: Transfer) throws(OutputError) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for file in rowFiles {
            let source = directory.runsDirectory + "/" + transfer.entry.identifier + "." + file.rawValue
            let destination = nextDirectory + "/" + transfer.run.identifier + "." + file.rawValue
            let writer = try AtomicFileWriter(path: destination, durable: false)
            let reader = try LineSource(path: source)
            guard let header = try reader.next() else { throw OutputError("cannot read \(source)") }
            try writer.write(header[...])
            while let line = try reader.next() {
                try writer.write(Self.renumbered(line, point: transfer.run.point)[...])
            }
            try writer.commit()
            sizes[file.rawValue] = writer.totalBytes
        }
        return sizes
    }

    /// Cuts the rows of `transfers` out of the final couples.csv and daily.csv: each file is a
    /// header and the runs' row blocks, each block's lines starting with "point,replicate,".
    /// Returns the fragment sizes of every transfer whose blocks were all found and match the
    /// sizes its record lists (when it lists them).
    private func recoverFromFinalFiles(_ transfers: [Transfer]) throws(OutputError) -> [String: [String: Int]] {
        guard !transfers.isEmpty else { return [:] }
        var bySource: [String: [Transfer]] = [:]
        for transfer in transfers {
            bySource[Self.blockPrefix(transfer.entry.record.run), default: []].append(transfer)
        }
        var sizes: [String: [String: Int]] = [:]
        var failed = Set<String>()
        let swept = plan.sweptPaths.map(\.text)
        for file in rowFiles {
            let reader: LineSource
            do { reader = try LineSource(path: directory.file(file)) } catch { return [:] }
            let header = Array(file.header(swept: swept, measured: plan.scenario.measurement != nil).utf8)
            guard let first = try reader.next(), first == header else { return [:] }
            var line = try reader.next()
            while let current = line {
                let prefix = Self.blockPrefix(of: current)
                let targets = bySource[prefix] ?? []
                let writers = try targets.map { transfer throws(OutputError) in
                    let destination = nextDirectory + "/" + transfer.run.identifier + "." + file.rawValue
                    return try AtomicFileWriter(path: destination, durable: false)
                }
                for writer in writers { try writer.write(header[...]) }
                var blockBytes = header.count
                line = current
                while let row = line, Self.blockPrefix(of: row) == prefix {
                    blockBytes += row.count
                    for (writer, transfer) in zip(writers, targets) {
                        try writer.write(Self.renumbered(row, point: transfer.run.point)[...])
                    }
                    line = try reader.next()
                }
                for (writer, transfer) in zip(writers, targets) {
                    let listed = transfer.entry.fragments[file.rawValue]
                    if listed == nil || listed == blockBytes {
                        try writer.commit()
                        sizes[transfer.run.identifier, default: [:]][file.rawValue] = writer.totalBytes
                    } else {
                        writer.discard()
                        failed.insert(transfer.run.identifier)
                    }
                }
            }
        }
        return sizes.filter { !failed.contains($0.key) && $0.value.count == rowFiles.count }
    }

    /// "point,replicate," of a run: how its rows start.
    private static func blockPrefix(_ run: PlannedRun) -> String { "\(run.point),\(run.replicate)," }

    /// The "point,replicate," that starts a row (the whole line if it has fewer commas).
    private static func blockPrefix(of line: [UInt8]) -> String {
        var commas = 0
        for (index, byte) in line.enumerated() where byte == UInt8(ascii: ",") {
            commas += 1
            if commas == 2 { return String(decoding: line[...index], as: UTF8.self) }
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// A row with its first field (the sweep point index) replaced by `point`.
    private static func renumbered(_ line: [UInt8], point: Int) -> [UInt8] {
        let digits = Array(String(point).utf8)
        guard let comma = line.firstIndex(of: UInt8(ascii: ",")) else { return line }
        if line[..<comma].elementsEqual(digits) { return line }
        return digits + line[comma...]
    }

    /// Hard-links `source` to `destination` (copies where links are not possible); a missing
    /// source is skipped.
    private func link(_ source: String, _ destination: String) throws(OutputError) {
        guard Files.exists(source) else { return }
        if Foundation.link(source, destination) == 0 { return }
        do { try FileManager.default.copyItem(atPath: source, toPath: destination) } catch {
            throw OutputError("cannot copy \(source) to \(destination)")
        }
    }

    // MARK: The folder swap

    /// Replaces runs/ with runs.next/: rename runs → runs.old, runs.next → runs, remove runs.old.
    private func swapIn() throws(OutputError) {
        let runs = directory.runsDirectory
        Self.removeTree(oldDirectory)
        guard rename(runs, oldDirectory) == 0 else { throw .system("rename", runs) }
        guard rename(nextDirectory, runs) == 0 else { throw .system("rename into", runs) }
        Self.removeTree(oldDirectory)
    }

    /// After a crash between the two renames of ``swapIn()`` only runs.next is complete (runs is
    /// missing, or empty as ``OutputDirectory/prepare`` recreated it: runs.next is only built
    /// from a non-empty runs); any other leftover folder is incomplete or obsolete.
    func recoverSwap() throws(OutputError) {
        let runs = directory.runsDirectory
        let current = (try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []
        if current.isEmpty && Files.exists(nextDirectory) {
            Self.removeTree(runs)
            guard rename(nextDirectory, runs) == 0 else { throw .system("rename into", runs) }
        }
        Self.removeTree(nextDirectory)
        Self.removeTree(oldDirectory)
    }

    private static func removeTree(_ path: String) {
        if Files.exists(path) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Reads a file line by line (newline included) through a 1 MiB buffer.
private final class LineSource {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false

    init(path: String) throws(OutputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw OutputError("cannot read \(path)") }
        self.handle = handle
        self.path = path
    }

    deinit { try? handle.close() }

    /// The next line with its newline (the last line may lack one), or nil at the end.
    func next() throws(OutputError) -> [UInt8]? {
        while true {
            if let end = buffer[position...].firstIndex(of: 10) {
                defer { position = end + 1 }
                return Array(buffer[position...end])
            }
            if ended {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return Array(buffer[position...])
            }
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw OutputError("cannot read \(path)")
            }
            buffer.removeFirst(position)
            position = 0
            if chunk.isEmpty { ended = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
