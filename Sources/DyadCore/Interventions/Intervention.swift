/// The kinds of intervention of MODEL.md §7.
public enum InterventionKind: Sendable, Equatable {
    /// U_VALIDATE += s·cv_u_boost after the partner pursued; turn-toward raised toward cv_ptt.
    case consistentValidation
    /// VALIDATE weight × (1 − s); turn-toward × (1 − s·wv_bid_cut).
    case withholdValidation
    /// g += s·ss_g_boost; flooded WITHDRAW → break w.p. s·ss_replace; breaks trained w.p. s.
    case selfSoothing
    /// p_soft moves toward st_p_soft by s (all pursuits including the start-up).
    case softStartup
    /// p_ann → ci_p_ann by s; own withdrawal impulses × (1 − s·ci_wd_relief).
    case communicateIntentions
    /// Aroused WITHDRAW → soft PURSUE w.p. s·sv_convert; partner gets s·sv_daily_pos positives a day.
    case shareVulnerability
    /// Weekly emotionally focused therapy sessions (MODEL.md §7, EFT).
    case eft
    /// On active days `parameter` = base + s·(value − base) for enrolled partners.
    case set(parameter: String, value: Double)

    /// The scenario-file name of the type.
    public var typeName: String {
        switch self {
        case .consistentValidation: "consistent_validation"
        case .withholdValidation: "withhold_validation"
        case .selfSoothing: "self_soothing"
        case .softStartup: "soft_startup"
        case .communicateIntentions: "communicate_intentions"
        case .shareVulnerability: "share_vulnerability"
        case .eft: "eft"
        case .set: "set"
        }
    }

    /// Every type name, in MODEL.md order.
    public static let typeNames = [
        "consistent_validation", "withhold_validation", "self_soothing", "soft_startup",
        "communicate_intentions", "share_vulnerability", "eft", "set",
    ]
}

/// Whom an intervention targets, resolved once at enrolment (MODEL.md §7).
public enum InterventionTarget: String, Sendable, CaseIterable {
    case a, b, both
    /// Larger current a (ties → a).
    case moreAnxious = "more_anxious"
    /// Larger current v (ties → a).
    case moreAvoidant = "more_avoidant"
    case partnerOfMoreAnxious = "partner_of_more_anxious"
    case partnerOfMoreAvoidant = "partner_of_more_avoidant"
}

/// Which couples enrol (MODEL.md §7).
public enum Eligibility: String, Sendable, CaseIterable {
    /// Every couple alive at `start_day`.
    case all
    /// Only couples with Sat_c < sat_distress at the moment of enrolment.
    case distressed
}

/// One intervention of a trial arm (MODEL.md §7).
public struct Intervention: Sendable, Equatable {
    public var kind: InterventionKind
    public var target: InterventionTarget
    /// Strength s in [0, 1]; s = 0 has no effect.
    public var strength: Double
    /// First active day (≥ 0); enrolment happens in step 0 of this day.
    public var startDay: Int
    /// First inactive day (exclusive), or nil for "until the end".
    public var endDay: Int?
    public var eligibility: Eligibility

    public init(
        kind: InterventionKind, target: InterventionTarget = .both, strength: Double = 1,
        startDay: Int = 0, endDay: Int? = nil, eligibility: Eligibility = .all
    ) {
        self.kind = kind
        self.target = target
        self.strength = strength
        self.startDay = startDay
        self.endDay = endDay
        self.eligibility = eligibility
    }

    /// Active on day d iff start_day ≤ d < end_day.
    @inline(__always)
    public func isActive(day: Int) -> Bool {
        day >= startDay && day < (endDay ?? Int.max)
    }
}

/// A trial arm: a counterfactual world of the same couples (MODEL.md §2).
public struct Arm: Sendable, Equatable {
    public var name: String
    public var interventions: [Intervention]

    public init(name: String, interventions: [Intervention] = []) {
        self.name = name
        self.interventions = interventions
    }

    /// The most interventions one arm may hold (enrolment is a bit mask per partner).
    public static let maximumInterventions = 32
}
