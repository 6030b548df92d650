import DyadCore
import DyadExperiment
import DyadInference

/// The calibration file format (docs/calibration.md): the keys the decoder accepts, with their
/// types, defaults and meanings.
package enum CalibrationSchema {
    /// The top-level keys.
    package static let topLevel: [SchemaField] = [
        SchemaField("$schema", .string, default: "none", "optional JSON Schema reference for editors (ignored)"),
        SchemaField(
            "name", .string, default: "the file name", "calibration name: a plain word (letters, digits, _, -, .)"),
        SchemaField("description", .string, default: "\"\"", "free text"),
        SchemaField(
            "scenario", .string, default: "required",
            "the base scenario: a path relative to this file, or an inline scenario object", required: true),
        SchemaField(
            "parameters", .map(key: "sweep path", value: .object(prior)), default: "required",
            "sweep path → prior; every calibrated path takes a number", required: true),
        SchemaField(
            "targets", .array(.object(target), minimumCount: 1), default: "required", "the observed statistics",
            required: true),
        SchemaField(
            "predictions", .array(.object(target), minimumCount: 0), default: "[]",
            "statistics without data (targets without value and sd), reported for posterior predictive draws"),
        SchemaField("abc", .object(abc), default: "all defaults", "ABC-SMC settings and the simulation size"),
    ]

    /// The keys of a prior: `prior` and the family's parameters (``DistributionParameter``).
    package static let prior: [SchemaField] =
        [
            SchemaField(
                "prior", .choice(priorFamilies.map(\.rawValue)), default: "required", "the prior's family",
                required: true)
        ]
        + DistributionParameter.allCases.map {
            SchemaField($0.rawValue, .number(-1e300...1e300), default: "per family", "a parameter of the family")
        }

    /// The families a prior may have.
    package static let priorFamilies = DistributionFamily.allCases

    /// Keys every target takes.
    static let commonTargetFields: [SchemaField] = [
        SchemaField("name", .string, default: "from the statistic", "the target's column in the outputs"),
        SchemaField(
            "statistic", .choice(CalibrationStatisticKind.allCases.map(\.rawValue)), default: "required",
            "what is measured", required: true),
        SchemaField("value", .number(-1e300...1e300), default: "required", "the observed value", required: true),
        SchemaField(
            "sd", .number(0...1e300), default: "required", "its standard error or tolerance (> 0)", required: true),
        SchemaField("arm", .string, default: "the control arm", "the arm measured (effects: the treated arm)"),
    ]

    /// Every target key (for the documentation and the schema).
    package static var target: [SchemaField] {
        var fields = commonTargetFields
        for kind in CalibrationStatisticKind.allCases {
            for field in targetFields(kind) where !fields.contains(where: { $0.name == field.name }) {
                fields.append(field)
            }
        }
        return fields
    }

    /// The keys a prediction of `kind` takes: a target's without `value` and `sd`.
    static func predictionFields(_ kind: CalibrationStatisticKind) -> [SchemaField] {
        targetFields(kind).filter { $0.name != "value" && $0.name != "sd" }
    }

    /// The keys a target of `kind` takes.
    static func targetFields(_ kind: CalibrationStatisticKind) -> [SchemaField] {
        let column = SchemaField(
            "column", .string, default: "required",
            "a couples.csv column or, with a measurement section, a measured score (daily: a daily.csv column)",
            required: true)
        let filter = SchemaField(
            "where", .map(key: "couples.csv column", value: .string), default: "all couples",
            "only couples whose columns have these values, e.g. { style0_a: \"anxious\" }")
        switch kind {
        case .mean, .standardDeviation:
            return commonTargetFields + [column, filter]
        case .share:
            return commonTargetFields + [
                column, filter,
                SchemaField(
                    "equals", .string, default: "1 (labels: required)", "the value counted (a number or a label)"),
            ]
        case .quantile:
            return commonTargetFields + [
                column, filter,
                SchemaField("q", .number(0...1), default: "required", "the probability", required: true),
            ]
        case .correlation:
            return commonTargetFields + [
                SchemaField("x", .string, default: "required", "the first couples.csv column", required: true),
                SchemaField("y", .string, default: "required", "the second couples.csv column", required: true),
                filter,
            ]
        case .effectD, .effectDifference:
            return commonTargetFields + [
                SchemaField(
                    "outcome", .string, default: "required",
                    "an outcome of effects.csv (a couples.csv column or measured score)",
                    required: true),
                filter,
            ]
        case .daily:
            return commonTargetFields + [
                column,
                SchemaField(
                    "day", .integer(0...Limits.maximumDays), default: "required", "the outcome day",
                    required: true),
            ]
        }
    }

    /// The keys of the `abc` object.
    package static let abc: [SchemaField] =
        ABCSettings.Field.allCases.map { field in
            SchemaField(field.rawValue, .number(-1e300...1e300), default: "see docs/calibration.md", "ABC-SMC setting")
        } + [
            SchemaField(
                "couples", .integer(1...Limits.maximumCouples), default: "the scenario's", "couples per simulation"),
            SchemaField(
                "days", .integer(1...Limits.maximumDays), default: "the scenario's", "outcome days per simulation"),
        ]
}
