import DyadCore
import DyadExperiment
import TestSupport
import Testing

/// Every kind of sweep path sets exactly what it names, seen in the engine configuration of the
/// point's run (docs/model.md §5.1; docs/scenario-format.md).
@Suite("Sweep paths")
struct SweepPathTests {
    /// A trial with two interventions of one type, a `set` and an EFT in arm "trial", and the same
    /// type in another arm (which a path naming "trial" must not touch).
    static func scenario() -> Scenario {
        var scenario = Scenario()
        scenario.couples = 50
        scenario.days = 40
        scenario.burnInDays = 10
        scenario.baselineDay = 2
        scenario.arms = [
            Arm(name: "control"),
            Arm(
                name: "trial",
                interventions: [
                    Intervention(kind: .consistentValidation, strength: 0.5, startDay: 1),
                    Intervention(kind: .set(parameter: "e0", value: 0.3), startDay: 2, endDay: 20),
                    Intervention(kind: .consistentValidation, target: .a, strength: 0.2, startDay: 4, endDay: 9),
                    Intervention(kind: .eft, startDay: 10),
                ]),
            Arm(name: "other", interventions: [Intervention(kind: .consistentValidation, strength: 0.7, startDay: 3)]),
        ]
        return scenario
    }

    /// The engine configuration of point 1 of a sweep of `path` over [`first`, `second`].
    private func configuration(
        _ path: String, _ first: Double, _ second: Double, in scenario: Scenario = SweepPathTests.scenario()
    ) throws -> (RunConfiguration, SweepPoint) {
        var scenario = scenario
        let parsed = try SweepPath.parse(path, in: scenario).get()
        scenario.sweep.grid = [SweepAxis(path: parsed, values: [first, second])]
        let plan = RunPlan(scenario: scenario)
        let run = try #require(plan.runs.first { $0.point == 1 })
        return (plan.configuration(for: run), plan.points[1])
    }

    @Test("params.X sets a partner-level parameter for both roles and a couple-level one for the couple")
    func sharedParameters() throws {
        let (partner, point) = try configuration("params.e0", 0.1, 0.27)
        #expect(partner.parameters.named("e0", .a) == 0.27 && partner.parameters.named("e0", .b) == 0.27)
        #expect(point.value(of: try SweepPath.parse("params.e0", in: Self.scenario()).get()) == 0.27)
        let (couple, _) = try configuration("params.lambda0", 0.1, 0.33)
        #expect(couple.parameters.couple.named("lambda0") == 0.33)
        #expect(
            couple.parameters.roleA == ModelParameters().roleA && couple.parameters.roleB == ModelParameters().roleB)
    }

    @Test("params_a.X and params_b.X set one role only", arguments: [Role.a, .b])
    func roleParameters(role: Role) throws {
        let (configuration, _) = try configuration("params_\(role.rawValue).imp_harsh", 0.1, 0.42)
        let other: Role = role == .a ? .b : .a
        #expect(configuration.parameters.named("imp_harsh", role) == 0.42)
        #expect(configuration.parameters.named("imp_harsh", other) == ModelParameters().named("imp_harsh", other))
    }

    @Test("a sweep point changes exactly the values it names: params < params_a/params_b still holds")
    func precedence() throws {
        var scenario = Self.scenario()
        scenario.parameters.set(try #require(ParameterCatalog.info(named: "e0")), to: 0.2, group: .roleA)
        scenario.parameters.set(try #require(ParameterCatalog.info(named: "g0")), to: 0.9, group: .shared)
        let (shared, _) = try configuration("params.e0", 0.1, 0.35, in: scenario)
        #expect(shared.parameters.named("e0", .a) == 0.2, "params_a beats params")
        #expect(shared.parameters.named("e0", .b) == 0.35)
        #expect(shared.parameters.named("g0", .a) == 0.9 && shared.parameters.named("g0", .b) == 0.9)
        let (role, _) = try configuration("params_b.g0", 0.1, 0.15, in: scenario)
        #expect(role.parameters.named("g0", .a) == 0.9 && role.parameters.named("g0", .b) == 0.15)
    }

    @Test(
        "population.X sets the population scalar",
        arguments: [
            ("population.sd_anx", 0.7), ("population.r_cross", -0.2), ("population.style_jitter", 0.11),
            ("population.mean_av_b", 4.5),
        ])
    func populationValues(path: String, value: Double) throws {
        let (configuration, _) = try configuration(path, 0.05, value)
        let name = String(path.dropFirst("population.".count))
        var expected = PopulationParameters()
        try expected.set(name, to: value)
        #expect(configuration.population == expected)
        #expect(configuration.parameters == ModelParameters())
    }

    @Test("couples, days, burn_in_days and baseline_day set the run's size")
    func runSize() throws {
        #expect(try configuration("couples", 20, 37).0.coupleCount == 37)
        #expect(try configuration("couples", 20, 37).0.coupleRange == 0..<37)
        #expect(try configuration("days", 20, 33).0.days == 33)
        #expect(try configuration("burn_in_days", 20, 7).0.burnInDays == 7)
        #expect(try configuration("baseline_day", 1, 5).0.baselineDay == 5)
        let (unchanged, _) = try configuration("days", 20, 33)
        #expect(unchanged.coupleCount == 50 && unchanged.burnInDays == 10 && unchanged.baselineDay == 2)
    }

    struct FieldCase: Sendable, CustomTestStringConvertible {
        let path: String
        let value: Double
        /// (arm, intervention index) → expected intervention after the sweep.
        let changed: [Int: Intervention]
        var testDescription: String { path }
    }

    static let fieldCases: [FieldCase] = {
        let trial = scenario().arms[1].interventions
        func with(_ index: Int, _ change: (inout Intervention) -> Void) -> Intervention {
            var intervention = trial[index]
            change(&intervention)
            return intervention
        }
        return [
            FieldCase(
                path: "arms.trial.consistent_validation.strength", value: 0.9,
                changed: [0: with(0) { $0.strength = 0.9 }, 2: with(2) { $0.strength = 0.9 }]),
            FieldCase(
                path: "arms.trial.consistent_validation.start_day", value: 6,
                changed: [0: with(0) { $0.startDay = 6 }, 2: with(2) { $0.startDay = 6 }]),
            FieldCase(
                path: "arms.trial.consistent_validation.end_day", value: 30,
                changed: [0: with(0) { $0.endDay = 30 }, 2: with(2) { $0.endDay = 30 }]),
            FieldCase(
                path: "arms.trial.interventions[2].strength", value: 0.65,
                changed: [2: with(2) { $0.strength = 0.65 }]),
            FieldCase(
                path: "arms.trial.interventions[0].start_day", value: 5, changed: [0: with(0) { $0.startDay = 5 }]),
            FieldCase(path: "arms.trial.interventions[3].end_day", value: 25, changed: [3: with(3) { $0.endDay = 25 }]),
            FieldCase(
                path: "arms.trial.set.value", value: 0.45,
                changed: [1: with(1) { $0.kind = .set(parameter: "e0", value: 0.45) }]),
            FieldCase(
                path: "arms.trial.interventions[1].value", value: 0.55,
                changed: [1: with(1) { $0.kind = .set(parameter: "e0", value: 0.55) }]),
            FieldCase(path: "arms.trial.eft.strength", value: 0.25, changed: [3: with(3) { $0.strength = 0.25 }]),
            FieldCase(path: "arms.trial.set.start_day", value: 8, changed: [1: with(1) { $0.startDay = 8 }]),
        ]
    }()

    @Test(
        "an intervention path sets its field on every intervention of that type (or at that index) of that arm only",
        arguments: fieldCases)
    func interventionFields(_ c: FieldCase) throws {
        let original = Self.scenario().arms
        let (configuration, _) = try configuration(c.path, c.value == 0.9 ? 0.1 : 0.9, c.value)
        #expect(configuration.arms[0] == original[0] && configuration.arms[2] == original[2], "other arms untouched")
        for (index, intervention) in configuration.arms[1].interventions.enumerated() {
            #expect(intervention == (c.changed[index] ?? original[1].interventions[index]), "interventions[\(index)]")
        }
    }
}
