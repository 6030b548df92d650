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
        let scenario = try decodeFile(path: path)
        try validate(scenario, file: path)
        return scenario
    }

    /// Reads and decodes the scenario at `path`, checking every field (unknown keys, types, ranges)
    /// but not the cross-field combinations: ``validate(_:file:)`` does that, once, after any
    /// command-line overrides.
    public static func decodeFile(path: String) throws(ScenarioError) -> Scenario {
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
        return try decodeFields(
            bytes: [UInt8](data), file: path, baseDirectory: base.isEmpty ? "." : base, defaultName: name)
    }

    /// Decodes scenario text (for tests and tools); `file` is used in messages only.
    public static func decode(bytes: [UInt8], file: String, baseDirectory: String = ".", defaultName: String = "scenario") throws(ScenarioError) -> Scenario {
        let scenario = try decodeFields(
            bytes: bytes, file: file, baseDirectory: baseDirectory, defaultName: defaultName)
        try validate(scenario, file: file)
        return scenario
    }

    /// Decodes an already parsed scenario (e.g. the "scenario" object of a manifest).
    public static func decode(
        node root: JSONNode, file: String, baseDirectory: String = ".", defaultName: String = "scenario"
    ) throws(ScenarioError) -> Scenario {
        try plan(node: root, file: file, baseDirectory: baseDirectory, defaultName: defaultName).scenario
    }

    /// Decodes and validates an already parsed scenario and returns its plan (the plan the
    /// validation built).
    static func plan(
        node root: JSONNode, file: String, baseDirectory: String = ".", defaultName: String = "scenario"
    ) throws(ScenarioError) -> RunPlan {
        let scenario = try decodeFields(node: root, file: file, baseDirectory: baseDirectory, defaultName: defaultName)
        return try validate(scenario, file: file)
    }

    /// Parses and decodes scenario text, field checks only.
    private static func decodeFields(
        bytes: [UInt8], file: String, baseDirectory: String, defaultName: String
    ) throws(ScenarioError) -> Scenario {
        let root: JSONNode
        do {
            root = try JSON5Parser.parse(bytes)
        } catch {
            throw ScenarioError(file: file, problems: [ScenarioProblem(.position(line: error.position.line, column: error.position.column), error.message)])
        }
        return try decodeFields(node: root, file: file, baseDirectory: baseDirectory, defaultName: defaultName)
    }

    /// Decodes a parsed scenario, field checks only.
    private static func decodeFields(
        node root: JSONNode, file: String, baseDirectory: String, defaultName: String
    ) throws(ScenarioError) -> Scenario {
        var decoder = ScenarioDecoder(baseDirectory: baseDirectory)
        let scenario = decoder.decodeScenario(root, defaultName: sanitizedName(defaultName))
        guard decoder.problems.isEmpty else { throw ScenarioError(file: file, problems: decoder.problems) }
        return scenario
    }

    /// Cross-field checks ("impossible combinations") of a scenario and of each sweep point;
    /// returns the scenario's plan, built once for these checks and for running.
    @discardableResult
    public static func validate(_ scenario: Scenario, file: String) throws(ScenarioError) -> RunPlan {
        var problems = ScenarioChecks.problems(scenario)
        guard problems.isEmpty else { throw ScenarioError(file: file, problems: problems) }
        let plan = RunPlan(scenario: scenario)
        if !scenario.sweep.isEmpty { problems = ScenarioChecks.sweepProblems(plan) }
        guard problems.isEmpty else { throw ScenarioError(file: file, problems: problems) }
        return plan
    }

    /// A default name made of plain-word characters.
    private static func sanitizedName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" || $0 == "." ? Character($0) : "_"
        })
        return cleaned.isEmpty ? "scenario" : cleaned
    }
}
