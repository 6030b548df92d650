import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

@Suite("Scenario loading")
struct ScenarioLoaderTests {
    private func load(_ text: String) throws -> Scenario {
        try ScenarioLoader.decode(bytes: Array(text.utf8), file: "test.json5")
    }

    @Test("an empty object is docs/model.md §5.7's default scenario")
    func defaults() throws {
        let scenario = try load("{}")
        #expect(scenario.couples == 10_000)
        #expect(scenario.days == 365)
        #expect(scenario.burnInDays == 90)
        #expect(scenario.baselineDay == 0)
        #expect(scenario.replicates == 1)
        #expect(scenario.seed == 20_240_601)
        #expect(scenario.population == PopulationParameters())
        #expect(scenario.arms == [Arm(name: "control")])
        #expect(scenario.parameters.resolved() == ModelParameters())
        #expect(scenario.sweep.isEmpty)
    }

    @Test("every section is read into the scenario model, JSON5 comments and trailing commas included")
    func everyKey() throws {
        let scenario = try load(
            """
            // comment
            {
              name: "trial-1", description: "d", seed: 42, couples: 800, days: 120, burn_in_days: 30,
              baseline_day: 10, replicates: 3,
              population: { mode: "styles", style_jitter: 0.1, prototypes: { calm: { a: 0.1, v: 0.1 } },
                            pairings: [{ a: "calm", b: "anxious", share: 2 }, { a: "secure", b: "calm" },], },
              params: { imp_harsh: 0.05, t_max: 20 }, params_a: { g0: 0.7 }, params_b: { g0: 0.5 },
              arms: [
                { name: "control" },
                { name: "treat", interventions: [
                  { type: "set", param: "u_w0", value: -2, target: "more_avoidant", strength: 0.5, start_day: 5, end_day: 50, eligibility: "distressed" },
                  { type: "eft", start_day: 10 },
                ] },
              ],
              control_arm: "control",
              outputs: { directory: "out/x", couples: false, daily: true, daily_every: 7 },
              sweep: { grid: { "params.imp_harsh": [0.05, 0.1] }, zip: { "arms.treat.eft.strength": [0.5, 1], couples: [100, 200] } },
            }
            """)
        #expect(scenario.name == "trial-1")
        #expect(scenario.seed == 42 && scenario.couples == 800 && scenario.days == 120 && scenario.burnInDays == 30)
        #expect(scenario.baselineDay == 10 && scenario.replicates == 3)
        #expect(scenario.population.mode == .styles && scenario.population.styleJitter == 0.1)
        #expect(scenario.population.prototypes.last == StylePrototype(name: "calm", anxiety: 0.1, avoidance: 0.1))
        #expect(
            scenario.population.pairings == [
                StylePairing(styleA: "calm", styleB: "anxious", share: 2),
                StylePairing(styleA: "secure", styleB: "calm", share: 1),
            ])
        let parameters = scenario.parameters.resolved()
        #expect(parameters.roleA.harshPursuitImpulse == 0.05 && parameters.roleB.harshPursuitImpulse == 0.05)
        #expect(parameters.couple.maximumTurns == 20)
        #expect(parameters.roleA.regulationSkillBase == 0.7 && parameters.roleB.regulationSkillBase == 0.5)
        #expect(scenario.arms.map(\.name) == ["control", "treat"])
        #expect(
            scenario.arms[1].interventions[0]
                == Intervention(
                    kind: .set(parameter: "u_w0", value: -2), target: .moreAvoidant, strength: 0.5, startDay: 5,
                    endDay: 50,
                    eligibility: .distressed))
        #expect(scenario.arms[1].interventions[1] == Intervention(kind: .eft, startDay: 10))
        #expect(scenario.outputs.directory == "out/x" && !scenario.outputs.couples && scenario.outputs.dailyEvery == 7)
        #expect(scenario.sweep.grid.map(\.path.text) == ["params.imp_harsh"])
        #expect(scenario.sweep.zip.map(\.values) == [[0.5, 1], [100, 200]])
        #expect(RunPlan(scenario: scenario).runs.count == 2 * 2 * 3)
    }

    @Test("the name defaults to the file name")
    func defaultName() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let scenario = try ScenarioLoader.load(path: directory.write("my trial.json5", "{}"))
        #expect(scenario.name == "my_trial")
    }

    @Test("every shipped scenario loads, and Foundation's JSON5 decoder reads it too")
    func shippedScenarios() throws {
        let folder = Repository.path("Scenarios")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter {
            $0.hasSuffix(".json5") || $0.hasSuffix(".json")
        }
        .filter { !$0.hasSuffix(".calibration.json5") }
        #expect(files.count >= 7)
        for file in files {
            let path = folder + "/" + file
            _ = try ScenarioLoader.load(path: path)
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            _ = try decoder.decode(AnyJSON.self, from: try #require(Repository.bytes(path)))
        }
    }

    @Test("the resolved encoding loads back to the same scenario and fingerprint")
    func encodingRoundTrip() throws {
        for file in ["quickstart.json5", "soft-startup.json5", "eft-trial.json5", "pairings.json5"] {
            let scenario = try ScenarioLoader.load(path: Repository.path("Scenarios/" + file))
            let text = ScenarioEncoding.json(scenario)
            let reloaded = try load(text)
            let same =
                reloaded.parameters.resolved() == scenario.parameters.resolved()
                && reloaded.population == scenario.population && reloaded.arms == scenario.arms
                && reloaded.sweep == scenario.sweep && reloaded.resolvedControlArm == scenario.resolvedControlArm
            #expect(same, "\(file)")
            #expect(ScenarioEncoding.fingerprint(reloaded) == ScenarioEncoding.fingerprint(scenario))
            #expect(ScenarioEncoding.json(reloaded) == text)
        }
        var changed = try ScenarioLoader.load(path: Repository.path("Scenarios/quickstart.json5"))
        let fingerprint = ScenarioEncoding.fingerprint(changed)
        changed.outputs.directory = "elsewhere"
        #expect(ScenarioEncoding.fingerprint(changed) == fingerprint)
        changed.seed += 1
        #expect(ScenarioEncoding.fingerprint(changed) != fingerprint)
    }

    @Test("a design file is read relative to the scenario and becomes sweep points")
    func designFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        directory.write("designs/points.csv", "params.g0,params_a.h0,days\n0.5,6,30\n0.6,7.5,40\n")
        let scenario = try ScenarioLoader.load(
            path: directory.write("s.json5", "{ sweep: { design_file: \"designs/points.csv\" } }"))
        let plan = RunPlan(scenario: scenario)
        #expect(plan.points.count == 2)
        #expect(plan.scenario(at: 1).days == 40)
        #expect(plan.scenario(at: 1).parameters.resolved().roleA.halfLifeBase == 7.5)
        #expect(plan.scenario(at: 1).parameters.resolved().roleB.halfLifeBase == 6.0206)
    }

    @Test("a morris sample reads trajectories and levels (default 4), plans r·(d+1) points and encodes back")
    func morrisSample() throws {
        let text =
            "{ sweep: { sample: { method: \"morris\", trajectories: 3, levels: 6, seed: 9, "
            + "ranges: { \"params.g0\": [0.2, 0.8], days: [20, 40] } } } }"
        let scenario = try load(text)
        let sample = try #require(scenario.sweep.sample)
        #expect(sample.method == .morris && sample.count == 3 && sample.levels == 6 && sample.seed == 9)
        #expect(RunPlan(scenario: scenario).points.count == 3 * (2 + 1))
        let reloaded = try load(ScenarioEncoding.json(scenario))
        #expect(reloaded.sweep == scenario.sweep)
        let defaults = try load(
            "{ sweep: { sample: { method: \"morris\", trajectories: 2, ranges: { \"params.g0\": [0, 1] } } } }")
        #expect(defaults.sweep.sample?.levels == 4)
    }

    @Test("the JSON Schema is valid JSON and lists every parameter")
    func jsonSchema() throws {
        let schema = JSONSchemaWriter.schema()
        let object = try JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any]
        let properties = try #require(object?["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ScenarioSchema.topLevel.map(\.name)))
        let params = try #require((properties["params"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(params.count == ParameterCatalog.modelParameterNames.count)
    }
}

/// Any JSON value (to check that Foundation's JSON5 reader accepts a file).
private enum AnyJSON: Decodable {
    case value

    init(from decoder: Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            while !list.isAtEnd { _ = try list.decode(AnyJSON.self) }
        } else if let object = try? decoder.container(keyedBy: AnyKey.self) {
            for key in object.allKeys { _ = try object.decode(AnyJSON.self, forKey: key) }
        } else {
            let single = try decoder.singleValueContainer()
            if !single.decodeNil() {
                if (try? single.decode(Double.self)) == nil && (try? single.decode(String.self)) == nil {
                    _ = try single.decode(Bool.self)
                }
            }
        }
        self = .value
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
