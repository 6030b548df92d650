import DyadCore
import DyadExperiment

/// The output files and their columns: the same definitions the writers use.
package enum OutputFile: String, CaseIterable, Sendable {
    case couples = "couples.csv"
    case partners = "partners.csv"
    case daily = "daily.csv"
    case traces = "traces.csv"
    case runs = "runs.csv"
    case effects = "effects.csv"
    case summary = "summary.csv"
    case points = "points.csv"

    /// What the file holds.
    package var purpose: String {
        switch self {
        case .couples: "one row per sweep point × replicate × arm × couple (docs/model.md §9.2)"
        case .partners:
            "one row per sweep point × replicate × arm × couple × partner, role-free names (outputs.partners; "
                + "docs/dyadic-data.md)"
        case .daily: "one row per sweep point × replicate × arm × day (docs/model.md §9.3)"
        case .traces:
            "one row per action of every conflict episode of the traced couples (outputs.traces; docs/dyadic-data.md)"
        case .runs: "one row per sweep point × replicate × arm: run seed, swept values, outcome means"
        case .effects:
            "each non-control arm vs the control arm per sweep point and outcome: paired difference with 95% CI and d"
        case .summary: "per sweep point × arm × outcome across replicates: n, mean, sd, 95% CI of the run means"
        case .points: "one row per sweep point: its swept values (sweeps only)"
        }
    }

    static let sweepPoint = OutputColumn(
        name: "sweep_point", type: "integer", unit: "index", meaning: "sweep point (0-based; see points.csv)")
    static let replicate = OutputColumn(
        name: "replicate", type: "integer", unit: "index", meaning: "replicate (0-based)")
    static let arm = OutputColumn(name: "arm", type: "label", unit: "", meaning: "trial arm name")

    /// One column per swept path with the point's value (points.csv, runs.csv, effects.csv,
    /// summary.csv; none without a sweep).
    static let sweptValues = OutputColumn(
        name: "<swept path>", type: "number", unit: "",
        meaning: "one column per swept path with the point's value, named as in the scenario (e.g. params.imp_harsh)")

    /// The columns in file order, measured columns included (the data dictionary); `<swept
    /// path>` stands for one column per swept path (runs.csv, effects.csv, summary.csv and
    /// points.csv).
    package var columns: [OutputColumn] { columns(measured: true) }

    /// The columns in file order, with or without the measured columns of a `measurement`
    /// section (couples.csv and partners.csv; their means in runs.csv).
    package func columns(measured: Bool) -> [OutputColumn] {
        switch self {
        case .couples:
            return [Self.sweepPoint, Self.replicate, Self.arm, Self.couple]
                + CoupleOutcomeColumn.allCases.map { Self.column($0) }
                + (measured
                    ? MeasuredColumn.allCases.map {
                        Self.column(name: $0.name, kind: $0.kind, unit: $0.unit, meaning: $0.meaning)
                    } : [])
        case .partners:
            return [
                Self.sweepPoint, Self.replicate, Self.arm, Self.couple,
                OutputColumn(
                    name: "role", type: "label", unit: "", meaning: "the partner's role in couples.csv: a or b"),
            ]
                + PartnerColumn.written(measured: measured).map {
                    Self.column(name: $0.name, kind: $0.kind, unit: $0.unit, meaning: $0.meaning)
                }
        case .daily:
            return [
                Self.sweepPoint, Self.replicate, Self.arm,
                OutputColumn(name: "day", type: "integer", unit: "day", meaning: "outcome day d (0-based)"),
            ]
                + DailyColumn.allCases.map {
                    OutputColumn(
                        name: $0.name, type: $0.kind == .count ? "integer" : "number", unit: $0.unit,
                        meaning: $0.meaning)
                }
        case .traces:
            return [Self.sweepPoint, Self.replicate, Self.arm, Self.couple] + Self.traceColumns
        case .runs:
            return [
                Self.sweepPoint, Self.replicate,
                OutputColumn(
                    name: "seed", type: "integer", unit: "",
                    meaning:
                        "run seed (below 2^53): derives from the scenario seed, the point's values and the replicate"),
                Self.arm,
                Self.sweptValues,
                OutputColumn(name: "couples", type: "integer", unit: "couples", meaning: "couples in the run"),
            ]
                + OutcomeSelection.of(measured: measured).means.map {
                    OutputColumn(
                        name: $0.name + "_mean", type: "number", unit: $0.unit,
                        meaning:
                            "mean over couples of \($0.name) (NA values skipped); dissolved_mean is the dissolved share"
                            + (Self.isMeasured($0) ? " (with a measurement section)" : "")
                    )
                }
        case .effects:
            return [
                Self.sweepPoint, Self.sweptValues, Self.arm,
                OutputColumn(name: "control_arm", type: "label", unit: "", meaning: "the arm compared with"),
                OutputColumn(
                    name: "outcome", type: "label", unit: "",
                    meaning: "per-couple outcome (a couples.csv column; measured scores with a measurement section)"),
                OutputColumn(
                    name: "n", type: "integer", unit: "couples",
                    meaning: "couple pairs with the outcome present in both arms (all replicates)"),
                OutputColumn(
                    name: "control_mean", type: "number", unit: "outcome",
                    meaning: "mean in the control arm over those pairs"),
                OutputColumn(
                    name: "arm_mean", type: "number", unit: "outcome", meaning: "mean in this arm over those pairs"),
                OutputColumn(
                    name: "difference", type: "number", unit: "outcome", meaning: "paired mean difference arm - control"
                ),
                OutputColumn(
                    name: "se", type: "number", unit: "outcome", meaning: "standard error of the paired difference"),
                OutputColumn(
                    name: "ci_low", type: "number", unit: "outcome",
                    meaning: "lower end of the 95% CI (Student t, n - 1 df)"),
                OutputColumn(name: "ci_high", type: "number", unit: "outcome", meaning: "upper end of the 95% CI"),
                OutputColumn(
                    name: "d", type: "number", unit: "SD",
                    meaning: "standardised effect: difference / sqrt((sd_control^2 + sd_arm^2)/2)"),
            ]
        case .summary:
            return [
                Self.sweepPoint, Self.sweptValues, Self.arm,
                OutputColumn(
                    name: "outcome", type: "label", unit: "",
                    meaning: "per-couple outcome whose run means are summarised"),
                OutputColumn(name: "n", type: "integer", unit: "runs", meaning: "replicates with a run mean"),
                OutputColumn(name: "mean", type: "number", unit: "outcome", meaning: "mean of the run means"),
                OutputColumn(
                    name: "sd", type: "number", unit: "outcome",
                    meaning: "SD of the run means across replicates (NA below 2)"),
                OutputColumn(
                    name: "ci_low", type: "number", unit: "outcome",
                    meaning: "lower end of the 95% CI of the mean (Student t)"),
                OutputColumn(name: "ci_high", type: "number", unit: "outcome", meaning: "upper end of the 95% CI"),
            ]
        case .points:
            return [Self.sweepPoint, Self.sweptValues]
        }
    }

    /// The columns of traces.csv after the run keys, arm and couple.
    static let traceColumns = [
        OutputColumn(name: "day", type: "integer", unit: "day", meaning: "outcome day d (0-based)"),
        OutputColumn(
            name: "episode", type: "integer", unit: "index",
            meaning: "the couple's episode (0-based over all its outcome days)"),
        OutputColumn(
            name: "turn", type: "integer", unit: "index",
            meaning: "turn within the episode (0-based): one action of each partner, the initiator first"),
        OutputColumn(name: "actor", type: "label", unit: "", meaning: "a or b: who acted"),
        OutputColumn(
            name: "action", type: "label", unit: "",
            meaning: "pursue_soft, pursue_harsh, withdraw, validate, neutral, break_announced or break_unannounced"),
        OutputColumn(
            name: "forced", type: "integer", unit: "0/1",
            meaning: "1 for the initiator's opening pursuit (not counted in actions_a/_b)"),
        OutputColumn(
            name: "arousal_a", type: "number", unit: "0-1",
            meaning: "arousal E of a after the action (before the end-of-turn relaxation)"),
        OutputColumn(name: "arousal_b", type: "number", unit: "0-1", meaning: "arousal E of b after the action"),
        OutputColumn(
            name: "hr_a", type: "number", unit: "bpm",
            meaning: "heart rate of a: min(hr_max, hr_rest + (100 - hr_rest)·E/theta_flood)"),
        OutputColumn(name: "hr_b", type: "number", unit: "bpm", meaning: "heart rate of b"),
        OutputColumn(name: "security_a", type: "number", unit: "0-1", meaning: "felt security S of a"),
        OutputColumn(name: "security_b", type: "number", unit: "0-1", meaning: "felt security S of b"),
        OutputColumn(
            name: "ending", type: "label", unit: "",
            meaning: "how the episode ended: resolved, withdrawal, unannounced_break or timeout"),
    ]

    static let couple = OutputColumn(
        name: "couple", type: "integer", unit: "index", meaning: "couple index k (0-based; same couple in every arm)")

    private static func column(name: String, kind: ColumnKind, unit: String, meaning: String) -> OutputColumn {
        let type =
            switch kind {
            case .real: "number"
            case .count: "integer"
            case .label: "label"
            }
        return OutputColumn(name: name, type: type, unit: unit, meaning: meaning)
    }

    private static func column(_ column: CoupleOutcomeColumn) -> OutputColumn {
        let type =
            switch column.kind {
            case .real: "number"
            case .count: "integer"
            case .label: "label"
            }
        return OutputColumn(name: column.name, type: type, unit: column.unit, meaning: column.meaning)
    }

    /// True for a measured score (written only with a `measurement` section).
    private static func isMeasured(_ outcome: SummarisedOutcome) -> Bool {
        if case .measured = outcome { return true }
        return false
    }

    /// The header line of the file, with `swept` path names where the file has them and the
    /// measured columns when `measured`.
    package func header(swept: [String], measured: Bool = false) -> String {
        var names: [String] = []
        for column in columns(measured: measured) {
            if column.name == "<swept path>" { names += swept } else { names.append(column.name) }
        }
        return names.joined(separator: ",") + "\n"
    }
}
