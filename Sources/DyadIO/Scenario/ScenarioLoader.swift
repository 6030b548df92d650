import DyadCore
import DyadExperiment
import DyadJSON5
import Foundation

/// Loads and validates scenario files (JSON5 or JSON): bytes → syntax tree → ``Scenario``,
/// reporting every problem with its field path.
public enum ScenarioLoader {
    /// Problems reported in full for one file; more are counted in a last line.
    public static let maximumReportedProblems = ScenarioDecoder.maximumProblems

    /// Largest scenario file accepted.
    public static let maximumFileBytes = 16 << 20

    /// Loads the scenario at `path` (as the user named it; relative to the working directory).
    /// Only a regular file of at most ``maximumFileBytes`` is read: a FIFO, device or larger
    /// file is refused before reading.
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
        let bytes: [UInt8]
        switch InputFile.read(path, limit: maximumFileBytes) {
        case .success(let read): bytes = read
        case .failure(.directory): throw fail("this is a directory, not a scenario file")
        case .failure(.tooLarge): throw fail("the file is larger than 16 MiB; this cannot be a scenario")
        case .failure(.unreadable(let code)) where code == EACCES || code == EPERM:
            throw fail("the file cannot be read (permission denied?)")
        case .failure(let failure): throw fail(failure.reason)
        }
        let base = (path as NSString).deletingLastPathComponent
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try decodeFields(
            bytes: bytes, file: path, baseDirectory: base.isEmpty ? "." : base, defaultName: name)
    }

    /// Decodes scenario text (for tests and tools); `file` is used in messages only.
    public static func decode(
        bytes: [UInt8], file: String, baseDirectory: String = ".", defaultName: String = "scenario"
    ) throws(ScenarioError) -> Scenario {
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
        try validate(scenario, file: file)
        return RunPlan(scenario: scenario)
    }

    /// Parses and decodes scenario text, field checks only.
    private static func decodeFields(
        bytes: [UInt8], file: String, baseDirectory: String, defaultName: String
    ) throws(ScenarioError) -> Scenario {
        let root: JSONNode
        do {
            root = try JSON5Parser.parse(bytes)
        } catch {
            throw ScenarioError(
                file: file,
                problems: [
                    ScenarioProblem(.position(line: error.position.line, column: error.position.column), error.message)
                ])
        }
        return try decodeFields(node: root, file: file, baseDirectory: baseDirectory, defaultName: defaultName)
    }

    /// Parses the bytes of a design file (`sweep.design_file`) against `scenario`: a header of
    /// sweep paths and one point per row (the design reader on its own, for tools and fuzzing);
    /// `file` is used in messages only.
    public static func decodeDesign(
        bytes: [UInt8], file: String, scenario: Scenario
    ) throws(ScenarioError) -> DesignTable {
        var decoder = ScenarioDecoder(baseDirectory: ".")
        let path = FieldPath.root.key("sweep").key("design_file")
        guard let table = decoder.parseDesign(bytes, file: file, at: path, scenario: scenario), decoder.problems.isEmpty
        else {
            throw ScenarioError(file: file, problems: decoder.reportedProblems)
        }
        return table
    }

    /// Decodes a parsed scenario, field checks only.
    private static func decodeFields(
        node root: JSONNode, file: String, baseDirectory: String, defaultName: String
    ) throws(ScenarioError) -> Scenario {
        var decoder = ScenarioDecoder(baseDirectory: baseDirectory)
        let scenario = decoder.decodeScenario(root, defaultName: sanitizedName(defaultName))
        guard decoder.problems.isEmpty else { throw ScenarioError(file: file, problems: decoder.reportedProblems) }
        return scenario
    }

    /// Cross-field checks ("impossible combinations") of a scenario and of each sweep point. The
    /// plan is not built here: a caller judges its size first (``PlanEstimate``).
    public static func validate(_ scenario: Scenario, file: String) throws(ScenarioError) {
        var problems = ScenarioChecks.problems(scenario)
        if problems.isEmpty && !scenario.sweep.isEmpty {
            problems = ScenarioChecks.sweepProblems(scenario)
        }
        guard problems.isEmpty else { throw ScenarioError(file: file, problems: problems) }
    }

    /// A default name made of plain-word characters that is also a valid label (``CSVLabel``):
    /// leading dots become `_`, and a name CSV readers would misread gets a `scenario-` prefix.
    static func sanitizedName(_ name: String) -> String {
        var cleaned = String(
            name.unicodeScalars.map {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-"
                    || $0 == "." ? Character($0) : "_"
            })
        guard !cleaned.isEmpty else { return "scenario" }
        let dots = cleaned.prefix { $0 == "." }.count
        cleaned = String(repeating: "_", count: dots) + cleaned.dropFirst(dots)
        if cleaned.count > 100 { cleaned = String(cleaned.prefix(100)) }
        return CSVLabel.problem(cleaned) == nil ? cleaned : "scenario-" + cleaned
    }
}
