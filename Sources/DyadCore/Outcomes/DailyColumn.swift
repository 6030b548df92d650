/// The columns of `daily.csv` after `sweep_point, replicate, arm, day` (docs/model.md §9.3), in file
/// order; ``DailyRow`` gives each column's value.
public enum DailyColumn: CaseIterable, Sendable {
    case alive, arousal, conflictArousal, security, satisfaction, inConflict, pwCycleFrac
    case distressed, dissolvedCum, aMean, vMean

    /// The CSV column name.
    public var name: String { definition.name }
    /// How values are written.
    public var kind: ColumnKind { definition.kind }
    /// Unit of the values ("" when dimensionless).
    public var unit: String { definition.unit }
    /// What the column means.
    public var meaning: String { definition.meaning }

    /// Name, kind, unit and meaning of the column: the one place they are written down.
    private var definition: (name: String, kind: ColumnKind, unit: String, meaning: String) {
        switch self {
        case .alive: ("alive", .count, "couples", "couples alive at the start of the day")
        case .arousal: ("arousal", .real, "0-1", "mean end-of-day arousal E over couples and partners")
        case .conflictArousal:
            (
                "conflict_arousal", .real, "0-1",
                "mean end-of-turn arousal over all turns of the day, both partners (NA if none)"
            )
        case .security: ("security", .real, "0-1", "mean end-of-day felt security S")
        case .satisfaction: ("satisfaction", .real, "0-1", "mean end-of-day couple satisfaction")
        case .inConflict: ("in_conflict", .real, "share", "share of couples with an episode that day")
        case .pwCycleFrac:
            ("pw_cycle_frac", .real, "share", "pursue-withdraw pairs / action pairs of the day (NA if none)")
        case .distressed: ("distressed", .real, "share", "share of couples with satisfaction < sat_distress")
        case .dissolvedCum: ("dissolved_cum", .real, "share", "couples dissolved on days <= d / couples")
        case .aMean: ("a_mean", .real, "0-1", "mean current anxiety")
        case .vMean: ("v_mean", .real, "0-1", "mean current avoidance")
        }
    }
}
