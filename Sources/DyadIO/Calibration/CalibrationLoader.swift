import DyadCore
import DyadExperiment
import DyadInference
import DyadJSON5
import Foundation

/// Problems of a calibration file and, if it names one, of its scenario file: one line per root
/// cause, each naming its file (exit code 65).
package struct CalibrationFileError: DyadSimError, Equatable {
    /// The problems per file, the calibration file's first.
    package let errors: [ScenarioError]

    /// One line per problem.
    package var lines: [String] { errors.flatMap(\.lines) }

    /// 65: invalid input.
    package var exitCode: Int32 { ExitCode.invalidData }
}

/// Loads and validates calibration files (JSON5): the base scenario (a path relative to the file
/// or an inline object), the parameters with their priors, the targets and the `abc` settings,
/// with the scenario decoder's field paths, did-you-mean suggestions and root-cause reporting.
package enum CalibrationLoader {
    /// Loads the calibration file at `path` (relative to the working directory).
    package static func load(path: String) throws(CalibrationFileError) -> CalibrationFile {
        let bytes: [UInt8]
        switch InputFile.read(path, limit: ScenarioLoader.maximumFileBytes) {
        case .success(let read): bytes = read
        case .failure(.directory): throw single(path, "this is a directory, not a calibration file")
        case .failure(.tooLarge):
            throw single(path, "the file is larger than 16 MiB; this cannot be a calibration file")
        case .failure(let failure): throw single(path, failure.reason)
        }
        let base = (path as NSString).deletingLastPathComponent
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try decode(bytes: bytes, file: path, baseDirectory: base.isEmpty ? "." : base, defaultName: name)
    }

    /// Decodes calibration text; `file` names it in messages, `baseDirectory` resolves a scenario path.
    package static func decode(
        bytes: [UInt8], file: String, baseDirectory: String = ".", defaultName: String = "calibration"
    ) throws(CalibrationFileError) -> CalibrationFile {
        let root: JSONNode
        do {
            root = try JSON5Parser.parse(bytes)
        } catch {
            throw CalibrationFileError(errors: [
                ScenarioError(
                    file: file,
                    problems: [
                        ScenarioProblem(
                            .position(line: error.position.line, column: error.position.column), error.message)
                    ])
            ])
        }
        var decoder = ScenarioDecoder(baseDirectory: baseDirectory)
        var other: [ScenarioError] = []
        let rootPath = FieldPath.root
        guard let fields = decoder.members(root, at: rootPath, fields: CalibrationSchema.topLevel) else {
            throw CalibrationFileError(errors: [ScenarioError(file: file, problems: decoder.reportedProblems)])
        }
        var name = ScenarioLoader.sanitizedName(defaultName)
        if let node = fields["name"], let word = decoder.word(node, at: rootPath.key("name"), dots: true) {
            name = word
        }
        var description = ""
        if let node = fields["description"], let text = decoder.string(node, at: rootPath.key("description")) {
            description = text
        }
        var scenario: Scenario?
        var source = "inline"
        if let node = fields["scenario"] {
            if let loaded = loadScenario(
                node, file: file, baseDirectory: baseDirectory, decoder: &decoder, fileErrors: &other)
            {
                (scenario, source) = loaded
            }
        }
        var settings = ABCSettings(seed: scenario?.seed ?? Scenario().seed)
        if var base = scenario {
            settings = decoder.decodeABC(fields["abc"], into: &base)
            if decoder.problems.isEmpty {
                let problems = ScenarioChecks.problems(base)
                for problem in problems {
                    decoder.report(
                        rootPath.key("abc"),
                        "with this simulation size the scenario is invalid: "
                            + problem.message, allowed: problem.allowed)
                }
            }
            scenario = base
        } else {
            var unused = Scenario()
            _ = decoder.decodeABC(fields["abc"], into: &unused)
        }
        var parameters: [(path: SweepPath, prior: UnivariateDistribution)] = []
        var targets: [CalibrationTarget] = []
        var predictions: [CalibrationTarget] = []
        if let scenario {
            if let node = fields["parameters"] { parameters = decoder.decodeParameters(node, scenario: scenario) }
            if let node = fields["targets"] { targets = decoder.decodeTargets(node, scenario: scenario) }
            if let node = fields["predictions"] {
                predictions = decoder.decodeTargets(
                    node, scenario: scenario, predictions: true, taken: targets.map(\.name))
            }
        }
        var errors: [ScenarioError] = []
        if !decoder.problems.isEmpty { errors.append(ScenarioError(file: file, problems: decoder.reportedProblems)) }
        errors += other
        guard errors.isEmpty, let scenario else { throw CalibrationFileError(errors: errors) }
        var calibration = CalibrationFile(
            name: name, description: description, scenario: scenario, scenarioSource: source,
            parameters: parameters, targets: targets, settings: settings)
        calibration.predictions = predictions
        return calibration
    }

    /// The base scenario: a file (path relative to the calibration file) or an inline object whose
    /// problems are reported under `scenario.`; a scenario with a sweep or replicates is refused.
    /// Nil after reporting: a scenario file's problems go to `fileErrors`, the rest to `decoder`.
    private static func loadScenario(
        _ node: JSONNode, file: String, baseDirectory: String, decoder: inout ScenarioDecoder,
        fileErrors: inout [ScenarioError]
    ) -> (Scenario, String)? {
        let path = FieldPath.root.key("scenario")
        let scenario: Scenario
        let source: String
        switch node.value {
        case .string(let relative):
            guard let text = decoder.string(node, at: path) else { return nil }
            let resolved = relative.hasPrefix("/") || baseDirectory == "." ? relative : baseDirectory + "/" + relative
            do {
                scenario = try ScenarioLoader.load(path: resolved)
            } catch {
                fileErrors.append(error)
                return nil
            }
            source = text
        case .object:
            do {
                scenario = try ScenarioLoader.decode(node: node, file: file, baseDirectory: baseDirectory)
            } catch {
                for problem in error.problems {
                    switch problem.location {
                    case .field(let inner):
                        decoder.problems.append(
                            ScenarioProblem(
                                .field(inner.isEmpty ? "scenario" : "scenario." + inner), problem.message,
                                allowed: problem.allowed))
                    default:
                        decoder.problems.append(problem)
                    }
                }
                return nil
            }
            source = "inline"
        default:
            decoder.report(path, ScenarioDecoder.mismatch(node, expected: "a file name or a scenario object"))
            return nil
        }
        var refused = false
        if !scenario.sweep.isEmpty {
            decoder.report(
                path, "the scenario has a sweep; a calibration chooses the parameter values itself",
                allowed: "a scenario without sweep")
            refused = true
        }
        if scenario.replicates != 1 {
            decoder.report(
                path, "the scenario has \(scenario.replicates) replicates; each particle is one simulation",
                allowed: "replicates 1")
            refused = true
        }
        return refused ? nil : (scenario, source)
    }

    private static func single(_ file: String, _ message: String) -> CalibrationFileError {
        CalibrationFileError(errors: [ScenarioError(file: file, problems: [ScenarioProblem(.file, message)])])
    }
}
