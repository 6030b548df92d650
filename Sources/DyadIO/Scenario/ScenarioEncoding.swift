import DyadCore
import DyadExperiment

/// The fully resolved scenario as JSON (every default made explicit): written to the manifest,
/// loadable as a scenario file, and hashed into the fingerprint that `merge` and `--resume`
/// compare.
public enum ScenarioEncoding {
    /// Canonical JSON text of the resolved scenario.
    public static func json(_ scenario: Scenario) -> String { value(scenario).rendered }

    /// Fingerprint of everything that determines the results (the output directory excluded).
    public static func fingerprint(_ scenario: Scenario) -> String {
        var copy = scenario
        copy.outputs.directory = nil
        return Fingerprint.of(json(copy))
    }

    /// Fingerprint of everything that determines a run's rows besides the run's own identity: the
    /// scenario without `replicates` and without the swept values (the swept paths stay). A run is
    /// identified by its content (scenario seed, the point's values, replicate; its seed derives
    /// from them), so an output directory can be resumed under any scenario with the same key:
    /// its finished runs stay valid when only replicates or sweep values were added.
    public static func resumeKey(_ scenario: Scenario) -> String {
        var copy = scenario
        copy.outputs.directory = nil
        copy.replicates = 1
        copy.sweep.grid = copy.sweep.grid.map { SweepAxis(path: $0.path, values: []) }
        copy.sweep.zip = copy.sweep.zip.map { SweepAxis(path: $0.path, values: []) }
        if var sample = copy.sweep.sample {
            (sample.count, sample.seed, sample.levels) = (0, nil, 0)
            sample.ranges = sample.ranges.map { (path: $0.path, low: 0, high: 0) }
            sample.distributions = [:]
            copy.sweep.sample = sample
        }
        copy.sweep.design?.rows = []
        return Fingerprint.of("resume\n" + json(copy))
    }

    static func value(_ scenario: Scenario) -> JSONText {
        let parameters = scenario.parameters.resolved()
        let partner = ParameterCatalog.all.filter { $0.level == .partner }
        let couple = ParameterCatalog.all.filter { $0.level == .couple }
        var members: [(String, JSONText)] = [
            ("name", .string(scenario.name)),
            ("description", .string(scenario.description)),
            ("seed", .unsigned(scenario.seed)),
            ("couples", .integer(scenario.couples)),
            ("days", .integer(scenario.days)),
            ("burn_in_days", .integer(scenario.burnInDays)),
            ("baseline_day", .integer(scenario.baselineDay)),
            ("replicates", .integer(scenario.replicates)),
            ("population", population(scenario.population)),
            (
                "params",
                .object(
                    couple.map {
                        ($0.name, .number($0.value(in: parameters, population: scenario.population, role: .a)))
                    })
            ),
            ("params_a", .object(partner.map { ($0.name, .number($0.value(in: parameters.roleA) ?? 0)) })),
            ("params_b", .object(partner.map { ($0.name, .number($0.value(in: parameters.roleB) ?? 0)) })),
            ("arms", .array(scenario.arms.map(arm))),
            ("control_arm", .string(scenario.resolvedControlArm)),
        ]
        var outputs: [(String, JSONText)] = []
        if let directory = scenario.outputs.directory { outputs.append(("directory", .string(directory))) }
        outputs += [
            ("couples", .bool(scenario.outputs.couples)), ("daily", .bool(scenario.outputs.daily)),
            ("daily_every", .integer(scenario.outputs.dailyEvery)),
        ]
        // Options added later appear only when switched on, so earlier manifests and fingerprints
        // stay as they were.
        if scenario.outputs.partners { outputs.append(("partners", .bool(true))) }
        if let traces = scenario.outputs.traces { outputs.append(("traces", Self.traces(traces))) }
        members.append(("outputs", .object(outputs)))
        if let settings = scenario.measurement { members.append(("measurement", measurement(settings))) }
        members.append(("sweep", sweep(scenario.sweep)))
        return .object(members)
    }

    private static func population(_ population: PopulationParameters) -> JSONText {
        var members: [(String, JSONText)] = [("mode", .string(population.mode.rawValue))]
        for info in ParameterCatalog.all where info.level == .population {
            members.append((info.name, .number(info.value(in: ModelParameters(), population: population, role: .a))))
        }
        members.append(
            (
                "prototypes",
                .object(
                    population.prototypes.map {
                        ($0.name, .object([("a", .number($0.anxiety)), ("v", .number($0.avoidance))]))
                    })
            ))
        members.append(
            (
                "pairings",
                .array(
                    population.pairings.map {
                        .object([("a", .string($0.styleA)), ("b", .string($0.styleB)), ("share", .number($0.share))])
                    })
            ))
        return .object(members)
    }

    private static func arm(_ arm: Arm) -> JSONText {
        .object([("name", .string(arm.name)), ("interventions", .array(arm.interventions.map(intervention)))])
    }

    private static func intervention(_ intervention: Intervention) -> JSONText {
        var members: [(String, JSONText)] = [("type", .string(intervention.kind.typeName))]
        if case .set(let parameter, let value) = intervention.kind {
            members += [("param", .string(parameter)), ("value", .number(value))]
        }
        members += [
            ("target", .string(intervention.target.rawValue)),
            ("strength", .number(intervention.strength)),
            ("start_day", .integer(intervention.startDay)),
        ]
        if let end = intervention.endDay { members.append(("end_day", .integer(end))) }
        members.append(("eligibility", .string(intervention.eligibility.rawValue)))
        return .object(members)
    }

    /// The sweep as one line of text with sorted keys (the report's summary of the design).
    package static func sweepSummary(_ sweep: SweepDesign) -> String { self.sweep(sweep).compactText }

    private static func sweep(_ sweep: SweepDesign) -> JSONText {
        var members: [(String, JSONText)] = []
        if !sweep.grid.isEmpty { members.append(("grid", axes(sweep.grid))) }
        if !sweep.zip.isEmpty { members.append(("zip", axes(sweep.zip))) }
        if let sample = sweep.sample {
            var fields: [(String, JSONText)] = [("method", .string(sample.method.rawValue))]
            fields +=
                sample.method == .morris
                ? [("trajectories", .integer(sample.count)), ("levels", .integer(sample.levels))]
                : [("n", .integer(sample.count))]
            fields.append(
                (
                    "ranges",
                    .object(
                        sample.ranges.map { range in
                            guard let distribution = sample.distributions[range.path.text] else {
                                return (range.path.text, .array([.number(range.low), .number(range.high)]))
                            }
                            let parameters = distribution.family.allowedParameters.compactMap { parameter in
                                distribution.parameters[parameter].map { (parameter.rawValue, JSONText.number($0)) }
                            }
                            return (
                                range.path.text,
                                .object([("distribution", .string(distribution.family.rawValue))] + parameters)
                            )
                        })
                ))
            if let seed = sample.seed { fields.append(("seed", .unsigned(seed))) }
            members.append(("sample", .object(fields)))
        }
        if let design = sweep.design {
            members.append(
                (
                    "design",
                    .object([
                        ("columns", .array(design.columns.map { .string($0.text) })),
                        ("rows", .array(design.rows.map { row in .array(row.map { .number($0) }) })),
                    ])
                ))
        }
        // Only the non-default mode is written, so that fingerprints of earlier scenarios stay.
        if sweep.randomNumbers != .independent {
            members.append(("random_numbers", .string(sweep.randomNumbers.rawValue)))
        }
        return .object(members)
    }

    private static func axes(_ axes: [SweepAxis]) -> JSONText {
        .object(axes.map { ($0.path.text, .array($0.values.map { .number($0) })) })
    }
}
