import DyadExperiment
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The layout and state of an output directory:
/// final files at the top, and `.dyadsim/` with the lock, `state.json` (fingerprint and shard)
/// and `runs/` (one record per finished run plus its row fragments until assembly).
///
/// Everything DyadSim writes or deletes is inside the directory. Its own state is never reached
/// through a symbolic link: a link at `.dyadsim`, `.dyadsim/runs`, `.dyadsim/lock` or
/// `.dyadsim/state.json` is refused (or, with `--force`, removed: removing a link leaves its
/// target alone), the lock is opened with `O_NOFOLLOW`, files are created with `O_EXCL` and
/// renamed into place, and removal never descends through a link.
package struct OutputDirectory: Sendable {
    /// The directory's path as given (relative to the working directory or absolute).
    package let path: String

    /// The output directory at `path` (nothing is touched until it is used).
    package init(path: String) { self.path = path }

    /// The directory a scenario's outputs go to unless `--out` says otherwise:
    /// `outputs.directory`, or `Results/<name>`.
    package static func defaultPath(for scenario: Scenario) -> String {
        scenario.outputs.directory ?? "Results/\(scenario.name)"
    }

    /// The provenance file's name.
    package static let manifestName = "manifest.json"

    var stateDirectory: String { path + "/.dyadsim" }
    var runsDirectory: String { stateDirectory + "/runs" }
    /// The fingerprint and shard of the run that owns the directory (present while unfinished too).
    package var statePath: String { stateDirectory + "/state.json" }
    var lockPath: String { stateDirectory + "/lock" }

    func file(_ output: OutputFile) -> String { path + "/" + output.rawValue }
    /// The provenance file, written last: its presence marks a finished output.
    package var manifestPath: String { path + "/" + Self.manifestName }
    func recordPath(_ run: PlannedRun) -> String { runsDirectory + "/" + run.identifier + ".record" }
    func fragmentPath(_ run: PlannedRun, _ output: OutputFile) -> String {
        runsDirectory + "/" + run.identifier + "." + output.rawValue
    }

    /// Files DyadSim writes at the top level (removed by `--force`).
    static let ownFiles = OutputFile.allCases.map(\.rawValue) + [manifestName]

    /// Entries of the directory (empty if it does not exist).
    func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }

    /// The fingerprint, resume key (absent in directories of older versions) and shard recorded
    /// by an earlier run, if any.
    func recordedState() -> (fingerprint: String, resumeKey: String?, shard: String)? {
        guard let text = try? Files.read(statePath, limit: 1 << 16, followingLinks: false) else { return nil }
        func value(_ key: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
        }
        guard let fingerprint = value("fingerprint"), let shard = value("shard") else { return nil }
        return (fingerprint, value("resume_key"), shard)
    }

    func writeState(fingerprint: String, resumeKey: String, shard: String) throws(OutputError) {
        let text = "fingerprint=\(fingerprint)\nresume_key=\(resumeKey)\nshard=\(shard)\n"
        try Files.writeAtomically(text, to: statePath)
    }

    /// Refuses (or with `force` removes) symbolic links and other non-directories where DyadSim
    /// keeps its state, so that nothing is ever written, truncated or deleted through them.
    func checkStateEntries(force: Bool) throws(OutputError) {
        let expected: [(path: String, directory: Bool)] = [
            (stateDirectory, true), (runsDirectory, true), (lockPath, false), (statePath, false),
        ]
        for (entry, isDirectory) in expected {
            let kind = Files.entryKind(entry)
            let fits = kind == .missing || kind == (isDirectory ? .directory : .regularFile)
            guard !fits else { continue }
            guard force else {
                let what =
                    kind == .symbolicLink
                    ? "a symbolic link" : (isDirectory ? "not a directory" : "not a regular file")
                throw OutputError(
                    "cannot use \(path) as the output directory: \(entry) is \(what), and DyadSim does not "
                        + "follow links or replace foreign files in its state folder; remove it, or use --force to replace it"
                )
            }
            Files.removeTree(entry)
        }
    }

    /// Creates the directory, refuses foreign or non-empty state unless told (`force` clears
    /// DyadSim's outputs; `resume` accepts a directory holding a scenario with the same resume
    /// key — ``ScenarioEncoding/resumeKey(_:)`` — and the same shard), takes the lock and records
    /// `fingerprint`, `resumeKey` and `shard` (nil: all runs). `resumable: false` (merge) leaves
    /// `--resume` out of the advice for a non-empty directory.
    func prepare(
        fingerprint: String, resumeKey: String, shard: (index: Int, count: Int)?, force: Bool, resume: Bool,
        resumable: Bool = true
    ) throws(OutputError) -> DirectoryLock {
        try Files.createDirectory(path)
        try checkStateEntries(force: force)
        let shardText = shard.map { "\($0.index)/\($0.count)" } ?? "none"
        let hasContent = !entries().isEmpty
        // A directory with DyadSim state may be in use: ask its lock first.
        var heldLock: DirectoryLock?
        if Files.exists(stateDirectory) && !force {
            heldLock = try DirectoryLock(path: lockPath)
        }
        if force {
            // Lock before clearing so a running process is never disturbed.
            try Files.createDirectory(stateDirectory)
            let lock = try DirectoryLock(path: lockPath)
            clear()
            try Files.createDirectory(runsDirectory)
            let relocked = try DirectoryLock(path: lockPath)
            lock.release()
            try writeState(fingerprint: fingerprint, resumeKey: resumeKey, shard: shardText)
            return relocked
        }
        if hasContent {
            guard resume else {
                if !resumable {
                    throw OutputError(
                        "the output directory \(path) is not empty; use --force to replace its DyadSim "
                            + "outputs, or --out to choose another directory")
                }
                throw OutputError(
                    "the output directory \(path) is not empty; use --force to replace its DyadSim outputs, --resume to continue an interrupted run, or --out to choose another directory"
                )
            }
            guard let recorded = recordedState() else {
                throw OutputError("cannot resume in \(path): it holds no DyadSim run state; use --force to start over")
            }
            let compatible = recorded.resumeKey.map { $0 == resumeKey } ?? (recorded.fingerprint == fingerprint)
            guard compatible else {
                let recordedKey = recorded.resumeKey ?? recorded.fingerprint
                throw OutputError(
                    "cannot resume in \(path): it holds a run of a scenario that differs in more than "
                        + "replicates and sweep values (resume key \(recordedKey), this one is \(resumeKey)); "
                        + "use --force to start over")
            }
            guard recorded.shard == shardText else {
                throw OutputError(
                    "cannot resume in \(path): it holds shard \(recorded.shard), not \(shardText); use the same --shard, another --out, or --force to start over"
                )
            }
        }
        try Files.createDirectory(runsDirectory)
        let lock: DirectoryLock
        if let heldLock { lock = heldLock } else { lock = try DirectoryLock(path: lockPath) }
        try writeState(fingerprint: fingerprint, resumeKey: resumeKey, shard: shardText)
        return lock
    }

    /// Removes DyadSim's own outputs and state (other files are left alone; a link is removed,
    /// never followed).
    func clear() {
        for name in Self.ownFiles { Files.remove(path + "/" + name) }
        Files.removeTree(stateDirectory)
    }

    /// Records of finished runs found on disk, by run identifier. With `verifyingFragments`, a
    /// record counts only if its row fragments exist with the sizes and checksums it lists (a run
    /// whose fragments did not reach the disk, e.g. after a power loss, or were damaged since, is
    /// redone).
    /// With `armNames`, a record counts only if it has exactly those arms (a damaged or foreign
    /// record of another shape is never summarised).
    func finishedRecords(verifyingFragments: Bool = false, armNames: [String]? = nil) -> [String: RunRecord] {
        var records: [String: RunRecord] = [:]
        guard Files.entryKind(runsDirectory) == .directory else { return [:] }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? []
        where name.hasSuffix(".record") {
            guard let text = try? Files.read(runsDirectory + "/" + name, followingLinks: false),
                let decoded = RunRecordCoding.decodeWithFragments(text),
                name == decoded.record.run.identifier + ".record",
                armNames.map({ $0 == decoded.record.arms.map(\.name) }) ?? true
            else { continue }
            if verifyingFragments {
                let intact = decoded.fragments.allSatisfy { name, bytes in
                    let fragment = runsDirectory + "/" + decoded.record.run.identifier + "." + name
                    guard Files.regularFileSize(fragment) == bytes else { return false }
                    guard let checksum = decoded.checksums[name] else { return true }
                    return (try? OutputVerification.measure(fragment))??.checksum == checksum
                }
                guard intact else { continue }
            }
            records[decoded.record.run.identifier] = decoded.record
        }
        return records
    }

    /// Deletes fragments and temporaries of runs that have no record (interrupted work).
    func removeUnfinishedFragments(finished: Set<String>) {
        guard Files.entryKind(runsDirectory) == .directory else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? [] {
            let identifier = String(name.prefix { $0 != "." })
            if name.hasPrefix(".") || !finished.contains(identifier) { Files.removeTree(runsDirectory + "/" + name) }
        }
    }
}

/// An exclusive advisory lock (flock) on an output directory, released when the process ends
/// for any reason (kill -9 included).
package final class DirectoryLock {
    private var descriptor: Int32

    /// Takes the lock or throws naming the holder. The lock file is never a link (`O_NOFOLLOW`)
    /// nor anything but a regular file, so taking the lock cannot truncate another file.
    init(path: String) throws(OutputError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else { throw .system("create the lock file", path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            descriptor = -1
            throw OutputError("cannot use the lock file \(path): it is not a regular file")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            var holder = "another process"
            var bytes = [UInt8](repeating: 0, count: 32)
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            let text = count > 0 ? String(decoding: bytes[0..<count], as: UTF8.self) : ""
            if let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                holder = "another dyadsim process (pid \(pid))"
            }
            close(descriptor)
            descriptor = -1
            let directory = ((path as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
            throw OutputError("\(holder) is writing to \(directory); wait for it to finish or choose another --out")
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { Foundation.write(descriptor, $0, strlen($0)) }
    }

    /// Releases the lock.
    package func release() {
        if descriptor >= 0 {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        descriptor = -1
    }

    deinit { release() }
}
