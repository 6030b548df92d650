/// The per-couple outcome columns of docs/model.md §9.2 in the order of §9.1 (after the leading
/// `sweep_point, replicate, arm, couple`), followed by DyadSim's role-free columns: the outcome of
/// the couple's more anxious and more avoidant partner (``RoleFreeGrouping``), `x_more_anxious`
/// and `x_more_avoidant` for x in a, v, sat, mean_e, flood_frac, pursue_frac, withdraw_frac, security.
public enum CoupleOutcomeColumn: Int, CaseIterable, Sendable {
    case a0A, v0A, a0B, v0B, style0A, style0B, protoA, protoB
    case aA, vA, aB, vB, styleA, styleB, treated, episodes, initiatedA
    case resolvedFrac, repairTime, repairRMST, breaks, endsBreak, endsWithdraw, endsTimeout
    case pwCycleFrac, pwAB, pwBA, actionsA, actionsB
    case pursueFracA, withdrawFracA, validateFracA, selfregFracA, harshFracA
    case pursueFracB, withdrawFracB, validateFracB, selfregFracB, harshFracB
    case meanEA, meanEB, peakEA, peakEB, maxHRA, maxHRB, floodFracA, floodFracB
    case recoveryTimeA, recoveryTimeB, tonicEA, tonicEB, securityA, securityB
    case meanSecurityA, meanSecurityB, ruminationA, ruminationB, turnTowardA, turnTowardB
    case ratioConflict, ratioAll, satA, satB, satisfaction, meanSatisfaction
    case satBaseline, distressedBaseline, distressed, dissolved, dayDissolved
    // Role-free copies (``roleFreeSource``), appended after the columns of docs/model.md §9.1.
    case aMoreAnxious, aMoreAvoidant, vMoreAnxious, vMoreAvoidant, satMoreAnxious, satMoreAvoidant
    case meanEMoreAnxious, meanEMoreAvoidant, floodFracMoreAnxious, floodFracMoreAvoidant
    case pursueFracMoreAnxious, pursueFracMoreAvoidant, withdrawFracMoreAnxious, withdrawFracMoreAvoidant
    case securityMoreAnxious, securityMoreAvoidant

    /// The CSV column name (docs/model.md §9.2).
    public var name: String { definition.name }
    /// How values are written.
    public var kind: ColumnKind { definition.kind }
    /// Unit of the values ("" when dimensionless).
    public var unit: String { definition.unit }
    /// What the column means.
    public var meaning: String { definition.meaning }

    /// Columns whose values are numbers (not labels).
    public static let numeric = allCases.filter { $0.kind != .label }

    /// Name, kind, unit and meaning of the column: the one place they are written down.
    private var definition: (name: String, kind: ColumnKind, unit: String, meaning: String) {
        switch self {
        case .a0A: ("a0_a", .real, "0-1", "day-0 attachment anxiety of partner a")
        case .v0A: ("v0_a", .real, "0-1", "day-0 attachment avoidance of partner a")
        case .a0B: ("a0_b", .real, "0-1", "day-0 attachment anxiety of partner b")
        case .v0B: ("v0_b", .real, "0-1", "day-0 attachment avoidance of partner b")
        case .style0A: ("style0_a", .label, "", "day-0 style of a: secure, anxious, avoidant or fearful")
        case .style0B: ("style0_b", .label, "", "day-0 style of b")
        case .protoA: ("proto_a", .label, "", "styles-mode prototype of a (NA in traits mode)")
        case .protoB: ("proto_b", .label, "", "styles-mode prototype of b (NA in traits mode)")
        case .aA: ("a_a", .real, "0-1", "anxiety of a at the end of the run (or of the dissolution day)")
        case .vA: ("v_a", .real, "0-1", "avoidance of a at the end")
        case .aB: ("a_b", .real, "0-1", "anxiety of b at the end")
        case .vB: ("v_b", .real, "0-1", "avoidance of b at the end")
        case .styleA: ("style_a", .label, "", "style of a at the end")
        case .styleB: ("style_b", .label, "", "style of b at the end")
        case .treated: ("treated", .count, "0/1", "1 if enrolled in at least one intervention")
        case .episodes: ("episodes", .count, "episodes", "number of conflict episodes")
        case .initiatedA: ("initiated_a", .count, "episodes", "episodes initiated by a")
        case .resolvedFrac: ("resolved_frac", .real, "share", "resolved episodes / episodes (NA if none)")
        case .repairTime: ("repair_time", .real, "min", "mean repair time over resolved episodes (NA if none)")
        case .repairRMST:
            (
                "repair_rmst", .real, "min",
                "restricted mean time to repair: mean of min(repair time, "
                    + "repair_horizon_min), unresolved counting the horizon (NA if no episodes)"
            )
        case .breaks: ("breaks", .count, "actions", "SELF_REGULATE actions (breaks) of both partners")
        case .endsBreak: ("ends_break", .count, "episodes", "episodes ended unresolved by an unannounced break")
        case .endsWithdraw: ("ends_withdraw", .count, "episodes", "episodes ended unresolved by a withdrawal streak")
        case .endsTimeout: ("ends_timeout", .count, "episodes", "episodes ended unresolved by time-out")
        case .pwCycleFrac: ("pw_cycle_frac", .real, "share", "pursue-withdraw pairs / action pairs (NA if none)")
        case .pwAB: ("pw_ab", .count, "pairs", "pursue-withdraw pairs whose pursuer is a")
        case .pwBA: ("pw_ba", .count, "pairs", "pursue-withdraw pairs whose pursuer is b")
        case .actionsA: ("actions_a", .count, "actions", "non-forced actions of a")
        case .actionsB: ("actions_b", .count, "actions", "non-forced actions of b")
        case .pursueFracA:
            ("pursue_frac_a", .real, "share", "share of a's non-forced actions that are PURSUE (NA if none)")
        case .withdrawFracA: ("withdraw_frac_a", .real, "share", "share of a's non-forced actions that are WITHDRAW")
        case .validateFracA: ("validate_frac_a", .real, "share", "share of a's non-forced actions that are VALIDATE")
        case .selfregFracA: ("selfreg_frac_a", .real, "share", "share of a's non-forced actions that are SELF_REGULATE")
        case .harshFracA:
            ("harsh_frac_a", .real, "share", "share of a's non-forced PURSUEs that are harsh (NA if none)")
        case .pursueFracB:
            ("pursue_frac_b", .real, "share", "share of b's non-forced actions that are PURSUE (NA if none)")
        case .withdrawFracB: ("withdraw_frac_b", .real, "share", "share of b's non-forced actions that are WITHDRAW")
        case .validateFracB: ("validate_frac_b", .real, "share", "share of b's non-forced actions that are VALIDATE")
        case .selfregFracB: ("selfreg_frac_b", .real, "share", "share of b's non-forced actions that are SELF_REGULATE")
        case .harshFracB:
            ("harsh_frac_b", .real, "share", "share of b's non-forced PURSUEs that are harsh (NA if none)")
        case .meanEA: ("mean_e_a", .real, "0-1", "mean end-of-turn arousal of a over all turns (NA if none)")
        case .meanEB: ("mean_e_b", .real, "0-1", "mean end-of-turn arousal of b over all turns (NA if none)")
        case .peakEA:
            ("peak_e_a", .real, "0-1", "mean over episodes of a's largest end-of-turn arousal (NA if no episodes)")
        case .peakEB: ("peak_e_b", .real, "0-1", "mean over episodes of b's largest end-of-turn arousal")
        case .maxHRA:
            ("max_hr_a", .real, "bpm", "heart rate at a's largest end-of-turn arousal of the run (NA if no turns)")
        case .maxHRB: ("max_hr_b", .real, "bpm", "heart rate at b's largest end-of-turn arousal of the run")
        case .floodFracA:
            (
                "flood_frac_a", .real, "share",
                "share of turns with a's end-of-turn arousal above theta_flood (NA if "
                    + "none)"
            )
        case .floodFracB:
            ("flood_frac_b", .real, "share", "share of turns with b's end-of-turn arousal above theta_flood")
        case .recoveryTimeA:
            (
                "recovery_time_a", .real, "min",
                "mean over episodes of the minutes a needs after the episode to get "
                    + "within recover_eps of the set point"
            )
        case .recoveryTimeB: ("recovery_time_b", .real, "min", "same for b")
        case .tonicEA: ("tonic_e_a", .real, "0-1", "mean end-of-day arousal of a")
        case .tonicEB: ("tonic_e_b", .real, "0-1", "mean end-of-day arousal of b")
        case .securityA: ("security_a", .real, "0-1", "felt security of a at the end")
        case .securityB: ("security_b", .real, "0-1", "felt security of b at the end")
        case .meanSecurityA: ("mean_security_a", .real, "0-1", "mean end-of-day felt security of a")
        case .meanSecurityB: ("mean_security_b", .real, "0-1", "mean end-of-day felt security of b")
        case .ruminationA: ("rumination_a", .real, "level", "mean end-of-day rumination of a")
        case .ruminationB: ("rumination_b", .real, "level", "mean end-of-day rumination of b")
        case .turnTowardA:
            ("turn_toward_a", .real, "share", "share of a's bids the partner turned toward (NA if no bids)")
        case .turnTowardB:
            ("turn_toward_b", .real, "share", "share of b's bids the partner turned toward (NA if no bids)")
        case .ratioConflict:
            (
                "ratio_conflict", .real, "ratio",
                "(positive + pn_prior)/(negative + pn_prior) episode events received "
                    + "by either partner (unweighted)"
            )
        case .ratioAll: ("ratio_all", .real, "ratio", "same including bids and share-vulnerability positives")
        case .satA: ("sat_a", .real, "0-1", "satisfaction of a at the end")
        case .satB: ("sat_b", .real, "0-1", "satisfaction of b at the end")
        case .satisfaction: ("satisfaction", .real, "0-1", "couple satisfaction (Sat_a + Sat_b)/2 at the end")
        case .meanSatisfaction: ("mean_satisfaction", .real, "0-1", "mean end-of-day couple satisfaction")
        case .satBaseline:
            ("sat_baseline", .real, "0-1", "couple satisfaction at the start of baseline_day (NA if dissolved before)")
        case .distressedBaseline:
            ("distressed_baseline", .count, "0/1", "1 if sat_baseline < sat_distress (NA if dissolved before)")
        case .distressed: ("distressed", .count, "0/1", "1 if couple satisfaction < sat_distress at the end")
        case .dissolved: ("dissolved", .count, "0/1", "1 if the couple dissolved")
        case .dayDissolved: ("day_dissolved", .count, "day", "day of dissolution (NA if none)")
        case .aMoreAnxious, .aMoreAvoidant, .vMoreAnxious, .vMoreAvoidant, .satMoreAnxious, .satMoreAvoidant,
            .meanEMoreAnxious, .meanEMoreAvoidant, .floodFracMoreAnxious, .floodFracMoreAvoidant,
            .pursueFracMoreAnxious, .pursueFracMoreAvoidant, .withdrawFracMoreAnxious, .withdrawFracMoreAvoidant,
            .securityMoreAnxious, .securityMoreAvoidant:
            roleFreeDefinition
        }
    }
}
