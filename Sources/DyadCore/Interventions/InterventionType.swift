/// The intervention types of docs/model.md §7.17, in the document's order: the one list from which
/// the scenario decoder, the JSON schema, the generated docs, the validation oracles and the tests
/// take their types. The raw value is the type's name in scenario files.
///
/// Adding a type is compiler-guided from here: ``InterventionKind`` (its case and the two switches
/// that map kinds and types), the engine's strengths (`InterventionStrengths.include`) and scenario
/// I's target (`ValidationScenarios.interventionTarget(of:)`); docs/contributing.md has the recipe.
public enum InterventionType: String, Sendable, CaseIterable {
    /// U_VALIDATE += s·cv_u_boost after the partner pursued; turn-toward raised toward cv_ptt.
    case consistentValidation = "consistent_validation"
    /// VALIDATE weight × (1 − s); turn-toward × (1 − s·wv_bid_cut).
    case withholdValidation = "withhold_validation"
    /// g += s·ss_g_boost; flooded WITHDRAW → break w.p. s·ss_replace; breaks trained w.p. s.
    case selfSoothing = "self_soothing"
    /// p_soft moves toward st_p_soft by s (all pursuits including the start-up).
    case softStartup = "soft_startup"
    /// p_ann → ci_p_ann by s; own withdrawal impulses × (1 − s·ci_wd_relief).
    case communicateIntentions = "communicate_intentions"
    /// Aroused WITHDRAW → soft PURSUE w.p. s·sv_convert; partner gets s·sv_daily_pos positives a day.
    case shareVulnerability = "share_vulnerability"
    /// Weekly emotionally focused therapy sessions (docs/model.md §7.18).
    case eft
    /// On active days a model parameter moves to base + s·(value − base) (docs/model.md §7.19).
    case set

    /// The names of every type in scenario files, in docs/model.md order.
    public static let names = allCases.map(\.rawValue)
}
