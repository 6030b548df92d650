import DyadCore
import DyadExperiment
import DyadInference
import Foundation

/// The output directory of a calibration: the final files at the top, and `.dyadsim/` with the
/// lock, `calibration-state.txt` (``ABCState/encoded()`` after the last finished generation) and
/// per generation its simulations' rows (`generation-NNNN.csv`, written before the state) and its
/// wall time (`generation-NNNN.seconds`). Every record is written under a temporary name, synced
/// and renamed, so a kill at any moment leaves the last finished generation readable.
struct CalibrationDirectory {
    let path: String

    var stateDirectory: String { path + "/.dyadsim" }
    var statePath: String { stateDirectory + "/calibration-state.txt" }
    var lockPath: String { stateDirectory + "/lock" }

    func fragmentPath(_ generation: Int) -> String { stateDirectory + "/generation-\(Self.padded(generation)).csv" }
    func secondsPath(_ generation: Int) -> String {
        stateDirectory + "/generation-\(Self.padded(generation)).seconds"
    }

    private static func padded(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Creates the directory and takes its lock. A non-empty directory needs `resume` (it must then
    /// hold a calibration state) or `force` (DyadSim's outputs and state are removed first).
    func prepare(force: Bool, resume: Bool) throws(OutputError) -> DirectoryLock {
        try Files.createDirectory(path)
        let kind = Files.entryKind(stateDirectory)
        if kind != .missing && kind != .directory {
            guard force else {
                throw OutputError(
                    "cannot use \(path) as the output directory: \(stateDirectory) is not a directory, "
                        + "and DyadSim does not follow links or replace foreign files in its state folder; remove it, or "
                        + "use --force to replace it")
            }
            Files.removeTree(stateDirectory)
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty && !force {
            guard resume else {
                throw OutputError(
                    "the output directory \(path) is not empty; use --force to replace its DyadSim "
                        + "outputs, --resume to continue an interrupted calibration, or --out to choose another directory"
                )
            }
            guard Files.entryKind(statePath) == .regularFile else {
                throw OutputError(
                    "cannot resume in \(path): it holds no DyadSim calibration state; use --force to "
                        + "start over")
            }
        }
        try Files.createDirectory(stateDirectory)
        let lock = try DirectoryLock(path: lockPath)
        if force {
            for name in CalibrationRunner.outputFiles + OutputFile.allCases.map(\.rawValue) {
                Files.remove(path + "/" + name)
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: stateDirectory)) ?? []
            for name in names where name != "lock" {
                Files.removeTree(stateDirectory + "/" + name)
            }
        }
        return lock
    }

    /// The saved state's text, nil if there is none.
    func savedState() throws(OutputError) -> String? {
        guard Files.entryKind(statePath) != .missing else { return nil }
        return try Files.read(statePath, limit: 1 << 30, followingLinks: false)
    }

    /// Generations whose simulations are recorded in `state`: the completed ones, plus an abandoned
    /// last one (its simulations count in the total but it has no population).
    static func recordedGenerations(_ state: ABCState) -> Int {
        let completed = state.generations.reduce(0) { $0 + $1.simulations }
        return state.generations.count + (state.simulationCount > completed ? 1 : 0)
    }

    /// Removes the records of generations after `state` (written before a kill, never saved).
    func removeFragments(after state: ABCState) {
        let kept = Self.recordedGenerations(state)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: stateDirectory)) ?? []
        where name.hasPrefix("generation-") {
            let digits = name.dropFirst("generation-".count).prefix { $0.isNumber }
            if let index = Int(digits), index < kept { continue }
            Files.removeTree(stateDirectory + "/" + name)
        }
    }

    /// Records a finished generation: its simulation rows and wall time, then the state (durably).
    func recordGeneration(_ report: ABCGenerationReport, rows: String, seconds: Double, state: ABCState)
        throws(OutputError)
    {
        try Files.writeAtomically(rows, to: fragmentPath(report.index))
        try Files.writeAtomically(NumberText.shortest(seconds) + "\n", to: secondsPath(report.index))
        try Files.writeAtomically(state.encoded(), to: statePath)
    }

    /// The recorded wall time of each generation (NaN where unreadable).
    func wallSeconds(generations: Int) -> [Double] {
        (0..<generations).map { index in
            guard let text = try? Files.read(secondsPath(index), limit: 1 << 10, followingLinks: false),
                let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
            else { return .nan }
            return value
        }
    }

    /// Writes the outputs under temporary names, then renames them in order, the manifest (made
    /// by `manifest` from the files' names, rows and bytes) last. Returns the names written.
    func writeOutputs(
        state: ABCState, problem: CalibrationProblem, predictions: [CalibrationTarget], posterior: PosteriorSummary,
        predictive: [[Double]],
        manifest: ([WrittenFile]) -> String
    ) throws(OutputError) -> [String] {
        var simulations = CalibrationColumns.simulationsHeader(problem)
        for generation in 0..<Self.recordedGenerations(state) {
            guard Files.entryKind(fragmentPath(generation)) == .regularFile else {
                throw OutputError(
                    "the simulations of generation \(generation) are missing from \(stateDirectory); "
                        + "use --force to start over")
            }
            simulations += try Files.read(fragmentPath(generation), limit: 1 << 34, followingLinks: false)
        }
        let texts: [(String, String)] = [
            ("posterior.csv", CalibrationColumns.posterior(state, problem: problem)),
            (
                "generations.csv",
                CalibrationColumns.generations(
                    state, wallSeconds: wallSeconds(generations: state.generations.count))
            ),
            ("posterior-summary.csv", CalibrationColumns.summary(posterior)),
            ("predictive.csv", CalibrationColumns.predictive(predictive, problem: problem, predictions: predictions)),
            ("simulations.csv", simulations),
        ]
        var writers: [AtomicFileWriter] = []
        for (name, text) in texts {
            let writer = try AtomicFileWriter(path: path + "/" + name)
            try writer.write(text)
            writers.append(writer)
        }
        var written: [WrittenFile] = []
        for (writer, (name, text)) in zip(writers, texts) {
            try writer.commit()
            let rows = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1
            written.append(
                WrittenFile(
                    name: name, rows: rows, bytes: writer.totalBytes, checksum: writer.checksum.text))
        }
        try Files.writeAtomically(manifest(written), to: path + "/" + OutputDirectory.manifestName)
        return texts.map(\.0) + [OutputDirectory.manifestName]
    }
}
