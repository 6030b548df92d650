import DyadCore
import DyadExperiment

/// The type of a scenario field.
package indirect enum SchemaType: Sendable {
    case integer(ClosedRange<Double>)
    case number(ClosedRange<Double>)
    case string
    case boolean
    case choice([String])
    case object([SchemaField])
    case array(SchemaType, minimumCount: Int)
    /// An object whose keys are free (e.g. prototype names, sweep paths).
    case map(key: String, value: SchemaType)
    /// An object whose keys are docs/model.md §8 parameter names of the given levels.
    case parameters([ParameterLevel])
    /// Any one of several types (e.g. a `[low, high]` list or a distribution object).
    case oneOf([SchemaType])

    /// Words for error messages ("an integer", "a number", …).
    package var noun: String {
        switch self {
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .boolean: "true or false"
        case .choice: "a string"
        case .object, .map, .parameters: "an object"
        case .array: "a list"
        case .oneOf(let types): types.map(\.noun).joined(separator: " or ")
        }
    }
}

/// One key of a scenario object: its type, default and meaning (docs/scenario-format.md).
package struct SchemaField: Sendable {
    /// The key as written in the scenario file.
    package let name: String
    /// What values the key takes (type, range or choices).
    package let type: SchemaType
    /// The default in words ("10000", "the first arm", "none").
    package let defaultText: String
    /// What the key means, in one line.
    package let description: String
    /// Whether the key must be present.
    package let required: Bool

    /// A field `name` of `type` with its default in words and its meaning.
    package init(
        _ name: String, _ type: SchemaType, default defaultText: String, _ description: String, required: Bool = false
    ) {
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.description = description
        self.required = required
    }
}

/// The scenario file format: the single definition behind validation, `dyadsim schema` and
/// docs/scenario-format.md.
package enum ScenarioSchema {
    static let dayRange = 0...Limits.maximumDays

    /// The keys of an intervention object (an element of an arm's `interventions`).
    package static let intervention: [SchemaField] = [
        SchemaField(
            "type", .choice(InterventionType.names), default: "required", "intervention type (docs/model.md §7.17)",
            required: true),
        SchemaField(
            "target", .choice(InterventionTarget.allCases.map(\.rawValue)), default: "both",
            "partner(s) targeted, resolved at enrolment (ties → a)"),
        SchemaField("strength", .number(0...1), default: "1", "strength s; 0 has no effect"),
        SchemaField(
            "start_day", .integer(dayRange), default: "0", "first active day; enrolment happens in step 0 of this day"),
        SchemaField(
            "end_day", .integer(dayRange), default: "none (until the end)",
            "first inactive day (exclusive), after start_day"),
        SchemaField(
            "eligibility", .choice(Eligibility.allCases.map(\.rawValue)), default: "all",
            "all couples alive at start_day, or only those distressed then"),
        SchemaField(
            "param", .string, default: "required for set", "set only: the model parameter to change (docs/model.md §8)"),
        SchemaField(
            "value", .number(-1e9...1e9), default: "required for set",
            "set only: the value reached at strength 1 (base + s·(value − base))"),
    ]

    /// The keys of an arm object (an element of `arms`).
    package static let arm: [SchemaField] = [
        SchemaField(
            "name", .string, default: "required", "arm name: a plain word (letters, digits, _ and -), unique",
            required: true),
        SchemaField("description", .string, default: "\"\"", "free text"),
        SchemaField(
            "interventions", .array(.object(intervention), minimumCount: 0), default: "[]",
            "interventions of this arm (at most 32)"),
    ]

    /// The keys of a pairing object of a styles-mode population.
    package static let pairing: [SchemaField] = [
        SchemaField("a", .string, default: "required", "prototype of role a", required: true),
        SchemaField("b", .string, default: "required", "prototype of role b", required: true),
        SchemaField(
            "share", .number(0...Double.greatestFiniteMagnitude), default: "1",
            "relative share (≥ 0); shares are normalised"),
    ]

    /// The keys of a prototype object of a styles-mode population: anxiety a and avoidance v in 0–1.
    package static let prototype: [SchemaField] = [
        SchemaField("a", .number(0...1), default: "required", "anxiety of the prototype (0–1)", required: true),
        SchemaField("v", .number(0...1), default: "required", "avoidance of the prototype (0–1)", required: true),
    ]

    /// The keys of the `population` object (docs/model.md §5.2–§5.3, §8).
    package static var population: [SchemaField] {
        [
            SchemaField(
                "mode", .choice(PopulationMode.allCases.map(\.rawValue)), default: "traits",
                "traits (Gaussian copula on the ECR scale) or styles (prototype pairings)")
        ]
            + ParameterCatalog.all.filter { $0.level == .population }.map { info in
                SchemaField(
                    info.name, info.isInteger ? .integer(info.range) : .number(info.range),
                    default: NumberText.shortest(info.defaultValue), info.meaning)
            }
            + [
                SchemaField(
                    "pairings", .array(.object(pairing), minimumCount: 1),
                    default: "all 16 ordered pairs, share 1 each", "styles mode: ordered prototype pairs with shares"),
                SchemaField(
                    "prototypes", .map(key: "prototype name", value: .object(prototype)),
                    default: "secure, anxious, avoidant, fearful",
                    "styles mode: prototypes added to or replacing the defaults"),
            ]
    }

    /// The keys of the `outputs` object.
    package static let outputs: [SchemaField] = [
        SchemaField(
            "directory", .string, default: "Results/<name>/", "output directory (relative to the working directory)"),
        SchemaField("couples", .boolean, default: "true", "write couples.csv"),
        SchemaField(
            "partners", .boolean, default: "false",
            "write partners.csv: one row per partner, role-free names (docs/dyadic-data.md)"),
        SchemaField("daily", .boolean, default: "true", "write daily.csv"),
        SchemaField(
            "daily_every", .integer(1...Limits.maximumDays), default: "1",
            "write days 0, N, 2N, … (and the last day) to daily.csv"),
        SchemaField(
            "traces", .object(traces), default: "none",
            "write traces.csv: every action of the episodes of some couples (docs/dyadic-data.md)"),
    ]

    /// The keys of `sweep.sample`: method, size, ranges, seed, levels and distributions.
    package static let sample: [SchemaField] = [
        SchemaField(
            "method", .choice(SampleMethod.allCases.map(\.rawValue)), default: "required",
            "random, lhs (Latin hypercube), sobol (Saltelli scheme, n·(2d+2) points) or morris (trajectories·(d+1) points)",
            required: true),
        SchemaField(
            "n", .integer(1...Double(Limits.maximumPoints)), default: "required for random, lhs, sobol",
            "number of base samples (random, lhs, sobol)"),
        SchemaField(
            "trajectories", .integer(2...Double(Limits.maximumPoints)), default: "required for morris",
            "morris: number of one-at-a-time trajectories"),
        SchemaField(
            "levels", .integer(2...1000), default: "4",
            "morris: grid levels p (even); each factor steps by p/(2(p−1)) of its range"),
        SchemaField(
            "ranges",
            .map(
                key: "sweep path",
                value: .oneOf([.array(.number(-1e12...1e12), minimumCount: 2), .object(inputDistribution)])),
            default: "required", "sweep path → [low, high] (uniform) or an input distribution {distribution, …}",
            required: true),
        SchemaField(
            "seed", .integer(0...9_007_199_254_740_991), default: "derived from the scenario seed", "seed of the sample"
        ),
    ]

    /// An input distribution of `sweep.sample.ranges` (docs/scenario-format.md): a family and its
    /// parameters (``DistributionFamily``), mapped from the unit design by its inverse CDF.
    package static let inputDistribution: [SchemaField] = [
        SchemaField(
            "distribution", .choice(DistributionFamily.allCases.map(\.rawValue)), default: "required",
            "uniform, loguniform, normal, lognormal or triangular", required: true),
        SchemaField(
            "low", .number(-1e12...1e12), default: "required for uniform, loguniform, triangular",
            "lower end; for normal and lognormal the lower truncation bound"),
        SchemaField(
            "high", .number(-1e12...1e12), default: "required for uniform, loguniform, triangular",
            "upper end; for normal and lognormal the upper truncation bound"),
        SchemaField("mode", .number(-1e12...1e12), default: "required for triangular", "triangular: the peak"),
        SchemaField("mean", .number(-1e12...1e12), default: "required for normal", "normal: mean before truncation"),
        SchemaField("sd", .number(0...1e12), default: "required for normal", "normal: SD before truncation (> 0)"),
        SchemaField("mu", .number(-1e12...1e12), default: "required for lognormal", "lognormal: mean of ln x"),
        SchemaField("sigma", .number(0...1e12), default: "required for lognormal", "lognormal: SD of ln x (> 0)"),
    ]

    /// The keys of the `sweep` object: grid, zip, sample, design file or inline design.
    package static let sweep: [SchemaField] = [
        SchemaField(
            "grid", .map(key: "sweep path", value: .array(.number(-1e12...1e12), minimumCount: 1)), default: "{}",
            "full factorial: sweep path → list of values"),
        SchemaField(
            "zip", .map(key: "sweep path", value: .array(.number(-1e12...1e12), minimumCount: 1)), default: "{}",
            "paths varied together: equal-length lists"),
        SchemaField("sample", .object(sample), default: "none", "a sampled design"),
        SchemaField(
            "design_file", .string, default: "none",
            "CSV whose header names sweep paths and whose rows are points (relative to the scenario file)"),
        SchemaField(
            "design", .object(inlineDesign), default: "none",
            "the same as design_file, inline (manifests use this form)"),
        SchemaField(
            "random_numbers", .choice(RandomNumbers.allCases.map(\.rawValue)), default: "independent",
            "common: every point of a replicate simulates the same couples with the same random streams; independent: each point its own"
        ),
    ]

    /// The keys of an inline design (`sweep.design`): sweep-path columns and rows of values.
    package static let inlineDesign: [SchemaField] = [
        SchemaField("columns", .array(.string, minimumCount: 1), default: "required", "sweep paths", required: true),
        SchemaField(
            "rows", .array(.array(.number(-1e12...1e12), minimumCount: 1), minimumCount: 1), default: "required",
            "one list of values per point", required: true),
    ]

    /// The keys of the scenario's top-level object.
    package static var topLevel: [SchemaField] {
        [
            SchemaField("$schema", .string, default: "none", "optional JSON Schema reference for editors (ignored)"),
            SchemaField(
                "name", .string, default: "the file name", "scenario name: a plain word (letters, digits, _, - and .)"),
            SchemaField("description", .string, default: "\"\"", "free text"),
            SchemaField(
                "seed", .integer(0...9_007_199_254_740_991), default: "20240601",
                "scenario seed; run seeds derive from it, the point's values and the replicate"),
            SchemaField("couples", .integer(1...Limits.maximumCouples), default: "10000", "couples per run"),
            SchemaField("days", .integer(1...Limits.maximumDays), default: "365", "outcome days"),
            SchemaField(
                "burn_in_days", .integer(0...Limits.maximumDays), default: "90",
                "burn-in days before day 0 (no interventions, no recording)"),
            SchemaField(
                "baseline_day", .integer(0...Limits.maximumDays), default: "0",
                "day at whose start sat_baseline is recorded (before days)"),
            SchemaField(
                "replicates", .integer(1...Limits.maximumReplicates), default: "1", "replicates per sweep point"),
            SchemaField(
                "population", .object(population), default: "traits mode, docs/model.md §5.2",
                "population of couples (docs/model.md §5.2–§5.4)"),
            SchemaField(
                "params", .parameters([.partner, .couple]), default: "{}",
                "model parameters for both roles and the couple level (docs/model.md §8)"),
            SchemaField("params_a", .parameters([.partner]), default: "{}", "partner-level parameters of role a"),
            SchemaField("params_b", .parameters([.partner]), default: "{}", "partner-level parameters of role b"),
            SchemaField(
                "arms", .array(.object(arm), minimumCount: 1), default: "[{name: \"control\"}]",
                "trial arms: counterfactual worlds of the same couples"),
            SchemaField(
                "control_arm", .string, default: "the first arm", "arm every other arm is compared with in effects.csv"),
            SchemaField("outputs", .object(outputs), default: "all files", "which files to write, and where"),
            SchemaField(
                "measurement", .object(measurement), default: "none",
                "measured questionnaire scores beside the true scores (docs/dyadic-data.md)"),
            SchemaField("sweep", .object(sweep), default: "one point", "parameter sweep design"),
        ]
    }
}
