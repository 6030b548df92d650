/// An intervention's type with what the type needs: nothing, or for `set` a parameter and its
/// value (docs/model.md §7.17). Each case mirrors one ``InterventionType``.
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
    /// Weekly emotionally focused therapy sessions (docs/model.md §7.18).
    case eft
    /// On active days `parameter` = base + s·(value − base) for enrolled partners.
    case set(parameter: String, value: Double)

    /// The kind of a type that needs nothing else; nil for `set`, which needs a parameter and a value.
    public init?(_ type: InterventionType) {
        switch type {
        case .consistentValidation: self = .consistentValidation
        case .withholdValidation: self = .withholdValidation
        case .selfSoothing: self = .selfSoothing
        case .softStartup: self = .softStartup
        case .communicateIntentions: self = .communicateIntentions
        case .shareVulnerability: self = .shareVulnerability
        case .eft: self = .eft
        case .set: return nil
        }
    }

    /// The kind's type.
    public var type: InterventionType {
        switch self {
        case .consistentValidation: .consistentValidation
        case .withholdValidation: .withholdValidation
        case .selfSoothing: .selfSoothing
        case .softStartup: .softStartup
        case .communicateIntentions: .communicateIntentions
        case .shareVulnerability: .shareVulnerability
        case .eft: .eft
        case .set: .set
        }
    }

    /// The scenario-file name of the type.
    public var typeName: String { type.rawValue }

    /// One kind of every type that needs no parameter, in ``InterventionType`` order (every type
    /// but `set`).
    public static var parameterFree: [InterventionKind] { InterventionType.allCases.compactMap(InterventionKind.init) }
}
