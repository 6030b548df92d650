import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadExperiment
import DyadIO
import DyadValidation
import Foundation
import TestSupport
import Testing

@Suite("dyadsim validate-model")
struct ValidateModelTests {
    /// The engine-relevant content of a configuration (prototype lists and arm names aside).
    private func same(_ first: RunConfiguration, _ second: RunConfiguration) -> Bool {
        func sampled(_ population: PopulationParameters) -> [String] {
            population.mode == .traits
                ? []
                : population.pairings.filter { $0.share > 0 }.map { pairing in
                    let a = population.prototypes.first { $0.name == pairing.styleA },
                        b = population.prototypes.first { $0.name == pairing.styleB }
                    return
                        "\(a?.anxiety ?? -1),\(a?.avoidance ?? -1)|\(b?.anxiety ?? -1),\(b?.avoidance ?? -1)|\(pairing.share)"
                }
        }
        var firstPopulation = first.population, secondPopulation = second.population
        (firstPopulation.prototypes, firstPopulation.pairings) = ([], [])
        (secondPopulation.prototypes, secondPopulation.pairings) = ([], [])
        return first.coupleCount == second.coupleCount && first.days == second.days
            && first.burnInDays == second.burnInDays
            && first.baselineDay == second.baselineDay && first.runKey == second.runKey
            && first.parameters == second.parameters
            && firstPopulation == secondPopulation && sampled(first.population) == sampled(second.population)
            && first.arms.map(\.interventions) == second.arms.map(\.interventions)
    }

    private func configuration(_ file: String) throws -> RunConfiguration {
        let plan = RunPlan(scenario: try ScenarioLoader.load(path: Repository.path("Scenarios/validation/" + file)))
        return plan.configuration(for: plan.runs[0])
    }

    @Test("the stylized-fact scenario files are docs/model.md §10.2's scenarios P, S, I, E")
    func factScenarios() throws {
        for (file, kind) in [
            ("population.json5", ValidationScenario.population), ("pairings.json5", .pairings),
            ("interventions.json5", .interventions), ("therapy.json5", .therapy),
        ] {
            #expect(same(try configuration(file), kind.configuration()), "\(file)")
        }
    }

    @Test(
        "each oracle scenario file describes the library's set-up",
        arguments: [
            ("o01-neutral-relaxation.json5", Oracle.neutralRelaxation), ("o01-neutral-relaxation.json5", .tonicArousal),
            ("o02-heart-rate.json5", .heartRate), ("o04-twenty-minute-break.json5", .twentyMinuteBreak),
            ("o05-satisfaction.json5", .satisfaction), ("o06-conflict-frequency.json5", .conflictFrequency),
            ("o06-conflict-frequency.json5", .initiatorShare), ("o08-flat-softmax.json5", .flatSoftmax),
            ("o09-hazard.json5", .hazard),
            ("o10-traits-fixed.json5", .traitsFixed), ("o11-styles-allocation.json5", .stylesAllocation),
            ("o12-trait-sampler.json5", .traitSampler), ("o13-determinism.json5", .determinism),
            ("o14-strength-zero.json5", .strengthZero), ("o15-full-withholding.json5", .fullWithholding),
        ])
    func oracleScenario(file: String, oracle: Oracle) throws {
        #expect(same(try configuration("oracles/" + file), OracleChecks.setUp(oracle).runs[0].configuration))
    }

    @Test("quick validation passes every check and writes both reports; a broken model fails")
    func quickValidation() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let scenarios = Repository.path("Scenarios/validation")
        let outcome = CommandLineHarness.run([
            "validate-model", "--quick", "--quiet", "--scenarios", scenarios, "--out", directory.file("ok"),
        ])
        #expect(outcome.code == 0, "\(outcome.error)")
        #expect(outcome.output.hasPrefix("dyadsim: 41 of 41 checks pass"))
        let csv = try String(contentsOfFile: directory.file("ok/validation.csv"), encoding: .utf8)
        #expect(csv.hasPrefix(ValidationReport.columns.joined(separator: ",") + "\n"))
        #expect(csv.split(separator: "\n").count == 42)
        #expect(FileManager.default.fileExists(atPath: directory.file("ok/validation.md")))
        // SF14 is a share of couples with the binomial SE: standard_error² = measured·(1 − measured)/n for the
        // run's whole number n of couples (a swap of the two columns breaks this).
        let table = try #require(CSVTable(path: directory.file("ok/validation.csv")))
        let sf14 = try #require(table.rows.first { table.text($0, "id") == "SF14" })
        let (share, error) = (table.number(sf14, "measured"), table.number(sf14, "standard_error"))
        let couples = share * (1 - share) / (error * error)
        #expect(
            share > 0.01 && share < 0.1 && couples > 1000 && abs(couples - couples.rounded()) < 1e-6 * couples,
            "SF14 measured \(share), standard_error \(error)")
        let exact = try #require(table.rows.first { table.text($0, "id") == "O1" })
        #expect(table.text(exact, "standard_error") == "NA" && table.text(exact, "pass") == "1")
        // A second run into the same folder is refused before anything is simulated ...
        let refusedAgain = CommandLineHarness.run([
            "validate-model", "--quick", "--quiet", "--scenarios", scenarios,
            "--out", directory.file("ok"),
        ])
        #expect(refusedAgain.code == 74)
        #expect(
            refusedAgain.errorLines == [
                "error: \(directory.file("ok")) already holds validation.csv and validation.md; "
                    + "use --force to replace them or --out to choose another directory"
            ])
        #expect(try String(contentsOfFile: directory.file("ok/validation.csv"), encoding: .utf8) == csv)
        // ... and replaces the reports with --force. Without the pursuit coupling and with flat
        // validation the pursue-withdraw facts must fail.
        let broken = directory.write("broken.json5", "{ params: { u_p_wd: 0, u_w_harsh: 0, u_w_soft: 0, u_p_anx: 0 } }")
        let failing = CommandLineHarness.run([
            "validate-model", "--quick", "--quiet", "--scenarios", scenarios, "--params", broken,
            "--out", directory.file("ok"), "--force",
        ])
        #expect(failing.code == 1)
        #expect(failing.errorLines.contains { $0.hasPrefix("FAIL SF") })
        let replaced = try String(contentsOfFile: directory.file("ok/validation.csv"), encoding: .utf8)
        #expect(replaced != csv && replaced.split(separator: "\n").contains { $0.contains(",0,") })
        let bad = directory.write("bad.json5", "{ couples: 5, params: { g0: 0.5 } }")
        let refused = CommandLineHarness.run([
            "validate-model", "--quick", "--params", bad, "--out", directory.file("bad"),
        ])
        #expect(refused.code == 65)
        #expect(
            refused.errorLines == [
                "error: \(bad): couples: a --params file holds only model parameters (allowed params, params_a, params_b)"
            ])
    }

    @Test("the default output is a dated folder in Results/validate-model, ignored by git, never Results/validation")
    func defaultOutput() throws {
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (2026, 3, 5, 23)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let date = try #require(calendar.date(from: components))
        let command = ValidateModelCommand.self
        #expect(command.defaultOutput(quick: true, date: date) == "Results/validate-model/2026-03-05-quick")
        #expect(command.defaultOutput(quick: false, date: date) == "Results/validate-model/2026-03-05")
        let ignore = try String(contentsOfFile: Repository.path(".gitignore"), encoding: .utf8).split(separator: "\n")
        #expect(ignore.contains("/Results/*/"))
        #expect(ignore.contains("!/Results/validation/"))
        #expect(!ignore.contains { $0.hasPrefix("!") && $0.contains("validate-model") })
    }

    @Test("the scenarios are found in the working directory or beside the executable, else the error names --scenarios")
    func scenarioFolder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let empty = directory.file("elsewhere")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let command = ValidateModelCommand.self
        let repository = Repository.path("")
        #expect(
            try command.scenarioFolder(nil, workingDirectory: repository, executable: "/nowhere/dyadsim")
                == "Scenarios/validation")
        let executable = Repository.path(".build/release/dyadsim")
        let found = try command.scenarioFolder(nil, workingDirectory: empty, executable: executable)
        let expected = URL(fileURLWithPath: Repository.path("Scenarios/validation")).resolvingSymlinksInPath()
        #expect(URL(fileURLWithPath: found).standardized.path == expected.standardized.path)
        let names = "population.json5, pairings.json5, interventions.json5, therapy.json5"
        do {
            let folder = try command.scenarioFolder(nil, workingDirectory: empty, executable: empty + "/bin/dyadsim")
            Issue.record("found scenarios in \(folder)")
        } catch let error as any DyadSimError {
            #expect(error.exitCode == 64)
            #expect(
                error.lines == [
                    "error: Scenarios/validation/population.json5 is not in the working directory; run from "
                        + "the repository root or give --scenarios DIR (the folder with \(names))"
                ])
        }
        let outcome = CommandLineHarness.run(
            ["validate-model", "--quick", "--scenarios", empty, "--out", directory.file("out")])
        #expect(outcome.code == 64)
        let message = "error: --scenarios: \(empty) holds no population.json5; give the folder with \(names)"
        #expect(outcome.errorLines == [message])
        #expect(!FileManager.default.fileExists(atPath: directory.file("out")))
    }
}
