/// How a column's values are written.
public enum ColumnKind: String, Sendable {
    /// A real number (shortest round-trip decimal) or NA.
    case real
    /// A whole number or NA.
    case count
    /// A plain word (style, prototype) or NA.
    case label
}

/// The per-couple outcome columns of MODEL.md §9.1 in normative order (after the leading
/// `sweep_point, replicate, arm, couple`).
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

    /// The CSV column name (MODEL.md §9).
    public var name: String { Self.definitions[rawValue].name }
    /// How values are written.
    public var kind: ColumnKind { Self.definitions[rawValue].kind }
    /// Unit of the values ("" when dimensionless).
    public var unit: String { Self.definitions[rawValue].unit }
    /// What the column means.
    public var meaning: String { Self.definitions[rawValue].meaning }

    /// Columns whose values are numbers (not labels).
    public static let numeric = allCases.filter { $0.kind != .label }

    private static let definitions: [(name: String, kind: ColumnKind, unit: String, meaning: String)] = [
        ("a0_a", .real, "0-1", "day-0 attachment anxiety of partner a"),
        ("v0_a", .real, "0-1", "day-0 attachment avoidance of partner a"),
        ("a0_b", .real, "0-1", "day-0 attachment anxiety of partner b"),
        ("v0_b", .real, "0-1", "day-0 attachment avoidance of partner b"),
        ("style0_a", .label, "", "day-0 style of a: secure, anxious, avoidant or fearful"),
        ("style0_b", .label, "", "day-0 style of b"),
        ("proto_a", .label, "", "styles-mode prototype of a (NA in traits mode)"),
        ("proto_b", .label, "", "styles-mode prototype of b (NA in traits mode)"),
        ("a_a", .real, "0-1", "anxiety of a at the end of the run (or of the dissolution day)"),
        ("v_a", .real, "0-1", "avoidance of a at the end"),
        ("a_b", .real, "0-1", "anxiety of b at the end"),
        ("v_b", .real, "0-1", "avoidance of b at the end"),
        ("style_a", .label, "", "style of a at the end"),
        ("style_b", .label, "", "style of b at the end"),
        ("treated", .count, "0/1", "1 if enrolled in at least one intervention"),
        ("episodes", .count, "episodes", "number of conflict episodes"),
        ("initiated_a", .count, "episodes", "episodes initiated by a"),
        ("resolved_frac", .real, "share", "resolved episodes / episodes (NA if none)"),
        ("repair_time", .real, "min", "mean repair time over resolved episodes (NA if none)"),
        ("repair_rmst", .real, "min", "restricted mean time to repair: mean of min(repair time, repair_horizon_min), unresolved counting the horizon (NA if no episodes)"),
        ("breaks", .count, "actions", "SELF_REGULATE actions (breaks) of both partners"),
        ("ends_break", .count, "episodes", "episodes ended unresolved by an unannounced break"),
        ("ends_withdraw", .count, "episodes", "episodes ended unresolved by a withdrawal streak"),
        ("ends_timeout", .count, "episodes", "episodes ended unresolved by time-out"),
        ("pw_cycle_frac", .real, "share", "pursue-withdraw pairs / action pairs (NA if none)"),
        ("pw_ab", .count, "pairs", "pursue-withdraw pairs whose pursuer is a"),
        ("pw_ba", .count, "pairs", "pursue-withdraw pairs whose pursuer is b"),
        ("actions_a", .count, "actions", "non-forced actions of a"),
        ("actions_b", .count, "actions", "non-forced actions of b"),
        ("pursue_frac_a", .real, "share", "share of a's non-forced actions that are PURSUE (NA if none)"),
        ("withdraw_frac_a", .real, "share", "share of a's non-forced actions that are WITHDRAW"),
        ("validate_frac_a", .real, "share", "share of a's non-forced actions that are VALIDATE"),
        ("selfreg_frac_a", .real, "share", "share of a's non-forced actions that are SELF_REGULATE"),
        ("harsh_frac_a", .real, "share", "share of a's non-forced PURSUEs that are harsh (NA if none)"),
        ("pursue_frac_b", .real, "share", "share of b's non-forced actions that are PURSUE (NA if none)"),
        ("withdraw_frac_b", .real, "share", "share of b's non-forced actions that are WITHDRAW"),
        ("validate_frac_b", .real, "share", "share of b's non-forced actions that are VALIDATE"),
        ("selfreg_frac_b", .real, "share", "share of b's non-forced actions that are SELF_REGULATE"),
        ("harsh_frac_b", .real, "share", "share of b's non-forced PURSUEs that are harsh (NA if none)"),
        ("mean_e_a", .real, "0-1", "mean end-of-turn arousal of a over all turns (NA if none)"),
        ("mean_e_b", .real, "0-1", "mean end-of-turn arousal of b over all turns (NA if none)"),
        ("peak_e_a", .real, "0-1", "mean over episodes of a's largest end-of-turn arousal (NA if no episodes)"),
        ("peak_e_b", .real, "0-1", "mean over episodes of b's largest end-of-turn arousal"),
        ("max_hr_a", .real, "bpm", "heart rate at a's largest end-of-turn arousal of the run (NA if no turns)"),
        ("max_hr_b", .real, "bpm", "heart rate at b's largest end-of-turn arousal of the run"),
        ("flood_frac_a", .real, "share", "share of turns with a's end-of-turn arousal above theta_flood (NA if none)"),
        ("flood_frac_b", .real, "share", "share of turns with b's end-of-turn arousal above theta_flood"),
        ("recovery_time_a", .real, "min", "mean over episodes of the minutes a needs after the episode to get within recover_eps of the set point"),
        ("recovery_time_b", .real, "min", "same for b"),
        ("tonic_e_a", .real, "0-1", "mean end-of-day arousal of a"),
        ("tonic_e_b", .real, "0-1", "mean end-of-day arousal of b"),
        ("security_a", .real, "0-1", "felt security of a at the end"),
        ("security_b", .real, "0-1", "felt security of b at the end"),
        ("mean_security_a", .real, "0-1", "mean end-of-day felt security of a"),
        ("mean_security_b", .real, "0-1", "mean end-of-day felt security of b"),
        ("rumination_a", .real, "level", "mean end-of-day rumination of a"),
        ("rumination_b", .real, "level", "mean end-of-day rumination of b"),
        ("turn_toward_a", .real, "share", "share of a's bids the partner turned toward (NA if no bids)"),
        ("turn_toward_b", .real, "share", "share of b's bids the partner turned toward (NA if no bids)"),
        ("ratio_conflict", .real, "ratio", "(positive + pn_prior)/(negative + pn_prior) episode events received by either partner (unweighted)"),
        ("ratio_all", .real, "ratio", "same including bids and share-vulnerability positives"),
        ("sat_a", .real, "0-1", "satisfaction of a at the end"),
        ("sat_b", .real, "0-1", "satisfaction of b at the end"),
        ("satisfaction", .real, "0-1", "couple satisfaction (Sat_a + Sat_b)/2 at the end"),
        ("mean_satisfaction", .real, "0-1", "mean end-of-day couple satisfaction"),
        ("sat_baseline", .real, "0-1", "couple satisfaction at the start of baseline_day (NA if dissolved before)"),
        ("distressed_baseline", .count, "0/1", "1 if sat_baseline < sat_distress (NA if dissolved before)"),
        ("distressed", .count, "0/1", "1 if couple satisfaction < sat_distress at the end"),
        ("dissolved", .count, "0/1", "1 if the couple dissolved"),
        ("day_dissolved", .count, "day", "day of dissolution (NA if none)"),
    ]
}
