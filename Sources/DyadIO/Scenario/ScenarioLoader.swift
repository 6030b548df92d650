import DyadCore
import DyadExperiment
import DyadJSON5
import Foundation

/// Loads and validates scenario files (JSON5 or JSON): bytes → syntax tree → ``Scenario``,
/// reporting every problem with its field path.
public enum ScenarioLoader {
    /// Largest scenario file accepted.
    public static let maximumFileBytes = 16 << 20

    /// Loads the scenario at `path` (as the user named it; relative to the working directory).
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        func fail(_ message: String) -> ScenarioError {
            ScenarioError(file: path, problems: [ScenarioProblem(.file, message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no such file")
        }
        guard !isDirectory.boolValue else { throw fail("this is a directory, not a scenario file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw fail("the file cannot be read (permission denied?)") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            throw fail("the file cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= maximumFileBytes else { throw fail("the file is larger than 16 MiB; this cannot be a scenario") }
        let base = (path as NSString).deletingLastPathComponent
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try decode(bytes: [UInt8](data), file: path, baseDirectory: base.isEmpty ? "." : base, defaultName: name)
    }

    /// Decodes scenario text (for tests and tools); `file` is used in messages only.
    public static func decode(bytes: [UInt8], file: String, baseDirectory: String = ".", defaultName: String = "scenario") throws(ScenarioError) -> Scenario {
        let root: JSONNode
        do {
            root = try JSON5Parser.parse(bytes)
        } catch {
            throw ScenarioError(file: file, problems: [ScenarioProblem(.position(line: error.position.line, column: error.position.column), error.message)])
        }
        return try decode(node: root, file: file, baseDirectory: baseDirectory, defaultName: defaultName)
    }

    /// Decodes an already parsed scenario (e.g. the "scenario" object of a manifest).
    public static func decode(node root: JSONNode, file: String, baseDirectory: String = ".", defaultName: String = "scenario") throws(ScenarioError) -> Scenario {
        var decoder = ScenarioDecoder(baseDirectory: baseDirectory)
        let scenario = decoder.decodeScenario(root, defaultName: sanitizedName(defaultName))
        guard decoder.problems.isEmpty else { throw ScenarioError(file: file, problems: decoder.problems) }
        try validate(scenario, file: file)
        return scenario
    }

    /// Cross-field checks ("impossible combinations") of a scenario and of each sweep point.
    public static func validate(_ scenario: Scenario, file: String) throws(ScenarioError) {
        var problems = ScenarioChecks.problems(scenario)
        if problems.isEmpty && !scenario.sweep.isEmpty {
            problems = ScenarioChecks.sweepProblems(RunPlan(scenario: scenario))
        }
        guard problems.isEmpty else { throw ScenarioError(file: file, problems: problems) }
    }

    /// A default name made of plain-word characters.
    private static func sanitizedName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" || $0 == "." ? Character($0) : "_"
        })
        return cleaned.isEmpty ? "scenario" : cleaned
    }
}
