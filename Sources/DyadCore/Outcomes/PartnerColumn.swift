/// The columns of `partners.csv` after `sweep_point, replicate, arm, couple, role`: one row per
/// partner with role-free names, the partner's own traits, style and outcomes followed by the
/// other partner's traits and style as `partner_…` columns (the layout of an actor–partner
/// interdependence model, docs/dyadic-data.md). Every value is taken from the couple's
/// couples.csv row (``value(role:row:measured:)``): nothing is simulated for it.
/// The measured columns (``isMeasured``) are written only with a `measurement` section.
public enum PartnerColumn: Int, CaseIterable, Sendable {
    case a0, v0, style0, proto, anxiety, avoidance, style, moreAnxious, moreAvoidant
    case initiated, pwPursuer, actions, pursueFrac, withdrawFrac, validateFrac, selfregFrac, harshFrac
    case meanE, peakE, maxHR, floodFrac, recoveryTime, tonicE, security, meanSecurity, rumination
    case turnToward, sat
    case partnerA0, partnerV0, partnerStyle0, partnerProto, partnerAnxiety, partnerAvoidance, partnerStyle
    case satBaseline, ecrAnx0, ecrAvo0, ecrAnx, ecrAvo, csiBaseline, csi, csiDistressedBaseline, csiDistressed
    case partnerEcrAnx0, partnerEcrAvo0, partnerEcrAnx, partnerEcrAvo

    /// Where a value comes from, for the partner in role a (first) and in role b (second).
    public enum Source: Sendable, Equatable {
        /// A couples.csv column per role.
        case couple(CoupleOutcomeColumn, CoupleOutcomeColumn)
        /// A measured column per role.
        case measured(MeasuredColumn, MeasuredColumn)
        /// 1 if the partner is the more anxious one (``RoleFreeGrouping``), else 0.
        case moreAnxious
        /// 1 if the partner is the more avoidant one, else 0.
        case moreAvoidant
        /// Episodes the partner initiated: initiated_a for a, episodes − initiated_a for b.
        case initiated

        /// The value for the partner in `role` from the couple's row (`row` in
        /// ``CoupleOutcomeColumn`` order, `measured` in ``MeasuredColumn`` order or empty):
        /// NaN = NA, labels as codes.
        public func value(role: Role, row: UnsafeBufferPointer<Double>, measured: UnsafeBufferPointer<Double>) -> Double
        {
            let isA = role == .a
            switch self {
            case .couple(let a, let b): return row[(isA ? a : b).rawValue]
            case .measured(let a, let b):
                let index = (isA ? a : b).rawValue
                return index < measured.count ? measured[index] : .nan
            case .moreAnxious: return RoleFreeGrouping.isMoreAnxious(role, row: row) ? 1 : 0
            case .moreAvoidant: return RoleFreeGrouping.isMoreAvoidant(role, row: row) ? 1 : 0
            case .initiated:
                let byA = row[CoupleOutcomeColumn.initiatedA.rawValue]
                return isA ? byA : row[CoupleOutcomeColumn.episodes.rawValue] - byA
            }
        }
    }

    /// The CSV column name.
    public var name: String { definition.name }
    /// How values are written.
    public var kind: ColumnKind {
        switch source {
        case .couple(let column, _): column.kind
        case .measured(let column, _): column.kind
        case .moreAnxious, .moreAvoidant, .initiated: .count
        }
    }
    /// Unit of the values.
    public var unit: String {
        switch source {
        case .couple(let column, _): column.unit
        case .measured(let column, _): column.unit
        case .moreAnxious, .moreAvoidant: "0/1"
        case .initiated: "episodes"
        }
    }
    /// What the column means.
    public var meaning: String { definition.meaning }
    /// Where the value comes from.
    public var source: Source { definition.source }
    /// Written only when the scenario has a `measurement` section.
    public var isMeasured: Bool {
        if case .measured = source { return true }
        return false
    }

    /// The columns written without and with a `measurement` section, in file order.
    public static func written(measured: Bool) -> [PartnerColumn] {
        measured ? allCases : allCases.filter { !$0.isMeasured }
    }

    /// The value for the partner in `role` from the couple's row (see ``Source/value(role:row:measured:)``).
    public func value(role: Role, row: UnsafeBufferPointer<Double>, measured: UnsafeBufferPointer<Double>) -> Double {
        source.value(role: role, row: row, measured: measured)
    }

    /// Name, meaning and source: the one place they are written down.
    private var definition: (name: String, meaning: String, source: Source) {
        switch self {
        case .a0: ("a0", "day-0 attachment anxiety of this partner (a0_a or a0_b)", .couple(.a0A, .a0B))
        case .v0: ("v0", "day-0 attachment avoidance of this partner", .couple(.v0A, .v0B))
        case .style0: ("style0", "day-0 style of this partner", .couple(.style0A, .style0B))
        case .proto: ("proto", "styles-mode prototype of this partner (NA in traits mode)", .couple(.protoA, .protoB))
        case .anxiety: ("a", "anxiety of this partner at the end", .couple(.aA, .aB))
        case .avoidance: ("v", "avoidance of this partner at the end", .couple(.vA, .vB))
        case .style: ("style", "style of this partner at the end", .couple(.styleA, .styleB))
        case .moreAnxious:
            (
                "more_anxious", "1 if this partner is the couple's more anxious partner (higher a0; ties: role a)",
                .moreAnxious
            )
        case .moreAvoidant:
            (
                "more_avoidant", "1 if this partner is the couple's more avoidant partner (higher v0; ties: role a)",
                .moreAvoidant
            )
        case .initiated: ("initiated", "episodes initiated by this partner", .initiated)
        case .pwPursuer:
            (
                "pw_pursuer", "pursue-withdraw pairs whose pursuer is this partner (pw_ab or pw_ba)",
                .couple(.pwAB, .pwBA)
            )
        case .actions: ("actions", "non-forced actions of this partner", .couple(.actionsA, .actionsB))
        case .pursueFrac:
            (
                "pursue_frac", "share of this partner's non-forced actions that are PURSUE (NA if none)",
                .couple(.pursueFracA, .pursueFracB)
            )
        case .withdrawFrac:
            ("withdraw_frac", "share that are WITHDRAW", .couple(.withdrawFracA, .withdrawFracB))
        case .validateFrac:
            ("validate_frac", "share that are VALIDATE", .couple(.validateFracA, .validateFracB))
        case .selfregFrac:
            ("selfreg_frac", "share that are SELF_REGULATE", .couple(.selfregFracA, .selfregFracB))
        case .harshFrac:
            (
                "harsh_frac", "share of this partner's non-forced PURSUEs that are harsh (NA if none)",
                .couple(.harshFracA, .harshFracB)
            )
        case .meanE: ("mean_e", "mean end-of-turn arousal of this partner (NA if no turns)", .couple(.meanEA, .meanEB))
        case .peakE:
            ("peak_e", "mean over episodes of this partner's largest end-of-turn arousal", .couple(.peakEA, .peakEB))
        case .maxHR: ("max_hr", "heart rate at this partner's largest end-of-turn arousal", .couple(.maxHRA, .maxHRB))
        case .floodFrac:
            (
                "flood_frac", "share of turns with this partner's arousal above theta_flood",
                .couple(.floodFracA, .floodFracB)
            )
        case .recoveryTime:
            (
                "recovery_time", "mean minutes this partner needs after an episode to recover",
                .couple(.recoveryTimeA, .recoveryTimeB)
            )
        case .tonicE: ("tonic_e", "mean end-of-day arousal of this partner", .couple(.tonicEA, .tonicEB))
        case .security: ("security", "felt security of this partner at the end", .couple(.securityA, .securityB))
        case .meanSecurity:
            ("mean_security", "mean end-of-day felt security of this partner", .couple(.meanSecurityA, .meanSecurityB))
        case .rumination:
            ("rumination", "mean end-of-day rumination of this partner", .couple(.ruminationA, .ruminationB))
        case .turnToward:
            (
                "turn_toward", "share of this partner's bids the other turned toward (NA if no bids)",
                .couple(.turnTowardA, .turnTowardB)
            )
        case .sat: ("sat", "satisfaction of this partner at the end", .couple(.satA, .satB))
        case .partnerA0: ("partner_a0", "day-0 attachment anxiety of the other partner", .couple(.a0B, .a0A))
        case .partnerV0: ("partner_v0", "day-0 attachment avoidance of the other partner", .couple(.v0B, .v0A))
        case .partnerStyle0: ("partner_style0", "day-0 style of the other partner", .couple(.style0B, .style0A))
        case .partnerProto:
            ("partner_proto", "prototype of the other partner (NA in traits mode)", .couple(.protoB, .protoA))
        case .partnerAnxiety: ("partner_a", "anxiety of the other partner at the end", .couple(.aB, .aA))
        case .partnerAvoidance: ("partner_v", "avoidance of the other partner at the end", .couple(.vB, .vA))
        case .partnerStyle: ("partner_style", "style of the other partner at the end", .couple(.styleB, .styleA))
        case .satBaseline:
            (
                "sat_baseline",
                "true satisfaction of this partner at the start of baseline_day (with a measurement section)",
                .measured(.satBaselineA, .satBaselineB)
            )
        case .ecrAnx0:
            (
                "ecr_anx0", "measured ECR-R anxiety of this partner on day 0 (ecr_anx0_a or ecr_anx0_b)",
                .measured(.ecrAnx0A, .ecrAnx0B)
            )
        case .ecrAvo0:
            ("ecr_avo0", "measured ECR-R avoidance of this partner on day 0", .measured(.ecrAvo0A, .ecrAvo0B))
        case .ecrAnx: ("ecr_anx", "measured ECR-R anxiety of this partner at the end", .measured(.ecrAnxA, .ecrAnxB))
        case .ecrAvo: ("ecr_avo", "measured ECR-R avoidance of this partner at the end", .measured(.ecrAvoA, .ecrAvoB))
        case .csiBaseline:
            (
                "csi_baseline", "measured CSI-16 satisfaction of this partner at the start of baseline_day",
                .measured(.csiBaselineA, .csiBaselineB)
            )
        case .csi: ("csi", "measured CSI-16 satisfaction of this partner at the end", .measured(.csiA, .csiB))
        case .csiDistressedBaseline:
            (
                "csi_distressed_baseline", "1 if csi_baseline is below the CSI-16 cut-off",
                .measured(.csiDistressedBaselineA, .csiDistressedBaselineB)
            )
        case .csiDistressed:
            ("csi_distressed", "1 if csi is below the CSI-16 cut-off", .measured(.csiDistressedA, .csiDistressedB))
        case .partnerEcrAnx0:
            (
                "partner_ecr_anx0", "measured ECR-R anxiety of the other partner on day 0",
                .measured(.ecrAnx0B, .ecrAnx0A)
            )
        case .partnerEcrAvo0:
            (
                "partner_ecr_avo0", "measured ECR-R avoidance of the other partner on day 0",
                .measured(.ecrAvo0B, .ecrAvo0A)
            )
        case .partnerEcrAnx:
            ("partner_ecr_anx", "measured ECR-R anxiety of the other partner at the end", .measured(.ecrAnxB, .ecrAnxA))
        case .partnerEcrAvo:
            (
                "partner_ecr_avo", "measured ECR-R avoidance of the other partner at the end",
                .measured(.ecrAvoB, .ecrAvoA)
            )
        }
    }
}
