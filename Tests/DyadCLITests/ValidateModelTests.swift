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
            population.mode == .traits ? [] : population.pairings.filter { $0.share > 0 }.map { pairing in
                let a = population.prototypes.first { $0.name == pairing.styleA }, b = population.prototypes.first { $0.name == pairing.styleB }
                return "\(a?.anxiety ?? -1),\(a?.avoidance ?? -1)|\(b?.anxiety ?? -1),\(b?.avoidance ?? -1)|\(pairing.share)"
            }
        }
        var firstPopulation = first.population, secondPopulation = second.population
        (firstPopulation.prototypes, firstPopulation.pairings) = ([], [])
        (secondPopulation.prototypes, secondPopulation.pairings) = ([], [])
        return first.coupleCount == second.coupleCount && first.days == second.days && first.burnInDays == second.burnInDays
            && first.baselineDay == second.baselineDay && first.runKey == second.runKey && first.parameters == second.parameters
            && firstPopulation == secondPopulation && sampled(first.population) == sampled(second.population)
            && first.arms.map(\.interventions) == second.arms.map(\.interventions)
    }

    private func configuration(_ file: String) throws -> RunConfiguration {
        let plan = RunPlan(scenario: try ScenarioLoader.load(path: Repository.path("Scenarios/validation/" + file)))
        return try plan.configuration(for: plan.runs[0])
    }

    @Test("the stylized-fact scenario files are MODEL.md §12's scenarios P, S, I, E")
    func factScenarios() throws {
        for (file, kind) in [("population.json5", ValidationScenario.population), ("pairings.json5", .pairings),
                             ("interventions.json5", .interventions), ("therapy.json5", .therapy)] {
            #expect(same(try configuration(file), kind.configuration()), "\(file)")
        }
    }

    @Test("each oracle scenario file describes the library's set-up", arguments: [
        ("o01-neutral-relaxation.json5", Oracle.neutralRelaxation), ("o01-neutral-relaxation.json5", .tonicArousal),
        ("o02-heart-rate.json5", .heartRate), ("o04-twenty-minute-break.json5", .twentyMinuteBreak),
        ("o05-satisfaction.json5", .satisfaction), ("o06-conflict-frequency.json5", .conflictFrequency),
        ("o06-conflict-frequency.json5", .initiatorShare), ("o08-flat-softmax.json5", .flatSoftmax), ("o09-hazard.json5", .hazard),
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
        let outcome = CommandLineHarness.run(["validate-model", "--quick", "--quiet", "--scenarios", scenarios, "--out", directory.file("ok")])
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
        #expect(share > 0.01 && share < 0.1 && couples > 1000 && abs(couples - couples.rounded()) < 1e-6 * couples,
                "SF14 measured \(share), standard_error \(error)")
        let exact = try #require(table.rows.first { table.text($0, "id") == "O1" })
        #expect(table.text(exact, "standard_error") == "NA" && table.text(exact, "pass") == "1")
        // Without the pursuit coupling and with flat validation the pursue-withdraw facts must fail.
        let broken = directory.write("broken.json5", "{ params: { u_p_wd: 0, u_w_harsh: 0, u_w_soft: 0, u_p_anx: 0 } }")
        let failing = CommandLineHarness.run(["validate-model", "--quick", "--quiet", "--scenarios", scenarios, "--params", broken,
                                              "--out", directory.file("broken")])
        #expect(failing.code == 1)
        #expect(failing.errorLines.contains { $0.hasPrefix("FAIL SF") })
        let bad = directory.write("bad.json5", "{ couples: 5, params: { g0: 0.5 } }")
        let refused = CommandLineHarness.run(["validate-model", "--quick", "--params", bad, "--out", directory.file("bad")])
        #expect(refused.code == 65)
        #expect(refused.errorLines == ["error: \(bad): couples: a --params file holds only model parameters (allowed params, params_a, params_b)"])
    }
}
