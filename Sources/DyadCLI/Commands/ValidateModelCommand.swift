import DyadCore
import DyadExperiment
import DyadJSON5
import DyadValidation
import DyadIO
import Foundation

/// `dyadsim validate-model`: MODEL.md's oracles and stylized facts on the current build.
enum ValidateModelCommand: Command {
    static let specification = CommandSpecification(
        name: "validate-model",
        valueFlags: ["--params", "--out", "--threads", "--scenarios"],
        switches: ["--quick", "--quiet"],
        positionalRange: (0, 0),
        usage: "dyadsim validate-model [--quick] [--params FILE] [--out DIR] [--threads N] [--scenarios DIR]",
        summary: "run MODEL.md's oracles (§11) and stylized facts (§12) and write validation.csv and validation.md",
        details: """
        options:
          --quick          reduced couples (P 10,000, S 16,000, I 5,000, E 8,000); fixed bands widened by 2 SE
          --params FILE    a JSON5 file with params / params_a / params_b applied to every stylized-fact
                           scenario, to test a modified model (oracles test the engine and keep their set-ups)
          --out DIR        where to write validation.csv and validation.md (default Results/validation)
          --threads N      worker threads (default: all cores)
          --scenarios DIR  the stylized-fact scenarios (default Scenarios/validation): population.json5 (P),
                           pairings.json5 (S), interventions.json5 (I), therapy.json5 (E)
        Exit code 0 only if every check passes, 1 if any fails.
        """)

    static let factFiles: [(file: String, scenario: ValidationScenario)] = [
        ("population.json5", .population), ("pairings.json5", .pairings), ("interventions.json5", .interventions), ("therapy.json5", .therapy),
    ]

    /// Loads the --params file and the four scenarios first, then simulates and evaluates them
    /// and the oracles, and writes the two reports.
    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        let quick = arguments.has("--quick")
        let threads = try ScenarioOptions.threads(arguments)
        var overrides: ParameterOverrides?
        if let file = arguments.values["--params"] { overrides = try loadOverrides(file) }
        let folder = arguments.values["--scenarios"] ?? "Scenarios/validation"
        var scenarios: [(path: String, kind: ValidationScenario, scenario: Scenario)] = []
        for (file, kind) in factFiles {
            let path = folder + "/" + file
            var scenario = try ScenarioLoader.load(path: path)
            if let overrides { apply(overrides, to: &scenario) }
            if quick { scenario.couples = kind.quickCouples }
            scenarios.append((path, kind, scenario))
        }
        var results: [ValidationResult] = []
        let simulator = Simulator(threads: threads, chunkSize: 64)
        for (path, kind, scenario) in scenarios {
            if !arguments.has("--quiet") { console.print("scenario \(kind.rawValue): \(scenario.couples) couples, \(scenario.arms.count) arm(s), \(scenario.days) days") }
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
            throw CommandFailure(lines: ["error: the oracles could not be simulated: \(error)"], exitCode: ExitCode.failure)
        }
        let out = arguments.values["--out"] ?? "Results/validation"
        try ValidationReport.write(results, to: out, quick: quick, parametersFile: arguments.values["--params"])
        let failed = results.filter { !$0.pass }
        for result in failed { console.error("FAIL \(result.id) \(result.description): \(result.detail)") }
        console.print("dyadsim: \(results.count - failed.count) of \(results.count) checks pass; \(out)/validation.csv and validation.md")
        return failed.isEmpty ? ExitCode.success : ExitCode.failure
    }

    /// A --params file: a scenario fragment with only params, params_a and params_b.
    static func loadOverrides(_ file: String) throws(ScenarioError) -> ParameterOverrides {
        let scenario = try ScenarioLoader.load(path: file)
        let allowed: Set<String> = ["params", "params_a", "params_b", "$schema", "description"]
        if case .success(let bytes) = InputFile.read(file, limit: ScenarioLoader.maximumFileBytes), let root = try? JSON5Parser.parse(bytes),
           case .object(let members) = root.value {
            let extra = members.map(\.key).filter { !allowed.contains($0) }
            if let first = extra.first {
                throw ScenarioError(file: file, problems: [ScenarioProblem(
                    .field(first), "a --params file holds only model parameters", allowed: "params, params_a, params_b")])
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
