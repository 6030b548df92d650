import DyadCore
import DyadExperiment
import DyadIO
import DyadJSON5
import DyadValidation
import Foundation

/// `dyadsim validate-model`: the oracles and stylized facts of docs/model.md §10 on the current build.
package enum ValidateModelCommand: Command {
    static let specification = CommandSpecification(
        name: "validate-model",
        valueFlags: ["--params", "--out", "--threads", "--scenarios"],
        switches: ["--quick", "--quiet", "--force"],
        positionalRange: (0, 0),
        usage: "dyadsim validate-model [--quick] [--params FILE] [--out DIR] [--force] [--threads N] [--scenarios DIR]",
        summary: "run the model's oracles and stylized facts (docs/model.md §10); write validation.csv and .md",
        details: """
            options:
              --quick          reduced couples (P 10,000, S 16,000, I 5,000, E 8,000); fixed bands widened by 2 SE
              --params FILE    a JSON5 file with params / params_a / params_b applied to every stylized-fact
                               scenario, to test a modified model (oracles test the engine and keep their set-ups)
              --out DIR        where to write validation.csv and validation.md
                               (default Results/validate-model/<date>, or <date>-quick; not committed)
              --force          replace validation.csv and validation.md already in DIR
              --threads N      worker threads (default: all cores)
              --scenarios DIR  the stylized-fact scenarios: population.json5 (P), pairings.json5 (S),
                               interventions.json5 (I), therapy.json5 (E); default Scenarios/validation in the
                               working directory, else in the repository the dyadsim executable was built in
            Exit code 0 only if every check passes, 1 if any fails.
            """)

    /// The stylized-fact scenario files of Scenarios/validation (docs/model.md §10.2) and the scenario each defines.
    package static let factFiles: [(file: String, scenario: ValidationScenario)] = [
        ("population.json5", .population), ("pairings.json5", .pairings), ("interventions.json5", .interventions),
        ("therapy.json5", .therapy),
    ]

    /// Loads the --params file and the four scenarios first, then simulates and evaluates them
    /// and the oracles, and writes the two reports.
    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        let quick = arguments.has("--quick")
        let threads = try ScenarioOptions.threads(arguments)
        var overrides: ParameterOverrides?
        if let file = arguments.values["--params"] { overrides = try loadOverrides(file) }
        let folder = try scenarioFolder(arguments.values["--scenarios"])
        let out = arguments.values["--out"] ?? defaultOutput(quick: quick)
        try ValidationReport.checkWritable(out, force: arguments.has("--force"))
        var scenarios: [(path: String, kind: ValidationScenario, scenario: Scenario)] = []
        for (file, kind) in factFiles {
            let path = folder + "/" + file
            var scenario = try ScenarioLoader.load(path: path)
            if let overrides { apply(overrides, to: &scenario) }
            if quick { scenario.couples = kind.quickCouples }
            scenarios.append((path, kind, scenario))
        }
        if !arguments.has("--quiet") && arguments.values["--scenarios"] == nil && folder != defaultScenarios {
            console.print("scenarios from \(folder)")
        }
        var results: [ValidationResult] = []
        let simulator = Simulator(threads: threads, chunkSize: 64)
        for (path, kind, scenario) in scenarios {
            if !arguments.has("--quiet") {
                console.print(
                    "scenario \(kind.rawValue): \(scenario.couples) couples, \(scenario.arms.count) arm(s), \(scenario.days) days"
                )
            }
            do {
                let plan = RunPlan(scenario: scenario)
                let configuration = plan.configuration(for: plan.runs[0])
                let result = try simulator.run(configuration)
                results += ModelValidation.evaluate(kind, result: result, configuration: configuration, quick: quick)
            } catch {
                throw CommandFailure(lines: ["error: \(path): \(error)"], exitCode: ExitCode.failure)
            }
        }
        if !arguments.has("--quiet") { console.print("oracles O1-O15") }
        do { results = try OracleChecks.checkAll() + results } catch {
            throw CommandFailure(
                lines: ["error: the oracles could not be simulated: \(error)"], exitCode: ExitCode.failure)
        }
        try ValidationReport.write(results, to: out, quick: quick, parametersFile: arguments.values["--params"])
        let failed = results.filter { !$0.pass }
        for result in failed { console.error("FAIL \(result.id) \(result.description): \(result.detail)") }
        console.print(
            "dyadsim: \(results.count - failed.count) of \(results.count) checks pass; \(out)/validation.csv and validation.md"
        )
        return failed.isEmpty ? ExitCode.success : ExitCode.failure
    }

    /// The stylized-fact scenarios' folder as given in the working directory.
    package static let defaultScenarios = "Scenarios/validation"

    /// The folder with the four stylized-fact scenarios: `--scenarios DIR` as given, else
    /// `Scenarios/validation` in the working directory, else in the repository the executable was
    /// built in (found by walking up from it); otherwise a usage error that names the flag.
    package static func scenarioFolder(
        _ given: String?, workingDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = executablePath()
    ) throws -> String {
        let marker = factFiles[0].file
        let names = factFiles.map(\.file).joined(separator: ", ")
        func holdsScenarios(_ folder: String) -> Bool {
            let absolute = folder.hasPrefix("/") ? folder : workingDirectory + "/" + folder
            return FileManager.default.fileExists(atPath: absolute + "/" + marker)
        }
        if let given {
            guard holdsScenarios(given) else {
                throw UsageError(message: "--scenarios: \(given) holds no \(marker); give the folder with \(names)")
            }
            return given
        }
        if holdsScenarios(defaultScenarios) { return defaultScenarios }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path.count > 1 {
            let candidate = folder.appendingPathComponent(defaultScenarios).path
            if holdsScenarios(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw UsageError(
            message: "\(defaultScenarios)/\(marker) is not in the working directory; run from the "
                + "repository root or give --scenarios DIR (the folder with \(names))")
    }

    /// The running executable's path (Linux: /proc/self/exe), or the first argument.
    package static func executablePath() -> String {
        let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return link ?? CommandLine.arguments.first ?? "."
    }

    /// `Results/validate-model/<YYYY-MM-DD>` (UTC), with `-quick` for a reduced-size run: never the
    /// committed `Results/validation`.
    package static func defaultOutput(quick: Bool, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return "Results/validate-model/" + formatter.string(from: date) + (quick ? "-quick" : "")
    }

    /// A --params file: a scenario fragment with only params, params_a and params_b.
    static func loadOverrides(_ file: String) throws(ScenarioError) -> ParameterOverrides {
        let scenario = try ScenarioLoader.load(path: file)
        let allowed: Set<String> = ["params", "params_a", "params_b", "$schema", "description"]
        if case .success(let bytes) = InputFile.read(file, limit: ScenarioLoader.maximumFileBytes),
            let root = try? JSON5Parser.parse(bytes),
            case .object(let members) = root.value
        {
            let extra = members.map(\.key).filter { !allowed.contains($0) }
            if let first = extra.first {
                throw ScenarioError(
                    file: file,
                    problems: [
                        ScenarioProblem(
                            .field(first), "a --params file holds only model parameters",
                            allowed: "params, params_a, params_b")
                    ])
            }
        }
        return scenario.parameters
    }

    static func apply(_ overrides: ParameterOverrides, to scenario: inout Scenario) {
        for entry in overrides.shared { scenario.parameters.set(entry.parameter, to: entry.value, group: .shared) }
        for entry in overrides.roleA { scenario.parameters.set(entry.parameter, to: entry.value, group: .roleA) }
        for entry in overrides.roleB { scenario.parameters.set(entry.parameter, to: entry.value, group: .roleB) }
    }
}
