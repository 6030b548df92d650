/// Measured (observed) scores on the questionnaires' own scales, written to couples.csv after
/// the ``CoupleOutcomeColumn`` columns only when the scenario has a `measurement` section
/// (docs/dyadic-data.md). Each is a linear map of a true score plus classical-test-theory error
/// (``MeasurementModel``); the `csi_distressed…` flags apply the CSI-16 cut-off to the measured
/// score. Baseline scores are the day-0 traits (ECR) and the satisfaction at the start of
/// `baseline_day` (CSI); end scores are taken where the true end columns are (the end of the run
/// or the dissolution day). The block starts with the true per-partner satisfaction at the start
/// of `baseline_day` (`sat_baseline_a`, `sat_baseline_b`), the true scores of `csi_baseline_…`,
/// which couples.csv otherwise has only as the couple mean `sat_baseline`.
public enum MeasuredColumn: Int, CaseIterable, Sendable {
    case satBaselineA, satBaselineB
    case ecrAnx0A, ecrAnx0B, ecrAvo0A, ecrAvo0B
    case ecrAnxA, ecrAnxB, ecrAvoA, ecrAvoB
    case csiBaselineA, csiBaselineB, csiA, csiB
    case csiDistressedBaselineA, csiDistressedBaselineB, csiDistressedA, csiDistressedB

    /// The CSV column name.
    public var name: String { stem + "_" + role.rawValue }
    /// How values are written.
    public var kind: ColumnKind { isDistressFlag ? .count : .real }
    /// Unit of the values.
    public var unit: String {
        if isTrueScore { return "0-1" }
        if isDistressFlag { return "0/1" }
        return instrument.scaleText
    }

    /// The partner the score belongs to.
    public var role: Role { rawValue % 2 == 0 ? .a : .b }
    /// True for `sat_baseline_a`/`_b`: true scores, not measured ones.
    public var isTrueScore: Bool { self == .satBaselineA || self == .satBaselineB }

    /// The questionnaire (CSI-16 for the true baseline satisfaction it measures).
    public var instrument: Instrument {
        switch self {
        case .ecrAnx0A, .ecrAnx0B, .ecrAnxA, .ecrAnxB: .ecrAnxiety
        case .ecrAvo0A, .ecrAvo0B, .ecrAvoA, .ecrAvoB: .ecrAvoidance
        default: .csi
        }
    }
    /// True for the baseline occasion (day-0 traits, satisfaction at `baseline_day`).
    public var isBaseline: Bool {
        switch self {
        case .satBaselineA, .satBaselineB, .ecrAnx0A, .ecrAnx0B, .ecrAvo0A, .ecrAvo0B, .csiBaselineA, .csiBaselineB,
            .csiDistressedBaselineA, .csiDistressedBaselineB:
            true
        default: false
        }
    }
    /// 1 when the measured CSI-16 score is below the cut-off, else 0.
    public var isDistressFlag: Bool { rawValue >= MeasuredColumn.csiDistressedBaselineA.rawValue }

    /// The name without the role suffix.
    public var stem: String {
        if isTrueScore { return "sat_baseline" }
        return switch instrument {
        case .ecrAnxiety: isBaseline ? "ecr_anx0" : "ecr_anx"
        case .ecrAvoidance: isBaseline ? "ecr_avo0" : "ecr_avo"
        case .csi:
            isDistressFlag
                ? (isBaseline ? "csi_distressed_baseline" : "csi_distressed")
                : (isBaseline ? "csi_baseline" : "csi")
        }
    }

    /// The true couples.csv column this score measures (nil for the baseline CSI-16, whose true
    /// per-partner satisfaction at `baseline_day` is not a couples.csv column).
    public var trueColumn: CoupleOutcomeColumn? {
        let a = role == .a
        switch (instrument, isBaseline) {
        case (.ecrAnxiety, true): return a ? .a0A : .a0B
        case (.ecrAvoidance, true): return a ? .v0A : .v0B
        case (.ecrAnxiety, false): return a ? .aA : .aB
        case (.ecrAvoidance, false): return a ? .vA : .vB
        case (.csi, true): return nil
        case (.csi, false): return a ? .satA : .satB
        }
    }

    /// What the column means.
    public var meaning: String {
        let partner = "of \(role.rawValue)"
        let occasion =
            isBaseline
            ? (instrument == .csi ? "at the start of baseline_day" : "on day 0") : "at the end"
        if isTrueScore {
            return "true satisfaction \(partner) \(occasion), the score csi_baseline_\(role.rawValue) measures (NA if "
                + "dissolved before; with a measurement section)"
        }
        if isDistressFlag {
            return "1 if the measured CSI-16 score \(partner) \(occasion) is below the cut-off "
                + "(measurement.csi_cutoff, default 51.5) (NA if the score is NA; with a measurement section)"
        }
        let truth = trueColumn.map { "\($0.name)" } ?? "sat_baseline_\(role.rawValue)"
        return "measured \(instrument.title) \(partner) \(occasion): \(instrument.mapText(truth)) plus measurement "
            + "error of the stated reliability (NA if the true score is NA; with a measurement section)"
    }

    /// A questionnaire: its scale and the linear map from the model's 0–1 score.
    public enum Instrument: String, CaseIterable, Sendable {
        /// ECR-R anxiety, item mean 1–7 (Fraley, Waller & Brennan 2000).
        case ecrAnxiety = "ecr_anxiety"
        /// ECR-R avoidance, item mean 1–7.
        case ecrAvoidance = "ecr_avoidance"
        /// CSI-16 satisfaction, sum 0–81 (Funk & Rogge 2007).
        case csi

        /// Scale score of the model score x ∈ 0…1: offset + factor·x.
        public var offset: Double { self == .csi ? 0 : 1 }
        /// Scale width per unit of the model score: 6 for the ECR-R item mean 1–7, 81 for CSI-16 0–81.
        public var factor: Double { self == .csi ? 81 : 6 }
        /// Readable name.
        public var title: String {
            switch self {
            case .ecrAnxiety: "ECR-R anxiety"
            case .ecrAvoidance: "ECR-R avoidance"
            case .csi: "CSI-16 satisfaction"
            }
        }
        /// The scale's range as text.
        public var scaleText: String { self == .csi ? "0-81" : "1-7" }
        /// The map applied to `truth`, as text.
        func mapText(_ truth: String) -> String { self == .csi ? "81·\(truth)" : "1 + 6·\(truth)" }
    }
}
